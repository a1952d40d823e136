//! Node's `lib/internal/streams/destroy.js`: `destroy(err)`, `errorOrDestroy`, and the
//! `'error'`-then-`'close'` ticks.

use std::rc::Rc;

use node_core::NodeError;

use crate::core::{Output, Shared};
use crate::events::StreamEvent;

impl Shared {
    /// Node's `destroy(err)`: marks both sides destroyed, runs `_destroy`, then on the next
    /// tick emits `'error'` (if any) and `'close'`.
    pub(crate) fn destroy(self: &Rc<Self>, err: Option<NodeError>) {
        let mut st = self.st.borrow_mut();
        if st.life.destroyed {
            return;
        }
        if let Some(e) = &err {
            if st.life.errored.is_none() {
                st.life.errored = Some(e.clone());
            }
        }
        st.life.destroyed = true;
        let pending_writes =
            st.w.as_ref()
                .is_some_and(|w| !w.buffered.is_empty() || !w.on_finished.is_empty());
        drop(st);
        if pending_writes {
            // Node's Writable.prototype.destroy: fail queued writes on the next tick.
            self.tick(|s| s.error_buffer());
        }
        if !self.st.borrow().life.constructed {
            // Node waits for `_construct` to call back before `_destroy`.
            *self.destroy_after_construct.borrow_mut() = Some(err);
            return;
        }
        self.run_destroy(err);
    }

    /// `_destroy(err, cb)` and what follows its callback.
    pub(crate) fn run_destroy(self: &Rc<Self>, err: Option<NodeError>) {
        // The default `_destroy` passes `err` through.
        let mut result = err;
        if let Ok(mut src) = self.source.try_borrow_mut() {
            if let Some(s) = src.as_mut() {
                if let Err(e) = s.destroy(result.as_ref()) {
                    result = Some(e);
                }
            }
        }
        if let Ok(mut out) = self.output.try_borrow_mut() {
            if let Some(Output::Sink(s)) = out.as_mut() {
                if let Err(e) = s.destroy(result.as_ref()) {
                    result = Some(e);
                }
            }
        }
        self.on_destroy(result);
    }

    fn on_destroy(self: &Rc<Self>, err: Option<NodeError>) {
        let mut st = self.st.borrow_mut();
        if let Some(e) = &err {
            if st.life.errored.is_none() {
                st.life.errored = Some(e.clone());
            }
        }
        st.life.closed = true;
        drop(st);
        match err {
            Some(e) => self.tick(move |s| {
                s.emit_error_nt(e);
                s.emit_close_nt();
            }),
            None => self.tick(|s| s.emit_close_nt()),
        }
    }

    fn emit_close_nt(self: &Rc<Self>) {
        let mut st = self.st.borrow_mut();
        st.life.close_emitted = true;
        let emit = st.life.emit_close;
        drop(st);
        if emit {
            self.emit(StreamEvent::Close);
        }
    }

    fn emit_error_nt(self: &Rc<Self>, err: NodeError) {
        let mut st = self.st.borrow_mut();
        if st.life.error_emitted {
            return;
        }
        st.life.error_emitted = true;
        drop(st);
        self.emit(StreamEvent::Error(err));
    }

    /// Node's `errorOrDestroy`: destroy with `err` when `autoDestroy` is on, otherwise
    /// record it and emit `'error'` (on the next tick when `sync`).
    pub(crate) fn error_or_destroy(self: &Rc<Self>, err: NodeError, sync: bool) {
        let mut st = self.st.borrow_mut();
        if st.life.destroyed {
            return;
        }
        if st.life.auto_destroy {
            drop(st);
            self.destroy(Some(err));
            return;
        }
        if st.life.errored.is_none() {
            st.life.errored = Some(err.clone());
        }
        drop(st);
        if sync {
            self.tick(move |s| s.emit_error_nt(err));
        } else {
            self.emit_error_nt(err);
        }
    }
}
