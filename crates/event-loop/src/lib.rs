//! # node-event-loop
//!
//! Node.js's event loop, in Rust: libuv's phases and Node's nextTick/microtask checkpoints
//! on a tokio current-thread runtime.
//!
//! Each iteration of [`EventLoop::run`] follows libuv's `uv_run`:
//!
//! 1. **timers** — [`LoopHandle::set_timeout`] / [`LoopHandle::set_interval`] callbacks
//!    whose deadline passed (at least 1 ms; equal deadlines in creation order), and
//!    [`TimerBatch`] timers, handed to their batch's runner in one call;
//! 2. **pending** — I/O callbacks deferred from the previous iteration;
//! 3. **idle/prepare** — (no handles of nrt's own);
//! 4. **poll** — wait for I/O ([`LoopHandle::spawn_io`], [`IoHandle::post`],
//!    [`RemoteHandle::post`]) until the next timer is due, then run those callbacks;
//! 5. **check** — [`LoopHandle::set_immediate`] callbacks queued before the phase began;
//! 6. **close callbacks** — [`LoopHandle::queue_close`].
//!
//! After **every** callback the loop runs a checkpoint, Node's `processTicksAndRejections`:
//! all [`LoopHandle::next_tick`] callbacks, then microtasks (Rust ones and the host's via
//! [`LoopHandle::set_microtask_hook`]), repeated until both queues are empty.
//!
//! The loop is alive while a ref'd timer, immediate or handle exists, a request is in
//! flight, or callbacks are queued — and [`EventLoop::run`] returns exactly when Node's
//! would.
//!
//! ```
//! use node_event_loop::{EventLoop, RunMode};
//! use std::{cell::RefCell, rc::Rc};
//!
//! let ev = EventLoop::new().unwrap();
//! let h = ev.handle();
//! let out = Rc::new(RefCell::new(Vec::new()));
//! let log = |s: &'static str| { let o = out.clone(); move || o.borrow_mut().push(s) };
//! out.borrow_mut().push("Start");
//! h.set_timeout(0, log("Timeout"));
//! h.set_immediate(log("Immediate"));
//! h.next_tick(log("Next Tick"));
//! out.borrow_mut().push("End");
//! h.checkpoint(); // what the host does after the main script
//! ev.run(RunMode::Default);
//! assert_eq!(out.borrow()[..3], ["Start", "End", "Next Tick"]);
//! ```
#![forbid(unsafe_code)]
#![doc(test(attr(deny(warnings))))]

mod event_loop;
mod immediate;
mod io_handle;
mod remote;
mod shared;
mod slab;
mod timer_batch;
mod timers;

pub use self::event_loop::{EventLoop, RunMode};
pub use self::immediate::Immediate;
pub use self::io_handle::IoHandle;
pub use self::remote::{RemoteHandle, RemoteKeepAlive};
pub use self::shared::LoopHandle;
pub use self::timer_batch::TimerBatch;
pub use self::timers::Timer;
