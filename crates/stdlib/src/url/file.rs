//! `url.fileURLToPath` / `url.pathToFileURL` (ported from `lib/internal/url.js`).

use node_core::{ErrorClass, NodeError};

use super::{domain_to_unicode, Url};
use crate::path::{posix, win32};
use crate::querystring::decode_uri_component;

fn invalid_path(msg: &str) -> NodeError {
    NodeError::new(
        ErrorClass::TypeError,
        "ERR_INVALID_FILE_URL_PATH",
        format!("File URL path {msg}"),
    )
}

/// Node throws a plain `URIError: URI malformed` (no code) from `decodeURIComponent`.
fn uri_malformed() -> NodeError {
    NodeError::new(ErrorClass::Error, "ERR_INVALID_URI", "URI malformed")
}

/// Whether `%2f`/`%2F` (or, on Windows, `%5c`/`%5C`) occurs.
fn has_encoded_sep(pathname: &str, windows: bool) -> bool {
    let b = pathname.as_bytes();
    (0..b.len()).any(|n| {
        if b[n] != b'%' {
            return false;
        }
        let third = b.get(n + 2).map_or(0, |c| c | 0x20);
        let second = b.get(n + 1).copied();
        (second == Some(b'2') && third == b'f')
            || (windows && second == Some(b'5') && third == b'c')
    })
}

/// Converts a `file:` URL to a path.
///
/// Mirrors <https://nodejs.org/api/url.html#urlfileurltopathurl-options>; `windows`
/// is `options.windows` (Node's default is the host platform: `false` here).
///
/// # Errors
/// `ERR_INVALID_URL` (unparsable string), `ERR_INVALID_URL_SCHEME` (not `file:`),
/// `ERR_INVALID_FILE_URL_HOST` (a host on POSIX), `ERR_INVALID_FILE_URL_PATH` (encoded
/// separators; no drive letter on Windows), and for malformed percent-escapes code
/// `ERR_INVALID_URI` where Node throws an uncoded `URIError: URI malformed`.
///
/// # Examples
/// ```
/// use node_stdlib::url::file_url_to_path;
/// assert_eq!(file_url_to_path("file:///a%20b/%E2%82%AC", false).unwrap(), "/a b/€");
/// assert_eq!(file_url_to_path("file:///C:/x/y", true).unwrap(), "C:\\x\\y");
/// assert_eq!(file_url_to_path("file://host/share/f", true).unwrap(), "\\\\host\\share\\f");
/// assert_eq!(file_url_to_path("http://a/", false).unwrap_err().code(), "ERR_INVALID_URL_SCHEME");
/// ```
#[doc(alias = "fileURLToPath")]
pub fn file_url_to_path(url: &str, windows: bool) -> Result<String, NodeError> {
    file_url_to_path_of(&Url::parse(url, None)?, windows)
}

/// [`file_url_to_path`] for an already parsed [`Url`].
///
/// # Errors
/// As [`file_url_to_path`], without `ERR_INVALID_URL`.
///
/// # Examples
/// ```
/// use node_stdlib::url::{file_url_to_path_of, Url};
/// let u = Url::parse("file:///tmp/x", None).unwrap();
/// assert_eq!(file_url_to_path_of(&u, false).unwrap(), "/tmp/x");
/// ```
pub fn file_url_to_path_of(url: &Url, windows: bool) -> Result<String, NodeError> {
    if url.protocol() != "file:" {
        return Err(NodeError::new(
            ErrorClass::TypeError,
            "ERR_INVALID_URL_SCHEME",
            "The URL must be of scheme file",
        ));
    }
    let pathname = url.pathname();
    if !windows {
        if !url.hostname().is_empty() {
            return Err(NodeError::new(
                ErrorClass::TypeError,
                "ERR_INVALID_FILE_URL_HOST",
                format!(
                    "File URL host must be \"localhost\" or empty on {}",
                    crate::path_platform()
                ),
            ));
        }
        if has_encoded_sep(pathname, false) {
            return Err(invalid_path("must not include encoded / characters"));
        }
        return decode_uri_component(pathname).ok_or_else(uri_malformed);
    }
    if has_encoded_sep(pathname, true) {
        return Err(invalid_path("must not include encoded \\ or / characters"));
    }
    let pathname = decode_uri_component(&pathname.replace('/', "\\")).ok_or_else(uri_malformed)?;
    let hostname = url.hostname();
    if !hostname.is_empty() {
        return Ok(format!("\\\\{}{pathname}", domain_to_unicode(hostname)));
    }
    let b = pathname.as_bytes();
    let letter = b.get(1).map_or(0, |c| c | 0x20);
    if !letter.is_ascii_lowercase() || b.get(2) != Some(&b':') {
        return Err(invalid_path("must be absolute"));
    }
    Ok(pathname[1..].to_owned())
}

/// `encodePathChars`: the RFC 1738 "unsafe" characters Node escapes itself.
fn encode_path_chars(path: &str, windows: bool) -> String {
    let mut out = String::with_capacity(path.len());
    for c in path.chars() {
        match c {
            '%' => out.push_str("%25"),
            '\t' => out.push_str("%09"),
            '\n' => out.push_str("%0A"),
            '\r' => out.push_str("%0D"),
            ' ' => out.push_str("%20"),
            '"' => out.push_str("%22"),
            '#' => out.push_str("%23"),
            '?' => out.push_str("%3F"),
            '[' => out.push_str("%5B"),
            '\\' if !windows => out.push_str("%5C"),
            ']' => out.push_str("%5D"),
            '^' => out.push_str("%5E"),
            '|' => out.push_str("%7C"),
            '~' => out.push_str("%7E"),
            c => out.push(c),
        }
    }
    out
}

/// Converts a path to a `file:` URL, resolving it against `cwd` first.
///
/// Mirrors <https://nodejs.org/api/url.html#urlpathtofileurlpath-options>: a trailing
/// separator is kept, `%`, whitespace, `"#?[]^|~` (and `\` on POSIX) are
/// percent-encoded, then the URL parser encodes the rest. With `windows`, `\\server\share`
/// paths become `file://server/share`.
///
/// # Errors
/// `ERR_INVALID_ARG_VALUE` for a Windows UNC path without a share or server name;
/// `ERR_INVALID_URL` if the result does not parse (not expected).
///
/// # Examples
/// ```
/// use node_stdlib::url::path_to_file_url;
/// assert_eq!(path_to_file_url("/some/path%.c", false, "/").unwrap().href(), "file:///some/path%25.c");
/// assert_eq!(path_to_file_url("dir/", false, "/home").unwrap().href(), "file:///home/dir/");
/// assert_eq!(path_to_file_url("C:\\a b", true, "C:\\").unwrap().href(), "file:///C:/a%20b");
/// ```
#[doc(alias = "pathToFileURL")]
pub fn path_to_file_url(filepath: &str, windows: bool, cwd: &str) -> Result<Url, NodeError> {
    if windows && filepath.starts_with("\\\\") {
        let extended = filepath.starts_with("\\\\?\\UNC\\");
        let prefix = if extended { 8 } else { 2 };
        let end = filepath
            .get(prefix..)
            .and_then(|r| r.find('\\'))
            .map(|i| i + prefix);
        let Some(end) = end else {
            return Err(NodeError::invalid_arg_value(
                "path",
                &node_core::inspect_string(filepath),
                "Missing UNC resource path",
            ));
        };
        if end == 2 {
            return Err(NodeError::invalid_arg_value(
                "path",
                &node_core::inspect_string(filepath),
                "Empty UNC servername",
            ));
        }
        let mut out = Url::parse("file://", None)?;
        out.set_hostname(&super::domain_to_ascii(&filepath[prefix..end]));
        out.set_pathname(&encode_path_chars(
            &filepath[end..].replace('\\', "/"),
            true,
        ));
        return Ok(out);
    }
    let mut resolved = if windows {
        win32::resolve(&[filepath], cwd)
    } else {
        posix::resolve(&[filepath], cwd)
    };
    let last = filepath.as_bytes().last().copied();
    let sep = if windows { '\\' } else { '/' };
    if (last == Some(b'/') || (windows && last == Some(b'\\'))) && !resolved.ends_with(sep) {
        resolved.push('/');
    }
    Url::parse(
        &format!("file://{}", encode_path_chars(&resolved, windows)),
        None,
    )
}
