//! Timer batches: timers without a closure each, fired through one runner call per timers
//! phase, as Node's `processTimers` runs every due timer in one call into JavaScript.
//!
//! A host binding timers to a script engine pays for every crossing into the engine. With
//! a [`TimerBatch`], a timer is just an id; when the first of the batch's timers is due, the
//! loop calls the batch's runner once, and the runner takes the due timers one by one with
//! [`TimerBatch::next_due`] — in the loop's usual order (lists by expiry, timers of a list
//! in creation order), with intervals re-armed and fired timeouts finished between two
//! calls, exactly as for closure timers.

use std::fmt;
use std::rc::{Rc, Weak};

use crate::shared::Shared;
use crate::timers::{Fired, OnTimeout, Timer};

pub(crate) type BatchRunner = Box<dyn FnMut(&TimerBatch)>;

/// The state of the runner call in progress.
pub(crate) struct Cursor {
    batch: u32,
    /// The loop time of this timers phase.
    now: u64,
    /// The timer handed out last, finished at the next [`TimerBatch::next_due`].
    current: Option<Fired>,
    /// Timers taken during this call (the loop stops calling a runner that takes none).
    pub(crate) taken: usize,
}

impl Cursor {
    pub(crate) fn new(batch: u32, now: u64) -> Cursor {
        Cursor {
            batch,
            now,
            current: None,
            taken: 0,
        }
    }

    /// Finishes the timer handed out last (what the loop does after a closure timer ran).
    pub(crate) fn finish(&mut self, shared: &Shared) {
        if let Some(done) = self.current.take() {
            shared.timers.borrow_mut().after_fire(done, self.now);
        }
    }
}

/// A set of timers fired by id through one runner, registered with
/// [`LoopHandle::timer_batch`](crate::LoopHandle::timer_batch).
///
/// Timers of a batch are ordinary timers — same lists, same order, same [`Timer`] handle
/// (clear, refresh, ref/unref) — except that firing one calls no closure: the loop calls the
/// batch's runner, which takes the due ids with [`TimerBatch::next_due`] until it returns
/// `None`. The runner runs the loop's checkpoint between two timers itself (for example
/// [`LoopHandle::checkpoint`](crate::LoopHandle::checkpoint)); the loop runs one after the
/// runner returns.
///
/// # Examples
/// ```
/// use node_event_loop::{EventLoop, RunMode};
/// use std::{cell::RefCell, rc::Rc};
///
/// let ev = EventLoop::new().unwrap();
/// let fired = Rc::new(RefCell::new(Vec::new()));
/// let calls = Rc::new(RefCell::new(0));
/// let (f, c) = (fired.clone(), calls.clone());
/// let batch = ev.handle().timer_batch(move |batch| {
///     *c.borrow_mut() += 1;
///     while let Some(id) = batch.next_due() {
///         f.borrow_mut().push(id);
///     }
/// });
/// for id in 0..5 {
///     batch.set_timeout(1, id);
/// }
/// ev.run(RunMode::Default);
/// assert_eq!(*fired.borrow(), [0, 1, 2, 3, 4]);
/// assert_eq!(*calls.borrow(), 1); // one runner call for the five
/// ```
#[derive(Clone)]
pub struct TimerBatch {
    pub(crate) shared: Weak<Shared>,
    pub(crate) index: u32,
}

impl fmt::Debug for TimerBatch {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("TimerBatch")
            .field("index", &self.index)
            .finish()
    }
}

impl TimerBatch {
    fn insert(&self, ms: u64, id: u64, repeat: bool) -> Timer {
        let key = self.shared.upgrade().map(|shared| {
            let now = shared.now.get();
            let action = OnTimeout::Batch {
                batch: self.index,
                id,
            };
            shared.timers.borrow_mut().insert(now, ms, repeat, action)
        });
        Timer {
            shared: self.shared.clone(),
            key: key.unwrap_or_default(),
        }
    }

    /// Whether the batch was registered on `handle`'s loop (a host that caches its batch
    /// per thread checks this before reusing it with a newer loop).
    ///
    /// # Examples
    /// ```
    /// let ev = node_event_loop::EventLoop::new().unwrap();
    /// let other = node_event_loop::EventLoop::new().unwrap();
    /// let batch = ev.handle().timer_batch(|b| while b.next_due().is_some() {});
    /// assert!(batch.belongs_to(&ev.handle()));
    /// assert!(!batch.belongs_to(&other.handle()));
    /// ```
    pub fn belongs_to(&self, handle: &crate::LoopHandle) -> bool {
        std::ptr::eq(self.shared.as_ptr(), Rc::as_ptr(&handle.shared))
    }

    /// `setTimeout` for the batch: `id` goes to the runner once `ms` (at least 1) passed.
    ///
    /// # Examples
    /// ```
    /// let ev = node_event_loop::EventLoop::new().unwrap();
    /// let batch = ev.handle().timer_batch(|b| while b.next_due().is_some() {});
    /// let t = batch.set_timeout(10, 7);
    /// assert!(t.is_active());
    /// ```
    #[doc(alias = "setTimeout")]
    pub fn set_timeout(&self, ms: u64, id: u64) -> Timer {
        self.insert(ms, id, false)
    }

    /// `setInterval` for the batch: `id` goes to the runner every `ms` (at least 1), each
    /// time rescheduled from the loop time of the phase that fired it, until cleared.
    ///
    /// # Examples
    /// ```
    /// use node_event_loop::{EventLoop, RunMode};
    /// use std::{cell::Cell, rc::Rc};
    /// let ev = EventLoop::new().unwrap();
    /// let n = Rc::new(Cell::new(0));
    /// let interval: Rc<Cell<Option<node_event_loop::Timer>>> = Rc::default();
    /// let (n2, i2) = (n.clone(), interval.clone());
    /// let batch = ev.handle().timer_batch(move |b| {
    ///     while b.next_due().is_some() {
    ///         n2.set(n2.get() + 1);
    ///         if n2.get() == 3 { if let Some(t) = i2.take() { t.clear() } }
    ///     }
    /// });
    /// interval.set(Some(batch.set_interval(1, 0)));
    /// ev.run(RunMode::Default);
    /// assert_eq!(n.get(), 3);
    /// ```
    #[doc(alias = "setInterval")]
    pub fn set_interval(&self, ms: u64, id: u64) -> Timer {
        self.insert(ms, id, true)
    }

    /// Inside this batch's runner: finishes the timer returned last, as
    /// [`TimerBatch::next_due`] does first — an interval is re-armed unless cleared or
    /// refreshed meanwhile. For a runner that runs its checkpoint between two timers after
    /// that (as Node, whose `finally` re-arms an interval before the next ticks) and before
    /// it takes the next one. Does nothing outside the runner or when already finished.
    ///
    /// # Examples
    /// ```
    /// use node_event_loop::{EventLoop, RunMode};
    /// let ev = EventLoop::new().unwrap();
    /// let h = ev.handle();
    /// let batch = h.timer_batch(move |b| {
    ///     while let Some(_id) = b.next_due() {
    ///         b.finish();
    ///         node_event_loop::LoopHandle::current().unwrap().checkpoint();
    ///     }
    /// });
    /// batch.set_timeout(1, 0);
    /// ev.run(RunMode::Default);
    /// ```
    pub fn finish(&self) {
        let Some(shared) = self.shared.upgrade() else {
            return;
        };
        let mut cursor = shared.batch_cursor.borrow_mut();
        if let Some(c) = cursor.as_mut().filter(|c| c.batch == self.index) {
            c.finish(&shared);
        }
    }

    /// Inside this batch's runner: finishes the timer returned last (an interval is re-armed
    /// unless it was cleared or refreshed meanwhile) and takes the next due timer, if it is
    /// one of this batch's. `None` when the next due timer is not (the loop fires it and
    /// calls the runner again for later ones), when nothing is due, and outside the runner.
    ///
    /// # Examples
    /// ```
    /// let ev = node_event_loop::EventLoop::new().unwrap();
    /// let batch = ev.handle().timer_batch(|b| while b.next_due().is_some() {});
    /// assert_eq!(batch.next_due(), None); // not inside the runner
    /// ```
    pub fn next_due(&self) -> Option<u64> {
        let shared = self.shared.upgrade()?;
        let mut cursor = shared.batch_cursor.borrow_mut();
        let c = cursor.as_mut().filter(|c| c.batch == self.index)?;
        c.finish(&shared);
        let fired = shared.timers.borrow_mut().pop_due_of(c.now, self.index)?;
        let OnTimeout::Batch { id, .. } = fired.callback else {
            unreachable!("pop_due_of returns the batch's own timers")
        };
        c.current = Some(fired);
        c.taken += 1;
        Some(id)
    }
}

impl Shared {
    /// Registers a runner; its index names the batch.
    pub(crate) fn add_batch(self: &Rc<Shared>, runner: BatchRunner) -> TimerBatch {
        let mut batches = self.batches.borrow_mut();
        let index = u32::try_from(batches.len()).expect("fewer than 2^32 timer batches");
        batches.push(Some(runner));
        TimerBatch {
            shared: Rc::downgrade(self),
            index,
        }
    }

    /// Calls batch `index`'s runner for the due timers at `now`; returns how many it took.
    pub(crate) fn run_batch(self: &Rc<Shared>, index: u32, now: u64) -> usize {
        let runner = self
            .batches
            .borrow_mut()
            .get_mut(index as usize)
            .and_then(Option::take);
        let Some(mut runner) = runner else {
            return 0; // running already (a runner that runs the loop): nothing to do here
        };
        let outer = self
            .batch_cursor
            .borrow_mut()
            .replace(Cursor::new(index, now));
        let batch = TimerBatch {
            shared: Rc::downgrade(self),
            index,
        };
        runner(&batch);
        let cursor = std::mem::replace(&mut *self.batch_cursor.borrow_mut(), outer);
        if let Some(slot) = self.batches.borrow_mut().get_mut(index as usize) {
            *slot = Some(runner);
        }
        match cursor {
            Some(mut c) => {
                c.finish(self);
                c.taken
            }
            None => 0,
        }
    }
}
