//! The crate's [`Error`] and [`Result`].

use node_core::{uv_err_name, uv_strerror, NodeError};

use crate::exit::ExitStatus;

/// Errors of `child_process` calls, each with Node's `code`.
///
/// # Examples
/// ```
/// let err = node_child_process::Error::Spawn {
///     errno: 2,
///     file: "nonexistent".into(),
///     args: vec![],
///     syscall: "spawn",
/// };
/// assert_eq!(err.code(), "ENOENT");
/// assert_eq!(err.to_string(), "spawn nonexistent ENOENT");
/// ```
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The process could not be started (Node's `spawn <file> <CODE>` error, with `errno`,
    /// `syscall` = `spawn <file>`, `path` = file and `spawnargs`). Also a `spawnSync`
    /// failure after start (`spawnSync <file> ETIMEDOUT`, `ENOBUFS`), with `syscall`
    /// `spawnSync`.
    #[error("{syscall} {file} {}", uv_err_name(*errno))]
    Spawn {
        /// The positive OS errno.
        errno: i32,
        /// The file that was to run (`path` in Node's error).
        file: String,
        /// The arguments after argv\[0\] (`spawnargs`).
        args: Vec<String>,
        /// `spawn` or `spawnSync`.
        syscall: &'static str,
    },
    /// `exec`/`execFile`: stdout or stderr passed `maxBuffer`; the child was killed
    /// (`ERR_CHILD_PROCESS_STDIO_MAXBUFFER`).
    #[error("{stream} maxBuffer length exceeded")]
    MaxBuffer {
        /// `stdout` or `stderr`.
        stream: &'static str,
        /// What was collected up to the limit.
        stdout: Vec<u8>,
        /// What was collected up to the limit.
        stderr: Vec<u8>,
    },
    /// `exec`/`execFile`: the command exited non-zero or was killed
    /// (`Command failed: <cmd>\n<stderr>`).
    #[error("Command failed: {cmd}\n{}", String::from_utf8_lossy(stderr))]
    CommandFailed {
        /// The command line as Node prints it (file and args joined with spaces).
        cmd: String,
        /// How it ended.
        status: ExitStatus,
        /// Whether nrt killed it (timeout).
        killed: bool,
        /// Everything it wrote to stdout.
        stdout: Vec<u8>,
        /// Everything it wrote to stderr.
        stderr: Vec<u8>,
    },
    /// A Node error: bad arguments, an unknown signal, an unsupported option.
    #[error("{}", .0.message())]
    Node(NodeError),
    /// An I/O error on a pipe or the IPC channel.
    #[error(transparent)]
    Io(#[from] std::io::Error),
}

impl Error {
    /// Node's `code` (`ENOENT`, `ERR_CHILD_PROCESS_STDIO_MAXBUFFER`, …). A failed command
    /// has the exit code as its `code` in Node; here it reports `"ERR_CHILD_PROCESS_FAILED"`.
    ///
    /// # Examples
    /// ```
    /// let err = node_child_process::Error::MaxBuffer {
    ///     stream: "stdout", stdout: vec![], stderr: vec![],
    /// };
    /// assert_eq!(err.code(), "ERR_CHILD_PROCESS_STDIO_MAXBUFFER");
    /// ```
    pub fn code(&self) -> &str {
        match self {
            Error::Spawn { errno, .. } => uv_err_name(*errno),
            Error::MaxBuffer { .. } => "ERR_CHILD_PROCESS_STDIO_MAXBUFFER",
            Error::CommandFailed { .. } => "ERR_CHILD_PROCESS_FAILED",
            Error::Node(e) => e.code(),
            Error::Io(e) => e.raw_os_error().map(uv_err_name).unwrap_or("EIO"),
        }
    }

    /// The errno as Node reports it (negative), for system errors.
    ///
    /// # Examples
    /// ```
    /// let err = node_child_process::Error::Spawn {
    ///     errno: 13, file: "/etc".into(), args: vec![], syscall: "spawn",
    /// };
    /// assert_eq!(err.errno(), Some(-13));
    /// ```
    pub fn errno(&self) -> Option<i32> {
        match self {
            Error::Spawn { errno, .. } => Some(-errno),
            Error::Io(e) => e.raw_os_error().map(|n| -n),
            Error::Node(e) => e.errno(),
            _ => None,
        }
    }

    /// libuv's description of a system error (`no such file or directory`).
    ///
    /// # Examples
    /// ```
    /// let err = node_child_process::Error::Spawn {
    ///     errno: 2, file: "x".into(), args: vec![], syscall: "spawn",
    /// };
    /// assert_eq!(err.description(), Some("no such file or directory"));
    /// ```
    pub fn description(&self) -> Option<&'static str> {
        match self {
            Error::Spawn { errno, .. } => Some(uv_strerror(*errno)),
            _ => None,
        }
    }
}

impl From<NodeError> for Error {
    fn from(e: NodeError) -> Self {
        Error::Node(e)
    }
}

/// `std::result::Result` with this crate's [`Error`].
///
/// # Examples
/// ```
/// fn parse(name: &str) -> node_child_process::Result<i32> {
///     node_child_process::signal_number(name)
/// }
/// assert_eq!(parse("SIGINT").unwrap(), 2);
/// ```
pub type Result<T> = std::result::Result<T, Error>;
