//! Long-lived handles (servers, sockets, stdin): ref-counted liveness plus a way for their
//! tokio tasks to queue callbacks into the poll phase.

use std::fmt;
use std::rc::Weak;

use crate::shared::Shared;
use crate::slab::Key;

/// A libuv-style handle: while it is open and ref'd, the loop stays alive.
///
/// Its tokio task calls [`IoHandle::post`] for each event (a connection, a chunk), and the
/// callback runs in the poll phase followed by a checkpoint. Dropping it closes it.
///
/// # Examples
/// ```
/// use node_event_loop::EventLoop;
/// let ev = EventLoop::new().unwrap();
/// let handle = ev.handle().keep_alive();
/// assert!(ev.handle().is_alive());
/// handle.unref();
/// assert!(!ev.handle().is_alive());
/// ```
pub struct IoHandle {
    pub(crate) shared: Weak<Shared>,
    pub(crate) key: Key,
}

impl fmt::Debug for IoHandle {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("IoHandle")
            .field("ref", &self.has_ref())
            .finish()
    }
}

impl IoHandle {
    /// Queues `cb` for the poll phase and wakes the loop. Does nothing once the handle is
    /// closed or its loop is gone, as libuv drops events of a closed handle.
    ///
    /// # Examples
    /// ```
    /// use node_event_loop::{EventLoop, RunMode};
    /// let ev = EventLoop::new().unwrap();
    /// let h = ev.handle().keep_alive();
    /// h.post(|| println!("event"));
    /// h.close();
    /// ev.run(RunMode::Default);
    /// ```
    pub fn post(&self, cb: impl FnOnce() + 'static) {
        if let Some(shared) = self.shared.upgrade() {
            if shared.handles.borrow().get(self.key).is_some() {
                shared.push_completion(Box::new(cb));
            }
        }
    }

    /// `handle.ref()`.
    ///
    /// # Examples
    /// ```
    /// let ev = node_event_loop::EventLoop::new().unwrap();
    /// let h = ev.handle().keep_alive();
    /// h.unref();
    /// h.ref_();
    /// assert!(h.has_ref());
    /// ```
    pub fn ref_(&self) {
        self.set_ref(true);
    }

    /// `handle.unref()`.
    ///
    /// # Examples
    /// ```
    /// let ev = node_event_loop::EventLoop::new().unwrap();
    /// ev.handle().keep_alive().unref();
    /// ```
    pub fn unref(&self) {
        self.set_ref(false);
    }

    /// `ref()` when `refed`, else `unref()`: what a binding's `setRef(on)` maps to.
    ///
    /// # Examples
    /// ```
    /// let ev = node_event_loop::EventLoop::new().unwrap();
    /// let h = ev.handle().keep_alive();
    /// h.set_ref(false);
    /// assert!(!h.has_ref());
    /// h.set_ref(true);
    /// assert!(h.has_ref());
    /// ```
    pub fn set_ref(&self, refed: bool) {
        let Some(shared) = self.shared.upgrade() else {
            return;
        };
        let mut handles = shared.handles.borrow_mut();
        if let Some(state) = handles.get_mut(self.key) {
            if *state != refed {
                *state = refed;
                let n = shared.refed_handles.get();
                shared.refed_handles.set(if refed { n + 1 } else { n - 1 });
            }
        }
    }

    /// `handle.hasRef()`; `false` once closed.
    ///
    /// # Examples
    /// ```
    /// let ev = node_event_loop::EventLoop::new().unwrap();
    /// assert!(ev.handle().keep_alive().has_ref());
    /// ```
    pub fn has_ref(&self) -> bool {
        self.shared
            .upgrade()
            .and_then(|s| s.handles.borrow().get(self.key).copied())
            .unwrap_or(false)
    }

    /// Closes the handle: it no longer keeps the loop alive and drops later posts.
    ///
    /// # Examples
    /// ```
    /// let ev = node_event_loop::EventLoop::new().unwrap();
    /// let h = ev.handle().keep_alive();
    /// h.close();
    /// assert!(!h.has_ref());
    /// ```
    pub fn close(&self) {
        let Some(shared) = self.shared.upgrade() else {
            return;
        };
        let removed = shared.handles.borrow_mut().remove(self.key);
        if removed == Some(true) {
            shared.refed_handles.set(shared.refed_handles.get() - 1);
        }
    }
}

impl Drop for IoHandle {
    fn drop(&mut self) {
        self.close();
    }
}
