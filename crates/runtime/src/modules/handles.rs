//! Descriptors in transit between processes (cluster's round-robin connections, shared
//! listeners, `send(msg, handle)`): an fd received over an IPC channel, or one a primary
//! is about to pass on, is kept here under an id until net/http take it over or JS
//! closes it. JS only ever sees the ids.

use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::os::fd::OwnedFd;

thread_local! {
    static FDS: RefCell<HashMap<u32, OwnedFd>> = RefCell::new(HashMap::new());
    static NEXT_ID: Cell<u32> = const { Cell::new(1) };
}

/// Keeps `fd` and returns its id.
pub(crate) fn put(fd: OwnedFd) -> u32 {
    let id = NEXT_ID.with(|n| {
        let id = n.get();
        n.set(if id >= 0x3fff_ffff { 1 } else { id + 1 });
        id
    });
    FDS.with(|m| m.borrow_mut().insert(id, fd));
    id
}

/// Takes descriptor `id` out of the table (the caller owns it now).
pub(crate) fn take(id: u32) -> Option<OwnedFd> {
    FDS.with(|m| m.borrow_mut().remove(&id))
}

/// A duplicate of descriptor `id`, which stays in the table (a primary keeps a
/// connection until the worker acknowledges it, to hand it to another worker otherwise).
pub(crate) fn dup(id: u32) -> Option<OwnedFd> {
    FDS.with(|m| m.borrow().get(&id).and_then(|fd| fd.try_clone().ok()))
}

/// Closes descriptor `id`; `false` if it was not there.
pub(crate) fn close(id: u32) -> bool {
    take(id).is_some()
}
