//! Helpers shared by the stream integration tests (included with `mod common;`).
#![allow(dead_code, unreachable_pub)]

use std::cell::RefCell;
use std::rc::Rc;
use std::task::Poll;
use std::time::Duration;

use node_streams::{Chunk, LocalScheduler, Scheduler, StreamEvent};

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

/// Records `event[:detail]` as the `node -e` scripts print them; consecutive `'data'`
/// chunks are merged (TCP may split or join them).
pub fn recorder(log: &Log) -> impl Fn(&StreamEvent) + 'static + use<> {
    let log = log.clone();
    move |ev| {
        let mut l = log.borrow_mut();
        match ev {
            StreamEvent::Data(c) => match l.last_mut() {
                Some(last) if last.starts_with("data:") => last.push_str(&text(c)),
                _ => l.push(format!("data:{}", text(c))),
            },
            StreamEvent::Error(e) => l.push(format!("error:{}", e.code())),
            _ => l.push(ev.name().to_owned()),
        }
    }
}

pub fn joined(log: &Log) -> String {
    log.borrow().join(" ")
}

/// Drives the thread's stream scheduler (and the I/O it waits on) until `cond` holds.
pub async fn drive_until(mut cond: impl FnMut() -> bool) {
    let sched = LocalScheduler::current();
    let fut = futures::future::poll_fn(|cx| loop {
        let progressed = sched.run_pending(cx);
        if cond() {
            return Poll::Ready(());
        }
        if !progressed {
            return Poll::Pending;
        }
    });
    tokio::time::timeout(Duration::from_secs(10), fut)
        .await
        .expect("condition not reached");
}
