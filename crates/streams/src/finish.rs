//! The end of a writable (Node's `writable.js`): `end`, `uncork`, `_final`,
//! `'prefinish'` and `'finish'`.

use std::rc::Rc;
use std::task::{Context, Poll};

use node_core::NodeError;

use crate::core::{Output, Shared, WriteCb};
use crate::errors;
use crate::events::StreamEvent;

impl Shared {
    /// Node's `Writable.prototype.end`.
    pub(crate) fn end_writable(self: &Rc<Self>, cb: Option<WriteCb>) -> Result<(), NodeError> {
        let corked = self.st.borrow().w.as_ref().is_some_and(|w| w.corked > 0);
        if corked {
            if let Some(w) = self.st.borrow_mut().w.as_mut() {
                w.corked = 1;
            }
            self.uncork();
        }
        let mut st = self.st.borrow_mut();
        let (errored, destroyed) = (st.life.errored.is_some(), st.life.destroyed);
        let Some(w) = st.w.as_mut() else {
            return Err(NodeError::method_not_implemented("end()"));
        };
        let mut err = None;
        if !errored && !w.ending {
            w.ending = true;
            drop(st);
            self.finish_maybe(true);
            st = self.st.borrow_mut();
            if let Some(w) = st.w.as_mut() {
                w.ended = true;
            }
        } else if w.finished {
            err = Some(errors::already_finished("end"));
        } else if destroyed {
            err = Some(errors::destroyed("end"));
        }
        let finished = st.w.as_ref().is_some_and(|w| w.finished);
        if err.is_none() && !finished {
            // Node 20: end(cb) on an errored stream calls back with that error.
            if let Some(e) = st.life.errored.clone() {
                if let Some(cb) = cb {
                    drop(st);
                    self.sched.next_tick(Box::new(move || cb(Some(&e))));
                }
                return Ok(());
            }
        }
        if let Some(cb) = cb {
            if err.is_some() || finished {
                let e = err.clone();
                drop(st);
                self.sched.next_tick(Box::new(move || cb(e.as_ref())));
            } else if let Some(w) = st.w.as_mut() {
                w.on_finished.push(cb);
            }
        }
        match err {
            Some(e) => Err(e),
            None => Ok(()),
        }
    }

    /// Node's `uncork`.
    pub(crate) fn uncork(self: &Rc<Self>) {
        let mut st = self.st.borrow_mut();
        let Some(w) = st.w.as_mut() else { return };
        if w.corked > 0 {
            w.corked -= 1;
            if !w.writing {
                drop(st);
                self.clear_buffer();
            }
        }
    }

    fn need_finish(&self) -> bool {
        let st = self.st.borrow();
        let l = &st.life;
        st.w.as_ref().is_some_and(|w| {
            w.ending
                && l.constructed
                && !l.destroyed
                && w.length == 0
                && l.errored.is_none()
                && w.buffered.is_empty()
                && !w.finished
                && !w.writing
                && !l.error_emitted
                && !l.close_emitted
        })
    }

    /// Node's `finishMaybe`.
    pub(crate) fn finish_maybe(self: &Rc<Self>, sync: bool) {
        if !self.need_finish() {
            return;
        }
        self.prefinish();
        let mut st = self.st.borrow_mut();
        let Some(w) = st.w.as_mut() else { return };
        if w.pending_cb != 0 {
            return;
        }
        if sync {
            w.pending_cb += 1;
            drop(st);
            self.tick(|s| {
                if s.need_finish() {
                    s.finish();
                } else if let Some(w) = s.st.borrow_mut().w.as_mut() {
                    w.pending_cb = w.pending_cb.saturating_sub(1);
                }
            });
        } else {
            drop(st);
            if self.need_finish() {
                if let Some(w) = self.st.borrow_mut().w.as_mut() {
                    w.pending_cb += 1;
                }
                self.finish();
            }
        }
    }

    /// Node's `prefinish`: calls `_final` once (a Transform flushes there).
    fn prefinish(self: &Rc<Self>) {
        let has_final = self.caps.has_final;
        let mut st = self.st.borrow_mut();
        let destroyed = st.life.destroyed;
        let Some(w) = st.w.as_mut() else { return };
        if w.prefinished || w.final_called {
            return;
        }
        if !has_final || destroyed {
            w.final_called = true;
            w.prefinished = true;
            drop(st);
            self.emit(StreamEvent::Prefinish);
            return;
        }
        w.final_called = true;
        w.sync = true;
        w.pending_cb += 1;
        drop(st);
        self.call_final();
        if let Some(w) = self.st.borrow_mut().w.as_mut() {
            w.sync = false;
        }
    }

    fn call_final(self: &Rc<Self>) {
        if self.caps.transform {
            match self.transform_flush() {
                Some(res) => self.on_final(res.err()),
                None => self.apply_deferred(),
            }
            return;
        }
        let mut cx = Context::from_waker(futures::task::noop_waker_ref());
        match self.poll_final(&mut cx) {
            Poll::Ready(res) => self.on_final(res.err()),
            Poll::Pending => {
                if self.output_external() {
                    self.apply_deferred();
                    return;
                }
                self.spawn_io(
                    |s, cx| {
                        if s.is_destroyed() {
                            return Poll::Ready(None);
                        }
                        s.poll_final(cx).map(Some)
                    },
                    |s, res| s.on_final(res.err()),
                );
            }
        }
    }

    pub(crate) fn output_external(&self) -> bool {
        self.caps.output_external
    }

    fn poll_final(&self, cx: &mut Context<'_>) -> Poll<Result<(), NodeError>> {
        let Ok(mut out) = self.output.try_borrow_mut() else {
            return Poll::Pending;
        };
        match out.as_mut() {
            Some(Output::Sink(s)) => s.poll_final(cx),
            _ => Poll::Ready(Ok(())),
        }
    }

    /// The `_final` callback (Node's `onFinish` in `callFinal`).
    pub(crate) fn on_final(self: &Rc<Self>, err: Option<NodeError>) {
        let mut st = self.st.borrow_mut();
        let Some(w) = st.w.as_mut() else { return };
        if w.prefinished {
            drop(st);
            self.error_or_destroy(err.unwrap_or_else(errors::multiple_callback), false);
            return;
        }
        w.pending_cb = w.pending_cb.saturating_sub(1);
        let sync = w.sync;
        if let Some(err) = err {
            let cbs = std::mem::take(&mut w.on_finished);
            drop(st);
            for cb in cbs {
                cb(Some(&err));
            }
            self.error_or_destroy(err, sync);
            return;
        }
        drop(st);
        if self.need_finish() {
            if let Some(w) = self.st.borrow_mut().w.as_mut() {
                w.prefinished = true;
                w.pending_cb += 1;
            }
            self.emit(StreamEvent::Prefinish);
            self.tick(|s| s.finish());
        }
    }

    /// Node's `finish`: end callbacks, `'finish'`, then auto-destroy.
    fn finish(self: &Rc<Self>) {
        let mut st = self.st.borrow_mut();
        let Some(w) = st.w.as_mut() else { return };
        w.pending_cb = w.pending_cb.saturating_sub(1);
        w.finished = true;
        let cbs = std::mem::take(&mut w.on_finished);
        drop(st);
        for cb in cbs {
            cb(None);
        }
        self.emit(StreamEvent::Finish);
        let st = self.st.borrow();
        if st.life.auto_destroy {
            let destroy = st.r.as_ref().is_none_or(|r| r.end_emitted);
            drop(st);
            if destroy {
                self.destroy(None);
            }
        }
    }
}
