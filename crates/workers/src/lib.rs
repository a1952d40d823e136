//! # node-workers
//!
//! Node.js's `worker_threads`, in Rust, without JavaScript: threads that each own an event
//! loop ([`node_event_loop`]), and message ports between loops.
//!
//! - [`MessageChannel::new`] makes two entangled [`MessagePort`]s. A [`Message`] is owned
//!   bytes (plus transferred ports), so values never cross threads — the receiving side
//!   deserialises. A port bound to a loop ([`MessagePort::bind`], node's `start()`) is woken
//!   through the loop's [`RemoteHandle`](node_event_loop::RemoteHandle) and delivers in the
//!   poll phase; while bound and ref'd it keeps the loop alive, as node's ports do.
//! - [`Worker::spawn`] starts a thread; the parent gets [`WorkerEvent::Online`], the
//!   worker's messages, [`WorkerEvent::Error`] and finally [`WorkerEvent::Exit`], in the
//!   order node emits them. [`Worker::terminate`] stops the worker's loop and raises a flag
//!   the worker's engine polls.
//! - [`BroadcastChannel`] reaches every other channel of the same name, on any thread.
//!
//! ```
//! use node_event_loop::{EventLoop, RunMode};
//! use node_workers::{Message, PortEvent, Worker, WorkerEvent, WorkerOptions};
//! use std::{cell::RefCell, rc::Rc};
//!
//! // main.js + heavy-task.js from the seed guide, in Rust.
//! let ev = EventLoop::new().unwrap();
//! let worker = Worker::spawn(WorkerOptions::default(), |mut scope| {
//!     let port = scope.take_port();
//!     let sum: u64 = (0..1_000u64).sum();
//!     port.post_message(Message::new(sum.to_string().into_bytes()));
//!     0
//! })
//! .unwrap();
//! let out = Rc::new(RefCell::new(Vec::new()));
//! let o = out.clone();
//! worker.bind(&ev.handle(), move |e| match e {
//!     WorkerEvent::Message(m) => o.borrow_mut().push(String::from_utf8(m.payload).unwrap()),
//!     WorkerEvent::Exit(code) => o.borrow_mut().push(format!("exit {code}")),
//!     _ => {}
//! });
//! ev.run(RunMode::Default);
//! assert_eq!(*out.borrow(), ["499500", "exit 0"]);
//! # let _ = PortEvent::Close;
//! ```
#![forbid(unsafe_code)]
#![doc(test(attr(deny(warnings))))]

mod broadcast;
mod errors;
mod message;
mod port;
mod worker;

pub use self::broadcast::BroadcastChannel;
pub use self::errors::{Error, Result};
pub use self::message::Message;
pub use self::port::{MessageChannel, MessagePort, PortEvent};
pub use self::worker::{Worker, WorkerEvent, WorkerOptions, WorkerScope};
