//! `buf.write(string, offset, length, encoding)` (`StringBytes::Write` in
//! `src/string_bytes.cc`): write as much as fits, never part of a character.

use super::{from_string, hex, Encoding};

/// Writes `s` into `buf` (the `offset..offset+length` window, sliced by the caller) and
/// returns the number of bytes written.
///
/// Mirrors <https://nodejs.org/api/buffer.html#bufwritestring-offset-length-encoding>:
/// UTF-8 and UTF-16 write whole characters / code units only; latin1 and ascii write
/// one byte per code unit; hex stops at the first invalid pair; base64 decodes as
/// much as fits.
///
/// # Examples
/// ```
/// use node_stdlib::buffer::{write, Encoding};
/// let mut buf = [0u8; 4];
/// assert_eq!(write(&mut buf, "a€b", Encoding::Utf8), 4);
/// assert_eq!(write(&mut buf[..3], "a€", Encoding::Utf8), 1);
/// assert_eq!(write(&mut buf, "abc", Encoding::Utf16le), 4);
/// ```
pub fn write(buf: &mut [u8], s: &str, encoding: Encoding) -> usize {
    let cap = buf.len();
    let bytes: std::borrow::Cow<'_, [u8]> = match encoding {
        Encoding::Utf8 => {
            let mut end = s.len().min(cap);
            while !s.is_char_boundary(end) {
                end -= 1;
            }
            s.as_bytes()[..end].into()
        }
        Encoding::Utf16le => {
            let units = cap / 2;
            s.encode_utf16()
                .take(units)
                .flat_map(u16::to_le_bytes)
                .collect::<Vec<u8>>()
                .into()
        }
        Encoding::Latin1 | Encoding::Ascii => {
            if s.is_ascii() {
                s.as_bytes()[..s.len().min(cap)].into()
            } else {
                s.encode_utf16()
                    .take(cap)
                    .map(|u| u as u8)
                    .collect::<Vec<u8>>()
                    .into()
            }
        }
        Encoding::Hex => {
            let units: Vec<u8> = s.encode_utf16().take(cap * 2).map(|u| u as u8).collect();
            hex::decode(&units).into()
        }
        Encoding::Base64 | Encoding::Base64url => {
            let mut v = from_string(s, encoding);
            v.truncate(cap);
            v.into()
        }
    };
    let n = bytes.len().min(cap);
    buf[..n].copy_from_slice(&bytes[..n]);
    n
}
