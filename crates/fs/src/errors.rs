//! The crate's error type ([`NodeError`], shared with every nrt crate) and helpers that
//! build Node's fs errors: libuv system errors with Node's syscall names, and the argument
//! validation errors of `lib/internal/fs/utils.js`.

use std::io;
use std::path::Path;

use node_core::{format_received_number, NodeError};

/// `Result` with a [`NodeError`], the error every function of this crate returns.
///
/// # Examples
/// ```
/// fn size(path: &str) -> node_fs::Result<u64> {
///     Ok(node_fs::stat_sync(path)?.size)
/// }
/// assert_eq!(size("/nonexistent").unwrap_err().code(), "ENOENT");
/// ```
pub type Result<T, E = NodeError> = std::result::Result<T, E>;

/// The path as Node prints it in a message (`open 'p'`).
pub(crate) fn show(path: &Path) -> String {
    path.to_string_lossy().into_owned()
}

/// A system error with a path: `ENOENT: no such file or directory, open 'p'`.
pub(crate) fn sys(err: &io::Error, syscall: &'static str, path: &Path) -> NodeError {
    NodeError::from_io(err, syscall).with_path(show(path))
}

/// A system error with a path and a dest: `rename 'a' -> 'b'`.
pub(crate) fn sys2(err: &io::Error, syscall: &'static str, path: &Path, dest: &Path) -> NodeError {
    sys(err, syscall, path).with_dest(show(dest))
}

/// A system error from a `nix` errno with a path.
pub(crate) fn nix_sys(err: nix::errno::Errno, syscall: &'static str, path: &Path) -> NodeError {
    NodeError::from_nix(err, syscall).with_path(show(path))
}

/// Node rejects paths holding NUL bytes before any syscall (`ERR_INVALID_ARG_VALUE`).
pub(crate) fn check_path(path: &Path, name: &str) -> Result<()> {
    use std::os::unix::ffi::OsStrExt;
    if path.as_os_str().as_bytes().contains(&0) {
        return Err(NodeError::invalid_arg_value(
            name,
            &node_core::inspect_string(&path.to_string_lossy()),
            "must be a string, Uint8Array, or URL without null bytes",
        ));
    }
    Ok(())
}

/// `ERR_OUT_OF_RANGE` for an integer argument.
pub(crate) fn out_of_range(name: &str, range: &str, received: i128) -> NodeError {
    NodeError::out_of_range(name, range, &format_received_number(received as f64))
}

/// Node's SystemError for fs-specific codes (`ERR_FS_EISDIR`, `ERR_FS_CP_EEXIST`, …):
/// `<prefix>: <syscall> returned <info_code> (<detail>) <path>`, with `errno` positive as
/// Node takes it from `os.constants.errno` (lib/internal/fs/rimraf.js, cp/cp-sync.js).
pub(crate) fn fs_system_error(
    code: &'static str,
    prefix: &str,
    syscall: &'static str,
    (info_code, errno): (&'static str, i32),
    detail: &str,
    path: &Path,
) -> NodeError {
    NodeError::system_error(code, prefix, info_code, detail, errno, syscall).with_path(show(path))
}
