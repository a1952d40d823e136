//! `readdir`: list a directory, optionally with types and recursively.

use std::collections::VecDeque;
use std::os::unix::ffi::OsStrExt;
use std::path::{Path, PathBuf};

use crate::blocking::hop;
use crate::dirent::Dirent;
use crate::errors::{check_path, sys, Result};

/// Options of [`readdir`]: Node's `{ recursive }` (`withFileTypes` is
/// [`readdir_with_file_types`]).
///
/// # Examples
/// ```
/// let opts = node_fs::ReaddirOptions { recursive: true };
/// assert!(node_fs::readdir_sync("/proc/self/fdinfo", opts).is_ok());
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ReaddirOptions {
    /// Also list the contents of subdirectories (breadth first, as Node 20).
    pub recursive: bool,
}

/// One directory listed as libuv's `scandir` lists it: sorted by bytes, without `.`/`..`.
fn scan(dir: &Path) -> Result<Vec<(Vec<u8>, Option<std::fs::FileType>)>> {
    let mut out = Vec::new();
    let iter = std::fs::read_dir(dir).map_err(|e| sys(&e, "scandir", dir))?;
    for entry in iter {
        let entry = entry.map_err(|e| sys(&e, "scandir", dir))?;
        let name = entry.file_name().as_bytes().to_vec();
        out.push((name, entry.file_type().ok()));
    }
    out.sort_unstable_by(|a, b| a.0.cmp(&b.0));
    Ok(out)
}

fn name_of(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// Node 20's `readdirSyncRecursive`: the root, then each subdirectory in the order found.
fn walk(
    root: &Path,
    recursive: bool,
    mut visit: impl FnMut(&Path, &str, &Path, Option<std::fs::FileType>),
) -> Result<()> {
    let mut queue: VecDeque<(PathBuf, String)> = VecDeque::new();
    queue.push_back((root.to_owned(), String::new()));
    while let Some((dir, prefix)) = queue.pop_front() {
        for (name, ft) in scan(&dir)? {
            let name = name_of(&name);
            let rel = if prefix.is_empty() {
                name.clone()
            } else {
                format!("{prefix}/{name}")
            };
            visit(&dir, &rel, Path::new(&name), ft);
            if recursive && ft.is_some_and(|t| t.is_dir()) {
                queue.push_back((dir.join(&name), rel));
            }
        }
    }
    Ok(())
}

pub(crate) fn readdir_names(path: &Path, recursive: bool) -> Result<Vec<String>> {
    check_path(path, "path")?;
    let mut names = Vec::new();
    walk(path, recursive, |_, rel, _, _| names.push(rel.to_owned()))?;
    Ok(names)
}

pub(crate) fn readdir_dirents(path: &Path, recursive: bool) -> Result<Vec<Dirent>> {
    check_path(path, "path")?;
    let mut out = Vec::new();
    walk(path, recursive, |dir, _, name, ft| {
        out.push(Dirent::new(
            name.to_string_lossy().into_owned(),
            dir.to_owned(),
            ft,
        ));
    })?;
    Ok(out)
}

/// Lists the names in a directory, sorted by bytes as libuv's `scandir` sorts them.
/// With `recursive`, nested names are relative paths (`"a/b"`).
///
/// Mirrors [`fs.readdirSync(path[, options])`](https://nodejs.org/api/fs.html#fsreaddirsyncpath-options).
///
/// # Errors
/// System errors with syscall `scandir` and the directory's path
/// (`ENOTDIR: not a directory, scandir 'f'`).
///
/// # Examples
/// ```
/// let dir = tempfile::tempdir().unwrap();
/// std::fs::write(dir.path().join("b"), "").unwrap();
/// std::fs::write(dir.path().join("a"), "").unwrap();
/// assert_eq!(node_fs::readdir_sync(dir.path(), Default::default()).unwrap(), ["a", "b"]);
/// ```
#[doc(alias = "readdirSync")]
pub fn readdir_sync(path: impl AsRef<Path>, options: ReaddirOptions) -> Result<Vec<String>> {
    readdir_names(path.as_ref(), options.recursive)
}

/// [`readdir_sync`] in one blocking-pool hop.
///
/// Mirrors [`fs.readdir(path[, options], callback)`](https://nodejs.org/api/fs.html#fsreaddirpath-options-callback).
///
/// # Errors
/// As [`readdir_sync`].
///
/// # Examples
/// ```
/// # #[tokio::main(flavor = "current_thread")] async fn main() {
/// let err = node_fs::readdir("/nope", Default::default()).await.unwrap_err();
/// assert_eq!(err.message(), "ENOENT: no such file or directory, scandir '/nope'");
/// # }
/// ```
pub async fn readdir(path: impl AsRef<Path>, options: ReaddirOptions) -> Result<Vec<String>> {
    let path = path.as_ref().to_owned();
    hop(move || readdir_names(&path, options.recursive)).await
}

/// Lists a directory as [`Dirent`]s (Node's `{ withFileTypes: true }`).
///
/// Mirrors [`fs.readdirSync(path, { withFileTypes: true })`](https://nodejs.org/api/fs.html#fsreaddirsyncpath-options).
///
/// # Errors
/// As [`readdir_sync`].
///
/// # Examples
/// ```
/// let entries = node_fs::readdir_with_file_types_sync("/", Default::default()).unwrap();
/// assert!(entries.iter().any(|e| e.is_directory()));
/// ```
#[doc(alias = "withFileTypes")]
pub fn readdir_with_file_types_sync(
    path: impl AsRef<Path>,
    options: ReaddirOptions,
) -> Result<Vec<Dirent>> {
    readdir_dirents(path.as_ref(), options.recursive)
}

/// [`readdir_with_file_types_sync`] in one blocking-pool hop.
///
/// Mirrors [`fs.readdir(path, { withFileTypes: true }, callback)`](https://nodejs.org/api/fs.html#fsreaddirpath-options-callback).
///
/// # Errors
/// As [`readdir_sync`].
///
/// # Examples
/// ```
/// # #[tokio::main(flavor = "current_thread")] async fn main() {
/// let entries = node_fs::readdir_with_file_types("/", Default::default()).await.unwrap();
/// assert!(!entries.is_empty());
/// # }
/// ```
pub async fn readdir_with_file_types(
    path: impl AsRef<Path>,
    options: ReaddirOptions,
) -> Result<Vec<Dirent>> {
    let path = path.as_ref().to_owned();
    hop(move || readdir_dirents(&path, options.recursive)).await
}
