//! `path.posix`, ported from Node's `lib/path.js`.

use super::common::{
    basename_from, format as format_with, no_ext, normalize_string, scan_ext, slice,
};
use super::ParsedPath;

/// The segment separator, `path.posix.sep`.
///
/// Mirrors <https://nodejs.org/api/path.html#pathsep>.
///
/// # Examples
/// ```
/// assert_eq!(node_stdlib::path::posix::SEP, "/");
/// ```
pub const SEP: &str = "/";

/// The `PATH` list delimiter, `path.posix.delimiter`.
///
/// Mirrors <https://nodejs.org/api/path.html#pathdelimiter>.
///
/// # Examples
/// ```
/// assert_eq!(node_stdlib::path::posix::DELIMITER, ":");
/// ```
pub const DELIMITER: &str = ":";

fn is_sep(c: u8) -> bool {
    c == b'/'
}

/// Resolves a sequence of paths into an absolute path, right to left, against `cwd`.
///
/// Mirrors <https://nodejs.org/api/path.html#pathresolvepaths>; Node uses
/// `process.cwd()` where this takes `cwd` (pass `std::env::current_dir()`).
///
/// # Examples
/// ```
/// use node_stdlib::path::posix;
/// assert_eq!(posix::resolve(&["foo", "../bar"], "/home"), "/home/bar");
/// assert_eq!(posix::resolve(&["/a/b", "/c"], "/home"), "/c");
/// ```
pub fn resolve(paths: &[&str], cwd: &str) -> String {
    let mut resolved = String::new();
    let mut absolute = false;
    for p in paths.iter().rev() {
        if p.is_empty() {
            continue;
        }
        resolved = format!("{p}/{resolved}");
        absolute = p.starts_with('/');
        if absolute {
            break;
        }
    }
    if !absolute {
        resolved = format!("{cwd}/{resolved}");
        absolute = cwd.starts_with('/');
    }
    let resolved = normalize_string(&resolved, !absolute, b'/', is_sep);
    if absolute {
        format!("/{resolved}")
    } else if resolved.is_empty() {
        ".".to_owned()
    } else {
        resolved
    }
}

/// Normalises a path: resolves `.` and `..`, collapses repeated separators.
///
/// Mirrors <https://nodejs.org/api/path.html#pathnormalizepath>.
///
/// # Examples
/// ```
/// use node_stdlib::path::posix;
/// assert_eq!(posix::normalize("/foo/bar//baz/asdf/quux/.."), "/foo/bar/baz/asdf");
/// assert_eq!(posix::normalize(""), ".");
/// assert_eq!(posix::normalize("./"), "./");
/// ```
pub fn normalize(path: &str) -> String {
    if path.is_empty() {
        return ".".to_owned();
    }
    let absolute = path.starts_with('/');
    let trailing = path.ends_with('/');
    let mut p = normalize_string(path, !absolute, b'/', is_sep);
    if p.is_empty() {
        if absolute {
            return "/".to_owned();
        }
        return if trailing { "./" } else { "." }.to_owned();
    }
    if trailing {
        p.push('/');
    }
    if absolute {
        format!("/{p}")
    } else {
        p
    }
}

/// Whether the path is absolute (starts with `/`).
///
/// Mirrors <https://nodejs.org/api/path.html#pathisabsolutepath>.
///
/// # Examples
/// ```
/// use node_stdlib::path::posix;
/// assert!(posix::is_absolute("/foo"));
/// assert!(!posix::is_absolute("foo/"));
/// ```
#[doc(alias = "isAbsolute")]
pub fn is_absolute(path: &str) -> bool {
    path.starts_with('/')
}

/// Joins the non-empty segments with `/` and normalises the result.
///
/// Mirrors <https://nodejs.org/api/path.html#pathjoinpaths>.
///
/// # Examples
/// ```
/// use node_stdlib::path::posix;
/// assert_eq!(posix::join(&["/foo", "bar", "baz/asdf", "quux", ".."]), "/foo/bar/baz/asdf");
/// assert_eq!(posix::join(&[]), ".");
/// ```
pub fn join(paths: &[&str]) -> String {
    let parts: Vec<&str> = paths.iter().copied().filter(|p| !p.is_empty()).collect();
    if parts.is_empty() {
        return ".".to_owned();
    }
    normalize(&parts.join("/"))
}

/// The relative path from `from` to `to` (both resolved against `cwd` first).
///
/// Mirrors <https://nodejs.org/api/path.html#pathrelativefrom-to>.
///
/// # Examples
/// ```
/// use node_stdlib::path::posix;
/// assert_eq!(posix::relative("/data/orandea/test/aaa", "/data/orandea/impl/bbb", "/"),
///            "../../impl/bbb");
/// ```
pub fn relative(from: &str, to: &str, cwd: &str) -> String {
    if from == to {
        return String::new();
    }
    let from = resolve(&[from], cwd);
    let to = resolve(&[to], cwd);
    if from == to {
        return String::new();
    }
    let (fb, tb) = (from.as_bytes(), to.as_bytes());
    let from_start = 1usize;
    let from_end = fb.len();
    let from_len = from_end - from_start;
    let to_start = 1usize;
    let to_len = tb.len() - to_start;
    let length = from_len.min(to_len);
    let mut last_common_sep: isize = -1;
    let mut i = 0usize;
    while i < length {
        let c = fb[from_start + i];
        if c != tb[to_start + i] {
            break;
        } else if c == b'/' {
            last_common_sep = i as isize;
        }
        i += 1;
    }
    if i == length {
        if to_len > length {
            if tb[to_start + i] == b'/' {
                return slice(&to, (to_start + i + 1) as isize, tb.len() as isize);
            }
            if i == 0 {
                return slice(&to, (to_start + i) as isize, tb.len() as isize);
            }
        } else if from_len > length {
            if fb[from_start + i] == b'/' {
                last_common_sep = i as isize;
            } else if i == 0 {
                last_common_sep = 0;
            }
        }
    }
    let mut out = String::new();
    let mut j = (from_start as isize + last_common_sep + 1) as usize;
    while j <= from_end {
        if j == from_end || fb[j] == b'/' {
            out.push_str(if out.is_empty() { ".." } else { "/.." });
        }
        j += 1;
    }
    out + &slice(&to, to_start as isize + last_common_sep, tb.len() as isize)
}

/// Returns the path unchanged: namespaced paths only exist on Windows.
///
/// Mirrors <https://nodejs.org/api/path.html#pathtonamespacedpathpath>.
///
/// # Examples
/// ```
/// assert_eq!(node_stdlib::path::posix::to_namespaced_path("/a"), "/a");
/// ```
#[doc(alias = "toNamespacedPath")]
pub fn to_namespaced_path(path: &str) -> String {
    path.to_owned()
}

/// The directory part of a path.
///
/// Mirrors <https://nodejs.org/api/path.html#pathdirnamepath>.
///
/// # Examples
/// ```
/// use node_stdlib::path::posix;
/// assert_eq!(posix::dirname("/foo/bar/baz/asdf/quux"), "/foo/bar/baz/asdf");
/// assert_eq!(posix::dirname("//a"), "//");
/// ```
pub fn dirname(path: &str) -> String {
    let b = path.as_bytes();
    if b.is_empty() {
        return ".".to_owned();
    }
    let has_root = b[0] == b'/';
    let mut end: isize = -1;
    let mut matched_slash = true;
    let mut i = b.len() as isize - 1;
    while i >= 1 {
        if b[i as usize] == b'/' {
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
        return if has_root { "/" } else { "." }.to_owned();
    }
    if has_root && end == 1 {
        return "//".to_owned();
    }
    slice(path, 0, end)
}

/// The last portion of a path, without a trailing `suffix` if it has one.
///
/// Mirrors <https://nodejs.org/api/path.html#pathbasenamepath-suffix>.
///
/// # Examples
/// ```
/// use node_stdlib::path::posix;
/// assert_eq!(posix::basename("/foo/bar/quux.html", None), "quux.html");
/// assert_eq!(posix::basename("/foo/bar/quux.html", Some(".html")), "quux");
/// assert_eq!(posix::basename("quux.html", Some("quux.html")), "");
/// ```
pub fn basename(path: &str, suffix: Option<&str>) -> String {
    basename_from(path, suffix, 0, is_sep)
}

/// The extension of the last portion of a path, from its last `.`.
///
/// Mirrors <https://nodejs.org/api/path.html#pathextnamepath>.
///
/// # Examples
/// ```
/// use node_stdlib::path::posix;
/// assert_eq!(posix::extname("index.coffee.md"), ".md");
/// assert_eq!(posix::extname("index."), ".");
/// assert_eq!(posix::extname(".index"), "");
/// ```
pub fn extname(path: &str) -> String {
    let (start_dot, start_part, end, state) = scan_ext(path.as_bytes(), 0, 0, is_sep);
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
/// use node_stdlib::path::posix;
/// let p = posix::parse("/home/user/dir/file.txt");
/// assert_eq!((p.root.as_str(), p.dir.as_str(), p.name.as_str()), ("/", "/home/user/dir", "file"));
/// ```
pub fn parse(path: &str) -> ParsedPath {
    let mut ret = ParsedPath::default();
    let b = path.as_bytes();
    if b.is_empty() {
        return ret;
    }
    let absolute = b[0] == b'/';
    let start = if absolute {
        ret.root = "/".to_owned();
        1
    } else {
        0
    };
    let (start_dot, start_part, end, state) = scan_ext(b, start, 0, is_sep);
    if end != -1 {
        let s = if start_part == 0 && absolute {
            1
        } else {
            start_part
        };
        if no_ext(start_dot, start_part, end, state) {
            ret.base = slice(path, s, end);
            ret.name = ret.base.clone();
        } else {
            ret.name = slice(path, s, start_dot);
            ret.base = slice(path, s, end);
            ret.ext = slice(path, start_dot, end);
        }
    }
    if start_part > 0 {
        ret.dir = slice(path, 0, start_part - 1);
    } else if absolute {
        ret.dir = "/".to_owned();
    }
    ret
}

/// Builds a path from its parts (the inverse of [`parse`]).
///
/// Mirrors <https://nodejs.org/api/path.html#pathformatpathobject>: `dir` wins over
/// `root`, `base` over `name` + `ext`, and a missing dot is added to `ext`.
///
/// # Examples
/// ```
/// use node_stdlib::path::{posix, ParsedPath};
/// let p = ParsedPath { root: "/".into(), name: "file".into(), ext: "txt".into(), ..Default::default() };
/// assert_eq!(posix::format(&p), "/file.txt");
/// ```
pub fn format(parts: &ParsedPath) -> String {
    format_with("/", parts)
}
