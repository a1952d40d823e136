//! `buf.swap16()` / `swap32()` / `swap64()` and `buffer.isUtf8` / `isAscii`.

use node_core::{ErrorClass, NodeError};

fn swap(buf: &mut [u8], width: usize) -> Result<(), NodeError> {
    if buf.len() % width != 0 {
        return Err(NodeError::new(
            ErrorClass::RangeError,
            "ERR_INVALID_BUFFER_SIZE",
            format!("Buffer size must be a multiple of {}-bits", width * 8),
        ));
    }
    for chunk in buf.chunks_exact_mut(width) {
        chunk.reverse();
    }
    Ok(())
}

/// Reverses the byte order of each 16-bit unit in place: `buf.swap16()`.
///
/// Mirrors <https://nodejs.org/api/buffer.html#bufswap16>.
///
/// # Errors
/// `ERR_INVALID_BUFFER_SIZE` when the length is not a multiple of 2.
///
/// # Examples
/// ```
/// let mut b = [1u8, 2, 3, 4];
/// node_stdlib::buffer::swap16(&mut b).unwrap();
/// assert_eq!(b, [2, 1, 4, 3]);
/// ```
pub fn swap16(buf: &mut [u8]) -> Result<(), NodeError> {
    swap(buf, 2)
}

/// Reverses the byte order of each 32-bit unit in place: `buf.swap32()`.
///
/// Mirrors <https://nodejs.org/api/buffer.html#bufswap32>.
///
/// # Errors
/// `ERR_INVALID_BUFFER_SIZE` when the length is not a multiple of 4.
///
/// # Examples
/// ```
/// let mut b = [1u8, 2, 3, 4];
/// node_stdlib::buffer::swap32(&mut b).unwrap();
/// assert_eq!(b, [4, 3, 2, 1]);
/// ```
pub fn swap32(buf: &mut [u8]) -> Result<(), NodeError> {
    swap(buf, 4)
}

/// Reverses the byte order of each 64-bit unit in place: `buf.swap64()`.
///
/// Mirrors <https://nodejs.org/api/buffer.html#bufswap64>.
///
/// # Errors
/// `ERR_INVALID_BUFFER_SIZE` (`Buffer size must be a multiple of 64-bits`).
///
/// # Examples
/// ```
/// let err = node_stdlib::buffer::swap64(&mut [0u8; 3]).unwrap_err();
/// assert_eq!(err.message(), "Buffer size must be a multiple of 64-bits");
/// ```
pub fn swap64(buf: &mut [u8]) -> Result<(), NodeError> {
    swap(buf, 8)
}

/// Whether the bytes are valid UTF-8: `buffer.isUtf8(input)`.
///
/// Mirrors <https://nodejs.org/api/buffer.html#bufferisutf8input>.
///
/// # Examples
/// ```
/// assert!(!node_stdlib::buffer::is_utf8(&[0xc3]));
/// ```
#[doc(alias = "isUtf8")]
pub fn is_utf8(bytes: &[u8]) -> bool {
    std::str::from_utf8(bytes).is_ok()
}

/// Whether every byte is ASCII: `buffer.isAscii(input)`.
///
/// Mirrors <https://nodejs.org/api/buffer.html#bufferisasciiinput>.
///
/// # Examples
/// ```
/// assert!(node_stdlib::buffer::is_ascii(b"abc"));
/// ```
#[doc(alias = "isAscii")]
pub fn is_ascii(bytes: &[u8]) -> bool {
    bytes.is_ascii()
}
