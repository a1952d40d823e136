//! The pull side: [`Source`], what a `Readable` reads from (Node's `_read`).

use std::task::{Context, Poll};

use node_core::NodeError;

use crate::chunk::Chunk;

/// What a [`Readable`](crate::Readable) pulls chunks from: Node's `_read(size)` as a poll.
///
/// `Ready(Ok(Some(chunk)))` is `push(chunk)`, `Ready(Ok(None))` is `push(null)`,
/// `Ready(Err(e))` destroys the stream with `e`. `Pending` means a read is in flight: the
/// stream polls again once the waker fires. A source may also return `Pending` forever
/// and feed the stream through [`Readable::push`](crate::Readable::push) instead (that is
/// how JavaScript `_read` implementations are bound).
///
/// # Examples
/// ```
/// use std::task::{Context, Poll};
/// use node_streams::{Chunk, Readable, Source};
/// struct Count(u8);
/// impl Source for Count {
///     fn poll_pull(&mut self, _: &mut Context<'_>, _size: usize)
///         -> Poll<Result<Option<Chunk>, node_core::NodeError>> {
///         self.0 += 1;
///         Poll::Ready(Ok((self.0 <= 3).then(|| Chunk::from(vec![self.0]))))
///     }
/// }
/// let r = Readable::new(Count(0));
/// assert_eq!(r.read(None).unwrap().as_bytes().unwrap().as_ref(), &[1]);
/// ```
pub trait Source: 'static {
    /// Pulls the next chunk; `size` is Node's advisory `_read(size)` argument.
    ///
    /// # Errors
    /// An error destroys the stream with it.
    fn poll_pull(
        &mut self,
        cx: &mut Context<'_>,
        size: usize,
    ) -> Poll<Result<Option<Chunk>, NodeError>>;

    /// Node's `_destroy(err, cb)`: release resources. Runs once, synchronously.
    ///
    /// # Errors
    /// An error replaces the one the stream was destroyed with.
    fn destroy(&mut self, err: Option<&NodeError>) -> Result<(), NodeError> {
        let _ = err;
        Ok(())
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

    /// `true` when data arrives only through [`Readable::push`](crate::Readable::push)
    /// (a JS `_read`, [`PushSource`]): a `Pending` poll is then not polled again.
    fn completes_externally(&self) -> bool {
        false
    }
}

/// A source that never produces data by itself: chunks come from
/// [`Readable::push`](crate::Readable::push) (Node's `new Readable({ read() {} })`).
///
/// # Examples
/// ```
/// use node_streams::{PushSource, Readable};
/// let r = Readable::new(PushSource);
/// r.push("x".into());
/// assert_eq!(r.readable_length(), 1);
/// ```
#[derive(Debug, Default, Clone, Copy)]
pub struct PushSource;

impl Source for PushSource {
    fn poll_pull(
        &mut self,
        _: &mut Context<'_>,
        _: usize,
    ) -> Poll<Result<Option<Chunk>, NodeError>> {
        Poll::Pending
    }
}

/// A source built from an iterator (see [`Readable::from_iter`](crate::Readable::from_iter)).
#[derive(Debug)]
pub(crate) struct IterSource<I>(pub(crate) I);

impl<I, T> Source for IterSource<I>
where
    I: Iterator<Item = T> + 'static,
    T: Into<Chunk>,
{
    fn poll_pull(
        &mut self,
        _: &mut Context<'_>,
        _: usize,
    ) -> Poll<Result<Option<Chunk>, NodeError>> {
        Poll::Ready(Ok(self.0.next().map(Into::into)))
    }
}

/// A source built from a `futures::Stream` of results.
#[derive(Debug)]
pub(crate) struct StreamSource<S>(pub(crate) S);

impl<S, T> Source for StreamSource<S>
where
    S: futures::Stream<Item = Result<T, NodeError>> + Unpin + 'static,
    T: Into<Chunk>,
{
    fn poll_pull(
        &mut self,
        cx: &mut Context<'_>,
        _: usize,
    ) -> Poll<Result<Option<Chunk>, NodeError>> {
        use futures::StreamExt;
        match self.0.poll_next_unpin(cx) {
            Poll::Ready(Some(Ok(c))) => Poll::Ready(Ok(Some(c.into()))),
            Poll::Ready(Some(Err(e))) => Poll::Ready(Err(e)),
            Poll::Ready(None) => Poll::Ready(Ok(None)),
            Poll::Pending => Poll::Pending,
        }
    }
}
