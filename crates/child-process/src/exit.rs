//! How a child ended: an exit code or the signal that killed it.

use std::fmt;

/// A finished child's status: Node's `(code, signal)` pair of the `'exit'` event, exactly
/// one of which is set.
///
/// # Examples
/// ```
/// let st = node_child_process::ExitStatus::from_signal(15);
/// assert_eq!(st.code(), None);
/// assert_eq!(st.signal_name(), Some("SIGTERM"));
/// assert!(!st.success());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ExitStatus {
    code: Option<i32>,
    signal: Option<i32>,
}

impl ExitStatus {
    /// A normal exit with `code`.
    ///
    /// # Examples
    /// ```
    /// assert!(node_child_process::ExitStatus::from_code(0).success());
    /// ```
    pub fn from_code(code: i32) -> Self {
        ExitStatus {
            code: Some(code),
            signal: None,
        }
    }

    /// Killed by signal number `signo`.
    ///
    /// # Examples
    /// ```
    /// assert_eq!(node_child_process::ExitStatus::from_signal(9).signal(), Some(9));
    /// ```
    pub fn from_signal(signo: i32) -> Self {
        ExitStatus {
            code: None,
            signal: Some(signo),
        }
    }

    pub(crate) fn from_std(st: std::process::ExitStatus) -> Self {
        use std::os::unix::process::ExitStatusExt;
        match (st.code(), st.signal()) {
            (Some(c), _) => Self::from_code(c),
            (None, Some(s)) => Self::from_signal(s),
            (None, None) => Self::from_code(0),
        }
    }

    /// The exit code (`'exit'`'s first argument), `None` when a signal ended it.
    ///
    /// # Examples
    /// ```
    /// assert_eq!(node_child_process::ExitStatus::from_code(3).code(), Some(3));
    /// ```
    pub fn code(&self) -> Option<i32> {
        self.code
    }

    /// The signal number that ended it.
    ///
    /// # Examples
    /// ```
    /// assert_eq!(node_child_process::ExitStatus::from_code(0).signal(), None);
    /// ```
    pub fn signal(&self) -> Option<i32> {
        self.signal
    }

    /// The signal's name (`'exit'`'s second argument, `"SIGTERM"`).
    ///
    /// # Examples
    /// ```
    /// assert_eq!(node_child_process::ExitStatus::from_signal(2).signal_name(), Some("SIGINT"));
    /// ```
    pub fn signal_name(&self) -> Option<&'static str> {
        self.signal.and_then(crate::signal_name)
    }

    /// Exit code 0.
    ///
    /// # Examples
    /// ```
    /// assert!(!node_child_process::ExitStatus::from_code(1).success());
    /// ```
    pub fn success(&self) -> bool {
        self.code == Some(0)
    }
}

impl fmt::Display for ExitStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.code, self.signal_name()) {
            (Some(c), _) => write!(f, "exit code {c}"),
            (None, Some(s)) => write!(f, "signal {s}"),
            (None, None) => write!(f, "signal {}", self.signal.unwrap_or(0)),
        }
    }
}
