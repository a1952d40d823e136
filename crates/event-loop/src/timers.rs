//! Timers: `setTimeout`/`setInterval` with Node's own scheduling (lib/internal/timers.js).
//!
//! As in Node, timers are kept in one list per duration, in insertion order, and the lists
//! sit in a priority queue keyed by `(expiry, list id)`. The timers phase takes the list that
//! expires first and runs every due timer of it before it looks at the next list. Times are
//! whole milliseconds of cached loop time, as libuv's.

use std::cmp::Reverse;
use std::collections::{BinaryHeap, HashMap, VecDeque};
use std::fmt;
use std::rc::Weak;

use crate::shared::Shared;
use crate::slab::{Key, Slab};

pub(crate) type TimerCallback = Box<dyn FnMut()>;

/// What a due timer does.
pub(crate) enum OnTimeout {
    /// Runs a closure of its own.
    Call(TimerCallback),
    /// Hands `id` to its [`TimerBatch`](crate::TimerBatch)'s runner.
    Batch { batch: u32, id: u64 },
}

struct TimerEntry {
    /// `None` while the timer fires (taken out so its callback may clear the timer).
    callback: Option<OnTimeout>,
    delay: u64,
    repeat: bool,
    refed: bool,
    /// Armed: linked in its duration's list under `token`.
    active: bool,
    token: u64,
    /// The [`Timer`] handle still exists, so the entry may be refreshed after firing.
    has_handle: bool,
}

/// Node's `TimersList`: the timers of one duration, oldest first.
struct TimerList {
    expiry: u64,
    id: u64,
    /// `(timer, start, token)`; an item whose token no longer matches its timer's was
    /// cleared or re-armed and is skipped.
    items: VecDeque<(Key, u64, u64)>,
}

/// All timers of one loop.
#[derive(Default)]
pub(crate) struct TimerQueue {
    entries: Slab<TimerEntry>,
    lists: HashMap<u64, TimerList>,
    /// `(expiry, list id, duration)`; stale when the list's id moved on.
    queue: BinaryHeap<Reverse<(u64, u64, u64)>>,
    next_id: u64,
    next_token: u64,
    refed_active: usize,
}

/// A timer that fired: what the loop must do with it after its callback ran.
pub(crate) struct Fired {
    pub(crate) key: Key,
    pub(crate) callback: OnTimeout,
}

impl TimerQueue {
    pub(crate) fn insert(&mut self, now: u64, delay: u64, repeat: bool, cb: OnTimeout) -> Key {
        let key = self.entries.insert(TimerEntry {
            callback: Some(cb),
            delay: delay.max(1),
            repeat,
            refed: true,
            active: false,
            token: 0,
            has_handle: true,
        });
        self.arm(key, now);
        key
    }

    /// (Re)starts the timer at `now`: appended to its duration's list (Node's `insert`).
    pub(crate) fn arm(&mut self, key: Key, now: u64) {
        let token = self.next_token;
        self.next_token += 1;
        let Some(e) = self.entries.get_mut(key) else {
            return;
        };
        if !e.active && e.refed {
            self.refed_active += 1;
        }
        e.active = true;
        e.token = token;
        let msecs = e.delay;
        let list = match self.lists.get_mut(&msecs) {
            Some(list) => list,
            None => {
                let id = self.next_id;
                self.next_id += 1;
                let expiry = now.saturating_add(msecs);
                self.queue.push(Reverse((expiry, id, msecs)));
                self.lists.entry(msecs).or_insert(TimerList {
                    expiry,
                    id,
                    items: VecDeque::new(),
                })
            }
        };
        list.items.push_back((key, now, token));
    }

    pub(crate) fn disarm(&mut self, key: Key) {
        if let Some(e) = self.entries.get_mut(key) {
            if e.active && e.refed {
                self.refed_active -= 1;
            }
            e.active = false;
            // Its list item goes stale: the token no longer matches.
            e.token = u64::MAX;
        }
    }

    /// Removes the next due timer, as Node's `processTimers`/`listOnTimeout` walk them.
    pub(crate) fn pop_due(&mut self, now: u64) -> Option<Fired> {
        let key = self.front_due(now)?;
        Some(self.take(key))
    }

    /// Removes the next due timer if it belongs to batch `batch` (a batch runner takes its
    /// timers one by one, and stops where another kind of timer comes first).
    pub(crate) fn pop_due_of(&mut self, now: u64, batch: u32) -> Option<Fired> {
        let key = self.front_due(now)?;
        if self.batch_of(key) != Some(batch) {
            return None;
        }
        Some(self.take(key))
    }

    /// The batch of a timer handed to a batch runner, `None` for a closure timer.
    pub(crate) fn batch_of(&self, key: Key) -> Option<u32> {
        match self.entries.get(key)?.callback {
            Some(OnTimeout::Batch { batch, .. }) => Some(batch),
            _ => None,
        }
    }

    /// The next due timer, left in place: the front of the list that expires first, after
    /// dropping cleared items and re-keying a list whose front is not due yet.
    pub(crate) fn front_due(&mut self, now: u64) -> Option<Key> {
        loop {
            let &Reverse((expiry, id, msecs)) = self.queue.peek()?;
            if self.lists.get(&msecs).is_none_or(|l| l.id != id) {
                self.queue.pop();
                continue;
            }
            if expiry > now {
                return None;
            }
            loop {
                let list = self.lists.get_mut(&msecs).expect("checked above");
                let Some(&(key, start, token)) = list.items.front() else {
                    self.lists.remove(&msecs);
                    self.queue.pop();
                    break;
                };
                let live = self
                    .entries
                    .get(key)
                    .is_some_and(|e| e.active && e.token == token);
                if !live {
                    list.items.pop_front();
                    continue;
                }
                if now.saturating_sub(start) < msecs {
                    // Too early for the rest of this list: re-key it (a new id, as Node).
                    list.expiry = start.saturating_add(msecs).max(now + 1);
                    list.id = self.next_id;
                    self.next_id += 1;
                    let item = Reverse((list.expiry, list.id, msecs));
                    self.queue.pop();
                    self.queue.push(item);
                    break;
                }
                return Some(key);
            }
        }
    }

    /// Takes the timer [`TimerQueue::front_due`] returned out of its list.
    fn take(&mut self, key: Key) -> Fired {
        let e = self.entries.get_mut(key).expect("live");
        let list = self
            .lists
            .get_mut(&e.delay)
            .expect("a due timer is in its list");
        list.items.pop_front();
        if e.refed {
            self.refed_active -= 1;
        }
        e.active = false;
        let callback = e.callback.take().expect("an armed timer has its callback");
        Fired { key, callback }
    }

    /// Puts a fired timer's callback back; re-arms an interval (from the loop time taken
    /// before its callback ran) unless its callback cleared or refreshed it. Frees a
    /// timeout nobody can refresh any more.
    pub(crate) fn after_fire(&mut self, fired: Fired, start: u64) {
        let Some(e) = self.entries.get_mut(fired.key) else {
            return; // cleared during its callback
        };
        e.callback = Some(fired.callback);
        if e.active {
            // Refreshed by its own callback: already re-armed.
        } else if e.repeat {
            self.arm(fired.key, start);
        } else if !e.has_handle {
            self.entries.remove(fired.key);
        }
    }

    /// The earliest list expiry (Node's `nextExpiry`), dropping lists with no live timer.
    pub(crate) fn next_due(&mut self) -> Option<u64> {
        loop {
            let &Reverse((expiry, id, msecs)) = self.queue.peek()?;
            let Some(list) = self.lists.get_mut(&msecs).filter(|l| l.id == id) else {
                self.queue.pop();
                continue;
            };
            while let Some(&(key, _, token)) = list.items.front() {
                let live = self
                    .entries
                    .get(key)
                    .is_some_and(|e| e.active && e.token == token);
                if live {
                    return Some(expiry);
                }
                list.items.pop_front();
            }
            self.lists.remove(&msecs);
            self.queue.pop();
        }
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
        self.lists.clear();
        self.queue.clear();
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
