//! The crate's [`Error`].

/// What can go wrong starting a worker.
///
/// # Examples
/// ```
/// let err = node_workers::Error::Spawn(std::io::Error::other("no threads"));
/// assert_eq!(err.code(), "ERR_WORKER_INIT_FAILED");
/// ```
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The OS refused to start the thread (node's `ERR_WORKER_INIT_FAILED`).
    #[error("Worker initialization failure: {0}")]
    Spawn(#[source] std::io::Error),
}

impl Error {
    /// The Node error code.
    ///
    /// # Examples
    /// ```
    /// let err = node_workers::Error::Spawn(std::io::Error::other("x"));
    /// assert_eq!(err.code(), "ERR_WORKER_INIT_FAILED");
    /// ```
    pub fn code(&self) -> &'static str {
        match self {
            Error::Spawn(_) => "ERR_WORKER_INIT_FAILED",
        }
    }

    /// The JS class Node throws it as.
    ///
    /// # Examples
    /// ```
    /// let err = node_workers::Error::Spawn(std::io::Error::other("x"));
    /// assert_eq!(err.js_class(), "Error");
    /// ```
    pub fn js_class(&self) -> &'static str {
        "Error"
    }
}

/// The crate's result type.
///
/// # Examples
/// ```
/// fn start(threads_left: usize) -> node_workers::Result<usize> {
///     if threads_left == 0 {
///         return Err(node_workers::Error::Spawn(std::io::Error::other("no threads")));
///     }
///     Ok(threads_left - 1)
/// }
/// assert_eq!(start(2).unwrap(), 1);
/// assert_eq!(start(0).unwrap_err().code(), "ERR_WORKER_INIT_FAILED");
/// ```
pub type Result<T> = std::result::Result<T, Error>;
