//! `rm` (Node's rimraf), `rmdir` and `unlink`.

use std::path::{Path, PathBuf};
use std::time::Duration;

use node_core::NodeError;

use crate::blocking::hop;
use crate::errors::{check_path, fs_system_error, sys, Result};

/// Options of [`rm`]: Node's `{ force, recursive, maxRetries, retryDelay }`.
///
/// # Examples
/// ```
/// let opts = node_fs::RmOptions { force: true, ..Default::default() };
/// node_fs::rm_sync("/definitely/not/here", opts).unwrap();
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RmOptions {
    /// Ignore a missing path.
    pub force: bool,
    /// Remove directories and their contents.
    pub recursive: bool,
    /// Retries on `EBUSY`, `EMFILE`, `ENFILE`, `ENOTEMPTY` and `EPERM` (default 0).
    pub max_retries: u32,
    /// Delay grown linearly between retries (default 100 ms).
    pub retry_delay: Duration,
}

impl Default for RmOptions {
    fn default() -> Self {
        RmOptions {
            force: false,
            recursive: false,
            max_retries: 0,
            retry_delay: Duration::from_millis(100),
        }
    }
}

/// Options of [`rmdir`]: Node's deprecated `{ recursive, maxRetries, retryDelay }`.
///
/// # Examples
/// ```
/// assert!(!node_fs::RmdirOptions::default().recursive);
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RmdirOptions {
    /// Remove the contents too (as `rm` with `recursive`).
    pub recursive: bool,
    /// Retries, as [`RmOptions::max_retries`].
    pub max_retries: u32,
    /// Delay between retries, as [`RmOptions::retry_delay`].
    pub retry_delay: Duration,
}

impl Default for RmdirOptions {
    fn default() -> Self {
        RmdirOptions {
            recursive: false,
            max_retries: 0,
            retry_delay: Duration::from_millis(100),
        }
    }
}

fn code_is(err: &NodeError, code: &str) -> bool {
    err.code() == code
}

/// Retries `op` as Node's rimraf does (lib/internal/fs/rimraf.js).
fn retry(opts: &RmOptions, mut op: impl FnMut() -> Result<()>) -> Result<()> {
    let mut attempt = 0;
    loop {
        match op() {
            Err(e)
                if attempt < opts.max_retries
                    && ["EBUSY", "EMFILE", "ENFILE", "ENOTEMPTY", "EPERM"].contains(&e.code()) =>
            {
                attempt += 1;
                std::thread::sleep(opts.retry_delay * attempt);
            }
            other => return other,
        }
    }
}

fn unlink_path(path: &Path) -> Result<()> {
    std::fs::remove_file(path).map_err(|e| sys(&e, "unlink", path))
}

fn rmdir_path(path: &Path) -> Result<()> {
    std::fs::remove_dir(path).map_err(|e| sys(&e, "rmdir", path))
}

/// Node's `rimrafSync`.
fn rimraf(path: &Path, opts: &RmOptions) -> Result<()> {
    let is_dir = match std::fs::symlink_metadata(path) {
        Ok(m) => m.is_dir(),
        Err(e) if e.raw_os_error() == Some(libc::ENOENT) => return Ok(()),
        Err(_) => false,
    };
    let res = if is_dir {
        rmdir_tree(path, opts)
    } else {
        retry(opts, || unlink_path(path))
    };
    match res {
        Err(e) if code_is(&e, "ENOENT") => Ok(()),
        Err(e) if code_is(&e, "EISDIR") => rmdir_tree(path, opts),
        other => other,
    }
}

/// Node's `_rmdirSync` + `rmkidsSync`.
fn rmdir_tree(path: &Path, opts: &RmOptions) -> Result<()> {
    match rmdir_path(path) {
        Ok(()) => Ok(()),
        Err(e) if code_is(&e, "ENOENT") => Ok(()),
        Err(e) if ["ENOTEMPTY", "EEXIST", "EPERM"].contains(&e.code()) => {
            let children: Vec<PathBuf> = std::fs::read_dir(path)
                .map_err(|e| sys(&e, "scandir", path))?
                .map(|entry| {
                    entry
                        .map(|d| d.path())
                        .map_err(|e| sys(&e, "scandir", path))
                })
                .collect::<Result<_>>()?;
            for child in &children {
                rimraf(child, opts)?;
            }
            retry(opts, || rmdir_path(path))
        }
        Err(e) => Err(e),
    }
}

pub(crate) fn rm_core(path: &Path, opts: &RmOptions) -> Result<()> {
    check_path(path, "path")?;
    if !opts.force || !opts.recursive {
        match std::fs::symlink_metadata(path) {
            Ok(m) if m.is_dir() && !opts.recursive => {
                return Err(fs_system_error(
                    "ERR_FS_EISDIR",
                    "Path is a directory",
                    "rm",
                    ("EISDIR", libc::EISDIR),
                    "is a directory",
                    path,
                ))
            }
            Ok(_) => {}
            Err(e) if opts.force && e.raw_os_error() == Some(libc::ENOENT) => return Ok(()),
            Err(e) => return Err(sys(&e, "lstat", path)),
        }
    }
    rimraf(path, opts)
}

fn rmdir_core(path: &Path, opts: &RmdirOptions) -> Result<()> {
    check_path(path, "path")?;
    if opts.recursive {
        let rm_opts = RmOptions {
            force: false,
            recursive: true,
            max_retries: opts.max_retries,
            retry_delay: opts.retry_delay,
        };
        let meta = std::fs::symlink_metadata(path).map_err(|e| sys(&e, "lstat", path))?;
        if meta.is_dir() {
            return rimraf(path, &rm_opts);
        }
    }
    rmdir_path(path)
}

/// Removes a file or (with `recursive`) a directory tree.
///
/// Mirrors [`fs.rmSync(path[, options])`](https://nodejs.org/api/fs.html#fsrmsyncpath-options),
/// including Node 20's rimraf walk and retries.
///
/// # Errors
/// `ENOENT: no such file or directory, lstat 'p'` unless `force`; `ERR_FS_EISDIR`
/// (`Path is a directory: rm returned EISDIR (is a directory) p`) for a directory without
/// `recursive`; `unlink`/`rmdir`/`scandir` errors from the walk.
///
/// # Examples
/// ```
/// let dir = tempfile::tempdir().unwrap();
/// std::fs::create_dir(dir.path().join("d")).unwrap();
/// let err = node_fs::rm_sync(dir.path().join("d"), Default::default()).unwrap_err();
/// assert_eq!(err.code(), "ERR_FS_EISDIR");
/// let opts = node_fs::RmOptions { recursive: true, ..Default::default() };
/// node_fs::rm_sync(dir.path().join("d"), opts).unwrap();
/// ```
#[doc(alias = "rmSync")]
pub fn rm_sync(path: impl AsRef<Path>, options: RmOptions) -> Result<()> {
    rm_core(path.as_ref(), &options)
}

/// [`rm_sync`] in one blocking-pool hop.
///
/// Mirrors [`fs.rm(path[, options], callback)`](https://nodejs.org/api/fs.html#fsrmpath-options-callback).
///
/// # Errors
/// As [`rm_sync`].
///
/// # Examples
/// ```
/// # #[tokio::main(flavor = "current_thread")] async fn main() {
/// let err = node_fs::rm("/nope", Default::default()).await.unwrap_err();
/// assert_eq!(err.message(), "ENOENT: no such file or directory, lstat '/nope'");
/// # }
/// ```
pub async fn rm(path: impl AsRef<Path>, options: RmOptions) -> Result<()> {
    let path = path.as_ref().to_owned();
    hop(move || rm_core(&path, &options)).await
}

/// Removes an empty directory, or with the deprecated `recursive` a whole tree.
///
/// Mirrors [`fs.rmdirSync(path[, options])`](https://nodejs.org/api/fs.html#fsrmdirsyncpath-options).
///
/// # Errors
/// System errors with syscall `rmdir`: `ENOTEMPTY: directory not empty, rmdir 'd'`,
/// `ENOTDIR` for a file, `ENOENT`.
///
/// # Examples
/// ```
/// let err = node_fs::rmdir_sync("/nope", Default::default()).unwrap_err();
/// assert_eq!(err.message(), "ENOENT: no such file or directory, rmdir '/nope'");
/// ```
#[doc(alias = "rmdirSync")]
pub fn rmdir_sync(path: impl AsRef<Path>, options: RmdirOptions) -> Result<()> {
    rmdir_core(path.as_ref(), &options)
}

/// [`rmdir_sync`] in one blocking-pool hop.
///
/// Mirrors [`fs.rmdir(path[, options], callback)`](https://nodejs.org/api/fs.html#fsrmdirpath-options-callback).
///
/// # Errors
/// As [`rmdir_sync`].
///
/// # Examples
/// ```
/// # #[tokio::main(flavor = "current_thread")] async fn main() {
/// assert_eq!(node_fs::rmdir("/nope", Default::default()).await.unwrap_err().code(), "ENOENT");
/// # }
/// ```
pub async fn rmdir(path: impl AsRef<Path>, options: RmdirOptions) -> Result<()> {
    let path = path.as_ref().to_owned();
    hop(move || rmdir_core(&path, &options)).await
}

fn unlink_core(path: &Path) -> Result<()> {
    check_path(path, "path")?;
    unlink_path(path)
}

/// Removes a file or symbolic link.
///
/// Mirrors [`fs.unlinkSync(path)`](https://nodejs.org/api/fs.html#fsunlinksyncpath).
///
/// # Errors
/// System errors with syscall `unlink`: `EISDIR: illegal operation on a directory,
/// unlink 'd'`, `ENOENT`.
///
/// # Examples
/// ```
/// assert_eq!(node_fs::unlink_sync("/nope").unwrap_err().syscall(), Some("unlink"));
/// ```
#[doc(alias = "unlinkSync")]
pub fn unlink_sync(path: impl AsRef<Path>) -> Result<()> {
    unlink_core(path.as_ref())
}

/// [`unlink_sync`] in one blocking-pool hop.
///
/// Mirrors [`fs.unlink(path, callback)`](https://nodejs.org/api/fs.html#fsunlinkpath-callback).
///
/// # Errors
/// As [`unlink_sync`].
///
/// # Examples
/// ```
/// # #[tokio::main(flavor = "current_thread")] async fn main() {
/// assert_eq!(node_fs::unlink("/").await.unwrap_err().code(), "EISDIR");
/// # }
/// ```
pub async fn unlink(path: impl AsRef<Path>) -> Result<()> {
    let path = path.as_ref().to_owned();
    hop(move || unlink_core(&path)).await
}
