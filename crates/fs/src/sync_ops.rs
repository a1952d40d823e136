//! `truncate`/`ftruncate`, `fsync`/`fdatasync`, `access`/`exists`.

use std::path::Path;

use nix::unistd::AccessFlags;
use node_core::NodeError;

use crate::blocking::hop;
use crate::copy_file::mode_out_of_range;
use crate::errors::{check_path, nix_sys, out_of_range, Result};
use crate::fd::{close_file, open_file, with_fd, Fd};

const MAX_LEN: u64 = (1 << 53) - 1;

fn check_len(len: u64) -> Result<()> {
    if len > MAX_LEN {
        return Err(out_of_range(
            "len",
            ">= -9007199254740991 && <= 9007199254740991",
            len.into(),
        ));
    }
    Ok(())
}

pub(crate) fn ftruncate_file(file: &std::fs::File, len: u64) -> Result<()> {
    check_len(len)?;
    file.set_len(len)
        .map_err(|e| NodeError::from_io(&e, "ftruncate"))
}

fn truncate_core(path: &Path, len: u64) -> Result<()> {
    check_len(len)?;
    // Node's truncateSync: open 'r+', ftruncate, close.
    let file = open_file(path, libc::O_RDWR | libc::O_CLOEXEC, 0o666)?;
    ftruncate_file(&file, len)?;
    close_file(file)
}

/// Truncates (or extends with zeros) a file to `len` bytes.
///
/// Mirrors [`fs.truncateSync(path[, len])`](https://nodejs.org/api/fs.html#fstruncatesyncpath-len):
/// an `open` with `"r+"`, `ftruncate`, `close`.
///
/// # Errors
/// `open` errors with the path (`EISDIR: illegal operation on a directory, open 'd'`),
/// `ftruncate` errors; `ERR_OUT_OF_RANGE` for `len` above 2⁵³−1.
///
/// # Examples
/// ```
/// assert_eq!(node_fs::truncate_sync("/nope", 0).unwrap_err().syscall(), Some("open"));
/// ```
#[doc(alias = "truncateSync")]
pub fn truncate_sync(path: impl AsRef<Path>, len: u64) -> Result<()> {
    truncate_core(path.as_ref(), len)
}

/// [`truncate_sync`] in one blocking-pool hop (`fs.truncate`).
///
/// # Errors
/// As [`truncate_sync`].
///
/// # Examples
/// ```
/// # #[tokio::main(flavor = "current_thread")] async fn main() {
/// assert_eq!(node_fs::truncate("/", 0).await.unwrap_err().code(), "EISDIR");
/// # }
/// ```
pub async fn truncate(path: impl AsRef<Path>, len: u64) -> Result<()> {
    let path = path.as_ref().to_owned();
    hop(move || truncate_core(&path, len)).await
}

/// Truncates an open file to `len` bytes.
///
/// Mirrors [`fs.ftruncateSync(fd[, len])`](https://nodejs.org/api/fs.html#fsftruncatesyncfd-len).
///
/// # Errors
/// `EBADF: bad file descriptor, ftruncate`, `EINVAL` for a read-only descriptor.
///
/// # Examples
/// ```
/// assert_eq!(node_fs::ftruncate_sync(9999, 0).unwrap_err().message(),
///            "EBADF: bad file descriptor, ftruncate");
/// ```
#[doc(alias = "ftruncateSync")]
pub fn ftruncate_sync(fd: Fd, len: u64) -> Result<()> {
    with_fd(fd, |f| ftruncate_file(f, len))?
}

/// [`ftruncate_sync`] in one blocking-pool hop (`fs.ftruncate`).
///
/// # Errors
/// As [`ftruncate_sync`].
///
/// # Examples
/// ```
/// # #[tokio::main(flavor = "current_thread")] async fn main() {
/// assert_eq!(node_fs::ftruncate(9999, 0).await.unwrap_err().code(), "EBADF");
/// # }
/// ```
pub async fn ftruncate(fd: Fd, len: u64) -> Result<()> {
    hop(move || ftruncate_sync(fd, len)).await
}

pub(crate) fn fsync_file(file: &std::fs::File) -> Result<()> {
    file.sync_all().map_err(|e| NodeError::from_io(&e, "fsync"))
}

pub(crate) fn fdatasync_file(file: &std::fs::File) -> Result<()> {
    file.sync_data()
        .map_err(|e| NodeError::from_io(&e, "fdatasync"))
}

/// Flushes a file's data and metadata to storage.
///
/// Mirrors [`fs.fsyncSync(fd)`](https://nodejs.org/api/fs.html#fsfsyncsyncfd).
///
/// # Errors
/// `EBADF: bad file descriptor, fsync`.
///
/// # Examples
/// ```
/// assert_eq!(node_fs::fsync_sync(9999).unwrap_err().message(), "EBADF: bad file descriptor, fsync");
/// ```
#[doc(alias = "fsyncSync")]
pub fn fsync_sync(fd: Fd) -> Result<()> {
    with_fd(fd, fsync_file)?
}

/// [`fsync_sync`] in one blocking-pool hop (`fs.fsync`).
///
/// # Errors
/// As [`fsync_sync`].
///
/// # Examples
/// ```
/// # #[tokio::main(flavor = "current_thread")] async fn main() {
/// assert_eq!(node_fs::fsync(9999).await.unwrap_err().code(), "EBADF");
/// # }
/// ```
pub async fn fsync(fd: Fd) -> Result<()> {
    hop(move || fsync_sync(fd)).await
}

/// Flushes a file's data (not all metadata) to storage.
///
/// Mirrors [`fs.fdatasyncSync(fd)`](https://nodejs.org/api/fs.html#fsfdatasyncsyncfd).
///
/// # Errors
/// `EBADF: bad file descriptor, fdatasync`.
///
/// # Examples
/// ```
/// assert_eq!(node_fs::fdatasync_sync(9999).unwrap_err().syscall(), Some("fdatasync"));
/// ```
#[doc(alias = "fdatasyncSync")]
pub fn fdatasync_sync(fd: Fd) -> Result<()> {
    with_fd(fd, fdatasync_file)?
}

/// [`fdatasync_sync`] in one blocking-pool hop (`fs.fdatasync`).
///
/// # Errors
/// As [`fdatasync_sync`].
///
/// # Examples
/// ```
/// # #[tokio::main(flavor = "current_thread")] async fn main() {
/// assert_eq!(node_fs::fdatasync(9999).await.unwrap_err().code(), "EBADF");
/// # }
/// ```
pub async fn fdatasync(fd: Fd) -> Result<()> {
    hop(move || fdatasync_sync(fd)).await
}

fn access_core(path: &Path, mode: u32) -> Result<()> {
    check_path(path, "path")?;
    if mode > 7 {
        return Err(mode_out_of_range(7));
    }
    let flags = AccessFlags::from_bits_truncate(mode as libc::c_int);
    nix::unistd::access(path, flags).map_err(|e| nix_sys(e, "access", path))
}

/// Checks that a file exists ([`F_OK`](crate::constants::F_OK)) or that the process may
/// read/write/execute it (`R_OK | W_OK | X_OK`).
///
/// Mirrors [`fs.accessSync(path[, mode])`](https://nodejs.org/api/fs.html#fsaccesssyncpath-mode).
///
/// # Errors
/// System errors with syscall `access` and the path; `ERR_OUT_OF_RANGE`
/// (`mode is out of range: >= 0 && <= 7`).
///
/// # Examples
/// ```
/// use node_fs::constants::{F_OK, R_OK};
/// node_fs::access_sync("/", F_OK | R_OK).unwrap();
/// assert_eq!(node_fs::access_sync("/nope", F_OK).unwrap_err().message(),
///            "ENOENT: no such file or directory, access '/nope'");
/// ```
#[doc(alias = "accessSync")]
pub fn access_sync(path: impl AsRef<Path>, mode: u32) -> Result<()> {
    access_core(path.as_ref(), mode)
}

/// [`access_sync`] in one blocking-pool hop (`fs.access`, `fsPromises.access`).
///
/// # Errors
/// As [`access_sync`].
///
/// # Examples
/// ```
/// # #[tokio::main(flavor = "current_thread")] async fn main() {
/// assert_eq!(node_fs::access("/nope", 0).await.unwrap_err().code(), "ENOENT");
/// # }
/// ```
pub async fn access(path: impl AsRef<Path>, mode: u32) -> Result<()> {
    let path = path.as_ref().to_owned();
    hop(move || access_core(&path, mode)).await
}

/// Whether a path exists (`false` for any error, bad paths included).
///
/// Mirrors [`fs.existsSync(path)`](https://nodejs.org/api/fs.html#fsexistssyncpath).
///
/// # Examples
/// ```
/// assert!(node_fs::exists_sync("/"));
/// assert!(!node_fs::exists_sync("/nope"));
/// ```
#[doc(alias = "existsSync")]
pub fn exists_sync(path: impl AsRef<Path>) -> bool {
    access_core(path.as_ref(), 0).is_ok()
}

/// [`exists_sync`] in one blocking-pool hop (`fs.exists`).
///
/// # Examples
/// ```
/// # #[tokio::main(flavor = "current_thread")] async fn main() {
/// assert!(node_fs::exists("/").await);
/// # }
/// ```
pub async fn exists(path: impl AsRef<Path>) -> bool {
    let path = path.as_ref().to_owned();
    hop(move || Ok(access_core(&path, 0).is_ok()))
        .await
        .unwrap_or(false)
}
