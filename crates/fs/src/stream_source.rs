//! The blocking cores of `ReadStream` and `WriteStream`: they own the file and produce
//! or consume one chunk per call, with no async in sight, so the same code can back the
//! tokio adapters here and node-streams' `Source`/`Sink` later.

use std::fs::File;
use std::path::PathBuf;

use bytes::Bytes;
use node_core::NodeError;

use crate::errors::Result;
use crate::fd::{adopt_fd, close_file, open_file, read_into_spare, with_fd, write_at, Fd};

/// Where a stream's file comes from.
#[derive(Debug)]
pub(crate) enum Target {
    /// Opened on the first call, closed at the end (Node's `path` + `flags` + `mode`).
    Path {
        path: PathBuf,
        flags: i32,
        mode: u32,
    },
    /// A descriptor the stream now owns (`fd` with `autoClose: true`).
    Owned(File),
    /// A descriptor the caller keeps (`fd` with `autoClose: false`).
    Borrowed(Fd),
    /// Closed.
    Closed,
}

impl Target {
    pub(crate) fn from_fd(fd: Fd, auto_close: bool) -> Result<Target> {
        if auto_close {
            adopt_fd(fd).map(Target::Owned)
        } else {
            with_fd(fd, |_| ())?;
            Ok(Target::Borrowed(fd))
        }
    }

    fn ensure_open(&mut self) -> Result<()> {
        if let Target::Path { path, flags, mode } = self {
            let file = open_file(path, *flags, *mode)?;
            *self = Target::Owned(file);
        }
        Ok(())
    }

    fn with_file<T>(&mut self, f: impl FnOnce(&File) -> Result<T>) -> Result<T> {
        self.ensure_open()?;
        match self {
            Target::Owned(file) => f(file),
            Target::Borrowed(fd) => with_fd(*fd, f)?,
            Target::Closed | Target::Path { .. } => Err(NodeError::from_errno(libc::EBADF, "read")),
        }
    }

    /// Closes an owned file (`autoClose`); a borrowed descriptor is left open.
    pub(crate) fn close(&mut self) -> Result<()> {
        match std::mem::replace(self, Target::Closed) {
            Target::Owned(file) => close_file(file),
            _ => Ok(()),
        }
    }
}

/// The chunk producer behind [`ReadStream`](crate::ReadStream): Node's
/// `ReadStream.prototype._read` (lib/internal/fs/streams.js).
#[derive(Debug)]
pub(crate) struct ReadChunks {
    pub(crate) target: Target,
    /// Next read position; `None` reads at the descriptor's current position.
    pub(crate) pos: Option<u64>,
    /// Inclusive end offset.
    pub(crate) end: Option<u64>,
    pub(crate) high_water_mark: usize,
    pub(crate) bytes_read: u64,
    pub(crate) auto_close: bool,
    pub(crate) done: bool,
}

impl ReadChunks {
    /// Opens the file if needed and reads the next chunk; `None` at the end, after which
    /// the file is closed when `auto_close`.
    pub(crate) fn next_chunk(&mut self) -> Result<Option<Bytes>> {
        if self.done {
            return Ok(None);
        }
        let result = self.read_once();
        match &result {
            Ok(Some(_)) => {}
            Ok(None) | Err(_) => {
                self.done = true;
                if self.auto_close {
                    let closed = self.target.close();
                    if result.is_ok() {
                        closed?;
                    }
                }
            }
        }
        result
    }

    /// Reads chunks until `max_bytes` are buffered, the end, or an error: one
    /// blocking-pool hop then serves several `high_water_mark` chunks. Returns the chunks
    /// and what ended the batch (`Ok(true)`: more may follow).
    pub(crate) fn next_batch(&mut self, max_bytes: usize) -> (Vec<Bytes>, Result<bool>) {
        let mut chunks = Vec::new();
        let mut total = 0;
        loop {
            match self.next_chunk() {
                Ok(Some(chunk)) => {
                    total += chunk.len();
                    let short = chunk.len() < self.high_water_mark.max(1);
                    chunks.push(chunk);
                    // A short read is usually the end (or a pipe); let the next hop tell.
                    if total >= max_bytes || short {
                        return (chunks, Ok(true));
                    }
                }
                Ok(None) => return (chunks, Ok(false)),
                Err(err) => return (chunks, Err(err)),
            }
        }
    }

    fn read_once(&mut self) -> Result<Option<Bytes>> {
        let mut n = self.high_water_mark.max(1) as u64;
        if let Some(end) = self.end {
            let at = self.pos.unwrap_or(self.bytes_read);
            match (end + 1).checked_sub(at) {
                Some(left) if left > 0 => n = n.min(left),
                _ => {
                    // Node still opens the file before ending an empty range.
                    self.target.with_file(|_| Ok(()))?;
                    return Ok(None);
                }
            }
        }
        let n = n as usize;
        let pos = self.pos;
        let mut buf = Vec::new();
        let got = self.target.with_file(|f| {
            read_into_spare(f, &mut buf, n, pos).map_err(|e| NodeError::from_io(&e, "read"))
        })?;
        if got == 0 {
            return Ok(None);
        }
        if let Some(p) = &mut self.pos {
            *p += got as u64;
        }
        self.bytes_read += got as u64;
        Ok(Some(Bytes::from(buf)))
    }
}

/// The chunk consumer behind [`WriteStream`](crate::WriteStream): Node's
/// `WriteStream.prototype._write`.
#[derive(Debug)]
pub(crate) struct WriteChunks {
    pub(crate) target: Target,
    pub(crate) pos: Option<u64>,
    pub(crate) bytes_written: u64,
    pub(crate) auto_close: bool,
    pub(crate) flush: bool,
}

impl WriteChunks {
    /// Opens the file if needed and writes all of `data`.
    pub(crate) fn write_chunk(&mut self, data: &[u8]) -> Result<()> {
        let mut rest = data;
        while !rest.is_empty() {
            let pos = self.pos;
            let n = self.target.with_file(|f| write_at(f, rest, pos))?;
            if n == 0 {
                return Err(NodeError::from_errno(libc::EIO, "write"));
            }
            rest = &rest[n..];
            self.bytes_written += n as u64;
            if let Some(p) = &mut self.pos {
                *p += n as u64;
            }
        }
        Ok(())
    }

    /// Opens the file if nothing was written (Node creates it on `end()`), flushes when
    /// asked, and closes it when `auto_close`.
    pub(crate) fn finish(&mut self) -> Result<()> {
        let flush = self.flush;
        self.target.with_file(|f| {
            if flush {
                f.sync_all().map_err(|e| NodeError::from_io(&e, "fsync"))?;
            }
            Ok(())
        })?;
        if self.auto_close {
            self.target.close()?;
        }
        Ok(())
    }
}
