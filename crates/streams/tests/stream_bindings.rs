//! The hooks a JavaScript binding uses: push-driven sources, callbacks completed from
//! outside a poll (synchronously or later), and external transforms.

mod common;

use std::cell::RefCell;
use std::rc::Rc;
use std::task::{Context, Poll};

use common::*;
use node_streams::{Chunk, LocalScheduler, Sink, Transform, Transformer, Writable};

/// A "JS" sink: `_write` records the chunk; the test plays the callback.
struct JsSink {
    seen: Log,
    me: Rc<RefCell<Option<Writable>>>,
    sync_cb: bool,
}

impl Sink for JsSink {
    fn poll_write(
        &mut self,
        _: &mut Context<'_>,
        c: &Chunk,
    ) -> Poll<Result<(), node_core::NodeError>> {
        push(&self.seen, &format!("_write:{}", text(c)));
        if self.sync_cb {
            // The callback runs inside _write, as `write(c, e, cb) { cb() }`.
            if let Some(w) = self.me.borrow().as_ref() {
                w.complete_write(None);
            }
        }
        Poll::Pending
    }
    fn completes_externally(&self) -> bool {
        true
    }
}

#[test]
fn external_sink_sync_callback_matches_node() {
    // Same events as the sync sink in stream_event_order::writable_sync_writes_then_end,
    // without _final: node prints "w:a w:b prefinish sync cb-a endcb finish close".
    let l = log();
    let me = Rc::new(RefCell::new(None));
    let w = Writable::new(JsSink {
        seen: l.clone(),
        me: me.clone(),
        sync_cb: true,
    });
    *me.borrow_mut() = Some(w.clone());
    for e in ["finish", "close", "prefinish"] {
        w.on(e, recorder(&l, "")).unwrap();
    }
    let l3 = l.clone();
    w.write_with("a".into(), move |_| push(&l3, "cb-a"))
        .unwrap();
    w.write("b".into()).unwrap();
    let l4 = l.clone();
    w.end_with(None, move |_| push(&l4, "endcb")).unwrap();
    // The sink's poll_final returns Ready (default): a sync _final.
    push(&l, "sync");
    LocalScheduler::current().run_until_stalled();
    assert_eq!(
        joined(&l),
        "_write:a _write:b prefinish sync cb-a endcb finish close"
    );
    *me.borrow_mut() = None;
}

#[test]
fn external_sink_async_callback() {
    let l = log();
    let w = Writable::new(JsSink {
        seen: l.clone(),
        me: Rc::default(),
        sync_cb: false,
    });
    w.on("drain", recorder(&l, "")).unwrap();
    w.write("a".into()).unwrap();
    w.write("b".into()).unwrap();
    assert_eq!(w.writable_length(), 2);
    LocalScheduler::current().run_until_stalled();
    assert!(
        LocalScheduler::current().is_idle(),
        "no re-poll future left behind"
    );
    w.complete_write(None);
    w.complete_write(None);
    assert_eq!(w.writable_length(), 0);
    assert_eq!(joined(&l), "_write:a _write:b");
}

struct JsTransform {
    me: Rc<RefCell<Option<Transform>>>,
}

impl Transformer for JsTransform {
    fn transform(&mut self, c: Chunk, _: &mut Vec<Chunk>) -> Result<(), node_core::NodeError> {
        // `_transform(c, e, cb) { cb(null, c.toUpperCase()) }`, synchronously.
        let up = text(&c).to_uppercase();
        if let Some(t) = self.me.borrow().as_ref() {
            t.transform_callback(None, Some(up.into()));
        }
        Ok(())
    }
    fn flush(&mut self, _: &mut Vec<Chunk>) -> Result<(), node_core::NodeError> {
        if let Some(t) = self.me.borrow().as_ref() {
            t.flush_callback(None, Some("!".into()));
        }
        Ok(())
    }
    fn completes_externally(&self) -> bool {
        true
    }
}

#[test]
fn external_transform_sync_callbacks() {
    let me = Rc::new(RefCell::new(None));
    let t = Transform::new(JsTransform { me: me.clone() });
    *me.borrow_mut() = Some(t.clone());
    let l = log();
    for e in ["data", "end", "finish", "close", "prefinish"] {
        t.on(e, recorder(&l, "")).unwrap();
    }
    t.writable().write("a".into()).unwrap();
    t.writable().end_with(Some("b".into()), |_| {}).unwrap();
    push(&l, "sync");
    LocalScheduler::current().run_until_stalled();
    // node (PassThrough-like order): "data:A data:B data:! prefinish sync end finish close"
    assert_eq!(
        joined(&l),
        "data:A data:B data:! prefinish sync end finish close"
    );
    *me.borrow_mut() = None;
}

#[test]
fn push_source_leaves_scheduler_idle() {
    futures::executor::block_on(async {
        let r = node_streams::Readable::new(node_streams::PushSource);
        let l = log();
        r.on("data", recorder(&l, "")).unwrap();
        r.push("x".into());
        r.push_end();
        LocalScheduler::current().run().await;
        assert_eq!(joined(&l), "data:x");
    });
}
