//! # node-core
//!
//! The pieces every nrt crate shares:
//!
//! - [`NodeError`]: errors shaped as Node shapes them — a JS class, a `code`, and for system
//!   errors `errno`, `syscall`, `path` and `dest` with libuv's wording
//!   (`ENOENT: no such file or directory, open 'x'`), plus the validation errors of
//!   `lib/internal/errors.js` (`ERR_INVALID_ARG_TYPE`, `ERR_OUT_OF_RANGE`, …).
//! - [`EventEmitter`]: Node's `events.EventEmitter`, generic over the listener type so Rust
//!   closures and (in the `nrt` runtime) JavaScript functions share one implementation.
//!
//! ```
//! use std::cell::RefCell;
//! use std::rc::Rc;
//! use node_core::{Callback, EventEmitter, EventKey, NodeError};
//!
//! let seen = Rc::new(RefCell::new(Vec::new()));
//! let emitter: EventEmitter<Callback<String>> = EventEmitter::new();
//! let log = seen.clone();
//! emitter.on("data", Callback::new(move |s: &String| log.borrow_mut().push(s.clone()))).unwrap();
//! assert!(emitter.emit(&EventKey::from("data"), &"hello".to_string()).unwrap());
//! assert_eq!(*seen.borrow(), ["hello"]);
//!
//! let err = NodeError::from_errno(2, "open").with_path("nonexistent.txt");
//! assert_eq!(err.message(), "ENOENT: no such file or directory, open 'nonexistent.txt'");
//! ```
#![forbid(unsafe_code)]
#![doc(test(attr(deny(warnings))))]

mod emitter;
mod error;
mod uv;
mod validation;

pub use self::emitter::{
    Callback, EmitError, EventEmitter, EventKey, LeakWarning, Listener, RawListener,
    DEFAULT_MAX_LISTENERS,
};
pub use self::error::{ErrorClass, NodeError, Result};
pub use self::uv::{uv_err_name, uv_errno_for_code, uv_errors, uv_strerror};
pub use self::validation::{
    format_received_number, inspect_string, invalid_arg_type_expectation, js_number_to_string,
    Received,
};
