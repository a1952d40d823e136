//! [`EventLoop`]: libuv's `uv_run`, phase by phase, on a tokio current-thread runtime.

use std::fmt;
use std::rc::Rc;
use std::time::Duration;

use tokio::runtime::Runtime;

use crate::shared::{LoopHandle, Shared};
use crate::timers::OnTimeout;

/// How [`EventLoop::run`] runs, as libuv's `uv_run_mode`.
///
/// # Examples
/// ```
/// use node_event_loop::{EventLoop, RunMode};
/// let ev = EventLoop::new().unwrap();
/// assert!(!ev.run(RunMode::NoWait));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RunMode {
    /// Run until nothing keeps the loop alive (or [`LoopHandle::stop`]).
    Default,
    /// One iteration, waiting for I/O if there is nothing else to do.
    Once,
    /// One iteration without waiting.
    NoWait,
}

/// One Node-style event loop: timers, pending callbacks, poll for I/O, check
/// (immediates), close callbacks — with Node's nextTick/microtask checkpoint after every
/// callback.
///
/// I/O runs as tokio futures on a current-thread runtime and `LocalSet` owned by the loop.
///
/// # Examples
/// ```
/// use node_event_loop::{EventLoop, RunMode};
/// use std::{cell::RefCell, rc::Rc};
///
/// let ev = EventLoop::new().unwrap();
/// let h = ev.handle();
/// let log = Rc::new(RefCell::new(Vec::new()));
/// let l = log.clone();
/// h.spawn_io(async {}, move |()| {
///     let (a, b) = (l.clone(), l.clone());
///     let h = node_event_loop::LoopHandle::current().unwrap();
///     h.set_timeout(0, move || a.borrow_mut().push("timeout"));
///     h.set_immediate(move || b.borrow_mut().push("immediate"));
/// });
/// ev.run(RunMode::Default);
/// // Inside an I/O callback, the check phase always comes before the next timers phase.
/// assert_eq!(*log.borrow(), ["immediate", "timeout"]);
/// ```
pub struct EventLoop {
    rt: Runtime,
    handle: LoopHandle,
}

impl fmt::Debug for EventLoop {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("EventLoop")
            .field("handle", &self.handle)
            .finish()
    }
}

impl EventLoop {
    /// Creates a loop and its tokio runtime. The first loop of a thread becomes
    /// [`LoopHandle::current`].
    ///
    /// # Errors
    /// The OS error if tokio cannot create its I/O driver.
    ///
    /// # Examples
    /// ```
    /// let ev = node_event_loop::EventLoop::new().unwrap();
    /// # drop(ev);
    /// ```
    pub fn new() -> std::io::Result<EventLoop> {
        let rt = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()?;
        let shared = Shared::new();
        shared.update_time();
        Ok(EventLoop {
            rt,
            handle: LoopHandle { shared },
        })
    }

    /// A handle for scheduling work on this loop.
    ///
    /// # Examples
    /// ```
    /// let ev = node_event_loop::EventLoop::new().unwrap();
    /// let _h = ev.handle();
    /// ```
    pub fn handle(&self) -> LoopHandle {
        self.handle.clone()
    }

    /// Runs `f` inside the loop's tokio runtime and `LocalSet` context, so it may create
    /// tokio I/O objects and call `tokio::task::spawn_local` (the host evaluates the main
    /// script here).
    ///
    /// # Examples
    /// ```
    /// let ev = node_event_loop::EventLoop::new().unwrap();
    /// let n = ev.enter(|| { tokio::task::spawn_local(async {}); 1 });
    /// assert_eq!(n, 1);
    /// ```
    pub fn enter<R>(&self, f: impl FnOnce() -> R) -> R {
        let local = self.local();
        local.block_on(&self.rt, async move { f() })
    }

    /// libuv's `uv_run`. Returns whether the loop is still alive (work remains), which
    /// with [`RunMode::Default`] means it was stopped.
    ///
    /// Do not call it from inside one of the loop's own callbacks.
    ///
    /// # Examples
    /// ```
    /// use node_event_loop::{EventLoop, RunMode};
    /// let ev = EventLoop::new().unwrap();
    /// ev.handle().set_timeout(1, || {});
    /// assert!(!ev.run(RunMode::Default));
    /// ```
    pub fn run(&self, mode: RunMode) -> bool {
        let local = self.local();
        local.block_on(
            &self.rt,
            Phases {
                shared: &self.handle.shared,
            }
            .run(mode),
        )
    }

    fn local(&self) -> LocalRef {
        LocalRef(self.handle.shared.clone())
    }
}

/// Borrows the loop's `LocalSet` for one `block_on`.
struct LocalRef(Rc<Shared>);

impl LocalRef {
    fn block_on<F: std::future::Future>(&self, rt: &Runtime, fut: F) -> F::Output {
        let local = self.0.local.borrow();
        let local = local
            .as_ref()
            .expect("the LocalSet lives as long as the EventLoop");
        local.block_on(rt, fut)
    }
}

impl Drop for EventLoop {
    fn drop(&mut self) {
        let shared = &self.handle.shared;
        shared.clear();
        // Cancel the I/O tasks while the runtime they belong to still exists.
        let _guard = self.rt.enter();
        drop(shared.local.borrow_mut().take());
        shared.handles.borrow_mut().clear();
        shared.refed_handles.set(0);
    }
}

/// The phases of one loop, written in the order of libuv's `uv_run` (src/unix/core.c).
struct Phases<'a> {
    shared: &'a Rc<Shared>,
}

impl Phases<'_> {
    async fn run(&self, mode: RunMode) -> bool {
        let sh = self.shared;
        if sh.loop_start.get().is_none() {
            sh.loop_start.set(Some(std::time::Instant::now()));
        }
        let mut alive = sh.is_alive();
        if !alive {
            sh.update_time();
        }
        // libuv ≥ 1.45 runs due timers before the first iteration in default mode.
        if mode == RunMode::Default && alive && !sh.stop.get() {
            sh.update_time();
            self.run_timers();
        }
        while alive && !sh.stop.get() {
            let can_sleep = sh.pending.borrow().is_empty() && sh.immediates.borrow().refed() == 0;
            self.run_pending();
            // idle/prepare: nrt registers no idle or prepare handles of its own; a pending
            // immediate makes the poll below non-blocking, as Node's idle handle does.
            let timeout = if mode == RunMode::Default || (mode == RunMode::Once && can_sleep) {
                self.backend_timeout()
            } else {
                Some(0)
            };
            self.poll_io(timeout).await;
            self.run_check();
            self.run_closing();
            sh.update_time();
            self.run_timers();
            alive = sh.is_alive();
            if mode != RunMode::Default {
                break;
            }
        }
        sh.stop.set(false);
        alive
    }

    /// Timers phase: every timer due at the cached loop time, list by list as Node runs
    /// them. A batch timer hands the phase to its batch's runner, which takes its due
    /// timers itself until another kind of timer comes first.
    fn run_timers(&self) {
        let sh = self.shared;
        let now = sh.now.get();
        loop {
            let Some(key) = sh.timers.borrow_mut().front_due(now) else {
                break;
            };
            let batch = sh.timers.borrow().batch_of(key);
            if let Some(batch) = batch {
                let taken = sh.run_batch(batch, now);
                sh.checkpoint();
                if taken == 0 {
                    break; // a runner that takes nothing gets its timers next iteration
                }
                continue;
            }
            let fired = sh.timers.borrow_mut().pop_due(now);
            let Some(mut fired) = fired else { break };
            if let OnTimeout::Call(cb) = &mut fired.callback {
                cb();
            }
            // An interval restarts from the loop time read before its callback ran.
            sh.timers.borrow_mut().after_fire(fired, now);
            sh.checkpoint();
        }
    }

    /// Pending phase: I/O callbacks deferred from the previous iteration.
    fn run_pending(&self) {
        let batch = std::mem::take(&mut *self.shared.pending.borrow_mut());
        for task in batch {
            task();
            self.shared.checkpoint();
        }
    }

    /// libuv's `uv_backend_timeout`: how long the poll phase may block (`None` = forever).
    fn backend_timeout(&self) -> Option<u64> {
        let sh = self.shared;
        if sh.stop.get()
            || !(sh.has_active_handles() || sh.active_requests.get() > 0)
            || !sh.pending.borrow().is_empty()
            || sh.immediates.borrow().refed() > 0
            || !sh.closing.borrow().is_empty()
        {
            return Some(0);
        }
        let next = sh.timers.borrow_mut().next_due();
        next.map(|due| due.saturating_sub(sh.now.get()))
    }

    /// Poll phase: wait for I/O completions (up to `timeout` ms), then run those queued.
    async fn poll_io(&self, timeout: Option<u64>) {
        let sh = self.shared;
        let ready = !sh.completions.borrow().is_empty() || sh.remote.has_queued();
        if !ready {
            let waited = std::time::Instant::now();
            match timeout {
                Some(0) => tokio::task::yield_now().await,
                Some(ms) => {
                    let wait = sh.remote.notify.notified();
                    let _ = tokio::time::timeout(Duration::from_millis(ms), wait).await;
                }
                None => sh.remote.notify.notified().await,
            }
            sh.idle.set(sh.idle.get() + waited.elapsed());
        }
        for task in sh.remote.take_all() {
            sh.completions.borrow_mut().push_back(task);
        }
        let batch = std::mem::take(&mut *sh.completions.borrow_mut());
        for task in batch {
            task();
            sh.checkpoint();
        }
    }

    /// Check phase: the immediates queued before the phase began.
    fn run_check(&self) {
        let sh = self.shared;
        let batch = sh.immediates.borrow_mut().take_batch();
        for key in batch {
            let task = sh.immediates.borrow_mut().take(key);
            if let Some(task) = task {
                task();
                sh.checkpoint();
            }
        }
    }

    /// Close-callbacks phase.
    fn run_closing(&self) {
        let batch = std::mem::take(&mut *self.shared.closing.borrow_mut());
        for task in batch {
            task();
            self.shared.checkpoint();
        }
    }
}
