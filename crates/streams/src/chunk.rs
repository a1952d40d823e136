//! [`Chunk`]: one unit of data moving through a stream.

use std::any::Any;
use std::fmt;
use std::rc::Rc;

use bytes::Bytes;

/// One chunk: bytes, a decoded string, or (in objectMode) any value.
///
/// Mirrors what Node passes to `push()`/`write()` and `'data'` listeners: a `Buffer`, a
/// string (after `setEncoding`), or an arbitrary object.
///
/// # Examples
/// ```
/// use node_streams::Chunk;
/// let c = Chunk::from("héllo");
/// assert_eq!(c.byte_len(), 6);
/// assert_eq!(c.as_bytes().unwrap().as_ref(), "héllo".as_bytes());
/// let v = Chunk::value(42u32);
/// assert_eq!(v.downcast_ref::<u32>(), Some(&42));
/// ```
#[derive(Clone)]
pub enum Chunk {
    /// A `Buffer`.
    Bytes(Bytes),
    /// A string (what `'data'` carries once `setEncoding` was called).
    Str(Rc<str>),
    /// Any other value, as objectMode streams carry.
    Value(Rc<dyn Any>),
}

impl Chunk {
    /// Wraps any value for an objectMode stream.
    ///
    /// # Examples
    /// ```
    /// let c = node_streams::Chunk::value("a string value");
    /// assert!(c.downcast_ref::<&str>().is_some());
    /// ```
    pub fn value<T: Any>(v: T) -> Self {
        Chunk::Value(Rc::new(v))
    }

    /// The length Node counts toward `highWaterMark` in byte mode (bytes; UTF-8 bytes of a
    /// string).
    ///
    /// # Examples
    /// ```
    /// assert_eq!(node_streams::Chunk::from(vec![1u8, 2, 3]).byte_len(), 3);
    /// ```
    pub fn byte_len(&self) -> usize {
        match self {
            Chunk::Bytes(b) => b.len(),
            Chunk::Str(s) => s.len(),
            Chunk::Value(_) => 1,
        }
    }

    /// The bytes of a `Bytes` chunk.
    ///
    /// # Examples
    /// ```
    /// assert!(node_streams::Chunk::value(1).as_bytes().is_none());
    /// ```
    pub fn as_bytes(&self) -> Option<&Bytes> {
        match self {
            Chunk::Bytes(b) => Some(b),
            _ => None,
        }
    }

    /// The text of a `Str` chunk.
    ///
    /// # Examples
    /// ```
    /// let c = node_streams::Chunk::Str("x".into());
    /// assert_eq!(c.as_str(), Some("x"));
    /// ```
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Chunk::Str(s) => Some(s),
            _ => None,
        }
    }

    /// The value of a `Value` chunk, if it is a `T`.
    ///
    /// # Examples
    /// ```
    /// assert_eq!(node_streams::Chunk::value(7i64).downcast_ref::<i64>(), Some(&7));
    /// ```
    pub fn downcast_ref<T: Any>(&self) -> Option<&T> {
        match self {
            Chunk::Value(v) => v.downcast_ref(),
            _ => None,
        }
    }

    /// Converts bytes or a string to `Bytes` (a string as UTF-8), as Node's `decodeStrings`.
    /// `None` for a `Value`.
    ///
    /// # Examples
    /// ```
    /// let b = node_streams::Chunk::from("ab").into_bytes().unwrap();
    /// assert_eq!(&b[..], b"ab");
    /// ```
    pub fn into_bytes(self) -> Option<Bytes> {
        match self {
            Chunk::Bytes(b) => Some(b),
            Chunk::Str(s) => Some(Bytes::copy_from_slice(s.as_bytes())),
            Chunk::Value(_) => None,
        }
    }
}

impl fmt::Debug for Chunk {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Chunk::Bytes(b) => write!(f, "Bytes({} bytes)", b.len()),
            Chunk::Str(s) => write!(f, "Str({s:?})"),
            Chunk::Value(_) => f.write_str("Value(..)"),
        }
    }
}

impl From<Bytes> for Chunk {
    fn from(b: Bytes) -> Self {
        Chunk::Bytes(b)
    }
}

impl From<Vec<u8>> for Chunk {
    fn from(v: Vec<u8>) -> Self {
        Chunk::Bytes(Bytes::from(v))
    }
}

impl From<&'static [u8]> for Chunk {
    fn from(v: &'static [u8]) -> Self {
        Chunk::Bytes(Bytes::from_static(v))
    }
}

impl From<&str> for Chunk {
    /// A string chunk is stored as UTF-8 bytes, as Node's default `decodeStrings: true`.
    fn from(s: &str) -> Self {
        Chunk::Bytes(Bytes::copy_from_slice(s.as_bytes()))
    }
}

impl From<String> for Chunk {
    fn from(s: String) -> Self {
        Chunk::Bytes(Bytes::from(s.into_bytes()))
    }
}
