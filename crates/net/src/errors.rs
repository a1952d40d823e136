//! The crate's [`Error`]: Node's net errors, which carry the address and port.

use std::fmt;

use node_core::{uv_err_name, uv_strerror, NodeError};

/// Which of Node's two message shapes a system error uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Shape {
    /// `exceptionWithHostPort`: `connect ECONNREFUSED 127.0.0.1:1`.
    Short,
    /// `uvExceptionWithHostPort`: `listen EADDRINUSE: address already in use 127.0.0.1:80`.
    Long,
}

/// A libuv system error from a socket call, shaped like Node's `exceptionWithHostPort`
/// (`connect ECONNREFUSED 127.0.0.1:8080`) with `address` and `port` fields.
///
/// # Examples
/// ```
/// let err = node_net::SystemError::connect(111, "127.0.0.1", Some(1));
/// assert_eq!(err.code(), "ECONNREFUSED");
/// assert_eq!(err.message(), "connect ECONNREFUSED 127.0.0.1:1");
/// assert_eq!(err.port(), Some(1));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SystemError {
    errno: i32,
    syscall: &'static str,
    address: Option<String>,
    port: Option<u16>,
    shape: Shape,
}

impl SystemError {
    /// A `connect` error (Node's short form, `connect ECONNREFUSED 127.0.0.1:1`).
    ///
    /// # Examples
    /// ```
    /// let err = node_net::SystemError::connect(2, "/tmp/nope.sock", None);
    /// assert_eq!(err.message(), "connect ENOENT /tmp/nope.sock");
    /// ```
    pub fn connect(errno: i32, address: &str, port: Option<u16>) -> Self {
        SystemError {
            errno: errno.abs(),
            syscall: "connect",
            address: Some(address.to_owned()),
            port,
            shape: Shape::Short,
        }
    }

    /// A `listen`/`bind` error (Node's long form with libuv's text).
    ///
    /// # Examples
    /// ```
    /// let err = node_net::SystemError::listen(98, "127.0.0.1", Some(80));
    /// assert_eq!(err.message(), "listen EADDRINUSE: address already in use 127.0.0.1:80");
    /// ```
    pub fn listen(errno: i32, address: &str, port: Option<u16>) -> Self {
        SystemError {
            errno: errno.abs(),
            syscall: "listen",
            address: Some(address.to_owned()),
            port,
            shape: Shape::Long,
        }
    }

    /// An error of any call on an address, in Node's short form (`exceptionWithHostPort`):
    /// `bind EADDRINUSE 0.0.0.0:41234`, `send EMSGSIZE 127.0.0.1:9`.
    ///
    /// # Examples
    /// ```
    /// let err = node_net::SystemError::with_host_port(98, "bind", "0.0.0.0", Some(41234));
    /// assert_eq!(err.message(), "bind EADDRINUSE 0.0.0.0:41234");
    /// assert_eq!(err.syscall(), "bind");
    /// ```
    pub fn with_host_port(
        errno: i32,
        syscall: &'static str,
        address: &str,
        port: Option<u16>,
    ) -> Self {
        SystemError {
            errno: errno.abs(),
            syscall,
            address: Some(address.to_owned()),
            port,
            shape: Shape::Short,
        }
    }

    /// An error of a call without an address (`read ECONNRESET`).
    ///
    /// # Examples
    /// ```
    /// let err = node_net::SystemError::plain(104, "read");
    /// assert_eq!(err.message(), "read ECONNRESET");
    /// ```
    pub fn plain(errno: i32, syscall: &'static str) -> Self {
        SystemError {
            errno: errno.abs(),
            syscall,
            address: None,
            port: None,
            shape: Shape::Short,
        }
    }

    /// Node's `code` (`"ECONNREFUSED"`).
    ///
    /// # Examples
    /// ```
    /// assert_eq!(node_net::SystemError::plain(32, "write").code(), "EPIPE");
    /// ```
    pub fn code(&self) -> &'static str {
        uv_err_name(self.errno)
    }

    /// Node's negative `errno`.
    ///
    /// # Examples
    /// ```
    /// assert_eq!(node_net::SystemError::plain(32, "write").errno(), -32);
    /// ```
    pub fn errno(&self) -> i32 {
        -self.errno
    }

    /// The syscall (`"connect"`, `"listen"`, `"read"`).
    ///
    /// # Examples
    /// ```
    /// assert_eq!(node_net::SystemError::plain(32, "write").syscall(), "write");
    /// ```
    pub fn syscall(&self) -> &'static str {
        self.syscall
    }

    /// The `address` field (an IP or a socket path).
    ///
    /// # Examples
    /// ```
    /// let err = node_net::SystemError::connect(111, "::1", Some(9));
    /// assert_eq!(err.address(), Some("::1"));
    /// ```
    pub fn address(&self) -> Option<&str> {
        self.address.as_deref()
    }

    /// The `port` field (absent for Unix sockets).
    ///
    /// # Examples
    /// ```
    /// assert_eq!(node_net::SystemError::connect(2, "/x", None).port(), None);
    /// ```
    pub fn port(&self) -> Option<u16> {
        self.port
    }

    /// The message, exactly as Node's `err.message`.
    ///
    /// # Examples
    /// ```
    /// let err = node_net::SystemError::connect(111, "127.0.0.1", Some(1));
    /// assert_eq!(err.message(), "connect ECONNREFUSED 127.0.0.1:1");
    /// ```
    pub fn message(&self) -> String {
        let mut msg = format!("{} {}", self.syscall, self.code());
        if self.shape == Shape::Long {
            msg.push_str(": ");
            msg.push_str(uv_strerror(self.errno));
        }
        match (&self.address, self.port) {
            (Some(a), Some(p)) => msg.push_str(&format!(" {a}:{p}")),
            (Some(a), None) => msg.push_str(&format!(" {a}")),
            _ => {}
        }
        msg
    }
}

impl fmt::Display for SystemError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Error: {}", self.message())
    }
}

/// Errors of the net module.
///
/// # Examples
/// ```
/// let err = node_net::Error::from(node_net::SystemError::connect(111, "127.0.0.1", Some(1)));
/// assert_eq!(err.code(), "ECONNREFUSED");
/// ```
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// A system error with Node's address and port fields.
    #[error("{0}")]
    System(SystemError),
    /// A Node internal error (`ERR_SERVER_ALREADY_LISTEN`, `ERR_SOCKET_BAD_PORT`, …).
    #[error("{0}")]
    Node(NodeError),
}

impl Error {
    /// Node's `code` property.
    ///
    /// # Examples
    /// ```
    /// let err = node_net::Error::from(node_core::NodeError::not_implemented("x"));
    /// assert_eq!(err.code(), "ERR_NOT_IMPLEMENTED");
    /// ```
    pub fn code(&self) -> &str {
        match self {
            Error::System(e) => e.code(),
            Error::Node(e) => e.code(),
        }
    }

    /// An I/O error of a call without an address (`read ECONNRESET`).
    pub(crate) fn io(err: &std::io::Error, syscall: &'static str) -> Self {
        Error::System(SystemError::plain(errno_of(err), syscall))
    }
}

impl From<SystemError> for Error {
    fn from(e: SystemError) -> Self {
        Error::System(e)
    }
}

impl From<NodeError> for Error {
    fn from(e: NodeError) -> Self {
        Error::Node(e)
    }
}

/// The positive errno of an I/O error, mapped like `NodeError::from_io` when there is none.
pub(crate) fn errno_of(err: &std::io::Error) -> i32 {
    err.raw_os_error()
        .or_else(|| NodeError::from_io(err, "x").errno().map(i32::abs))
        .unwrap_or(libc::EIO)
}

/// `Result` with the crate's [`Error`].
///
/// # Examples
/// ```
/// # #[tokio::main(flavor = "current_thread")] async fn main() {
/// async fn connect_local(port: u16) -> node_net::Result<node_net::Socket> {
///     node_net::Socket::connect(port, "127.0.0.1").await
/// }
/// // Nothing listens on port 1.
/// assert_eq!(connect_local(1).await.unwrap_err().code(), "ECONNREFUSED");
/// # }
/// ```
pub type Result<T, E = Error> = std::result::Result<T, E>;
