//! `Buffer.compare` and `buf.fill` (`_fill` in `lib/buffer.js`, `Fill` in
//! `src/node_buffer.cc`).

use node_core::NodeError;

use super::{from_string, Encoding};

/// Compares two buffers byte-wise, then by length: -1, 0 or 1.
///
/// Mirrors <https://nodejs.org/api/buffer.html#static-method-buffercomparebuf1-buf2>
/// (and `buf.compare` on already-sliced ranges).
///
/// # Examples
/// ```
/// use node_stdlib::buffer::compare;
/// assert_eq!(compare(b"1234", b"0123"), 1);
/// assert_eq!(compare(b"ab", b"abc"), -1);
/// ```
pub fn compare(a: &[u8], b: &[u8]) -> i32 {
    match a.cmp(b) {
        std::cmp::Ordering::Less => -1,
        std::cmp::Ordering::Equal => 0,
        std::cmp::Ordering::Greater => 1,
    }
}

/// The value `buf.fill` repeats.
///
/// # Examples
/// ```
/// use node_stdlib::buffer::FillValue;
/// let v = FillValue::Str("ab");
/// assert_ne!(v, FillValue::Byte(0));
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum FillValue<'a> {
    /// A number, already reduced to a byte (`ToUint8`, i.e. modulo 256).
    Byte(u8),
    /// A Buffer or Uint8Array pattern.
    Bytes(&'a [u8]),
    /// A string pattern, encoded with the fill encoding.
    Str(&'a str),
}

/// Fills `buf` (the `offset..end` range, sliced by the caller) with a repeated pattern.
///
/// Mirrors <https://nodejs.org/api/buffer.html#buffillvalue-offset-end-encoding>: an
/// empty string fills with zeros, a pattern longer than the range is cut.
///
/// # Errors
/// `ERR_INVALID_ARG_VALUE` when the pattern encodes to no bytes (an empty Buffer, or a
/// string such as `'zz'` in hex). For an empty [`FillValue::Bytes`] the message shows
/// `<Buffer >`, as Node prints an empty Buffer. An empty `buf` never fails.
///
/// # Examples
/// ```
/// use node_stdlib::buffer::{fill, Encoding, FillValue};
/// let mut buf = [0u8; 5];
/// fill(&mut buf, FillValue::Str("abc"), Encoding::Utf8).unwrap();
/// assert_eq!(&buf, b"abcab");
/// let err = fill(&mut buf, FillValue::Str("zz"), Encoding::Hex).unwrap_err();
/// assert_eq!(err.code(), "ERR_INVALID_ARG_VALUE");
/// ```
pub fn fill(buf: &mut [u8], value: FillValue<'_>, encoding: Encoding) -> Result<(), NodeError> {
    if buf.is_empty() {
        // Node returns before looking at the pattern.
        return Ok(());
    }
    let pattern: std::borrow::Cow<'_, [u8]> = match value {
        FillValue::Byte(b) => {
            buf.fill(b);
            return Ok(());
        }
        FillValue::Bytes(b) => {
            if b.is_empty() {
                return Err(NodeError::invalid_arg_value(
                    "value",
                    "<Buffer >",
                    "is invalid",
                ));
            }
            b.into()
        }
        FillValue::Str(s) => {
            if s.is_empty() {
                buf.fill(0);
                return Ok(());
            }
            let p = from_string(s, encoding);
            if p.is_empty() {
                return Err(NodeError::invalid_arg_value(
                    "value",
                    &node_core::inspect_string(s),
                    "is invalid",
                ));
            }
            p.into()
        }
    };
    if pattern.len() == 1 {
        buf.fill(pattern[0]);
        return Ok(());
    }
    for chunk in buf.chunks_mut(pattern.len()) {
        chunk.copy_from_slice(&pattern[..chunk.len()]);
    }
    Ok(())
}
