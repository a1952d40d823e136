//! Timers: `setTimeout`/`setInterval` semantics on a min-heap of `(deadline, sequence)`.
//!
//! Deadlines are whole milliseconds of loop time, as libuv's. Equal deadlines fire in the
//! order the timers were (re)armed, because the sequence number breaks ties.

use std::cmp::Reverse;
use std::collections::BinaryHeap;
use std::fmt;
use std::rc::Weak;

use crate::shared::Shared;
use crate::slab::{Key, Slab};

pub(crate) type TimerCallback = Box<dyn FnMut()>;

struct TimerEntry {
    /// `None` while the callback runs (it is taken out so the callback may clear itself).
    callback: Option<TimerCallback>,
    delay: u64,
    repeat: bool,
    refed: bool,
    /// Armed: in the heap under `seq`.
    active: bool,
    seq: u64,
    /// The [`Timer`] handle still exists, so the entry may be refreshed after firing.
    has_handle: bool,
}

/// All timers of one loop.
#[derive(Default)]
pub(crate) struct TimerQueue {
    entries: Slab<TimerEntry>,
    heap: BinaryHeap<Reverse<(u64, u64, Key)>>,
    next_seq: u64,
    refed_active: usize,
}

/// A timer that fired: what the loop must do with it after its callback ran.
pub(crate) struct Fired {
    pub(crate) key: Key,
    pub(crate) callback: TimerCallback,
}

impl TimerQueue {
    pub(crate) fn insert(&mut self, now: u64, delay: u64, repeat: bool, cb: TimerCallback) -> Key {
        let key = self.entries.insert(TimerEntry {
            callback: Some(cb),
            delay: delay.max(1),
            repeat,
            refed: true,
            active: false,
            seq: 0,
            has_handle: true,
        });
        self.arm(key, now);
        key
    }

    /// (Re)starts the timer at `now + delay`.
    pub(crate) fn arm(&mut self, key: Key, now: u64) {
        let seq = self.next_seq;
        self.next_seq += 1;
        let Some(e) = self.entries.get_mut(key) else {
            return;
        };
        if !e.active && e.refed {
            self.refed_active += 1;
        }
        e.active = true;
        e.seq = seq;
        let due = now.saturating_add(e.delay);
        self.heap.push(Reverse((due, seq, key)));
    }

    pub(crate) fn disarm(&mut self, key: Key) {
        if let Some(e) = self.entries.get_mut(key) {
            if e.active && e.refed {
                self.refed_active -= 1;
            }
            e.active = false;
            // The heap entry goes stale: `pop_due` skips entries whose seq no longer matches.
            e.seq = u64::MAX;
        }
    }

    /// Removes the next timer due at or before `now`, returning its callback.
    pub(crate) fn pop_due(&mut self, now: u64) -> Option<Fired> {
        while let Some(&Reverse((due, seq, key))) = self.heap.peek() {
            let live = self
                .entries
                .get(key)
                .is_some_and(|e| e.active && e.seq == seq);
            if !live {
                self.heap.pop();
                continue;
            }
            if due > now {
                return None;
            }
            self.heap.pop();
            let e = self.entries.get_mut(key).expect("checked live");
            if e.refed {
                self.refed_active -= 1;
            }
            e.active = false;
            let callback = e.callback.take().expect("an armed timer has its callback");
            return Some(Fired { key, callback });
        }
        None
    }

    /// Puts a fired timer's callback back; re-arms an interval unless it was cleared or
    /// refreshed by its own callback. Frees a timeout nobody can refresh any more.
    pub(crate) fn after_fire(&mut self, fired: Fired, now: u64) {
        let Some(e) = self.entries.get_mut(fired.key) else {
            return; // cleared during its callback
        };
        e.callback = Some(fired.callback);
        if e.active {
            // Refreshed by its own callback: already re-armed.
        } else if e.repeat {
            self.arm(fired.key, now);
        } else if !e.has_handle {
            self.entries.remove(fired.key);
        }
    }

    pub(crate) fn next_due(&mut self) -> Option<u64> {
        while let Some(&Reverse((due, seq, key))) = self.heap.peek() {
            if self
                .entries
                .get(key)
                .is_some_and(|e| e.active && e.seq == seq)
            {
                return Some(due);
            }
            self.heap.pop();
        }
        None
    }

    pub(crate) fn refed_active(&self) -> usize {
        self.refed_active
    }

    fn set_ref(&mut self, key: Key, refed: bool) {
        if let Some(e) = self.entries.get_mut(key) {
            if e.active && e.refed != refed {
                if refed {
                    self.refed_active += 1;
                } else {
                    self.refed_active -= 1;
                }
            }
            e.refed = refed;
        }
    }

    fn remove(&mut self, key: Key) {
        self.disarm(key);
        self.entries.remove(key);
    }

    fn handle_dropped(&mut self, key: Key) {
        match self.entries.get_mut(key) {
            Some(e) if e.active || e.callback.is_none() => e.has_handle = false,
            Some(_) => {
                self.entries.remove(key);
            }
            None => {}
        }
    }

    pub(crate) fn clear(&mut self) {
        self.entries.clear();
        self.heap.clear();
        self.refed_active = 0;
    }
}

/// A timer created by [`LoopHandle::set_timeout`](crate::LoopHandle::set_timeout) or
/// [`LoopHandle::set_interval`](crate::LoopHandle::set_interval): Node's `Timeout` object.
///
/// Dropping the handle does not cancel the timer (as in Node, an unreferenced `Timeout`
/// still fires); call [`Timer::clear`] for that.
///
/// # Examples
/// ```
/// use node_event_loop::{EventLoop, RunMode};
/// let ev = EventLoop::new().unwrap();
/// let timer = ev.handle().set_timeout(10, || unreachable!("cleared"));
/// assert!(timer.has_ref());
/// timer.clear();
/// assert!(!ev.run(RunMode::Default));
/// ```
pub struct Timer {
    pub(crate) shared: Weak<Shared>,
    pub(crate) key: Key,
}

impl fmt::Debug for Timer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Timer")
            .field("active", &self.is_active())
            .field("ref", &self.has_ref())
            .finish()
    }
}

impl Timer {
    fn with<R>(&self, f: impl FnOnce(&mut TimerQueue, u64) -> R) -> Option<R> {
        let shared = self.shared.upgrade()?;
        let now = shared.now.get();
        let mut timers = shared.timers.borrow_mut();
        Some(f(&mut timers, now))
    }

    /// `clearTimeout(t)` / `clearInterval(t)`: the callback will not run again.
    ///
    /// # Examples
    /// ```
    /// let ev = node_event_loop::EventLoop::new().unwrap();
    /// let t = ev.handle().set_interval(1, || panic!("never"));
    /// t.clear();
    /// assert!(!t.is_active());
    /// ```
    #[doc(alias = "clearTimeout")]
    #[doc(alias = "clearInterval")]
    pub fn clear(&self) {
        self.with(|t, _| t.remove(self.key));
    }

    /// `timeout.refresh()`: restarts the timer at the loop's current time with its original
    /// delay, reactivating it if it had fired.
    ///
    /// # Examples
    /// ```
    /// let ev = node_event_loop::EventLoop::new().unwrap();
    /// let t = ev.handle().set_timeout(5, || {});
    /// t.refresh();
    /// assert!(t.is_active());
    /// ```
    pub fn refresh(&self) {
        self.with(|t, now| t.arm(self.key, now));
    }

    /// `timeout.ref()`: the timer keeps the loop alive (the default).
    ///
    /// # Examples
    /// ```
    /// let ev = node_event_loop::EventLoop::new().unwrap();
    /// let t = ev.handle().set_timeout(5, || {});
    /// t.unref();
    /// t.ref_();
    /// assert!(t.has_ref());
    /// ```
    pub fn ref_(&self) {
        self.with(|t, _| t.set_ref(self.key, true));
    }

    /// `timeout.unref()`: the timer still fires while the loop runs, but does not keep it
    /// alive by itself.
    ///
    /// # Examples
    /// ```
    /// use node_event_loop::{EventLoop, RunMode};
    /// let ev = EventLoop::new().unwrap();
    /// ev.handle().set_timeout(60_000, || panic!("never")).unref();
    /// assert!(!ev.run(RunMode::Default)); // returns at once
    /// ```
    pub fn unref(&self) {
        self.with(|t, _| t.set_ref(self.key, false));
    }

    /// `timeout.hasRef()`.
    ///
    /// # Examples
    /// ```
    /// let ev = node_event_loop::EventLoop::new().unwrap();
    /// assert!(ev.handle().set_timeout(1, || {}).has_ref());
    /// ```
    pub fn has_ref(&self) -> bool {
        self.with(|t, _| t.entries.get(self.key).is_some_and(|e| e.refed))
            .unwrap_or(false)
    }

    /// Whether the timer is armed (not yet fired, or an interval not cleared).
    ///
    /// # Examples
    /// ```
    /// let ev = node_event_loop::EventLoop::new().unwrap();
    /// assert!(ev.handle().set_timeout(1, || {}).is_active());
    /// ```
    pub fn is_active(&self) -> bool {
        self.with(|t, _| {
            t.entries
                .get(self.key)
                .is_some_and(|e| e.active || (e.callback.is_none() && e.repeat))
        })
        .unwrap_or(false)
    }
}

impl Drop for Timer {
    fn drop(&mut self) {
        if let Some(shared) = self.shared.upgrade() {
            if let Ok(mut timers) = shared.timers.try_borrow_mut() {
                timers.handle_dropped(self.key);
            }
        }
    }
}
