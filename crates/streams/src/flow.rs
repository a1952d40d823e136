//! Readable scheduling of Node's `readable.js`: `'readable'`, read-ahead, flowing mode
//! (`flow`, `resume`, `pause`), the `'data'`/`'readable'` listener side effects, and the
//! end of the stream (`endReadable`).

use std::rc::Rc;

use crate::core::Shared;
use crate::events::StreamEvent;

impl Shared {
    /// Node's `emitReadable`: schedules `'readable'` once.
    pub(crate) fn emit_readable(self: &Rc<Self>) {
        let mut st = self.st.borrow_mut();
        let Some(r) = st.r.as_mut() else { return };
        r.need_readable = false;
        if !r.emitted_readable {
            r.emitted_readable = true;
            drop(st);
            self.tick(|s| s.emit_readable_now());
        }
    }

    /// Node's `emitReadable_`.
    pub(crate) fn emit_readable_now(self: &Rc<Self>) {
        let st = self.st.borrow();
        let Some(r) = st.r.as_ref() else { return };
        let emit = !st.life.destroyed && st.life.errored.is_none() && (r.length > 0 || r.ended);
        drop(st);
        if emit {
            self.emit(StreamEvent::Readable);
            if let Some(r) = self.st.borrow_mut().r.as_mut() {
                r.emitted_readable = false;
            }
        }
        let mut st = self.st.borrow_mut();
        let Some(r) = st.r.as_mut() else { return };
        r.need_readable = r.flowing != Some(true) && !r.ended && r.length <= r.hwm;
        drop(st);
        self.flow();
    }

    /// Node's `maybeReadMore`: read ahead up to highWaterMark on the next tick.
    pub(crate) fn maybe_read_more(self: &Rc<Self>) {
        let mut st = self.st.borrow_mut();
        let constructed = st.life.constructed;
        let Some(r) = st.r.as_mut() else { return };
        if !r.reading_more && constructed {
            r.reading_more = true;
            drop(st);
            self.tick(|s| s.maybe_read_more_now());
        }
    }

    fn maybe_read_more_now(self: &Rc<Self>) {
        loop {
            let len = {
                let st = self.st.borrow();
                let Some(r) = st.r.as_ref() else { return };
                let want = !r.reading
                    && !r.ended
                    && (r.length < r.hwm || (r.flowing == Some(true) && r.length == 0));
                if !want {
                    break;
                }
                r.length
            };
            self.read(Some(0));
            let st = self.st.borrow();
            if st.r.as_ref().is_none_or(|r| r.length == len) {
                break;
            }
        }
        if let Some(r) = self.st.borrow_mut().r.as_mut() {
            r.reading_more = false;
        }
    }

    /// Node's `endReadable`.
    pub(crate) fn end_readable(self: &Rc<Self>) {
        let mut st = self.st.borrow_mut();
        let Some(r) = st.r.as_mut() else { return };
        if !r.end_emitted {
            r.ended = true;
            drop(st);
            self.tick(|s| s.end_readable_nt());
        }
    }

    /// Node's `endReadableNT`: `'end'`, then half-open handling or auto-destroy.
    fn end_readable_nt(self: &Rc<Self>) {
        let mut st = self.st.borrow_mut();
        let (errored, close_emitted) = (st.life.errored.is_some(), st.life.close_emitted);
        let Some(r) = st.r.as_mut() else { return };
        if errored || close_emitted || r.end_emitted || r.length != 0 {
            return;
        }
        r.end_emitted = true;
        drop(st);
        self.emit(StreamEvent::End);
        let st = self.st.borrow();
        let writable = st.w.as_ref().map(|w| !w.ending && !st.life.destroyed);
        if writable == Some(true) && !st.life.allow_half_open {
            drop(st);
            self.tick(|s| {
                // Errors (already ended or destroyed) are reported by the writable side.
                let _ = s.end_writable(None);
            });
        } else if st.life.auto_destroy {
            let destroy = st.w.as_ref().is_none_or(|w| w.finished);
            drop(st);
            if destroy {
                self.destroy(None);
            }
        }
    }

    /// Node's `flow`: read while flowing.
    pub(crate) fn flow(self: &Rc<Self>) {
        loop {
            let flowing = self
                .st
                .borrow()
                .r
                .as_ref()
                .is_some_and(|r| r.flowing == Some(true));
            if !flowing || self.read(None).is_none() {
                return;
            }
        }
    }

    /// Node's `resume`.
    pub(crate) fn resume(self: &Rc<Self>) {
        let mut st = self.st.borrow_mut();
        let Some(r) = st.r.as_mut() else { return };
        r.paused = Some(false);
        if r.flowing != Some(true) {
            // Node: flowing only if no 'readable' listener holds the stream paused.
            r.flowing = Some(!r.readable_listening);
            if !r.resume_scheduled {
                r.resume_scheduled = true;
                drop(st);
                self.tick(|s| s.resume_nt());
            }
        }
    }

    fn resume_nt(self: &Rc<Self>) {
        let reading = self.st.borrow().r.as_ref().is_some_and(|r| r.reading);
        if !reading {
            self.read(Some(0));
        }
        if let Some(r) = self.st.borrow_mut().r.as_mut() {
            r.resume_scheduled = false;
        }
        self.emit(StreamEvent::Resume);
        self.flow();
        let again = self
            .st
            .borrow()
            .r
            .as_ref()
            .is_some_and(|r| r.flowing == Some(true) && !r.reading);
        if again {
            self.read(Some(0));
        }
    }

    /// Node's `pause`.
    pub(crate) fn pause(self: &Rc<Self>) {
        let mut st = self.st.borrow_mut();
        let Some(r) = st.r.as_mut() else { return };
        r.paused = Some(true);
        if r.flowing != Some(false) {
            r.flowing = Some(false);
            drop(st);
            self.emit(StreamEvent::Pause);
        }
    }

    /// What Node's `Readable.prototype.removeListener` does after removing a
    /// `'readable'` listener: `updateReadableListening` on the next tick.
    pub(crate) fn listener_removed(self: &Rc<Self>, name: &str) {
        if name == "readable" {
            self.tick(|s| s.update_readable_listening());
        }
    }

    fn update_readable_listening(self: &Rc<Self>) {
        let readable = self.listeners("readable") > 0;
        let data = self.has_data_listeners();
        let mut st = self.st.borrow_mut();
        let Some(r) = st.r.as_mut() else { return };
        r.readable_listening = readable;
        if r.resume_scheduled && r.paused == Some(false) {
            // A resume is on its way: it starts flowing.
            r.flowing = Some(true);
        } else if data {
            drop(st);
            self.resume();
        } else if !readable {
            r.flowing = None;
        }
    }

    /// What Node's `Readable.prototype.on` does after adding a `'data'` or `'readable'`
    /// listener.
    pub(crate) fn listener_added(self: &Rc<Self>, name: &str) {
        match name {
            "data" => {
                let mut st = self.st.borrow_mut();
                let Some(r) = st.r.as_mut() else { return };
                r.readable_listening = self.listeners("readable") > 0;
                let resume = r.flowing != Some(false);
                drop(st);
                if resume {
                    self.resume();
                }
            }
            "readable" => {
                let mut st = self.st.borrow_mut();
                let Some(r) = st.r.as_mut() else { return };
                if r.end_emitted || r.readable_listening {
                    return;
                }
                r.readable_listening = true;
                r.need_readable = true;
                r.flowing = Some(false);
                r.emitted_readable = false;
                let (len, reading) = (r.length, r.reading);
                drop(st);
                if len > 0 {
                    self.emit_readable();
                } else if !reading {
                    self.tick(|s| {
                        s.read(Some(0));
                    });
                }
            }
            _ => {}
        }
    }
}
