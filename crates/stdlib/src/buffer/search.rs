//! `buf.indexOf` / `buf.lastIndexOf` / `buf.includes` (`bidirectionalIndexOf` in
//! `lib/buffer.js`, `IndexOfString`/`IndexOfBuffer`/`IndexOfNumber` in
//! `src/node_buffer.cc`).

use super::{from_string, Encoding};

/// What to search for.
///
/// # Examples
/// ```
/// use node_stdlib::buffer::{index_of, Encoding, SearchValue};
/// assert_eq!(index_of(b"abc", SearchValue::Byte(b'c'), f64::NAN, Encoding::Utf8), Some(2));
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum SearchValue<'a> {
    /// A number: JavaScript passes `ToUint32(value) & 0xff`.
    Byte(u8),
    /// A Buffer or Uint8Array (searched as UTF-16 units when the encoding is utf16le).
    Bytes(&'a [u8]),
    /// A string, encoded with the search encoding first.
    Str(&'a str),
}

/// Searches forward: `buf.indexOf(value, byteOffset, encoding)`.
///
/// Mirrors <https://nodejs.org/api/buffer.html#bufindexofvalue-byteoffset-encoding>.
/// `byte_offset` is the JavaScript number after `+byteOffset` (NaN when omitted):
/// negative offsets count from the end, offsets are truncated and clamped to int32 as
/// in Node. An empty needle returns the clamped offset, like `String#indexOf`.
///
/// # Examples
/// ```
/// use node_stdlib::buffer::{index_of, Encoding, SearchValue};
/// let buf = b"this is a buffer";
/// assert_eq!(index_of(buf, SearchValue::Str("is"), f64::NAN, Encoding::Utf8), Some(2));
/// assert_eq!(index_of(buf, SearchValue::Str("is"), 3.0, Encoding::Utf8), Some(5));
/// assert_eq!(index_of(buf, SearchValue::Str("is"), -4.0, Encoding::Utf8), None);
/// ```
#[doc(alias = "indexOf")]
pub fn index_of(
    buf: &[u8],
    value: SearchValue<'_>,
    byte_offset: f64,
    encoding: Encoding,
) -> Option<usize> {
    bidirectional(buf, value, byte_offset, encoding, true)
}

/// Searches backward: `buf.lastIndexOf(value, byteOffset, encoding)`.
///
/// Mirrors <https://nodejs.org/api/buffer.html#buflastindexofvalue-byteoffset-encoding>;
/// `byte_offset` as in [`index_of`] (NaN searches from the end).
///
/// # Examples
/// ```
/// use node_stdlib::buffer::{last_index_of, Encoding, SearchValue};
/// let buf = b"this buffer is a buffer";
/// assert_eq!(last_index_of(buf, SearchValue::Str("buffer"), f64::NAN, Encoding::Utf8), Some(17));
/// assert_eq!(last_index_of(buf, SearchValue::Str("buffer"), -7.0, Encoding::Utf8), Some(5));
/// ```
#[doc(alias = "lastIndexOf")]
pub fn last_index_of(
    buf: &[u8],
    value: SearchValue<'_>,
    byte_offset: f64,
    encoding: Encoding,
) -> Option<usize> {
    bidirectional(buf, value, byte_offset, encoding, false)
}

/// Whether `value` occurs: `buf.includes(value, byteOffset, encoding)`.
///
/// Mirrors <https://nodejs.org/api/buffer.html#bufincludesvalue-byteoffset-encoding>.
///
/// # Examples
/// ```
/// use node_stdlib::buffer::{includes, Encoding, SearchValue};
/// assert!(includes(b"abc", SearchValue::Str("YmM="), f64::NAN, Encoding::Base64));
/// ```
pub fn includes(buf: &[u8], value: SearchValue<'_>, byte_offset: f64, encoding: Encoding) -> bool {
    index_of(buf, value, byte_offset, encoding).is_some()
}

fn bidirectional(
    buf: &[u8],
    value: SearchValue<'_>,
    byte_offset: f64,
    encoding: Encoding,
    forward: bool,
) -> Option<usize> {
    let offset: i64 = if byte_offset.is_nan() {
        if forward {
            0
        } else {
            buf.len() as i64
        }
    } else {
        // Clamp to int32 in JS, then IntegerValue() truncates.
        byte_offset.clamp(-2_147_483_648.0, 2_147_483_647.0).trunc() as i64
    };
    match value {
        SearchValue::Byte(b) => index_of_byte(buf, b, offset, forward),
        SearchValue::Bytes(needle) => {
            search(buf, needle, offset, encoding == Encoding::Utf16le, forward)
        }
        SearchValue::Str(s) => match encoding {
            Encoding::Utf8 => search(buf, s.as_bytes(), offset, false, forward),
            // Node rounds the haystack down to whole UTF-16 units for string needles.
            Encoding::Utf16le => search(
                &buf[..buf.len() & !1],
                &from_string(s, Encoding::Utf16le),
                offset,
                true,
                forward,
            ),
            _ => search(buf, &from_string(s, encoding), offset, false, forward),
        },
    }
}

/// `IndexOfOffset` from `src/node_buffer.cc`: -1 means fail.
fn index_of_offset(len: usize, offset: i64, needle_len: usize, forward: bool) -> i64 {
    let len = len as i64;
    let needle_len = needle_len as i64;
    if offset < 0 {
        if offset + len >= 0 {
            len + offset
        } else if forward || needle_len == 0 {
            0
        } else {
            -1
        }
    } else if offset + needle_len <= len {
        offset
    } else if needle_len == 0 {
        len
    } else if forward {
        -1
    } else {
        len - 1
    }
}

fn index_of_byte(buf: &[u8], needle: u8, offset: i64, forward: bool) -> Option<usize> {
    let opt = index_of_offset(buf.len(), offset, 1, forward);
    if opt <= -1 || buf.is_empty() {
        return None;
    }
    let start = opt as usize;
    if forward {
        memchr::memchr(needle, &buf[start..]).map(|p| p + start)
    } else {
        memchr::memrchr(needle, &buf[..=start])
    }
}

fn search(hay: &[u8], needle: &[u8], offset: i64, ucs2: bool, forward: bool) -> Option<usize> {
    let opt = index_of_offset(hay.len(), offset, needle.len(), forward);
    if needle.is_empty() {
        return Some(opt as usize);
    }
    if hay.is_empty() || opt <= -1 {
        return None;
    }
    let start = opt as usize;
    if (forward && needle.len() + start > hay.len()) || needle.len() > hay.len() {
        return None;
    }
    if ucs2 {
        if hay.len() < 2 || needle.len() < 2 {
            return None;
        }
        let h: Vec<u16> = hay
            .chunks_exact(2)
            .map(|p| u16::from_le_bytes([p[0], p[1]]))
            .collect();
        let n: Vec<u16> = needle
            .chunks_exact(2)
            .map(|p| u16::from_le_bytes([p[0], p[1]]))
            .collect();
        let found = search_units(&h, &n, start / 2, forward).unwrap_or(h.len()) * 2;
        // Node compares the doubled unit index with the byte length, so a miss in an
        // odd-length haystack reports `len - 1` (src/node_buffer.cc).
        return if found == hay.len() {
            None
        } else {
            Some(found)
        };
    }
    if forward {
        memchr::memmem::find(&hay[start..], needle).map(|p| p + start)
    } else {
        let last = start.min(hay.len() - needle.len());
        memchr::memmem::rfind(&hay[..last + needle.len()], needle)
    }
}

/// `SearchString` over UTF-16 units: forward from `start`, or the last match at or
/// before `start`.
fn search_units(hay: &[u16], needle: &[u16], start: usize, forward: bool) -> Option<usize> {
    if hay.len() < needle.len() {
        return None;
    }
    let diff = hay.len() - needle.len();
    if forward {
        (start..=diff).find(|&i| hay[i..i + needle.len()] == *needle)
    } else {
        (0..=start.min(diff))
            .rev()
            .find(|&i| hay[i..i + needle.len()] == *needle)
    }
}
