//! Helpers shared by the integration tests (included with `mod common;`).
#![allow(dead_code, unreachable_pub)]

use std::cell::RefCell;
use std::rc::Rc;

use node_streams::{Chunk, StreamEvent};

pub type Log = Rc<RefCell<Vec<String>>>;

pub fn log() -> Log {
    Rc::default()
}

pub fn text(c: &Chunk) -> String {
    match c {
        Chunk::Bytes(b) => String::from_utf8_lossy(b).into_owned(),
        Chunk::Str(s) => s.to_string(),
        Chunk::Value(_) => "<value>".into(),
    }
}

/// Records `prefix + event[:detail]`, as the `node -e` scripts in the tests print.
pub fn recorder(log: &Log, prefix: &str) -> impl Fn(&StreamEvent) + 'static + use<> {
    let (log, prefix) = (log.clone(), prefix.to_owned());
    move |ev| {
        let detail = match ev {
            StreamEvent::Data(c) => format!(":{}", text(c)),
            StreamEvent::Error(e) => format!(":{}", e.message()),
            _ => String::new(),
        };
        log.borrow_mut()
            .push(format!("{prefix}{}{detail}", ev.name()));
    }
}

pub fn push(log: &Log, s: &str) {
    log.borrow_mut().push(s.to_owned());
}

pub fn joined(log: &Log) -> String {
    log.borrow().join(" ")
}
