//! The state of one loop, shared by [`LoopHandle`]s on its thread.

use std::cell::{Cell, RefCell};
use std::collections::VecDeque;
use std::fmt;
use std::future::Future;
use std::rc::{Rc, Weak};
use std::sync::atomic::Ordering;
use std::sync::Arc;
use std::time::{Duration, Instant};

use tokio::task::LocalSet;

use crate::immediate::{Immediate, ImmediateQueue, Task};
use crate::io_handle::IoHandle;
use crate::remote::{RemoteHandle, RemoteShared};
use crate::slab::Slab;
use crate::timer_batch::{BatchRunner, Cursor, TimerBatch};
use crate::timers::{OnTimeout, Timer, TimerQueue};

type MicrotaskHook = Box<dyn FnMut() -> bool>;

pub(crate) struct Shared {
    start: Instant,
    /// When the loop first ran (libuv's loop start for node's `nodeTiming.loopStart`).
    pub(crate) loop_start: Cell<Option<Instant>>,
    /// Time spent blocked in the poll phase (libuv's `uv_metrics_idle_time`).
    pub(crate) idle: Cell<Duration>,
    /// Cached loop time in ms, updated once per iteration as libuv's `uv_update_time`.
    pub(crate) now: Cell<u64>,
    pub(crate) timers: RefCell<TimerQueue>,
    /// [`TimerBatch`] runners by batch index (`None` while one runs).
    pub(crate) batches: RefCell<Vec<Option<BatchRunner>>>,
    /// The batch runner call in progress, if any.
    pub(crate) batch_cursor: RefCell<Option<Cursor>>,
    pub(crate) immediates: RefCell<ImmediateQueue>,
    ticks: RefCell<VecDeque<Task>>,
    microtasks: RefCell<VecDeque<Task>>,
    microtask_hook: RefCell<Option<MicrotaskHook>>,
    in_checkpoint: Cell<bool>,
    pub(crate) pending: RefCell<VecDeque<Task>>,
    pub(crate) completions: RefCell<VecDeque<Task>>,
    pub(crate) closing: RefCell<VecDeque<Task>>,
    pub(crate) active_requests: Cell<usize>,
    /// Open [`IoHandle`]s and whether each is ref'd.
    pub(crate) handles: RefCell<Slab<bool>>,
    pub(crate) refed_handles: Cell<usize>,
    pub(crate) stop: Cell<bool>,
    pub(crate) remote: Arc<RemoteShared>,
    pub(crate) local: RefCell<Option<LocalSet>>,
}

thread_local! {
    static CURRENT: RefCell<Weak<Shared>> = const { RefCell::new(Weak::new()) };
}

/// Resets the checkpoint flag even if a callback panics.
struct CheckpointGuard<'a>(&'a Cell<bool>);

impl Drop for CheckpointGuard<'_> {
    fn drop(&mut self) {
        self.0.set(false);
    }
}

impl Shared {
    pub(crate) fn new() -> Rc<Shared> {
        let shared = Rc::new(Shared {
            start: Instant::now(),
            loop_start: Cell::new(None),
            idle: Cell::new(Duration::ZERO),
            now: Cell::new(0),
            timers: RefCell::default(),
            batches: RefCell::default(),
            batch_cursor: RefCell::new(None),
            immediates: RefCell::default(),
            ticks: RefCell::default(),
            microtasks: RefCell::default(),
            microtask_hook: RefCell::new(None),
            in_checkpoint: Cell::new(false),
            pending: RefCell::default(),
            completions: RefCell::default(),
            closing: RefCell::default(),
            active_requests: Cell::new(0),
            handles: RefCell::default(),
            refed_handles: Cell::new(0),
            stop: Cell::new(false),
            remote: Arc::default(),
            local: RefCell::new(Some(LocalSet::new())),
        });
        CURRENT.with(|c| {
            let mut c = c.borrow_mut();
            if c.upgrade().is_none() {
                *c = Rc::downgrade(&shared);
            }
        });
        shared
    }

    pub(crate) fn update_time(&self) {
        let ms = u64::try_from(self.start.elapsed().as_millis()).unwrap_or(u64::MAX);
        self.now.set(ms);
    }

    pub(crate) fn push_completion(&self, task: Task) {
        self.completions.borrow_mut().push_back(task);
        self.remote.notify.notify_one();
    }

    /// libuv's `uv__loop_alive`: ref'd handles, requests in flight, or queued callbacks
    /// (including callbacks posted from other threads, which are never dropped).
    pub(crate) fn is_alive(&self) -> bool {
        self.has_active_handles()
            || self.active_requests.get() > 0
            || !self.pending.borrow().is_empty()
            || !self.completions.borrow().is_empty()
            || !self.closing.borrow().is_empty()
            || self.remote.has_queued()
    }

    pub(crate) fn has_active_handles(&self) -> bool {
        self.timers.borrow().refed_active() > 0
            || self.immediates.borrow().refed() > 0
            || self.refed_handles.get() > 0
            || self.remote.keep_alive.load(Ordering::SeqCst) > 0
    }

    /// Node's `processTicksAndRejections`: every queued tick, then the microtasks, again
    /// until both queues stay empty.
    pub(crate) fn checkpoint(&self) {
        if self.in_checkpoint.replace(true) {
            return;
        }
        let _guard = CheckpointGuard(&self.in_checkpoint);
        loop {
            loop {
                let tick = self.ticks.borrow_mut().pop_front();
                match tick {
                    Some(t) => t(),
                    None => break,
                }
            }
            loop {
                let task = self.microtasks.borrow_mut().pop_front();
                match task {
                    Some(t) => t(),
                    None => break,
                }
            }
            let hook = self.microtask_hook.borrow_mut().take();
            let ran = match hook {
                Some(mut h) => {
                    let ran = h();
                    let mut slot = self.microtask_hook.borrow_mut();
                    if slot.is_none() {
                        *slot = Some(h);
                    }
                    ran
                }
                None => false,
            };
            if !ran && self.ticks.borrow().is_empty() && self.microtasks.borrow().is_empty() {
                break;
            }
        }
    }

    /// Drops every queued callback, breaking reference cycles through captured handles.
    pub(crate) fn clear(&self) {
        self.timers.borrow_mut().clear();
        self.batch_cursor.borrow_mut().take();
        self.batches.borrow_mut().clear();
        self.immediates.borrow_mut().clear();
        self.ticks.borrow_mut().clear();
        self.microtasks.borrow_mut().clear();
        self.microtask_hook.borrow_mut().take();
        self.pending.borrow_mut().clear();
        self.completions.borrow_mut().clear();
        self.closing.borrow_mut().clear();
        self.remote.take_all();
    }
}

/// A cheap, clonable handle to a loop for scheduling work on it from its own thread
/// (`!Send`; use [`LoopHandle::remote`] from other threads).
///
/// # Examples
/// ```
/// use node_event_loop::{EventLoop, RunMode};
/// use std::{cell::RefCell, rc::Rc};
/// let ev = EventLoop::new().unwrap();
/// let h = ev.handle();
/// let log = Rc::new(RefCell::new(Vec::new()));
/// let (a, b, c) = (log.clone(), log.clone(), log.clone());
/// h.set_immediate(move || a.borrow_mut().push("immediate"));
/// h.next_tick(move || b.borrow_mut().push("tick"));
/// h.queue_microtask(move || c.borrow_mut().push("microtask"));
/// h.checkpoint();
/// ev.run(RunMode::Default);
/// assert_eq!(*log.borrow(), ["tick", "microtask", "immediate"]);
/// ```
#[derive(Clone)]
pub struct LoopHandle {
    pub(crate) shared: Rc<Shared>,
}

impl fmt::Debug for LoopHandle {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("LoopHandle")
            .field("now", &self.shared.now.get())
            .field("alive", &self.is_alive())
            .finish()
    }
}

impl LoopHandle {
    /// The loop created first on this thread, while it exists.
    ///
    /// # Examples
    /// ```
    /// let ev = node_event_loop::EventLoop::new().unwrap();
    /// assert!(node_event_loop::LoopHandle::current().is_some());
    /// # drop(ev);
    /// ```
    pub fn current() -> Option<LoopHandle> {
        CURRENT
            .with(|c| c.borrow().upgrade())
            .map(|shared| LoopHandle { shared })
    }

    /// `setTimeout(cb, ms)`: runs `cb` in the timers phase once `ms` (at least 1) have
    /// passed. The callback is `FnMut` because [`Timer::refresh`] may re-arm a fired timer.
    ///
    /// # Examples
    /// ```
    /// use node_event_loop::{EventLoop, RunMode};
    /// let ev = EventLoop::new().unwrap();
    /// ev.handle().set_timeout(1, || println!("later"));
    /// ev.run(RunMode::Default);
    /// ```
    #[doc(alias = "setTimeout")]
    pub fn set_timeout(&self, ms: u64, cb: impl FnMut() + 'static) -> Timer {
        let key = self.shared.timers.borrow_mut().insert(
            self.shared.now.get(),
            ms,
            false,
            OnTimeout::Call(Box::new(cb)),
        );
        Timer {
            shared: Rc::downgrade(&self.shared),
            key,
        }
    }

    /// `setInterval(cb, ms)`: runs `cb` every `ms` (at least 1) until cleared; each run is
    /// rescheduled from the loop time after the callback.
    ///
    /// # Examples
    /// ```
    /// use node_event_loop::{EventLoop, RunMode};
    /// use std::{cell::Cell, rc::Rc};
    /// let ev = EventLoop::new().unwrap();
    /// let n = Rc::new(Cell::new(0));
    /// let slot: Rc<Cell<Option<node_event_loop::Timer>>> = Rc::default();
    /// let (n2, s2) = (n.clone(), slot.clone());
    /// slot.set(Some(ev.handle().set_interval(1, move || {
    ///     n2.set(n2.get() + 1);
    ///     if n2.get() == 3 { if let Some(t) = s2.take() { t.clear() } }
    /// })));
    /// ev.run(RunMode::Default);
    /// assert_eq!(n.get(), 3);
    /// ```
    #[doc(alias = "setInterval")]
    pub fn set_interval(&self, ms: u64, cb: impl FnMut() + 'static) -> Timer {
        let key = self.shared.timers.borrow_mut().insert(
            self.shared.now.get(),
            ms,
            true,
            OnTimeout::Call(Box::new(cb)),
        );
        Timer {
            shared: Rc::downgrade(&self.shared),
            key,
        }
    }

    /// Registers a [`TimerBatch`]: timers that carry an id instead of a closure, fired
    /// through one call of `runner` per run of due timers (see [`TimerBatch`]). The runner
    /// stays registered as long as the loop.
    ///
    /// # Examples
    /// ```
    /// use node_event_loop::{EventLoop, RunMode};
    /// let ev = EventLoop::new().unwrap();
    /// let batch = ev.handle().timer_batch(|b| {
    ///     while let Some(id) = b.next_due() {
    ///         println!("timer {id}");
    ///     }
    /// });
    /// batch.set_timeout(1, 42);
    /// ev.run(RunMode::Default);
    /// ```
    pub fn timer_batch(&self, runner: impl FnMut(&TimerBatch) + 'static) -> TimerBatch {
        self.shared.add_batch(Box::new(runner))
    }

    /// `setImmediate(cb)`: runs `cb` in the next check phase.
    ///
    /// # Examples
    /// ```
    /// use node_event_loop::{EventLoop, RunMode};
    /// let ev = EventLoop::new().unwrap();
    /// ev.handle().set_immediate(|| println!("check phase"));
    /// ev.run(RunMode::Default);
    /// ```
    #[doc(alias = "setImmediate")]
    pub fn set_immediate(&self, cb: impl FnOnce() + 'static) -> Immediate {
        let key = self.shared.immediates.borrow_mut().push(Box::new(cb));
        Immediate {
            shared: Rc::downgrade(&self.shared),
            key,
        }
    }

    /// `process.nextTick(cb)`: runs `cb` at the next checkpoint, before microtasks.
    ///
    /// # Examples
    /// ```
    /// let ev = node_event_loop::EventLoop::new().unwrap();
    /// ev.handle().next_tick(|| println!("tick"));
    /// ev.handle().checkpoint();
    /// ```
    #[doc(alias = "nextTick")]
    pub fn next_tick(&self, cb: impl FnOnce() + 'static) {
        self.shared.ticks.borrow_mut().push_back(Box::new(cb));
    }

    /// `queueMicrotask(cb)` for Rust callers: runs at the next checkpoint, after the ticks.
    ///
    /// # Examples
    /// ```
    /// let ev = node_event_loop::EventLoop::new().unwrap();
    /// ev.handle().queue_microtask(|| println!("microtask"));
    /// ev.handle().checkpoint();
    /// ```
    #[doc(alias = "queueMicrotask")]
    pub fn queue_microtask(&self, cb: impl FnOnce() + 'static) {
        self.shared.microtasks.borrow_mut().push_back(Box::new(cb));
    }

    /// Installs the host's microtask runner (the JS engine's job queue), called at every
    /// checkpoint after the ticks. It returns whether it ran anything; the checkpoint
    /// repeats until no ticks, microtasks or host jobs remain.
    ///
    /// # Examples
    /// ```
    /// let ev = node_event_loop::EventLoop::new().unwrap();
    /// ev.handle().set_microtask_hook(|| false);
    /// ```
    pub fn set_microtask_hook(&self, hook: impl FnMut() -> bool + 'static) {
        *self.shared.microtask_hook.borrow_mut() = Some(Box::new(hook));
    }

    /// Runs a checkpoint now: what Node does after the main script and after every
    /// callback. Does nothing when called from inside a checkpoint.
    ///
    /// # Examples
    /// ```
    /// let ev = node_event_loop::EventLoop::new().unwrap();
    /// ev.handle().checkpoint();
    /// ```
    pub fn checkpoint(&self) {
        self.shared.checkpoint();
    }

    /// Runs `fut` on the loop's tokio `LocalSet`; `done` gets its output in the poll phase.
    /// The loop stays alive while the future is in flight (a libuv request).
    ///
    /// # Examples
    /// ```
    /// use node_event_loop::{EventLoop, RunMode};
    /// let ev = EventLoop::new().unwrap();
    /// ev.handle().spawn_io(async { 40 + 2 }, |n| assert_eq!(n, 42));
    /// ev.run(RunMode::Default);
    /// ```
    pub fn spawn_io<T: 'static>(
        &self,
        fut: impl Future<Output = T> + 'static,
        done: impl FnOnce(T) + 'static,
    ) {
        let local = self.shared.local.borrow();
        let Some(local) = local.as_ref() else {
            return; // the loop is being dropped
        };
        self.shared
            .active_requests
            .set(self.shared.active_requests.get() + 1);
        let weak = Rc::downgrade(&self.shared);
        local.spawn_local(async move {
            let out = fut.await;
            if let Some(shared) = weak.upgrade() {
                shared.active_requests.set(shared.active_requests.get() - 1);
                shared.push_completion(Box::new(move || done(out)));
            }
        });
    }

    /// Spawns a task on the loop's `LocalSet` that does not keep the loop alive by itself;
    /// pair it with an [`IoHandle`] for long-lived I/O.
    ///
    /// # Examples
    /// ```
    /// let ev = node_event_loop::EventLoop::new().unwrap();
    /// ev.handle().spawn_local(async {});
    /// ```
    pub fn spawn_local(&self, fut: impl Future<Output = ()> + 'static) {
        if let Some(local) = self.shared.local.borrow().as_ref() {
            local.spawn_local(fut);
        }
    }

    /// Opens a ref'd [`IoHandle`].
    ///
    /// # Examples
    /// ```
    /// let ev = node_event_loop::EventLoop::new().unwrap();
    /// let h = ev.handle().keep_alive();
    /// assert!(h.has_ref());
    /// ```
    pub fn keep_alive(&self) -> IoHandle {
        let key = self.shared.handles.borrow_mut().insert(true);
        self.shared
            .refed_handles
            .set(self.shared.refed_handles.get() + 1);
        IoHandle {
            shared: Rc::downgrade(&self.shared),
            key,
        }
    }

    /// Queues `cb` for the close-callbacks phase (libuv's `uv_close` callback).
    ///
    /// # Examples
    /// ```
    /// use node_event_loop::{EventLoop, RunMode};
    /// let ev = EventLoop::new().unwrap();
    /// ev.handle().queue_close(|| println!("closed"));
    /// ev.run(RunMode::Default);
    /// ```
    pub fn queue_close(&self, cb: impl FnOnce() + 'static) {
        self.shared.closing.borrow_mut().push_back(Box::new(cb));
    }

    /// Queues `cb` for the pending phase of the next iteration (libuv's deferred I/O
    /// callbacks, such as errors reported after a write returned).
    ///
    /// # Examples
    /// ```
    /// use node_event_loop::{EventLoop, RunMode};
    /// let ev = EventLoop::new().unwrap();
    /// ev.handle().queue_pending(|| println!("pending phase"));
    /// ev.run(RunMode::Default);
    /// ```
    pub fn queue_pending(&self, cb: impl FnOnce() + 'static) {
        self.shared.pending.borrow_mut().push_back(Box::new(cb));
    }

    /// `uv_stop`: the running [`EventLoop::run`](crate::EventLoop::run) returns after the
    /// current iteration.
    ///
    /// # Examples
    /// ```
    /// use node_event_loop::{EventLoop, RunMode};
    /// let ev = EventLoop::new().unwrap();
    /// let h = ev.handle();
    /// let h2 = h.clone();
    /// let t = h.set_interval(1, move || h2.stop());
    /// assert!(ev.run(RunMode::Default)); // stopped while the interval is still alive
    /// t.clear();
    /// ```
    pub fn stop(&self) {
        self.shared.stop.set(true);
    }

    /// The cached loop time in milliseconds (libuv's `uv_now`).
    ///
    /// # Examples
    /// ```
    /// let ev = node_event_loop::EventLoop::new().unwrap();
    /// let _ms = ev.handle().now();
    /// ```
    pub fn now(&self) -> u64 {
        self.shared.now.get()
    }

    /// Time the loop spent blocked waiting for I/O in the poll phase (libuv's
    /// `uv_metrics_idle_time`, the basis of node's `performance.eventLoopUtilization()`).
    ///
    /// # Examples
    /// ```
    /// let ev = node_event_loop::EventLoop::new().unwrap();
    /// assert_eq!(ev.handle().idle_time(), std::time::Duration::ZERO);
    /// ```
    #[doc(alias = "uv_metrics_idle_time")]
    pub fn idle_time(&self) -> Duration {
        self.shared.idle.get()
    }

    /// When [`EventLoop::run`](crate::EventLoop::run) first ran this loop (`None` before).
    ///
    /// # Examples
    /// ```
    /// use node_event_loop::{EventLoop, RunMode};
    /// let ev = EventLoop::new().unwrap();
    /// assert!(ev.handle().loop_start().is_none());
    /// ev.run(RunMode::Default);
    /// assert!(ev.handle().loop_start().is_some());
    /// ```
    pub fn loop_start(&self) -> Option<Instant> {
        self.shared.loop_start.get()
    }

    /// Refreshes the cached loop time (libuv's `uv_update_time`).
    ///
    /// # Examples
    /// ```
    /// let ev = node_event_loop::EventLoop::new().unwrap();
    /// ev.handle().update_time();
    /// ```
    pub fn update_time(&self) {
        self.shared.update_time();
    }

    /// Whether the loop has anything that keeps it running (libuv's `uv_loop_alive`).
    ///
    /// # Examples
    /// ```
    /// let ev = node_event_loop::EventLoop::new().unwrap();
    /// assert!(!ev.handle().is_alive());
    /// ```
    pub fn is_alive(&self) -> bool {
        self.shared.is_alive()
    }

    /// A `Send` handle for other threads.
    ///
    /// # Examples
    /// ```
    /// let ev = node_event_loop::EventLoop::new().unwrap();
    /// let remote = ev.handle().remote();
    /// std::thread::spawn(move || remote.post(|| {})).join().unwrap();
    /// ```
    pub fn remote(&self) -> RemoteHandle {
        RemoteHandle {
            inner: self.shared.remote.clone(),
        }
    }
}
