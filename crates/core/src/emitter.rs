//! Node's `EventEmitter` (`lib/events.js`), generic over the listener type.

use std::cell::{Cell, RefCell};
use std::fmt;
use std::rc::Rc;
use std::sync::Arc;

/// Node's `EventEmitter.defaultMaxListeners`.
///
/// # Examples
/// ```
/// let e: node_core::EventEmitter<node_core::Callback<()>> = node_core::EventEmitter::new();
/// assert_eq!(e.max_listeners(), node_core::DEFAULT_MAX_LISTENERS);
/// assert_eq!(node_core::DEFAULT_MAX_LISTENERS, 10);
/// ```
pub const DEFAULT_MAX_LISTENERS: usize = 10;

/// An event name: a string, or a JavaScript symbol the embedder numbered.
///
/// # Examples
/// ```
/// use node_core::EventKey;
/// assert_eq!(EventKey::from("data").to_string(), "data");
/// assert_eq!(EventKey::error_monitor().to_string(), "Symbol(events.errorMonitor)");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum EventKey {
    /// A string event name.
    Name(Arc<str>),
    /// A symbol, identified by a number the embedder assigns, with its description.
    Symbol(u64, Arc<str>),
}

impl EventKey {
    /// `events.errorMonitor`: listeners on it see `'error'` emits before the error listeners.
    /// It is symbol number 0; embedders number their own symbols from 1.
    ///
    /// # Examples
    /// ```
    /// assert!(matches!(node_core::EventKey::error_monitor(), node_core::EventKey::Symbol(0, _)));
    /// ```
    pub fn error_monitor() -> Self {
        EventKey::Symbol(0, Arc::from("events.errorMonitor"))
    }

    /// Whether this is the string name `name`.
    ///
    /// # Examples
    /// ```
    /// assert!(node_core::EventKey::from("end").is("end"));
    /// ```
    pub fn is(&self, name: &str) -> bool {
        matches!(self, EventKey::Name(n) if &**n == name)
    }
}

impl From<&str> for EventKey {
    fn from(name: &str) -> Self {
        EventKey::Name(Arc::from(name))
    }
}

impl From<String> for EventKey {
    fn from(name: String) -> Self {
        EventKey::Name(Arc::from(name))
    }
}

impl fmt::Display for EventKey {
    /// As JavaScript's `String(type)`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            EventKey::Name(n) => f.write_str(n),
            EventKey::Symbol(_, d) => write!(f, "Symbol({d})"),
        }
    }
}

/// What an [`EventEmitter`] stores and calls.
///
/// Rust code uses [`Callback`]; the `nrt` runtime implements it for GC-traced JS functions.
///
/// # Examples
/// ```
/// use node_core::{EventEmitter, EventKey, Listener};
///
/// #[derive(Clone, PartialEq, Debug)]
/// struct Log(&'static str);
/// impl Listener for Log {
///     type Args = i32;
///     type Error = String;
///     fn call(&self, n: &i32) -> Result<(), String> {
///         if *n < 0 { Err(format!("{} got {n}", self.0)) } else { Ok(()) }
///     }
///     fn same(&self, other: &Self) -> bool { self == other }
/// }
/// let e = EventEmitter::new();
/// e.on("n", Log("a")).unwrap();
/// assert!(e.emit(&EventKey::from("n"), &1).unwrap());
/// assert!(e.emit(&EventKey::from("n"), &-1).is_err());
/// ```
pub trait Listener: Clone {
    /// The arguments an emit passes to every listener.
    type Args;
    /// The error a listener can raise (a thrown JS exception).
    type Error;
    /// Calls the listener.
    ///
    /// # Errors
    /// Whatever the listener raises; the emit stops there and returns it.
    fn call(&self, args: &Self::Args) -> Result<(), Self::Error>;
    /// Identity, as JavaScript's `===` on functions.
    fn same(&self, other: &Self) -> bool;
    /// The arguments of the `newListener`/`removeListener` events, `(event, listener)`.
    /// `None` (the default) means this listener type does not observe them.
    fn meta_args(event: &EventKey, listener: &Self) -> Option<Self::Args> {
        let _ = (event, listener);
        None
    }
}

/// A Rust closure listener for [`EventEmitter`].
///
/// # Examples
/// ```
/// use node_core::{Callback, EventEmitter, EventKey};
/// let e = EventEmitter::new();
/// e.once("ready", Callback::new(|v: &u32| assert_eq!(*v, 7))).unwrap();
/// assert!(e.emit(&EventKey::from("ready"), &7).unwrap());
/// assert!(!e.emit(&EventKey::from("ready"), &7).unwrap());
/// ```
pub struct Callback<A>(Rc<dyn Fn(&A)>);

impl<A> Callback<A> {
    /// Wraps a closure.
    ///
    /// # Examples
    /// ```
    /// let cb = node_core::Callback::new(|_: &()| {});
    /// # let _ = cb;
    /// ```
    pub fn new(f: impl Fn(&A) + 'static) -> Self {
        Callback(Rc::new(f))
    }
}

impl<A> Clone for Callback<A> {
    fn clone(&self) -> Self {
        Callback(self.0.clone())
    }
}

impl<A> fmt::Debug for Callback<A> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Callback")
    }
}

impl<A> Listener for Callback<A> {
    type Args = A;
    type Error = std::convert::Infallible;
    fn call(&self, args: &A) -> Result<(), Self::Error> {
        (self.0)(args);
        Ok(())
    }
    fn same(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

/// Why [`EventEmitter::emit`] failed.
///
/// # Examples
/// ```
/// use node_core::{Callback, EmitError, EventEmitter, EventKey};
/// let e: EventEmitter<Callback<()>> = EventEmitter::new();
/// assert!(matches!(e.emit(&EventKey::from("error"), &()), Err(EmitError::Unhandled)));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EmitError<E> {
    /// A listener raised an error; later listeners were not called.
    Listener(E),
    /// `'error'` was emitted with no `'error'` listener. Node throws the error argument
    /// itself (or `ERR_UNHANDLED_ERROR` when it is not an `Error`).
    Unhandled,
}

/// A listener as `rawListeners()` reports it: with its `once` wrapper flag.
///
/// # Examples
/// ```
/// use node_core::{Callback, EventEmitter, EventKey};
/// let e = EventEmitter::new();
/// e.once("x", Callback::new(|_: &()| {})).unwrap();
/// assert!(e.raw_listeners(&EventKey::from("x"))[0].once);
/// ```
#[derive(Debug, Clone)]
pub struct RawListener<L> {
    /// The listener as it was added.
    pub listener: L,
    /// Added with `once`/`prependOnceListener`.
    pub once: bool,
}

/// The possible-leak warning Node emits once per event when listeners exceed the maximum.
///
/// # Examples
/// ```
/// use node_core::{Callback, EventEmitter};
/// use std::{cell::RefCell, rc::Rc};
/// let e = EventEmitter::new();
/// let got = Rc::new(RefCell::new(None));
/// let g = got.clone();
/// e.set_warning_handler(move |w| *g.borrow_mut() = Some(w.message("[EventEmitter]")));
/// e.set_max_listeners(1);
/// e.on("tick", Callback::new(|_: &()| {})).unwrap();
/// e.on("tick", Callback::new(|_: &()| {})).unwrap();
/// assert_eq!(got.borrow().as_deref(), Some("Possible EventEmitter memory leak detected. \
///   2 tick listeners added to [EventEmitter]. MaxListeners is 1. \
///   Use emitter.setMaxListeners() to increase limit"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LeakWarning {
    /// The event that crossed the limit.
    pub event: EventKey,
    /// How many listeners it has now.
    pub count: usize,
    /// The maximum that was exceeded.
    pub max: usize,
}

impl LeakWarning {
    /// Node's warning text; `target` is `util.inspect(emitter, { depth: -1 })`.
    ///
    /// # Examples
    /// ```
    /// let w = node_core::LeakWarning { event: "a".into(), count: 11, max: 10 };
    /// assert!(w.message("[EventEmitter]").starts_with("Possible EventEmitter memory leak"));
    /// ```
    pub fn message(&self, target: &str) -> String {
        format!(
            "Possible EventEmitter memory leak detected. {} {} listeners added to {target}. \
             MaxListeners is {}. Use emitter.setMaxListeners() to increase limit",
            self.count, self.event, self.max
        )
    }
}

#[derive(Clone)]
struct Reg<L> {
    listener: L,
    /// `Some` for `once` listeners: set when the listener has fired, shared with snapshots.
    fired: Option<Rc<Cell<bool>>>,
}

struct Slot<L> {
    key: EventKey,
    regs: Vec<Reg<L>>,
    warned: bool,
}

struct Inner<L> {
    slots: Vec<Slot<L>>,
    max: usize,
}

type WarningHandler = Rc<dyn Fn(&LeakWarning)>;

/// Node's `EventEmitter`, with its ordering rules: listeners run in registration order, a
/// listener added or removed during an emit does not change that emit, `once` listeners
/// are removed before they run, `newListener` fires before the addition and
/// `removeListener` after the removal.
///
/// All methods take `&self`, so listeners may add and remove listeners while it emits.
///
/// # Examples
/// ```
/// use node_core::{Callback, EventEmitter, EventKey};
/// let e = EventEmitter::new();
/// e.on("a", Callback::new(|n: &i32| println!("got {n}"))).unwrap();
/// assert_eq!(e.listener_count(&EventKey::from("a"), None), 1);
/// assert!(e.emit(&EventKey::from("a"), &1).unwrap());
/// ```
pub struct EventEmitter<L> {
    inner: RefCell<Inner<L>>,
    warn: RefCell<Option<WarningHandler>>,
}

impl<L> fmt::Debug for EventEmitter<L> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let inner = self.inner.borrow();
        f.debug_struct("EventEmitter")
            .field(
                "events",
                &inner.slots.iter().map(|s| &s.key).collect::<Vec<_>>(),
            )
            .field("max_listeners", &inner.max)
            .finish()
    }
}

impl<L: Listener> Default for EventEmitter<L> {
    fn default() -> Self {
        Self::new()
    }
}

impl<L: Listener> EventEmitter<L> {
    /// An emitter with no listeners and a maximum of [`DEFAULT_MAX_LISTENERS`].
    ///
    /// # Examples
    /// ```
    /// let e: node_core::EventEmitter<node_core::Callback<()>> = node_core::EventEmitter::new();
    /// assert_eq!(e.max_listeners(), 10);
    /// ```
    pub fn new() -> Self {
        EventEmitter {
            inner: RefCell::new(Inner {
                slots: Vec::new(),
                max: DEFAULT_MAX_LISTENERS,
            }),
            warn: RefCell::new(None),
        }
    }

    /// `emitter.on(event, listener)` / `addListener`.
    ///
    /// # Errors
    /// An error raised by a `newListener` listener; the listener is then not added.
    ///
    /// # Examples
    /// ```
    /// let e = node_core::EventEmitter::new();
    /// e.on("x", node_core::Callback::new(|_: &()| {})).unwrap();
    /// ```
    #[doc(alias = "addListener")]
    pub fn on(&self, event: impl Into<EventKey>, listener: L) -> Result<&Self, L::Error> {
        self.add(event.into(), listener, false, false)
    }

    /// Same as [`EventEmitter::on`].
    ///
    /// # Errors
    /// As [`EventEmitter::on`].
    ///
    /// # Examples
    /// ```
    /// let e = node_core::EventEmitter::new();
    /// e.add_listener("x", node_core::Callback::new(|_: &()| {})).unwrap();
    /// ```
    pub fn add_listener(&self, event: impl Into<EventKey>, listener: L) -> Result<&Self, L::Error> {
        self.add(event.into(), listener, false, false)
    }

    /// `emitter.once(event, listener)`: removed just before its first call.
    ///
    /// # Errors
    /// As [`EventEmitter::on`].
    ///
    /// # Examples
    /// ```
    /// let e = node_core::EventEmitter::new();
    /// e.once("x", node_core::Callback::new(|_: &()| {})).unwrap();
    /// ```
    pub fn once(&self, event: impl Into<EventKey>, listener: L) -> Result<&Self, L::Error> {
        self.add(event.into(), listener, true, false)
    }

    /// `emitter.prependListener(event, listener)`.
    ///
    /// # Errors
    /// As [`EventEmitter::on`].
    ///
    /// # Examples
    /// ```
    /// let e = node_core::EventEmitter::new();
    /// e.prepend_listener("x", node_core::Callback::new(|_: &()| {})).unwrap();
    /// ```
    pub fn prepend_listener(
        &self,
        event: impl Into<EventKey>,
        listener: L,
    ) -> Result<&Self, L::Error> {
        self.add(event.into(), listener, false, true)
    }

    /// `emitter.prependOnceListener(event, listener)`.
    ///
    /// # Errors
    /// As [`EventEmitter::on`].
    ///
    /// # Examples
    /// ```
    /// let e = node_core::EventEmitter::new();
    /// e.prepend_once_listener("x", node_core::Callback::new(|_: &()| {})).unwrap();
    /// ```
    pub fn prepend_once_listener(
        &self,
        event: impl Into<EventKey>,
        listener: L,
    ) -> Result<&Self, L::Error> {
        self.add(event.into(), listener, true, true)
    }

    fn add(
        &self,
        key: EventKey,
        listener: L,
        once: bool,
        prepend: bool,
    ) -> Result<&Self, L::Error> {
        if self.has("newListener") {
            if let Some(args) = L::meta_args(&key, &listener) {
                self.emit_plain(&EventKey::from("newListener"), &args)?;
            }
        }
        let reg = Reg {
            listener,
            fired: once.then(|| Rc::new(Cell::new(false))),
        };
        let warning = {
            let mut inner = self.inner.borrow_mut();
            let max = inner.max;
            let slot = match inner.slots.iter().position(|s| s.key == key) {
                Some(i) => &mut inner.slots[i],
                None => {
                    inner.slots.push(Slot {
                        key: key.clone(),
                        regs: Vec::with_capacity(1),
                        warned: false,
                    });
                    inner.slots.last_mut().expect("just pushed")
                }
            };
            if prepend {
                slot.regs.insert(0, reg);
            } else {
                slot.regs.push(reg);
            }
            if max > 0 && slot.regs.len() > max && !slot.warned {
                slot.warned = true;
                Some(LeakWarning {
                    event: key,
                    count: slot.regs.len(),
                    max,
                })
            } else {
                None
            }
        };
        if let Some(w) = warning {
            let handler = self.warn.borrow().clone();
            match handler {
                Some(h) => h(&w),
                None => eprintln!(
                    "(node:{}) MaxListenersExceededWarning: {}",
                    std::process::id(),
                    w.message("[EventEmitter]")
                ),
            }
        }
        Ok(self)
    }

    /// `emitter.off(event, listener)` / `removeListener`: removes the most recently added
    /// registration of `listener`.
    ///
    /// # Errors
    /// An error raised by a `removeListener` listener (the removal has happened).
    ///
    /// # Examples
    /// ```
    /// use node_core::{Callback, EventEmitter, EventKey};
    /// let e = EventEmitter::new();
    /// let cb = Callback::new(|_: &()| {});
    /// e.on("x", cb.clone()).unwrap();
    /// e.off("x", &cb).unwrap();
    /// assert_eq!(e.listener_count(&EventKey::from("x"), None), 0);
    /// ```
    #[doc(alias = "removeListener")]
    pub fn off(&self, event: impl Into<EventKey>, listener: &L) -> Result<&Self, L::Error> {
        let key = event.into();
        let removed = {
            let mut inner = self.inner.borrow_mut();
            let Some(si) = inner.slots.iter().position(|s| s.key == key) else {
                return Ok(self);
            };
            let slot = &mut inner.slots[si];
            let Some(ri) = slot.regs.iter().rposition(|r| r.listener.same(listener)) else {
                return Ok(self);
            };
            let reg = slot.regs.remove(ri);
            if slot.regs.is_empty() {
                inner.slots.remove(si);
            }
            reg.listener
        };
        self.emit_remove(&key, &removed)?;
        Ok(self)
    }

    /// Same as [`EventEmitter::off`].
    ///
    /// # Errors
    /// As [`EventEmitter::off`].
    ///
    /// # Examples
    /// ```
    /// let e = node_core::EventEmitter::new();
    /// let cb = node_core::Callback::new(|_: &()| {});
    /// e.remove_listener("x", &cb).unwrap();
    /// ```
    pub fn remove_listener(
        &self,
        event: impl Into<EventKey>,
        listener: &L,
    ) -> Result<&Self, L::Error> {
        self.off(event, listener)
    }

    /// `emitter.removeAllListeners([event])`. With `removeListener` listeners present,
    /// each removal is reported, last-added first, and `removeListener` itself goes last.
    ///
    /// # Errors
    /// An error raised by a `removeListener` listener; removal stops there.
    ///
    /// # Examples
    /// ```
    /// use node_core::{Callback, EventEmitter};
    /// let e = EventEmitter::new();
    /// e.on("a", Callback::new(|_: &()| {})).unwrap();
    /// e.on("b", Callback::new(|_: &()| {})).unwrap();
    /// e.remove_all_listeners(None).unwrap();
    /// assert!(e.event_names().is_empty());
    /// ```
    pub fn remove_all_listeners(&self, event: Option<&EventKey>) -> Result<&Self, L::Error> {
        if !self.has("removeListener") {
            let mut inner = self.inner.borrow_mut();
            match event {
                Some(key) => inner.slots.retain(|s| &s.key != key),
                None => inner.slots.clear(),
            }
            return Ok(self);
        }
        match event {
            None => {
                for key in self.event_names() {
                    if !key.is("removeListener") {
                        self.remove_all_listeners(Some(&key))?;
                    }
                }
                self.remove_all_listeners(Some(&EventKey::from("removeListener")))?;
            }
            Some(key) => {
                let regs: Vec<L> = self.raw(key).into_iter().map(|r| r.listener).collect();
                for listener in regs.iter().rev() {
                    self.off(key.clone(), listener)?;
                }
            }
        }
        Ok(self)
    }

    /// `emitter.emit(event, ...args)`. Returns whether the event had listeners.
    ///
    /// For `'error'`, `errorMonitor` listeners run first, and with no `'error'` listener
    /// the result is [`EmitError::Unhandled`].
    ///
    /// # Errors
    /// [`EmitError::Listener`] when a listener raised (later listeners are not called),
    /// [`EmitError::Unhandled`] for an unheard `'error'`.
    ///
    /// # Examples
    /// ```
    /// use node_core::{Callback, EventEmitter, EventKey};
    /// let e: EventEmitter<Callback<()>> = EventEmitter::new();
    /// assert_eq!(e.emit(&EventKey::from("nobody"), &()), Ok(false));
    /// ```
    pub fn emit(&self, event: &EventKey, args: &L::Args) -> Result<bool, EmitError<L::Error>> {
        if event.is("error") {
            let monitor = EventKey::error_monitor();
            if self.has_key(&monitor) {
                self.emit_plain(&monitor, args)
                    .map_err(EmitError::Listener)?;
            }
            if !self.has("error") {
                return Err(EmitError::Unhandled);
            }
        }
        self.emit_plain(event, args).map_err(EmitError::Listener)
    }

    fn emit_plain(&self, event: &EventKey, args: &L::Args) -> Result<bool, L::Error> {
        // Node copies the listener array before calling: changes made by listeners apply
        // from the next emit on (lib/events.js arrayClone). One listener, the common case,
        // is copied without allocating.
        let mut first: Option<Reg<L>> = None;
        let mut rest: Vec<Reg<L>> = Vec::new();
        {
            let inner = self.inner.borrow();
            let Some(slot) = inner.slots.iter().find(|s| &s.key == event) else {
                return Ok(false);
            };
            if let Some((head, tail)) = slot.regs.split_first() {
                first = Some(head.clone());
                rest.extend_from_slice(tail);
            }
        }
        for reg in first.iter().chain(rest.iter()) {
            if let Some(fired) = &reg.fired {
                if fired.replace(true) {
                    continue;
                }
                self.remove_once(event, fired)?;
            }
            reg.listener.call(args)?;
        }
        Ok(true)
    }

    fn remove_once(&self, key: &EventKey, fired: &Rc<Cell<bool>>) -> Result<(), L::Error> {
        let removed = {
            let mut inner = self.inner.borrow_mut();
            let Some(si) = inner.slots.iter().position(|s| &s.key == key) else {
                return Ok(());
            };
            let slot = &mut inner.slots[si];
            let pos = slot
                .regs
                .iter()
                .position(|r| r.fired.as_ref().is_some_and(|f| Rc::ptr_eq(f, fired)));
            let Some(ri) = pos else { return Ok(()) };
            let reg = slot.regs.remove(ri);
            if slot.regs.is_empty() {
                inner.slots.remove(si);
            }
            reg.listener
        };
        self.emit_remove(key, &removed)
    }

    fn emit_remove(&self, key: &EventKey, listener: &L) -> Result<(), L::Error> {
        if self.has("removeListener") {
            if let Some(args) = L::meta_args(key, listener) {
                self.emit_plain(&EventKey::from("removeListener"), &args)?;
            }
        }
        Ok(())
    }

    fn has(&self, name: &str) -> bool {
        self.inner.borrow().slots.iter().any(|s| s.key.is(name))
    }

    fn has_key(&self, key: &EventKey) -> bool {
        self.inner.borrow().slots.iter().any(|s| &s.key == key)
    }

    fn raw(&self, event: &EventKey) -> Vec<RawListener<L>> {
        let inner = self.inner.borrow();
        inner
            .slots
            .iter()
            .find(|s| &s.key == event)
            .map(|s| {
                s.regs
                    .iter()
                    .map(|r| RawListener {
                        listener: r.listener.clone(),
                        once: r.fired.is_some(),
                    })
                    .collect()
            })
            .unwrap_or_default()
    }

    /// `emitter.listenerCount(event[, listener])`.
    ///
    /// # Examples
    /// ```
    /// use node_core::{Callback, EventEmitter, EventKey};
    /// let e = EventEmitter::new();
    /// let cb = Callback::new(|_: &()| {});
    /// e.on("x", cb.clone()).unwrap();
    /// e.on("x", cb.clone()).unwrap();
    /// assert_eq!(e.listener_count(&EventKey::from("x"), Some(&cb)), 2);
    /// ```
    pub fn listener_count(&self, event: &EventKey, listener: Option<&L>) -> usize {
        let inner = self.inner.borrow();
        let Some(slot) = inner.slots.iter().find(|s| &s.key == event) else {
            return 0;
        };
        match listener {
            None => slot.regs.len(),
            Some(l) => slot.regs.iter().filter(|r| r.listener.same(l)).count(),
        }
    }

    /// `emitter.listeners(event)`: the listeners, `once` ones unwrapped.
    ///
    /// # Examples
    /// ```
    /// use node_core::{Callback, EventEmitter, EventKey};
    /// let e = EventEmitter::new();
    /// e.once("x", Callback::new(|_: &()| {})).unwrap();
    /// assert_eq!(e.listeners(&EventKey::from("x")).len(), 1);
    /// ```
    pub fn listeners(&self, event: &EventKey) -> Vec<L> {
        self.raw(event).into_iter().map(|r| r.listener).collect()
    }

    /// `emitter.rawListeners(event)`: the listeners with their `once` flag.
    ///
    /// # Examples
    /// ```
    /// use node_core::{Callback, EventEmitter, EventKey};
    /// let e = EventEmitter::new();
    /// e.on("x", Callback::new(|_: &()| {})).unwrap();
    /// assert!(!e.raw_listeners(&EventKey::from("x"))[0].once);
    /// ```
    pub fn raw_listeners(&self, event: &EventKey) -> Vec<RawListener<L>> {
        self.raw(event)
    }

    /// `emitter.eventNames()`: string names in insertion order, then symbols.
    ///
    /// # Examples
    /// ```
    /// use node_core::{Callback, EventEmitter, EventKey};
    /// let e = EventEmitter::new();
    /// e.on(EventKey::error_monitor(), Callback::new(|_: &()| {})).unwrap();
    /// e.on("b", Callback::new(|_: &()| {})).unwrap();
    /// assert_eq!(e.event_names()[0], EventKey::from("b"));
    /// ```
    pub fn event_names(&self) -> Vec<EventKey> {
        let inner = self.inner.borrow();
        let names = inner
            .slots
            .iter()
            .filter(|s| matches!(s.key, EventKey::Name(_)));
        let symbols = inner
            .slots
            .iter()
            .filter(|s| matches!(s.key, EventKey::Symbol(..)));
        names.chain(symbols).map(|s| s.key.clone()).collect()
    }

    /// `emitter.setMaxListeners(n)`; `0` means unlimited, as in Node.
    ///
    /// # Examples
    /// ```
    /// let e: node_core::EventEmitter<node_core::Callback<()>> = node_core::EventEmitter::new();
    /// e.set_max_listeners(0);
    /// assert_eq!(e.max_listeners(), 0);
    /// ```
    pub fn set_max_listeners(&self, n: usize) -> &Self {
        self.inner.borrow_mut().max = n;
        self
    }

    /// `emitter.getMaxListeners()`.
    ///
    /// # Examples
    /// ```
    /// let e: node_core::EventEmitter<node_core::Callback<()>> = node_core::EventEmitter::new();
    /// assert_eq!(e.max_listeners(), node_core::DEFAULT_MAX_LISTENERS);
    /// ```
    #[doc(alias = "getMaxListeners")]
    pub fn max_listeners(&self) -> usize {
        self.inner.borrow().max
    }

    /// Where the possible-leak warning goes. Without a handler it is printed to stderr as
    /// Node prints a process warning.
    ///
    /// # Examples
    /// ```
    /// let e: node_core::EventEmitter<node_core::Callback<()>> = node_core::EventEmitter::new();
    /// e.set_warning_handler(|w| eprintln!("{}", w.message("[EventEmitter]")));
    /// ```
    pub fn set_warning_handler(&self, handler: impl Fn(&LeakWarning) + 'static) {
        *self.warn.borrow_mut() = Some(Rc::new(handler));
    }

    /// Calls `f` on every stored listener, so an embedder's garbage collector can trace them.
    ///
    /// # Examples
    /// ```
    /// let e = node_core::EventEmitter::new();
    /// e.on("x", node_core::Callback::new(|_: &()| {})).unwrap();
    /// let mut n = 0;
    /// e.for_each_listener(|_| n += 1);
    /// assert_eq!(n, 1);
    /// ```
    pub fn for_each_listener(&self, mut f: impl FnMut(&L)) {
        for slot in &self.inner.borrow().slots {
            for reg in &slot.regs {
                f(&reg.listener);
            }
        }
    }
}

#[cfg(test)]
mod tests;
