//! `mkdir` (with Node's recursive semantics) and `mkdtemp`.

use std::io;
use std::os::unix::fs::DirBuilderExt;
use std::path::{Path, PathBuf};

use crate::blocking::hop;
use crate::errors::{check_path, nix_sys, show, sys, Result};

/// Options of [`mkdir`]: Node's `{ recursive, mode }` (defaults `false`, `0o777`).
///
/// # Examples
/// ```
/// let opts = node_fs::MkdirOptions { recursive: true, ..Default::default() };
/// assert_eq!(opts.mode, 0o777);
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MkdirOptions {
    /// Create missing parents; an existing directory is not an error.
    pub recursive: bool,
    /// Mode of created directories (before the umask).
    pub mode: u32,
}

impl Default for MkdirOptions {
    fn default() -> Self {
        MkdirOptions {
            recursive: false,
            mode: 0o777,
        }
    }
}

fn mkdir_one(path: &Path, mode: u32) -> io::Result<()> {
    std::fs::DirBuilder::new().mode(mode).create(path)
}

fn is_dir(path: &Path) -> bool {
    std::fs::metadata(path).is_ok_and(|m| m.is_dir())
}

/// Node's `MKDirpSync` (src/node_file.cc): every error names the path the caller gave,
/// and the result is the first directory created.
fn mkdirp(path: &Path, mode: u32) -> Result<Option<PathBuf>> {
    let fail = |e: &io::Error| sys(e, "mkdir", path);
    let mut pending: Vec<&Path> = Vec::new();
    let mut cur = path;
    let mut first = None;
    loop {
        match mkdir_one(cur, mode) {
            Ok(()) => {
                first = Some(cur.to_owned());
                break;
            }
            Err(e) if e.raw_os_error() == Some(libc::ENOENT) => match cur.parent() {
                Some(parent) if !parent.as_os_str().is_empty() => {
                    pending.push(cur);
                    cur = parent;
                }
                _ => return Err(fail(&e)),
            },
            Err(e) if e.raw_os_error() == Some(libc::EEXIST) => {
                if is_dir(cur) {
                    break;
                }
                let errno = if cur == path {
                    libc::EEXIST
                } else {
                    libc::ENOTDIR
                };
                return Err(fail(&io::Error::from_raw_os_error(errno)));
            }
            Err(e) => return Err(fail(&e)),
        }
    }
    while let Some(dir) = pending.pop() {
        match mkdir_one(dir, mode) {
            Ok(()) => {
                first.get_or_insert_with(|| dir.to_owned());
            }
            Err(e) if e.raw_os_error() == Some(libc::EEXIST) && is_dir(dir) => {}
            Err(e) => return Err(fail(&e)),
        }
    }
    Ok(first)
}

pub(crate) fn mkdir_core(path: &Path, options: &MkdirOptions) -> Result<Option<PathBuf>> {
    check_path(path, "path")?;
    if options.recursive {
        return mkdirp(path, options.mode);
    }
    mkdir_one(path, options.mode).map_err(|e| sys(&e, "mkdir", path))?;
    Ok(None)
}

/// Creates a directory. With `recursive`, creates missing parents and returns the first
/// directory created (`None` if it all existed), spelled from the given path as Node
/// spells it.
///
/// Mirrors [`fs.mkdirSync(path[, options])`](https://nodejs.org/api/fs.html#fsmkdirsyncpath-options).
///
/// # Errors
/// System errors with syscall `mkdir` and the given path: `EEXIST` (also for an existing
/// non-directory with `recursive`), `ENOENT` for a missing parent, `ENOTDIR` when a
/// parent is a file.
///
/// # Examples
/// ```
/// let dir = tempfile::tempdir().unwrap();
/// let opts = node_fs::MkdirOptions { recursive: true, ..Default::default() };
/// let first = node_fs::mkdir_sync(dir.path().join("a/b/c"), opts.clone()).unwrap();
/// assert_eq!(first, Some(dir.path().join("a")));
/// assert_eq!(node_fs::mkdir_sync(dir.path().join("a/b"), opts).unwrap(), None);
/// ```
#[doc(alias = "mkdirSync")]
pub fn mkdir_sync(path: impl AsRef<Path>, options: MkdirOptions) -> Result<Option<PathBuf>> {
    mkdir_core(path.as_ref(), &options)
}

/// [`mkdir_sync`] in one blocking-pool hop.
///
/// Mirrors [`fs.mkdir(path[, options], callback)`](https://nodejs.org/api/fs.html#fsmkdirpath-options-callback).
///
/// # Errors
/// As [`mkdir_sync`].
///
/// # Examples
/// ```
/// # #[tokio::main(flavor = "current_thread")] async fn main() {
/// let err = node_fs::mkdir("/", Default::default()).await.unwrap_err();
/// assert_eq!(err.message(), "EEXIST: file already exists, mkdir '/'");
/// # }
/// ```
pub async fn mkdir(path: impl AsRef<Path>, options: MkdirOptions) -> Result<Option<PathBuf>> {
    let path = path.as_ref().to_owned();
    hop(move || mkdir_core(&path, &options)).await
}

fn mkdtemp_core(prefix: &Path) -> Result<PathBuf> {
    check_path(prefix, "prefix")?;
    let template = PathBuf::from(format!("{}XXXXXX", show(prefix)));
    nix::unistd::mkdtemp(&template).map_err(|e| nix_sys(e, "mkdtemp", &template))
}

/// Creates a unique directory named `prefix` followed by six random characters.
///
/// Mirrors [`fs.mkdtempSync(prefix)`](https://nodejs.org/api/fs.html#fsmkdtempsyncprefix-options).
///
/// # Errors
/// System errors with syscall `mkdtemp` and the path `prefixXXXXXX`.
///
/// # Examples
/// ```
/// let dir = tempfile::tempdir().unwrap();
/// let made = node_fs::mkdtemp_sync(dir.path().join("t-")).unwrap();
/// assert!(made.is_dir());
/// let err = node_fs::mkdtemp_sync("/nope/x-").unwrap_err();
/// assert_eq!(err.message(), "ENOENT: no such file or directory, mkdtemp '/nope/x-XXXXXX'");
/// ```
#[doc(alias = "mkdtempSync")]
pub fn mkdtemp_sync(prefix: impl AsRef<Path>) -> Result<PathBuf> {
    mkdtemp_core(prefix.as_ref())
}

/// [`mkdtemp_sync`] in one blocking-pool hop.
///
/// Mirrors [`fs.mkdtemp(prefix, callback)`](https://nodejs.org/api/fs.html#fsmkdtempprefix-options-callback).
///
/// # Errors
/// As [`mkdtemp_sync`].
///
/// # Examples
/// ```
/// # #[tokio::main(flavor = "current_thread")] async fn main() {
/// let dir = tempfile::tempdir().unwrap();
/// assert!(node_fs::mkdtemp(dir.path().join("t-")).await.unwrap().is_dir());
/// # }
/// ```
pub async fn mkdtemp(prefix: impl AsRef<Path>) -> Result<PathBuf> {
    let prefix = prefix.as_ref().to_owned();
    hop(move || mkdtemp_core(&prefix)).await
}
