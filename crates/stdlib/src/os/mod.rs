//! Node's `os` module on Unix: the same sources libuv reads (`/proc`, `uname`,
//! `getpwuid_r`, `getifaddrs`, `sched_getaffinity`, `getpriority`).

mod constants;
mod cpus;
mod info;
mod interfaces;
mod memory;
mod priority;

pub use self::constants::{
    dlopen_constants, errno_constants, priority_constants, signal_constants, UV_UDP_REUSEADDR,
};
pub use self::cpus::{cpus, CpuInfo, CpuTimes};
pub use self::info::{
    arch, available_parallelism, endianness, homedir, hostname, machine, platform, release, tmpdir,
    tmpdir_from, type_, user_info, version, UserInfo, DEV_NULL, EOL,
};
pub use self::interfaces::{network_interfaces, NetworkInterfaceInfo};
pub use self::memory::{freemem, loadavg, totalmem, uptime};
pub use self::priority::{get_priority, set_priority};

use node_core::{uv_err_name, uv_strerror, NodeError};

/// Node's `ERR_SYSTEM_ERROR` for a failed libuv call (`uv_os_…`), from a positive errno.
pub(crate) fn system_error(syscall: &str, errno: i32) -> NodeError {
    // libuv reports the negated errno (lib/internal/errors.js uvException context).
    NodeError::system_error(
        "ERR_SYSTEM_ERROR",
        "A system error occurred",
        uv_err_name(errno),
        uv_strerror(errno),
        -errno,
        syscall.to_owned(),
    )
}

/// Reads a whole text file, mapping failures to `ERR_SYSTEM_ERROR` for `syscall`.
pub(crate) fn read_proc(path: &str, syscall: &str) -> Result<String, NodeError> {
    std::fs::read_to_string(path)
        .map_err(|e| system_error(syscall, e.raw_os_error().unwrap_or(libc::EIO)))
}
