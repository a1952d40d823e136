//! Internal listeners (pipe, pipeline, finished) that work whatever [`EventSink`] a
//! stream reports to, run after the user's listeners of the same event.
//!
//! [`EventSink`]: crate::EventSink

use std::cell::{Cell, RefCell};
use std::rc::Rc;

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
}

impl Hooks {
    pub(crate) fn add(&self, name: &'static str, f: HookFn) -> u64 {
        let id = self.next.get() + 1;
        self.next.set(id);
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
    pub(crate) fn hook(&self, name: &'static str, f: impl Fn(&StreamEvent) + 'static) -> u64 {
        self.hooks.add(name, Rc::new(f))
    }

    pub(crate) fn unhook(&self, id: u64) {
        self.hooks.remove(id);
    }

    pub(crate) fn hook_count(&self, name: &str) -> usize {
        self.hooks.count(name)
    }
}
