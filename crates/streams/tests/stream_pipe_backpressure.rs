//! pipe() with a slow destination, and a custom EventSink (as the JS runtime uses).

mod common;

use std::cell::{Cell, RefCell};
use std::rc::Rc;
use std::task::{Context, Poll};

use common::*;
use node_streams::{
    Chunk, EventSink, LocalScheduler, Readable, ReadableOptions, Sink, Source, StreamEvent,
    Writable, WritableOptions,
};

fn run() {
    LocalScheduler::current().run_until_stalled();
}

struct Counted {
    log: Log,
    i: u32,
}

impl Source for Counted {
    fn poll_pull(
        &mut self,
        _: &mut Context<'_>,
        _: usize,
    ) -> Poll<Result<Option<Chunk>, node_core::NodeError>> {
        self.i += 1;
        push(&self.log, "read");
        Poll::Ready(Ok((self.i <= 4).then(|| format!("c{}", self.i).into())))
    }
}

/// `write(c, e, cb) { log(c); cbs.push(cb) }`: the test calls the callbacks.
struct Slow {
    log: Log,
    outstanding: Rc<Cell<u32>>,
}

impl Sink for Slow {
    fn poll_write(
        &mut self,
        _: &mut Context<'_>,
        c: &Chunk,
    ) -> Poll<Result<(), node_core::NodeError>> {
        push(&self.log, &format!("w:{}", text(c)));
        self.outstanding.set(self.outstanding.get() + 1);
        Poll::Pending
    }
    fn completes_externally(&self) -> bool {
        true
    }
}

#[test]
fn pipe_waits_for_drain() {
    // node (src hwm 2, dst hwm 2, callbacks called one per timer):
    // "sync read src:resume read w:c1 src:pause cb dst:drain src:resume read w:c2 src:pause
    //  cb dst:drain src:resume read w:c3 src:pause cb dst:drain src:resume read w:c4
    //  src:pause src:end cb dst:finish cb cb cb cb cb"
    let l = log();
    let src = Readable::with_options(
        Counted {
            log: l.clone(),
            i: 0,
        },
        ReadableOptions {
            high_water_mark: Some(2),
            ..Default::default()
        },
    );
    let outstanding = Rc::new(Cell::new(0));
    let dst = Writable::with_options(
        Slow {
            log: l.clone(),
            outstanding: outstanding.clone(),
        },
        WritableOptions {
            high_water_mark: Some(2),
            ..Default::default()
        },
    );
    for e in ["pause", "resume", "end"] {
        src.on(e, recorder(&l, "src:")).unwrap();
    }
    for e in ["drain", "finish"] {
        dst.on(e, recorder(&l, "dst:")).unwrap();
    }
    src.pipe(&dst, true);
    push(&l, "sync");
    run();
    for _ in 0..9 {
        push(&l, "cb");
        if outstanding.get() > 0 {
            outstanding.set(outstanding.get() - 1);
            dst.complete_write(None);
        }
        run();
    }
    assert_eq!(
        joined(&l),
        "sync read src:resume read w:c1 src:pause cb dst:drain src:resume read w:c2 src:pause \
         cb dst:drain src:resume read w:c3 src:pause cb dst:drain src:resume read w:c4 \
         src:pause src:end cb dst:finish cb cb cb cb cb"
    );
}

/// An event hook that only records names and takes no Rust listeners (like a JS object).
#[derive(Default)]
struct Recorder(RefCell<Vec<String>>);

impl EventSink for Recorder {
    fn emit(&self, ev: &StreamEvent) -> bool {
        self.0.borrow_mut().push(ev.name().to_owned());
        true
    }
    fn listener_count(&self, name: &str) -> usize {
        usize::from(name == "data")
    }
}

#[test]
fn custom_event_sink_still_pipes() {
    let events = Rc::new(Recorder::default());
    let src = Readable::with_options(
        node_streams::PushSource,
        ReadableOptions {
            events: Some(events.clone()),
            ..Default::default()
        },
    );
    let got = Rc::new(RefCell::new(Vec::new()));
    let g = got.clone();
    let dst = Writable::new(node_streams::sink_fn(move |c| {
        g.borrow_mut().push(text(c));
        Ok(())
    }));
    src.pipe(&dst, true);
    src.push("a".into());
    src.push("b".into());
    src.push_end();
    run();
    assert_eq!(*got.borrow(), ["a", "b"]);
    assert!(dst.writable_finished());
    assert_eq!(
        src.on("data", |_| {}).unwrap_err().code(),
        "ERR_NOT_IMPLEMENTED"
    );
    // node (every src.emit recorded): "resume data data readable end pause close"
    assert_eq!(
        events.0.borrow().join(" "),
        "resume data data readable end pause close"
    );
}
