//! Deferred work: Node's `process.nextTick` and locally spawned I/O, behind [`Scheduler`].

use std::cell::RefCell;
use std::collections::VecDeque;
use std::fmt;
use std::future::Future;
use std::rc::Rc;
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll, Waker};

use futures::future::LocalBoxFuture;
use futures::stream::{FuturesUnordered, StreamExt};
use futures::task::ArcWake;

/// A pending I/O operation: a future that resolves to its completion callback.
///
/// # Examples
/// ```
/// use std::{cell::Cell, rc::Rc};
/// use futures::FutureExt;
/// use node_streams::{IoFuture, LocalScheduler, Scheduler};
/// let done = Rc::new(Cell::new(false));
/// let d = done.clone();
/// // The I/O runs first; the callback it resolves to is the completion.
/// let io: IoFuture = async move { Box::new(move || d.set(true)) as Box<dyn FnOnce()> }.boxed_local();
/// let s = LocalScheduler::new();
/// s.spawn_io(io);
/// assert!(!done.get());
/// s.run_until_stalled();
/// assert!(done.get());
/// ```
pub type IoFuture = LocalBoxFuture<'static, Box<dyn FnOnce()>>;

/// What a stream needs from an event loop: a nextTick queue and a way to run pending I/O
/// (a `Source` or `Sink` that returned `Pending`).
///
/// Node defers several stream steps with `process.nextTick` (`'end'` from `endReadableNT`,
/// `'finish'` after `_final`, `'close'` after `'error'` on destroy). The nrt runtime
/// implements this trait over its event loop (`LoopHandle::next_tick`, and
/// `LoopHandle::spawn_io(fut, |done| done())` so completions run in the poll phase);
/// [`LocalScheduler`] is a standalone implementation for plain tokio or futures code.
///
/// # Examples
/// ```
/// use std::{cell::Cell, rc::Rc};
/// use node_streams::{LocalScheduler, Scheduler};
/// let s = LocalScheduler::new();
/// let hit = Rc::new(Cell::new(false));
/// let h = hit.clone();
/// s.next_tick(Box::new(move || h.set(true)));
/// assert!(!hit.get());
/// s.run_until_stalled();
/// assert!(hit.get());
/// ```
pub trait Scheduler {
    /// Queues `task` to run after the current operation, before any I/O (`process.nextTick`).
    fn next_tick(&self, task: Box<dyn FnOnce()>);
    /// Runs `io` on this thread; when it resolves, calls the callback it yields as an I/O
    /// completion (Node's poll phase, followed by the nextTick checkpoint).
    fn spawn_io(&self, io: IoFuture);
    /// Runs queued ticks and polls spawned futures from inside a task. Schedulers whose
    /// event loop runs that work itself return `false` (the default).
    fn run_pending(&self, cx: &mut Context<'_>) -> bool {
        let _ = cx;
        false
    }
}

#[derive(Default)]
struct Queues {
    ticks: VecDeque<Box<dyn FnOnce()>>,
    incoming: Vec<IoFuture>,
}

/// A standalone [`Scheduler`]: a nextTick queue plus a set of local futures, run by the
/// stream adapters ([`futures::Stream`], `AsyncRead`, …) when they are polled, or by
/// [`LocalScheduler::run`]. Streams made without a scheduler use the thread's
/// [`LocalScheduler::current`].
///
/// # Examples
/// ```
/// # futures::executor::block_on(async {
/// use node_streams::{LocalScheduler, Readable};
/// let r = Readable::from_iter(["a", "b"]);
/// let got = std::rc::Rc::new(std::cell::RefCell::new(Vec::new()));
/// let g = got.clone();
/// r.on_data(move |c| g.borrow_mut().push(c.as_bytes().unwrap().clone())).unwrap();
/// LocalScheduler::current().run().await;
/// assert_eq!(got.borrow().len(), 2);
/// # });
/// ```
#[derive(Clone, Default)]
pub struct LocalScheduler {
    queues: Rc<RefCell<Queues>>,
    running: Rc<RefCell<FuturesUnordered<IoFuture>>>,
    wakers: Arc<Drivers>,
}

/// The wakers of the tasks driving a [`LocalScheduler`]; waking it wakes them all.
#[derive(Default)]
struct Drivers(Mutex<Vec<Waker>>);

impl Drivers {
    fn register(&self, w: &Waker) {
        let mut list = self.0.lock().unwrap_or_else(|p| p.into_inner());
        if !list.iter().any(|x| x.will_wake(w)) {
            list.push(w.clone());
        }
    }
}

impl ArcWake for Drivers {
    fn wake_by_ref(arc_self: &Arc<Self>) {
        let list = std::mem::take(&mut *arc_self.0.lock().unwrap_or_else(|p| p.into_inner()));
        for w in list {
            w.wake();
        }
    }
}

impl fmt::Debug for LocalScheduler {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let q = self.queues.borrow();
        f.debug_struct("LocalScheduler")
            .field("ticks", &q.ticks.len())
            .field("futures", &(q.incoming.len() + self.running.borrow().len()))
            .finish()
    }
}

thread_local! {
    static CURRENT: LocalScheduler = LocalScheduler::new();
}

impl LocalScheduler {
    /// A new, empty scheduler.
    ///
    /// # Examples
    /// ```
    /// assert!(node_streams::LocalScheduler::new().is_idle());
    /// ```
    pub fn new() -> Self {
        Self::default()
    }

    /// This thread's default scheduler, used by streams made without one.
    ///
    /// # Examples
    /// ```
    /// let a = node_streams::LocalScheduler::current();
    /// # let _ = a;
    /// ```
    pub fn current() -> Self {
        CURRENT.with(|c| c.clone())
    }

    /// Whether no tick is queued and no future is running.
    ///
    /// # Examples
    /// ```
    /// assert!(node_streams::LocalScheduler::new().is_idle());
    /// ```
    pub fn is_idle(&self) -> bool {
        let q = self.queues.borrow();
        q.ticks.is_empty() && q.incoming.is_empty() && self.running.borrow().is_empty()
    }

    /// Drains the nextTick queue, including ticks queued while draining.
    fn run_ticks(&self) -> bool {
        let mut ran = false;
        loop {
            let task = self.queues.borrow_mut().ticks.pop_front();
            match task {
                Some(t) => {
                    ran = true;
                    t();
                }
                None => return ran,
            }
        }
    }

    fn poll_once(&self, cx: &mut Context<'_>) -> bool {
        // Every task that drives this scheduler is woken when a spawned future is ready,
        // so a task that stops polling cannot strand the others' I/O.
        self.wakers.register(cx.waker());
        let waker = futures::task::waker(self.wakers.clone());
        let mut inner_cx = Context::from_waker(&waker);
        let mut progressed = self.run_ticks();
        loop {
            let Ok(mut running) = self.running.try_borrow_mut() else {
                // Re-entered from a running future: the outer poll carries on.
                return progressed;
            };
            for f in std::mem::take(&mut self.queues.borrow_mut().incoming) {
                running.push(f);
            }
            let ready = match running.poll_next_unpin(&mut inner_cx) {
                Poll::Ready(Some(callback)) => Some(callback),
                _ => None,
            };
            drop(running);
            let done = ready.is_some();
            if let Some(callback) = ready {
                callback();
            }
            // A future completing may queue ticks and futures; run those before polling on.
            let ticks = self.run_ticks();
            progressed |= done || ticks;
            let more_incoming = !self.queues.borrow().incoming.is_empty();
            if !done && !ticks && !more_incoming {
                return progressed;
            }
        }
    }

    /// Runs ticks and ready futures without blocking (futures are polled with a no-op
    /// waker). Returns whether anything ran. Handy in tests of event order.
    ///
    /// # Examples
    /// ```
    /// assert!(!node_streams::LocalScheduler::new().run_until_stalled());
    /// ```
    pub fn run_until_stalled(&self) -> bool {
        let mut cx = Context::from_waker(futures::task::noop_waker_ref());
        self.poll_once(&mut cx)
    }

    /// Runs until no tick is queued and no spawned future is left, like a Node process
    /// that exits once its loop is empty.
    ///
    /// # Examples
    /// ```
    /// # futures::executor::block_on(async {
    /// node_streams::LocalScheduler::new().run().await;
    /// # });
    /// ```
    pub fn run(&self) -> impl Future<Output = ()> + '_ {
        futures::future::poll_fn(move |cx| {
            self.poll_once(cx);
            if self.is_idle() {
                Poll::Ready(())
            } else {
                Poll::Pending
            }
        })
    }
}

impl Scheduler for LocalScheduler {
    fn next_tick(&self, task: Box<dyn FnOnce()>) {
        self.queues.borrow_mut().ticks.push_back(task);
    }

    fn spawn_io(&self, io: IoFuture) {
        self.queues.borrow_mut().incoming.push(io);
    }

    fn run_pending(&self, cx: &mut Context<'_>) -> bool {
        self.poll_once(cx)
    }
}
