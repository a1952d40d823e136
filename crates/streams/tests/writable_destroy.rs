//! destroy() and errors around writes, compared with node v20.

mod common;

use std::cell::RefCell;
use std::rc::Rc;
use std::task::{Context, Poll, Waker};

use common::*;
use node_streams::{Chunk, LocalScheduler, Sink, Writable, WritableOptions};

fn run() {
    LocalScheduler::current().run_until_stalled();
}

/// Completes a write only after `open()`; wakes the stream's future then.
#[derive(Clone, Default)]
struct Gate(Rc<RefCell<(bool, Option<Waker>)>>);

impl Gate {
    fn open(&self) {
        let w = {
            let mut g = self.0.borrow_mut();
            g.0 = true;
            g.1.take()
        };
        if let Some(w) = w {
            w.wake();
        }
    }
}

impl Sink for Gate {
    fn poll_write(
        &mut self,
        cx: &mut Context<'_>,
        _: &Chunk,
    ) -> Poll<Result<(), node_core::NodeError>> {
        let mut g = self.0.borrow_mut();
        if g.0 {
            g.0 = false;
            Poll::Ready(Ok(()))
        } else {
            g.1 = Some(cx.waker().clone());
            Poll::Pending
        }
    }
}

fn code(e: Option<&node_core::NodeError>) -> String {
    e.map_or("null".into(), |e| e.code().to_owned())
}

#[test]
fn destroy_during_async_write() {
    // write a (slow), write b, end(cb), destroy()
    // node: "sync close cb-a:null cb-b:ERR_STREAM_DESTROYED endcb:ERR_STREAM_DESTROYED"
    let l = log();
    let gate = Gate::default();
    let w = Writable::new(gate.clone());
    w.on("close", recorder(&l, "")).unwrap();
    w.on("error", recorder(&l, "")).unwrap();
    let (la, lb, le) = (l.clone(), l.clone(), l.clone());
    w.write_with("a".into(), move |e| push(&la, &format!("cb-a:{}", code(e))))
        .unwrap();
    w.write_with("b".into(), move |e| push(&lb, &format!("cb-b:{}", code(e))))
        .unwrap();
    w.end_with(None, move |e| push(&le, &format!("endcb:{}", code(e))))
        .unwrap();
    w.destroy(None);
    push(&l, "sync");
    run();
    gate.open();
    run();
    assert_eq!(
        joined(&l),
        "sync close cb-a:null cb-b:ERR_STREAM_DESTROYED endcb:ERR_STREAM_DESTROYED"
    );
}

#[test]
fn end_callback_gets_the_error() {
    // autoDestroy:false, write cb(new Error('bad')); write('a'); end(cb)
    // node: "sync error:bad endcb:bad"
    let l = log();
    let w = Writable::with_options(
        node_streams::sink_fn(|_| {
            Err(node_core::NodeError::new(
                node_core::ErrorClass::Error,
                "ERR_TEST",
                "bad",
            ))
        }),
        WritableOptions {
            auto_destroy: false,
            ..Default::default()
        },
    );
    w.on("error", recorder(&l, "")).unwrap();
    w.write("a".into()).unwrap();
    let l2 = l.clone();
    w.end_with(None, move |e| {
        push(
            &l2,
            &format!("endcb:{}", e.map_or("null".into(), |e| e.message())),
        )
    })
    .unwrap();
    push(&l, "sync");
    run();
    assert_eq!(joined(&l), "sync error:bad endcb:bad");
}

#[test]
fn readable_destroy_then_push() {
    // r.destroy(new Error('x')); r.push('a') -> false; r.destroy(new Error('y'))
    // node: "push:false sync error:x close"
    let l = log();
    let r = node_streams::Readable::new(node_streams::PushSource);
    r.on("close", recorder(&l, "")).unwrap();
    r.on("error", recorder(&l, "")).unwrap();
    let err = |m: &str| node_core::NodeError::new(node_core::ErrorClass::Error, "ERR_TEST", m);
    r.destroy(Some(err("x")));
    push(&l, &format!("push:{}", r.push("a".into())));
    r.destroy(Some(err("y")));
    push(&l, "sync");
    run();
    assert_eq!(joined(&l), "push:false sync error:x close");
}

#[test]
fn pipe_then_unpipe() {
    // r.pipe(w); r.unpipe(w) -> node: "pipe pause unpipe flowing:false sync resume"
    let l = log();
    let r = node_streams::Readable::new(node_streams::PushSource);
    let w = Writable::new(node_streams::sink_fn(|_| Ok(())));
    w.on("pipe", recorder(&l, "")).unwrap();
    w.on("unpipe", recorder(&l, "")).unwrap();
    r.on("pause", recorder(&l, "")).unwrap();
    r.on("resume", recorder(&l, "")).unwrap();
    r.pipe(&w, true);
    r.unpipe(Some(&w));
    push(
        &l,
        &format!("flowing:{}", r.readable_flowing() == Some(true)),
    );
    push(&l, "sync");
    run();
    assert_eq!(joined(&l), "pipe pause unpipe flowing:false sync resume");
}

#[test]
fn pause_inside_data_then_resume() {
    // push a, b; on data: pause at 'a', resume later; push(null)
    // node: "resume data:a pause resume data:b end"
    let l = log();
    let r = node_streams::Readable::new(node_streams::PushSource);
    r.push("a".into());
    r.push("b".into());
    let (l2, r2) = (l.clone(), r.clone());
    r.on("data", move |ev| {
        if let node_streams::StreamEvent::Data(c) = ev {
            push(&l2, &format!("data:{}", text(c)));
            if text(c) == "a" {
                r2.pause();
            }
        }
    })
    .unwrap();
    r.on("pause", recorder(&l, "")).unwrap();
    r.on("resume", recorder(&l, "")).unwrap();
    r.push_end();
    r.on("end", recorder(&l, "")).unwrap();
    run();
    r.resume();
    run();
    assert_eq!(joined(&l), "resume data:a pause resume data:b end");
}
