//! # node-streams
//!
//! Node's streams (`lib/internal/streams/*`) as a Rust crate: [`Readable`], [`Writable`],
//! [`Duplex`], [`Transform`] and [`PassThrough`] with Node's state machine —
//! highWaterMark read-ahead, `write()` returning `false` then `'drain'`, `cork`/`uncork`
//! with `_writev` batching, `end` → `'prefinish'` → `'finish'` → `'close'`, `destroy(err)`
//! with `autoDestroy`/`emitClose`, paused and flowing modes, `pipe`, [`pipeline`],
//! [`finished`] — and Node's error codes as [`node_core::NodeError`]s.
//!
//! Streams are single-threaded handles (`Rc`), like Node's. Data comes from a [`Source`]
//! and goes to a [`Sink`] or a [`Transformer`]. Node's deferred steps (`process.nextTick`)
//! go through a [`Scheduler`]; the default [`LocalScheduler`] is driven by the adapters
//! (`futures::Stream`, tokio `AsyncRead`/`AsyncWrite`, `futures::Sink`), so a tokio program
//! needs no event loop of ours. Events reach listeners through an [`EventSink`], in
//! Node's order.
//!
//! ## Threads and executors
//!
//! Like Node's, streams are single-threaded: handles are `Rc`-based and `!Send`. In tokio,
//! use them on a `current_thread` runtime or inside a `LocalSet` (`spawn_local`). The
//! default [`LocalScheduler`] runs when any adapter is polled and wakes every task that
//! drives it.
//!
//! ## For bindings (the nrt runtime)
//!
//! - Events: give the stream an [`EventSink`] (options `events`) that forwards to the JS
//!   object's `emit`; call `listener_added("data")` / `("readable")` from the JS `on`
//!   override so flowing mode starts as in Node. The stream's own listeners (pipe,
//!   pipeline, finished) go through [`EventSink::add_rust_listener`] so they keep their
//!   place among the user's.
//! - Deferred steps: implement [`Scheduler`] over the event loop (`next_tick`, and
//!   `spawn_io` whose completion callback runs in the poll phase).
//! - JS `_read`: a [`Source`] that calls it and returns `Pending`, with
//!   [`Source::completes_externally`]; the JS side calls [`Readable::push`].
//! - JS `_write`/`_final`: a [`Sink`] with [`Sink::completes_externally`]; the JS callback
//!   calls [`Writable::complete_write`] / [`Writable::complete_final`] (also when it runs
//!   synchronously inside `_write`).
//! - JS `_transform`/`_flush`: a [`Transformer`] with
//!   [`Transformer::completes_externally`] and [`Transform::transform_callback`] /
//!   [`Transform::flush_callback`].
//!
//! With the `zlib` feature (on by default): gzip/deflate/brotli [`zlib`] transforms and
//! one-shot functions with Node's zlib error codes.
//!
//! ```
//! # futures::executor::block_on(async {
//! use node_streams::{pipeline, PassThrough, Readable, Writable, sink_fn};
//! use std::{cell::RefCell, rc::Rc};
//!
//! let out = Rc::new(RefCell::new(Vec::new()));
//! let o = out.clone();
//! let src = Readable::from_iter(["hello ", "world"]);
//! let mid = PassThrough::new();
//! let dst = Writable::new(sink_fn(move |c| {
//!     o.borrow_mut().extend_from_slice(c.as_bytes().unwrap());
//!     Ok(())
//! }));
//! pipeline(&[&src, &mid, &dst]).await.unwrap();
//! assert_eq!(&out.borrow()[..], b"hello world");
//! # });
//! ```
#![forbid(unsafe_code)]
#![doc(test(attr(deny(warnings))))]

mod chunk;
mod common;
mod compose;
mod construct;
mod core;
mod decoder;
mod destroy;
mod duplex;
mod errors;
mod events;
mod finish;
mod finished;
mod flow;
mod handle;
mod hooks;
mod io;
mod options;
mod pipe;
mod pipeline;
mod read;
mod readable;
mod scheduler;
mod sink;
mod source;
mod transform;
mod writable;
mod write;
#[cfg(feature = "zlib")]
pub mod zlib;

pub use self::chunk::Chunk;
pub use self::compose::compose;
pub use self::duplex::Duplex;
pub use self::errors::null_values_error;
pub use self::events::{Emitter, EventSink, StreamEvent};
pub use self::finished::{finished, finished_with};
pub use self::handle::{NodeStream, StreamHandle};
pub use self::io::{ReadableStream, WritableSink};
pub use self::options::{DuplexOptions, ReadableOptions, WritableOptions};
pub use self::pipeline::{pipeline, pipeline_with};
pub use self::readable::Readable;
pub use self::scheduler::{IoFuture, LocalScheduler, Scheduler};
pub use self::sink::Sink;
pub use self::source::{PushSource, Source};
pub use self::transform::{Identity, PassThrough, Transform, Transformer};
pub use self::writable::{sink_fn, Writable};
