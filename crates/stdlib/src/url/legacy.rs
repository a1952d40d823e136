//! The legacy `url.parse()` / `url.format()` / `url.resolve()` (a port of
//! `lib/url.js`, Node 20): not WHATWG, kept for code that still calls them.

use node_core::{ErrorClass, NodeError};

use super::url_format;
use crate::querystring::{self, ParsedValue};

/// The `query` field of a legacy [`LegacyUrl`].
///
/// # Examples
/// ```
/// use node_stdlib::url::{url_parse, LegacyQuery};
/// let u = url_parse("/p?a=1", false, false).unwrap();
/// assert_eq!(u.query, LegacyQuery::Str("a=1".into()));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum LegacyQuery {
    /// `null`.
    #[default]
    Null,
    /// The raw query string (`parseQueryString` false).
    Str(String),
    /// `querystring.parse()` of it (`parseQueryString` true).
    Parsed(Vec<(String, ParsedValue)>),
}

/// Node's legacy `Url` object (`url.parse()` result; `url.format()` input).
///
/// Mirrors <https://nodejs.org/api/url.html#legacy-url-api>. `None` is JavaScript `null`.
///
/// # Examples
/// ```
/// let u = node_stdlib::url::url_parse("http://user:pass@host.com:8080/p/a/t/h?query=string#hash", false, false).unwrap();
/// assert_eq!(u.host.as_deref(), Some("host.com:8080"));
/// assert_eq!(u.path.as_deref(), Some("/p/a/t/h?query=string"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct LegacyUrl {
    /// Lower-cased scheme with `:`.
    pub protocol: Option<String>,
    /// Whether `//` followed the scheme.
    pub slashes: Option<bool>,
    /// `user:pass`, decoded.
    pub auth: Option<String>,
    /// Host with port.
    pub host: Option<String>,
    /// Port digits.
    pub port: Option<String>,
    /// Lower-cased, punycoded host name.
    pub hostname: Option<String>,
    /// `#` and the fragment.
    pub hash: Option<String>,
    /// `?` and the query.
    pub search: Option<String>,
    /// The query, raw or parsed.
    pub query: LegacyQuery,
    /// The path without query.
    pub pathname: Option<String>,
    /// Path and query.
    pub path: Option<String>,
    /// The formatted URL.
    pub href: Option<String>,
}

pub(crate) fn is_slashed(p: &str) -> bool {
    matches!(
        p,
        "http"
            | "http:"
            | "https"
            | "https:"
            | "ftp"
            | "ftp:"
            | "gopher"
            | "gopher:"
            | "file"
            | "file:"
            | "ws"
            | "ws:"
            | "wss"
            | "wss:"
    )
}

pub(crate) fn is_hostless(p: &str) -> bool {
    matches!(p, "javascript" | "javascript:")
}

/// JavaScript's `\s`.
fn is_js_space(c: char) -> bool {
    matches!(
        c,
        '\t' | '\n' | '\u{b}' | '\u{c}' | '\r' | ' ' | '\u{a0}' | '\u{1680}' | '\u{2000}'
            ..='\u{200a}'
                | '\u{2028}'
                | '\u{2029}'
                | '\u{202f}'
                | '\u{205f}'
                | '\u{3000}'
                | '\u{feff}'
    )
}

/// `simplePathPattern`: `/^(\/\/?(?!\/)[^?\s]*)(\?[^\s]*)?$/`.
fn simple_path(rest: &str) -> Option<(&str, Option<&str>)> {
    let b = rest.as_bytes();
    if b.first() != Some(&b'/') {
        return None;
    }
    let skip = if b.get(1) == Some(&b'/') { 2 } else { 1 };
    if b.get(skip) == Some(&b'/') {
        return None;
    }
    let path_end = rest[skip..]
        .find(|c: char| c == '?' || is_js_space(c))
        .map_or(rest.len(), |i| i + skip);
    let (path, tail) = rest.split_at(path_end);
    if tail.is_empty() {
        return Some((path, None));
    }
    if tail.starts_with('?') && !tail.contains(is_js_space) {
        return Some((path, Some(tail)));
    }
    None
}

/// `protocolPattern`: `/^[a-z0-9.+-]+:/i`.
fn protocol_prefix(rest: &str) -> Option<&str> {
    let end = rest.find(|c: char| !(c.is_ascii_alphanumeric() || matches!(c, '.' | '+' | '-')))?;
    (end > 0 && rest[end..].starts_with(':')).then(|| &rest[..=end])
}

/// `hostPattern`: `/^\/\/[^@/]+@[^@/]+/`.
fn host_pattern(rest: &str) -> bool {
    let Some(r) = rest.strip_prefix("//") else {
        return false;
    };
    let Some(at) = r.find(['@', '/']) else {
        return false;
    };
    at > 0
        && r.as_bytes()[at] == b'@'
        && r[at + 1..]
            .chars()
            .next()
            .is_some_and(|c| c != '@' && c != '/')
}

fn escaped(c: char) -> Option<&'static str> {
    Some(match c {
        '\t' => "%09",
        '\n' => "%0A",
        '\r' => "%0D",
        ' ' => "%20",
        '"' => "%22",
        '\'' => "%27",
        '<' => "%3C",
        '>' => "%3E",
        '\\' => "%5C",
        '^' => "%5E",
        '`' => "%60",
        '{' => "%7B",
        '|' => "%7C",
        '}' => "%7D",
        _ => return None,
    })
}

fn auto_escape(rest: &str) -> String {
    let mut out = String::with_capacity(rest.len());
    for c in rest.chars() {
        match escaped(c) {
            Some(e) => out.push_str(e),
            None => out.push(c),
        }
    }
    out
}

fn invalid_url() -> NodeError {
    NodeError::new(ErrorClass::TypeError, "ERR_INVALID_URL", "Invalid URL")
}

/// Parses a URL string the legacy way: `url.parse(urlString, parseQueryString,
/// slashesDenoteHost)`.
///
/// Mirrors <https://nodejs.org/api/url.html#urlparseurlstring-parsequerystring-slashesdenotehost>.
/// Node also emits a one-time `DEP0170` warning for a host followed by `:` and a
/// non-numeric port; warnings are the caller's concern.
///
/// # Errors
/// `ERR_INVALID_URL` when the host holds forbidden characters or is not valid IDNA.
///
/// # Examples
/// ```
/// use node_stdlib::url::url_parse;
/// let u = url_parse("//foo/bar", false, true).unwrap();
/// assert_eq!((u.host.as_deref(), u.pathname.as_deref()), (Some("foo"), Some("/bar")));
/// assert_eq!(url_parse("http://a b.com/", false, false).unwrap().host.as_deref(), Some("a"));
/// ```
#[doc(alias = "parse")]
pub fn url_parse(
    url: &str,
    parse_query_string: bool,
    slashes_denote_host: bool,
) -> Result<LegacyUrl, NodeError> {
    let mut this = LegacyUrl::default();
    // Trim whitespace (including NBSP and BOM) and turn `\` into `/` before `?`/`#`.
    let mut has_hash = false;
    let mut has_at = false;
    let mut start: Option<usize> = None;
    let mut end: Option<usize> = None;
    let mut rest = String::new();
    let mut last_pos = 0usize;
    let (mut in_ws, mut split) = (false, false);
    for (i, c) in url.char_indices() {
        let is_ws = (c as u32) < 33 || c == '\u{a0}' || c == '\u{feff}';
        if start.is_none() {
            if is_ws {
                continue;
            }
            start = Some(i);
            last_pos = i;
        } else if in_ws {
            if !is_ws {
                end = None;
                in_ws = false;
            }
        } else if is_ws {
            end = Some(i);
            in_ws = true;
        }
        if !split {
            match c {
                '@' => has_at = true,
                '#' => {
                    has_hash = true;
                    split = true;
                }
                '?' => split = true,
                '\\' => {
                    rest.push_str(&url[last_pos..i]);
                    rest.push('/');
                    last_pos = i + 1;
                }
                _ => {}
            }
        } else if !has_hash && c == '#' {
            has_hash = true;
        }
    }
    if let Some(start) = start {
        if last_pos == start {
            rest = match end {
                None => url[start..].to_owned(),
                Some(e) => url[start..e].to_owned(),
            };
        } else if end.is_none() && last_pos < url.len() {
            rest.push_str(&url[last_pos..]);
        } else if let Some(e) = end {
            if last_pos < e {
                rest.push_str(&url[last_pos..e]);
            }
        }
    }

    if !slashes_denote_host && !has_hash && !has_at {
        if let Some((pathname, search)) = simple_path(&rest) {
            this.path = Some(rest.clone());
            this.href = Some(rest.clone());
            this.pathname = Some(pathname.to_owned());
            match search {
                Some(s) if !s.is_empty() => {
                    this.search = Some(s.to_owned());
                    this.query = if parse_query_string {
                        LegacyQuery::Parsed(querystring::parse(&s[1..], &Default::default()))
                    } else {
                        LegacyQuery::Str(s[1..].to_owned())
                    };
                }
                _ if parse_query_string => {
                    this.search = None;
                    this.query = LegacyQuery::Parsed(Vec::new());
                }
                _ => {}
            }
            return Ok(this);
        }
    }

    let proto = protocol_prefix(&rest).map(str::to_owned);
    let lower_proto = proto.as_ref().map(|p| p.to_lowercase());
    if let (Some(p), Some(lp)) = (&proto, &lower_proto) {
        this.protocol = Some(lp.clone());
        rest = rest[p.len()..].to_owned();
    }
    let lp = lower_proto.as_deref().unwrap_or("");
    let mut slashes = false;
    if slashes_denote_host || proto.is_some() || host_pattern(&rest) {
        slashes = rest.starts_with("//");
        if slashes && !(proto.is_some() && is_hostless(lp)) {
            rest = rest[2..].to_owned();
            this.slashes = Some(true);
        }
    }

    if !is_hostless(lp) && (slashes || proto.as_deref().is_some_and(|p| !is_slashed(p))) {
        // Find the end of the host: the first of `#/?`, with `@` resetting. Tabs and
        // line breaks before that point are dropped.
        let mut host_end: Option<usize> = None;
        let mut at_sign: Option<usize> = None;
        let mut non_host: Option<usize> = None;
        let mut cleaned = String::with_capacity(rest.len());
        for (bi, c) in rest.char_indices() {
            if host_end.is_some() {
                cleaned.push_str(&rest[bi..]);
                break;
            }
            if matches!(c, '\t' | '\n' | '\r') {
                continue;
            }
            let i = cleaned.len();
            cleaned.push(c);
            match c {
                ' ' | '"' | '%' | '\'' | ';' | '<' | '>' | '\\' | '^' | '`' | '{' | '|' | '}' => {
                    non_host.get_or_insert(i);
                }
                '#' | '/' | '?' => {
                    non_host.get_or_insert(i);
                    host_end = Some(i);
                }
                '@' => {
                    at_sign = Some(i);
                    non_host = None;
                }
                _ => {}
            }
        }
        rest = cleaned;
        let mut host_start = 0;
        if let Some(at) = at_sign {
            this.auth = Some(
                querystring::decode_uri_component(&rest[..at]).ok_or_else(|| {
                    NodeError::new(ErrorClass::Error, "ERR_INVALID_URI", "URI malformed")
                })?,
            );
            host_start = at + 1;
        }
        match non_host {
            None => {
                this.host = Some(rest[host_start..].to_owned());
                rest.clear();
            }
            Some(nh) => {
                this.host = Some(rest[host_start.min(nh)..nh].to_owned());
                rest = rest[nh..].to_owned();
            }
        }
        parse_host(&mut this);
        let hostname = this.hostname.clone().unwrap_or_default();
        this.hostname = Some(hostname.clone());
        let ipv6 = hostname.starts_with('[') && hostname.ends_with(']') && !hostname.is_empty();
        if !ipv6 {
            // getHostname: cut at the first `/\#?:` and push the remainder into the path.
            if let Some(i) = hostname.find(['/', '\\', '#', '?', ':']) {
                this.hostname = Some(hostname[..i].to_owned());
                rest = format!("/{}{rest}", &hostname[i..]);
            }
        }
        let mut h = this.hostname.clone().unwrap_or_default();
        if h.encode_utf16().count() > 255 {
            h.clear();
        } else {
            h = h.to_lowercase();
        }
        if !h.is_empty() {
            if ipv6 {
                if h.contains([
                    '\0', '\t', '\n', '\r', ' ', '#', '%', '/', '<', '>', '?', '@', '\\', '^', '|',
                ]) {
                    return Err(invalid_url());
                }
            } else {
                h = idna::domain_to_ascii(&h).unwrap_or_default();
                if h.is_empty()
                    || h.contains([
                        '\0', '\t', '\n', '\r', ' ', '#', '%', '/', ':', '<', '>', '?', '@', '[',
                        '\\', ']', '^', '|',
                    ])
                {
                    return Err(invalid_url());
                }
            }
        }
        let port = this
            .port
            .as_ref()
            .map(|p| format!(":{p}"))
            .unwrap_or_default();
        this.host = Some(format!("{h}{port}"));
        if ipv6 {
            h = h.get(1..h.len().saturating_sub(1)).unwrap_or("").to_owned();
            if !rest.starts_with('/') {
                rest.insert(0, '/');
            }
        }
        this.hostname = Some(h);
    }

    if !is_hostless(lp) {
        rest = auto_escape(&rest);
    }

    let mut question: Option<usize> = None;
    let mut hash_idx: Option<usize> = None;
    for (i, c) in rest.char_indices() {
        if c == '#' {
            this.hash = Some(rest[i..].to_owned());
            hash_idx = Some(i);
            break;
        } else if c == '?' && question.is_none() {
            question = Some(i);
        }
    }
    if let Some(q) = question {
        let end = hash_idx.unwrap_or(rest.len());
        this.search = Some(rest[q..end].to_owned());
        let raw = &rest[q + 1..end];
        this.query = if parse_query_string {
            LegacyQuery::Parsed(querystring::parse(raw, &Default::default()))
        } else {
            LegacyQuery::Str(raw.to_owned())
        };
    } else if parse_query_string {
        this.search = None;
        this.query = LegacyQuery::Parsed(Vec::new());
    }
    // `questionIdx !== -1 && (hashIdx === -1 || questionIdx < hashIdx)`
    let use_question = question.is_some_and(|q| !matches!(hash_idx, Some(h) if h <= q));
    let first = if use_question { question } else { hash_idx };
    match first {
        None if !rest.is_empty() => this.pathname = Some(rest.clone()),
        Some(f) if f > 0 => this.pathname = Some(rest[..f].to_owned()),
        _ => {}
    }
    if is_slashed(lp)
        && this.hostname.as_deref().is_some_and(|h| !h.is_empty())
        && this.pathname.as_deref().unwrap_or("").is_empty()
    {
        this.pathname = Some("/".to_owned());
    }
    let p = this.pathname.clone().unwrap_or_default();
    let s = this.search.clone().unwrap_or_default();
    if !p.is_empty() || !s.is_empty() {
        this.path = Some(format!("{p}{s}"));
    }
    this.href = Some(url_format(&this));
    Ok(this)
}

/// `Url.prototype.parseHost`: split a trailing `:digits` port off `host`.
fn parse_host(this: &mut LegacyUrl) {
    let mut host = this.host.clone().unwrap_or_default();
    if let Some(colon) = host.rfind(':') {
        if host[colon + 1..].bytes().all(|b| b.is_ascii_digit()) {
            if colon + 1 < host.len() {
                this.port = Some(host[colon + 1..].to_owned());
            }
            host.truncate(colon);
        }
    }
    if !host.is_empty() {
        this.hostname = Some(host);
    }
}
