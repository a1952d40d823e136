//! Strings as JavaScript engines export them: WTF-8 (UTF-8 that may hold lone surrogates,
//! each as a three-byte `ED A0..BF xx` sequence). One conversion per string and encoding,
//! borrowing the engine's bytes where the result is the same bytes.

use std::borrow::Cow;

use super::{base64, from_utf16_units, hex, Encoding};

/// Encodes a JavaScript string given as WTF-8 bytes: `Buffer.from(string, encoding)`.
///
/// Same results as [`from_utf16_units`](super::from_utf16_units) on the string's code
/// units, borrowing `wtf8` when the encoded bytes are the input bytes (UTF-8 without lone
/// surrogates; ASCII input in latin1/ascii). UTF-8 writes a lone surrogate as `EF BF BD`,
/// as V8 does.
///
/// # Examples
/// ```
/// use node_stdlib::buffer::{from_wtf8, Encoding};
/// assert_eq!(&*from_wtf8(b"hi", Encoding::Latin1), b"hi");
/// assert_eq!(&*from_wtf8(b"a\xed\xa0\x80", Encoding::Utf8), b"a\xef\xbf\xbd");
/// assert_eq!(&*from_wtf8(b"\xed\xa0\x80", Encoding::Utf16le), b"\x00\xd8");
/// assert_eq!(&*from_wtf8("Ł".as_bytes(), Encoding::Latin1), b"\x41");
/// assert_eq!(&*from_wtf8(b"aGk=", Encoding::Base64), b"hi");
/// ```
pub fn from_wtf8(wtf8: &[u8], encoding: Encoding) -> Cow<'_, [u8]> {
    if wtf8.is_ascii() {
        return match encoding {
            Encoding::Utf8 | Encoding::Latin1 | Encoding::Ascii => Cow::Borrowed(wtf8),
            Encoding::Utf16le => Cow::Owned(wtf8.iter().flat_map(|&b| [b, 0]).collect()),
            Encoding::Base64 | Encoding::Base64url => Cow::Owned(base64::decode(wtf8)),
            Encoding::Hex => Cow::Owned(hex::decode(wtf8)),
        };
    }
    if encoding == Encoding::Utf8 {
        return utf8_from_wtf8(wtf8);
    }
    Cow::Owned(from_utf16_units(&wtf8_to_utf16(wtf8), encoding))
}

/// Replaces each lone surrogate with U+FFFD (same length: three bytes each).
fn utf8_from_wtf8(wtf8: &[u8]) -> Cow<'_, [u8]> {
    let is_surrogate = |i: usize| wtf8[i] == 0xED && wtf8.get(i + 1).is_some_and(|&b| b >= 0xA0);
    let Some(first) = memchr::memchr_iter(0xED, wtf8).find(|&i| is_surrogate(i)) else {
        return Cow::Borrowed(wtf8);
    };
    let mut out = wtf8.to_vec();
    let mut i = first;
    while i + 2 < out.len() {
        if out[i] == 0xED && out[i + 1] >= 0xA0 {
            out[i..i + 3].copy_from_slice(b"\xef\xbf\xbd");
            i += 3;
        } else {
            i += 1;
        }
    }
    Cow::Owned(out)
}

/// Decodes WTF-8 into UTF-16 code units (lone surrogates kept). Malformed input, which an
/// engine never produces, decodes to U+FFFD per byte.
///
/// # Examples
/// ```
/// use node_stdlib::buffer::wtf8_to_utf16;
/// assert_eq!(wtf8_to_utf16(b"a\xed\xa0\x80\xf0\x9f\x98\x80"), [0x61, 0xd800, 0xd83d, 0xde00]);
/// ```
pub fn wtf8_to_utf16(wtf8: &[u8]) -> Vec<u16> {
    let mut out = Vec::with_capacity(wtf8.len());
    let mut i = 0;
    let cont = |j: usize| wtf8.get(j).map_or(0, |&b| u32::from(b & 0x3F));
    while i < wtf8.len() {
        let b = wtf8[i];
        let (cp, n) = match b {
            0x00..=0x7F => (u32::from(b), 1),
            0xC0..=0xDF => ((u32::from(b & 0x1F) << 6) | cont(i + 1), 2),
            0xE0..=0xEF => (
                (u32::from(b & 0x0F) << 12) | (cont(i + 1) << 6) | cont(i + 2),
                3,
            ),
            0xF0..=0xF7 => (
                (u32::from(b & 0x07) << 18)
                    | (cont(i + 1) << 12)
                    | (cont(i + 2) << 6)
                    | cont(i + 3),
                4,
            ),
            _ => (0xFFFD, 1),
        };
        if cp >= 0x10000 {
            let c = cp - 0x10000;
            out.push(0xD800 | (c >> 10) as u16);
            out.push(0xDC00 | (c & 0x3FF) as u16);
        } else {
            out.push(cp as u16);
        }
        i += n;
    }
    out
}

/// How many of a string's encoded bytes `buf.write` keeps in `cap` bytes: whole UTF-8
/// characters and whole UTF-16 code units only, any prefix otherwise.
///
/// Mirrors <https://nodejs.org/api/buffer.html#bufwritestring-offset-length-encoding>
/// ("partially encoded characters will not be written").
///
/// # Examples
/// ```
/// use node_stdlib::buffer::{write_len, Encoding};
/// assert_eq!(write_len("a€".as_bytes(), 3, Encoding::Utf8), 1);
/// assert_eq!(write_len(b"a\x00b\x00", 3, Encoding::Utf16le), 2);
/// assert_eq!(write_len(b"abc", 2, Encoding::Latin1), 2);
/// ```
pub fn write_len(encoded: &[u8], cap: usize, encoding: Encoding) -> usize {
    if encoded.len() <= cap {
        return encoded.len();
    }
    match encoding {
        Encoding::Utf8 => {
            let mut n = cap;
            while n > 0 && encoded[n] & 0xC0 == 0x80 {
                n -= 1;
            }
            n
        }
        Encoding::Utf16le => cap & !1,
        _ => cap,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::buffer::from_utf16_units;

    #[test]
    fn matches_utf16_path() {
        let units: Vec<u16> = vec![0x61, 0xD800, 0xE9, 0xD83D, 0xDE00, 0xDC00, 0x141];
        let wtf8 = b"a\xed\xa0\x80\xc3\xa9\xf0\x9f\x98\x80\xed\xb0\x80\xc5\x81";
        assert_eq!(wtf8_to_utf16(wtf8), units);
        for enc in [
            Encoding::Utf8,
            Encoding::Utf16le,
            Encoding::Latin1,
            Encoding::Ascii,
            Encoding::Base64,
            Encoding::Hex,
        ] {
            assert_eq!(&*from_wtf8(wtf8, enc), &from_utf16_units(&units, enc)[..]);
        }
    }

    #[test]
    fn utf8_cut_never_splits() {
        let s = "€€".as_bytes();
        assert_eq!(write_len(s, 5, Encoding::Utf8), 3);
        assert_eq!(write_len(s, 2, Encoding::Utf8), 0);
        assert_eq!(write_len(s, 6, Encoding::Utf8), 6);
    }
}
