//! Helpers shared by the ordering tests.
#![allow(
    dead_code,
    unreachable_pub,
    missing_docs,
    missing_debug_implementations
)]

use std::cell::RefCell;
use std::rc::Rc;

/// A shared log of what ran, in order.
#[derive(Clone, Default)]
pub struct Log(Rc<RefCell<Vec<String>>>);

impl Log {
    pub fn push(&self, s: impl Into<String>) {
        self.0.borrow_mut().push(s.into());
    }

    /// A callback that logs `s`.
    pub fn cb(&self, s: &'static str) -> impl FnMut() + 'static + use<> {
        let log = self.clone();
        move || log.push(s)
    }

    pub fn take(&self) -> Vec<String> {
        std::mem::take(&mut *self.0.borrow_mut())
    }
}
