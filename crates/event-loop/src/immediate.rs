//! Immediates: `setImmediate` callbacks, run in the check phase.

use std::collections::VecDeque;
use std::fmt;
use std::rc::Weak;

use crate::shared::Shared;
use crate::slab::{Key, Slab};

pub(crate) type Task = Box<dyn FnOnce()>;

struct ImmediateEntry {
    callback: Task,
    refed: bool,
}

/// The immediate queue of one loop.
#[derive(Default)]
pub(crate) struct ImmediateQueue {
    entries: Slab<ImmediateEntry>,
    order: VecDeque<Key>,
    refed: usize,
}

impl ImmediateQueue {
    pub(crate) fn push(&mut self, cb: Task) -> Key {
        let key = self.entries.insert(ImmediateEntry {
            callback: cb,
            refed: true,
        });
        self.order.push_back(key);
        self.refed += 1;
        key
    }

    /// The immediates queued so far. Those queued while these run wait for the next
    /// iteration (lib/internal/timers.js processImmediate).
    pub(crate) fn take_batch(&mut self) -> VecDeque<Key> {
        std::mem::take(&mut self.order)
    }

    pub(crate) fn take(&mut self, key: Key) -> Option<Task> {
        let e = self.entries.remove(key)?;
        if e.refed {
            self.refed -= 1;
        }
        Some(e.callback)
    }

    pub(crate) fn refed(&self) -> usize {
        self.refed
    }

    fn set_ref(&mut self, key: Key, refed: bool) {
        if let Some(e) = self.entries.get_mut(key) {
            if e.refed != refed {
                if refed {
                    self.refed += 1;
                } else {
                    self.refed -= 1;
                }
                e.refed = refed;
            }
        }
    }

    pub(crate) fn clear(&mut self) {
        self.entries.clear();
        self.order.clear();
        self.refed = 0;
    }
}

/// A queued `setImmediate` callback: Node's `Immediate` object.
///
/// # Examples
/// ```
/// use node_event_loop::{EventLoop, RunMode};
/// let ev = EventLoop::new().unwrap();
/// let im = ev.handle().set_immediate(|| unreachable!("cleared"));
/// im.clear();
/// assert!(!ev.run(RunMode::Default));
/// ```
pub struct Immediate {
    pub(crate) shared: Weak<Shared>,
    pub(crate) key: Key,
}

impl fmt::Debug for Immediate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Immediate")
            .field("ref", &self.has_ref())
            .finish()
    }
}

impl Immediate {
    fn with<R>(&self, f: impl FnOnce(&mut ImmediateQueue) -> R) -> Option<R> {
        let shared = self.shared.upgrade()?;
        let mut q = shared.immediates.borrow_mut();
        Some(f(&mut q))
    }

    /// `clearImmediate(im)`.
    ///
    /// # Examples
    /// ```
    /// let ev = node_event_loop::EventLoop::new().unwrap();
    /// ev.handle().set_immediate(|| {}).clear();
    /// ```
    #[doc(alias = "clearImmediate")]
    pub fn clear(&self) {
        self.with(|q| q.take(self.key));
    }

    /// `immediate.ref()`.
    ///
    /// # Examples
    /// ```
    /// let ev = node_event_loop::EventLoop::new().unwrap();
    /// let im = ev.handle().set_immediate(|| {});
    /// im.unref();
    /// im.ref_();
    /// assert!(im.has_ref());
    /// ```
    pub fn ref_(&self) {
        self.with(|q| q.set_ref(self.key, true));
    }

    /// `immediate.unref()`: it runs if the loop turns, but does not keep it alive.
    ///
    /// # Examples
    /// ```
    /// use node_event_loop::{EventLoop, RunMode};
    /// let ev = EventLoop::new().unwrap();
    /// ev.handle().set_immediate(|| panic!("never")).unref();
    /// assert!(!ev.run(RunMode::Default));
    /// ```
    pub fn unref(&self) {
        self.with(|q| q.set_ref(self.key, false));
    }

    /// `immediate.hasRef()`; `false` once it ran or was cleared.
    ///
    /// # Examples
    /// ```
    /// let ev = node_event_loop::EventLoop::new().unwrap();
    /// assert!(ev.handle().set_immediate(|| {}).has_ref());
    /// ```
    pub fn has_ref(&self) -> bool {
        self.with(|q| q.entries.get(self.key).is_some_and(|e| e.refed))
            .unwrap_or(false)
    }
}
