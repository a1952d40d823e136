//! Bridges to the async ecosystem: [`Readable`] as a `futures::Stream` and tokio
//! `AsyncRead`, [`Writable`] as a `futures::Sink` and tokio `AsyncWrite`, and the other
//! way round, any `AsyncRead`/`AsyncWrite` as a [`Source`]/[`Sink`].

use std::cell::{Cell, RefCell};
use std::pin::Pin;
use std::rc::Rc;
use std::task::{Context, Poll, Waker};

use bytes::{Bytes, BytesMut};
use node_core::NodeError;
use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};

use crate::chunk::Chunk;
use crate::options::{ReadableOptions, WritableOptions};
use crate::readable::Readable;
use crate::sink::Sink;
use crate::source::Source;
use crate::writable::Writable;

fn io_err(e: &std::io::Error, syscall: &'static str) -> NodeError {
    NodeError::from_io(e, syscall)
}

/// Wakes a stored waker from an internal hook.
#[derive(Default)]
struct WakeSlot(RefCell<Option<Waker>>);

impl WakeSlot {
    fn set(&self, cx: &Context<'_>) {
        *self.0.borrow_mut() = Some(cx.waker().clone());
    }
    fn wake(&self) {
        if let Some(w) = self.0.borrow_mut().take() {
            w.wake();
        }
    }
}

/// A [`Readable`] as a `futures::Stream` of chunks (Node's async iterator), from
/// [`Readable::into_stream`]; also a tokio `AsyncRead` for byte streams.
///
/// # Examples
/// ```
/// # futures::executor::block_on(async {
/// use futures::StreamExt;
/// let chunks: Vec<_> = node_streams::Readable::from_iter(["a", "b"]).into_stream().collect().await;
/// assert_eq!(chunks.len(), 2);
/// # });
/// ```
pub struct ReadableStream {
    r: Readable,
    wake: Rc<WakeSlot>,
    hooks: Vec<u64>,
    leftover: Bytes,
    done: bool,
}

impl std::fmt::Debug for ReadableStream {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ReadableStream")
            .field("r", &self.r)
            .finish()
    }
}

impl Drop for ReadableStream {
    fn drop(&mut self) {
        for id in self.hooks.drain(..) {
            self.r.inner.unhook(id);
        }
        // Node's async iterator destroys the stream when the loop exits early.
        if !self.done {
            self.r.destroy(None);
        }
    }
}

impl Readable {
    /// This readable as a `futures::Stream` (and tokio `AsyncRead`): `for await (const
    /// chunk of readable)`.
    ///
    /// # Examples
    /// ```
    /// let s = node_streams::Readable::from_iter(["a"]).into_stream();
    /// # let _ = s;
    /// ```
    #[doc(alias = "Symbol.asyncIterator")]
    pub fn into_stream(self) -> ReadableStream {
        let wake = Rc::new(WakeSlot::default());
        let mut hooks = Vec::new();
        for name in ["readable", "end", "error", "close"] {
            let w = wake.clone();
            hooks.push(self.inner.hook(name, move |_| w.wake()));
        }
        ReadableStream {
            r: self,
            wake,
            hooks,
            leftover: Bytes::new(),
            done: false,
        }
    }

    /// A byte readable over any tokio `AsyncRead`, reading `highWaterMark`-sized chunks
    /// (Node's `fs.createReadStream` shape; pass 64 KiB as it does).
    ///
    /// # Examples
    /// ```
    /// let r = node_streams::Readable::from_async_read(&b"abc"[..], Default::default());
    /// assert!(!r.readable_object_mode());
    /// ```
    pub fn from_async_read<R: AsyncRead + Unpin + 'static>(
        reader: R,
        options: ReadableOptions,
    ) -> Self {
        Readable::with_options(AsyncReadSource { reader }, options)
    }
}

impl ReadableStream {
    fn poll_chunk(&mut self, cx: &mut Context<'_>) -> Poll<Option<Result<Chunk, NodeError>>> {
        if self.done {
            return Poll::Ready(None);
        }
        loop {
            self.wake.set(cx);
            if let Some(c) = self.r.read(None) {
                return Poll::Ready(Some(Ok(c)));
            }
            let (err, end) = {
                let st = self.r.inner.st.borrow();
                let end =
                    st.r.as_ref().is_none_or(|r| r.ended && r.length == 0) || st.life.destroyed;
                (st.life.errored.clone(), end)
            };
            if let Some(e) = err {
                self.done = true;
                return Poll::Ready(Some(Err(e)));
            }
            if end {
                self.done = true;
                // Let 'end' and 'close' run.
                self.r.inner.sched.run_pending(cx);
                return Poll::Ready(None);
            }
            if !self.r.inner.sched.run_pending(cx) {
                return Poll::Pending;
            }
        }
    }
}

impl futures::Stream for ReadableStream {
    type Item = Result<Chunk, NodeError>;
    fn poll_next(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        self.poll_chunk(cx)
    }
}

impl AsyncRead for ReadableStream {
    fn poll_read(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<std::io::Result<()>> {
        while self.leftover.is_empty() {
            match self.poll_chunk(cx) {
                Poll::Pending => return Poll::Pending,
                Poll::Ready(None) => return Poll::Ready(Ok(())),
                Poll::Ready(Some(Err(e))) => {
                    return Poll::Ready(Err(std::io::Error::other(e)));
                }
                Poll::Ready(Some(Ok(c))) => match c.into_bytes() {
                    Some(b) => self.leftover = b,
                    None => {
                        return Poll::Ready(Err(std::io::Error::other(
                            "objectMode chunk read as bytes",
                        )))
                    }
                },
            }
        }
        let n = self.leftover.len().min(buf.remaining());
        let part = self.leftover.split_to(n);
        buf.put_slice(&part);
        Poll::Ready(Ok(()))
    }
}

/// A [`Source`] over a tokio `AsyncRead`.
struct AsyncReadSource<R> {
    reader: R,
}

impl<R: AsyncRead + Unpin + 'static> Source for AsyncReadSource<R> {
    fn poll_pull(
        &mut self,
        cx: &mut Context<'_>,
        size: usize,
    ) -> Poll<Result<Option<Chunk>, NodeError>> {
        let mut buf = BytesMut::zeroed(size.max(1));
        let mut rb = ReadBuf::new(&mut buf);
        match Pin::new(&mut self.reader).poll_read(cx, &mut rb) {
            Poll::Pending => Poll::Pending,
            Poll::Ready(Err(e)) => Poll::Ready(Err(io_err(&e, "read"))),
            Poll::Ready(Ok(())) => {
                let n = rb.filled().len();
                if n == 0 {
                    return Poll::Ready(Ok(None));
                }
                buf.truncate(n);
                Poll::Ready(Ok(Some(Chunk::Bytes(buf.freeze()))))
            }
        }
    }
}

/// A [`Sink`] over a tokio `AsyncWrite`: writes each chunk fully, flushes and shuts down
/// in `_final`.
struct AsyncWriteSink<W> {
    writer: W,
    offset: usize,
}

impl<W: AsyncWrite + Unpin + 'static> AsyncWriteSink<W> {
    fn poll_all(&mut self, cx: &mut Context<'_>, data: &[u8]) -> Poll<Result<(), NodeError>> {
        while self.offset < data.len() {
            match Pin::new(&mut self.writer).poll_write(cx, &data[self.offset..]) {
                Poll::Pending => return Poll::Pending,
                Poll::Ready(Err(e)) => return Poll::Ready(Err(io_err(&e, "write"))),
                Poll::Ready(Ok(0)) => {
                    let e = std::io::Error::from(std::io::ErrorKind::WriteZero);
                    return Poll::Ready(Err(io_err(&e, "write")));
                }
                Poll::Ready(Ok(n)) => self.offset += n,
            }
        }
        self.offset = 0;
        Poll::Ready(Ok(()))
    }
}

impl<W: AsyncWrite + Unpin + 'static> Sink for AsyncWriteSink<W> {
    fn poll_write(&mut self, cx: &mut Context<'_>, chunk: &Chunk) -> Poll<Result<(), NodeError>> {
        match chunk {
            Chunk::Bytes(b) => self.poll_all(cx, b),
            Chunk::Str(s) => self.poll_all(cx, s.as_bytes()),
            Chunk::Value(_) => Poll::Ready(Err(crate::errors::invalid_chunk(true))),
        }
    }

    fn poll_final(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), NodeError>> {
        match Pin::new(&mut self.writer).poll_flush(cx) {
            Poll::Pending => return Poll::Pending,
            Poll::Ready(Err(e)) => return Poll::Ready(Err(io_err(&e, "write"))),
            Poll::Ready(Ok(())) => {}
        }
        Pin::new(&mut self.writer)
            .poll_shutdown(cx)
            .map_err(|e| io_err(&e, "shutdown"))
    }
}

/// A [`Writable`] as a `futures::Sink` of chunks and a tokio `AsyncWrite`, from
/// [`Writable::into_sink`]. Readiness follows Node's backpressure: after a `write()`
/// that returned `false`, the sink is not ready until `'drain'`.
///
/// # Examples
/// ```
/// # futures::executor::block_on(async {
/// use futures::SinkExt;
/// let w = node_streams::Writable::new(node_streams::sink_fn(|_| Ok(())));
/// let mut s = w.clone().into_sink();
/// s.send("a".into()).await.unwrap();
/// s.close().await.unwrap();
/// assert!(w.writable_finished());
/// # });
/// ```
pub struct WritableSink {
    w: Writable,
    wake: Rc<WakeSlot>,
    hooks: Vec<u64>,
    blocked: bool,
    in_flight: Rc<Cell<usize>>,
    failed: Rc<RefCell<Option<NodeError>>>,
    closing: Option<Rc<Cell<bool>>>,
}

impl std::fmt::Debug for WritableSink {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("WritableSink").field("w", &self.w).finish()
    }
}

impl Drop for WritableSink {
    fn drop(&mut self) {
        for id in self.hooks.drain(..) {
            self.w.inner.unhook(id);
        }
    }
}

impl Writable {
    /// This writable as a `futures::Sink<Chunk>` and tokio `AsyncWrite`.
    ///
    /// # Examples
    /// ```
    /// let s = node_streams::Writable::new(node_streams::sink_fn(|_| Ok(()))).into_sink();
    /// # let _ = s;
    /// ```
    pub fn into_sink(self) -> WritableSink {
        let wake = Rc::new(WakeSlot::default());
        let mut hooks = Vec::new();
        for name in ["drain", "finish", "error", "close"] {
            let w = wake.clone();
            hooks.push(self.inner.hook(name, move |_| w.wake()));
        }
        WritableSink {
            w: self,
            wake,
            hooks,
            blocked: false,
            in_flight: Rc::default(),
            failed: Rc::default(),
            closing: None,
        }
    }

    /// A byte writable over any tokio `AsyncWrite` (flushed and shut down at `end`).
    ///
    /// # Examples
    /// ```
    /// let w = node_streams::Writable::from_async_write(tokio::io::sink(), Default::default());
    /// assert!(w.write("x".into()).unwrap());
    /// ```
    pub fn from_async_write<W: AsyncWrite + Unpin + 'static>(
        writer: W,
        options: WritableOptions,
    ) -> Self {
        Writable::with_options(AsyncWriteSink { writer, offset: 0 }, options)
    }
}

impl WritableSink {
    fn check(&self) -> Result<(), NodeError> {
        if let Some(e) = self.failed.borrow().clone() {
            return Err(e);
        }
        match self.w.errored() {
            Some(e) => Err(e),
            None => Ok(()),
        }
    }

    fn send(&mut self, chunk: Chunk) -> Result<(), NodeError> {
        let (n, failed) = (self.in_flight.clone(), self.failed.clone());
        n.set(n.get() + 1);
        let wake = self.wake.clone();
        let ok = self.w.write_with(chunk, move |err| {
            n.set(n.get() - 1);
            if let Some(e) = err {
                failed.borrow_mut().get_or_insert_with(|| e.clone());
            }
            wake.wake();
        })?;
        self.blocked = !ok;
        Ok(())
    }

    fn poll_ready_inner(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), NodeError>> {
        loop {
            self.wake.set(cx);
            self.check()?;
            if self.blocked && !self.w.writable_need_drain() {
                self.blocked = false;
            }
            if !self.blocked {
                return Poll::Ready(Ok(()));
            }
            if !self.w.inner.sched.run_pending(cx) {
                return Poll::Pending;
            }
        }
    }

    fn poll_flush_inner(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), NodeError>> {
        loop {
            self.wake.set(cx);
            self.check()?;
            if self.in_flight.get() == 0 {
                return Poll::Ready(Ok(()));
            }
            if !self.w.inner.sched.run_pending(cx) {
                return Poll::Pending;
            }
        }
    }

    fn poll_close_inner(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), NodeError>> {
        let done = match &self.closing {
            Some(d) => d.clone(),
            None => {
                let d = Rc::new(Cell::new(false));
                let (d2, failed, wake) = (d.clone(), self.failed.clone(), self.wake.clone());
                self.w.inner.end_writable(Some(Box::new(move |err| {
                    if let Some(e) = err {
                        failed.borrow_mut().get_or_insert_with(|| e.clone());
                    }
                    d2.set(true);
                    wake.wake();
                })))?;
                self.closing = Some(d.clone());
                d
            }
        };
        loop {
            self.wake.set(cx);
            if done.get() {
                // Let 'close' and the other deferred events run.
                self.w.inner.sched.run_pending(cx);
                return Poll::Ready(self.check());
            }
            self.check()?;
            if !self.w.inner.sched.run_pending(cx) {
                return Poll::Pending;
            }
        }
    }
}

impl futures::Sink<Chunk> for WritableSink {
    type Error = NodeError;
    fn poll_ready(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Result<(), NodeError>> {
        self.poll_ready_inner(cx)
    }
    fn start_send(mut self: Pin<&mut Self>, item: Chunk) -> Result<(), NodeError> {
        self.send(item)
    }
    fn poll_flush(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Result<(), NodeError>> {
        self.poll_flush_inner(cx)
    }
    fn poll_close(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Result<(), NodeError>> {
        self.poll_close_inner(cx)
    }
}

fn to_io(e: NodeError) -> std::io::Error {
    std::io::Error::other(e)
}

impl AsyncWrite for WritableSink {
    fn poll_write(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<std::io::Result<usize>> {
        match self.poll_ready_inner(cx) {
            Poll::Pending => return Poll::Pending,
            Poll::Ready(Err(e)) => return Poll::Ready(Err(to_io(e))),
            Poll::Ready(Ok(())) => {}
        }
        let chunk = Chunk::Bytes(Bytes::copy_from_slice(buf));
        Poll::Ready(self.send(chunk).map(|()| buf.len()).map_err(to_io))
    }
    fn poll_flush(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<std::io::Result<()>> {
        self.poll_flush_inner(cx).map_err(to_io)
    }
    fn poll_shutdown(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<std::io::Result<()>> {
        self.poll_close_inner(cx).map_err(to_io)
    }
}
