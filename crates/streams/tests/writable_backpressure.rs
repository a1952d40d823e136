//! write() returning false at highWaterMark, 'drain', cork/uncork with _writev.

mod common;

use common::*;
use node_streams::{Chunk, LocalScheduler, Sink, Writable, WritableOptions};
use std::cell::RefCell;
use std::rc::Rc;
use std::task::{Context, Poll};

/// A sink that completes each write only when the test says so.
struct Gate {
    open: Rc<RefCell<bool>>,
    batches: Rc<RefCell<Vec<usize>>>,
}

impl Sink for Gate {
    fn poll_write(
        &mut self,
        _: &mut Context<'_>,
        _: &Chunk,
    ) -> Poll<Result<(), node_core::NodeError>> {
        self.batches.borrow_mut().push(1);
        if *self.open.borrow() {
            Poll::Ready(Ok(()))
        } else {
            Poll::Pending
        }
    }
    fn has_writev(&self) -> bool {
        true
    }
    fn poll_writev(
        &mut self,
        _: &mut Context<'_>,
        c: &[Chunk],
    ) -> Poll<Result<(), node_core::NodeError>> {
        self.batches.borrow_mut().push(c.len());
        Poll::Ready(Ok(()))
    }
}

#[test]
fn write_returns_false_then_drain() {
    // node (hwm 3, async cb): "write:ab ret:true ret:false ... drain"
    let open = Rc::new(RefCell::new(false));
    let batches = Rc::default();
    let w = Writable::with_options(
        Gate {
            open: open.clone(),
            batches,
        },
        WritableOptions {
            high_water_mark: Some(3),
            ..Default::default()
        },
    );
    let l = log();
    w.on("drain", recorder(&l, "")).unwrap();
    assert!(w.write("ab".into()).unwrap());
    assert!(!w.write("cd".into()).unwrap());
    assert!(w.writable_need_drain());
    *open.borrow_mut() = true;
    LocalScheduler::current().run_until_stalled();
    assert_eq!(joined(&l), "drain");
    assert_eq!(w.writable_length(), 0);
}

#[test]
fn cork_batches_into_writev() {
    let open = Rc::new(RefCell::new(true));
    let batches: Rc<RefCell<Vec<usize>>> = Rc::default();
    let w = Writable::new(Gate {
        open,
        batches: batches.clone(),
    });
    w.cork();
    for s in ["a", "b", "c"] {
        w.write(s.into()).unwrap();
    }
    assert_eq!(w.writable_length(), 3);
    w.uncork();
    assert_eq!(*batches.borrow(), vec![3]);
}

#[test]
fn sink_adapter_waits_for_drain() {
    futures::executor::block_on(async {
        use futures::SinkExt;
        let n = Rc::new(RefCell::new(0usize));
        let n2 = n.clone();
        let w = Writable::with_options(
            node_streams::sink_fn(move |c| {
                *n2.borrow_mut() += c.byte_len();
                Ok(())
            }),
            WritableOptions {
                high_water_mark: Some(4),
                ..Default::default()
            },
        );
        let mut s = w.clone().into_sink();
        for _ in 0..100 {
            s.send(Chunk::from("12345")).await.unwrap();
        }
        s.close().await.unwrap();
        assert_eq!(*n.borrow(), 500);
        assert!(w.writable_finished());
    });
}
