//! `stream.finished(stream, cb)` (Node's `lib/internal/streams/end-of-stream.js`) and the
//! future that drives a [`Scheduler`](crate::Scheduler) until a callback fires.

use std::cell::{Cell, RefCell};
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;
use std::task::{Context, Poll, Waker};

use node_core::NodeError;

use crate::core::Shared;
use crate::errors;
use crate::events::StreamEvent;
use crate::handle::NodeStream;

type Done = Box<dyn FnOnce(Option<NodeError>)>;

/// Node's `eos`: calls `cb` once the stream's watched sides are done (after `'close'`
/// when the stream will emit one), with its error or `ERR_STREAM_PREMATURE_CLOSE`.
pub(crate) fn eos(s: &Rc<Shared>, readable: bool, writable: bool, cb: Done) {
    let (readable, writable) = {
        let st = s.st.borrow();
        (readable && st.r.is_some(), writable && st.w.is_some())
    };
    let cb = Rc::new(RefCell::new(Some(cb)));
    let ids: Rc<RefCell<Vec<u64>>> = Rc::default();
    let call = {
        let (cb, ids, s) = (cb.clone(), ids.clone(), Rc::downgrade(s));
        Rc::new(move |err: Option<NodeError>| {
            let f = cb.borrow_mut().take();
            if let Some(f) = f {
                if let Some(s) = s.upgrade() {
                    for id in ids.borrow_mut().drain(..) {
                        s.unhook(id);
                    }
                }
                f(err);
            }
        })
    };
    let will_close = {
        let st = s.st.borrow();
        st.life.emit_close && st.life.auto_destroy && !st.life.close_emitted
    };
    let sides_done = move |s: &Shared| {
        let st = s.st.borrow();
        let r_done = !readable || st.r.as_ref().is_some_and(|r| r.end_emitted);
        let w_done = !writable || st.w.as_ref().is_some_and(|w| w.finished);
        r_done && w_done
    };
    let on_close = {
        let call = call.clone();
        move |s: &Shared| {
            let errored = s.st.borrow().life.errored.clone();
            if errored.is_some() {
                return call(errored);
            }
            if sides_done(s) {
                call(None)
            } else {
                call(Some(errors::premature_close()))
            }
        }
    };
    if s.st.borrow().life.close_emitted {
        let on_close = on_close.clone();
        s.tick(move |s| on_close(s));
        return;
    }
    let weak = Rc::downgrade(s);
    let add = |name: &'static str, f: Rc<dyn Fn(&StreamEvent)>| {
        let id = s.hook(name, move |ev| f(ev));
        ids.borrow_mut().push(id);
    };
    {
        let call = call.clone();
        add(
            "error",
            Rc::new(move |ev| {
                if let StreamEvent::Error(e) = ev {
                    call(Some(e.clone()));
                }
            }),
        );
    }
    {
        let weak = weak.clone();
        add(
            "close",
            Rc::new(move |_| {
                if let Some(s) = weak.upgrade() {
                    on_close(&s);
                }
            }),
        );
    }
    if !will_close {
        for name in ["end", "finish"] {
            let (weak, call) = (weak.clone(), call.clone());
            add(
                name,
                Rc::new(move |_| {
                    if weak.upgrade().is_some_and(|s| sides_done(&s)) {
                        call(None);
                    }
                }),
            );
        }
        if sides_done(s) {
            let call = call.clone();
            s.tick(move |_| call(None));
        }
    }
}

/// A one-shot slot a callback fills, awaited while the scheduler runs.
pub(crate) struct Wait<T> {
    slot: Rc<RefCell<Option<T>>>,
    waker: Rc<RefCell<Option<Waker>>>,
    shared: Rc<Shared>,
}

impl<T: 'static> Wait<T> {
    pub(crate) fn new(shared: Rc<Shared>) -> (Self, impl FnOnce(T) + 'static) {
        let slot: Rc<RefCell<Option<T>>> = Rc::default();
        let waker: Rc<RefCell<Option<Waker>>> = Rc::default();
        let (s, w) = (slot.clone(), waker.clone());
        let fill = move |v: T| {
            *s.borrow_mut() = Some(v);
            if let Some(w) = w.borrow_mut().take() {
                w.wake();
            }
        };
        (
            Wait {
                slot,
                waker,
                shared,
            },
            fill,
        )
    }
}

impl<T> Future for Wait<T> {
    type Output = T;
    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<T> {
        *self.waker.borrow_mut() = Some(cx.waker().clone());
        self.shared.sched.run_pending(cx);
        match self.slot.borrow_mut().take() {
            Some(v) => Poll::Ready(v),
            None => Poll::Pending,
        }
    }
}

impl<T> std::fmt::Debug for Wait<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Wait")
    }
}

/// `stream.finished(stream, callback)`: `cb` gets `None` once the stream has ended and
/// finished (and closed, when it emits `'close'`), or its error, or
/// `ERR_STREAM_PREMATURE_CLOSE` when it closed too early.
///
/// # Examples
/// ```
/// use node_streams::{finished_with, LocalScheduler, Readable};
/// let r = Readable::from_iter(["a"]);
/// finished_with(&r, |err| assert!(err.is_none()));
/// r.resume();
/// LocalScheduler::current().run_until_stalled();
/// ```
#[doc(alias = "finished")]
pub fn finished_with(stream: &dyn NodeStream, cb: impl FnOnce(Option<NodeError>) + 'static) {
    let h = stream.handle();
    eos(&h.inner, true, true, Box::new(cb));
}

/// `stream/promises.finished(stream)`, driving the stream's scheduler while it waits.
///
/// # Errors
/// The stream's error, or `ERR_STREAM_PREMATURE_CLOSE`.
///
/// # Examples
/// ```
/// # futures::executor::block_on(async {
/// use node_streams::{finished, Readable};
/// let r = Readable::from_iter(["a"]);
/// r.resume();
/// finished(&r).await.unwrap();
/// r.destroy(None);
/// # });
/// ```
pub fn finished(stream: &dyn NodeStream) -> impl Future<Output = Result<(), NodeError>> + use<> {
    let h = stream.handle();
    let (wait, fill) = Wait::new(h.inner.clone());
    let fill = Cell::new(Some(fill));
    eos(
        &h.inner,
        true,
        true,
        Box::new(move |err| {
            if let Some(f) = fill.take() {
                f(err);
            }
        }),
    );
    async move {
        match wait.await {
            None => Ok(()),
            Some(e) => Err(e),
        }
    }
}
