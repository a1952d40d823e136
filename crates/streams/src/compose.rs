//! `stream.compose(...streams)` (Node's `lib/internal/streams/compose.js`): several
//! streams as one [`Duplex`] that writes into the first and reads from the last.

use std::cell::RefCell;
use std::rc::Rc;
use std::task::{Context, Poll, Waker};

use node_core::NodeError;

use crate::chunk::Chunk;
use crate::core::Shared;
use crate::duplex::Duplex;
use crate::handle::NodeStream;
use crate::options::DuplexOptions;
use crate::pipeline::pipeline_with;
use crate::readable::Readable;
use crate::sink::Sink;
use crate::source::Source;
use crate::writable::Writable;

#[derive(Default)]
struct Wake(RefCell<Option<Waker>>);

impl Wake {
    fn set(&self, cx: &Context<'_>) {
        *self.0.borrow_mut() = Some(cx.waker().clone());
    }
    fn wake(&self) {
        if let Some(w) = self.0.borrow_mut().take() {
            w.wake();
        }
    }
}

/// What the inner pipeline reported, and who waits for it.
#[derive(Default)]
struct Done {
    result: RefCell<Option<Option<NodeError>>>,
    wake: Wake,
}

struct HeadSink {
    head: Writable,
    waiting_drain: bool,
    wake: Rc<Wake>,
    done: Rc<Done>,
    ended: bool,
    tail: Rc<Shared>,
}

impl Sink for HeadSink {
    fn poll_write(&mut self, cx: &mut Context<'_>, chunk: &Chunk) -> Poll<Result<(), NodeError>> {
        if !self.waiting_drain {
            // Node's compose: `if (head.write(chunk)) callback() else ondrain = callback`.
            match self.head.write(chunk.clone()) {
                Ok(true) => return Poll::Ready(Ok(())),
                Ok(false) => self.waiting_drain = true,
                Err(e) => return Poll::Ready(Err(e)),
            }
        }
        if let Some(e) = self.head.errored() {
            return Poll::Ready(Err(e));
        }
        if self.head.writable_need_drain() {
            self.wake.set(cx);
            return Poll::Pending;
        }
        self.waiting_drain = false;
        Poll::Ready(Ok(()))
    }

    fn poll_final(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), NodeError>> {
        if !self.ended {
            self.ended = true;
            self.head.end()?;
        }
        // Node calls the final callback once the inner pipeline is done.
        if let Some(res) = self.done.result.borrow().clone() {
            return Poll::Ready(match res {
                Some(e) => Err(e),
                None => Ok(()),
            });
        }
        if Rc::ptr_eq(&self.head.inner, &self.tail) && self.head.writable_finished() {
            return Poll::Ready(Ok(()));
        }
        self.done.wake.set(cx);
        self.wake.set(cx);
        Poll::Pending
    }

    fn destroy(&mut self, err: Option<&NodeError>) -> Result<(), NodeError> {
        self.head.destroy(err.cloned());
        Ok(())
    }
}

struct TailSource {
    tail: Readable,
    wake: Rc<Wake>,
}

impl Source for TailSource {
    fn poll_pull(
        &mut self,
        cx: &mut Context<'_>,
        _: usize,
    ) -> Poll<Result<Option<Chunk>, NodeError>> {
        if let Some(c) = self.tail.read(None) {
            return Poll::Ready(Ok(Some(c)));
        }
        let st = self.tail.inner.st.borrow();
        if let Some(e) = st.life.errored.clone() {
            return Poll::Ready(Err(e));
        }
        if st.r.as_ref().is_none_or(|r| r.ended && r.length == 0) {
            return Poll::Ready(Ok(None));
        }
        drop(st);
        self.wake.set(cx);
        Poll::Pending
    }

    fn destroy(&mut self, err: Option<&NodeError>) -> Result<(), NodeError> {
        self.tail.destroy(err.cloned());
        Ok(())
    }
}

/// `stream.compose(...streams)`: one [`Duplex`] whose writes go into the first stream
/// and whose reads come from the last, with every stream piped into the next. An error
/// anywhere destroys the whole chain and the composed stream.
///
/// # Errors
/// `ERR_MISSING_ARGS` without streams.
///
/// # Examples
/// ```
/// # futures::executor::block_on(async {
/// use futures::StreamExt;
/// use node_streams::{compose, PassThrough};
/// let (a, b) = (PassThrough::new(), PassThrough::new());
/// let both = compose(&[&a, &b]).unwrap();
/// both.writable().end_with(Some("x".into()), |_| {}).unwrap();
/// let out: Vec<_> = both.readable().into_stream().collect().await;
/// assert_eq!(out.len(), 1);
/// # });
/// ```
pub fn compose(streams: &[&dyn NodeStream]) -> Result<Duplex, NodeError> {
    let handles: Vec<_> = streams.iter().map(|s| s.handle().inner).collect();
    let (Some(first), Some(last)) = (handles.first(), handles.last()) else {
        return Err(NodeError::missing_args(&["streams"]));
    };
    let head = Writable {
        inner: first.clone(),
    };
    let tail = Readable {
        inner: last.clone(),
    };
    let (wake_w, wake_r) = (Rc::new(Wake::default()), Rc::new(Wake::default()));
    let done = Rc::new(Done::default());
    for name in ["drain", "finish", "error", "close"] {
        let w = wake_w.clone();
        head.inner.hook(name, move |_| w.wake());
    }
    for name in ["readable", "end", "error", "close"] {
        let w = wake_r.clone();
        tail.inner.hook(name, move |_| w.wake());
    }
    let options = {
        let (r, w) = (tail.inner.st.borrow(), head.inner.st.borrow());
        let mut o = DuplexOptions::default();
        if let Some(rs) = r.r.as_ref() {
            o.readable.object_mode = rs.object_mode;
            o.readable.high_water_mark = Some(rs.hwm);
        }
        if let Some(ws) = w.w.as_ref() {
            o.writable.object_mode = ws.object_mode;
            o.writable.high_water_mark = Some(ws.hwm);
        }
        o
    };
    let d = Duplex::new(
        TailSource {
            tail: tail.clone(),
            wake: wake_r,
        },
        HeadSink {
            head,
            waiting_drain: false,
            wake: wake_w,
            done: done.clone(),
            ended: false,
            tail: last.clone(),
        },
        options,
    );
    if handles.len() > 1 {
        let weak = Rc::downgrade(&d.inner);
        pipeline_with(streams, move |err| {
            *done.result.borrow_mut() = Some(err.clone());
            done.wake.wake();
            if let (Some(e), Some(s)) = (err, weak.upgrade()) {
                s.destroy(Some(e));
            }
        });
    } else {
        let weak = Rc::downgrade(&d.inner);
        tail.inner.hook("error", move |ev| {
            if let (crate::StreamEvent::Error(e), Some(s)) = (ev, weak.upgrade()) {
                s.destroy(Some(e.clone()));
            }
        });
    }
    Ok(d)
}
