//! `readable.pipe(dest)` and `readable.unpipe(dest)` (Node's `Readable.prototype.pipe`).

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use crate::core::Shared;
use crate::events::StreamEvent;
use crate::readable::Readable;
use crate::writable::Writable;

struct PipeState {
    src: Rc<Shared>,
    dest: Rc<Shared>,
    src_hooks: RefCell<Vec<u64>>,
    dest_hooks: RefCell<Vec<u64>>,
    ondrain: Cell<Option<u64>>,
    cleaned: Cell<bool>,
}

impl PipeState {
    /// Node's `pause()` inside `pipe`: wait for the destination's `'drain'`.
    fn pause(self: &Rc<Self>) {
        if self.cleaned.get() {
            return;
        }
        if let Some(r) = self.src.st.borrow_mut().r.as_mut() {
            if r.pipes.iter().any(|w| Rc::ptr_eq(&w.inner, &self.dest)) {
                r.await_drain += 1;
            }
        }
        self.src.pause();
        if self.ondrain.get().is_none() {
            let me = self.clone();
            let id = self.dest.hook("drain", move |_| {
                let resume = {
                    let mut st = me.src.st.borrow_mut();
                    match st.r.as_mut() {
                        Some(r) => {
                            r.await_drain = r.await_drain.saturating_sub(1);
                            r.await_drain == 0
                        }
                        None => false,
                    }
                };
                if resume && me.src.has_data_listeners() {
                    me.src.resume();
                }
            });
            self.ondrain.set(Some(id));
        }
    }

    fn cleanup(&self) {
        if self.cleaned.replace(true) {
            return;
        }
        for id in self.src_hooks.borrow_mut().drain(..) {
            self.src.unhook(id);
        }
        for id in self.dest_hooks.borrow_mut().drain(..) {
            self.dest.unhook(id);
        }
        if let Some(id) = self.ondrain.take() {
            self.dest.unhook(id);
        }
    }
}

impl Readable {
    /// `readable.pipe(dest)`: writes every chunk to `dest`, pausing while `dest.write()`
    /// returns `false` until `'drain'`, and ends `dest` at `'end'` (when `end` is true).
    ///
    /// # Examples
    /// ```
    /// use node_streams::{sink_fn, LocalScheduler, Readable, Writable};
    /// let dst = Writable::new(sink_fn(|_| Ok(())));
    /// Readable::from_iter(["a", "b"]).pipe(&dst, true);
    /// LocalScheduler::current().run_until_stalled();
    /// assert!(dst.writable_finished());
    /// ```
    pub fn pipe(&self, dest: &Writable, end: bool) -> Writable {
        let src = self.inner.clone();
        let p = Rc::new(PipeState {
            src: src.clone(),
            dest: dest.inner.clone(),
            src_hooks: RefCell::new(Vec::new()),
            dest_hooks: RefCell::new(Vec::new()),
            ondrain: Cell::new(None),
            cleaned: Cell::new(false),
        });
        let end_emitted = {
            let mut st = src.st.borrow_mut();
            match st.r.as_mut() {
                Some(r) => {
                    r.pipes.push(dest.clone());
                    r.end_emitted
                }
                None => false,
            }
        };
        let on_end = {
            let (src, dest) = (self.clone(), dest.clone());
            move || {
                if end {
                    // Errors of a late end are the destination's to report.
                    let _ = dest.end();
                } else {
                    src.unpipe(Some(&dest));
                }
            }
        };
        if end_emitted {
            src.tick(move |_| on_end());
        } else {
            let on_end = RefCell::new(Some(on_end));
            let id = src.hook("end", move |_| {
                if let Some(f) = on_end.borrow_mut().take() {
                    f();
                }
            });
            p.src_hooks.borrow_mut().push(id);
        }
        // 'unpipe' from this source cleans up.
        let me = p.clone();
        let src_for_unpipe = src.clone();
        let id = dest.inner.hook("unpipe", move |ev| {
            if let StreamEvent::Unpipe(r) = ev {
                if Rc::ptr_eq(&r.inner, &src_for_unpipe) {
                    me.cleanup();
                }
            }
        });
        p.dest_hooks.borrow_mut().push(id);
        let me = p.clone();
        let d = dest.clone();
        let id = src.hook("data", move |ev| {
            if let StreamEvent::Data(c) = ev {
                if !matches!(d.write(c.clone()), Ok(true)) {
                    me.pause();
                }
            }
        });
        p.src_hooks.borrow_mut().push(id);
        for name in ["error", "close", "finish"] {
            let (s, d) = (self.clone(), dest.clone());
            // Node prepends the 'error' handler so it runs before the user's.
            let id = dest.inner.hook_with(name, name == "error", move |_| {
                s.unpipe(Some(&d));
            });
            p.dest_hooks.borrow_mut().push(id);
        }
        dest.inner.emit(StreamEvent::Pipe(self.clone()));
        if dest.writable_need_drain() {
            p.pause();
        } else if src
            .st
            .borrow()
            .r
            .as_ref()
            .is_some_and(|r| r.flowing != Some(true))
        {
            src.resume();
        }
        dest.clone()
    }

    /// `readable.unpipe(dest)`: stops piping into `dest` (every destination for `None`).
    ///
    /// # Examples
    /// ```
    /// use node_streams::{sink_fn, PushSource, Readable, Writable};
    /// let r = Readable::new(PushSource);
    /// let w = Writable::new(sink_fn(|_| Ok(())));
    /// r.pipe(&w, true);
    /// r.unpipe(Some(&w));
    /// assert!(r.is_paused());
    /// ```
    pub fn unpipe(&self, dest: Option<&Writable>) -> &Self {
        let removed: Vec<Writable> = {
            let mut st = self.inner.st.borrow_mut();
            let Some(r) = st.r.as_mut() else { return self };
            match dest {
                None => std::mem::take(&mut r.pipes),
                Some(d) => match r.pipes.iter().position(|w| Rc::ptr_eq(&w.inner, &d.inner)) {
                    Some(i) => vec![r.pipes.remove(i)],
                    None => Vec::new(),
                },
            }
        };
        if removed.is_empty() {
            return self;
        }
        let now_empty = self
            .inner
            .st
            .borrow()
            .r
            .as_ref()
            .is_some_and(|r| r.pipes.is_empty());
        if now_empty {
            self.inner.pause();
        }
        for w in removed {
            w.inner.emit(StreamEvent::Unpipe(self.clone()));
        }
        self
    }
}
