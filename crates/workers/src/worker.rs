//! [`Worker`]: a thread that owns its own event loop, seen from its parent; [`WorkerScope`]:
//! the same worker seen from inside.

use std::fmt;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex};

use node_event_loop::{LoopHandle, RemoteHandle};

use crate::errors::{Error, Result};
use crate::message::Message;
use crate::port::{Event, MessageChannel, MessagePort, Side};

/// What the parent side of a [`Worker`] delivers, in the order node emits them.
///
/// # Examples
/// ```
/// use node_workers::WorkerEvent;
/// assert!(matches!(WorkerEvent::Exit(0), WorkerEvent::Exit(0)));
/// ```
#[derive(Debug)]
pub enum WorkerEvent {
    /// `'online'`: the thread started running (not sent when it was terminated first).
    Online,
    /// `'message'`: the worker posted to its parent port.
    Message(Message),
    /// `'error'`: an uncaught exception in the worker, serialized by the host.
    Error(Message),
    /// `'exit'` with the exit code. Always the last event; the worker is unbound after it.
    Exit(i32),
}

/// Worker state both threads see.
#[derive(Default)]
struct Control {
    terminating: AtomicBool,
    online_sent: AtomicBool,
    /// The worker's loop, once [`WorkerScope::bind_loop`] ran.
    remote: Mutex<Option<RemoteHandle>>,
}

impl Control {
    fn stop_loop(&self) {
        let remote = self.remote.lock().unwrap_or_else(|p| p.into_inner());
        if let Some(r) = &*remote {
            r.post(|| {
                if let Some(h) = LoopHandle::current() {
                    h.stop();
                }
            });
        }
    }
}

static NEXT_THREAD_ID: AtomicU64 = AtomicU64::new(1);

/// Options for [`Worker::spawn`].
///
/// # Examples
/// ```
/// let o = node_workers::WorkerOptions { name: "pool-1".into(), ..Default::default() };
/// assert_eq!(o.stack_size, None);
/// ```
#[derive(Debug, Clone, Default)]
pub struct WorkerOptions {
    /// The thread's name (node's `name` option), shown by debuggers.
    pub name: String,
    /// The thread's stack size in bytes (the OS default when `None`).
    pub stack_size: Option<usize>,
    /// `'online'` waits for [`WorkerScope::online`] instead of being sent as the thread
    /// starts (a JS host sends it when the worker's own code begins, as node).
    pub defer_online: bool,
}

/// Node's `Worker`, from the parent's side: a thread running `entry` with its own loop,
/// connected by a [`MessagePort`] pair.
///
/// Events are delivered once [`bind`](Worker::bind) is called on the parent's loop;
/// until the worker exits, a bound and ref'd `Worker` keeps that loop alive.
///
/// # Examples
/// ```
/// use node_event_loop::{EventLoop, RunMode};
/// use node_workers::{Message, PortEvent, Worker, WorkerOptions};
/// use std::{cell::RefCell, rc::Rc};
///
/// let ev = EventLoop::new().unwrap();
/// let worker = Worker::spawn(WorkerOptions::default(), |mut scope| {
///     // The worker's own loop: echo one message doubled, then end.
///     let lp = EventLoop::new().unwrap();
///     scope.bind_loop(&lp.handle());
///     let port = Rc::new(scope.take_port());
///     let p = port.clone();
///     port.bind(&lp.handle(), move |e| {
///         if let PortEvent::Message(m) = e {
///             p.post_message(Message::new([m.payload.clone(), m.payload].concat()));
///             p.unbind();
///         }
///     });
///     lp.run(RunMode::Default);
///     0
/// })
/// .unwrap();
/// worker.post_message(Message::new(b"ab".to_vec()));
/// let log = Rc::new(RefCell::new(Vec::new()));
/// let l = log.clone();
/// worker.bind(&ev.handle(), move |e| l.borrow_mut().push(format!("{e:?}")));
/// ev.run(RunMode::Default); // returns after 'exit'
/// let log = log.borrow();
/// assert_eq!(log[0], "Online");
/// assert!(log[1].starts_with("Message"));
/// assert_eq!(log[2], "Exit(0)");
/// ```
pub struct Worker {
    port: MessagePort,
    control: Arc<Control>,
    thread_id: u64,
}

impl fmt::Debug for Worker {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Worker")
            .field("thread_id", &self.thread_id)
            .finish_non_exhaustive()
    }
}

impl Worker {
    /// `new Worker(...)`: starts a thread that runs `entry`, whose return value is the
    /// worker's exit code (1 if it panics). `'online'` is queued as the thread starts,
    /// `'exit'` after `entry` returned.
    ///
    /// # Errors
    /// [`Error::Spawn`] if the OS cannot start the thread.
    ///
    /// # Examples
    /// ```
    /// use node_workers::{Worker, WorkerOptions};
    /// let w = Worker::spawn(WorkerOptions::default(), |_scope| 3).unwrap();
    /// assert!(w.thread_id() > 0);
    /// ```
    pub fn spawn(
        options: WorkerOptions,
        entry: impl FnOnce(WorkerScope) -> i32 + Send + 'static,
    ) -> Result<Worker> {
        let (parent, child) = MessageChannel::new();
        let control = Arc::new(Control::default());
        let thread_id = NEXT_THREAD_ID.fetch_add(1, Ordering::Relaxed);
        let mut builder = std::thread::Builder::new();
        if !options.name.is_empty() {
            builder = builder.name(options.name.clone());
        }
        if let Some(size) = options.stack_size {
            builder = builder.stack_size(size);
        }
        let scope = WorkerScope {
            port: Some(child),
            control: control.clone(),
            thread_id,
            name: options.name,
            parent: parent.own_side(),
        };
        let defer_online = options.defer_online;
        builder
            .spawn(move || run_thread(scope, defer_online, entry))
            .map_err(Error::Spawn)?;
        Ok(Worker {
            port: parent,
            control,
            thread_id,
        })
    }

    /// `worker.threadId`.
    ///
    /// # Examples
    /// ```
    /// use node_workers::{Worker, WorkerOptions};
    /// let a = Worker::spawn(WorkerOptions::default(), |_| 0).unwrap();
    /// let b = Worker::spawn(WorkerOptions::default(), |_| 0).unwrap();
    /// assert_ne!(a.thread_id(), b.thread_id());
    /// ```
    #[doc(alias = "threadId")]
    pub fn thread_id(&self) -> u64 {
        self.thread_id
    }

    /// `worker.postMessage(value)`: queues `msg` on the worker's parent port.
    ///
    /// # Examples
    /// ```
    /// use node_workers::{Message, Worker, WorkerOptions};
    /// let w = Worker::spawn(WorkerOptions::default(), |_| 0).unwrap();
    /// w.post_message(Message::new(vec![1]));
    /// ```
    #[doc(alias = "postMessage")]
    pub fn post_message(&self, msg: Message) -> bool {
        self.port.post_message(msg)
    }

    /// Delivers the worker's events to `callback` on `handle`'s loop.
    ///
    /// # Examples
    /// ```
    /// use node_event_loop::{EventLoop, RunMode};
    /// use node_workers::{Worker, WorkerEvent, WorkerOptions};
    /// let ev = EventLoop::new().unwrap();
    /// let w = Worker::spawn(WorkerOptions::default(), |_| 5).unwrap();
    /// let code = std::rc::Rc::new(std::cell::Cell::new(-1));
    /// let c = code.clone();
    /// w.bind(&ev.handle(), move |e| if let WorkerEvent::Exit(n) = e { c.set(n) });
    /// ev.run(RunMode::Default);
    /// assert_eq!(code.get(), 5);
    /// ```
    pub fn bind(&self, handle: &LoopHandle, mut callback: impl FnMut(WorkerEvent) + 'static) {
        self.port.bind_events(
            handle,
            Box::new(move |ev| match ev {
                Event::Message(m) => callback(WorkerEvent::Message(m)),
                Event::Online => callback(WorkerEvent::Online),
                Event::Error(m) => callback(WorkerEvent::Error(m)),
                Event::Exit(code) => callback(WorkerEvent::Exit(code)),
                // The worker closed its parent port: nothing for the parent to see.
                Event::Close => {}
            }),
        );
    }

    /// `worker.ref()`: the worker keeps the parent's loop alive until it exits (default).
    ///
    /// # Examples
    /// ```
    /// use node_workers::{Worker, WorkerOptions};
    /// let w = Worker::spawn(WorkerOptions::default(), |_| 0).unwrap();
    /// w.unref();
    /// w.ref_();
    /// assert!(w.has_ref());
    /// ```
    #[doc(alias = "ref")]
    pub fn ref_(&self) {
        self.port.ref_();
    }

    /// `worker.unref()`: the parent's loop may end while the worker still runs.
    ///
    /// # Examples
    /// ```
    /// use node_workers::{Worker, WorkerOptions};
    /// let w = Worker::spawn(WorkerOptions::default(), |_| 0).unwrap();
    /// w.unref();
    /// assert!(!w.has_ref());
    /// ```
    pub fn unref(&self) {
        self.port.unref();
    }

    /// Whether the worker keeps the parent's loop alive.
    ///
    /// # Examples
    /// ```
    /// use node_workers::{Worker, WorkerOptions};
    /// let w = Worker::spawn(WorkerOptions::default(), |_| 0).unwrap();
    /// assert!(w.has_ref());
    /// ```
    #[doc(alias = "hasRef")]
    pub fn has_ref(&self) -> bool {
        self.port.has_ref()
    }

    /// `worker.terminate()`: asks the worker to stop as soon as possible. Its loop is
    /// stopped; running code notices through [`WorkerScope::is_terminating`] (the JS host
    /// checks it from QuickJS's interrupt handler). The exit code arrives as
    /// [`WorkerEvent::Exit`].
    ///
    /// # Examples
    /// ```
    /// use node_event_loop::{EventLoop, RunMode};
    /// use node_workers::{Worker, WorkerEvent, WorkerOptions};
    /// let w = Worker::spawn(WorkerOptions::default(), |mut scope| {
    ///     let lp = EventLoop::new().unwrap();
    ///     scope.bind_loop(&lp.handle());
    ///     let port = scope.take_port();
    ///     port.bind(&lp.handle(), |_| {}); // would keep the worker alive forever
    ///     lp.run(RunMode::Default);
    ///     if scope.is_terminating() { 1 } else { 0 }
    /// })
    /// .unwrap();
    /// w.terminate();
    /// let ev = EventLoop::new().unwrap();
    /// let code = std::rc::Rc::new(std::cell::Cell::new(-1));
    /// let c = code.clone();
    /// w.bind(&ev.handle(), move |e| if let WorkerEvent::Exit(n) = e { c.set(n) });
    /// ev.run(RunMode::Default);
    /// assert_eq!(code.get(), 1);
    /// ```
    pub fn terminate(&self) {
        self.control.terminating.store(true, Ordering::SeqCst);
        self.control.stop_loop();
    }
}

/// A worker seen from inside its thread: its parent port, its id, and whether the
/// parent asked it to stop.
///
/// # Examples
/// ```
/// use node_workers::{Worker, WorkerOptions};
/// let w = Worker::spawn(WorkerOptions::default(), |scope| {
///     assert!(scope.thread_id() > 0);
///     0
/// })
/// .unwrap();
/// # drop(w);
/// ```
pub struct WorkerScope {
    port: Option<MessagePort>,
    control: Arc<Control>,
    thread_id: u64,
    name: String,
    /// The parent's end of the channel, for lifecycle events.
    parent: Arc<Side>,
}

impl fmt::Debug for WorkerScope {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("WorkerScope")
            .field("thread_id", &self.thread_id)
            .field("name", &self.name)
            .finish_non_exhaustive()
    }
}

impl WorkerScope {
    /// `require('worker_threads').threadId` inside the worker.
    ///
    /// # Examples
    /// ```
    /// # use node_workers::{Worker, WorkerOptions};
    /// # Worker::spawn(WorkerOptions::default(), |s| { assert!(s.thread_id() >= 1); 0 }).unwrap();
    /// ```
    #[doc(alias = "threadId")]
    pub fn thread_id(&self) -> u64 {
        self.thread_id
    }

    /// The worker's `name` option.
    ///
    /// # Examples
    /// ```
    /// # use node_workers::{Worker, WorkerOptions};
    /// let o = WorkerOptions { name: "w".into(), ..Default::default() };
    /// # Worker::spawn(o, |s| { assert_eq!(s.name(), "w"); 0 }).unwrap();
    /// ```
    pub fn name(&self) -> &str {
        &self.name
    }

    /// Takes `parentPort` (once; later calls panic). Events the worker posts on it reach
    /// the parent's [`Worker`].
    ///
    /// # Examples
    /// ```
    /// # use node_workers::{Message, Worker, WorkerOptions};
    /// # Worker::spawn(WorkerOptions::default(), |mut s| {
    /// let port = s.take_port();
    /// port.post_message(Message::new(b"ready".to_vec()));
    /// # 0 }).unwrap();
    /// ```
    #[doc(alias = "parentPort")]
    pub fn take_port(&mut self) -> MessagePort {
        self.port.take().expect("parentPort taken twice")
    }

    /// Registers the worker's loop, so [`Worker::terminate`] can stop it.
    ///
    /// # Examples
    /// ```
    /// # use node_workers::{Worker, WorkerOptions};
    /// # Worker::spawn(WorkerOptions::default(), |s| {
    /// let lp = node_event_loop::EventLoop::new().unwrap();
    /// s.bind_loop(&lp.handle());
    /// # 0 }).unwrap();
    /// ```
    pub fn bind_loop(&self, handle: &LoopHandle) {
        *self
            .control
            .remote
            .lock()
            .unwrap_or_else(|p| p.into_inner()) = Some(handle.remote());
        if self.is_terminating() {
            self.control.stop_loop();
        }
    }

    /// Whether [`Worker::terminate`] was called.
    ///
    /// # Examples
    /// ```
    /// # use node_workers::{Worker, WorkerOptions};
    /// # Worker::spawn(WorkerOptions::default(), |s| {
    /// let _stop_now = s.is_terminating();
    /// # 0 }).unwrap();
    /// ```
    pub fn is_terminating(&self) -> bool {
        self.control.terminating.load(Ordering::SeqCst)
    }

    /// A flag that turns true when [`Worker::terminate`] is called, for code that cannot
    /// hold the scope (an engine's interrupt handler).
    ///
    /// # Examples
    /// ```
    /// # use node_workers::{Worker, WorkerOptions};
    /// # Worker::spawn(WorkerOptions::default(), |s| {
    /// let flag = s.terminate_flag();
    /// assert!(!flag.load(std::sync::atomic::Ordering::SeqCst) || s.is_terminating());
    /// # 0 }).unwrap();
    /// ```
    pub fn terminate_flag(
        &self,
    ) -> impl std::ops::Deref<Target = AtomicBool> + Send + Sync + use<> {
        TerminateFlag(self.control.clone())
    }

    /// Sends `'online'` to the parent (once; never after [`Worker::terminate`] — a worker
    /// terminated before it started never comes online, as in node). Called by the crate
    /// as the thread starts unless [`WorkerOptions::defer_online`] is set.
    ///
    /// # Examples
    /// ```
    /// # use node_workers::{Worker, WorkerOptions};
    /// let o = WorkerOptions { defer_online: true, ..Default::default() };
    /// # Worker::spawn(o, |s| {
    /// // ... set up, then:
    /// s.online();
    /// # 0 }).unwrap();
    /// ```
    pub fn online(&self) {
        if self.is_terminating() || self.control.online_sent.swap(true, Ordering::SeqCst) {
            return;
        }
        self.parent.push(Event::Online);
    }

    /// `'error'` on the parent's [`Worker`]: an uncaught exception, serialized by the host.
    /// Queued before the worker's `'exit'`.
    ///
    /// # Examples
    /// ```
    /// # use node_workers::{Message, Worker, WorkerOptions};
    /// # Worker::spawn(WorkerOptions::default(), |s| {
    /// s.report_error(Message::new(b"Error: boom".to_vec()));
    /// 1
    /// # }).unwrap();
    /// ```
    pub fn report_error(&self, error: Message) {
        self.parent.push(Event::Error(error));
    }
}

/// The flag returned by [`WorkerScope::terminate_flag`].
struct TerminateFlag(Arc<Control>);

impl std::ops::Deref for TerminateFlag {
    type Target = AtomicBool;
    fn deref(&self) -> &AtomicBool {
        &self.0.terminating
    }
}

fn run_thread(scope: WorkerScope, defer_online: bool, entry: impl FnOnce(WorkerScope) -> i32) {
    let parent = scope.parent.clone();
    let own = scope
        .port
        .as_ref()
        .expect("a new scope has its port")
        .own_side();
    if !defer_online {
        scope.online();
    }
    let code = catch_unwind(AssertUnwindSafe(|| entry(scope))).unwrap_or(1);
    // Posts to a worker that ended are dropped, not queued forever.
    own.mark_dead();
    parent.push(Event::Exit(code));
}
