//! The streams on node-event-loop's loop: the Scheduler the runtime will plug in.

mod common;

use std::rc::Rc;

use common::*;
use node_event_loop::{EventLoop, LoopHandle, RunMode};
use node_streams::{
    pipeline_with, IoFuture, PushSource, Readable, ReadableOptions, Scheduler, Writable,
    WritableOptions,
};

/// `Scheduler` over `LoopHandle`: ticks go to Node's nextTick queue, pending I/O to
/// `spawn_io`, whose completion runs in the poll phase.
struct Loop(LoopHandle);

impl Scheduler for Loop {
    fn next_tick(&self, task: Box<dyn FnOnce()>) {
        self.0.next_tick(task);
    }
    fn spawn_io(&self, io: IoFuture) {
        self.0.spawn_io(io, |done| done());
    }
}

#[test]
fn readable_order_on_the_event_loop() {
    // node: "sync resume data:a data:b end close"
    let ev = EventLoop::new().unwrap();
    let h = ev.handle();
    let sched: Rc<dyn Scheduler> = Rc::new(Loop(h.clone()));
    let l = log();
    let r = Readable::with_options(
        PushSource,
        ReadableOptions {
            scheduler: Some(sched),
            ..Default::default()
        },
    );
    for e in ["data", "end", "close", "pause", "resume"] {
        r.on(e, recorder(&l, "")).unwrap();
    }
    r.push("a".into());
    r.push("b".into());
    r.push_end();
    push(&l, "sync");
    h.checkpoint();
    ev.run(RunMode::Default);
    assert_eq!(joined(&l), "sync resume data:a data:b end close");
}

#[test]
fn tokio_file_pipeline_on_the_event_loop() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("in.txt");
    std::fs::write(&path, "line\n".repeat(50_000)).unwrap();
    let ev = EventLoop::new().unwrap();
    let h = ev.handle();
    let sched: Rc<dyn Scheduler> = Rc::new(Loop(h.clone()));
    let l = log();
    let (l2, p2, s2) = (l.clone(), path.clone(), sched.clone());
    // Opening the file is itself I/O on the loop.
    h.spawn_io(
        async move { tokio::fs::File::open(p2).await },
        move |file| {
            let src = Readable::from_async_read(
                file.unwrap(),
                ReadableOptions {
                    high_water_mark: Some(64 * 1024),
                    scheduler: Some(s2.clone()),
                    ..Default::default()
                },
            );
            let total = Rc::new(std::cell::Cell::new(0usize));
            let t2 = total.clone();
            let dst = Writable::with_options(
                node_streams::sink_fn(move |c| {
                    t2.set(t2.get() + c.byte_len());
                    Ok(())
                }),
                WritableOptions {
                    scheduler: Some(s2),
                    ..Default::default()
                },
            );
            pipeline_with(&[&src, &dst], move |err| {
                assert!(err.is_none());
                push(&l2, &format!("done:{}", total.get()));
            });
        },
    );
    ev.run(RunMode::Default);
    assert_eq!(joined(&l), "done:250000");
}
