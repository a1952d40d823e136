//! `cp`: Node 20's JavaScript `cpSync` (lib/internal/fs/cp/cp-sync.js).

use std::fs::Metadata;
use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::path::{Path, PathBuf};

use node_core::NodeError;

use crate::blocking::hop;
use crate::copy_file::copy_file_core;
use crate::errors::{check_path, fs_system_error, show, sys, Result};
use crate::links::resolve;

/// Options of [`cp`]: Node's `{ recursive, force, errorOnExist, dereference,
/// preserveTimestamps, verbatimSymlinks, mode }` (`filter` is not supported).
///
/// # Examples
/// ```
/// let opts = node_fs::CpOptions { recursive: true, ..Default::default() };
/// assert!(opts.force && !opts.error_on_exist);
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CpOptions {
    /// Copy directories and their contents (default `false`).
    pub recursive: bool,
    /// Overwrite existing files (default `true`).
    pub force: bool,
    /// With `force: false`, fail on an existing file instead of skipping it.
    pub error_on_exist: bool,
    /// Follow symbolic links in `src`.
    pub dereference: bool,
    /// Copy access and modification times.
    pub preserve_timestamps: bool,
    /// Keep relative link targets as they are instead of resolving them.
    pub verbatim_symlinks: bool,
    /// `copy_file` flags (`COPYFILE_*`).
    pub mode: u32,
}

impl Default for CpOptions {
    fn default() -> Self {
        CpOptions {
            recursive: false,
            force: true,
            error_on_exist: false,
            dereference: false,
            preserve_timestamps: false,
            verbatim_symlinks: false,
            mode: 0,
        }
    }
}

fn stat_fn(path: &Path, deref: bool) -> std::io::Result<Metadata> {
    if deref {
        std::fs::metadata(path)
    } else {
        std::fs::symlink_metadata(path)
    }
}

fn statx(path: &Path, deref: bool) -> Result<Metadata> {
    stat_fn(path, deref).map_err(|e| sys(&e, if deref { "stat" } else { "lstat" }, path))
}

fn identical(a: &Metadata, b: &Metadata) -> bool {
    a.ino() == b.ino() && a.dev() == b.dev()
}

/// Node's `isSrcSubdir`: every part of `src` starts `dest`.
fn is_src_subdir(src: &Path, dest: &Path) -> bool {
    let (s, d) = (resolve(src), resolve(dest));
    let sp: Vec<_> = s.components().collect();
    let dp: Vec<_> = d.components().collect();
    sp.len() <= dp.len() && sp.iter().zip(&dp).all(|(a, b)| a == b)
}

fn einval(detail: &str, path: &Path) -> NodeError {
    fs_system_error(
        "ERR_FS_CP_EINVAL",
        "Invalid src or dest",
        "cp",
        ("EINVAL", libc::EINVAL),
        detail,
        path,
    )
}

/// `checkPathsSync`: returns the destination's stats (if it exists).
fn check_paths(src: &Path, dest: &Path, o: &CpOptions) -> Result<(Metadata, Option<Metadata>)> {
    let src_stat = statx(src, o.dereference)?;
    let dest_stat = match stat_fn(dest, o.dereference) {
        Ok(m) => Some(m),
        Err(e) if e.raw_os_error() == Some(libc::ENOENT) => None,
        Err(e) => return Err(sys(&e, if o.dereference { "stat" } else { "lstat" }, dest)),
    };
    let (s, d) = (show(src), show(dest));
    if let Some(ds) = &dest_stat {
        if identical(&src_stat, ds) {
            return Err(einval("src and dest cannot be the same", dest));
        }
        if src_stat.is_dir() && !ds.is_dir() {
            return Err(fs_system_error(
                "ERR_FS_CP_DIR_TO_NON_DIR",
                "Cannot overwrite non-directory with directory",
                "cp",
                ("EISDIR", libc::EISDIR),
                &format!("cannot overwrite non-directory {d} with directory {s}"),
                dest,
            ));
        }
        if !src_stat.is_dir() && ds.is_dir() {
            return Err(fs_system_error(
                "ERR_FS_CP_NON_DIR_TO_DIR",
                "Cannot overwrite directory with non-directory",
                "cp",
                ("ENOTDIR", libc::ENOTDIR),
                &format!("cannot overwrite directory {d} with non-directory {s}"),
                dest,
            ));
        }
    }
    if src_stat.is_dir() && is_src_subdir(src, dest) {
        return Err(einval(
            &format!("cannot copy {s} to a subdirectory of self {d}"),
            dest,
        ));
    }
    Ok((src_stat, dest_stat))
}

/// `checkParentPathsSync`: `dest` must not sit inside `src` through its parents.
fn check_parent_paths(src: &Path, src_stat: &Metadata, dest: &Path) -> Result<()> {
    let src_parent = resolve(src).parent().map(Path::to_owned);
    let mut cur = resolve(dest).parent().map(Path::to_owned);
    while let Some(parent) = cur {
        if Some(&parent) == src_parent.as_ref() || parent.parent().is_none() {
            return Ok(());
        }
        match std::fs::metadata(&parent) {
            Ok(m) if identical(&m, src_stat) => {
                return Err(einval(
                    &format!(
                        "cannot copy {} to a subdirectory of self {}",
                        show(src),
                        show(dest)
                    ),
                    dest,
                ))
            }
            Ok(_) => {}
            Err(e) if e.raw_os_error() == Some(libc::ENOENT) => return Ok(()),
            Err(e) => return Err(sys(&e, "stat", &parent)),
        }
        cur = parent.parent().map(Path::to_owned);
    }
    Ok(())
}

fn set_mode(path: &Path, mode: u32) -> Result<()> {
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode))
        .map_err(|e| sys(&e, "chmod", path))
}

fn copy_entry(src: &Path, dest: &Path, dest_stat: Option<&Metadata>, o: &CpOptions) -> Result<()> {
    let src_stat = statx(src, o.dereference)?;
    let ft = src_stat.file_type();
    if src_stat.is_dir() {
        if !o.recursive {
            return Err(fs_system_error(
                "ERR_FS_EISDIR",
                "Path is a directory",
                "cp",
                // node's cp reports this EISDIR with EINVAL's errno (cp/cp-sync.js).
                ("EISDIR", libc::EINVAL),
                &format!("{} is a directory (not copied)", show(src)),
                src,
            ));
        }
        if dest_stat.is_none() {
            std::fs::create_dir(dest).map_err(|e| sys(&e, "mkdir", dest))?;
            copy_dir(src, dest, o)?;
            return set_mode(dest, src_stat.mode());
        }
        return copy_dir(src, dest, o);
    }
    use std::os::unix::fs::FileTypeExt;
    if ft.is_file() || ft.is_char_device() || ft.is_block_device() {
        if dest_stat.is_some() {
            if o.force {
                std::fs::remove_file(dest).map_err(|e| sys(&e, "unlink", dest))?;
            } else if o.error_on_exist {
                return Err(fs_system_error(
                    "ERR_FS_CP_EEXIST",
                    "Target already exists",
                    "cp",
                    ("EEXIST", libc::EEXIST),
                    &format!("{} already exists", show(dest)),
                    dest,
                ));
            } else {
                return Ok(());
            }
        }
        copy_file_core(src, dest, o.mode)?;
        if o.preserve_timestamps {
            if src_stat.mode() & 0o200 == 0 {
                set_mode(dest, src_stat.mode() | 0o200)?;
            }
            let fresh = statx(src, true)?;
            let times = std::fs::FileTimes::new()
                .set_accessed(fresh.accessed().map_err(|e| sys(&e, "stat", src))?)
                .set_modified(fresh.modified().map_err(|e| sys(&e, "stat", src))?);
            std::fs::File::options()
                .write(true)
                .open(dest)
                .and_then(|f| f.set_times(times))
                .map_err(|e| sys(&e, "utime", dest))?;
        }
        return set_mode(dest, src_stat.mode());
    }
    if ft.is_symlink() {
        return copy_link(src, dest, dest_stat.is_some(), o);
    }
    let (code, prefix, detail) = if ft.is_socket() {
        (
            "ERR_FS_CP_SOCKET",
            "Cannot copy a socket file",
            "cannot copy a socket file",
        )
    } else if ft.is_fifo() {
        (
            "ERR_FS_CP_FIFO_PIPE",
            "Cannot copy a FIFO pipe",
            "cannot copy a FIFO pipe",
        )
    } else {
        (
            "ERR_FS_CP_UNKNOWN",
            "Cannot copy an unknown file type",
            "cannot copy an unknown file type",
        )
    };
    Err(fs_system_error(
        code,
        prefix,
        "cp",
        ("EINVAL", libc::EINVAL),
        &format!("{detail}: {}", show(dest)),
        dest,
    ))
}

fn copy_link(src: &Path, dest: &Path, dest_exists: bool, o: &CpOptions) -> Result<()> {
    let mut target = std::fs::read_link(src).map_err(|e| sys(&e, "readlink", src))?;
    if !o.verbatim_symlinks && !target.is_absolute() {
        target = resolve(&src.parent().unwrap_or(Path::new(".")).join(target));
    }
    let make = |t: &Path| {
        std::os::unix::fs::symlink(t, dest).map_err(|e| sys(&e, "symlink", t).with_dest(show(dest)))
    };
    if !dest_exists {
        return make(&target);
    }
    let mut dest_target = match std::fs::read_link(dest) {
        Ok(t) => t,
        Err(e) if e.raw_os_error() == Some(libc::EINVAL) => return make(&target),
        Err(e) => return Err(sys(&e, "readlink", dest)),
    };
    if !dest_target.is_absolute() {
        dest_target = resolve(&dest.parent().unwrap_or(Path::new(".")).join(dest_target));
    }
    if is_src_subdir(&target, &dest_target) {
        return Err(einval(
            &format!(
                "cannot copy {} to a subdirectory of self {}",
                show(&target),
                show(&dest_target)
            ),
            dest,
        ));
    }
    if statx(src, true)?.is_dir() && is_src_subdir(&dest_target, &target) {
        return Err(fs_system_error(
            "ERR_FS_CP_SYMLINK_TO_SUBDIRECTORY",
            "Cannot overwrite symlink in subdirectory of self",
            "cp",
            ("EINVAL", libc::EINVAL),
            &format!(
                "cannot overwrite {} with {}",
                show(&dest_target),
                show(&target)
            ),
            dest,
        ));
    }
    std::fs::remove_file(dest).map_err(|e| sys(&e, "unlink", dest))?;
    make(&target)
}

fn copy_dir(src: &Path, dest: &Path, o: &CpOptions) -> Result<()> {
    let entries = std::fs::read_dir(src).map_err(|e| NodeError::from_io(&e, "opendir"))?;
    for entry in entries {
        let entry = entry.map_err(|e| NodeError::from_io(&e, "scandir"))?;
        let name = entry.file_name();
        let (s, d): (PathBuf, PathBuf) = (src.join(&name), dest.join(&name));
        let (_, dest_stat) = check_paths(&s, &d, o)?;
        copy_entry(&s, &d, dest_stat.as_ref(), o)?;
    }
    Ok(())
}

fn cp_core(src: &Path, dest: &Path, o: &CpOptions) -> Result<()> {
    check_path(src, "src")?;
    check_path(dest, "dest")?;
    if o.mode > 7 {
        return Err(crate::copy_file::mode_out_of_range(7));
    }
    let (src_stat, dest_stat) = check_paths(src, dest, o)?;
    check_parent_paths(src, &src_stat, dest)?;
    if let Some(parent) = dest.parent().filter(|p| !p.as_os_str().is_empty()) {
        if !parent.exists() {
            std::fs::create_dir_all(parent).map_err(|e| sys(&e, "mkdir", parent))?;
        }
    }
    copy_entry(src, dest, dest_stat.as_ref(), o)
}

/// Copies a file, link or (with `recursive`) directory tree.
///
/// Mirrors [`fs.cpSync(src, dest[, options])`](https://nodejs.org/api/fs.html#fscpsyncsrc-dest-options)
/// (Node 20's JavaScript implementation): missing parents of `dest` are created, modes
/// are copied, relative link targets are resolved unless `verbatim_symlinks`.
///
/// # Errors
/// `ENOENT: no such file or directory, lstat 'src'`; Node's `SystemError`s
/// `ERR_FS_EISDIR` (directory without `recursive`), `ERR_FS_CP_EINVAL` (same path, copy
/// into itself), `ERR_FS_CP_EEXIST` (`error_on_exist`), `ERR_FS_CP_DIR_TO_NON_DIR`,
/// `ERR_FS_CP_NON_DIR_TO_DIR`, `ERR_FS_CP_SOCKET`, `ERR_FS_CP_FIFO_PIPE`.
///
/// # Examples
/// ```
/// let dir = tempfile::tempdir().unwrap();
/// std::fs::create_dir_all(dir.path().join("src/sub")).unwrap();
/// std::fs::write(dir.path().join("src/sub/f"), "x").unwrap();
/// let opts = node_fs::CpOptions { recursive: true, ..Default::default() };
/// node_fs::cp_sync(dir.path().join("src"), dir.path().join("out/copy"), opts).unwrap();
/// assert_eq!(std::fs::read(dir.path().join("out/copy/sub/f")).unwrap(), b"x");
/// ```
#[doc(alias = "cpSync")]
pub fn cp_sync(src: impl AsRef<Path>, dest: impl AsRef<Path>, options: CpOptions) -> Result<()> {
    cp_core(src.as_ref(), dest.as_ref(), &options)
}

/// [`cp_sync`] in one blocking-pool hop.
///
/// Mirrors [`fs.cp(src, dest[, options], callback)`](https://nodejs.org/api/fs.html#fscpsrc-dest-options-callback).
///
/// # Errors
/// As [`cp_sync`].
///
/// # Examples
/// ```
/// # #[tokio::main(flavor = "current_thread")] async fn main() {
/// let err = node_fs::cp("/", "/tmp/x", Default::default()).await.unwrap_err();
/// assert_eq!(err.code(), "ERR_FS_CP_EINVAL");
/// # }
/// ```
pub async fn cp(src: impl AsRef<Path>, dest: impl AsRef<Path>, options: CpOptions) -> Result<()> {
    let (a, b) = (src.as_ref().to_owned(), dest.as_ref().to_owned());
    hop(move || cp_core(&a, &b, &options)).await
}
