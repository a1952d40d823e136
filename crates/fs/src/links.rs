//! `rename`, `link`, `symlink`, `readlink`, `realpath`.

use std::collections::VecDeque;
use std::ffi::OsString;
use std::path::{Component, Path, PathBuf};

use crate::blocking::hop;
use crate::errors::{check_path, sys, sys2, Result};

/// `path.resolve(p)`: absolute against the working directory, `.`/`..` folded lexically.
pub(crate) fn resolve(p: &Path) -> PathBuf {
    let base = if p.is_absolute() {
        PathBuf::from("/")
    } else {
        std::env::current_dir().unwrap_or_else(|_| PathBuf::from("/"))
    };
    normalize(&base.join(p))
}

fn normalize(p: &Path) -> PathBuf {
    let mut out = PathBuf::from("/");
    for c in p.components() {
        match c {
            Component::ParentDir => {
                out.pop();
            }
            Component::Normal(n) => out.push(n),
            _ => {}
        }
    }
    out
}

fn normal_parts(p: &Path) -> impl Iterator<Item = OsString> + '_ {
    p.components().filter_map(|c| match c {
        Component::Normal(n) => Some(n.to_owned()),
        _ => None,
    })
}

/// Node's JavaScript `realpathSync` (lib/fs.js): resolve lexically, then walk the parts
/// with `lstat`, expanding links. Errors name `lstat`/`stat`/`readlink` and the absolute
/// path of the failing part.
fn realpath_js(path: &Path) -> Result<PathBuf> {
    check_path(path, "path")?;
    let mut queue: VecDeque<OsString> = normal_parts(&resolve(path)).collect();
    let mut current = PathBuf::from("/");
    while let Some(part) = queue.pop_front() {
        let next = current.join(&part);
        let meta = std::fs::symlink_metadata(&next).map_err(|e| sys(&e, "lstat", &next))?;
        if !meta.file_type().is_symlink() {
            current = next;
            continue;
        }
        // Node stats the link first so that loops fail with ELOOP.
        std::fs::metadata(&next).map_err(|e| sys(&e, "stat", &next))?;
        let target = std::fs::read_link(&next).map_err(|e| sys(&e, "readlink", &next))?;
        let expanded = normalize(&current.join(target));
        let rest: Vec<OsString> = queue.drain(..).collect();
        queue.extend(normal_parts(&expanded));
        queue.extend(rest);
        current = PathBuf::from("/");
    }
    Ok(current)
}

fn realpath_native_core(path: &Path) -> Result<PathBuf> {
    check_path(path, "path")?;
    std::fs::canonicalize(path).map_err(|e| sys(&e, "realpath", path))
}

/// Resolves a path to its canonical absolute form, as Node's JavaScript implementation
/// does (`..` is folded before links are followed).
///
/// Mirrors [`fs.realpathSync(path)`](https://nodejs.org/api/fs.html#fsrealpathsyncpath-options).
///
/// # Errors
/// `ENOENT: no such file or directory, lstat '/abs/missing'` (the first missing part,
/// absolute), `ELOOP` with syscall `stat`.
///
/// # Examples
/// ```
/// assert_eq!(node_fs::realpath_sync("/usr/../").unwrap(), std::path::Path::new("/"));
/// assert_eq!(node_fs::realpath_sync("/nope/x").unwrap_err().path(), Some("/nope"));
/// ```
#[doc(alias = "realpathSync")]
pub fn realpath_sync(path: impl AsRef<Path>) -> Result<PathBuf> {
    realpath_js(path.as_ref())
}

/// [`realpath_sync`] in one blocking-pool hop.
///
/// Mirrors [`fs.realpath(path, callback)`](https://nodejs.org/api/fs.html#fsrealpathpath-options-callback).
///
/// # Errors
/// As [`realpath_sync`].
///
/// # Examples
/// ```
/// # #[tokio::main(flavor = "current_thread")] async fn main() {
/// assert_eq!(node_fs::realpath("/").await.unwrap(), std::path::Path::new("/"));
/// # }
/// ```
pub async fn realpath(path: impl AsRef<Path>) -> Result<PathBuf> {
    let path = path.as_ref().to_owned();
    hop(move || realpath_js(&path)).await
}

/// Resolves a path with `realpath(3)`.
///
/// Mirrors [`fs.realpathSync.native(path)`](https://nodejs.org/api/fs.html#fsrealpathsyncnativepath-options).
///
/// # Errors
/// System errors with syscall `realpath` and the given path.
///
/// # Examples
/// ```
/// let err = node_fs::realpath_native_sync("/nope").unwrap_err();
/// assert_eq!(err.message(), "ENOENT: no such file or directory, realpath '/nope'");
/// ```
#[doc(alias = "realpathSync.native")]
pub fn realpath_native_sync(path: impl AsRef<Path>) -> Result<PathBuf> {
    realpath_native_core(path.as_ref())
}

/// [`realpath_native_sync`] in one blocking-pool hop (`fs.realpath.native`).
///
/// # Errors
/// As [`realpath_native_sync`].
///
/// # Examples
/// ```
/// # #[tokio::main(flavor = "current_thread")] async fn main() {
/// assert_eq!(node_fs::realpath_native("/").await.unwrap(), std::path::Path::new("/"));
/// # }
/// ```
pub async fn realpath_native(path: impl AsRef<Path>) -> Result<PathBuf> {
    let path = path.as_ref().to_owned();
    hop(move || realpath_native_core(&path)).await
}

fn rename_core(from: &Path, to: &Path) -> Result<()> {
    check_path(from, "oldPath")?;
    check_path(to, "newPath")?;
    std::fs::rename(from, to).map_err(|e| sys2(&e, "rename", from, to))
}

/// Renames `old_path` to `new_path`, replacing a file there.
///
/// Mirrors [`fs.renameSync(oldPath, newPath)`](https://nodejs.org/api/fs.html#fsrenamesyncoldpath-newpath).
///
/// # Errors
/// System errors with syscall `rename`, path and dest:
/// `ENOENT: no such file or directory, rename 'a' -> 'b'`.
///
/// # Examples
/// ```
/// let err = node_fs::rename_sync("/nope", "/nope2").unwrap_err();
/// assert_eq!(err.message(), "ENOENT: no such file or directory, rename '/nope' -> '/nope2'");
/// ```
#[doc(alias = "renameSync")]
pub fn rename_sync(old_path: impl AsRef<Path>, new_path: impl AsRef<Path>) -> Result<()> {
    rename_core(old_path.as_ref(), new_path.as_ref())
}

/// [`rename_sync`] in one blocking-pool hop.
///
/// Mirrors [`fs.rename(oldPath, newPath, callback)`](https://nodejs.org/api/fs.html#fsrenameoldpath-newpath-callback).
///
/// # Errors
/// As [`rename_sync`].
///
/// # Examples
/// ```
/// # #[tokio::main(flavor = "current_thread")] async fn main() {
/// assert_eq!(node_fs::rename("/nope", "/nope2").await.unwrap_err().dest(), Some("/nope2"));
/// # }
/// ```
pub async fn rename(old_path: impl AsRef<Path>, new_path: impl AsRef<Path>) -> Result<()> {
    let (from, to) = (old_path.as_ref().to_owned(), new_path.as_ref().to_owned());
    hop(move || rename_core(&from, &to)).await
}

fn link_core(existing: &Path, new: &Path) -> Result<()> {
    check_path(existing, "existingPath")?;
    check_path(new, "newPath")?;
    std::fs::hard_link(existing, new).map_err(|e| sys2(&e, "link", existing, new))
}

/// Creates a hard link `new_path` to `existing_path`.
///
/// Mirrors [`fs.linkSync(existingPath, newPath)`](https://nodejs.org/api/fs.html#fslinksyncexistingpath-newpath).
///
/// # Errors
/// System errors with syscall `link`, path and dest (`EEXIST`, `ENOENT`).
///
/// # Examples
/// ```
/// assert_eq!(node_fs::link_sync("/nope", "/nope2").unwrap_err().syscall(), Some("link"));
/// ```
#[doc(alias = "linkSync")]
pub fn link_sync(existing_path: impl AsRef<Path>, new_path: impl AsRef<Path>) -> Result<()> {
    link_core(existing_path.as_ref(), new_path.as_ref())
}

/// [`link_sync`] in one blocking-pool hop.
///
/// Mirrors [`fs.link(existingPath, newPath, callback)`](https://nodejs.org/api/fs.html#fslinkexistingpath-newpath-callback).
///
/// # Errors
/// As [`link_sync`].
///
/// # Examples
/// ```
/// # #[tokio::main(flavor = "current_thread")] async fn main() {
/// assert_eq!(node_fs::link("/nope", "/nope2").await.unwrap_err().code(), "ENOENT");
/// # }
/// ```
pub async fn link(existing_path: impl AsRef<Path>, new_path: impl AsRef<Path>) -> Result<()> {
    let (a, b) = (
        existing_path.as_ref().to_owned(),
        new_path.as_ref().to_owned(),
    );
    hop(move || link_core(&a, &b)).await
}

fn symlink_core(target: &Path, path: &Path) -> Result<()> {
    check_path(target, "target")?;
    check_path(path, "path")?;
    std::os::unix::fs::symlink(target, path).map_err(|e| sys2(&e, "symlink", target, path))
}

/// Creates a symbolic link at `path` pointing to `target` (stored as given).
///
/// Mirrors [`fs.symlinkSync(target, path)`](https://nodejs.org/api/fs.html#fssymlinksynctarget-path-type);
/// the Windows-only `type` argument has no meaning here.
///
/// # Errors
/// System errors with syscall `symlink`, path = target and dest = path:
/// `EEXIST: file already exists, symlink 'target' -> 'path'`.
///
/// # Examples
/// ```
/// let err = node_fs::symlink_sync("x", "/").unwrap_err();
/// assert_eq!(err.message(), "EEXIST: file already exists, symlink 'x' -> '/'");
/// ```
#[doc(alias = "symlinkSync")]
pub fn symlink_sync(target: impl AsRef<Path>, path: impl AsRef<Path>) -> Result<()> {
    symlink_core(target.as_ref(), path.as_ref())
}

/// [`symlink_sync`] in one blocking-pool hop.
///
/// Mirrors [`fs.symlink(target, path, callback)`](https://nodejs.org/api/fs.html#fssymlinktarget-path-type-callback).
///
/// # Errors
/// As [`symlink_sync`].
///
/// # Examples
/// ```
/// # #[tokio::main(flavor = "current_thread")] async fn main() {
/// let dir = tempfile::tempdir().unwrap();
/// node_fs::symlink("target", dir.path().join("l")).await.unwrap();
/// assert_eq!(node_fs::readlink(dir.path().join("l")).await.unwrap(), std::path::Path::new("target"));
/// # }
/// ```
pub async fn symlink(target: impl AsRef<Path>, path: impl AsRef<Path>) -> Result<()> {
    let (a, b) = (target.as_ref().to_owned(), path.as_ref().to_owned());
    hop(move || symlink_core(&a, &b)).await
}

fn readlink_core(path: &Path) -> Result<PathBuf> {
    check_path(path, "path")?;
    std::fs::read_link(path).map_err(|e| sys(&e, "readlink", path))
}

/// Reads the target of a symbolic link.
///
/// Mirrors [`fs.readlinkSync(path)`](https://nodejs.org/api/fs.html#fsreadlinksyncpath-options).
///
/// # Errors
/// System errors with syscall `readlink`: `EINVAL: invalid argument, readlink 'f'` for a
/// non-link, `ENOENT`.
///
/// # Examples
/// ```
/// assert_eq!(node_fs::readlink_sync("/").unwrap_err().code(), "EINVAL");
/// ```
#[doc(alias = "readlinkSync")]
pub fn readlink_sync(path: impl AsRef<Path>) -> Result<PathBuf> {
    readlink_core(path.as_ref())
}

/// [`readlink_sync`] in one blocking-pool hop.
///
/// Mirrors [`fs.readlink(path, callback)`](https://nodejs.org/api/fs.html#fsreadlinkpath-options-callback).
///
/// # Errors
/// As [`readlink_sync`].
///
/// # Examples
/// ```
/// # #[tokio::main(flavor = "current_thread")] async fn main() {
/// assert_eq!(node_fs::readlink("/nope").await.unwrap_err().code(), "ENOENT");
/// # }
/// ```
pub async fn readlink(path: impl AsRef<Path>) -> Result<PathBuf> {
    let path = path.as_ref().to_owned();
    hop(move || readlink_core(&path)).await
}
