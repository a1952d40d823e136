//! `_construct` (poll_construct) and custom events, compared with node v20.

mod common;

use std::cell::RefCell;
use std::rc::Rc;
use std::task::{Context, Poll, Waker};

use common::*;
use node_streams::{Chunk, LocalScheduler, Readable, Sink, Source, StreamEvent, Writable};

fn run() {
    LocalScheduler::current().run_until_stalled();
}

type E = node_core::NodeError;

/// Construction finishes when the test opens the gate (node: a setTimeout).
type Slot = (Option<Result<(), E>>, Option<Waker>);

#[derive(Clone, Default)]
struct Gate(Rc<RefCell<Slot>>);

impl Gate {
    fn open(&self, res: Result<(), E>) {
        let w = {
            let mut g = self.0.borrow_mut();
            g.0 = Some(res);
            g.1.take()
        };
        if let Some(w) = w {
            w.wake();
        }
    }
    fn poll(&self, cx: &mut Context<'_>) -> Poll<Result<(), E>> {
        let mut g = self.0.borrow_mut();
        match g.0.take() {
            Some(r) => Poll::Ready(r),
            None => {
                g.1 = Some(cx.waker().clone());
                Poll::Pending
            }
        }
    }
}

struct Src {
    log: Log,
    gate: Gate,
    started: bool,
    sent: bool,
}

impl Source for Src {
    fn has_construct(&self) -> bool {
        true
    }
    fn poll_construct(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), E>> {
        if !self.started {
            self.started = true;
            push(&self.log, "construct");
        }
        self.gate.poll(cx)
    }
    fn poll_pull(&mut self, _: &mut Context<'_>, _: usize) -> Poll<Result<Option<Chunk>, E>> {
        if self.sent {
            return Poll::Ready(Ok(None));
        }
        push(&self.log, "read");
        self.sent = true;
        Poll::Ready(Ok(Some("x".into())))
    }
}

#[test]
fn readable_waits_for_construct() {
    // node: "sync construct resume constructed read data:x end close"
    let l = log();
    let gate = Gate::default();
    let r = Readable::new(Src {
        log: l.clone(),
        gate: gate.clone(),
        started: false,
        sent: false,
    });
    for e in ["data", "end", "close", "resume"] {
        r.on(e, recorder(&l, "")).unwrap();
    }
    push(&l, "sync");
    run();
    push(&l, "constructed");
    gate.open(Ok(()));
    run();
    // Our source pushes EOF on the next pull rather than in the same _read call.
    assert_eq!(
        joined(&l),
        "sync construct resume constructed read data:x end close"
    );
}

struct Dst {
    log: Log,
    gate: Gate,
    started: bool,
}

impl Sink for Dst {
    fn has_construct(&self) -> bool {
        true
    }
    fn poll_construct(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), E>> {
        if !self.started {
            self.started = true;
            push(&self.log, "construct");
        }
        self.gate.poll(cx)
    }
    fn poll_write(&mut self, _: &mut Context<'_>, c: &Chunk) -> Poll<Result<(), E>> {
        push(&self.log, &format!("write:{}", text(c)));
        Poll::Ready(Ok(()))
    }
    fn destroy(&mut self, _: Option<&E>) -> Result<(), E> {
        push(&self.log, "_destroy");
        Ok(())
    }
}

fn dst(l: &Log, gate: &Gate) -> Writable {
    Writable::new(Dst {
        log: l.clone(),
        gate: gate.clone(),
        started: false,
    })
}

#[test]
fn writable_buffers_until_constructed() {
    // construct(cb){cb()}: node: "ret:true sync construct write:a prefinish finish close"
    // (our sink also logs its `_destroy`, which runs at auto-destroy before the close tick)
    let l = log();
    let gate = Gate::default();
    gate.open(Ok(()));
    let w = dst(&l, &gate);
    for e in ["finish", "close", "prefinish"] {
        w.on(e, recorder(&l, "")).unwrap();
    }
    push(&l, &format!("ret:{}", w.write("a".into()).unwrap()));
    w.end().unwrap();
    push(&l, "sync");
    run();
    assert_eq!(
        joined(&l),
        "ret:true sync construct write:a prefinish finish _destroy close"
    );
}

#[test]
fn construct_error_destroys() {
    // node: "sync construct cb:nope error:nope close"
    let l = log();
    let gate = Gate::default();
    let w = dst(&l, &gate);
    w.on("error", recorder(&l, "")).unwrap();
    w.on("close", recorder(&l, "")).unwrap();
    let l2 = l.clone();
    w.write_with("a".into(), move |e| {
        push(
            &l2,
            &format!("cb:{}", e.map_or("null".into(), |e| e.message())),
        )
    })
    .unwrap();
    push(&l, "sync");
    run();
    gate.open(Err(E::new(
        node_core::ErrorClass::Error,
        "ERR_TEST",
        "nope",
    )));
    run();
    // `_destroy` is logged by our sink where node's default one is silent.
    assert_eq!(
        joined(&l),
        "sync construct _destroy cb:nope error:nope close"
    );
}

#[test]
fn destroy_waits_for_construct() {
    // node: "sync construct constructed _destroy close"
    let l = log();
    let gate = Gate::default();
    let w = dst(&l, &gate);
    w.on("error", recorder(&l, "")).unwrap();
    w.on("close", recorder(&l, "")).unwrap();
    w.destroy(None);
    push(&l, "sync");
    run();
    push(&l, "constructed");
    gate.open(Ok(()));
    run();
    assert_eq!(joined(&l), "sync construct constructed _destroy close");
}

#[test]
fn custom_events() {
    let l = log();
    let r = Readable::from_iter(["a"]);
    r.on("open", recorder(&l, "")).unwrap();
    assert!(r.emit(StreamEvent::Custom("open".into(), Some(Chunk::value(3)))));
    assert!(!r.emit(StreamEvent::Custom("ready".into(), None)));
    assert_eq!(joined(&l), "open");
}
