//! String ⇄ bytes in every Buffer encoding (`Buffer.from(string, enc)`,
//! `buf.toString(enc)`, `Buffer.byteLength`).

use super::{base64, hex, Encoding};

/// JS code units truncated to a byte, as Node's base64/hex/latin1 writers read them.
fn low_bytes(s: &str) -> std::borrow::Cow<'_, [u8]> {
    if s.is_ascii() {
        std::borrow::Cow::Borrowed(s.as_bytes())
    } else {
        std::borrow::Cow::Owned(s.encode_utf16().map(|u| u as u8).collect())
    }
}

/// Encodes a string into bytes: `Buffer.from(string, encoding)`.
///
/// Mirrors <https://nodejs.org/api/buffer.html#static-method-bufferfromstring-encoding>:
/// latin1/ascii keep the low byte of each UTF-16 code unit, base64/base64url accept both
/// alphabets, skip whitespace and invalid characters and stop at `=`, hex stops at the
/// first invalid pair and ignores an odd last digit.
///
/// # Examples
/// ```
/// use node_stdlib::buffer::{from_string, Encoding};
/// assert_eq!(from_string("héllo", Encoding::Utf8), b"h\xc3\xa9llo");
/// assert_eq!(from_string("aGk gd=", Encoding::Base64), b"hi ");
/// assert_eq!(from_string("abzz", Encoding::Hex), b"\xab");
/// ```
#[doc(alias = "Buffer.from")]
pub fn from_string(s: &str, encoding: Encoding) -> Vec<u8> {
    match encoding {
        Encoding::Utf8 => s.as_bytes().to_vec(),
        Encoding::Utf16le => s.encode_utf16().flat_map(u16::to_le_bytes).collect(),
        Encoding::Latin1 | Encoding::Ascii => low_bytes(s).into_owned(),
        Encoding::Base64 | Encoding::Base64url => base64::decode(&low_bytes(s)),
        Encoding::Hex => hex::decode(&low_bytes(s)),
    }
}

/// Like [`from_string`], for a JavaScript string given as UTF-16 code units (which may
/// hold lone surrogates: UTF-8 writes them as `EF BF BD`, as V8 does).
///
/// # Examples
/// ```
/// use node_stdlib::buffer::{from_utf16_units, Encoding};
/// assert_eq!(from_utf16_units(&[0x61, 0xd800], Encoding::Utf8), b"a\xef\xbf\xbd");
/// assert_eq!(from_utf16_units(&[0x141], Encoding::Latin1), b"\x41");
/// ```
pub fn from_utf16_units(units: &[u16], encoding: Encoding) -> Vec<u8> {
    match encoding {
        Encoding::Utf8 => char::decode_utf16(units.iter().copied())
            .map(|c| c.unwrap_or(char::REPLACEMENT_CHARACTER))
            .collect::<String>()
            .into_bytes(),
        Encoding::Utf16le => units.iter().flat_map(|u| u.to_le_bytes()).collect(),
        Encoding::Latin1 | Encoding::Ascii => units.iter().map(|&u| u as u8).collect(),
        Encoding::Base64 | Encoding::Base64url => {
            base64::decode(&units.iter().map(|&u| u as u8).collect::<Vec<u8>>())
        }
        Encoding::Hex => hex::decode(&units.iter().map(|&u| u as u8).collect::<Vec<u8>>()),
    }
}

/// Decodes bytes into a string: `buf.toString(encoding)`.
///
/// Mirrors <https://nodejs.org/api/buffer.html#buftostringencoding-start-end>: invalid
/// UTF-8 becomes U+FFFD per maximal subpart (WHATWG), ascii masks the high bit, utf16le
/// drops an odd last byte, base64url has no padding, hex is lower case. A lone surrogate
/// in utf16le input becomes U+FFFD here; use [`to_utf16_units`] to keep it.
///
/// # Examples
/// ```
/// use node_stdlib::buffer::{to_string, Encoding};
/// assert_eq!(to_string(b"a\xc3", Encoding::Utf8), "a\u{fffd}");
/// assert_eq!(to_string(b"\xe9", Encoding::Ascii), "i");
/// assert_eq!(to_string(b"\xfb\xff", Encoding::Base64url), "-_8");
/// ```
#[doc(alias = "toString")]
pub fn to_string(bytes: &[u8], encoding: Encoding) -> String {
    match encoding {
        Encoding::Utf8 => String::from_utf8_lossy(bytes).into_owned(),
        Encoding::Utf16le => char::decode_utf16(
            bytes
                .chunks_exact(2)
                .map(|p| u16::from_le_bytes([p[0], p[1]])),
        )
        .map(|c| c.unwrap_or(char::REPLACEMENT_CHARACTER))
        .collect(),
        Encoding::Latin1 => {
            if bytes.is_ascii() {
                // ASCII is valid UTF-8 as is.
                String::from_utf8_lossy(bytes).into_owned()
            } else {
                latin1_to_utf8(bytes)
            }
        }
        Encoding::Ascii => {
            if bytes.is_ascii() {
                String::from_utf8_lossy(bytes).into_owned()
            } else {
                // Masked bytes are ASCII, hence valid UTF-8.
                String::from_utf8(bytes.iter().map(|b| b & 0x7f).collect()).unwrap_or_default()
            }
        }
        Encoding::Base64 => base64::encode(bytes, false),
        Encoding::Base64url => base64::encode(bytes, true),
        Encoding::Hex => hex::encode(bytes),
    }
}

/// Latin-1 bytes as a UTF-8 string: one or two bytes per input byte.
fn latin1_to_utf8(bytes: &[u8]) -> String {
    // Branch-free: always write two bytes, advance by one for ASCII, two otherwise.
    let mut out = vec![0u8; bytes.len() * 2 + 1];
    let mut j = 0;
    for &b in bytes {
        let high = b >> 7;
        out[j] = if high == 0 { b } else { 0xC0 | (b >> 6) };
        out[j + 1] = 0x80 | (b & 0x3F);
        j += 1 + usize::from(high);
    }
    out.truncate(j);
    assume_utf8(out)
}

/// Wraps bytes that are UTF-8 by construction. Checking them again with
/// `String::from_utf8` costs six times the conversion itself on non-ASCII text.
#[allow(unsafe_code)]
fn assume_utf8(bytes: Vec<u8>) -> String {
    debug_assert!(std::str::from_utf8(&bytes).is_ok());
    // SAFETY: the only caller writes ASCII bytes as they are and every other byte as a
    // two-byte sequence `110000xx 10xxxxxx` (U+0080..=U+00FF), which is valid UTF-8.
    unsafe { String::from_utf8_unchecked(bytes) }
}

/// Decodes bytes into UTF-16 code units, exactly the JavaScript string Node returns.
///
/// # Examples
/// ```
/// use node_stdlib::buffer::{to_utf16_units, Encoding};
/// assert_eq!(to_utf16_units(&[0x00, 0xd8, 0x61], Encoding::Utf16le), [0xd800]);
/// ```
pub fn to_utf16_units(bytes: &[u8], encoding: Encoding) -> Vec<u16> {
    match encoding {
        Encoding::Utf16le => bytes
            .chunks_exact(2)
            .map(|p| u16::from_le_bytes([p[0], p[1]]))
            .collect(),
        Encoding::Latin1 => bytes.iter().map(|&b| u16::from(b)).collect(),
        Encoding::Ascii => bytes.iter().map(|&b| u16::from(b & 0x7f)).collect(),
        _ => to_string(bytes, encoding).encode_utf16().collect(),
    }
}

/// The number of bytes `Buffer.byteLength(string, encoding)` reports.
///
/// Mirrors <https://nodejs.org/api/buffer.html#static-method-bufferbytelengthstring-encoding>;
/// for base64 it is Node's estimate from the length (`(len - trailing '=') * 3 / 4`), for
/// hex half the length, as in Node.
///
/// # Examples
/// ```
/// use node_stdlib::buffer::{byte_length, Encoding};
/// assert_eq!(byte_length("½ + ¼ = ¾", Encoding::Utf8), 12);
/// assert_eq!(byte_length("YQ==", Encoding::Base64), 1);
/// assert_eq!(byte_length("€", Encoding::Utf16le), 2);
/// ```
#[doc(alias = "byteLength")]
pub fn byte_length(s: &str, encoding: Encoding) -> usize {
    match encoding {
        Encoding::Utf8 => s.len(),
        Encoding::Utf16le => s.encode_utf16().count() * 2,
        Encoding::Latin1 | Encoding::Ascii => s.encode_utf16().count(),
        Encoding::Base64 | Encoding::Base64url => base64::byte_length(&low_bytes(s)),
        Encoding::Hex => s.encode_utf16().count() >> 1,
    }
}
