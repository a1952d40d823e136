//! `path.win32`, ported from Node's `lib/path.js` (v20, including the CVE-2024-36139 and
//! reserved-device-name hardening of `normalize`).

use super::common::{normalize_string, slice};

/// The segment separator, `path.win32.sep`.
///
/// Mirrors <https://nodejs.org/api/path.html#pathsep>.
///
/// # Examples
/// ```
/// assert_eq!(node_stdlib::path::win32::SEP, "\\");
/// ```
pub const SEP: &str = "\\";

/// The `PATH` list delimiter, `path.win32.delimiter`.
///
/// Mirrors <https://nodejs.org/api/path.html#pathdelimiter>.
///
/// # Examples
/// ```
/// assert_eq!(node_stdlib::path::win32::DELIMITER, ";");
/// ```
pub const DELIMITER: &str = ";";

pub(super) fn is_sep(c: u8) -> bool {
    c == b'/' || c == b'\\'
}

pub(super) fn is_device_root(c: u8) -> bool {
    c.is_ascii_alphabetic()
}

const RESERVED: [&str; 22] = [
    "CON", "PRN", "AUX", "NUL", "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8",
    "COM9", "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9",
];

/// `isWindowsReservedName(path, colonIndex)`; `colon` is a UTF-16 index or -1, and
/// `slice(0, -1)` drops the last code unit exactly as JavaScript does.
fn is_reserved_name(path: &str, colon: isize) -> bool {
    let units: Vec<u16> = path.encode_utf16().collect();
    let n = units.len() as isize;
    let end = if colon < 0 {
        (n + colon).max(0)
    } else {
        colon.min(n)
    } as usize;
    let part = String::from_utf16_lossy(&units[..end]).to_uppercase();
    RESERVED.contains(&part.as_str())
}

/// UTF-16 index of the first `:` (bytes before it are counted as JS code units).
fn js_index_of_colon(path: &str) -> isize {
    match path.find(':') {
        Some(i) => path[..i].encode_utf16().count() as isize,
        None => -1,
    }
}

/// Byte index of the first byte at or after `j` matching `pred`, or `len`.
pub(super) fn skip(b: &[u8], mut j: usize, want_sep: bool) -> usize {
    while j < b.len() && is_sep(b[j]) == want_sep {
        j += 1;
    }
    j
}

/// Resolves a sequence of paths into an absolute path, right to left, against `cwd`.
///
/// Mirrors <https://nodejs.org/api/path.html#pathresolvepaths>; Node uses
/// `process.cwd()` where this takes `cwd`. Per-drive working directories
/// (`process.env['=C:']`) are not consulted: `cwd` stands in for them, as on non-Windows
/// hosts where those variables do not exist.
///
/// # Examples
/// ```
/// use node_stdlib::path::win32;
/// assert_eq!(win32::resolve(&["C:\\a", "b", "..\\c"], "C:\\cwd"), "C:\\a\\c");
/// assert_eq!(win32::resolve(&["x"], "C:\\cwd"), "C:\\cwd\\x");
/// ```
pub fn resolve(paths: &[&str], cwd: &str) -> String {
    let mut resolved_device = String::new();
    let mut resolved_tail = String::new();
    let mut resolved_absolute = false;
    let mut i = paths.len() as isize - 1;
    while i >= -1 {
        let path: String = if i >= 0 {
            let p = paths[i as usize];
            if p.is_empty() {
                i -= 1;
                continue;
            }
            p.to_owned()
        } else if resolved_device.is_empty() {
            cwd.to_owned()
        } else {
            let head = slice(cwd, 0, 2).to_lowercase();
            if head != resolved_device.to_lowercase() && cwd.as_bytes().get(2) == Some(&b'\\') {
                format!("{resolved_device}\\")
            } else {
                cwd.to_owned()
            }
        };
        let b = path.as_bytes();
        let len = b.len();
        let mut root_end = 0usize;
        let mut device = String::new();
        let mut is_absolute = false;
        let code = b.first().copied().unwrap_or(0);
        if len == 1 {
            if is_sep(code) {
                root_end = 1;
                is_absolute = true;
            }
        } else if len > 1 && is_sep(code) {
            is_absolute = true;
            if is_sep(b[1]) {
                let mut j = skip(b, 2, false);
                let mut last = 2;
                if j < len && j != last {
                    let first_part = &path[last..j];
                    last = j;
                    j = skip(b, j, true);
                    if j < len && j != last {
                        last = j;
                        j = skip(b, j, false);
                        if j == len || j != last {
                            if first_part != "." && first_part != "?" {
                                device = format!("\\\\{first_part}\\{}", &path[last..j]);
                                root_end = j;
                            } else {
                                device = format!("\\\\{first_part}");
                                root_end = 4;
                            }
                        }
                    }
                }
            } else {
                root_end = 1;
            }
        } else if len > 1 && is_device_root(code) && b[1] == b':' {
            device = path[..2].to_owned();
            root_end = 2;
            if len > 2 && is_sep(b[2]) {
                is_absolute = true;
                root_end = 3;
            }
        }
        if !device.is_empty() {
            if !resolved_device.is_empty() {
                if device.to_lowercase() != resolved_device.to_lowercase() {
                    i -= 1;
                    continue;
                }
            } else {
                resolved_device = device;
            }
        }
        if resolved_absolute {
            if !resolved_device.is_empty() {
                break;
            }
        } else {
            resolved_tail = format!(
                "{}\\{resolved_tail}",
                slice(&path, root_end as isize, len as isize)
            );
            resolved_absolute = is_absolute;
            if is_absolute && !resolved_device.is_empty() {
                break;
            }
        }
        i -= 1;
    }
    let tail = normalize_string(&resolved_tail, !resolved_absolute, b'\\', is_sep);
    if resolved_absolute {
        format!("{resolved_device}\\{tail}")
    } else {
        let r = format!("{resolved_device}{tail}");
        if r.is_empty() {
            ".".to_owned()
        } else {
            r
        }
    }
}

/// Normalises a path: resolves `.` and `..`, uses `\` and keeps drive/UNC roots.
///
/// Mirrors <https://nodejs.org/api/path.html#pathnormalizepath>, including Node 20's
/// guards that keep a relative result from turning into a drive or device path
/// (`a/../c:x` gives `.\c:x`, `CON:x` gives `.\CON:x`).
///
/// # Examples
/// ```
/// use node_stdlib::path::win32;
/// assert_eq!(win32::normalize("C:\\temp\\\\foo\\bar\\..\\"), "C:\\temp\\foo\\");
/// assert_eq!(win32::normalize("//server/share"), "\\\\server\\share\\");
/// ```
pub fn normalize(path: &str) -> String {
    let b = path.as_bytes();
    let len = b.len();
    if len == 0 {
        return ".".to_owned();
    }
    let mut root_end = 0usize;
    let mut device: Option<String> = None;
    let mut is_absolute = false;
    let code = b[0];
    if path.encode_utf16().count() == 1 {
        return if code == b'/' {
            "\\".to_owned()
        } else {
            path.to_owned()
        };
    }
    if is_sep(code) {
        is_absolute = true;
        if is_sep(b[1]) {
            let mut j = skip(b, 2, false);
            let mut last = 2;
            if j < len && j != last {
                let first_part = &path[last..j];
                last = j;
                j = skip(b, j, true);
                if j < len && j != last {
                    last = j;
                    j = skip(b, j, false);
                    if j == len || j != last {
                        if first_part == "." || first_part == "?" {
                            device = Some(format!("\\\\{first_part}"));
                            root_end = 4;
                        } else if j == len {
                            return format!("\\\\{first_part}\\{}\\", &path[last..]);
                        } else {
                            device = Some(format!("\\\\{first_part}\\{}", &path[last..j]));
                            root_end = j;
                        }
                    }
                }
            }
        } else {
            root_end = 1;
        }
    } else if let Some(colon) = path.find(':') {
        if colon > 0 {
            if is_device_root(code) && colon == 1 {
                device = Some(path[..2].to_owned());
                root_end = 2;
                if len > 2 && is_sep(b[2]) {
                    is_absolute = true;
                    root_end = 3;
                }
            } else if is_reserved_name(path, js_index_of_colon(path)) {
                device = Some(path[..=colon].to_owned());
                root_end = colon + 1;
            }
        }
    }
    let mut tail = if root_end < len {
        normalize_string(&path[root_end..], !is_absolute, b'\\', is_sep)
    } else {
        String::new()
    };
    if tail.is_empty() && !is_absolute {
        tail = ".".to_owned();
    }
    if !tail.is_empty() && is_sep(b[len - 1]) {
        tail.push('\\');
    }
    if !is_absolute && device.is_none() && path.contains(':') {
        // CVE-2024-36139: a relative result must not read as a drive or stream path.
        let tb = tail.as_bytes();
        if tb.len() >= 2 && is_device_root(tb[0]) && tb[1] == b':' {
            return format!(".\\{tail}");
        }
        for (idx, c) in b.iter().enumerate() {
            if *c == b':' && (idx == len - 1 || is_sep(b[idx + 1])) {
                return format!(".\\{tail}");
            }
        }
    }
    if is_reserved_name(path, js_index_of_colon(path)) {
        return format!(".\\{}{tail}", device.as_deref().unwrap_or(""));
    }
    match device {
        None => {
            if is_absolute {
                format!("\\{tail}")
            } else {
                tail
            }
        }
        Some(d) => {
            if is_absolute {
                format!("{d}\\{tail}")
            } else {
                format!("{d}{tail}")
            }
        }
    }
}

/// Whether the path is absolute: a leading separator or `X:` followed by a separator.
///
/// Mirrors <https://nodejs.org/api/path.html#pathisabsolutepath>.
///
/// # Examples
/// ```
/// use node_stdlib::path::win32;
/// assert!(win32::is_absolute("//server"));
/// assert!(win32::is_absolute("C:/foo/.."));
/// assert!(!win32::is_absolute("C:foo"));
/// ```
#[doc(alias = "isAbsolute")]
pub fn is_absolute(path: &str) -> bool {
    let b = path.as_bytes();
    match b.first() {
        None => false,
        Some(&c) => is_sep(c) || (b.len() > 2 && is_device_root(c) && b[1] == b':' && is_sep(b[2])),
    }
}

/// Joins the non-empty segments with `\` and normalises the result.
///
/// Mirrors <https://nodejs.org/api/path.html#pathjoinpaths>: leading double slashes
/// survive only when the first segment looks like a UNC root.
///
/// # Examples
/// ```
/// use node_stdlib::path::win32;
/// assert_eq!(win32::join(&["//server", "share"]), "\\\\server\\share\\");
/// assert_eq!(win32::join(&["//", "a"]), "\\a");
/// ```
pub fn join(paths: &[&str]) -> String {
    let parts: Vec<&str> = paths.iter().copied().filter(|p| !p.is_empty()).collect();
    let Some(first) = parts.first().copied() else {
        return ".".to_owned();
    };
    let mut joined = parts.join("\\");
    let fb = first.as_bytes();
    let mut needs_replace = true;
    let mut slash_count = 0usize;
    if is_sep(fb[0]) {
        slash_count += 1;
        if fb.len() > 1 && is_sep(fb[1]) {
            slash_count += 1;
            if fb.len() > 2 {
                if is_sep(fb[2]) {
                    slash_count += 1;
                } else {
                    needs_replace = false;
                }
            }
        }
    }
    if needs_replace {
        let jb = joined.as_bytes();
        while slash_count < jb.len() && is_sep(jb[slash_count]) {
            slash_count += 1;
        }
        if slash_count >= 2 {
            joined = format!("\\{}", &joined[slash_count..]);
        }
    }
    normalize(&joined)
}

/// The relative path from `from` to `to`, compared case-insensitively.
///
/// Mirrors <https://nodejs.org/api/path.html#pathrelativefrom-to>; both are resolved
/// against `cwd` first.
///
/// # Examples
/// ```
/// use node_stdlib::path::win32;
/// assert_eq!(win32::relative("C:\\orandea\\test\\aaa", "C:\\orandea\\impl\\bbb", "C:\\"),
///            "..\\..\\impl\\bbb");
/// ```
pub fn relative(from: &str, to: &str, cwd: &str) -> String {
    if from == to {
        return String::new();
    }
    let from_orig = resolve(&[from], cwd);
    let to_orig = resolve(&[to], cwd);
    if from_orig == to_orig {
        return String::new();
    }
    let from_l = from_orig.to_lowercase();
    let to_l = to_orig.to_lowercase();
    if from_l == to_l {
        return String::new();
    }
    // Node indexes the lower-cased strings and slices the originals with the same
    // UTF-16 indices, so work in code units.
    let fo: Vec<u16> = from_orig.encode_utf16().collect();
    let to_o: Vec<u16> = to_orig.encode_utf16().collect();
    let f: Vec<u16> = from_l.encode_utf16().collect();
    let t: Vec<u16> = to_l.encode_utf16().collect();
    if fo.len() != f.len() || to_o.len() != t.len() {
        return relative_by_segments(&from_orig, &to_orig);
    }
    let bs = u16::from(b'\\');
    let s = |v: &[u16]| String::from_utf16_lossy(v);
    let mut from_start = 0usize;
    while from_start < f.len() && f[from_start] == bs {
        from_start += 1;
    }
    let mut from_end = f.len();
    while from_end > from_start + 1 && f[from_end - 1] == bs {
        from_end -= 1;
    }
    let from_len = from_end - from_start;
    let mut to_start = 0usize;
    while to_start < t.len() && t[to_start] == bs {
        to_start += 1;
    }
    let mut to_end = t.len();
    while to_end > to_start + 1 && t[to_end - 1] == bs {
        to_end -= 1;
    }
    let to_len = to_end - to_start;
    let length = from_len.min(to_len);
    let mut last_common_sep: isize = -1;
    let mut i = 0usize;
    while i < length {
        let c = f[from_start + i];
        if c != t[to_start + i] {
            break;
        } else if c == bs {
            last_common_sep = i as isize;
        }
        i += 1;
    }
    if i != length {
        if last_common_sep == -1 {
            return to_orig;
        }
    } else {
        if to_len > length {
            if t[to_start + i] == bs {
                return s(&to_o[to_start + i + 1..]);
            }
            if i == 2 {
                return s(&to_o[to_start + i..]);
            }
        }
        if from_len > length {
            if f[from_start + i] == bs {
                last_common_sep = i as isize;
            } else if i == 2 {
                last_common_sep = 3;
            }
        }
        if last_common_sep == -1 {
            last_common_sep = 0;
        }
    }
    let mut out = String::new();
    let mut j = (from_start as isize + last_common_sep + 1) as usize;
    while j <= from_end {
        if j == from_end || f[j] == bs {
            out.push_str(if out.is_empty() { ".." } else { "\\.." });
        }
        j += 1;
    }
    let mut to_start = (to_start as isize + last_common_sep) as usize;
    let end = to_end.max(to_start);
    if !out.is_empty() {
        return out + &s(&to_o[to_start.min(end)..end]);
    }
    if to_o.get(to_start) == Some(&bs) {
        to_start += 1;
    }
    s(&to_o[to_start.min(end)..end])
}

/// Node's fallback for paths whose lower-case form changes length (e.g. `İ`).
fn relative_by_segments(from_orig: &str, to_orig: &str) -> String {
    let mut fs: Vec<&str> = from_orig.split('\\').collect();
    let mut ts: Vec<&str> = to_orig.split('\\').collect();
    if fs.last() == Some(&"") {
        fs.pop();
    }
    if ts.last() == Some(&"") {
        ts.pop();
    }
    let length = fs.len().min(ts.len());
    let mut i = 0;
    while i < length && fs[i].to_lowercase() == ts[i].to_lowercase() {
        i += 1;
    }
    if i == 0 {
        return to_orig.to_owned();
    }
    if i == length {
        if ts.len() > length {
            return ts[i..].join("\\");
        }
        if fs.len() > length {
            return "..\\".repeat(fs.len() - 1 - i) + "..";
        }
        return String::new();
    }
    "..\\".repeat(fs.len() - i) + &ts[i..].join("\\")
}
