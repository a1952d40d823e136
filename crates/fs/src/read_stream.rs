//! `fs.createReadStream`: a file as an async stream of `Bytes` chunks.

use std::io;
use std::path::{Path, PathBuf};
use std::pin::Pin;
use std::task::{ready, Context, Poll};

use bytes::{Buf, Bytes};
use futures::Stream;
use tokio::io::{AsyncRead, ReadBuf};
use tokio::task::JoinHandle;

use crate::blocking::poll_task;
use crate::errors::{check_path, out_of_range, Result};
use crate::fd::Fd;
use crate::flags::OpenFlags;
use crate::stream_source::{ReadChunks, Target};

/// Options of [`create_read_stream`]: Node's `{ flags, mode, fd, start, end,
/// highWaterMark, autoClose }`.
///
/// # Examples
/// ```
/// let opts = node_fs::ReadStreamOptions { start: Some(0), end: Some(9), ..Default::default() };
/// assert_eq!(opts.high_water_mark, 64 * 1024);
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReadStreamOptions {
    /// Open flags (default `"r"`); ignored with `fd`.
    pub flags: OpenFlags,
    /// Mode if the flags create the file (default `0o666`).
    pub mode: u32,
    /// Read this descriptor instead of opening the path.
    pub fd: Option<Fd>,
    /// First byte offset to read (default: the current position).
    pub start: Option<u64>,
    /// Last byte offset to read, inclusive (default: to the end).
    pub end: Option<u64>,
    /// Largest chunk size (default 64 KiB). Zero reads one byte at a time: a Rust stream
    /// cannot yield the empty chunks Node would.
    pub high_water_mark: usize,
    /// Close the file at the end or on error (default `true`). A file the stream opened
    /// itself is also closed when the stream is dropped.
    pub auto_close: bool,
}

impl Default for ReadStreamOptions {
    fn default() -> Self {
        ReadStreamOptions {
            flags: "r".into(),
            mode: 0o666,
            fd: None,
            start: None,
            end: None,
            high_water_mark: 64 * 1024,
            auto_close: true,
        }
    }
}

#[derive(Debug)]
enum State {
    Idle(Box<ReadChunks>),
    Busy(JoinHandle<(Box<ReadChunks>, Result<Option<Bytes>>)>),
    Done,
}

/// A file read as a stream of chunks of at most `high_water_mark` bytes, one
/// blocking-pool hop per chunk (the first one also opens the file).
///
/// Mirrors [`fs.ReadStream`](https://nodejs.org/api/fs.html#class-fsreadstream). It is a
/// [`futures::Stream`] of `Result<Bytes>` and a tokio [`AsyncRead`].
///
/// # Examples
/// ```
/// # #[tokio::main(flavor = "current_thread")] async fn main() {
/// use futures::StreamExt;
/// let dir = tempfile::tempdir().unwrap();
/// let p = dir.path().join("f");
/// std::fs::write(&p, vec![7u8; 100_000]).unwrap();
/// let mut stream = node_fs::create_read_stream(&p, Default::default()).unwrap();
/// let mut sizes = Vec::new();
/// while let Some(chunk) = stream.next().await {
///     sizes.push(chunk.unwrap().len());
/// }
/// assert_eq!(sizes, [65536, 100_000 - 65536]);
/// # }
/// ```
#[derive(Debug)]
pub struct ReadStream {
    state: State,
    path: Option<PathBuf>,
    bytes_read: u64,
    leftover: Bytes,
}

/// Opens a read stream on `path` (or on `options.fd`). The file is opened by the first
/// read, so open errors arrive as the stream's first item, as Node emits them.
///
/// Mirrors [`fs.createReadStream(path[, options])`](https://nodejs.org/api/fs.html#fscreatereadstreampath-options).
///
/// # Errors
/// Returned at once: `ERR_OUT_OF_RANGE` when `start > end`
/// (`The value of "start" is out of range. It must be <= "end" (here: 2). Received 5`) or
/// an offset is above 2⁵³−1; `ERR_INVALID_ARG_VALUE` for bad flags.
///
/// # Examples
/// ```
/// let opts = node_fs::ReadStreamOptions { start: Some(5), end: Some(2), ..Default::default() };
/// assert_eq!(node_fs::create_read_stream("f", opts).unwrap_err().code(), "ERR_OUT_OF_RANGE");
/// ```
#[doc(alias = "createReadStream")]
pub fn create_read_stream(
    path: impl AsRef<Path>,
    options: ReadStreamOptions,
) -> Result<ReadStream> {
    const MAX: u64 = (1 << 53) - 1;
    for (name, value) in [("start", options.start), ("end", options.end)] {
        if let Some(v) = value.filter(|v| *v > MAX) {
            return Err(out_of_range(name, ">= 0 && <= 9007199254740991", v.into()));
        }
    }
    if let (Some(start), Some(end)) = (options.start, options.end) {
        if start > end {
            return Err(out_of_range(
                "start",
                &format!("<= \"end\" (here: {end})"),
                start.into(),
            ));
        }
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
    let core = ReadChunks {
        target,
        pos: options.start,
        end: options.end,
        high_water_mark: options.high_water_mark,
        bytes_read: 0,
        auto_close: options.auto_close || options.fd.is_none(),
        done: false,
    };
    Ok(ReadStream {
        state: State::Idle(Box::new(core)),
        path: options.fd.is_none().then(|| path.to_owned()),
        bytes_read: 0,
        leftover: Bytes::new(),
    })
}

impl ReadStream {
    /// Bytes read so far (`readStream.bytesRead`).
    ///
    /// # Examples
    /// ```
    /// let s = node_fs::create_read_stream("/dev/null", Default::default()).unwrap();
    /// assert_eq!(s.bytes_read(), 0);
    /// ```
    pub fn bytes_read(&self) -> u64 {
        self.bytes_read
    }

    /// The path being read, `None` for a stream on a descriptor (`readStream.path`).
    ///
    /// # Examples
    /// ```
    /// let s = node_fs::create_read_stream("/dev/null", Default::default()).unwrap();
    /// assert_eq!(s.path(), Some(std::path::Path::new("/dev/null")));
    /// ```
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }
}

impl Stream for ReadStream {
    type Item = Result<Bytes>;

    fn poll_next(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        loop {
            match &mut self.state {
                State::Done => return Poll::Ready(None),
                State::Idle(_) => {
                    let State::Idle(mut core) = std::mem::replace(&mut self.state, State::Done)
                    else {
                        unreachable!("matched Idle above")
                    };
                    let task = tokio::task::spawn_blocking(move || {
                        let chunk = core.next_chunk();
                        (core, chunk)
                    });
                    self.state = State::Busy(task);
                }
                State::Busy(task) => {
                    let (core, chunk) = match ready!(poll_task(task, cx)) {
                        Ok(done) => done,
                        Err(err) => {
                            self.state = State::Done;
                            return Poll::Ready(Some(Err(err)));
                        }
                    };
                    self.bytes_read = core.bytes_read;
                    return Poll::Ready(match chunk {
                        Ok(Some(bytes)) => {
                            self.state = State::Idle(core);
                            Some(Ok(bytes))
                        }
                        Ok(None) => {
                            self.state = State::Done;
                            None
                        }
                        Err(err) => {
                            self.state = State::Done;
                            Some(Err(err))
                        }
                    });
                }
            }
        }
    }
}

impl AsyncRead for ReadStream {
    fn poll_read(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<io::Result<()>> {
        if self.leftover.is_empty() {
            match ready!(self.as_mut().poll_next(cx)) {
                Some(Ok(chunk)) => self.leftover = chunk,
                Some(Err(err)) => return Poll::Ready(Err(io::Error::other(err))),
                None => return Poll::Ready(Ok(())),
            }
        }
        let n = self.leftover.len().min(buf.remaining());
        buf.put_slice(&self.leftover[..n]);
        self.leftover.advance(n);
        Poll::Ready(Ok(()))
    }
}
