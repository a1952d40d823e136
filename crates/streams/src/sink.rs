//! The push side: [`Sink`], what a `Writable` writes to (Node's `_write`/`_writev`/`_final`).

use std::task::{Context, Poll};

use node_core::NodeError;

use crate::chunk::Chunk;

/// What a [`Writable`](crate::Writable) writes into: Node's `_write`, `_writev`, `_final`
/// and `_destroy`, as polls.
///
/// `Ready` is the callback being called; `Pending` means the operation is in flight and
/// the stream polls again (with the same chunk) once the waker fires.
///
/// # Examples
/// ```
/// use std::{cell::RefCell, rc::Rc, task::{Context, Poll}};
/// use node_streams::{Chunk, Sink, Writable};
/// struct Collect(Rc<RefCell<Vec<u8>>>);
/// impl Sink for Collect {
///     fn poll_write(&mut self, _: &mut Context<'_>, c: &Chunk) -> Poll<Result<(), node_core::NodeError>> {
///         self.0.borrow_mut().extend_from_slice(c.as_bytes().unwrap());
///         Poll::Ready(Ok(()))
///     }
/// }
/// let out = Rc::new(RefCell::new(Vec::new()));
/// let w = Writable::new(Collect(out.clone()));
/// assert!(w.write("hi".into()).unwrap());
/// assert_eq!(*out.borrow(), b"hi");
/// ```
pub trait Sink: 'static {
    /// Writes one chunk (`_write`).
    ///
    /// # Errors
    /// An error is passed to the write's callback and destroys the stream.
    fn poll_write(&mut self, cx: &mut Context<'_>, chunk: &Chunk) -> Poll<Result<(), NodeError>>;

    /// Whether [`Sink::poll_writev`] is implemented (Node checks `_writev` exists).
    fn has_writev(&self) -> bool {
        false
    }

    /// Writes several buffered chunks at once (`_writev`), used after `uncork()` or when
    /// writes queued behind a slow one.
    ///
    /// # Errors
    /// As [`Sink::poll_write`].
    fn poll_writev(
        &mut self,
        cx: &mut Context<'_>,
        chunks: &[Chunk],
    ) -> Poll<Result<(), NodeError>> {
        let _ = (cx, chunks);
        Poll::Ready(Err(NodeError::method_not_implemented("_writev()")))
    }

    /// Whether [`Sink::poll_final`] does anything (Node checks that `_final` exists; a
    /// sink without one gets `'prefinish'` synchronously from `end()`). Default `true`.
    fn has_final(&self) -> bool {
        true
    }

    /// Called once after the last write, before `'finish'` (`_final`).
    ///
    /// # Errors
    /// An error destroys the stream instead of finishing it.
    fn poll_final(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), NodeError>> {
        let _ = cx;
        Poll::Ready(Ok(()))
    }

    /// Whether [`poll_construct`](Self::poll_construct) does anything (Node checks that
    /// `_construct` exists). Default `false`.
    fn has_construct(&self) -> bool {
        false
    }

    /// Node's `_construct(cb)`: set-up (open a file, connect) that runs on the next tick
    /// after the stream is made; reads, writes and `destroy` wait for it.
    ///
    /// # Errors
    /// An error destroys the stream.
    fn poll_construct(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), NodeError>> {
        let _ = cx;
        Poll::Ready(Ok(()))
    }

    /// `true` when a `Pending` write or final completes through
    /// [`Writable::complete_write`](crate::Writable::complete_write) /
    /// [`Writable::complete_final`](crate::Writable::complete_final) (a JS callback)
    /// instead of being polled again.
    fn completes_externally(&self) -> bool {
        false
    }

    /// Node's `_destroy(err, cb)`: release resources. Runs once, synchronously.
    ///
    /// # Errors
    /// An error replaces the one the stream was destroyed with.
    fn destroy(&mut self, err: Option<&NodeError>) -> Result<(), NodeError> {
        let _ = err;
        Ok(())
    }
}

/// A sink with no `_write` (Node's bare `new Writable()`): every write fails with
/// `ERR_METHOD_NOT_IMPLEMENTED`.
#[derive(Debug)]
pub(crate) struct NoSink;

impl Sink for NoSink {
    fn poll_write(&mut self, _: &mut Context<'_>, _: &Chunk) -> Poll<Result<(), NodeError>> {
        Poll::Ready(Err(NodeError::method_not_implemented("_write()")))
    }
}
