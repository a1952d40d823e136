//! `fs.createReadStream`: a file as an async stream of `Bytes` chunks.

use std::collections::VecDeque;
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
    /// Close the file at the end or on error (default `true`). With `false` a file the
    /// stream opened stays open until the stream is dropped, and a caller's `fd` is never
    /// closed.
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

/// Bytes read per blocking-pool hop (Node's `readFile` also reads 512 KiB at a time).
const BATCH_BYTES: usize = 512 * 1024;

type Batch = (Box<ReadChunks>, Vec<Bytes>, Result<bool>);

/// A file read as a stream of chunks of at most `high_water_mark` bytes. Chunks are read
/// ahead in batches of up to 512 KiB per blocking-pool hop (the first hop also opens
/// the file), and the next batch starts while the caller handles the last chunk.
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
    /// The core while no read is in flight.
    core: Option<Box<ReadChunks>>,
    task: Option<JoinHandle<Batch>>,
    queue: VecDeque<Bytes>,
    /// Where the last batch stopped: `Ok(true)` more to read, `Ok(false)` end, or an
    /// error to yield after the queued chunks.
    next: Option<Result<bool>>,
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
        auto_close: options.auto_close,
        done: false,
    };
    Ok(ReadStream {
        core: Some(Box::new(core)),
        task: None,
        queue: VecDeque::new(),
        next: Some(Ok(true)),
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

impl ReadStream {
    /// Starts the next batch on the blocking pool if the core is idle and more may follow.
    fn start_batch(&mut self) {
        if !matches!(self.next, Some(Ok(true))) {
            return;
        }
        if let Some(mut core) = self.core.take() {
            self.next = None;
            self.task = Some(tokio::task::spawn_blocking(move || {
                let (chunks, next) = core.next_batch(BATCH_BYTES);
                (core, chunks, next)
            }));
        }
    }
}

impl Stream for ReadStream {
    type Item = Result<Bytes>;

    fn poll_next(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        let this = &mut *self;
        loop {
            if let Some(chunk) = this.queue.pop_front() {
                this.bytes_read += chunk.len() as u64;
                if this.queue.is_empty() {
                    // Read ahead while the caller handles this chunk.
                    this.start_batch();
                }
                return Poll::Ready(Some(Ok(chunk)));
            }
            if let Some(task) = &mut this.task {
                let done = ready!(poll_task(task, cx));
                this.task = None;
                match done {
                    Ok((core, chunks, next)) => {
                        this.core = Some(core);
                        this.queue.extend(chunks);
                        this.next = Some(next);
                    }
                    Err(err) => this.next = Some(Err(err)),
                }
                continue;
            }
            match this.next.take() {
                Some(Ok(true)) => {
                    this.next = Some(Ok(true));
                    this.start_batch();
                }
                Some(Err(err)) => return Poll::Ready(Some(Err(err))),
                Some(Ok(false)) | None => return Poll::Ready(None),
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
