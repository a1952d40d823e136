//! `querystring.escape`/`unescape`/`unescapeBuffer` and JavaScript's
//! `decodeURIComponent`.

/// Characters `querystring.escape` leaves alone (`noEscape` in `lib/querystring.js`):
/// `A-Z a-z 0-9 - _ . ! ~ * ' ( )`.
fn no_escape(b: u8) -> bool {
    b.is_ascii_alphanumeric()
        || matches!(
            b,
            b'-' | b'_' | b'.' | b'!' | b'~' | b'*' | b'\'' | b'(' | b')'
        )
}

/// Percent-encodes a string as `querystring.escape` does (UTF-8, upper-case hex).
///
/// Mirrors <https://nodejs.org/api/querystring.html#querystringescapestr>.
///
/// # Examples
/// ```
/// use node_stdlib::querystring::escape;
/// assert_eq!(escape("a b&c=d/é~"), "a%20b%26c%3Dd%2F%C3%A9~");
/// ```
pub fn escape(s: &str) -> String {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    let mut out = String::with_capacity(s.len());
    for &b in s.as_bytes() {
        if b < 0x80 && no_escape(b) {
            out.push(char::from(b));
        } else {
            out.push('%');
            out.push(char::from(HEX[usize::from(b >> 4)]));
            out.push(char::from(HEX[usize::from(b & 15)]));
        }
    }
    out
}

fn unhex(c: u16) -> Option<u8> {
    let c = u8::try_from(c).ok()?;
    (c as char).to_digit(16).map(|d| d as u8)
}

/// JavaScript's `decodeURIComponent`; `None` where it throws `URIError`.
///
/// Mirrors the ECMAScript `Decode` operation with an empty reserved set: every `%XX`
/// sequence must be valid UTF-8.
///
/// # Examples
/// ```
/// use node_stdlib::querystring::decode_uri_component;
/// assert_eq!(decode_uri_component("a%20%E2%82%AC%2F").as_deref(), Some("a €/"));
/// assert_eq!(decode_uri_component("%E2%82"), None);
/// assert_eq!(decode_uri_component("%zz"), None);
/// ```
#[doc(alias = "decodeURIComponent")]
pub fn decode_uri_component(s: &str) -> Option<String> {
    if !s.contains('%') {
        return Some(s.to_owned());
    }
    let b = s.as_bytes();
    let mut out: Vec<u8> = Vec::with_capacity(b.len());
    let mut i = 0;
    let byte_at = |i: usize| -> Option<u8> {
        if b.get(i) != Some(&b'%') {
            return None;
        }
        let hi = unhex(u16::from(*b.get(i + 1)?))?;
        let lo = unhex(u16::from(*b.get(i + 2)?))?;
        Some(hi << 4 | lo)
    };
    while i < b.len() {
        if b[i] != b'%' {
            out.push(b[i]);
            i += 1;
            continue;
        }
        let first = byte_at(i)?;
        i += 3;
        let n = match first {
            0x00..=0x7f => 1,
            0xc0..=0xdf => 2,
            0xe0..=0xef => 3,
            0xf0..=0xf7 => 4,
            _ => return None,
        };
        let start = out.len();
        out.push(first);
        for _ in 1..n {
            let c = byte_at(i)?;
            if c & 0xc0 != 0x80 {
                return None;
            }
            out.push(c);
            i += 3;
        }
        std::str::from_utf8(&out[start..]).ok()?;
    }
    String::from_utf8(out).ok()
}

/// Decodes `%XX` sequences into bytes, leaving malformed ones as they are.
///
/// Mirrors <https://nodejs.org/api/querystring.html> `querystring.unescapeBuffer(str,
/// decodeSpaces)`: `+` becomes a space when `decode_spaces`; characters above U+00FF
/// keep only their low byte, as Node's Buffer store does.
///
/// # Examples
/// ```
/// use node_stdlib::querystring::unescape_buffer;
/// assert_eq!(unescape_buffer("a%20b+%zz%4", true), b"a b %zz%4");
/// ```
#[doc(alias = "unescapeBuffer")]
pub fn unescape_buffer(s: &str, decode_spaces: bool) -> Vec<u8> {
    let units: Vec<u16> = s.encode_utf16().collect();
    let len = units.len();
    let max_length = len as isize - 2;
    let mut out = Vec::with_capacity(len);
    let mut index = 0usize;
    while index < len {
        let mut current = units[index];
        if current == u16::from(b'+') && decode_spaces {
            out.push(b' ');
            index += 1;
            continue;
        }
        if current == u16::from(b'%') && (index as isize) < max_length {
            index += 1;
            current = units[index];
            match unhex(current) {
                None => {
                    out.push(b'%');
                    continue;
                }
                Some(hi) => {
                    index += 1;
                    match unhex(units[index]) {
                        None => {
                            out.push(b'%');
                            index -= 1;
                        }
                        Some(lo) => current = u16::from(hi * 16 + lo),
                    }
                }
            }
        }
        out.push(current as u8);
        index += 1;
    }
    out
}

/// `querystring.unescape`: `decodeURIComponent`, falling back to
/// [`unescape_buffer`] decoded as UTF-8 when that throws.
///
/// Mirrors <https://nodejs.org/api/querystring.html#querystringunescapestr>.
///
/// # Examples
/// ```
/// use node_stdlib::querystring::unescape;
/// assert_eq!(unescape("%E2%82%AC", false), "€");
/// assert_eq!(unescape("100%+%E2%82%AC", true), "100% €");
/// ```
pub fn unescape(s: &str, decode_spaces: bool) -> String {
    match decode_uri_component(s) {
        Some(v) => v,
        None => String::from_utf8_lossy(&unescape_buffer(s, decode_spaces)).into_owned(),
    }
}
