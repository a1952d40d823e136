//! Constructor options (`new Readable(options)`, …) as Rust structs.

use std::fmt;
use std::rc::Rc;

use crate::events::EventSink;
use crate::scheduler::Scheduler;

/// Options of [`Readable`](crate::Readable), as Node's `new Readable(options)`.
///
/// # Examples
/// ```
/// use node_streams::{PushSource, Readable, ReadableOptions};
/// let r = Readable::with_options(PushSource, ReadableOptions {
///     object_mode: true,
///     ..Default::default()
/// });
/// assert_eq!(r.readable_high_water_mark(), 16);
/// ```
#[derive(Clone)]
pub struct ReadableOptions {
    /// `highWaterMark`; `None` is Node's default (16 KiB, or 16 objects).
    pub high_water_mark: Option<usize>,
    /// `objectMode`.
    pub object_mode: bool,
    /// `encoding` (as `setEncoding`); only `"utf8"` is supported.
    pub encoding: Option<&'static str>,
    /// `emitClose` (default `true`).
    pub emit_close: bool,
    /// `autoDestroy` (default `true`).
    pub auto_destroy: bool,
    /// Where nextTicks and pending I/O go; `None` is [`LocalScheduler::current`](crate::LocalScheduler::current).
    pub scheduler: Option<Rc<dyn Scheduler>>,
    /// Where events go; `None` is a new [`Emitter`](crate::Emitter).
    pub events: Option<Rc<dyn EventSink>>,
}

impl Default for ReadableOptions {
    fn default() -> Self {
        ReadableOptions {
            high_water_mark: None,
            object_mode: false,
            encoding: None,
            emit_close: true,
            auto_destroy: true,
            scheduler: None,
            events: None,
        }
    }
}

impl fmt::Debug for ReadableOptions {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ReadableOptions")
            .field("high_water_mark", &self.high_water_mark)
            .field("object_mode", &self.object_mode)
            .field("encoding", &self.encoding)
            .field("emit_close", &self.emit_close)
            .field("auto_destroy", &self.auto_destroy)
            .finish_non_exhaustive()
    }
}

/// Options of [`Writable`](crate::Writable), as Node's `new Writable(options)`.
///
/// # Examples
/// ```
/// use node_streams::{Writable, WritableOptions};
/// let w = Writable::with_options(node_streams::sink_fn(|_| Ok(())), WritableOptions {
///     high_water_mark: Some(4),
///     ..Default::default()
/// });
/// assert_eq!(w.writable_high_water_mark(), 4);
/// ```
#[derive(Clone)]
pub struct WritableOptions {
    /// `highWaterMark`; `None` is Node's default (16 KiB, or 16 objects).
    pub high_water_mark: Option<usize>,
    /// `objectMode`.
    pub object_mode: bool,
    /// `emitClose` (default `true`).
    pub emit_close: bool,
    /// `autoDestroy` (default `true`).
    pub auto_destroy: bool,
    /// Where nextTicks and pending I/O go; `None` is [`LocalScheduler::current`](crate::LocalScheduler::current).
    pub scheduler: Option<Rc<dyn Scheduler>>,
    /// Where events go; `None` is a new [`Emitter`](crate::Emitter).
    pub events: Option<Rc<dyn EventSink>>,
}

impl Default for WritableOptions {
    fn default() -> Self {
        WritableOptions {
            high_water_mark: None,
            object_mode: false,
            emit_close: true,
            auto_destroy: true,
            scheduler: None,
            events: None,
        }
    }
}

impl fmt::Debug for WritableOptions {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("WritableOptions")
            .field("high_water_mark", &self.high_water_mark)
            .field("object_mode", &self.object_mode)
            .field("emit_close", &self.emit_close)
            .field("auto_destroy", &self.auto_destroy)
            .finish_non_exhaustive()
    }
}

/// Options of [`Duplex`](crate::Duplex) and [`Transform`](crate::Transform).
///
/// # Examples
/// ```
/// let o = node_streams::DuplexOptions::default();
/// assert!(o.allow_half_open);
/// ```
#[derive(Clone, Debug)]
pub struct DuplexOptions {
    /// The readable side (its scheduler, events, `emitClose` and `autoDestroy` apply to
    /// the whole stream).
    pub readable: ReadableOptions,
    /// The writable side (`highWaterMark`, `objectMode`).
    pub writable: WritableOptions,
    /// `allowHalfOpen` (default `true`): when `false`, the end of the readable side ends
    /// the writable side.
    pub allow_half_open: bool,
}

impl Default for DuplexOptions {
    fn default() -> Self {
        DuplexOptions {
            readable: ReadableOptions::default(),
            writable: WritableOptions::default(),
            allow_half_open: true,
        }
    }
}
