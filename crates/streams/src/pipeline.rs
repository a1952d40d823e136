//! `stream.pipeline(...streams, cb)` (Node's `lib/internal/streams/pipeline.js`).

use std::cell::{Cell, RefCell};
use std::future::Future;
use std::rc::Rc;

use node_core::NodeError;

use crate::finished::{eos, Wait};
use crate::handle::NodeStream;
use crate::readable::Readable;
use crate::writable::Writable;

struct State {
    error: Option<NodeError>,
    remaining: usize,
    done: Option<Box<dyn FnOnce(Option<NodeError>)>>,
}

/// `stream.pipeline(s1, s2, …, cb)`: pipes each stream into the next; on the first error
/// every stage not yet finished is destroyed with it, and `cb` gets that error once all
/// stages are done (on the next tick).
///
/// # Errors
/// `ERR_MISSING_ARGS` (through `cb`) with fewer than two streams.
///
/// # Examples
/// ```
/// use node_streams::{pipeline_with, sink_fn, LocalScheduler, PassThrough, Readable, Writable};
/// let src = Readable::from_iter(["a"]);
/// let dst = Writable::new(sink_fn(|_| Ok(())));
/// pipeline_with(&[&src, &PassThrough::new(), &dst], |err| assert!(err.is_none()));
/// LocalScheduler::current().run_until_stalled();
/// ```
#[doc(alias = "pipeline")]
pub fn pipeline_with(streams: &[&dyn NodeStream], cb: impl FnOnce(Option<NodeError>) + 'static) {
    let handles: Vec<_> = streams.iter().map(|s| s.handle().inner).collect();
    if handles.len() < 2 {
        cb(Some(NodeError::missing_args(&["streams"])));
        return;
    }
    let n = handles.len();
    let state = Rc::new(RefCell::new(State {
        error: None,
        remaining: n,
        done: Some(Box::new(cb)),
    }));
    let finished: Rc<Vec<Cell<bool>>> = Rc::new((0..n).map(|_| Cell::new(false)).collect());
    let all = Rc::new(handles.clone());
    for (i, s) in handles.iter().enumerate() {
        let (state, finished, all) = (state.clone(), finished.clone(), all.clone());
        let sched = s.clone();
        eos(
            s,
            i < n - 1,
            i > 0,
            Box::new(move |err| {
                finished[i].set(err.is_none());
                let mut st = state.borrow_mut();
                let mut destroy_with = None;
                if let Some(e) = err {
                    let replace = st
                        .error
                        .as_ref()
                        .is_none_or(|cur| cur.code() == "ERR_STREAM_PREMATURE_CLOSE");
                    if replace {
                        st.error = Some(e);
                    }
                    destroy_with = st.error.clone();
                }
                st.remaining -= 1;
                let last = st.remaining == 0;
                drop(st);
                if let Some(e) = destroy_with {
                    for (j, other) in all.iter().enumerate() {
                        if !finished[j].get() {
                            other.destroy(Some(e.clone()));
                        }
                    }
                }
                if last {
                    let (err, done) = {
                        let mut st = state.borrow_mut();
                        (st.error.clone(), st.done.take())
                    };
                    if let Some(done) = done {
                        sched.tick(move |_| done(err));
                    }
                }
            }),
        );
    }
    for pair in handles.windows(2) {
        let src = Readable {
            inner: pair[0].clone(),
        };
        let dst = Writable {
            inner: pair[1].clone(),
        };
        src.pipe(&dst, true);
    }
}

/// `stream/promises.pipeline(...streams)`: [`pipeline_with`] as a future that drives the
/// streams' scheduler.
///
/// # Errors
/// The first error of any stage (every stage is destroyed with it).
///
/// # Examples
/// ```
/// # futures::executor::block_on(async {
/// use node_streams::{pipeline, sink_fn, Readable, Writable};
/// let dst = Writable::new(sink_fn(|_| Ok(())));
/// pipeline(&[&Readable::from_iter(["a", "b"]), &dst]).await.unwrap();
/// assert!(dst.writable_finished());
/// # });
/// ```
pub fn pipeline(
    streams: &[&dyn NodeStream],
) -> impl Future<Output = Result<(), NodeError>> + use<> {
    let first = streams.first().map(|s| s.handle().inner);
    let (wait, fill) = match first {
        Some(f) => {
            let (w, fill) = Wait::new(f);
            (Some(w), Some(fill))
        }
        None => (None, None),
    };
    let fill = Cell::new(fill);
    let early: Rc<RefCell<Option<NodeError>>> = Rc::default();
    let e2 = early.clone();
    pipeline_with(streams, move |err| match fill.take() {
        Some(f) => f(err),
        None => *e2.borrow_mut() = err,
    });
    async move {
        let res = match wait {
            Some(w) => w.await,
            None => early.borrow_mut().take(),
        };
        match res {
            None => Ok(()),
            Some(e) => Err(e),
        }
    }
}
