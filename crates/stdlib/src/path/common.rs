//! Helpers shared by both flavours (`normalizeString`, `_format` in `lib/path.js`).

use super::ParsedPath;

/// `normalizeString` from `lib/path.js`: resolves `.` and `..` segments.
pub(crate) fn normalize_string(
    path: &str,
    allow_above_root: bool,
    separator: u8,
    is_sep: fn(u8) -> bool,
) -> String {
    let bytes = path.as_bytes();
    let sep = separator as char;
    let mut res = String::new();
    let mut last_segment_length: usize = 0;
    let mut last_slash: isize = -1;
    let mut dots: i32 = 0;
    let mut code: u8 = 0;
    let mut i: usize = 0;
    while i <= bytes.len() {
        if i < bytes.len() {
            code = bytes[i];
        } else if is_sep(code) {
            break;
        } else {
            code = b'/';
        }
        let ii = i as isize;
        if is_sep(code) {
            if last_slash == ii - 1 || dots == 1 {
                // NOOP
            } else if dots == 2 {
                let rb = res.as_bytes();
                if rb.len() < 2
                    || last_segment_length != 2
                    || rb[rb.len() - 1] != b'.'
                    || rb[rb.len() - 2] != b'.'
                {
                    if res.len() > 2 {
                        match res.rfind(sep) {
                            None => {
                                res.clear();
                                last_segment_length = 0;
                            }
                            Some(idx) => {
                                res.truncate(idx);
                                last_segment_length = match res.rfind(sep) {
                                    Some(j) => res.len() - 1 - j,
                                    None => res.len(),
                                };
                            }
                        }
                        last_slash = ii;
                        dots = 0;
                        i += 1;
                        continue;
                    } else if !res.is_empty() {
                        res.clear();
                        last_segment_length = 0;
                        last_slash = ii;
                        dots = 0;
                        i += 1;
                        continue;
                    }
                }
                if allow_above_root {
                    if !res.is_empty() {
                        res.push(sep);
                    }
                    res.push_str("..");
                    last_segment_length = 2;
                }
            } else {
                let seg = &path[(last_slash + 1) as usize..i];
                if !res.is_empty() {
                    res.push(sep);
                }
                res.push_str(seg);
                last_segment_length = (ii - last_slash - 1) as usize;
            }
            last_slash = ii;
            dots = 0;
        } else if code == b'.' && dots != -1 {
            dots += 1;
        } else {
            dots = -1;
        }
        i += 1;
    }
    res
}

/// `_format(sep, pathObject)` from `lib/path.js`.
pub(crate) fn format(sep: &str, p: &ParsedPath) -> String {
    let dir = if p.dir.is_empty() { &p.root } else { &p.dir };
    let base = if p.base.is_empty() {
        let ext = if p.ext.is_empty() {
            String::new()
        } else if p.ext.starts_with('.') {
            p.ext.clone()
        } else {
            format!(".{}", p.ext)
        };
        format!("{}{}", p.name, ext)
    } else {
        p.base.clone()
    };
    if dir.is_empty() {
        return base;
    }
    if *dir == p.root {
        format!("{dir}{base}")
    } else {
        format!("{dir}{sep}{base}")
    }
}

/// Length in UTF-16 code units, as JavaScript's `String.prototype.length`.
pub(crate) fn js_len(s: &str) -> usize {
    s.encode_utf16().count()
}

/// Shared tail of `basename` (both flavours): `start` skips a drive prefix on win32.
pub(crate) fn basename_from(
    path: &str,
    suffix: Option<&str>,
    start0: usize,
    is_sep: fn(u8) -> bool,
) -> String {
    let b = path.as_bytes();
    let mut start = start0;
    let mut end: isize = -1;
    let mut matched_slash = true;
    if let Some(suffix) = suffix {
        if !suffix.is_empty() && js_len(suffix) <= js_len(path) {
            if suffix == path {
                return String::new();
            }
            let sb = suffix.as_bytes();
            let mut ext_idx: isize = sb.len() as isize - 1;
            let mut first_non_slash_end: isize = -1;
            let mut i = b.len() as isize - 1;
            while i >= start0 as isize {
                let code = b[i as usize];
                if is_sep(code) {
                    if !matched_slash {
                        start = (i + 1) as usize;
                        break;
                    }
                } else {
                    if first_non_slash_end == -1 {
                        matched_slash = false;
                        first_non_slash_end = i + 1;
                    }
                    if ext_idx >= 0 {
                        if code == sb[ext_idx as usize] {
                            ext_idx -= 1;
                            if ext_idx == -1 {
                                end = i;
                            }
                        } else {
                            ext_idx = -1;
                            end = first_non_slash_end;
                        }
                    }
                }
                i -= 1;
            }
            if start as isize == end {
                end = first_non_slash_end;
            } else if end == -1 {
                end = b.len() as isize;
            }
            return slice(path, start as isize, end);
        }
    }
    let mut i = b.len() as isize - 1;
    while i >= start0 as isize {
        if is_sep(b[i as usize]) {
            if !matched_slash {
                start = (i + 1) as usize;
                break;
            }
        } else if end == -1 {
            matched_slash = false;
            end = i + 1;
        }
        i -= 1;
    }
    if end == -1 {
        return String::new();
    }
    slice(path, start as isize, end)
}

/// `String.prototype.slice(start, end)` on byte indices that sit on ASCII boundaries;
/// an empty result when `end <= start` and a lossy copy if a boundary is not a char
/// boundary (cannot happen for the indices the algorithms produce).
pub(crate) fn slice(s: &str, start: isize, end: isize) -> String {
    let len = s.len() as isize;
    let start = start.clamp(0, len) as usize;
    let end = end.clamp(0, len) as usize;
    if end <= start {
        return String::new();
    }
    match s.get(start..end) {
        Some(x) => x.to_owned(),
        None => String::from_utf8_lossy(&s.as_bytes()[start..end]).into_owned(),
    }
}

/// The scan shared by `extname` and `parse`: returns `(start_dot, start_part, end,
/// pre_dot_state)` for the last path component at or after `start`.
pub(crate) fn scan_ext(
    b: &[u8],
    start: usize,
    start_part0: isize,
    is_sep: fn(u8) -> bool,
) -> (isize, isize, isize, i32) {
    let mut start_dot: isize = -1;
    let mut start_part = start_part0;
    let mut end: isize = -1;
    let mut matched_slash = true;
    let mut pre_dot_state = 0;
    let mut i = b.len() as isize - 1;
    while i >= start as isize {
        let code = b[i as usize];
        if is_sep(code) {
            if !matched_slash {
                start_part = i + 1;
                break;
            }
            i -= 1;
            continue;
        }
        if end == -1 {
            matched_slash = false;
            end = i + 1;
        }
        if code == b'.' {
            if start_dot == -1 {
                start_dot = i;
            } else if pre_dot_state != 1 {
                pre_dot_state = 1;
            }
        } else if start_dot != -1 {
            pre_dot_state = -1;
        }
        i -= 1;
    }
    (start_dot, start_part, end, pre_dot_state)
}

/// Whether the scanned component has no extension (no dot, leading dot, or `..`).
pub(crate) fn no_ext(start_dot: isize, start_part: isize, end: isize, pre_dot_state: i32) -> bool {
    start_dot == -1
        || end == -1
        || pre_dot_state == 0
        || (pre_dot_state == 1 && start_dot == end - 1 && start_dot == start_part + 1)
}
