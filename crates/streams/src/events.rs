//! Stream events and where they go: [`StreamEvent`], the [`EventSink`] hook, [`Emitter`].

use std::borrow::Cow;
use std::fmt;
use std::rc::Rc;

use node_core::{Callback, EventEmitter, EventKey, NodeError};

use crate::chunk::Chunk;
use crate::readable::Readable;

/// An event a stream emits, in the order and at the tick Node emits it.
///
/// # Examples
/// ```
/// use node_streams::StreamEvent;
/// assert_eq!(StreamEvent::Finish.name(), "finish");
/// ```
#[derive(Debug, Clone)]
#[non_exhaustive]
pub enum StreamEvent {
    /// `'data'` with the chunk.
    Data(Chunk),
    /// `'end'`: the readable side is exhausted.
    End,
    /// `'prefinish'`: all writes are done, before `_final`'s completion is reported.
    Prefinish,
    /// `'finish'`: the writable side is done.
    Finish,
    /// `'close'`: the stream and its resources are closed.
    Close,
    /// `'error'`.
    Error(NodeError),
    /// `'drain'`: writing may resume after `write()` returned `false`.
    Drain,
    /// `'readable'`: data (or the end) is available to `read()`.
    Readable,
    /// `'pause'`.
    Pause,
    /// `'resume'`.
    Resume,
    /// `'pipe'` on a destination, with the source.
    Pipe(Readable),
    /// `'unpipe'` on a destination, with the source.
    Unpipe(Readable),
    /// Any other event a stream class emits (`'open'` and `'ready'` of fs streams,
    /// `'connect'` of sockets), with an optional value.
    Custom(Rc<str>, Option<Chunk>),
}

impl StreamEvent {
    /// The Node event name.
    ///
    /// # Examples
    /// ```
    /// assert_eq!(node_streams::StreamEvent::Drain.name(), "drain");
    /// ```
    pub fn name(&self) -> &str {
        match self {
            StreamEvent::Data(_) => "data",
            StreamEvent::End => "end",
            StreamEvent::Prefinish => "prefinish",
            StreamEvent::Finish => "finish",
            StreamEvent::Close => "close",
            StreamEvent::Error(_) => "error",
            StreamEvent::Drain => "drain",
            StreamEvent::Readable => "readable",
            StreamEvent::Pause => "pause",
            StreamEvent::Resume => "resume",
            StreamEvent::Pipe(_) => "pipe",
            StreamEvent::Unpipe(_) => "unpipe",
            StreamEvent::Custom(name, _) => name,
        }
    }
}

/// Where a stream sends its events. The `nrt` runtime implements it to call the JS
/// object's `emit(name, ...args)`; Rust code uses the built-in [`Emitter`].
///
/// Mirrors the `EventEmitter` half of Node's stream classes.
///
/// # Examples
/// ```
/// use std::cell::RefCell;
/// use node_streams::{EventSink, StreamEvent};
/// #[derive(Default)]
/// struct Log(RefCell<Vec<String>>);
/// impl EventSink for Log {
///     fn emit(&self, ev: &StreamEvent) -> bool { self.0.borrow_mut().push(ev.name().into()); true }
///     fn listener_count(&self, _: &str) -> usize { 1 }
/// }
/// let log = Log::default();
/// log.emit(&StreamEvent::End);
/// assert_eq!(*log.0.borrow(), ["end"]);
/// ```
pub trait EventSink {
    /// Emits `ev` to its listeners, synchronously; returns whether any listener ran.
    fn emit(&self, ev: &StreamEvent) -> bool;
    /// `emitter.listenerCount(name)`; streams consult it as Node does (for `'data'`).
    fn listener_count(&self, name: &str) -> usize;
    /// Adds a Rust listener (`on`, `once`, or `prependListener` when `prepend`). The
    /// stream's own listeners (pipe, pipeline, finished) come through here too, so they
    /// run in registration order with the user's, as in Node. Hooks that cannot hold Rust
    /// closures keep the default; the stream then runs its own listeners after the user's.
    ///
    /// # Errors
    /// `ERR_NOT_IMPLEMENTED` by default.
    fn add_rust_listener(
        &self,
        name: &str,
        once: bool,
        prepend: bool,
        f: Callback<StreamEvent>,
    ) -> Result<(), NodeError> {
        let _ = (name, once, prepend, f);
        Err(NodeError::not_implemented(
            "adding Rust listeners to a custom EventSink",
        ))
    }

    /// Removes a listener added with [`EventSink::add_rust_listener`] (`off`).
    fn remove_rust_listener(&self, name: &str, f: &Callback<StreamEvent>) {
        let _ = (name, f);
    }
}

const NAMES: [&str; 12] = [
    "data",
    "end",
    "prefinish",
    "finish",
    "close",
    "error",
    "drain",
    "readable",
    "pause",
    "resume",
    "pipe",
    "unpipe",
];

/// The default [`EventSink`]: node-core's [`EventEmitter`] holding Rust closures.
///
/// # Examples
/// ```
/// use node_streams::{Emitter, EventSink, StreamEvent};
/// let e = Emitter::new();
/// e.add_rust_listener("end", false, false, node_core::Callback::new(|_: &StreamEvent| {})).unwrap();
/// assert_eq!(e.listener_count("end"), 1);
/// assert!(e.emit(&StreamEvent::End));
/// ```
pub struct Emitter {
    inner: EventEmitter<Callback<StreamEvent>>,
    keys: Vec<EventKey>,
}

impl fmt::Debug for Emitter {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Emitter")
            .field("inner", &self.inner)
            .finish()
    }
}

impl Default for Emitter {
    fn default() -> Self {
        Self::new()
    }
}

impl Emitter {
    /// An emitter with no listeners.
    ///
    /// # Examples
    /// ```
    /// let e = node_streams::Emitter::new();
    /// # let _ = e;
    /// ```
    pub fn new() -> Self {
        Emitter {
            inner: EventEmitter::new(),
            // Interned once so emits do not allocate keys.
            keys: NAMES.iter().map(|n| EventKey::from(*n)).collect(),
        }
    }

    fn key(&self, name: &str) -> Cow<'_, EventKey> {
        match NAMES.iter().position(|n| *n == name) {
            Some(i) => Cow::Borrowed(&self.keys[i]),
            None => Cow::Owned(EventKey::from(name)),
        }
    }

    /// The underlying node-core emitter (for `off`, `removeAllListeners`, …).
    ///
    /// # Examples
    /// ```
    /// let e = node_streams::Emitter::new();
    /// assert!(e.emitter().event_names().is_empty());
    /// ```
    pub fn emitter(&self) -> &EventEmitter<Callback<StreamEvent>> {
        &self.inner
    }
}

impl EventSink for Emitter {
    fn emit(&self, ev: &StreamEvent) -> bool {
        // An unhandled 'error' has no thrower in Rust: the stream records it in
        // `errored()` and `finished()` reports it.
        self.inner.emit(&self.key(ev.name()), ev).unwrap_or(false)
    }

    fn listener_count(&self, name: &str) -> usize {
        self.inner.listener_count(&self.key(name), None)
    }

    fn add_rust_listener(
        &self,
        name: &str,
        once: bool,
        prepend: bool,
        f: Callback<StreamEvent>,
    ) -> Result<(), NodeError> {
        let key = self.key(name).into_owned();
        let r = match (once, prepend) {
            (false, false) => self.inner.on(key, f),
            (true, false) => self.inner.once(key, f),
            (false, true) => self.inner.prepend_listener(key, f),
            (true, true) => self.inner.prepend_once_listener(key, f),
        };
        r.map(|_| ()).map_err(|e| match e {})
    }

    fn remove_rust_listener(&self, name: &str, f: &Callback<StreamEvent>) {
        let r = self.inner.off(self.key(name).into_owned(), f);
        let _ = r.map_err(|e| match e {});
    }
}
