//! `StatFs` and `statfs`: file-system statistics (libuv's `uv_fs_statfs`).

use std::path::Path;

use nix::sys::statfs::statfs as nix_statfs;

use crate::blocking::hop;
use crate::errors::{check_path, nix_sys, Result};

/// Statistics of a mounted file system, with the fields of Node's `fs.StatFs`.
///
/// Mirrors [`fs.StatFs`](https://nodejs.org/api/fs.html#class-fsstatfs).
///
/// # Examples
/// ```
/// let s = node_fs::statfs_sync("/").unwrap();
/// assert!(s.bsize > 0 && s.bfree <= s.blocks);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct StatFs {
    /// File-system type (`f_type`, e.g. `0xEF53` for ext4).
    pub r#type: u64,
    /// Optimal transfer block size (`f_bsize`).
    pub bsize: u64,
    /// Total data blocks.
    pub blocks: u64,
    /// Free blocks.
    pub bfree: u64,
    /// Free blocks available to unprivileged users.
    pub bavail: u64,
    /// Total file nodes.
    pub files: u64,
    /// Free file nodes.
    pub ffree: u64,
}

fn statfs_path(path: &Path) -> Result<StatFs> {
    check_path(path, "path")?;
    let s = nix_statfs(path).map_err(|e| nix_sys(e, "statfs", path))?;
    // libuv reports f_bsize (not f_frsize) as `bsize` (src/unix/fs.c uv__fs_statfs).
    Ok(StatFs {
        r#type: s.filesystem_type().0 as u64,
        bsize: s.block_size() as u64,
        blocks: s.blocks(),
        bfree: s.blocks_free(),
        bavail: s.blocks_available(),
        files: s.files(),
        ffree: s.files_free(),
    })
}

/// Returns statistics of the file system holding `path`.
///
/// Mirrors [`fs.statfsSync(path)`](https://nodejs.org/api/fs.html#fsstatfssyncpath-options).
///
/// # Errors
/// `ENOENT: no such file or directory, statfs 'p'` and other system errors with syscall
/// `statfs`.
///
/// # Examples
/// ```
/// assert_eq!(node_fs::statfs_sync("/nope").unwrap_err().message(),
///            "ENOENT: no such file or directory, statfs '/nope'");
/// ```
#[doc(alias = "statfsSync")]
pub fn statfs_sync(path: impl AsRef<Path>) -> Result<StatFs> {
    statfs_path(path.as_ref())
}

/// [`statfs_sync`] on the blocking pool.
///
/// Mirrors [`fs.statfs(path, callback)`](https://nodejs.org/api/fs.html#fsstatfspath-options-callback).
///
/// # Errors
/// As [`statfs_sync`].
///
/// # Examples
/// ```
/// # #[tokio::main(flavor = "current_thread")] async fn main() {
/// assert!(node_fs::statfs("/").await.unwrap().blocks > 0);
/// # }
/// ```
pub async fn statfs(path: impl AsRef<Path>) -> Result<StatFs> {
    let path = path.as_ref().to_owned();
    hop(move || statfs_path(&path)).await
}
