//! Permissions, owners and times: `chmod`, `chown`, `utimes` and their `f*`/`l*` forms.

use std::os::unix::fs::PermissionsExt;
use std::path::Path;
use std::time::{SystemTime, UNIX_EPOCH};

use nix::sys::stat::{utimensat, UtimensatFlags};
use nix::sys::time::TimeSpec;
use node_core::NodeError;

use crate::blocking::hop;
use crate::errors::{check_path, nix_sys, sys, Result};
use crate::fd::{with_fd, Fd};

fn chmod_core(path: &Path, mode: u32) -> Result<()> {
    check_path(path, "path")?;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode))
        .map_err(|e| sys(&e, "chmod", path))
}

/// Changes the permission bits of a file.
///
/// Mirrors [`fs.chmodSync(path, mode)`](https://nodejs.org/api/fs.html#fschmodsyncpath-mode).
///
/// # Errors
/// System errors with syscall `chmod` and the path.
///
/// # Examples
/// ```
/// assert_eq!(node_fs::chmod_sync("/nope", 0o644).unwrap_err().message(),
///            "ENOENT: no such file or directory, chmod '/nope'");
/// ```
#[doc(alias = "chmodSync")]
pub fn chmod_sync(path: impl AsRef<Path>, mode: u32) -> Result<()> {
    chmod_core(path.as_ref(), mode)
}

/// [`chmod_sync`] in one blocking-pool hop (`fs.chmod`).
///
/// # Errors
/// As [`chmod_sync`].
///
/// # Examples
/// ```
/// # #[tokio::main(flavor = "current_thread")] async fn main() {
/// assert_eq!(node_fs::chmod("/nope", 0o644).await.unwrap_err().code(), "ENOENT");
/// # }
/// ```
pub async fn chmod(path: impl AsRef<Path>, mode: u32) -> Result<()> {
    let path = path.as_ref().to_owned();
    hop(move || chmod_core(&path, mode)).await
}

pub(crate) fn fchmod_file(file: &std::fs::File, mode: u32) -> Result<()> {
    file.set_permissions(std::fs::Permissions::from_mode(mode))
        .map_err(|e| NodeError::from_io(&e, "fchmod"))
}

/// Changes the permission bits of an open file.
///
/// Mirrors [`fs.fchmodSync(fd, mode)`](https://nodejs.org/api/fs.html#fsfchmodsyncfd-mode).
///
/// # Errors
/// `EBADF: bad file descriptor, fchmod`.
///
/// # Examples
/// ```
/// assert_eq!(node_fs::fchmod_sync(9999, 0o644).unwrap_err().syscall(), Some("fchmod"));
/// ```
#[doc(alias = "fchmodSync")]
pub fn fchmod_sync(fd: Fd, mode: u32) -> Result<()> {
    with_fd(fd, |f| fchmod_file(f, mode))?
}

/// [`fchmod_sync`] in one blocking-pool hop (`fs.fchmod`).
///
/// # Errors
/// As [`fchmod_sync`].
///
/// # Examples
/// ```
/// # #[tokio::main(flavor = "current_thread")] async fn main() {
/// assert_eq!(node_fs::fchmod(9999, 0o644).await.unwrap_err().code(), "EBADF");
/// # }
/// ```
pub async fn fchmod(fd: Fd, mode: u32) -> Result<()> {
    hop(move || fchmod_sync(fd, mode)).await
}

/// `lchmod` exists in Node only on macOS; on Linux `fsPromises.lchmod` rejects with
/// `ERR_METHOD_NOT_IMPLEMENTED` and `fs.lchmodSync` is undefined.
///
/// Mirrors [`fs.lchmodSync(path, mode)`](https://nodejs.org/api/fs.html#fslchmodsyncpath-mode).
///
/// # Errors
/// Always `ERR_METHOD_NOT_IMPLEMENTED` (`The lchmod() method is not implemented`).
///
/// # Examples
/// ```
/// assert_eq!(node_fs::lchmod_sync("/", 0o755).unwrap_err().code(), "ERR_METHOD_NOT_IMPLEMENTED");
/// ```
#[doc(alias = "lchmodSync")]
pub fn lchmod_sync(path: impl AsRef<Path>, mode: u32) -> Result<()> {
    let _ = (path, mode);
    Err(NodeError::method_not_implemented("lchmod()"))
}

/// Async form of [`lchmod_sync`]: always `ERR_METHOD_NOT_IMPLEMENTED` on Linux.
///
/// # Errors
/// As [`lchmod_sync`].
///
/// # Examples
/// ```
/// # #[tokio::main(flavor = "current_thread")] async fn main() {
/// assert!(node_fs::lchmod("/", 0o755).await.is_err());
/// # }
/// ```
pub async fn lchmod(path: impl AsRef<Path>, mode: u32) -> Result<()> {
    lchmod_sync(path, mode)
}

fn chown_core(path: &Path, uid: u32, gid: u32, follow: bool) -> Result<()> {
    check_path(path, "path")?;
    if follow {
        std::os::unix::fs::chown(path, Some(uid), Some(gid)).map_err(|e| sys(&e, "chown", path))
    } else {
        std::os::unix::fs::lchown(path, Some(uid), Some(gid)).map_err(|e| sys(&e, "lchown", path))
    }
}

/// Changes the owner and group of a file. `u32::MAX` (Node's `-1`) leaves one unchanged.
///
/// Mirrors [`fs.chownSync(path, uid, gid)`](https://nodejs.org/api/fs.html#fschownsyncpath-uid-gid).
///
/// # Errors
/// System errors with syscall `chown` and the path.
///
/// # Examples
/// ```
/// assert_eq!(node_fs::chown_sync("/nope", 0, 0).unwrap_err().syscall(), Some("chown"));
/// ```
#[doc(alias = "chownSync")]
pub fn chown_sync(path: impl AsRef<Path>, uid: u32, gid: u32) -> Result<()> {
    chown_core(path.as_ref(), uid, gid, true)
}

/// [`chown_sync`] in one blocking-pool hop (`fs.chown`).
///
/// # Errors
/// As [`chown_sync`].
///
/// # Examples
/// ```
/// # #[tokio::main(flavor = "current_thread")] async fn main() {
/// assert_eq!(node_fs::chown("/nope", 0, 0).await.unwrap_err().code(), "ENOENT");
/// # }
/// ```
pub async fn chown(path: impl AsRef<Path>, uid: u32, gid: u32) -> Result<()> {
    let path = path.as_ref().to_owned();
    hop(move || chown_core(&path, uid, gid, true)).await
}

/// Changes the owner of a symbolic link itself.
///
/// Mirrors [`fs.lchownSync(path, uid, gid)`](https://nodejs.org/api/fs.html#fslchownsyncpath-uid-gid).
///
/// # Errors
/// System errors with syscall `lchown` and the path.
///
/// # Examples
/// ```
/// assert_eq!(node_fs::lchown_sync("/nope", 0, 0).unwrap_err().syscall(), Some("lchown"));
/// ```
#[doc(alias = "lchownSync")]
pub fn lchown_sync(path: impl AsRef<Path>, uid: u32, gid: u32) -> Result<()> {
    chown_core(path.as_ref(), uid, gid, false)
}

/// [`lchown_sync`] in one blocking-pool hop (`fs.lchown`).
///
/// # Errors
/// As [`lchown_sync`].
///
/// # Examples
/// ```
/// # #[tokio::main(flavor = "current_thread")] async fn main() {
/// assert_eq!(node_fs::lchown("/nope", 0, 0).await.unwrap_err().code(), "ENOENT");
/// # }
/// ```
pub async fn lchown(path: impl AsRef<Path>, uid: u32, gid: u32) -> Result<()> {
    let path = path.as_ref().to_owned();
    hop(move || chown_core(&path, uid, gid, false)).await
}

pub(crate) fn fchown_file(file: &std::fs::File, uid: u32, gid: u32) -> Result<()> {
    std::os::unix::fs::fchown(file, Some(uid), Some(gid))
        .map_err(|e| NodeError::from_io(&e, "fchown"))
}

/// Changes the owner and group of an open file.
///
/// Mirrors [`fs.fchownSync(fd, uid, gid)`](https://nodejs.org/api/fs.html#fsfchownsyncfd-uid-gid).
///
/// # Errors
/// `EBADF: bad file descriptor, fchown`.
///
/// # Examples
/// ```
/// assert_eq!(node_fs::fchown_sync(9999, 0, 0).unwrap_err().syscall(), Some("fchown"));
/// ```
#[doc(alias = "fchownSync")]
pub fn fchown_sync(fd: Fd, uid: u32, gid: u32) -> Result<()> {
    with_fd(fd, |f| fchown_file(f, uid, gid))?
}

/// [`fchown_sync`] in one blocking-pool hop (`fs.fchown`).
///
/// # Errors
/// As [`fchown_sync`].
///
/// # Examples
/// ```
/// # #[tokio::main(flavor = "current_thread")] async fn main() {
/// assert_eq!(node_fs::fchown(9999, 0, 0).await.unwrap_err().code(), "EBADF");
/// # }
/// ```
pub async fn fchown(fd: Fd, uid: u32, gid: u32) -> Result<()> {
    hop(move || fchown_sync(fd, uid, gid)).await
}

pub(crate) fn timespec(t: SystemTime) -> TimeSpec {
    match t.duration_since(UNIX_EPOCH) {
        Ok(d) => TimeSpec::from_duration(d),
        Err(e) => {
            let d = e.duration();
            let (mut sec, mut nsec) = (-(d.as_secs() as i64), -i64::from(d.subsec_nanos()));
            if nsec < 0 {
                sec -= 1;
                nsec += 1_000_000_000;
            }
            TimeSpec::new(sec, nsec)
        }
    }
}

fn utimes_core(path: &Path, atime: SystemTime, mtime: SystemTime, follow: bool) -> Result<()> {
    check_path(path, "path")?;
    let (flag, syscall) = if follow {
        (UtimensatFlags::FollowSymlink, "utime")
    } else {
        (UtimensatFlags::NoFollowSymlink, "lutime")
    };
    utimensat(
        nix::fcntl::AT_FDCWD,
        path,
        &timespec(atime),
        &timespec(mtime),
        flag,
    )
    .map_err(|e| nix_sys(e, syscall, path))
}

/// Sets the access and modification times of a file.
///
/// Mirrors [`fs.utimesSync(path, atime, mtime)`](https://nodejs.org/api/fs.html#fsutimessyncpath-atime-mtime).
///
/// # Errors
/// System errors with Node's syscall name `utime` and the path.
///
/// # Examples
/// ```
/// let t = std::time::SystemTime::now();
/// assert_eq!(node_fs::utimes_sync("/nope", t, t).unwrap_err().message(),
///            "ENOENT: no such file or directory, utime '/nope'");
/// ```
#[doc(alias = "utimesSync")]
pub fn utimes_sync(path: impl AsRef<Path>, atime: SystemTime, mtime: SystemTime) -> Result<()> {
    utimes_core(path.as_ref(), atime, mtime, true)
}

/// [`utimes_sync`] in one blocking-pool hop (`fs.utimes`).
///
/// # Errors
/// As [`utimes_sync`].
///
/// # Examples
/// ```
/// # #[tokio::main(flavor = "current_thread")] async fn main() {
/// let t = std::time::SystemTime::now();
/// assert_eq!(node_fs::utimes("/nope", t, t).await.unwrap_err().code(), "ENOENT");
/// # }
/// ```
pub async fn utimes(path: impl AsRef<Path>, atime: SystemTime, mtime: SystemTime) -> Result<()> {
    let path = path.as_ref().to_owned();
    hop(move || utimes_core(&path, atime, mtime, true)).await
}

/// Sets the times of a symbolic link itself.
///
/// Mirrors [`fs.lutimesSync(path, atime, mtime)`](https://nodejs.org/api/fs.html#fslutimessyncpath-atime-mtime).
///
/// # Errors
/// System errors with Node's syscall name `lutime` and the path.
///
/// # Examples
/// ```
/// let t = std::time::SystemTime::now();
/// assert_eq!(node_fs::lutimes_sync("/nope", t, t).unwrap_err().syscall(), Some("lutime"));
/// ```
#[doc(alias = "lutimesSync")]
pub fn lutimes_sync(path: impl AsRef<Path>, atime: SystemTime, mtime: SystemTime) -> Result<()> {
    utimes_core(path.as_ref(), atime, mtime, false)
}

/// [`lutimes_sync`] in one blocking-pool hop (`fs.lutimes`).
///
/// # Errors
/// As [`lutimes_sync`].
///
/// # Examples
/// ```
/// # #[tokio::main(flavor = "current_thread")] async fn main() {
/// let t = std::time::SystemTime::now();
/// assert_eq!(node_fs::lutimes("/nope", t, t).await.unwrap_err().code(), "ENOENT");
/// # }
/// ```
pub async fn lutimes(path: impl AsRef<Path>, atime: SystemTime, mtime: SystemTime) -> Result<()> {
    let path = path.as_ref().to_owned();
    hop(move || utimes_core(&path, atime, mtime, false)).await
}

pub(crate) fn futimes_file(
    file: &std::fs::File,
    atime: SystemTime,
    mtime: SystemTime,
) -> Result<()> {
    nix::sys::stat::futimens(file, &timespec(atime), &timespec(mtime))
        .map_err(|e| NodeError::from_nix(e, "futime"))
}

/// Sets the times of an open file.
///
/// Mirrors [`fs.futimesSync(fd, atime, mtime)`](https://nodejs.org/api/fs.html#fsfutimessyncfd-atime-mtime).
///
/// # Errors
/// `EBADF: bad file descriptor, futime`.
///
/// # Examples
/// ```
/// let t = std::time::SystemTime::now();
/// assert_eq!(node_fs::futimes_sync(9999, t, t).unwrap_err().syscall(), Some("futime"));
/// ```
#[doc(alias = "futimesSync")]
pub fn futimes_sync(fd: Fd, atime: SystemTime, mtime: SystemTime) -> Result<()> {
    with_fd(fd, |f| futimes_file(f, atime, mtime))?
}

/// [`futimes_sync`] in one blocking-pool hop (`fs.futimes`).
///
/// # Errors
/// As [`futimes_sync`].
///
/// # Examples
/// ```
/// # #[tokio::main(flavor = "current_thread")] async fn main() {
/// let t = std::time::SystemTime::now();
/// assert_eq!(node_fs::futimes(9999, t, t).await.unwrap_err().code(), "EBADF");
/// # }
/// ```
pub async fn futimes(fd: Fd, atime: SystemTime, mtime: SystemTime) -> Result<()> {
    hop(move || futimes_sync(fd, atime, mtime)).await
}
