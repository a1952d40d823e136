//! [`BroadcastChannel`]: every channel of the same name, on any thread, receives what one
//! of them posts.

use std::collections::HashMap;
use std::fmt;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, Weak};

use node_event_loop::LoopHandle;

use crate::message::Message;
use crate::port::{Event, MessagePort, PortEvent, Side};

/// The open channels of each name, process-wide.
static GROUPS: Mutex<Option<HashMap<String, Vec<Weak<Side>>>>> = Mutex::new(None);

fn with_groups<R>(f: impl FnOnce(&mut HashMap<String, Vec<Weak<Side>>>) -> R) -> R {
    let mut g = GROUPS.lock().unwrap_or_else(|p| p.into_inner());
    f(g.get_or_insert_with(HashMap::new))
}

/// Node's `BroadcastChannel`: a named channel; a message posted on one instance reaches
/// every other open instance of that name, in this thread or another, but not the sender.
///
/// It receives like a [`MessagePort`]: [`bind`](BroadcastChannel::bind) delivers on a loop,
/// which it keeps alive while ref'd (node keeps the process alive until `close()`).
///
/// # Examples
/// ```
/// use node_workers::{BroadcastChannel, Message};
/// let a = BroadcastChannel::new("news");
/// let b = BroadcastChannel::new("news");
/// a.post_message(Message::new(b"hi".to_vec()));
/// assert_eq!(b.try_recv().unwrap().payload, b"hi");
/// assert!(a.try_recv().is_none()); // not to itself
/// ```
pub struct BroadcastChannel {
    name: String,
    port: MessagePort,
    closed: AtomicBool,
}

impl fmt::Debug for BroadcastChannel {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("BroadcastChannel")
            .field("name", &self.name)
            .field("closed", &self.closed.load(Ordering::Acquire))
            .finish()
    }
}

impl BroadcastChannel {
    /// `new BroadcastChannel(name)`: joins the channels named `name`.
    ///
    /// # Examples
    /// ```
    /// let c = node_workers::BroadcastChannel::new("jobs");
    /// assert_eq!(c.name(), "jobs");
    /// ```
    pub fn new(name: &str) -> BroadcastChannel {
        let port = MessagePort::detached();
        with_groups(|g| {
            g.entry(name.to_owned())
                .or_default()
                .push(Arc::downgrade(&port.own_side()))
        });
        BroadcastChannel {
            name: name.to_owned(),
            port,
            closed: AtomicBool::new(false),
        }
    }

    /// `broadcastChannel.name`.
    ///
    /// # Examples
    /// ```
    /// assert_eq!(node_workers::BroadcastChannel::new("a").name(), "a");
    /// ```
    pub fn name(&self) -> &str {
        &self.name
    }

    /// `broadcastChannel.postMessage(value)`: queues a copy of `msg` at every other open
    /// channel of this name. Ports cannot be broadcast (they are dropped here; the host
    /// rejects them first). Returns false once closed (node throws InvalidStateError).
    ///
    /// # Examples
    /// ```
    /// use node_workers::{BroadcastChannel, Message};
    /// let a = BroadcastChannel::new("p");
    /// let b = BroadcastChannel::new("p");
    /// let c = BroadcastChannel::new("p");
    /// assert!(a.post_message(Message::new(vec![1])));
    /// assert!(b.try_recv().is_some() && c.try_recv().is_some());
    /// ```
    #[doc(alias = "postMessage")]
    pub fn post_message(&self, msg: Message) -> bool {
        if self.closed.load(Ordering::Acquire) {
            return false;
        }
        let me = self.port.own_side();
        let targets: Vec<Arc<Side>> = with_groups(|g| {
            let Some(list) = g.get_mut(&self.name) else {
                return Vec::new();
            };
            list.retain(|w| w.strong_count() > 0);
            list.iter()
                .filter_map(Weak::upgrade)
                .filter(|s| !Arc::ptr_eq(s, &me))
                .collect()
        });
        for side in targets {
            side.push(Event::Message(Message {
                payload: msg.payload.clone(),
                ports: Vec::new(),
                attachments: msg.attachments.clone(),
            }));
        }
        true
    }

    /// Takes the next queued message without the loop.
    ///
    /// # Examples
    /// ```
    /// let c = node_workers::BroadcastChannel::new("q");
    /// assert!(c.try_recv().is_none());
    /// ```
    pub fn try_recv(&self) -> Option<Message> {
        self.port.try_recv()
    }

    /// Delivers messages to `callback` on `handle`'s loop (and keeps it alive while ref'd).
    ///
    /// # Examples
    /// ```
    /// let ev = node_event_loop::EventLoop::new().unwrap();
    /// let c = node_workers::BroadcastChannel::new("r");
    /// c.bind(&ev.handle(), |_| {});
    /// assert!(ev.handle().is_alive());
    /// c.close();
    /// assert!(!ev.handle().is_alive());
    /// ```
    pub fn bind(&self, handle: &LoopHandle, callback: impl FnMut(Message) + 'static) {
        let mut callback = callback;
        self.port.bind(handle, move |ev| {
            if let PortEvent::Message(m) = ev {
                callback(m)
            }
        });
    }

    /// `broadcastChannel.ref()`.
    ///
    /// # Examples
    /// ```
    /// let c = node_workers::BroadcastChannel::new("s");
    /// c.unref();
    /// c.ref_();
    /// ```
    #[doc(alias = "ref")]
    pub fn ref_(&self) {
        self.port.ref_();
    }

    /// `broadcastChannel.unref()`: a bound channel no longer keeps its loop alive.
    ///
    /// # Examples
    /// ```
    /// let ev = node_event_loop::EventLoop::new().unwrap();
    /// let c = node_workers::BroadcastChannel::new("t");
    /// c.bind(&ev.handle(), |_| {});
    /// c.unref();
    /// assert!(!ev.handle().is_alive());
    /// # c.close();
    /// ```
    pub fn unref(&self) {
        self.port.unref();
    }

    /// `broadcastChannel.close()`: leaves the group, stops delivering and releases the loop.
    /// Messages already queued are dropped.
    ///
    /// # Examples
    /// ```
    /// use node_workers::{BroadcastChannel, Message};
    /// let a = BroadcastChannel::new("u");
    /// let b = BroadcastChannel::new("u");
    /// b.close();
    /// a.post_message(Message::new(vec![1]));
    /// assert!(b.try_recv().is_none());
    /// assert!(!b.post_message(Message::new(vec![2])));
    /// ```
    pub fn close(&self) {
        if self.closed.swap(true, Ordering::AcqRel) {
            return;
        }
        let me = self.port.own_side();
        with_groups(|g| {
            if let Some(list) = g.get_mut(&self.name) {
                list.retain(|w| w.upgrade().is_some_and(|s| !Arc::ptr_eq(&s, &me)));
                if list.is_empty() {
                    g.remove(&self.name);
                }
            }
        });
        self.port.unbind();
        me.mark_dead();
    }
}

impl Drop for BroadcastChannel {
    fn drop(&mut self) {
        self.close();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use node_event_loop::{EventLoop, RunMode};

    #[test]
    fn reaches_channels_on_other_threads_but_not_the_sender() {
        let ev = EventLoop::new().unwrap();
        let here = BroadcastChannel::new("cross-thread");
        let got = std::rc::Rc::new(std::cell::RefCell::new(Vec::new()));
        let g = got.clone();
        let here = std::rc::Rc::new(here);
        let h2 = here.clone();
        here.bind(&ev.handle(), move |m| {
            g.borrow_mut().push(m.payload);
            h2.close();
        });
        std::thread::spawn(|| {
            let there = BroadcastChannel::new("cross-thread");
            there.post_message(Message::new(b"from afar".to_vec()));
            assert!(there.try_recv().is_none());
        })
        .join()
        .unwrap();
        ev.run(RunMode::Default);
        assert_eq!(*got.borrow(), [b"from afar".to_vec()]);
    }
}
