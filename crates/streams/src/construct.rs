//! Node's `_construct` (`constructNT` in `lib/internal/streams/destroy.js`): set-up that
//! runs on the next tick; reads, writes, `end` and `destroy` wait for it.

use std::rc::Rc;
use std::task::{Context, Poll};

use node_core::NodeError;

use crate::core::{Output, Shared};
use crate::errors;

impl Shared {
    /// `constructNT`: polls the source's and the sink's `_construct`.
    pub(crate) fn construct(self: &Rc<Self>) {
        let mut cx = Context::from_waker(futures::task::noop_waker_ref());
        match self.poll_construct(&mut cx) {
            Poll::Ready(res) => self.tick(move |s| s.on_construct(res.err())),
            Poll::Pending => self.spawn_io(
                |s, cx| s.poll_construct(cx).map(Some),
                |s, res| {
                    let err = res.err();
                    s.tick(move |s| s.on_construct(err));
                },
            ),
        }
    }

    fn poll_construct(&self, cx: &mut Context<'_>) -> Poll<Result<(), NodeError>> {
        if let Ok(mut src) = self.source.try_borrow_mut() {
            if let Some(s) = src.as_mut().filter(|s| s.has_construct()) {
                match s.poll_construct(cx) {
                    Poll::Ready(Ok(())) => {}
                    other => return other,
                }
            }
        }
        if let Ok(mut out) = self.output.try_borrow_mut() {
            if let Some(Output::Sink(s)) = out
                .as_mut()
                .filter(|o| matches!(o, Output::Sink(s) if s.has_construct()))
            {
                return s.poll_construct(cx);
            }
        }
        Poll::Ready(Ok(()))
    }

    /// `onConstruct`: the `_construct` callback.
    fn on_construct(self: &Rc<Self>, err: Option<NodeError>) {
        let mut st = self.st.borrow_mut();
        if st.life.constructed {
            drop(st);
            self.error_or_destroy(err.unwrap_or_else(errors::multiple_callback), false);
            return;
        }
        st.life.constructed = true;
        let destroyed = st.life.destroyed;
        drop(st);
        if destroyed {
            let pending = self.destroy_after_construct.borrow_mut().take();
            // Node aggregates the two errors; the construct error wins here.
            let e = err.or(pending.flatten());
            self.run_destroy(e);
            return;
        }
        if let Some(e) = err {
            self.error_or_destroy(e, true);
            return;
        }
        let (need_readable, writing) = {
            let st = self.st.borrow();
            (
                st.r.as_ref().is_some_and(|r| r.need_readable),
                st.w.as_ref().map(|w| w.writing),
            )
        };
        if need_readable {
            self.maybe_read_more();
        }
        if let Some(writing) = writing {
            if !writing {
                self.clear_buffer();
            }
            self.finish_maybe(false);
        }
    }
}
