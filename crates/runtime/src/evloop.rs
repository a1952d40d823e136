//! Stand-in for `node-event-loop` until it lands: the same API subset, no I/O.
//! TODO(issue 3): replace with `pub(crate) use node_event_loop::*`.

use std::cell::{Cell, RefCell};
use std::collections::{BTreeMap, VecDeque};
use std::rc::Rc;
use std::time::{Duration, Instant};

type Cb = Box<dyn FnOnce()>;

struct TimerEntry {
    cb: Option<Box<dyn FnMut()>>,
    repeat: Option<u64>,
    ms: u64,
    refed: bool,
    key: (u64, u64),
}

#[derive(Default)]
struct Inner {
    timers: RefCell<BTreeMap<(u64, u64), u64>>,
    entries: RefCell<std::collections::HashMap<u64, TimerEntry>>,
    immediates: RefCell<VecDeque<(u64, Cb)>>,
    imm_state: RefCell<std::collections::HashMap<u64, bool>>,
    ticks: RefCell<VecDeque<Cb>>,
    hook: RefCell<Option<Box<dyn FnMut() -> bool>>>,
    seq: Cell<u64>,
    start: Cell<Option<Instant>>,
    now: Cell<u64>,
}

pub(crate) struct EventLoop {
    h: LoopHandle,
}

#[derive(Clone)]
pub(crate) struct LoopHandle(Rc<Inner>);

thread_local! {
    static CURRENT: RefCell<Option<LoopHandle>> = const { RefCell::new(None) };
}

#[allow(dead_code)]
pub(crate) enum RunMode {
    Default,
}

impl EventLoop {
    pub(crate) fn new() -> std::io::Result<EventLoop> {
        let h = LoopHandle(Rc::new(Inner::default()));
        h.0.start.set(Some(Instant::now()));
        CURRENT.with(|c| *c.borrow_mut() = Some(h.clone()));
        Ok(EventLoop { h })
    }
    pub(crate) fn handle(&self) -> LoopHandle {
        self.h.clone()
    }
    pub(crate) fn enter<R>(&self, f: impl FnOnce() -> R) -> R {
        f()
    }
    pub(crate) fn run(&self, _mode: RunMode) -> bool {
        let h = &self.h;
        loop {
            h.update_now();
            // timers
            loop {
                let next = h.0.timers.borrow().iter().next().map(|(k, v)| (*k, *v));
                let Some((key, id)) = next else { break };
                if key.0 > h.0.now.get() {
                    break;
                }
                h.0.timers.borrow_mut().remove(&key);
                let mut cb = {
                    let mut e = h.0.entries.borrow_mut();
                    match e.get_mut(&id) {
                        Some(t) => t.cb.take(),
                        None => None,
                    }
                };
                if let Some(f) = cb.as_mut() {
                    f();
                }
                let mut e = h.0.entries.borrow_mut();
                if let Some(t) = e.get_mut(&id) {
                    if t.repeat.is_some() && t.cb.is_none() && t.key == key {
                        t.cb = cb;
                        let seq = h.0.seq.get() + 1;
                        h.0.seq.set(seq);
                        t.key = (h.0.now.get() + t.ms, seq);
                        h.0.timers.borrow_mut().insert(t.key, id);
                    } else if t.repeat.is_none() && t.key == key {
                        e.remove(&id);
                    } else if t.cb.is_none() {
                        t.cb = cb;
                    }
                }
                drop(e);
                h.checkpoint();
            }
            // check
            let n = h.0.immediates.borrow().len();
            for _ in 0..n {
                let item = h.0.immediates.borrow_mut().pop_front();
                if let Some((id, cb)) = item {
                    if h.0.imm_state.borrow_mut().remove(&id).is_some() {
                        cb();
                        h.checkpoint();
                    }
                }
            }
            if !h.is_alive() {
                return false;
            }
            if h.0.immediates.borrow().is_empty() {
                let next = h.0.timers.borrow().keys().next().copied();
                if let Some((t, _)) = next {
                    h.update_now();
                    let now = h.0.now.get();
                    if t > now {
                        std::thread::sleep(Duration::from_millis(t - now));
                    }
                }
            }
        }
    }
}

pub(crate) struct Timer(LoopHandle, u64);
pub(crate) struct Immediate(LoopHandle, u64);

impl LoopHandle {
    fn update_now(&self) {
        let s = self.0.start.get().unwrap_or_else(Instant::now);
        self.0.now.set(s.elapsed().as_millis() as u64);
    }
    fn id(&self) -> u64 {
        let s = self.0.seq.get() + 1;
        self.0.seq.set(s);
        s
    }
    fn add_timer(&self, ms: u64, repeat: bool, cb: Box<dyn FnMut()>) -> Timer {
        let ms = ms.max(1);
        let id = self.id();
        let key = (self.0.now.get() + ms, id);
        self.0.timers.borrow_mut().insert(key, id);
        self.0.entries.borrow_mut().insert(
            id,
            TimerEntry { cb: Some(cb), repeat: repeat.then_some(ms), ms, refed: true, key },
        );
        Timer(self.clone(), id)
    }
    pub(crate) fn set_timeout(&self, ms: u64, cb: impl FnOnce() + 'static) -> Timer {
        let mut cb = Some(cb);
        self.add_timer(ms, false, Box::new(move || if let Some(f) = cb.take() { f() }))
    }
    pub(crate) fn set_interval(&self, ms: u64, cb: impl FnMut() + 'static) -> Timer {
        self.add_timer(ms, true, Box::new(cb))
    }
    pub(crate) fn set_immediate(&self, cb: impl FnOnce() + 'static) -> Immediate {
        let id = self.id();
        self.0.immediates.borrow_mut().push_back((id, Box::new(cb)));
        self.0.imm_state.borrow_mut().insert(id, true);
        Immediate(self.clone(), id)
    }
    pub(crate) fn next_tick(&self, cb: impl FnOnce() + 'static) {
        self.0.ticks.borrow_mut().push_back(Box::new(cb));
    }
    pub(crate) fn set_microtask_hook(&self, hook: impl FnMut() -> bool + 'static) {
        *self.0.hook.borrow_mut() = Some(Box::new(hook));
    }
    pub(crate) fn checkpoint(&self) {
        loop {
            loop {
                let t = self.0.ticks.borrow_mut().pop_front();
                match t {
                    Some(f) => f(),
                    None => break,
                }
            }
            let hook = self.0.hook.borrow_mut().take();
            let more = if let Some(mut h) = hook {
                let r = h();
                *self.0.hook.borrow_mut() = Some(h);
                r
            } else {
                false
            };
            if self.0.ticks.borrow().is_empty() && !more {
                break;
            }
        }
    }
    pub(crate) fn now(&self) -> u64 {
        self.0.now.get()
    }
    pub(crate) fn is_alive(&self) -> bool {
        self.0.entries.borrow().values().any(|t| t.refed)
            || self.0.imm_state.borrow().values().any(|r| *r)
    }
    pub(crate) fn current() -> Option<LoopHandle> {
        CURRENT.with(|c| c.borrow().clone())
    }
}

impl Timer {
    pub(crate) fn clear(&self) {
        if let Some(t) = self.0 .0.entries.borrow_mut().remove(&self.1) {
            self.0 .0.timers.borrow_mut().remove(&t.key);
        }
    }
    pub(crate) fn refresh(&self) {
        let h = &self.0;
        h.update_now();
        let mut e = h.0.entries.borrow_mut();
        if let Some(t) = e.get_mut(&self.1) {
            h.0.timers.borrow_mut().remove(&t.key);
            t.key = (h.0.now.get() + t.ms, h.id());
            h.0.timers.borrow_mut().insert(t.key, self.1);
        }
    }
    pub(crate) fn ref_(&self) {
        if let Some(t) = self.0 .0.entries.borrow_mut().get_mut(&self.1) {
            t.refed = true;
        }
    }
    pub(crate) fn unref(&self) {
        if let Some(t) = self.0 .0.entries.borrow_mut().get_mut(&self.1) {
            t.refed = false;
        }
    }
    pub(crate) fn has_ref(&self) -> bool {
        self.0 .0.entries.borrow().get(&self.1).is_some_and(|t| t.refed)
    }
}

impl Immediate {
    pub(crate) fn clear(&self) {
        self.0 .0.imm_state.borrow_mut().remove(&self.1);
    }
    pub(crate) fn ref_(&self) {
        if let Some(r) = self.0 .0.imm_state.borrow_mut().get_mut(&self.1) {
            *r = true;
        }
    }
    pub(crate) fn unref(&self) {
        if let Some(r) = self.0 .0.imm_state.borrow_mut().get_mut(&self.1) {
            *r = false;
        }
    }
}
