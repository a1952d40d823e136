//! [`MessageChannel`] and [`MessagePort`]: two entangled ends, each an unbounded queue that
//! wakes the loop it is bound to.

use std::cell::RefCell;
use std::collections::HashMap;
use std::fmt;
use std::rc::Rc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};

use crossbeam_channel::{Receiver, Sender};
use node_event_loop::{IoHandle, LoopHandle, RemoteHandle};

use crate::message::Message;

/// What one end's queue carries. Worker lifecycle events travel in the same queue as the
/// messages so that a message posted before the worker ended arrives before its `'exit'`.
pub(crate) enum Event {
    Message(Message),
    Close,
    Online,
    Error(Message),
    Exit(i32),
}

/// What a bound [`MessagePort`] delivers.
///
/// # Examples
/// ```
/// use node_workers::PortEvent;
/// let e = PortEvent::Close;
/// assert!(matches!(e, PortEvent::Close));
/// ```
#[derive(Debug)]
pub enum PortEvent {
    /// `'message'`.
    Message(Message),
    /// `'close'`: this end or its peer was closed. The port is unbound afterwards.
    Close,
}

/// The loop an end is bound to.
struct Waker {
    remote: RemoteHandle,
}

/// One end's incoming queue, shared by the end that reads it and the peer that writes it.
pub(crate) struct Side {
    id: u64,
    tx: Sender<Event>,
    rx: Receiver<Event>,
    /// An event taken off the queue by [`MessagePort::try_recv`] but not consumed by it.
    stash: Mutex<Option<Event>>,
    waker: Mutex<Option<Waker>>,
    /// A delivery task is queued on the bound loop (one per burst, not one per message).
    wake_pending: AtomicBool,
    /// Posting to or from this end does nothing (it or its peer was closed).
    closed: AtomicBool,
    /// Whether a binding keeps its loop alive (`port.ref()` / `port.unref()`).
    refed: AtomicBool,
}

fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|p| p.into_inner())
}

static NEXT_SIDE: AtomicU64 = AtomicU64::new(1);

impl Side {
    fn new() -> Arc<Side> {
        let (tx, rx) = crossbeam_channel::unbounded();
        Arc::new(Side {
            id: NEXT_SIDE.fetch_add(1, Ordering::Relaxed),
            tx,
            rx,
            stash: Mutex::new(None),
            waker: Mutex::new(None),
            wake_pending: AtomicBool::new(false),
            closed: AtomicBool::new(false),
            refed: AtomicBool::new(true),
        })
    }

    /// Queues `ev` and wakes the bound loop, if any (`uv_async_send`).
    pub(crate) fn push(&self, ev: Event) {
        let _ = self.tx.send(ev);
        self.wake();
    }

    fn wake(&self) {
        let waker = lock(&self.waker);
        if let Some(w) = &*waker {
            if !self.wake_pending.swap(true, Ordering::AcqRel) {
                let id = self.id;
                w.remote.post(move || deliver(id));
            }
        }
    }

    fn take(&self) -> Option<Event> {
        if let Some(ev) = lock(&self.stash).take() {
            return Some(ev);
        }
        self.rx.try_recv().ok()
    }

    fn queued(&self) -> usize {
        self.rx.len() + usize::from(lock(&self.stash).is_some())
    }
}

/// A bound end on this thread.
struct Binding {
    side: Arc<Side>,
    handle: LoopHandle,
    io: IoHandle,
    /// A port's binding ends with its 'close'; a worker's only with its 'exit' (the
    /// worker closing its parent port does not end the worker).
    ends_on_close: bool,
    callback: RefCell<Box<dyn FnMut(Event)>>,
}

thread_local! {
    static BOUND: RefCell<HashMap<u64, Rc<Binding>>> = RefCell::new(HashMap::new());
}

/// Runs on the bound loop's thread in its poll phase: hands every queued event to the
/// callback, with a checkpoint between two (node runs each message as its own callback).
fn deliver(id: u64) {
    let Some(b) = BOUND.with(|m| m.borrow().get(&id).cloned()) else {
        return;
    };
    b.side.wake_pending.store(false, Ordering::Release);
    // Only what is queued now: a port that posts to itself must not starve the loop.
    let n = b.side.queued();
    for i in 0..n {
        let still_bound = BOUND.with(|m| m.borrow().get(&id).is_some_and(|x| Rc::ptr_eq(x, &b)));
        if !still_bound {
            return;
        }
        let Some(ev) = b.side.take() else { break };
        if i > 0 {
            b.handle.checkpoint();
        }
        let last = match ev {
            Event::Close => b.ends_on_close,
            Event::Exit(_) => true,
            _ => false,
        };
        if last {
            unbind_side(&b.side);
        }
        if matches!(ev, Event::Exit(_)) {
            flush_others(id, &b.handle);
        }
        (b.callback.borrow_mut())(ev);
        if last {
            return;
        }
    }
    if b.side.queued() > 0 {
        b.side.wake();
    }
}

/// Before a worker's 'exit', delivers what other ports bound on this thread already hold:
/// messages the worker posted on them before it ended were queued before its exit, and
/// node reports them first, though each port's wake-up may still be on its way.
fn flush_others(exiting: u64, handle: &LoopHandle) {
    let ready: Vec<u64> = BOUND.with(|m| {
        m.borrow()
            .iter()
            .filter(|(k, b)| **k != exiting && b.side.queued() > 0)
            .map(|(k, _)| *k)
            .collect()
    });
    for id in ready {
        deliver(id);
        handle.checkpoint();
    }
}

fn bind_side(
    side: &Arc<Side>,
    handle: &LoopHandle,
    ends_on_close: bool,
    callback: Box<dyn FnMut(Event)>,
) {
    unbind_side(side);
    let io = handle.keep_alive();
    if !side.refed.load(Ordering::Acquire) {
        io.unref();
    }
    let b = Rc::new(Binding {
        side: side.clone(),
        handle: handle.clone(),
        io,
        ends_on_close,
        callback: RefCell::new(callback),
    });
    BOUND.with(|m| m.borrow_mut().insert(side.id, b));
    *lock(&side.waker) = Some(Waker {
        remote: handle.remote(),
    });
    side.wake_pending.store(false, Ordering::Release);
    if side.queued() > 0 {
        side.wake();
    }
}

fn unbind_side(side: &Side) {
    *lock(&side.waker) = None;
    let b = BOUND.with(|m| m.borrow_mut().remove(&side.id));
    if let Some(b) = b {
        b.io.close();
    }
}

fn set_ref(side: &Side, refed: bool) {
    side.refed.store(refed, Ordering::Release);
    BOUND.with(|m| {
        if let Some(b) = m.borrow().get(&side.id) {
            b.io.set_ref(refed);
        }
    });
}

/// Node's `new MessageChannel()`: two entangled ports; what one posts, the other receives.
///
/// # Examples
/// ```
/// use node_workers::{Message, MessageChannel};
/// let (a, b) = MessageChannel::new();
/// a.post_message(Message::new(b"hi".to_vec()));
/// assert_eq!(b.try_recv().unwrap().payload, b"hi");
/// ```
#[derive(Debug)]
#[non_exhaustive]
pub struct MessageChannel;

impl MessageChannel {
    /// A new pair of entangled ports (`port1`, `port2`).
    ///
    /// # Examples
    /// ```
    /// let (port1, port2) = node_workers::MessageChannel::new();
    /// # drop((port1, port2));
    /// ```
    #[allow(clippy::new_ret_no_self)]
    pub fn new() -> (MessagePort, MessagePort) {
        let (a, b) = (Side::new(), Side::new());
        (
            MessagePort {
                own: a.clone(),
                peer: b.clone(),
            },
            MessagePort { own: b, peer: a },
        )
    }
}

/// One end of a channel: Node's `MessagePort`.
///
/// It is `Send`: a port can move to another thread inside a [`Message`] (a transfer list).
/// Until [`bind`](MessagePort::bind) is called (node's `start()`), incoming messages queue
/// and can be taken with [`try_recv`](MessagePort::try_recv) (`receiveMessageOnPort`).
/// A bound port delivers in its loop's poll phase and, while ref'd, keeps that loop alive.
///
/// # Examples
/// ```
/// use node_event_loop::{EventLoop, RunMode};
/// use node_workers::{Message, MessageChannel, PortEvent};
/// use std::{cell::RefCell, rc::Rc};
///
/// let ev = EventLoop::new().unwrap();
/// let (a, b) = MessageChannel::new();
/// let got = Rc::new(RefCell::new(Vec::new()));
/// let g = got.clone();
/// b.bind(&ev.handle(), move |e| match e {
///     PortEvent::Message(m) => g.borrow_mut().push(m.payload),
///     PortEvent::Close => g.borrow_mut().push(b"closed".to_vec()),
/// });
/// a.post_message(Message::new(b"one".to_vec()));
/// a.close();
/// ev.run(RunMode::Default); // ends: the close unbinds `b`
/// assert_eq!(*got.borrow(), [b"one".to_vec(), b"closed".to_vec()]);
/// ```
pub struct MessagePort {
    own: Arc<Side>,
    peer: Arc<Side>,
}

impl fmt::Debug for MessagePort {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("MessagePort")
            .field("id", &self.own.id)
            .field("closed", &self.is_closed())
            .finish()
    }
}

impl MessagePort {
    /// A number unique to this end within the process.
    ///
    /// # Examples
    /// ```
    /// let (a, b) = node_workers::MessageChannel::new();
    /// assert_ne!(a.id(), b.id());
    /// ```
    pub fn id(&self) -> u64 {
        self.own.id
    }

    /// `port.postMessage(value)`: queues `msg` at the peer. After either end was closed it
    /// is dropped, as node silently drops it; returns whether it was queued.
    ///
    /// # Examples
    /// ```
    /// use node_workers::{Message, MessageChannel};
    /// let (a, b) = MessageChannel::new();
    /// assert!(a.post_message(Message::new(vec![1])));
    /// b.close();
    /// assert!(!a.post_message(Message::new(vec![2])));
    /// ```
    #[doc(alias = "postMessage")]
    pub fn post_message(&self, msg: Message) -> bool {
        if self.own.closed.load(Ordering::Acquire) || self.peer.closed.load(Ordering::Acquire) {
            return false;
        }
        self.peer.push(Event::Message(msg));
        true
    }

    /// `receiveMessageOnPort(port)`: takes the next queued message, if any, without
    /// waiting and without going through the loop.
    ///
    /// # Examples
    /// ```
    /// use node_workers::{Message, MessageChannel};
    /// let (a, b) = MessageChannel::new();
    /// assert!(b.try_recv().is_none());
    /// a.post_message(Message::new(vec![7]));
    /// assert_eq!(b.try_recv().unwrap().payload, [7]);
    /// ```
    #[doc(alias = "receiveMessageOnPort")]
    pub fn try_recv(&self) -> Option<Message> {
        match self.own.take()? {
            Event::Message(m) => Some(m),
            other => {
                *lock(&self.own.stash) = Some(other);
                None
            }
        }
    }

    /// `port.start()`: delivers incoming events to `callback` on `handle`'s loop, in its
    /// poll phase. While bound and ref'd the port keeps the loop alive. A 'close' event
    /// unbinds it.
    ///
    /// # Examples
    /// ```
    /// use node_event_loop::EventLoop;
    /// let ev = EventLoop::new().unwrap();
    /// let (a, _b) = node_workers::MessageChannel::new();
    /// a.bind(&ev.handle(), |_| {});
    /// assert!(ev.handle().is_alive());
    /// a.unbind();
    /// assert!(!ev.handle().is_alive());
    /// ```
    #[doc(alias = "start")]
    pub fn bind(&self, handle: &LoopHandle, mut callback: impl FnMut(PortEvent) + 'static) {
        bind_side(
            &self.own,
            handle,
            true,
            Box::new(move |ev| match ev {
                Event::Message(m) => callback(PortEvent::Message(m)),
                Event::Close => callback(PortEvent::Close),
                Event::Online | Event::Error(_) | Event::Exit(_) => {}
            }),
        );
    }

    pub(crate) fn bind_events(&self, handle: &LoopHandle, callback: Box<dyn FnMut(Event)>) {
        bind_side(&self.own, handle, false, callback);
    }

    /// Stops delivering (messages queue again) and releases the loop. Call it before
    /// moving the port to another thread.
    ///
    /// # Examples
    /// ```
    /// let ev = node_event_loop::EventLoop::new().unwrap();
    /// let (a, _b) = node_workers::MessageChannel::new();
    /// a.bind(&ev.handle(), |_| {});
    /// a.unbind();
    /// assert!(!a.is_bound());
    /// ```
    pub fn unbind(&self) {
        unbind_side(&self.own);
    }

    /// Whether the port is bound to a loop on this thread.
    ///
    /// # Examples
    /// ```
    /// let (a, _b) = node_workers::MessageChannel::new();
    /// assert!(!a.is_bound());
    /// ```
    pub fn is_bound(&self) -> bool {
        BOUND.with(|m| m.borrow().contains_key(&self.own.id))
    }

    /// `port.ref()`: a bound port keeps its loop alive (the default).
    ///
    /// # Examples
    /// ```
    /// let ev = node_event_loop::EventLoop::new().unwrap();
    /// let (a, _b) = node_workers::MessageChannel::new();
    /// a.bind(&ev.handle(), |_| {});
    /// a.unref();
    /// assert!(!ev.handle().is_alive());
    /// a.ref_();
    /// assert!(ev.handle().is_alive());
    /// # a.unbind();
    /// ```
    #[doc(alias = "ref")]
    pub fn ref_(&self) {
        set_ref(&self.own, true);
    }

    /// `port.unref()`: a bound port no longer keeps its loop alive.
    ///
    /// # Examples
    /// ```
    /// let (a, _b) = node_workers::MessageChannel::new();
    /// a.unref();
    /// assert!(!a.has_ref());
    /// ```
    pub fn unref(&self) {
        set_ref(&self.own, false);
    }

    /// `port.hasRef()`.
    ///
    /// # Examples
    /// ```
    /// let (a, _b) = node_workers::MessageChannel::new();
    /// assert!(a.has_ref());
    /// ```
    #[doc(alias = "hasRef")]
    pub fn has_ref(&self) -> bool {
        self.own.refed.load(Ordering::Acquire)
    }

    /// `port.close()`: disentangles the pair. Both ends get [`PortEvent::Close`] (after
    /// what was already queued), and later posts from either end are dropped.
    ///
    /// # Examples
    /// ```
    /// use node_workers::MessageChannel;
    /// let (a, b) = MessageChannel::new();
    /// a.close();
    /// assert!(a.is_closed() && b.is_closed());
    /// ```
    pub fn close(&self) {
        if self.own.closed.swap(true, Ordering::AcqRel) {
            return;
        }
        let peer_was_closed = self.peer.closed.swap(true, Ordering::AcqRel);
        self.own.push(Event::Close);
        if !peer_was_closed {
            self.peer.push(Event::Close);
        }
    }

    /// Whether this end or its peer was closed.
    ///
    /// # Examples
    /// ```
    /// let (a, _b) = node_workers::MessageChannel::new();
    /// assert!(!a.is_closed());
    /// ```
    pub fn is_closed(&self) -> bool {
        self.own.closed.load(Ordering::Acquire)
    }

    pub(crate) fn own_side(&self) -> Arc<Side> {
        self.own.clone()
    }

    /// A fresh end nobody writes to (a broadcast channel's receiving side).
    pub(crate) fn detached() -> MessagePort {
        let own = Side::new();
        let peer = Side::new();
        peer.closed.store(true, Ordering::Release);
        MessagePort { own, peer }
    }
}

impl Side {
    /// Marks this end closed without events: a worker's port once its thread ended.
    pub(crate) fn mark_dead(&self) {
        self.closed.store(true, Ordering::Release);
        while self.take().is_some() {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use node_event_loop::{EventLoop, RunMode};

    #[test]
    fn close_is_delivered_after_queued_messages_on_both_ends() {
        let ev = EventLoop::new().unwrap();
        let (a, b) = MessageChannel::new();
        let log = Rc::new(RefCell::new(Vec::new()));
        let (la, lb) = (log.clone(), log.clone());
        a.bind(&ev.handle(), move |e| {
            la.borrow_mut().push(format!("a:{}", name(&e)))
        });
        b.bind(&ev.handle(), move |e| {
            lb.borrow_mut().push(format!("b:{}", name(&e)))
        });
        a.post_message(Message::new(b"1".to_vec()));
        a.post_message(Message::new(b"2".to_vec()));
        a.close();
        assert!(!b.post_message(Message::new(b"late".to_vec())));
        ev.run(RunMode::Default);
        let mut got = log.borrow().clone();
        got.sort();
        assert_eq!(got, ["a:close", "b:1", "b:2", "b:close"]);
        assert!(!a.is_bound() && !b.is_bound());
    }

    fn name(e: &PortEvent) -> String {
        match e {
            PortEvent::Message(m) => String::from_utf8_lossy(&m.payload).into_owned(),
            PortEvent::Close => "close".into(),
        }
    }

    #[test]
    fn try_recv_keeps_a_close_for_the_binding() {
        let ev = EventLoop::new().unwrap();
        let (a, b) = MessageChannel::new();
        a.post_message(Message::new(vec![1]));
        a.close();
        assert_eq!(b.try_recv().unwrap().payload, [1]);
        assert!(b.try_recv().is_none());
        let closed = Rc::new(RefCell::new(false));
        let c = closed.clone();
        b.bind(&ev.handle(), move |e| {
            if matches!(e, PortEvent::Close) {
                *c.borrow_mut() = true;
            }
        });
        ev.run(RunMode::Default);
        assert!(*closed.borrow());
    }
}
