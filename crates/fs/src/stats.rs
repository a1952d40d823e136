//! `Stats` and `stat`/`lstat`/`fstat`.

use std::fs::Metadata;
use std::os::unix::fs::MetadataExt;
use std::path::Path;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use node_core::NodeError;

use crate::blocking::hop;
use crate::errors::{check_path, sys, Result};
use crate::fd::{with_fd, Fd};

/// File information, with every field of Node's `fs.Stats` and of its bigint form.
///
/// Mirrors [`fs.Stats`](https://nodejs.org/api/fs.html#class-fsstats). The `*_ms` fields
/// are Node's numeric milliseconds (`sec * 1e3 + nsec / 1e6`); the `*_ns` fields are the
/// nanosecond values of `{ bigint: true }` stats (`atimeNs`, …). On Linux the birth time
/// comes from `statx`; where the file system has none it is 0, as in libuv.
///
/// # Examples
/// ```
/// let st = node_fs::stat_sync("/").unwrap();
/// assert!(st.is_directory() && !st.is_file());
/// // Milliseconds are `sec * 1e3 + nsec / 1e6`, so they agree with the nanoseconds to
/// // within float rounding (not bit for bit).
/// assert!((st.mtime_ms - st.mtime_ns as f64 / 1e6).abs() < 1e-3);
/// // `Default` is all zeros: what `watch_file` reports for a missing file.
/// assert_eq!(node_fs::Stats::default().size, 0);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Stats {
    /// Device id.
    pub dev: u64,
    /// Inode number.
    pub ino: u64,
    /// File type and permission bits.
    pub mode: u32,
    /// Number of hard links.
    pub nlink: u64,
    /// Owner user id.
    pub uid: u32,
    /// Owner group id.
    pub gid: u32,
    /// Device id for special files.
    pub rdev: u64,
    /// Size in bytes.
    pub size: u64,
    /// Preferred I/O block size.
    pub blksize: u64,
    /// Number of 512-byte blocks allocated.
    pub blocks: u64,
    /// Last access, in milliseconds since the epoch (`atimeMs`).
    pub atime_ms: f64,
    /// Last modification, in milliseconds since the epoch (`mtimeMs`).
    pub mtime_ms: f64,
    /// Last status change, in milliseconds since the epoch (`ctimeMs`).
    pub ctime_ms: f64,
    /// Creation, in milliseconds since the epoch (`birthtimeMs`).
    pub birthtime_ms: f64,
    /// Last access, in nanoseconds since the epoch (bigint `atimeNs`).
    pub atime_ns: i128,
    /// Last modification, in nanoseconds since the epoch (bigint `mtimeNs`).
    pub mtime_ns: i128,
    /// Last status change, in nanoseconds since the epoch (bigint `ctimeNs`).
    pub ctime_ns: i128,
    /// Creation, in nanoseconds since the epoch (bigint `birthtimeNs`).
    pub birthtime_ns: i128,
}

fn ms(sec: i64, nsec: i64) -> f64 {
    sec as f64 * 1e3 + nsec as f64 / 1e6
}

fn ns(sec: i64, nsec: i64) -> i128 {
    sec as i128 * 1_000_000_000 + nsec as i128
}

fn to_system_time(ns: i128) -> SystemTime {
    let abs = Duration::new(
        (ns.unsigned_abs() / 1_000_000_000) as u64,
        (ns.unsigned_abs() % 1_000_000_000) as u32,
    );
    if ns >= 0 {
        UNIX_EPOCH + abs
    } else {
        UNIX_EPOCH - abs
    }
}

impl Stats {
    pub(crate) fn from_metadata(m: &Metadata) -> Stats {
        let (bsec, bnsec) = match m.created().map(|t| t.duration_since(UNIX_EPOCH)) {
            Ok(Ok(d)) => (d.as_secs() as i64, i64::from(d.subsec_nanos())),
            _ => (0, 0),
        };
        Stats {
            dev: m.dev(),
            ino: m.ino(),
            mode: m.mode(),
            nlink: m.nlink(),
            uid: m.uid(),
            gid: m.gid(),
            rdev: m.rdev(),
            size: m.size(),
            blksize: m.blksize(),
            blocks: m.blocks(),
            atime_ms: ms(m.atime(), m.atime_nsec()),
            mtime_ms: ms(m.mtime(), m.mtime_nsec()),
            ctime_ms: ms(m.ctime(), m.ctime_nsec()),
            birthtime_ms: ms(bsec, bnsec),
            atime_ns: ns(m.atime(), m.atime_nsec()),
            mtime_ns: ns(m.mtime(), m.mtime_nsec()),
            ctime_ns: ns(m.ctime(), m.ctime_nsec()),
            birthtime_ns: ns(bsec, bnsec),
        }
    }

    fn file_type(&self) -> u32 {
        self.mode & libc::S_IFMT
    }

    /// Whether this is a regular file (`stats.isFile()`).
    ///
    /// # Examples
    /// ```
    /// assert!(!node_fs::stat_sync("/").unwrap().is_file());
    /// ```
    pub fn is_file(&self) -> bool {
        self.file_type() == libc::S_IFREG
    }

    /// Whether this is a directory (`stats.isDirectory()`).
    ///
    /// # Examples
    /// ```
    /// assert!(node_fs::stat_sync("/").unwrap().is_directory());
    /// ```
    pub fn is_directory(&self) -> bool {
        self.file_type() == libc::S_IFDIR
    }

    /// Whether this is a symbolic link (`stats.isSymbolicLink()`, meaningful for `lstat`).
    ///
    /// # Examples
    /// ```
    /// assert!(!node_fs::lstat_sync("/").unwrap().is_symbolic_link());
    /// ```
    pub fn is_symbolic_link(&self) -> bool {
        self.file_type() == libc::S_IFLNK
    }

    /// Whether this is a FIFO (`stats.isFIFO()`).
    ///
    /// # Examples
    /// ```
    /// assert!(!node_fs::stat_sync("/").unwrap().is_fifo());
    /// ```
    #[doc(alias = "isFIFO")]
    pub fn is_fifo(&self) -> bool {
        self.file_type() == libc::S_IFIFO
    }

    /// Whether this is a socket (`stats.isSocket()`).
    ///
    /// # Examples
    /// ```
    /// assert!(!node_fs::stat_sync("/").unwrap().is_socket());
    /// ```
    pub fn is_socket(&self) -> bool {
        self.file_type() == libc::S_IFSOCK
    }

    /// Whether this is a block device (`stats.isBlockDevice()`).
    ///
    /// # Examples
    /// ```
    /// assert!(!node_fs::stat_sync("/dev/null").unwrap().is_block_device());
    /// ```
    pub fn is_block_device(&self) -> bool {
        self.file_type() == libc::S_IFBLK
    }

    /// Whether this is a character device (`stats.isCharacterDevice()`).
    ///
    /// # Examples
    /// ```
    /// assert!(node_fs::stat_sync("/dev/null").unwrap().is_character_device());
    /// ```
    pub fn is_character_device(&self) -> bool {
        self.file_type() == libc::S_IFCHR
    }

    /// `stats.atime` as a [`SystemTime`].
    ///
    /// # Examples
    /// ```
    /// assert!(node_fs::stat_sync("/").unwrap().atime() > std::time::UNIX_EPOCH);
    /// ```
    pub fn atime(&self) -> SystemTime {
        to_system_time(self.atime_ns)
    }

    /// `stats.mtime` as a [`SystemTime`].
    ///
    /// # Examples
    /// ```
    /// assert!(node_fs::stat_sync("/").unwrap().mtime() > std::time::UNIX_EPOCH);
    /// ```
    pub fn mtime(&self) -> SystemTime {
        to_system_time(self.mtime_ns)
    }

    /// `stats.ctime` as a [`SystemTime`].
    ///
    /// # Examples
    /// ```
    /// assert!(node_fs::stat_sync("/").unwrap().ctime() > std::time::UNIX_EPOCH);
    /// ```
    pub fn ctime(&self) -> SystemTime {
        to_system_time(self.ctime_ns)
    }

    /// `stats.birthtime` as a [`SystemTime`] (the epoch when unknown).
    ///
    /// # Examples
    /// ```
    /// assert!(node_fs::stat_sync("/").unwrap().birthtime() >= std::time::UNIX_EPOCH);
    /// ```
    pub fn birthtime(&self) -> SystemTime {
        to_system_time(self.birthtime_ns)
    }
}

pub(crate) fn stat_path(path: &Path) -> Result<Stats> {
    check_path(path, "path")?;
    std::fs::metadata(path)
        .map(|m| Stats::from_metadata(&m))
        .map_err(|e| sys(&e, "stat", path))
}

pub(crate) fn lstat_path(path: &Path) -> Result<Stats> {
    check_path(path, "path")?;
    std::fs::symlink_metadata(path)
        .map(|m| Stats::from_metadata(&m))
        .map_err(|e| sys(&e, "lstat", path))
}

pub(crate) fn fstat_file(file: &std::fs::File) -> Result<Stats> {
    file.metadata()
        .map(|m| Stats::from_metadata(&m))
        .map_err(|e| NodeError::from_io(&e, "fstat"))
}

/// Returns information about a file, following symbolic links.
///
/// Mirrors [`fs.statSync(path)`](https://nodejs.org/api/fs.html#fsstatsyncpath-options).
///
/// # Errors
/// `ENOENT: no such file or directory, stat 'p'` and other system errors with syscall
/// `stat`.
///
/// # Examples
/// ```
/// assert_eq!(node_fs::stat_sync("/nope").unwrap_err().message(),
///            "ENOENT: no such file or directory, stat '/nope'");
/// ```
#[doc(alias = "statSync")]
pub fn stat_sync(path: impl AsRef<Path>) -> Result<Stats> {
    stat_path(path.as_ref())
}

/// Returns information about a file on the blocking pool, following symbolic links.
///
/// Mirrors [`fs.stat(path, callback)`](https://nodejs.org/api/fs.html#fsstatpath-options-callback).
///
/// # Errors
/// As [`stat_sync`].
///
/// # Examples
/// ```
/// # #[tokio::main(flavor = "current_thread")] async fn main() {
/// assert!(node_fs::stat("/").await.unwrap().is_directory());
/// # }
/// ```
pub async fn stat(path: impl AsRef<Path>) -> Result<Stats> {
    let path = path.as_ref().to_owned();
    hop(move || stat_path(&path)).await
}

/// Returns information about a path without following a final symbolic link.
///
/// Mirrors [`fs.lstatSync(path)`](https://nodejs.org/api/fs.html#fslstatsyncpath-options).
///
/// # Errors
/// System errors with syscall `lstat`.
///
/// # Examples
/// ```
/// assert_eq!(node_fs::lstat_sync("/nope").unwrap_err().syscall(), Some("lstat"));
/// ```
#[doc(alias = "lstatSync")]
pub fn lstat_sync(path: impl AsRef<Path>) -> Result<Stats> {
    lstat_path(path.as_ref())
}

/// [`lstat_sync`] on the blocking pool.
///
/// Mirrors [`fs.lstat(path, callback)`](https://nodejs.org/api/fs.html#fslstatpath-options-callback).
///
/// # Errors
/// As [`lstat_sync`].
///
/// # Examples
/// ```
/// # #[tokio::main(flavor = "current_thread")] async fn main() {
/// assert!(node_fs::lstat("/").await.unwrap().is_directory());
/// # }
/// ```
pub async fn lstat(path: impl AsRef<Path>) -> Result<Stats> {
    let path = path.as_ref().to_owned();
    hop(move || lstat_path(&path)).await
}

/// Returns information about an open descriptor.
///
/// Mirrors [`fs.fstatSync(fd)`](https://nodejs.org/api/fs.html#fsfstatsyncfd-options).
///
/// # Errors
/// `EBADF: bad file descriptor, fstat`; `ERR_OUT_OF_RANGE` for a negative `fd`.
///
/// # Examples
/// ```
/// assert_eq!(node_fs::fstat_sync(9999).unwrap_err().message(), "EBADF: bad file descriptor, fstat");
/// ```
#[doc(alias = "fstatSync")]
pub fn fstat_sync(fd: Fd) -> Result<Stats> {
    with_fd(fd, fstat_file)?
}

/// [`fstat_sync`] on the blocking pool.
///
/// Mirrors [`fs.fstat(fd, callback)`](https://nodejs.org/api/fs.html#fsfstatfd-options-callback).
///
/// # Errors
/// As [`fstat_sync`].
///
/// # Examples
/// ```
/// # #[tokio::main(flavor = "current_thread")] async fn main() {
/// assert_eq!(node_fs::fstat(9999).await.unwrap_err().code(), "EBADF");
/// # }
/// ```
pub async fn fstat(fd: Fd) -> Result<Stats> {
    with_fd(fd, |_| ())?;
    hop(move || with_fd(fd, fstat_file)?).await
}
