//! Internal listeners (pipe, pipeline, finished). They go through the stream's
//! [`EventSink`] like user listeners; a sink that refuses Rust listeners gets them run
//! after its own, from a list kept here.
//!
//! [`EventSink`]: crate::EventSink

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use node_core::Callback;

use crate::core::Shared;
use crate::events::StreamEvent;

pub(crate) type HookFn = Rc<dyn Fn(&StreamEvent)>;

/// One registration: id, event name, callback.
type Entry = (u64, &'static str, HookFn);

#[derive(Default)]
pub(crate) struct Hooks {
    list: RefCell<Vec<Option<Entry>>>,
    next: Cell<u64>,
    emitting: Cell<u32>,
    /// Listeners registered with the event sink itself.
    registered: RefCell<Vec<(u64, &'static str, Callback<StreamEvent>)>>,
}

impl Hooks {
    fn next_id(&self) -> u64 {
        let id = self.next.get() + 1;
        self.next.set(id);
        id
    }

    pub(crate) fn add(&self, name: &'static str, f: HookFn) -> u64 {
        let id = self.next_id();
        self.list.borrow_mut().push(Some((id, name, f)));
        id
    }

    pub(crate) fn remove(&self, id: u64) {
        let mut list = self.list.borrow_mut();
        if let Some(slot) = list
            .iter_mut()
            .find(|s| s.as_ref().is_some_and(|(i, _, _)| *i == id))
        {
            *slot = None;
        }
        if self.emitting.get() == 0 {
            list.retain(Option::is_some);
        }
    }

    pub(crate) fn count(&self, name: &str) -> usize {
        self.list
            .borrow()
            .iter()
            .flatten()
            .filter(|(_, n, _)| *n == name)
            .count()
    }

    pub(crate) fn emit(&self, ev: &StreamEvent) {
        let name = ev.name();
        self.emitting.set(self.emitting.get() + 1);
        // Hooks added during this emit do not run for it (as EventEmitter's snapshot).
        let end = self.list.borrow().len();
        for i in 0..end {
            let f = match self.list.borrow().get(i) {
                Some(Some((_, n, f))) if *n == name => f.clone(),
                _ => continue,
            };
            f(ev);
        }
        self.emitting.set(self.emitting.get() - 1);
        if self.emitting.get() == 0 {
            self.list.borrow_mut().retain(Option::is_some);
        }
    }
}

impl Shared {
    /// Adds an internal listener, through the [`EventSink`] when it takes Rust listeners
    /// (so it runs in registration order with the user's, as Node's are).
    ///
    /// [`EventSink`]: crate::EventSink
    pub(crate) fn hook(&self, name: &'static str, f: impl Fn(&StreamEvent) + 'static) -> u64 {
        self.hook_with(name, false, f)
    }

    /// [`Shared::hook`], optionally prepended (Node's `prependListener`).
    pub(crate) fn hook_with(
        &self,
        name: &'static str,
        prepend: bool,
        f: impl Fn(&StreamEvent) + 'static,
    ) -> u64 {
        let cb = Callback::new(f);
        if self
            .events
            .add_rust_listener(name, false, prepend, cb.clone())
            .is_ok()
        {
            let id = self.hooks.next_id();
            self.hooks.registered.borrow_mut().push((id, name, cb));
            return id;
        }
        let f = cb;
        self.hooks.add(
            name,
            Rc::new(move |ev: &StreamEvent| {
                let _ = node_core::Listener::call(&f, ev);
            }),
        )
    }

    pub(crate) fn unhook(&self, id: u64) {
        let found = {
            let mut reg = self.hooks.registered.borrow_mut();
            reg.iter()
                .position(|(i, _, _)| *i == id)
                .map(|pos| reg.remove(pos))
        };
        match found {
            Some((_, name, cb)) => self.events.remove_rust_listener(name, &cb),
            None => self.hooks.remove(id),
        }
    }

    pub(crate) fn hook_count(&self, name: &str) -> usize {
        self.hooks.count(name)
    }
}
