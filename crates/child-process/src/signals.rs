//! Signal names ↔ numbers, from node-stdlib's `os.constants.signals` table.

use node_core::{ErrorClass, NodeError};

/// The number of signal `name` (`"SIGTERM"` → 15), as `os.constants.signals` has it.
///
/// # Errors
/// `ERR_UNKNOWN_SIGNAL` (a `TypeError`) for a name that is not a signal.
///
/// # Examples
/// ```
/// assert_eq!(node_child_process::signal_number("SIGKILL").unwrap(), 9);
/// assert_eq!(node_child_process::signal_number("SIGFOO").unwrap_err().code(), "ERR_UNKNOWN_SIGNAL");
/// ```
pub fn signal_number(name: &str) -> crate::Result<i32> {
    node_stdlib::os::signal_constants()
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, v)| *v)
        .ok_or_else(|| {
            NodeError::new(
                ErrorClass::TypeError,
                "ERR_UNKNOWN_SIGNAL",
                format!("Unknown signal: {name}"),
            )
            .into()
        })
}

/// The name of signal number `signo` (15 → `"SIGTERM"`); the first name in Node's order
/// when two share a number (`SIGABRT` before `SIGIOT`).
///
/// # Examples
/// ```
/// assert_eq!(node_child_process::signal_name(9), Some("SIGKILL"));
/// assert_eq!(node_child_process::signal_name(6), Some("SIGABRT"));
/// assert_eq!(node_child_process::signal_name(999), None);
/// ```
pub fn signal_name(signo: i32) -> Option<&'static str> {
    node_stdlib::os::signal_constants()
        .iter()
        .find(|(_, v)| *v == signo)
        .map(|(n, _)| *n)
}
