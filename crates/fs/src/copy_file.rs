//! `copyFile`: libuv's `uv_fs_copyfile`.

use std::fs::{File, OpenOptions};
use std::io;
use std::os::unix::fs::{MetadataExt, OpenOptionsExt, PermissionsExt};
use std::path::Path;

use node_core::{ErrorClass, NodeError};

use crate::blocking::hop;
use crate::constants::{COPYFILE_EXCL, COPYFILE_FICLONE, COPYFILE_FICLONE_FORCE};
use crate::errors::{check_path, sys2, Result};
use crate::fd::ficlone;

/// Node's `getValidMode(mode, 'copyFile')` message, which has its own wording.
pub(crate) fn mode_out_of_range(max: u32) -> NodeError {
    NodeError::new(
        ErrorClass::RangeError,
        "ERR_OUT_OF_RANGE",
        format!("mode is out of range: >= 0 && <= {max}"),
    )
}

/// The copy itself; any error is reported by the caller as `copyfile 'src' -> 'dest'`.
fn copy(src: &Path, dest: &Path, flags: u32) -> io::Result<()> {
    let mut from = File::open(src)?;
    let meta = from.metadata()?;
    if meta.is_dir() {
        return Err(io::Error::from_raw_os_error(libc::EISDIR));
    }
    let mut opts = OpenOptions::new();
    opts.write(true).mode(meta.mode());
    if flags & COPYFILE_EXCL != 0 {
        opts.create_new(true);
    } else {
        opts.create(true);
    }
    let mut to = opts.open(dest)?;
    let result = fill(&mut from, &mut to, &meta, flags);
    if result.is_err() {
        // libuv removes a destination it could not fill.
        let _ = std::fs::remove_file(dest);
    }
    result
}

fn fill(
    from: &mut File,
    to: &mut File,
    src_meta: &std::fs::Metadata,
    flags: u32,
) -> io::Result<()> {
    let dst_meta = to.metadata()?;
    if dst_meta.dev() == src_meta.dev() && dst_meta.ino() == src_meta.ino() {
        return Ok(());
    }
    // libuv ignores EPERM here: CIFS shares refuse fchmod.
    match to.set_permissions(std::fs::Permissions::from_mode(src_meta.mode())) {
        Err(e) if e.raw_os_error() != Some(libc::EPERM) => return Err(e),
        _ => {}
    }
    to.set_len(0)?;
    if flags & (COPYFILE_FICLONE | COPYFILE_FICLONE_FORCE) != 0 {
        match ficlone(to, from) {
            Ok(()) => return Ok(()),
            Err(e) if flags & COPYFILE_FICLONE_FORCE != 0 => return Err(e),
            Err(_) => {}
        }
    }
    // std uses copy_file_range/sendfile between two files.
    io::copy(from, to)?;
    Ok(())
}

pub(crate) fn copy_file_core(src: &Path, dest: &Path, flags: u32) -> Result<()> {
    check_path(src, "src")?;
    check_path(dest, "dest")?;
    if flags > 7 {
        return Err(mode_out_of_range(7));
    }
    copy(src, dest, flags).map_err(|e| sys2(&e, "copyfile", src, dest))
}

/// Copies `src` to `dest`, replacing `dest` unless `flags` has
/// [`COPYFILE_EXCL`](crate::constants::COPYFILE_EXCL). `COPYFILE_FICLONE` tries a reflink
/// first; `COPYFILE_FICLONE_FORCE` fails without one. The mode is copied.
///
/// Mirrors [`fs.copyFileSync(src, dest[, mode])`](https://nodejs.org/api/fs.html#fscopyfilesyncsrc-dest-mode).
///
/// # Errors
/// System errors with syscall `copyfile`, path and dest
/// (`EEXIST: file already exists, copyfile 'a' -> 'b'`, `EISDIR`, `ENOENT`, `ENOTSUP` for
/// a forced clone); `ERR_OUT_OF_RANGE` (`mode is out of range: >= 0 && <= 7`).
///
/// # Examples
/// ```
/// let dir = tempfile::tempdir().unwrap();
/// let (a, b) = (dir.path().join("a"), dir.path().join("b"));
/// std::fs::write(&a, "x").unwrap();
/// node_fs::copy_file_sync(&a, &b, 0).unwrap();
/// let err = node_fs::copy_file_sync(&a, &b, node_fs::constants::COPYFILE_EXCL).unwrap_err();
/// assert_eq!(err.code(), "EEXIST");
/// ```
#[doc(alias = "copyFileSync")]
pub fn copy_file_sync(src: impl AsRef<Path>, dest: impl AsRef<Path>, flags: u32) -> Result<()> {
    copy_file_core(src.as_ref(), dest.as_ref(), flags)
}

/// [`copy_file_sync`] in one blocking-pool hop.
///
/// Mirrors [`fs.copyFile(src, dest[, mode], callback)`](https://nodejs.org/api/fs.html#fscopyfilesrc-dest-mode-callback).
///
/// # Errors
/// As [`copy_file_sync`].
///
/// # Examples
/// ```
/// # #[tokio::main(flavor = "current_thread")] async fn main() {
/// let err = node_fs::copy_file("/nope", "/nope2", 0).await.unwrap_err();
/// assert_eq!(err.message(), "ENOENT: no such file or directory, copyfile '/nope' -> '/nope2'");
/// # }
/// ```
pub async fn copy_file(src: impl AsRef<Path>, dest: impl AsRef<Path>, flags: u32) -> Result<()> {
    let (a, b) = (src.as_ref().to_owned(), dest.as_ref().to_owned());
    hop(move || copy_file_core(&a, &b, flags)).await
}
