//! [`NodeError`]: an error as Node reports it (class, `code`, message, system fields).

use std::borrow::Cow;
use std::fmt;

use crate::uv::{uv_err_name, uv_strerror};

/// The JavaScript class a [`NodeError`] is thrown as.
///
/// # Examples
/// ```
/// use node_core::{ErrorClass, NodeError};
/// let err = NodeError::invalid_arg_value("mode", "'x'", "is invalid");
/// assert_eq!(err.class(), ErrorClass::TypeError);
/// assert_eq!(ErrorClass::TypeError.name(), "TypeError");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ErrorClass {
    /// `Error` (also used by Node for libuv system errors such as `ENOENT`).
    Error,
    /// `TypeError`.
    TypeError,
    /// `RangeError`.
    RangeError,
    /// `SyntaxError`.
    SyntaxError,
    /// Node's `SystemError` (`ERR_SYSTEM_ERROR`, `os.userInfo()` failures, …).
    SystemError,
}

impl ErrorClass {
    /// The JavaScript constructor name.
    ///
    /// # Examples
    /// ```
    /// assert_eq!(node_core::ErrorClass::RangeError.name(), "RangeError");
    /// ```
    pub fn name(self) -> &'static str {
        match self {
            ErrorClass::Error => "Error",
            ErrorClass::TypeError => "TypeError",
            ErrorClass::RangeError => "RangeError",
            ErrorClass::SyntaxError => "SyntaxError",
            ErrorClass::SystemError => "SystemError",
        }
    }
}

/// An error with Node's shape: a JS class, a `code`, a message and, for system errors,
/// `errno`, `syscall`, `path` and `dest`.
///
/// System errors format their message the way Node's `uvException` does:
/// `ENOENT: no such file or directory, open 'nonexistent.txt'`.
///
/// # Examples
/// ```
/// use node_core::NodeError;
/// let err = NodeError::from_errno(libc::ENOENT, "open").with_path("nonexistent.txt");
/// assert_eq!(err.code(), "ENOENT");
/// assert_eq!(err.errno(), Some(-2));
/// assert_eq!(err.message(), "ENOENT: no such file or directory, open 'nonexistent.txt'");
/// # // keep libc in scope for the example
/// # extern crate libc;
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NodeError(Box<Repr>);

/// Boxed so `Result<T, NodeError>` stays one pointer wide on the error side.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Repr {
    class: ErrorClass,
    code: Cow<'static, str>,
    message: String,
    system: Option<SystemFields>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
struct SystemFields {
    errno: i32,
    syscall: Cow<'static, str>,
    path: Option<String>,
    dest: Option<String>,
    /// A `SystemError`'s `info.code` and `info.message`.
    info: Option<(Cow<'static, str>, String)>,
}

impl NodeError {
    /// A plain error with a class, a Node code and a message.
    ///
    /// # Examples
    /// ```
    /// use node_core::{ErrorClass, NodeError};
    /// let err = NodeError::new(ErrorClass::Error, "ERR_STREAM_DESTROYED",
    ///     "Cannot call write after a stream was destroyed");
    /// assert_eq!(err.code(), "ERR_STREAM_DESTROYED");
    /// ```
    pub fn new(
        class: ErrorClass,
        code: impl Into<Cow<'static, str>>,
        message: impl Into<String>,
    ) -> Self {
        NodeError(Box::new(Repr {
            class,
            code: code.into(),
            message: message.into(),
            system: None,
        }))
    }

    /// A libuv-style system error from a positive OS errno and the syscall Node names.
    ///
    /// # Examples
    /// ```
    /// let err = node_core::NodeError::from_errno(21, "read");
    /// assert_eq!(err.message(), "EISDIR: illegal operation on a directory, read");
    /// ```
    pub fn from_errno(errno: i32, syscall: impl Into<Cow<'static, str>>) -> Self {
        NodeError(Box::new(Repr {
            class: ErrorClass::Error,
            code: Cow::Borrowed(uv_err_name(errno)),
            message: uv_strerror(errno).to_owned(),
            system: Some(SystemFields {
                errno: -errno.abs(),
                syscall: syscall.into(),
                path: None,
                dest: None,
                info: None,
            }),
        }))
    }

    /// Node's `SystemError` (class `SystemError`, `lib/internal/errors.js`): its own code, a
    /// message prefix and the context Node passes (`info`): the underlying error's code and
    /// message, `errno` (as Node reports it, sign included) and `syscall`. Add `path`/`dest`
    /// with the builders. The message reads
    /// `<prefix>: <syscall> returned <info code> (<info message>)[ <path>][ => <dest>]`.
    ///
    /// # Examples
    /// ```
    /// use node_core::{ErrorClass, NodeError};
    /// let err = NodeError::system_error(
    ///     "ERR_FS_EISDIR",
    ///     "Path is a directory",
    ///     "EISDIR",
    ///     "is a directory",
    ///     libc::EISDIR,
    ///     "rm",
    /// ).with_path("/tmp/d");
    /// assert_eq!(err.class(), ErrorClass::SystemError);
    /// assert_eq!(err.errno(), Some(21));
    /// assert_eq!(err.info_code(), Some("EISDIR"));
    /// assert_eq!(err.message(), "Path is a directory: rm returned EISDIR (is a directory) /tmp/d");
    /// # extern crate libc;
    /// ```
    pub fn system_error(
        code: impl Into<Cow<'static, str>>,
        prefix: impl Into<String>,
        info_code: impl Into<Cow<'static, str>>,
        info_message: impl Into<String>,
        errno: i32,
        syscall: impl Into<Cow<'static, str>>,
    ) -> Self {
        NodeError(Box::new(Repr {
            class: ErrorClass::SystemError,
            code: code.into(),
            message: prefix.into(),
            system: Some(SystemFields {
                errno,
                syscall: syscall.into(),
                path: None,
                dest: None,
                info: Some((info_code.into(), info_message.into())),
            }),
        }))
    }

    /// A system error from an [`std::io::Error`]. An error without an OS errno maps to the
    /// closest libuv code (`UnexpectedEof` → `EOF`, others → `EIO`-like codes by kind).
    ///
    /// # Examples
    /// ```
    /// let io = std::fs::read("/definitely/not/here").unwrap_err();
    /// let err = node_core::NodeError::from_io(&io, "open").with_path("/definitely/not/here");
    /// assert_eq!(err.code(), "ENOENT");
    /// ```
    pub fn from_io(err: &std::io::Error, syscall: impl Into<Cow<'static, str>>) -> Self {
        if let Some(errno) = err.raw_os_error() {
            return Self::from_errno(errno, syscall);
        }
        use std::io::ErrorKind as K;
        let errno = match err.kind() {
            K::NotFound => libc::ENOENT,
            K::PermissionDenied => libc::EACCES,
            K::ConnectionRefused => libc::ECONNREFUSED,
            K::ConnectionReset => libc::ECONNRESET,
            K::ConnectionAborted => libc::ECONNABORTED,
            K::NotConnected => libc::ENOTCONN,
            K::AddrInUse => libc::EADDRINUSE,
            K::AddrNotAvailable => libc::EADDRNOTAVAIL,
            K::BrokenPipe => libc::EPIPE,
            K::AlreadyExists => libc::EEXIST,
            K::WouldBlock => libc::EAGAIN,
            K::InvalidInput => libc::EINVAL,
            K::TimedOut => libc::ETIMEDOUT,
            K::Interrupted => libc::EINTR,
            K::Unsupported => libc::ENOTSUP,
            K::OutOfMemory => libc::ENOMEM,
            K::UnexpectedEof => 4095,
            _ => libc::EIO,
        };
        Self::from_errno(errno, syscall)
    }

    /// A system error from a `nix` errno.
    ///
    /// # Examples
    /// ```
    /// let err = node_core::NodeError::from_nix(nix::errno::Errno::EEXIST, "mkdir");
    /// assert_eq!(err.code(), "EEXIST");
    /// ```
    pub fn from_nix(err: nix::errno::Errno, syscall: impl Into<Cow<'static, str>>) -> Self {
        Self::from_errno(err as i32, syscall)
    }

    /// Adds the `path` of a system error (shown as ` 'path'` in the message).
    ///
    /// # Examples
    /// ```
    /// let err = node_core::NodeError::from_errno(2, "scandir").with_path("missing");
    /// assert_eq!(err.path(), Some("missing"));
    /// ```
    pub fn with_path(mut self, path: impl Into<String>) -> Self {
        if let Some(sys) = &mut self.0.system {
            sys.path = Some(path.into());
        }
        self
    }

    /// Adds the `dest` of a system error (shown as ` -> 'dest'` in the message).
    ///
    /// # Examples
    /// ```
    /// let err = node_core::NodeError::from_errno(2, "rename").with_path("a").with_dest("b");
    /// assert_eq!(err.message(), "ENOENT: no such file or directory, rename 'a' -> 'b'");
    /// ```
    pub fn with_dest(mut self, dest: impl Into<String>) -> Self {
        if let Some(sys) = &mut self.0.system {
            sys.dest = Some(dest.into());
        }
        self
    }

    /// The JS class to throw this error as.
    ///
    /// # Examples
    /// ```
    /// assert_eq!(node_core::NodeError::from_errno(2, "open").class(), node_core::ErrorClass::Error);
    /// ```
    pub fn class(&self) -> ErrorClass {
        self.0.class
    }

    /// Node's `code` property (`"ENOENT"`, `"ERR_INVALID_ARG_TYPE"`).
    ///
    /// # Examples
    /// ```
    /// assert_eq!(node_core::NodeError::from_errno(13, "open").code(), "EACCES");
    /// ```
    pub fn code(&self) -> &str {
        &self.0.code
    }

    /// The message, exactly as Node's `err.message`.
    ///
    /// # Examples
    /// ```
    /// let err = node_core::NodeError::from_errno(17, "mkdir").with_path("d");
    /// assert_eq!(err.message(), "EEXIST: file already exists, mkdir 'd'");
    /// ```
    pub fn message(&self) -> String {
        let Some(sys) = &self.0.system else {
            return self.0.message.clone();
        };
        if let Some((code, message)) = &sys.info {
            // Node's SystemError constructor (lib/internal/errors.js).
            let mut msg = format!(
                "{}: {} returned {code} ({message})",
                self.0.message, sys.syscall
            );
            if let Some(path) = &sys.path {
                msg.push_str(&format!(" {path}"));
            }
            if let Some(dest) = &sys.dest {
                msg.push_str(&format!(" => {dest}"));
            }
            return msg;
        }
        let mut msg = format!("{}: {}, {}", self.0.code, self.0.message, sys.syscall);
        if let Some(path) = &sys.path {
            msg.push_str(&format!(" '{path}'"));
        }
        if let Some(dest) = &sys.dest {
            msg.push_str(&format!(" -> '{dest}'"));
        }
        msg
    }

    /// `errno` as Node reports it: negative for libuv errors, positive for the fs
    /// `SystemError`s (`ERR_FS_EISDIR`, …).
    ///
    /// # Examples
    /// ```
    /// assert_eq!(node_core::NodeError::from_errno(2, "open").errno(), Some(-2));
    /// ```
    pub fn errno(&self) -> Option<i32> {
        self.0.system.as_ref().map(|s| s.errno)
    }

    /// The syscall of a system error, named as Node names it (`"scandir"` for readdir).
    ///
    /// # Examples
    /// ```
    /// assert_eq!(node_core::NodeError::from_errno(2, "scandir").syscall(), Some("scandir"));
    /// ```
    pub fn syscall(&self) -> Option<&str> {
        self.0.system.as_ref().map(|s| &*s.syscall)
    }

    /// The `path` of a system error.
    ///
    /// # Examples
    /// ```
    /// assert_eq!(node_core::NodeError::from_errno(2, "open").path(), None);
    /// ```
    pub fn path(&self) -> Option<&str> {
        self.0.system.as_ref().and_then(|s| s.path.as_deref())
    }

    /// The `dest` of a system error.
    ///
    /// # Examples
    /// ```
    /// let err = node_core::NodeError::from_errno(18, "link").with_path("a").with_dest("b");
    /// assert_eq!(err.dest(), Some("b"));
    /// ```
    pub fn dest(&self) -> Option<&str> {
        self.0.system.as_ref().and_then(|s| s.dest.as_deref())
    }

    /// A `SystemError`'s `info.code`, the underlying error's code (`"EISDIR"`).
    ///
    /// # Examples
    /// ```
    /// let err = node_core::NodeError::system_error("ERR_SYSTEM_ERROR",
    ///     "A system error occurred", "ESRCH", "no such process", -3, "uv_os_getpriority");
    /// assert_eq!(err.info_code(), Some("ESRCH"));
    /// assert_eq!(node_core::NodeError::from_errno(2, "open").info_code(), None);
    /// ```
    pub fn info_code(&self) -> Option<&str> {
        let info = self.0.system.as_ref()?.info.as_ref()?;
        Some(&info.0)
    }

    /// A `SystemError`'s `info.message` (`"no such process"`).
    ///
    /// # Examples
    /// ```
    /// let err = node_core::NodeError::system_error("ERR_SYSTEM_ERROR",
    ///     "A system error occurred", "ESRCH", "no such process", -3, "uv_os_getpriority");
    /// assert_eq!(err.info_message(), Some("no such process"));
    /// ```
    pub fn info_message(&self) -> Option<&str> {
        let info = self.0.system.as_ref()?.info.as_ref()?;
        Some(&info.1)
    }

    /// Whether this is a libuv system error (it has `errno` and `syscall`).
    ///
    /// # Examples
    /// ```
    /// assert!(node_core::NodeError::from_errno(2, "open").is_system());
    /// ```
    pub fn is_system(&self) -> bool {
        self.0.system.is_some()
    }
}

impl fmt::Display for NodeError {
    /// Formats as the first line of Node's stack: `TypeError [ERR_X]: message` for Node's
    /// internal errors and `SystemError`s, `Error: ENOENT: …` for system errors, `Error: message` otherwise.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // Only Node's internal errors (`ERR_*`) carry the code in their name; a plain error
        // with a code, such as `socket hang up` (ECONNRESET), prints as `Error: …`.
        let libuv = self.is_system() && self.0.class != ErrorClass::SystemError;
        if libuv || !self.0.code.starts_with("ERR_") {
            write!(f, "{}: {}", self.0.class.name(), self.message())
        } else {
            write!(
                f,
                "{} [{}]: {}",
                self.0.class.name(),
                self.0.code,
                self.message()
            )
        }
    }
}

impl std::error::Error for NodeError {}

impl From<std::io::Error> for NodeError {
    fn from(err: std::io::Error) -> Self {
        NodeError::from_io(&err, "unknown")
    }
}

/// `Result` with a [`NodeError`].
///
/// # Examples
/// ```
/// use node_core::{format_received_number, NodeError};
/// fn to_port(n: i64) -> node_core::Result<u16> {
///     u16::try_from(n).map_err(|_| {
///         NodeError::out_of_range("port", ">= 0 and <= 65535", &format_received_number(n as f64))
///     })
/// }
/// assert_eq!(to_port(80).unwrap(), 80);
/// assert_eq!(to_port(-1).unwrap_err().code(), "ERR_OUT_OF_RANGE");
/// ```
pub type Result<T, E = NodeError> = std::result::Result<T, E>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn system_error_text_matches_node() {
        let err = NodeError::from_errno(libc::EISDIR, "read");
        assert_eq!(
            err.message(),
            "EISDIR: illegal operation on a directory, read"
        );
        assert_eq!(
            err.to_string(),
            "Error: EISDIR: illegal operation on a directory, read"
        );
    }

    #[test]
    fn system_errors_display_with_code() {
        let err = NodeError::system_error(
            "ERR_FS_CP_EINVAL",
            "Invalid src or dest",
            "EINVAL",
            "src and dest cannot be the same",
            libc::EINVAL,
            "cp",
        )
        .with_path("f");
        assert_eq!(
            err.to_string(),
            "SystemError [ERR_FS_CP_EINVAL]: Invalid src or dest: cp returned EINVAL \
             (src and dest cannot be the same) f"
        );
        assert_eq!(err.errno(), Some(22));
        assert_eq!(err.info_message(), Some("src and dest cannot be the same"));
    }

    #[test]
    fn io_errors_without_errno_get_a_code() {
        let io = std::io::Error::new(std::io::ErrorKind::UnexpectedEof, "eof");
        assert_eq!(NodeError::from_io(&io, "read").code(), "EOF");
    }

    #[test]
    fn internal_errors_display_with_code() {
        let err = NodeError::new(ErrorClass::TypeError, "ERR_X", "bad");
        assert_eq!(err.to_string(), "TypeError [ERR_X]: bad");
        assert_eq!(err.errno(), None);
        let hangup = NodeError::new(ErrorClass::Error, "ECONNRESET", "socket hang up");
        assert_eq!(hangup.to_string(), "Error: socket hang up");
    }
}
