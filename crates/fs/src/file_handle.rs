//! `fsPromises.FileHandle`: an owned open file with async methods.

use std::fs::File;
use std::path::Path;
use std::sync::Arc;
use std::time::SystemTime;

use bytes::Bytes;
use node_core::{ErrorClass, NodeError};

use crate::attrs::{fchmod_file, fchown_file, futimes_file};
use crate::blocking::hop;
use crate::errors::Result;
use crate::fd::{close_file, open_file, read_at, write_at, Fd};
use crate::flags::OpenFlags;
use crate::read_file::{read_to_end, write_all};
use crate::stats::{fstat_file, Stats};
use crate::sync_ops::{fdatasync_file, fsync_file, ftruncate_file};

/// An open file owned by Rust, with Node's `FileHandle` methods. Every method is one
/// blocking-pool hop. Dropping it closes the file (Node closes on GC with a warning).
///
/// Mirrors [`FileHandle`](https://nodejs.org/api/fs.html#class-filehandle) of
/// `fs/promises`.
///
/// # Examples
/// ```
/// # #[tokio::main(flavor = "current_thread")] async fn main() -> node_fs::Result<()> {
/// let dir = tempfile::tempdir().unwrap();
/// let mut fh = node_fs::FileHandle::open(dir.path().join("f"), "w+", 0o666).await?;
/// fh.write_file("hello").await?;
/// let (n, buf) = fh.read(vec![0; 5], 0, 5, Some(0)).await?;
/// assert_eq!(&buf[..n], b"hello");
/// assert_eq!(fh.stat().await?.size, 5);
/// fh.close().await?;
/// assert_eq!(fh.stat().await.unwrap_err().code(), "EBADF");
/// # Ok(()) }
/// ```
#[derive(Debug)]
pub struct FileHandle {
    file: Option<Arc<File>>,
}

/// Node's error for a method called on a closed handle (`code: 'EBADF'`,
/// message `file closed`).
fn file_closed() -> NodeError {
    NodeError::new(ErrorClass::Error, "EBADF", "file closed")
}

impl FileHandle {
    /// Opens a file (`fsPromises.open(path, flags, mode)`).
    ///
    /// # Errors
    /// As [`open_sync`](crate::open_sync).
    ///
    /// # Examples
    /// ```
    /// # #[tokio::main(flavor = "current_thread")] async fn main() {
    /// let err = node_fs::FileHandle::open("/nope", "r", 0o666).await.unwrap_err();
    /// assert_eq!(err.message(), "ENOENT: no such file or directory, open '/nope'");
    /// # }
    /// ```
    #[doc(alias = "fsPromises.open")]
    pub async fn open(
        path: impl AsRef<Path>,
        flags: impl Into<OpenFlags>,
        mode: u32,
    ) -> Result<FileHandle> {
        let path = path.as_ref().to_owned();
        let flags = flags.into().to_raw()?;
        let file = hop(move || open_file(&path, flags, mode)).await?;
        Ok(FileHandle::from(file))
    }

    /// The descriptor (`filehandle.fd`), `-1` once closed.
    ///
    /// # Examples
    /// ```
    /// let fh = node_fs::FileHandle::from(std::fs::File::open("/dev/null").unwrap());
    /// assert!(fh.fd() >= 0);
    /// ```
    pub fn fd(&self) -> Fd {
        use std::os::fd::AsRawFd;
        self.file.as_ref().map_or(-1, |f| f.as_raw_fd())
    }

    fn file(&self) -> Result<Arc<File>> {
        self.file.clone().ok_or_else(file_closed)
    }

    async fn run<T: Send + 'static>(
        &self,
        f: impl FnOnce(&File) -> Result<T> + Send + 'static,
    ) -> Result<T> {
        let file = self.file()?;
        hop(move || f(&file)).await
    }

    /// Reads into `buf[offset..offset + length]` at `position` (or the current position)
    /// and returns the byte count with the buffer (`filehandle.read`).
    ///
    /// # Errors
    /// `ERR_OUT_OF_RANGE` for a range past `buf`; `read` system errors; `EBADF` once
    /// closed.
    ///
    /// # Examples
    /// ```
    /// # #[tokio::main(flavor = "current_thread")] async fn main() {
    /// let fh = node_fs::FileHandle::open("/dev/zero", "r", 0).await.unwrap();
    /// assert_eq!(fh.read(vec![1; 4], 0, 4, None).await.unwrap().1, [0; 4]);
    /// # }
    /// ```
    pub async fn read(
        &self,
        mut buf: Vec<u8>,
        offset: usize,
        length: usize,
        position: Option<u64>,
    ) -> Result<(usize, Vec<u8>)> {
        if offset.checked_add(length).is_none_or(|end| end > buf.len()) {
            return Err(crate::errors::out_of_range(
                "length",
                &format!("<= {}", buf.len() as i128 - offset as i128),
                length as i128,
            ));
        }
        self.run(move |f| {
            let n = read_at(f, &mut buf[offset..offset + length], position)?;
            Ok((n, buf))
        })
        .await
    }

    /// Writes all of `data` at `position` (or the current position) and returns the byte
    /// count (`filehandle.write(buffer)`).
    ///
    /// # Errors
    /// `write` system errors; `EBADF` once closed.
    ///
    /// # Examples
    /// ```
    /// # #[tokio::main(flavor = "current_thread")] async fn main() {
    /// let fh = node_fs::FileHandle::open("/dev/null", "w", 0).await.unwrap();
    /// assert_eq!(fh.write("abc", None).await.unwrap(), 3);
    /// # }
    /// ```
    pub async fn write(&self, data: impl Into<Bytes>, position: Option<u64>) -> Result<usize> {
        let data = data.into();
        self.run(move |f| write_at(f, &data, position)).await
    }

    /// Reads from the current position to the end (`filehandle.readFile()`).
    ///
    /// # Errors
    /// `read`/`fstat` system errors; `EBADF` once closed.
    ///
    /// # Examples
    /// ```
    /// # #[tokio::main(flavor = "current_thread")] async fn main() {
    /// let fh = node_fs::FileHandle::open("/dev/null", "r", 0).await.unwrap();
    /// assert!(fh.read_file().await.unwrap().is_empty());
    /// # }
    /// ```
    #[doc(alias = "readFile")]
    pub async fn read_file(&self) -> Result<Vec<u8>> {
        self.run(read_to_end).await
    }

    /// Writes all of `data` at the current position (`filehandle.writeFile()`; the file
    /// is not truncated first, as in Node).
    ///
    /// # Errors
    /// `write` system errors; `EBADF` once closed.
    ///
    /// # Examples
    /// ```
    /// # #[tokio::main(flavor = "current_thread")] async fn main() {
    /// let fh = node_fs::FileHandle::open("/dev/null", "w", 0).await.unwrap();
    /// fh.write_file(vec![1, 2, 3]).await.unwrap();
    /// # }
    /// ```
    #[doc(alias = "writeFile")]
    pub async fn write_file(&self, data: impl Into<Bytes>) -> Result<()> {
        let data = data.into();
        self.run(move |f| write_all(f, &data)).await
    }

    /// Appends `data` (`filehandle.appendFile()`; position follows the open flags).
    ///
    /// # Errors
    /// As [`write_file`](FileHandle::write_file).
    ///
    /// # Examples
    /// ```
    /// # #[tokio::main(flavor = "current_thread")] async fn main() {
    /// let fh = node_fs::FileHandle::open("/dev/null", "a", 0).await.unwrap();
    /// fh.append_file("x").await.unwrap();
    /// # }
    /// ```
    #[doc(alias = "appendFile")]
    pub async fn append_file(&self, data: impl Into<Bytes>) -> Result<()> {
        self.write_file(data).await
    }

    /// Returns the file's [`Stats`] (`filehandle.stat()`).
    ///
    /// # Errors
    /// `fstat` system errors; `EBADF` once closed.
    ///
    /// # Examples
    /// ```
    /// # #[tokio::main(flavor = "current_thread")] async fn main() {
    /// let fh = node_fs::FileHandle::open("/dev/null", "r", 0).await.unwrap();
    /// assert!(fh.stat().await.unwrap().is_character_device());
    /// # }
    /// ```
    pub async fn stat(&self) -> Result<Stats> {
        self.run(fstat_file).await
    }

    /// Truncates the file to `len` bytes (`filehandle.truncate(len)`).
    ///
    /// # Errors
    /// `ftruncate` system errors; `EBADF` once closed.
    ///
    /// # Examples
    /// ```
    /// # #[tokio::main(flavor = "current_thread")] async fn main() {
    /// let dir = tempfile::tempdir().unwrap();
    /// let fh = node_fs::FileHandle::open(dir.path().join("f"), "w", 0o666).await.unwrap();
    /// fh.truncate(10).await.unwrap();
    /// assert_eq!(fh.stat().await.unwrap().size, 10);
    /// # }
    /// ```
    pub async fn truncate(&self, len: u64) -> Result<()> {
        self.run(move |f| ftruncate_file(f, len)).await
    }

    /// Flushes data and metadata to storage (`filehandle.sync()`).
    ///
    /// # Errors
    /// `fsync` system errors; `EBADF` once closed.
    ///
    /// # Examples
    /// ```
    /// # #[tokio::main(flavor = "current_thread")] async fn main() {
    /// let dir = tempfile::tempdir().unwrap();
    /// let fh = node_fs::FileHandle::open(dir.path().join("f"), "w", 0o666).await.unwrap();
    /// fh.sync().await.unwrap();
    /// # }
    /// ```
    pub async fn sync(&self) -> Result<()> {
        self.run(fsync_file).await
    }

    /// Flushes data to storage (`filehandle.datasync()`).
    ///
    /// # Errors
    /// `fdatasync` system errors; `EBADF` once closed.
    ///
    /// # Examples
    /// ```
    /// # #[tokio::main(flavor = "current_thread")] async fn main() {
    /// let dir = tempfile::tempdir().unwrap();
    /// let fh = node_fs::FileHandle::open(dir.path().join("f"), "w", 0o666).await.unwrap();
    /// fh.datasync().await.unwrap();
    /// # }
    /// ```
    pub async fn datasync(&self) -> Result<()> {
        self.run(fdatasync_file).await
    }

    /// Changes the permission bits (`filehandle.chmod(mode)`).
    ///
    /// # Errors
    /// `fchmod` system errors; `EBADF` once closed.
    ///
    /// # Examples
    /// ```
    /// # #[tokio::main(flavor = "current_thread")] async fn main() {
    /// let dir = tempfile::tempdir().unwrap();
    /// let fh = node_fs::FileHandle::open(dir.path().join("f"), "w", 0o666).await.unwrap();
    /// fh.chmod(0o600).await.unwrap();
    /// assert_eq!(fh.stat().await.unwrap().mode & 0o777, 0o600);
    /// # }
    /// ```
    pub async fn chmod(&self, mode: u32) -> Result<()> {
        self.run(move |f| fchmod_file(f, mode)).await
    }

    /// Changes owner and group (`filehandle.chown(uid, gid)`).
    ///
    /// # Errors
    /// `fchown` system errors; `EBADF` once closed.
    ///
    /// # Examples
    /// ```
    /// # #[tokio::main(flavor = "current_thread")] async fn main() {
    /// let dir = tempfile::tempdir().unwrap();
    /// let fh = node_fs::FileHandle::open(dir.path().join("f"), "w", 0o666).await.unwrap();
    /// let st = fh.stat().await.unwrap();
    /// fh.chown(st.uid, st.gid).await.unwrap();
    /// # }
    /// ```
    pub async fn chown(&self, uid: u32, gid: u32) -> Result<()> {
        self.run(move |f| fchown_file(f, uid, gid)).await
    }

    /// Sets access and modification times (`filehandle.utimes(atime, mtime)`).
    ///
    /// # Errors
    /// `futime` system errors; `EBADF` once closed.
    ///
    /// # Examples
    /// ```
    /// # #[tokio::main(flavor = "current_thread")] async fn main() {
    /// let dir = tempfile::tempdir().unwrap();
    /// let fh = node_fs::FileHandle::open(dir.path().join("f"), "w", 0o666).await.unwrap();
    /// let t = std::time::UNIX_EPOCH + std::time::Duration::from_secs(1);
    /// fh.utimes(t, t).await.unwrap();
    /// assert_eq!(fh.stat().await.unwrap().mtime_ms, 1000.0);
    /// # }
    /// ```
    pub async fn utimes(&self, atime: SystemTime, mtime: SystemTime) -> Result<()> {
        self.run(move |f| futimes_file(f, atime, mtime)).await
    }

    /// Closes the file (`filehandle.close()`); later calls fail with `EBADF`.
    ///
    /// # Errors
    /// `close` system errors; `EBADF` (`file closed`) if already closed.
    ///
    /// # Examples
    /// ```
    /// # #[tokio::main(flavor = "current_thread")] async fn main() {
    /// let mut fh = node_fs::FileHandle::open("/dev/null", "r", 0).await.unwrap();
    /// fh.close().await.unwrap();
    /// assert_eq!(fh.fd(), -1);
    /// # }
    /// ```
    pub async fn close(&mut self) -> Result<()> {
        let file = self.file.take().ok_or_else(file_closed)?;
        match Arc::try_unwrap(file) {
            Ok(file) => hop(move || close_file(file)).await,
            // An abandoned operation still holds the file: it closes when that ends.
            Err(_) => Ok(()),
        }
    }
}

impl From<File> for FileHandle {
    fn from(file: File) -> Self {
        FileHandle {
            file: Some(Arc::new(file)),
        }
    }
}
