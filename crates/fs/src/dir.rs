//! `fs.opendir` and `fs.Dir`: a directory read entry by entry.

use std::collections::VecDeque;
use std::fs::ReadDir;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, MutexGuard};

use node_core::{ErrorClass, NodeError};

use crate::blocking::hop;
use crate::dirent::Dirent;
use crate::errors::{check_path, out_of_range, Result};

/// Options of [`opendir`]: Node's `{ bufferSize, recursive }`.
///
/// # Examples
/// ```
/// let opts = node_fs::OpendirOptions { buffer_size: 64, ..Default::default() };
/// assert!(node_fs::opendir_sync("/", opts).is_ok());
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OpendirOptions {
    /// Entries read per blocking-pool hop by [`Dir::read`] (1 ..= 4294967295, default 32).
    pub buffer_size: u64,
    /// Node 20's recursive `Dir`; not supported yet (`ERR_NOT_IMPLEMENTED`).
    pub recursive: bool,
}

impl Default for OpendirOptions {
    fn default() -> Self {
        OpendirOptions {
            buffer_size: 32,
            recursive: false,
        }
    }
}

#[derive(Debug)]
struct State {
    iter: Option<ReadDir>,
    buffered: VecDeque<Dirent>,
}

/// An open directory stream.
///
/// Mirrors [`fs.Dir`](https://nodejs.org/api/fs.html#class-fsdir). Entries come in the
/// order the file system returns them (unsorted, unlike [`readdir_sync`](crate::readdir_sync)).
/// The handle closes when dropped.
///
/// # Examples
/// ```
/// let dir = tempfile::tempdir().unwrap();
/// std::fs::write(dir.path().join("a"), "").unwrap();
/// let d = node_fs::opendir_sync(dir.path(), Default::default()).unwrap();
/// assert_eq!(d.read_sync().unwrap().unwrap().name, "a");
/// assert!(d.read_sync().unwrap().is_none());
/// d.close_sync().unwrap();
/// assert_eq!(d.close_sync().unwrap_err().code(), "ERR_DIR_CLOSED");
/// ```
#[derive(Debug)]
pub struct Dir {
    path: PathBuf,
    buffer_size: usize,
    state: Arc<Mutex<State>>,
}

fn dir_closed() -> NodeError {
    NodeError::new(
        ErrorClass::Error,
        "ERR_DIR_CLOSED",
        "Directory handle was closed",
    )
}

fn lock(state: &Mutex<State>) -> MutexGuard<'_, State> {
    state.lock().unwrap_or_else(|p| p.into_inner())
}

/// Reads up to `max` entries into the buffer; `Ok(false)` at the end.
fn fill(state: &mut State, parent: &Path, max: usize) -> Result<()> {
    let iter = state.iter.as_mut().ok_or_else(dir_closed)?;
    for _ in 0..max {
        match iter.next() {
            None => break,
            Some(Err(e)) => return Err(NodeError::from_io(&e, "scandir")),
            Some(Ok(entry)) => state.buffered.push_back(Dirent::new(
                entry.file_name().to_string_lossy().into_owned(),
                parent.to_owned(),
                entry.file_type().ok(),
            )),
        }
    }
    Ok(())
}

fn open_dir(path: &Path, options: &OpendirOptions) -> Result<Dir> {
    check_path(path, "path")?;
    if options.buffer_size == 0 || options.buffer_size > u64::from(u32::MAX) {
        return Err(out_of_range(
            "options.bufferSize",
            ">= 1 && <= 4294967295",
            options.buffer_size.into(),
        ));
    }
    if options.recursive {
        return Err(NodeError::not_implemented(
            "fs.opendir with recursive: true",
        ));
    }
    // Node reports opendir errors without the path.
    let iter = std::fs::read_dir(path).map_err(|e| NodeError::from_io(&e, "opendir"))?;
    Ok(Dir {
        path: path.to_owned(),
        buffer_size: usize::try_from(options.buffer_size).unwrap_or(usize::MAX),
        state: Arc::new(Mutex::new(State {
            iter: Some(iter),
            buffered: VecDeque::new(),
        })),
    })
}

/// Opens a directory for reading entry by entry.
///
/// Mirrors [`fs.opendirSync(path[, options])`](https://nodejs.org/api/fs.html#fsopendirsyncpath-options).
///
/// # Errors
/// System errors with syscall `opendir` and, as in Node, no path
/// (`ENOENT: no such file or directory, opendir`); `ERR_OUT_OF_RANGE` for a bad
/// `buffer_size`; `ERR_NOT_IMPLEMENTED` for `recursive`.
///
/// # Examples
/// ```
/// let err = node_fs::opendir_sync("/nope", Default::default()).unwrap_err();
/// assert_eq!(err.message(), "ENOENT: no such file or directory, opendir");
/// ```
#[doc(alias = "opendirSync")]
pub fn opendir_sync(path: impl AsRef<Path>, options: OpendirOptions) -> Result<Dir> {
    open_dir(path.as_ref(), &options)
}

/// [`opendir_sync`] on the blocking pool.
///
/// Mirrors [`fs.opendir(path[, options], callback)`](https://nodejs.org/api/fs.html#fsopendirpath-options-callback).
///
/// # Errors
/// As [`opendir_sync`].
///
/// # Examples
/// ```
/// # #[tokio::main(flavor = "current_thread")] async fn main() {
/// let d = node_fs::opendir("/", Default::default()).await.unwrap();
/// assert!(d.read().await.unwrap().is_some());
/// d.close().await.unwrap();
/// # }
/// ```
pub async fn opendir(path: impl AsRef<Path>, options: OpendirOptions) -> Result<Dir> {
    let path = path.as_ref().to_owned();
    hop(move || open_dir(&path, &options)).await
}

impl Dir {
    /// The path this directory was opened with (`dir.path`).
    ///
    /// # Examples
    /// ```
    /// let d = node_fs::opendir_sync("/", Default::default()).unwrap();
    /// assert_eq!(d.path(), std::path::Path::new("/"));
    /// ```
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Reads the next entry, or `None` at the end (`dir.readSync()`).
    ///
    /// # Errors
    /// `ERR_DIR_CLOSED` after [`close_sync`](Dir::close_sync); system errors with syscall
    /// `scandir`.
    ///
    /// # Examples
    /// ```
    /// let d = node_fs::opendir_sync("/", Default::default()).unwrap();
    /// assert!(d.read_sync().unwrap().is_some());
    /// ```
    #[doc(alias = "readSync")]
    pub fn read_sync(&self) -> Result<Option<Dirent>> {
        let mut state = lock(&self.state);
        if state.buffered.is_empty() {
            fill(&mut state, &self.path, 1)?;
        }
        Ok(state.buffered.pop_front())
    }

    /// Reads the next entry, reading `buffer_size` entries per blocking-pool hop
    /// (`dir.read()`).
    ///
    /// # Errors
    /// As [`read_sync`](Dir::read_sync).
    ///
    /// # Examples
    /// ```
    /// # #[tokio::main(flavor = "current_thread")] async fn main() {
    /// let d = node_fs::opendir("/", Default::default()).await.unwrap();
    /// while let Some(entry) = d.read().await.unwrap() {
    ///     assert!(!entry.name.is_empty());
    /// }
    /// # }
    /// ```
    pub async fn read(&self) -> Result<Option<Dirent>> {
        {
            let mut state = lock(&self.state);
            if state.iter.is_none() {
                return Err(dir_closed());
            }
            if let Some(entry) = state.buffered.pop_front() {
                return Ok(Some(entry));
            }
        }
        let state = self.state.clone();
        let path = self.path.clone();
        let max = self.buffer_size;
        hop(move || {
            let mut state = lock(&state);
            if state.buffered.is_empty() {
                fill(&mut state, &path, max)?;
            }
            Ok(state.buffered.pop_front())
        })
        .await
    }

    /// The remaining entries as a [`futures::Stream`], closing the directory at the end
    /// (Node's `for await (const dirent of dir)`). Each batch of `buffer_size` entries is
    /// one blocking-pool hop.
    ///
    /// # Errors
    /// Yields `scandir` system errors; after an error the stream ends.
    ///
    /// # Examples
    /// ```
    /// # #[tokio::main(flavor = "current_thread")] async fn main() {
    /// use futures::StreamExt;
    /// let d = node_fs::opendir("/", Default::default()).await.unwrap();
    /// let names: Vec<_> = d.entries().map(|e| e.unwrap().name).collect().await;
    /// assert!(!names.is_empty());
    /// # }
    /// ```
    pub fn entries(self) -> impl futures::Stream<Item = Result<Dirent>> {
        futures::stream::unfold(Some(self), |dir| async move {
            let dir = dir?;
            match dir.read().await {
                Ok(Some(entry)) => Some((Ok(entry), Some(dir))),
                Ok(None) => {
                    let _ = dir.close().await;
                    None
                }
                Err(err) => Some((Err(err), None)),
            }
        })
    }

    /// Closes the directory (`dir.closeSync()`).
    ///
    /// # Errors
    /// `ERR_DIR_CLOSED` if it was already closed.
    ///
    /// # Examples
    /// ```
    /// let d = node_fs::opendir_sync("/", Default::default()).unwrap();
    /// d.close_sync().unwrap();
    /// assert_eq!(d.read_sync().unwrap_err().code(), "ERR_DIR_CLOSED");
    /// ```
    #[doc(alias = "closeSync")]
    pub fn close_sync(&self) -> Result<()> {
        let mut state = lock(&self.state);
        state.buffered.clear();
        state.iter.take().map(drop).ok_or_else(dir_closed)
    }

    /// Closes the directory on the blocking pool (`dir.close()`).
    ///
    /// # Errors
    /// As [`close_sync`](Dir::close_sync).
    ///
    /// # Examples
    /// ```
    /// # #[tokio::main(flavor = "current_thread")] async fn main() {
    /// let d = node_fs::opendir("/", Default::default()).await.unwrap();
    /// d.close().await.unwrap();
    /// assert_eq!(d.close().await.unwrap_err().code(), "ERR_DIR_CLOSED");
    /// # }
    /// ```
    pub async fn close(&self) -> Result<()> {
        let iter = {
            let mut state = lock(&self.state);
            state.buffered.clear();
            state.iter.take().ok_or_else(dir_closed)?
        };
        hop(move || {
            drop(iter);
            Ok(())
        })
        .await
    }
}
