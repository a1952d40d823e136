//! The writable algorithm of Node's `lib/internal/streams/writable.js`: `write`, buffering,
//! `cork`/`uncork`, `_writev` batching, `'drain'`, `end`, `_final`, `'finish'`.

use std::rc::Rc;
use std::task::{Context, Poll};

use node_core::NodeError;

use crate::chunk::Chunk;
use crate::core::{Output, Shared, WriteCb};
use crate::errors;
use crate::events::StreamEvent;

/// What one `_write`/`_writev` call carries.
enum Batch {
    One(Chunk),
    Many(Vec<Chunk>),
}

impl Shared {
    /// Node's `Writable.prototype.write` after argument checks: returns `Err` (and
    /// schedules the callback with it) for a write after end or destroy.
    pub(crate) fn write(
        self: &Rc<Self>,
        chunk: Chunk,
        cb: Option<WriteCb>,
    ) -> Result<bool, NodeError> {
        let st = self.st.borrow();
        let Some(w) = st.w.as_ref() else {
            return Err(NodeError::method_not_implemented("write()"));
        };
        let chunk = if w.object_mode {
            chunk
        } else {
            match chunk.into_bytes() {
                Some(b) => Chunk::Bytes(b),
                None => return Err(errors::invalid_chunk(true)),
            }
        };
        let err = if w.ending {
            Some(errors::write_after_end())
        } else if st.life.destroyed {
            Some(errors::destroyed("write"))
        } else {
            None
        };
        drop(st);
        if let Some(err) = err {
            if let Some(cb) = cb {
                let e = err.clone();
                self.sched.next_tick(Box::new(move || cb(Some(&e))));
            }
            self.error_or_destroy(err.clone(), true);
            return Err(err);
        }
        if let Some(w) = self.st.borrow_mut().w.as_mut() {
            w.pending_cb += 1;
        }
        Ok(self.write_or_buffer(chunk, cb))
    }

    /// Node's `writeOrBuffer`. As in Node 20, the return value is computed after a
    /// synchronous `_write`, so a sink that completes at once never reports backpressure.
    fn write_or_buffer(self: &Rc<Self>, chunk: Chunk, cb: Option<WriteCb>) -> bool {
        let mut st = self.st.borrow_mut();
        let errored = st.life.errored.is_some();
        let constructed = st.life.constructed;
        let Some(w) = st.w.as_mut() else { return false };
        let len = if w.object_mode { 1 } else { chunk.byte_len() };
        w.length += len;
        if w.writing || w.corked > 0 || errored || !constructed {
            w.buffered.push_back((chunk, cb));
        } else {
            w.write_len = len;
            w.write_cb = Some(cb);
            w.writing = true;
            w.sync = true;
            drop(st);
            self.do_write(Batch::One(chunk));
            st = self.st.borrow_mut();
            if let Some(w) = st.w.as_mut() {
                w.sync = false;
            }
        }
        let (errored, destroyed) = (st.life.errored.is_some(), st.life.destroyed);
        let Some(w) = st.w.as_mut() else { return false };
        let ret = w.length < w.hwm;
        if !ret {
            w.need_drain = true;
        }
        ret && !errored && !destroyed
    }

    /// Calls `_write`/`_writev` (or the transformer) with a write already marked in flight.
    fn do_write(self: &Rc<Self>, batch: Batch) {
        if self.caps.transform {
            let Batch::One(chunk) = batch else { return };
            self.transform_write(chunk);
            return;
        }
        let mut cx = Context::from_waker(futures::task::noop_waker_ref());
        match self.poll_output(&mut cx, &batch) {
            Poll::Ready(res) => self.on_write(res.err()),
            Poll::Pending => {
                if self.output_external() {
                    self.apply_deferred();
                    return;
                }
                // Like a JS `_write`, an in-flight write completes even after destroy();
                // its callback then runs before those of the buffered writes.
                self.spawn_io(
                    move |s, cx| s.poll_output(cx, &batch).map(Some),
                    |s, res| s.on_write(res.err()),
                );
            }
        }
    }

    fn poll_output(&self, cx: &mut Context<'_>, batch: &Batch) -> Poll<Result<(), NodeError>> {
        let Ok(mut out) = self.output.try_borrow_mut() else {
            return Poll::Pending;
        };
        match (out.as_mut(), batch) {
            (Some(Output::Sink(s)), Batch::One(c)) => s.poll_write(cx, c),
            (Some(Output::Sink(s)), Batch::Many(cs)) => s.poll_writev(cx, cs),
            _ => Poll::Ready(Err(NodeError::method_not_implemented("_write()"))),
        }
    }

    /// Node's `onwrite`: the `_write` callback.
    pub(crate) fn on_write(self: &Rc<Self>, err: Option<NodeError>) {
        let mut st = self.st.borrow_mut();
        let Some(w) = st.w.as_mut() else { return };
        let Some(cb) = w.write_cb.take() else {
            drop(st);
            self.error_or_destroy(errors::multiple_callback(), false);
            return;
        };
        let sync = w.sync;
        w.writing = false;
        w.length = w.length.saturating_sub(w.write_len);
        w.write_len = 0;
        if let Some(err) = err {
            if st.life.errored.is_none() {
                st.life.errored = Some(err.clone());
            }
            drop(st);
            if sync {
                self.tick(move |s| s.on_write_error(err, cb));
            } else {
                self.on_write_error(err, cb);
            }
            return;
        }
        let more = !w.buffered.is_empty();
        drop(st);
        if more {
            self.clear_buffer();
        }
        if sync {
            // Node skips the afterWrite tick when nothing needs it (no 'drain', no callback).
            let mut st = self.st.borrow_mut();
            let destroyed = st.life.destroyed;
            let Some(w) = st.w.as_mut() else { return };
            let need_drain = w.need_drain && w.length == 0;
            let need_tick = need_drain || destroyed || cb.is_some();
            if cb.is_none() && (w.after_write_pending || !need_tick) {
                w.pending_cb = w.pending_cb.saturating_sub(1);
                let ending = w.ending;
                drop(st);
                if ending {
                    self.finish_maybe(true);
                }
            } else {
                w.after_write_pending = true;
                drop(st);
                self.tick(move |s| s.after_write(1, cb));
            }
        } else {
            self.after_write(1, cb);
        }
    }

    fn on_write_error(self: &Rc<Self>, err: NodeError, cb: Option<WriteCb>) {
        if let Some(w) = self.st.borrow_mut().w.as_mut() {
            w.pending_cb = w.pending_cb.saturating_sub(1);
        }
        if let Some(cb) = cb {
            cb(Some(&err));
        }
        self.error_buffer();
        self.error_or_destroy(err, false);
    }

    /// Node's `afterWrite`: `'drain'`, the callbacks, then maybe `'finish'`.
    fn after_write(self: &Rc<Self>, count: usize, cb: Option<WriteCb>) {
        let mut st = self.st.borrow_mut();
        let destroyed = st.life.destroyed;
        let Some(w) = st.w.as_mut() else { return };
        w.after_write_pending = false;
        let drain = !w.ending && !destroyed && w.length == 0 && w.need_drain;
        if drain {
            w.need_drain = false;
        }
        w.pending_cb = w.pending_cb.saturating_sub(count);
        let ending = w.ending;
        drop(st);
        if drain {
            self.emit(StreamEvent::Drain);
        }
        if let Some(cb) = cb {
            cb(None);
        }
        if destroyed {
            self.error_buffer();
        }
        if ending {
            self.finish_maybe(true);
        }
    }

    /// Node's `errorBuffer`: fails every buffered write and pending `end` callback.
    pub(crate) fn error_buffer(self: &Rc<Self>) {
        let mut st = self.st.borrow_mut();
        let errored = st.life.errored.clone();
        let Some(w) = st.w.as_mut() else { return };
        if w.writing {
            return;
        }
        let buffered: Vec<_> = w.buffered.drain(..).collect();
        let om = w.object_mode;
        for (c, _) in &buffered {
            w.length = w.length.saturating_sub(if om { 1 } else { c.byte_len() });
        }
        w.pending_cb = w.pending_cb.saturating_sub(buffered.len());
        let finished = std::mem::take(&mut w.on_finished);
        drop(st);
        let err = errored.unwrap_or_else(|| errors::destroyed("write"));
        for (_, cb) in buffered {
            if let Some(cb) = cb {
                cb(Some(&err));
            }
        }
        let end_err = errors::destroyed("end");
        for cb in finished {
            cb(Some(&end_err));
        }
    }

    /// Node's `clearBuffer`: writes what `cork` or a slow write held back, batched through
    /// `_writev` when the sink has one.
    pub(crate) fn clear_buffer(self: &Rc<Self>) {
        let writev = self.caps.writev;
        let mut st = self.st.borrow_mut();
        let destroyed = st.life.destroyed || !st.life.constructed;
        let Some(w) = st.w.as_mut() else { return };
        if w.corked > 0 || w.buffer_processing || destroyed {
            return;
        }
        w.buffer_processing = true;
        if w.buffered.len() > 1 && writev {
            let items: Vec<_> = w.buffered.drain(..).collect();
            w.pending_cb = w.pending_cb.saturating_sub(items.len() - 1);
            let om = w.object_mode;
            let len: usize = items
                .iter()
                .map(|(c, _)| if om { 1 } else { c.byte_len() })
                .sum();
            let mut chunks = Vec::with_capacity(items.len());
            let mut cbs = Vec::new();
            for (c, cb) in items {
                chunks.push(c);
                cbs.extend(cb);
            }
            let cb: Option<WriteCb> = if cbs.is_empty() {
                None
            } else {
                Some(Box::new(move |e: Option<&NodeError>| {
                    for cb in cbs {
                        cb(e);
                    }
                }))
            };
            w.write_len = len;
            w.write_cb = Some(cb);
            w.writing = true;
            w.sync = true;
            drop(st);
            self.do_write(Batch::Many(chunks));
            st = self.st.borrow_mut();
            if let Some(w) = st.w.as_mut() {
                w.sync = false;
            }
        } else {
            loop {
                let Some(w) = st.w.as_mut() else { return };
                if w.writing {
                    break;
                }
                let Some((chunk, cb)) = w.buffered.pop_front() else {
                    break;
                };
                w.write_len = if w.object_mode { 1 } else { chunk.byte_len() };
                w.write_cb = Some(cb);
                w.writing = true;
                w.sync = true;
                drop(st);
                self.do_write(Batch::One(chunk));
                st = self.st.borrow_mut();
                if let Some(w) = st.w.as_mut() {
                    w.sync = false;
                }
            }
        }
        if let Some(w) = st.w.as_mut() {
            w.buffer_processing = false;
        }
    }
}
