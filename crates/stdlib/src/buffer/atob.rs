//! The WHATWG `atob` / `btoa` globals (also exported by `node:buffer`).

use node_core::{ErrorClass, NodeError};

use super::{to_string, Encoding};

/// A `DOMException` named `InvalidCharacterError`: [`NodeError::code`] carries the
/// DOMException name, which the JavaScript side uses to build the exception.
fn invalid_character(message: &str) -> NodeError {
    NodeError::new(ErrorClass::Error, "InvalidCharacterError", message)
}

/// Encodes a Latin-1 string as base64: `btoa(data)`.
///
/// Mirrors <https://nodejs.org/api/buffer.html#btoadata>.
///
/// # Errors
/// `InvalidCharacterError` (`Invalid character`) for a character above U+00FF.
///
/// # Examples
/// ```
/// use node_stdlib::buffer::btoa;
/// assert_eq!(btoa("héllo").unwrap(), "aOlsbG8=");
/// assert_eq!(btoa("€").unwrap_err().message(), "Invalid character");
/// ```
pub fn btoa(data: &str) -> Result<String, NodeError> {
    let mut bytes = Vec::with_capacity(data.len());
    for c in data.chars() {
        let b = u8::try_from(u32::from(c)).map_err(|_| invalid_character("Invalid character"))?;
        bytes.push(b);
    }
    Ok(to_string(&bytes, Encoding::Base64))
}

fn value(c: u8) -> Option<u8> {
    Some(match c {
        b'A'..=b'Z' => c - b'A',
        b'a'..=b'z' => c - b'a' + 26,
        b'0'..=b'9' => c - b'0' + 52,
        b'+' => 62,
        b'/' => 63,
        _ => return None,
    })
}

/// Decodes base64 with the WHATWG forgiving-base64 rules into a Latin-1 string:
/// `atob(data)`.
///
/// Mirrors <https://nodejs.org/api/buffer.html#atobdata>: ASCII whitespace is ignored,
/// up to two `=` may end input whose length is a multiple of four, the URL alphabet is
/// not accepted.
///
/// # Errors
/// `InvalidCharacterError`: `Invalid character`, or `The string to be decoded is not
/// correctly encoded.` when one character is left over.
///
/// # Examples
/// ```
/// use node_stdlib::buffer::atob;
/// assert_eq!(atob(" aOls bG8= ").unwrap(), "héllo");
/// assert_eq!(atob("a").unwrap_err().code(), "InvalidCharacterError");
/// ```
pub fn atob(data: &str) -> Result<String, NodeError> {
    let mut chars: Vec<u8> = Vec::with_capacity(data.len());
    for c in data.chars() {
        match c {
            '\t' | '\n' | '\u{c}' | '\r' | ' ' => {}
            c if c.is_ascii() => chars.push(c as u8),
            _ => return Err(invalid_character("Invalid character")),
        }
    }
    if chars.len() % 4 == 0 {
        for _ in 0..2 {
            if chars.last() == Some(&b'=') {
                chars.pop();
            }
        }
    }
    let mut values = Vec::with_capacity(chars.len());
    for &c in &chars {
        values.push(value(c).ok_or_else(|| invalid_character("Invalid character"))?);
    }
    if values.len() % 4 == 1 {
        return Err(invalid_character(
            "The string to be decoded is not correctly encoded.",
        ));
    }
    let mut out = Vec::with_capacity(values.len() * 3 / 4);
    for group in values.chunks(4) {
        let v =
            group.iter().fold(0u32, |acc, &x| acc << 6 | u32::from(x)) << (6 * (4 - group.len()));
        let bytes = [(v >> 16) as u8, (v >> 8) as u8, v as u8];
        out.extend_from_slice(&bytes[..group.len() - 1]);
    }
    Ok(to_string(&out, Encoding::Latin1))
}
