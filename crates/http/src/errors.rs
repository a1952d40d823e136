//! The crate's [`Error`] and the parser's [`ParseError`].

use node_core::{ErrorClass, NodeError};

/// Why a message head or body was rejected, with llhttp's `HPE_*` code.
///
/// # Examples
/// ```
/// assert_eq!(node_http::ParseError::HeaderOverflow.code(), "HPE_HEADER_OVERFLOW");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ParseError {
    /// A line ended in a bare LF or CR.
    #[error("Missing expected CR after header value")]
    LfExpected,
    /// The method is not one llhttp knows.
    #[error("Invalid method encountered")]
    InvalidMethod,
    /// The request or status line is malformed.
    #[error("Invalid HTTP request line or status line")]
    InvalidConstant,
    /// The HTTP version is not 1.0 or 1.1.
    #[error("Invalid HTTP version")]
    InvalidVersion,
    /// A header name is not a token.
    #[error("Invalid header token")]
    InvalidHeaderToken,
    /// A header value holds a control character.
    #[error("Invalid header value char")]
    InvalidHeaderValue,
    /// The request target holds invalid characters.
    #[error("Invalid characters in url")]
    InvalidUrl,
    /// Content-Length is not a number, repeated, or overflows.
    #[error("Invalid content length")]
    InvalidContentLength,
    /// Content-Length together with Transfer-Encoding, or an unknown final coding.
    #[error("Invalid transfer encoding")]
    InvalidTransferEncoding,
    /// A chunk size is not hex or overflows.
    #[error("Invalid character in chunk size")]
    InvalidChunkSize,
    /// A chunk extension holds a control character.
    #[error("Invalid character in chunk extensions")]
    InvalidChunkExtension,
    /// The head is larger than `max_header_size`.
    #[error("Header overflow")]
    HeaderOverflow,
    /// The peer closed in the middle of a message.
    #[error("Invalid EOF state")]
    InvalidEof,
    /// An HTTP/1.1 request without a Host header (Node's `requireHostHeader`).
    #[error("Missing Host header")]
    MissingHost,
}

impl ParseError {
    /// llhttp's error code as Node exposes it on `clientError` errors.
    ///
    /// # Examples
    /// ```
    /// assert_eq!(node_http::ParseError::LfExpected.code(), "HPE_LF_EXPECTED");
    /// ```
    pub fn code(&self) -> &'static str {
        match self {
            ParseError::LfExpected => "HPE_LF_EXPECTED",
            ParseError::InvalidMethod => "HPE_INVALID_METHOD",
            ParseError::InvalidConstant => "HPE_INVALID_CONSTANT",
            ParseError::InvalidVersion => "HPE_INVALID_VERSION",
            ParseError::InvalidHeaderToken => "HPE_INVALID_HEADER_TOKEN",
            ParseError::InvalidHeaderValue => "HPE_INVALID_HEADER_TOKEN",
            ParseError::InvalidUrl => "HPE_INVALID_URL",
            ParseError::InvalidContentLength => "HPE_INVALID_CONTENT_LENGTH",
            ParseError::InvalidTransferEncoding => "HPE_INVALID_TRANSFER_ENCODING",
            ParseError::InvalidChunkSize => "HPE_INVALID_CHUNK_SIZE",
            ParseError::InvalidChunkExtension => "HPE_INVALID_EXTENSION",
            ParseError::HeaderOverflow => "HPE_HEADER_OVERFLOW",
            ParseError::InvalidEof => "HPE_INVALID_EOF_STATE",
            ParseError::MissingHost => "ERR_HTTP_REQUEST_MISSING_HOST",
        }
    }
}

/// Errors of the http module.
///
/// # Examples
/// ```
/// let err = node_http::validate_header_name("bad name").unwrap_err();
/// assert_eq!(err.code(), "ERR_INVALID_HTTP_TOKEN");
/// ```
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// A Node internal error (`ERR_HTTP_HEADERS_SENT`, `ERR_INVALID_CHAR`, …).
    #[error("{0}")]
    Node(NodeError),
    /// A socket error (`ECONNREFUSED`, `ECONNRESET`, …).
    #[error("{0}")]
    Net(node_net::Error),
    /// A malformed message from the peer.
    #[error("Parse Error: {0}")]
    Parse(ParseError),
    /// A network error of [`fetch`](crate::fetch) with no socket error behind it, with
    /// undici's message (`redirect count exceeded`, `unexpected redirect`, `bad port`, …).
    /// Its code is `ERR_FETCH_NETWORK`, nrt's name: undici's error has none.
    #[error("{0}")]
    Fetch(String),
}

impl Error {
    /// Node's `code` property.
    ///
    /// # Examples
    /// ```
    /// let err = node_http::Error::Parse(node_http::ParseError::InvalidChunkSize);
    /// assert_eq!(err.code(), "HPE_INVALID_CHUNK_SIZE");
    /// ```
    pub fn code(&self) -> &str {
        match self {
            Error::Node(e) => e.code(),
            Error::Net(e) => e.code(),
            Error::Parse(e) => e.code(),
            Error::Fetch(_) => "ERR_FETCH_NETWORK",
        }
    }

    pub(crate) fn io(err: &std::io::Error, syscall: &'static str) -> Self {
        let errno = err
            .raw_os_error()
            .or_else(|| NodeError::from_io(err, syscall).errno().map(i32::abs))
            .unwrap_or(EIO);
        Error::Net(node_net::Error::System(node_net::SystemError::plain(
            errno, syscall,
        )))
    }

    /// The error as a [`NodeError`], what node-streams carry in `'error'` events.
    pub(crate) fn to_node(&self) -> NodeError {
        match self {
            Error::Node(e) => e.clone(),
            Error::Net(node_net::Error::System(s)) => {
                NodeError::from_errno(s.errno().abs(), s.syscall())
            }
            Error::Net(node_net::Error::Node(e)) => e.clone(),
            Error::Net(e) => NodeError::new(ErrorClass::Error, e.code().to_owned(), e.to_string()),
            Error::Parse(p) => NodeError::new(ErrorClass::Error, p.code(), self.to_string()),
            Error::Fetch(m) => NodeError::new(ErrorClass::Error, "ERR_FETCH_NETWORK", m.clone()),
        }
    }

    pub(crate) fn headers_sent(action: &str) -> Self {
        Error::Node(NodeError::new(
            ErrorClass::Error,
            "ERR_HTTP_HEADERS_SENT",
            format!("Cannot {action} headers after they are sent to the client"),
        ))
    }

    pub(crate) fn write_after_end() -> Self {
        Error::Node(NodeError::new(
            ErrorClass::Error,
            "ERR_STREAM_WRITE_AFTER_END",
            "write after end",
        ))
    }

    pub(crate) fn socket_hang_up() -> Self {
        Error::Node(NodeError::new(
            ErrorClass::Error,
            "ECONNRESET",
            "socket hang up",
        ))
    }

    pub(crate) fn aborted() -> Self {
        Error::Node(NodeError::new(ErrorClass::Error, "ECONNRESET", "aborted"))
    }
}

/// libuv's fallback errno for I/O errors without one.
const EIO: i32 = 5;

impl From<NodeError> for Error {
    fn from(e: NodeError) -> Self {
        Error::Node(e)
    }
}

impl From<node_net::Error> for Error {
    fn from(e: node_net::Error) -> Self {
        Error::Net(e)
    }
}

impl From<ParseError> for Error {
    fn from(e: ParseError) -> Self {
        Error::Parse(e)
    }
}

/// `Result` with the crate's [`Error`].
///
/// # Examples
/// ```
/// fn port_of(url: &str) -> node_http::Result<u16> {
///     Ok(node_http::RequestOptions::from_url(url)?.port)
/// }
/// assert_eq!(port_of("http://example.com:8080/").unwrap(), 8080);
/// assert_eq!(port_of("ftp://example.com/").unwrap_err().code(), "ERR_INVALID_PROTOCOL");
/// ```
pub type Result<T, E = Error> = std::result::Result<T, E>;
