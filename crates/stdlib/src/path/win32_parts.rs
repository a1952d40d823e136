//! `path.win32` parts: `toNamespacedPath`, `dirname`, `basename`, `extname`, `parse`,
//! `format` (ported from Node's `lib/path.js`).

use super::common::{basename_from, format as format_with, no_ext, scan_ext, slice};
use super::win32_impl::{is_device_root, is_sep, resolve, skip};
use super::ParsedPath;

/// Converts a path to its `\\?\` long form (resolved against `cwd`).
///
/// Mirrors <https://nodejs.org/api/path.html#pathtonamespacedpathpath>.
///
/// # Examples
/// ```
/// use node_stdlib::path::win32;
/// assert_eq!(win32::to_namespaced_path("C:\\foo", "C:\\"), "\\\\?\\C:\\foo");
/// assert_eq!(win32::to_namespaced_path("\\\\srv\\share\\x", "C:\\"), "\\\\?\\UNC\\srv\\share\\x");
/// ```
#[doc(alias = "toNamespacedPath")]
pub fn to_namespaced_path(path: &str, cwd: &str) -> String {
    if path.is_empty() {
        return String::new();
    }
    let resolved = resolve(&[path], cwd);
    let r = resolved.as_bytes();
    if resolved.encode_utf16().count() <= 2 {
        return path.to_owned();
    }
    if r[0] == b'\\' {
        if r[1] == b'\\' {
            let code = r[2];
            if code != b'?' && code != b'.' {
                return format!("\\\\?\\UNC\\{}", &resolved[2..]);
            }
        }
    } else if is_device_root(r[0]) && r[1] == b':' && r[2] == b'\\' {
        return format!("\\\\?\\{resolved}");
    }
    resolved
}

/// The directory part of a path, keeping drive and UNC roots.
///
/// Mirrors <https://nodejs.org/api/path.html#pathdirnamepath>.
///
/// # Examples
/// ```
/// use node_stdlib::path::win32;
/// assert_eq!(win32::dirname("C:\\foo\\bar"), "C:\\foo");
/// assert_eq!(win32::dirname("\\\\srv\\share"), "\\\\srv\\share");
/// ```
pub fn dirname(path: &str) -> String {
    let b = path.as_bytes();
    let len = b.len();
    if len == 0 {
        return ".".to_owned();
    }
    let mut root_end: isize = -1;
    let mut offset = 0usize;
    let code = b[0];
    if path.encode_utf16().count() == 1 {
        return if is_sep(code) {
            path.to_owned()
        } else {
            ".".to_owned()
        };
    }
    if is_sep(code) {
        root_end = 1;
        offset = 1;
        if is_sep(b[1]) {
            let mut j = skip(b, 2, false);
            let mut last = 2;
            if j < len && j != last {
                last = j;
                j = skip(b, j, true);
                if j < len && j != last {
                    last = j;
                    j = skip(b, j, false);
                    if j == len {
                        return path.to_owned();
                    }
                    if j != last {
                        root_end = (j + 1) as isize;
                        offset = j + 1;
                    }
                }
            }
        }
    } else if is_device_root(code) && b[1] == b':' {
        root_end = if len > 2 && is_sep(b[2]) { 3 } else { 2 };
        offset = root_end as usize;
    }
    let mut end: isize = -1;
    let mut matched_slash = true;
    let mut i = len as isize - 1;
    while i >= offset as isize {
        if is_sep(b[i as usize]) {
            if !matched_slash {
                end = i;
                break;
            }
        } else {
            matched_slash = false;
        }
        i -= 1;
    }
    if end == -1 {
        if root_end == -1 {
            return ".".to_owned();
        }
        end = root_end;
    }
    slice(path, 0, end)
}

/// The last portion of a path, without a trailing `suffix` if it has one.
///
/// Mirrors <https://nodejs.org/api/path.html#pathbasenamepath-suffix>.
///
/// # Examples
/// ```
/// use node_stdlib::path::win32;
/// assert_eq!(win32::basename("C:\\foo.html", Some(".html")), "foo");
/// assert_eq!(win32::basename("C:", None), "");
/// ```
pub fn basename(path: &str, suffix: Option<&str>) -> String {
    let b = path.as_bytes();
    let start = if b.len() >= 2 && is_device_root(b[0]) && b[1] == b':' {
        2
    } else {
        0
    };
    basename_from(path, suffix, start, is_sep)
}

/// The extension of the last portion of a path, from its last `.`.
///
/// Mirrors <https://nodejs.org/api/path.html#pathextnamepath>.
///
/// # Examples
/// ```
/// use node_stdlib::path::win32;
/// assert_eq!(win32::extname("C:\\a\\b.txt"), ".txt");
/// assert_eq!(win32::extname("C:.x"), "");
/// ```
pub fn extname(path: &str) -> String {
    let b = path.as_bytes();
    let start = if b.len() >= 2 && b[1] == b':' && is_device_root(b[0]) {
        2
    } else {
        0
    };
    let (start_dot, start_part, end, state) = scan_ext(b, start, start as isize, is_sep);
    if no_ext(start_dot, start_part, end, state) {
        return String::new();
    }
    slice(path, start_dot, end)
}

/// Splits a path into root, dir, base, ext and name.
///
/// Mirrors <https://nodejs.org/api/path.html#pathparsepath>.
///
/// # Examples
/// ```
/// use node_stdlib::path::win32;
/// let p = win32::parse("C:\\path\\dir\\file.txt");
/// assert_eq!((p.root.as_str(), p.dir.as_str(), p.base.as_str()), ("C:\\", "C:\\path\\dir", "file.txt"));
/// ```
pub fn parse(path: &str) -> ParsedPath {
    let mut ret = ParsedPath::default();
    let b = path.as_bytes();
    let len = b.len();
    if len == 0 {
        return ret;
    }
    let mut root_end = 0usize;
    let code = b[0];
    if path.encode_utf16().count() == 1 {
        if is_sep(code) {
            ret.root = path.to_owned();
            ret.dir = path.to_owned();
            return ret;
        }
        ret.base = path.to_owned();
        ret.name = path.to_owned();
        return ret;
    }
    if is_sep(code) {
        root_end = 1;
        if is_sep(b[1]) {
            let mut j = skip(b, 2, false);
            let mut last = 2;
            if j < len && j != last {
                last = j;
                j = skip(b, j, true);
                if j < len && j != last {
                    last = j;
                    j = skip(b, j, false);
                    if j == len {
                        root_end = j;
                    } else if j != last {
                        root_end = j + 1;
                    }
                }
            }
        }
    } else if is_device_root(code) && b[1] == b':' {
        if len <= 2 {
            ret.root = path.to_owned();
            ret.dir = path.to_owned();
            return ret;
        }
        root_end = 2;
        if is_sep(b[2]) {
            if len == 3 {
                ret.root = path.to_owned();
                ret.dir = path.to_owned();
                return ret;
            }
            root_end = 3;
        }
    }
    if root_end > 0 {
        ret.root = path[..root_end].to_owned();
    }
    let (start_dot, start_part, end, state) = scan_ext(b, root_end, root_end as isize, is_sep);
    if end != -1 {
        if no_ext(start_dot, start_part, end, state) {
            ret.base = slice(path, start_part, end);
            ret.name = ret.base.clone();
        } else {
            ret.name = slice(path, start_part, start_dot);
            ret.base = slice(path, start_part, end);
            ret.ext = slice(path, start_dot, end);
        }
    }
    if start_part > 0 && start_part != root_end as isize {
        ret.dir = slice(path, 0, start_part - 1);
    } else {
        ret.dir = ret.root.clone();
    }
    ret
}

/// Builds a path from its parts (the inverse of [`parse`]), joining with `\`.
///
/// Mirrors <https://nodejs.org/api/path.html#pathformatpathobject>.
///
/// # Examples
/// ```
/// use node_stdlib::path::{win32, ParsedPath};
/// let p = ParsedPath { dir: "C:\\path\\dir".into(), base: "file.txt".into(), ..Default::default() };
/// assert_eq!(win32::format(&p), "C:\\path\\dir\\file.txt");
/// ```
pub fn format(parts: &ParsedPath) -> String {
    format_with("\\", parts)
}
