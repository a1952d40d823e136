//! The `Send` side of a loop: other threads post callbacks and keep the loop alive.

use std::fmt;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

use tokio::sync::Notify;

pub(crate) type RemoteTask = Box<dyn FnOnce() + Send>;

/// State shared with other threads.
#[derive(Default)]
pub(crate) struct RemoteShared {
    pub(crate) queue: Mutex<Vec<RemoteTask>>,
    /// Wakes the poll phase; also used by same-thread completions.
    pub(crate) notify: Notify,
    pub(crate) keep_alive: AtomicUsize,
}

impl RemoteShared {
    pub(crate) fn take_all(&self) -> Vec<RemoteTask> {
        match self.queue.lock() {
            Ok(mut q) => std::mem::take(&mut *q),
            Err(poisoned) => std::mem::take(&mut *poisoned.into_inner()),
        }
    }

    pub(crate) fn has_queued(&self) -> bool {
        match self.queue.lock() {
            Ok(q) => !q.is_empty(),
            Err(poisoned) => !poisoned.into_inner().is_empty(),
        }
    }
}

/// A `Send + Clone` handle that wakes a loop from another thread, as `uv_async_send`.
///
/// Posted callbacks run in the loop's poll phase, each followed by a checkpoint. A posted
/// callback is never dropped: the loop stays alive until it ran. To keep the loop alive
/// while nothing is posted yet, hold a [`RemoteKeepAlive`].
///
/// # Examples
/// ```
/// use node_event_loop::{EventLoop, RunMode};
/// use std::sync::{Arc, atomic::{AtomicBool, Ordering}};
/// let ev = EventLoop::new().unwrap();
/// let remote = ev.handle().remote();
/// let alive = remote.keep_alive();
/// let done = Arc::new(AtomicBool::new(false));
/// let d = done.clone();
/// std::thread::spawn(move || {
///     remote.post(move || d.store(true, Ordering::SeqCst));
///     drop(alive);
/// });
/// ev.run(RunMode::Default);
/// assert!(done.load(Ordering::SeqCst));
/// ```
#[derive(Clone)]
pub struct RemoteHandle {
    pub(crate) inner: Arc<RemoteShared>,
}

impl fmt::Debug for RemoteHandle {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("RemoteHandle").finish_non_exhaustive()
    }
}

impl RemoteHandle {
    /// Queues `cb` to run on the loop's thread and wakes the loop.
    ///
    /// # Examples
    /// ```
    /// let ev = node_event_loop::EventLoop::new().unwrap();
    /// ev.handle().remote().post(|| println!("on the loop thread"));
    /// ```
    pub fn post(&self, cb: impl FnOnce() + Send + 'static) {
        match self.inner.queue.lock() {
            Ok(mut q) => q.push(Box::new(cb)),
            Err(poisoned) => poisoned.into_inner().push(Box::new(cb)),
        }
        self.inner.notify.notify_one();
    }

    /// Keeps the loop alive until the returned guard drops (a ref'd `uv_async_t`).
    ///
    /// # Examples
    /// ```
    /// let ev = node_event_loop::EventLoop::new().unwrap();
    /// let guard = ev.handle().remote().keep_alive();
    /// assert!(ev.handle().is_alive());
    /// drop(guard);
    /// assert!(!ev.handle().is_alive());
    /// ```
    pub fn keep_alive(&self) -> RemoteKeepAlive {
        self.inner.keep_alive.fetch_add(1, Ordering::SeqCst);
        RemoteKeepAlive {
            inner: self.inner.clone(),
        }
    }
}

/// Keeps a loop alive from any thread; see [`RemoteHandle::keep_alive`].
///
/// # Examples
/// ```
/// let ev = node_event_loop::EventLoop::new().unwrap();
/// let guard = ev.handle().remote().keep_alive();
/// std::thread::spawn(move || drop(guard)).join().unwrap();
/// ```
pub struct RemoteKeepAlive {
    inner: Arc<RemoteShared>,
}

impl fmt::Debug for RemoteKeepAlive {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("RemoteKeepAlive").finish_non_exhaustive()
    }
}

impl Drop for RemoteKeepAlive {
    fn drop(&mut self) {
        self.inner.keep_alive.fetch_sub(1, Ordering::SeqCst);
        // Wake the loop so it notices it may have nothing left to wait for.
        self.inner.notify.notify_one();
    }
}
