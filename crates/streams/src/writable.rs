//! [`Writable`]: Node's `stream.Writable`.

use std::fmt;
use std::rc::Rc;
use std::task::{Context, Poll};

use node_core::NodeError;

use crate::chunk::Chunk;
use crate::common::common_methods;
use crate::core::{build, Completion, Output, Shared};
use crate::options::WritableOptions;
use crate::sink::{NoSink, Sink};

/// Node's [`stream.Writable`](https://nodejs.org/api/stream.html#class-streamwritable):
/// buffered writes with highWaterMark backpressure (`write()` returns `false`, then
/// `'drain'`), `cork`/`uncork` with `_writev` batching, and `end` → `'prefinish'` →
/// `'finish'` → `'close'`.
///
/// # Examples
/// ```
/// use node_streams::{sink_fn, Writable};
/// let w = Writable::new(sink_fn(|_| Ok(())));
/// assert!(w.write("hello".into()).unwrap());
/// w.end().unwrap();
/// assert!(w.write("late".into()).is_err());
/// ```
#[derive(Clone)]
pub struct Writable {
    pub(crate) inner: Rc<Shared>,
}

impl fmt::Debug for Writable {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Writable")
            .field("length", &self.writable_length())
            .field("finished", &self.writable_finished())
            .field("destroyed", &self.destroyed())
            .finish()
    }
}

impl Writable {
    /// A byte-mode writable over `sink` (`new Writable({ write, writev, final })`).
    ///
    /// # Examples
    /// ```
    /// let w = node_streams::Writable::new(node_streams::sink_fn(|_| Ok(())));
    /// assert_eq!(w.writable_high_water_mark(), 16 * 1024);
    /// ```
    pub fn new(sink: impl Sink) -> Self {
        Self::with_options(sink, WritableOptions::default())
    }

    /// A writable with options.
    ///
    /// # Examples
    /// ```
    /// use node_streams::{sink_fn, Writable, WritableOptions};
    /// let w = Writable::with_options(sink_fn(|_| Ok(())), WritableOptions {
    ///     object_mode: true, ..Default::default()
    /// });
    /// assert_eq!(w.writable_high_water_mark(), 16);
    /// ```
    pub fn with_options(sink: impl Sink, options: WritableOptions) -> Self {
        Self::from_output(Output::Sink(Box::new(sink)), &options)
    }

    /// A writable with no `_write` (Node's `new Writable()`): writes fail with
    /// `ERR_METHOD_NOT_IMPLEMENTED`.
    ///
    /// # Examples
    /// ```
    /// let w = node_streams::Writable::unimplemented();
    /// w.write("a".into()).unwrap();
    /// assert_eq!(w.errored().unwrap().code(), "ERR_METHOD_NOT_IMPLEMENTED");
    /// ```
    pub fn unimplemented() -> Self {
        Self::new(NoSink)
    }

    fn from_output(output: Output, options: &WritableOptions) -> Self {
        Writable {
            inner: build(None, Some(options), true, None, Some(output)),
        }
    }

    /// `writable.write(chunk)`: `Ok(false)` once buffered data reaches highWaterMark (wait
    /// for `'drain'`).
    ///
    /// # Errors
    /// `ERR_STREAM_WRITE_AFTER_END` after `end()`, `ERR_STREAM_DESTROYED` after `destroy()`
    /// (the stream is also destroyed with the error, as Node does), `ERR_INVALID_ARG_TYPE`
    /// for an object chunk in byte mode.
    ///
    /// # Examples
    /// ```
    /// use node_streams::{sink_fn, Writable, WritableOptions};
    /// let w = Writable::with_options(sink_fn(|_| Ok(())), WritableOptions {
    ///     high_water_mark: Some(2), ..Default::default()
    /// });
    /// w.cork();
    /// assert!(w.write("a".into()).unwrap());
    /// assert!(!w.write("b".into()).unwrap());
    /// ```
    pub fn write(&self, chunk: Chunk) -> Result<bool, NodeError> {
        self.inner.write(chunk, None)
    }

    /// `writable.write(chunk, cb)`: `cb` runs once the chunk is written (or failed).
    ///
    /// # Errors
    /// As [`write`](Self::write); `cb` also receives the error on the next tick.
    ///
    /// # Examples
    /// ```
    /// let w = node_streams::Writable::new(node_streams::sink_fn(|_| Ok(())));
    /// w.write_with("a".into(), |err| assert!(err.is_none())).unwrap();
    /// ```
    pub fn write_with(
        &self,
        chunk: Chunk,
        cb: impl FnOnce(Option<&NodeError>) + 'static,
    ) -> Result<bool, NodeError> {
        self.inner.write(chunk, Some(Box::new(cb)))
    }

    /// `writable.end()`: no more writes; `'finish'` follows once everything is written.
    ///
    /// # Errors
    /// `ERR_STREAM_ALREADY_FINISHED` or `ERR_STREAM_DESTROYED` when it is too late.
    ///
    /// # Examples
    /// ```
    /// let w = node_streams::Writable::new(node_streams::sink_fn(|_| Ok(())));
    /// w.end().unwrap();
    /// assert!(w.writable_ended());
    /// ```
    pub fn end(&self) -> Result<(), NodeError> {
        self.inner.end_writable(None)
    }

    /// `writable.end(chunk, cb)`: writes `chunk` (if any), ends, and calls `cb` at
    /// `'finish'` (or with the error).
    ///
    /// # Errors
    /// As [`write`](Self::write) and [`end`](Self::end).
    ///
    /// # Examples
    /// ```
    /// let w = node_streams::Writable::new(node_streams::sink_fn(|_| Ok(())));
    /// w.end_with(Some("bye".into()), |err| assert!(err.is_none())).unwrap();
    /// ```
    pub fn end_with(
        &self,
        chunk: Option<Chunk>,
        cb: impl FnOnce(Option<&NodeError>) + 'static,
    ) -> Result<(), NodeError> {
        if let Some(c) = chunk {
            self.inner.write(c, None)?;
        }
        self.inner.end_writable(Some(Box::new(cb)))
    }

    /// `writable.cork()`: buffers writes until [`uncork`](Self::uncork).
    ///
    /// # Examples
    /// ```
    /// let w = node_streams::Writable::new(node_streams::sink_fn(|_| Ok(())));
    /// w.cork();
    /// assert_eq!(w.writable_corked(), 1);
    /// ```
    pub fn cork(&self) -> &Self {
        if let Some(w) = self.inner.st.borrow_mut().w.as_mut() {
            w.corked += 1;
        }
        self
    }

    /// `writable.uncork()`: flushes corked writes (as one `_writev` if the sink has it).
    ///
    /// # Examples
    /// ```
    /// let w = node_streams::Writable::new(node_streams::sink_fn(|_| Ok(())));
    /// w.cork();
    /// w.write("a".into()).unwrap();
    /// w.uncork();
    /// assert_eq!(w.writable_length(), 0);
    /// ```
    pub fn uncork(&self) -> &Self {
        self.inner.uncork();
        self
    }

    /// `writable.writableLength`: bytes (or objects) not yet written.
    ///
    /// # Examples
    /// ```
    /// assert_eq!(node_streams::Writable::new(node_streams::sink_fn(|_| Ok(()))).writable_length(), 0);
    /// ```
    pub fn writable_length(&self) -> usize {
        self.inner.st.borrow().w.as_ref().map_or(0, |w| w.length)
    }

    /// `writable.writableHighWaterMark`.
    ///
    /// # Examples
    /// ```
    /// let w = node_streams::Writable::new(node_streams::sink_fn(|_| Ok(())));
    /// assert_eq!(w.writable_high_water_mark(), 16384);
    /// ```
    pub fn writable_high_water_mark(&self) -> usize {
        self.inner.st.borrow().w.as_ref().map_or(0, |w| w.hwm)
    }

    /// `writable.writableNeedDrain`: `write()` returned `false` and `'drain'` is pending.
    ///
    /// # Examples
    /// ```
    /// assert!(!node_streams::Writable::new(node_streams::sink_fn(|_| Ok(()))).writable_need_drain());
    /// ```
    pub fn writable_need_drain(&self) -> bool {
        self.inner
            .st
            .borrow()
            .w
            .as_ref()
            .is_some_and(|w| w.need_drain)
    }

    /// `writable.writableEnded`: `end()` was called.
    ///
    /// # Examples
    /// ```
    /// assert!(!node_streams::Writable::new(node_streams::sink_fn(|_| Ok(()))).writable_ended());
    /// ```
    pub fn writable_ended(&self) -> bool {
        self.inner.st.borrow().w.as_ref().is_some_and(|w| w.ending)
    }

    /// `writable.writableFinished`: `'finish'` was emitted.
    ///
    /// # Examples
    /// ```
    /// assert!(!node_streams::Writable::new(node_streams::sink_fn(|_| Ok(()))).writable_finished());
    /// ```
    pub fn writable_finished(&self) -> bool {
        self.inner
            .st
            .borrow()
            .w
            .as_ref()
            .is_some_and(|w| w.finished)
    }

    /// `writable.writableCorked`: how many `uncork()` calls are needed.
    ///
    /// # Examples
    /// ```
    /// assert_eq!(node_streams::Writable::new(node_streams::sink_fn(|_| Ok(()))).writable_corked(), 0);
    /// ```
    pub fn writable_corked(&self) -> u32 {
        self.inner.st.borrow().w.as_ref().map_or(0, |w| w.corked)
    }

    /// `writable.writableObjectMode`.
    ///
    /// # Examples
    /// ```
    /// assert!(!node_streams::Writable::new(node_streams::sink_fn(|_| Ok(()))).writable_object_mode());
    /// ```
    pub fn writable_object_mode(&self) -> bool {
        self.inner
            .st
            .borrow()
            .w
            .as_ref()
            .is_some_and(|w| w.object_mode)
    }

    /// Reports the completion of a `_write` that a binding finished outside
    /// [`Sink::poll_write`] (the JS `callback(err)`); a second call is
    /// `ERR_MULTIPLE_CALLBACK`.
    ///
    /// # Examples
    /// ```
    /// let w = node_streams::Writable::new(node_streams::sink_fn(|_| Ok(())));
    /// w.complete_write(None); // no write in flight
    /// assert_eq!(w.errored().unwrap().code(), "ERR_MULTIPLE_CALLBACK");
    /// ```
    pub fn complete_write(&self, err: Option<NodeError>) {
        self.inner.complete(Completion::Write(err));
    }

    /// Reports the completion of a `_final` that a binding finished outside
    /// [`Sink::poll_final`] (the JS `callback(err)`).
    ///
    /// # Examples
    /// ```
    /// use std::task::{Context, Poll};
    /// use node_streams::{Chunk, Sink, Writable};
    /// struct Js;
    /// impl Sink for Js {
    ///     fn poll_write(&mut self, _: &mut Context<'_>, _: &Chunk) -> Poll<Result<(), node_core::NodeError>> { Poll::Ready(Ok(())) }
    ///     fn poll_final(&mut self, _: &mut Context<'_>) -> Poll<Result<(), node_core::NodeError>> { Poll::Pending }
    ///     fn completes_externally(&self) -> bool { true }
    /// }
    /// let w = Writable::new(Js);
    /// w.end().unwrap();
    /// w.complete_final(None);
    /// ```
    pub fn complete_final(&self, err: Option<NodeError>) {
        self.inner.complete(Completion::Final(err));
    }

    common_methods!();
}

/// A [`Sink`] from a closure called with each chunk (Node's `write(chunk, enc, cb)` that
/// calls `cb` synchronously).
///
/// # Examples
/// ```
/// let w = node_streams::Writable::new(node_streams::sink_fn(|c| {
///     assert_eq!(c.byte_len(), 1);
///     Ok(())
/// }));
/// w.write("x".into()).unwrap();
/// ```
pub fn sink_fn<F>(f: F) -> impl Sink
where
    F: FnMut(&Chunk) -> Result<(), NodeError> + 'static,
{
    struct FnSink<F>(F);
    impl<F> Sink for FnSink<F>
    where
        F: FnMut(&Chunk) -> Result<(), NodeError> + 'static,
    {
        fn poll_write(&mut self, _: &mut Context<'_>, c: &Chunk) -> Poll<Result<(), NodeError>> {
            Poll::Ready((self.0)(c))
        }
    }
    FnSink(f)
}
