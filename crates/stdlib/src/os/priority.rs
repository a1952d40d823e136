//! `os.getPriority()` / `os.setPriority()` (`getpriority`/`setpriority` with
//! `PRIO_PROCESS`, as libuv's `uv_os_getpriority`/`uv_os_setpriority`).
#![allow(unsafe_code)]

use node_core::{format_received_number, NodeError};

use super::system_error;

/// The scheduling priority (nice value) of a process; `pid` 0 is the current one.
///
/// Mirrors <https://nodejs.org/api/os.html#osgetprioritypid>.
///
/// # Errors
/// `ERR_SYSTEM_ERROR` (`uv_os_getpriority`), e.g. `ESRCH` for an unknown pid.
///
/// # Examples
/// ```
/// use node_stdlib::os::get_priority;
/// assert!((-20..=19).contains(&get_priority(0).unwrap()));
/// assert_eq!(get_priority(i32::MAX).unwrap_err().code(), "ERR_SYSTEM_ERROR");
/// ```
#[doc(alias = "getPriority")]
pub fn get_priority(pid: i32) -> Result<i32, NodeError> {
    nix::errno::Errno::clear();
    // SAFETY: getpriority takes plain integers and touches no memory of ours.
    let r = unsafe { libc::getpriority(libc::PRIO_PROCESS, pid as libc::id_t) };
    if r == -1 {
        let e = nix::errno::Errno::last_raw();
        if e != 0 {
            return Err(system_error("uv_os_getpriority", e));
        }
    }
    Ok(r)
}

/// Sets the scheduling priority (nice value, -20..=19) of a process; `pid` 0 is the
/// current one.
///
/// Mirrors <https://nodejs.org/api/os.html#ossetprioritypid-priority>.
///
/// # Errors
/// `ERR_OUT_OF_RANGE` for a priority outside -20..=19; `ERR_SYSTEM_ERROR`
/// (`uv_os_setpriority`) when the call fails (`EACCES` raising priority unprivileged,
/// `ESRCH` for an unknown pid).
///
/// # Examples
/// ```
/// use node_stdlib::os::{get_priority, set_priority};
/// let now = get_priority(0).unwrap();
/// set_priority(0, now).unwrap();
/// assert_eq!(set_priority(0, 20).unwrap_err().code(), "ERR_OUT_OF_RANGE");
/// ```
#[doc(alias = "setPriority")]
pub fn set_priority(pid: i32, priority: i32) -> Result<(), NodeError> {
    if !(-20..=19).contains(&priority) {
        return Err(NodeError::out_of_range(
            "priority",
            ">= -20 && <= 19",
            &format_received_number(f64::from(priority)),
        ));
    }
    // SAFETY: setpriority takes plain integers and touches no memory of ours.
    let r = unsafe { libc::setpriority(libc::PRIO_PROCESS, pid as libc::id_t, priority) };
    if r != 0 {
        return Err(system_error(
            "uv_os_setpriority",
            nix::errno::Errno::last_raw(),
        ));
    }
    Ok(())
}
