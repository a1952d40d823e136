//! zlib errors as Node reports them: `code` (`Z_DATA_ERROR`), `errno` (-3), message.

use std::fmt;

use node_core::{ErrorClass, NodeError};

/// A zlib or brotli failure with Node's `code`, `errno` and message.
///
/// Mirrors the errors of Node's `zlib` (`err.code === 'Z_DATA_ERROR'`, `err.errno === -3`).
///
/// # Examples
/// ```
/// let e = node_streams::zlib::gunzip_sync(b"plain", &Default::default()).unwrap_err();
/// assert_eq!(e.message(), "incorrect header check");
/// let n: node_core::NodeError = e.into();
/// assert_eq!(n.code(), "Z_DATA_ERROR");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error {
    code: &'static str,
    errno: Option<i32>,
    message: String,
}

impl Error {
    pub(crate) fn new(code: &'static str, message: impl Into<String>) -> Self {
        Error {
            code,
            errno: errno_for_code(code),
            message: message.into(),
        }
    }

    pub(crate) fn with_errno(code: &'static str, errno: i32, message: impl Into<String>) -> Self {
        Error {
            code,
            errno: Some(errno),
            message: message.into(),
        }
    }

    /// `ERR_BUFFER_TOO_LARGE`: a one-shot's output passed `maxOutputLength`.
    pub(crate) fn too_large(max: usize) -> Self {
        Error::new(
            "ERR_BUFFER_TOO_LARGE",
            format!("Cannot create a Buffer larger than {max} bytes"),
        )
    }

    /// `ERR_NOT_IMPLEMENTED` for `api` (what nrt does not do yet).
    ///
    /// # Examples
    /// ```
    /// let e = node_streams::zlib::Error::not_implemented("zlib.foo");
    /// assert_eq!(e.message(), "zlib.foo is not implemented in nrt yet");
    /// ```
    pub fn not_implemented(api: &str) -> Self {
        Error::new(
            "ERR_NOT_IMPLEMENTED",
            format!("{api} is not implemented in nrt yet"),
        )
    }

    /// The JS class Node throws this error as (`RangeError` for range checks).
    ///
    /// # Examples
    /// ```
    /// let o = node_streams::zlib::ZlibOptions { level: 10, ..Default::default() };
    /// let e = node_streams::zlib::gzip_sync(b"", &o).unwrap_err();
    /// assert_eq!(e.class(), node_core::ErrorClass::RangeError);
    /// ```
    pub fn class(&self) -> ErrorClass {
        match self.code {
            "ERR_OUT_OF_RANGE" | "ERR_BUFFER_TOO_LARGE" | "ERR_BROTLI_INVALID_PARAM" => {
                ErrorClass::RangeError
            }
            _ => ErrorClass::Error,
        }
    }

    pub(crate) fn data(message: Option<&str>) -> Self {
        Error::new("Z_DATA_ERROR", message.unwrap_or("invalid data"))
    }

    pub(crate) fn unexpected_end() -> Self {
        Error::new("Z_BUF_ERROR", "unexpected end of file")
    }

    /// Node's `err.code` (`Z_DATA_ERROR`, `Z_BUF_ERROR`, `Z_NEED_DICT`, …).
    ///
    /// # Examples
    /// ```
    /// let e = node_streams::zlib::inflate_sync(b"x", &Default::default()).unwrap_err();
    /// assert_eq!(e.code(), "Z_BUF_ERROR");
    /// ```
    pub fn code(&self) -> &'static str {
        self.code
    }

    /// Node's `err.errno` (zlib's return code); `None` for option errors such as
    /// `ERR_OUT_OF_RANGE`.
    ///
    /// # Examples
    /// ```
    /// let e = node_streams::zlib::inflate_sync(b"x", &Default::default()).unwrap_err();
    /// assert_eq!(e.errno(), Some(-5));
    /// ```
    pub fn errno(&self) -> Option<i32> {
        self.errno
    }

    /// Node's `err.message` (zlib's own text, such as `incorrect header check`).
    ///
    /// # Examples
    /// ```
    /// let e = node_streams::zlib::inflate_sync(b"x", &Default::default()).unwrap_err();
    /// assert_eq!(e.message(), "unexpected end of file");
    /// ```
    pub fn message(&self) -> &str {
        &self.message
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Error: {}", self.message)
    }
}

impl std::error::Error for Error {}

impl From<Error> for NodeError {
    /// Keeps `code` and message; the `errno` is recovered with [`errno_for_code`].
    fn from(e: Error) -> Self {
        NodeError::new(e.class(), e.code, e.message)
    }
}

/// The `errno` Node reports for a zlib/brotli error code (`Z_DATA_ERROR` → -3).
///
/// # Examples
/// ```
/// assert_eq!(node_streams::zlib::errno_for_code("Z_BUF_ERROR"), Some(-5));
/// assert_eq!(node_streams::zlib::errno_for_code("ENOENT"), None);
/// ```
pub fn errno_for_code(code: &str) -> Option<i32> {
    Some(match code {
        "Z_NEED_DICT" => 2,
        "Z_ERRNO" => -1,
        "Z_STREAM_ERROR" => -2,
        "Z_DATA_ERROR" => -3,
        "Z_MEM_ERROR" => -4,
        "Z_BUF_ERROR" => -5,
        "Z_VERSION_ERROR" => -6,
        _ => return super::brotli_codes::errno(code),
    })
}
