//! `fs.createWriteStream`: a file as an async sink of `Bytes` chunks.

use std::io;
use std::path::{Path, PathBuf};
use std::pin::Pin;
use std::task::{ready, Context, Poll};

use bytes::Bytes;
use node_core::{ErrorClass, NodeError};
use tokio::io::AsyncWrite;
use tokio::task::JoinHandle;

use crate::blocking::poll_task;
use crate::errors::{check_path, out_of_range, Result};
use crate::fd::Fd;
use crate::flags::OpenFlags;
use crate::stream_source::{Target, WriteChunks};

/// Options of [`create_write_stream`]: Node's `{ flags, mode, fd, start, autoClose,
/// flush }`.
///
/// # Examples
/// ```
/// let opts = node_fs::WriteStreamOptions { flags: "a".into(), ..Default::default() };
/// assert_eq!(opts.mode, 0o666);
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WriteStreamOptions {
    /// Open flags (default `"w"`); ignored with `fd`.
    pub flags: OpenFlags,
    /// Mode of a created file (default `0o666`).
    pub mode: u32,
    /// Write to this descriptor instead of opening the path.
    pub fd: Option<Fd>,
    /// Byte offset of the first write (default: the current position).
    pub start: Option<u64>,
    /// Close the file at the end or on error (default `true`). With `false` a file the
    /// stream opened stays open until the stream is dropped, and a caller's `fd` is never
    /// closed.
    pub auto_close: bool,
    /// `fsync` before closing (default `false`).
    pub flush: bool,
}

impl Default for WriteStreamOptions {
    fn default() -> Self {
        WriteStreamOptions {
            flags: "w".into(),
            mode: 0o666,
            fd: None,
            start: None,
            auto_close: true,
            flush: false,
        }
    }
}

#[derive(Debug)]
enum State {
    Idle(Box<WriteChunks>),
    Writing(JoinHandle<(Box<WriteChunks>, Result<()>)>),
    Closing(JoinHandle<Result<()>>),
    Closed,
    Failed,
}

/// A file written chunk by chunk, one blocking-pool hop per chunk (the first also opens
/// the file). Writes are sequential; a write's error is reported by the next operation.
///
/// Mirrors [`fs.WriteStream`](https://nodejs.org/api/fs.html#class-fswritestream). Use
/// [`write`](WriteStream::write)/[`end`](WriteStream::end), or the
/// [`futures::Sink<Bytes>`] and tokio [`AsyncWrite`] implementations.
///
/// # Examples
/// ```
/// # #[tokio::main(flavor = "current_thread")] async fn main() -> node_fs::Result<()> {
/// let dir = tempfile::tempdir().unwrap();
/// let p = dir.path().join("out");
/// let mut ws = node_fs::create_write_stream(&p, Default::default())?;
/// ws.write("hello ").await?;
/// ws.write(b"world".to_vec()).await?;
/// ws.end().await?;
/// assert_eq!(ws.bytes_written(), 11);
/// assert_eq!(std::fs::read(&p).unwrap(), b"hello world");
/// # Ok(()) }
/// ```
#[derive(Debug)]
pub struct WriteStream {
    state: State,
    path: Option<PathBuf>,
    bytes_written: u64,
}

/// Creates a write stream on `path` (or `options.fd`). The file is opened by the first
/// write or by [`end`](WriteStream::end), so open errors arrive there.
///
/// Mirrors [`fs.createWriteStream(path[, options])`](https://nodejs.org/api/fs.html#fscreatewritestreampath-options).
///
/// # Errors
/// `ERR_INVALID_ARG_VALUE` for bad flags; `ERR_OUT_OF_RANGE` for `start` above 2⁵³−1.
///
/// # Examples
/// ```
/// let opts = node_fs::WriteStreamOptions { flags: "bogus".into(), ..Default::default() };
/// assert_eq!(node_fs::create_write_stream("x", opts).unwrap_err().code(), "ERR_INVALID_ARG_VALUE");
/// ```
#[doc(alias = "createWriteStream")]
pub fn create_write_stream(
    path: impl AsRef<Path>,
    options: WriteStreamOptions,
) -> Result<WriteStream> {
    if let Some(start) = options.start.filter(|s| *s > (1 << 53) - 1) {
        return Err(out_of_range(
            "start",
            ">= 0 && <= 9007199254740991",
            start.into(),
        ));
    }
    let path = path.as_ref();
    let flags = options.flags.to_raw()?;
    let target = match options.fd {
        Some(fd) => Target::from_fd(fd, options.auto_close)?,
        None => {
            check_path(path, "path")?;
            Target::Path {
                path: path.to_owned(),
                flags,
                mode: options.mode,
            }
        }
    };
    let core = WriteChunks {
        target,
        pos: options.start,
        bytes_written: 0,
        auto_close: options.auto_close,
        flush: options.flush,
    };
    Ok(WriteStream {
        state: State::Idle(Box::new(core)),
        path: options.fd.is_none().then(|| path.to_owned()),
        bytes_written: 0,
    })
}

fn write_after_end() -> NodeError {
    NodeError::new(
        ErrorClass::Error,
        "ERR_STREAM_WRITE_AFTER_END",
        "write after end",
    )
}

fn destroyed() -> NodeError {
    NodeError::new(
        ErrorClass::Error,
        "ERR_STREAM_DESTROYED",
        "Cannot call write after a stream was destroyed",
    )
}

impl WriteStream {
    /// Bytes written so far (`writeStream.bytesWritten`).
    ///
    /// # Examples
    /// ```
    /// let ws = node_fs::create_write_stream("/dev/null", Default::default()).unwrap();
    /// assert_eq!(ws.bytes_written(), 0);
    /// ```
    pub fn bytes_written(&self) -> u64 {
        self.bytes_written
    }

    /// The path being written, `None` for a stream on a descriptor (`writeStream.path`).
    ///
    /// # Examples
    /// ```
    /// let ws = node_fs::create_write_stream("/dev/null", Default::default()).unwrap();
    /// assert_eq!(ws.path(), Some(std::path::Path::new("/dev/null")));
    /// ```
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// Waits for the write in flight; the error of a failed write is returned once.
    fn poll_idle(&mut self, cx: &mut Context<'_>) -> Poll<Result<()>> {
        match &mut self.state {
            State::Writing(task) => {
                let done = ready!(poll_task(task, cx));
                match done {
                    Ok((core, Ok(()))) => {
                        self.bytes_written = core.bytes_written;
                        self.state = State::Idle(core);
                        Poll::Ready(Ok(()))
                    }
                    Ok((mut core, Err(err))) => {
                        self.bytes_written = core.bytes_written;
                        if core.auto_close {
                            let _ = core.target.close();
                        }
                        self.state = State::Failed;
                        Poll::Ready(Err(err))
                    }
                    Err(err) => {
                        self.state = State::Failed;
                        Poll::Ready(Err(err))
                    }
                }
            }
            State::Idle(_) => Poll::Ready(Ok(())),
            State::Closing(_) | State::Closed => Poll::Ready(Err(write_after_end())),
            State::Failed => Poll::Ready(Err(destroyed())),
        }
    }

    fn start_write(&mut self, chunk: Bytes) -> Result<()> {
        match std::mem::replace(&mut self.state, State::Failed) {
            State::Idle(mut core) => {
                self.state = State::Writing(tokio::task::spawn_blocking(move || {
                    let res = core.write_chunk(&chunk);
                    (core, res)
                }));
                Ok(())
            }
            other => {
                self.state = other;
                Err(destroyed())
            }
        }
    }

    fn poll_end(&mut self, cx: &mut Context<'_>) -> Poll<Result<()>> {
        loop {
            match &mut self.state {
                State::Writing(_) | State::Failed => ready!(self.poll_idle(cx))?,
                State::Idle(_) => {
                    let State::Idle(mut core) = std::mem::replace(&mut self.state, State::Failed)
                    else {
                        unreachable!("matched Idle above")
                    };
                    self.state = State::Closing(tokio::task::spawn_blocking(move || core.finish()));
                }
                State::Closing(task) => {
                    let res = ready!(poll_task(task, cx)).and_then(|r| r);
                    self.state = State::Closed;
                    return Poll::Ready(res);
                }
                State::Closed => return Poll::Ready(Ok(())),
            }
        }
    }

    /// Writes a chunk and waits until it is written (`writeStream.write(chunk)` plus its
    /// callback).
    ///
    /// # Errors
    /// `open`/`write` system errors; `ERR_STREAM_WRITE_AFTER_END` after
    /// [`end`](WriteStream::end); `ERR_STREAM_DESTROYED` after an error.
    ///
    /// # Examples
    /// ```
    /// # #[tokio::main(flavor = "current_thread")] async fn main() {
    /// let mut ws = node_fs::create_write_stream("/nope/x", Default::default()).unwrap();
    /// assert_eq!(ws.write("x").await.unwrap_err().code(), "ENOENT");
    /// # }
    /// ```
    pub async fn write(&mut self, chunk: impl Into<Bytes>) -> Result<()> {
        let chunk = chunk.into();
        std::future::poll_fn(|cx| self.poll_idle(cx)).await?;
        self.start_write(chunk)?;
        std::future::poll_fn(|cx| self.poll_idle(cx)).await
    }

    /// Finishes the stream: waits for pending writes, opens the file if nothing was
    /// written (Node creates it), flushes if asked and closes it (`writeStream.end()`).
    ///
    /// # Errors
    /// The error of a pending write; `open`, `fsync` or `close` errors.
    ///
    /// # Examples
    /// ```
    /// # #[tokio::main(flavor = "current_thread")] async fn main() {
    /// let dir = tempfile::tempdir().unwrap();
    /// let p = dir.path().join("empty");
    /// let mut ws = node_fs::create_write_stream(&p, Default::default()).unwrap();
    /// ws.end().await.unwrap();
    /// assert!(p.exists());
    /// # }
    /// ```
    pub async fn end(&mut self) -> Result<()> {
        std::future::poll_fn(|cx| self.poll_end(cx)).await
    }
}

impl futures::Sink<Bytes> for WriteStream {
    type Error = NodeError;

    fn poll_ready(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Result<()>> {
        self.get_mut().poll_idle(cx)
    }

    fn start_send(self: Pin<&mut Self>, item: Bytes) -> Result<()> {
        self.get_mut().start_write(item)
    }

    fn poll_flush(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Result<()>> {
        let this = self.get_mut();
        match this.state {
            State::Closed => Poll::Ready(Ok(())),
            _ => this.poll_idle(cx),
        }
    }

    fn poll_close(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Result<()>> {
        self.get_mut().poll_end(cx)
    }
}

impl AsyncWrite for WriteStream {
    fn poll_write(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<io::Result<usize>> {
        let this = self.get_mut();
        ready!(this.poll_idle(cx)).map_err(io::Error::other)?;
        this.start_write(Bytes::copy_from_slice(buf))
            .map_err(io::Error::other)?;
        Poll::Ready(Ok(buf.len()))
    }

    fn poll_flush(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        let this = self.get_mut();
        match this.state {
            State::Closed => Poll::Ready(Ok(())),
            _ => this.poll_idle(cx).map_err(io::Error::other),
        }
    }

    fn poll_shutdown(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        self.get_mut().poll_end(cx).map_err(io::Error::other)
    }
}
