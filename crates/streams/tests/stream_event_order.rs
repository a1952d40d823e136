//! Event orders compared with node v20 (the `node -e` output is quoted in each test).

mod common;

use common::*;
use node_streams::{
    pipeline_with, sink_fn, LocalScheduler, PassThrough, PushSource, Readable, Writable,
};

fn run() {
    LocalScheduler::current().run_until_stalled();
}

#[test]
fn readable_data_end_close() {
    // r=new Readable({read(){}}); on data/end/close/pause/resume; push a, b, null
    // node: "sync resume data:a data:b end close"
    let l = log();
    let r = Readable::new(PushSource);
    for e in ["data", "end", "close", "pause", "resume"] {
        r.on(e, recorder(&l, "")).unwrap();
    }
    r.push("a".into());
    r.push("b".into());
    r.push_end();
    push(&l, "sync");
    run();
    assert_eq!(joined(&l), "sync resume data:a data:b end close");
}

#[test]
fn writable_sync_writes_then_end() {
    // write('a', cb); write('b'); end(cb)
    // node: "w:a w:b prefinish sync cb-a endcb finish close"
    let l = log();
    let l2 = l.clone();
    let w = Writable::new(sink_fn(move |c| {
        push(&l2, &format!("w:{}", text(c)));
        Ok(())
    }));
    for e in ["drain", "finish", "close", "prefinish"] {
        w.on(e, recorder(&l, "")).unwrap();
    }
    let l3 = l.clone();
    w.write_with("a".into(), move |_| push(&l3, "cb-a"))
        .unwrap();
    w.write("b".into()).unwrap();
    let l4 = l.clone();
    w.end_with(None, move |_| push(&l4, "endcb")).unwrap();
    push(&l, "sync");
    run();
    assert_eq!(joined(&l), "w:a w:b prefinish sync cb-a endcb finish close");
}

#[test]
fn destroy_with_error_then_close() {
    // d.destroy(new Error('boom')) -> node: "sync error:boom close"
    let l = log();
    let w = Writable::new(sink_fn(|_| Ok(())));
    for e in ["error", "close", "finish"] {
        w.on(e, recorder(&l, "")).unwrap();
    }
    w.destroy(Some(node_core::NodeError::new(
        node_core::ErrorClass::Error,
        "ERR_TEST",
        "boom",
    )));
    push(&l, "sync");
    run();
    assert_eq!(joined(&l), "sync error:boom close");
}

#[test]
fn write_after_end() {
    // w.end(); w.write('x', cb) -> node: "sync cb:ERR_STREAM_WRITE_AFTER_END
    //   error:ERR_STREAM_WRITE_AFTER_END close"
    let l = log();
    let w = Writable::new(sink_fn(|_| Ok(())));
    let l2 = l.clone();
    w.on("error", move |ev| {
        if let node_streams::StreamEvent::Error(e) = ev {
            push(&l2, &format!("error:{}", e.code()));
        }
    })
    .unwrap();
    w.on("close", recorder(&l, "")).unwrap();
    w.end().unwrap();
    let l3 = l.clone();
    let err = w
        .write_with("x".into(), move |e| {
            push(
                &l3,
                &format!("cb:{}", e.map(|e| e.code()).unwrap_or("none")),
            )
        })
        .unwrap_err();
    assert_eq!(err.code(), "ERR_STREAM_WRITE_AFTER_END");
    push(&l, "sync");
    run();
    assert_eq!(
        joined(&l),
        "sync cb:ERR_STREAM_WRITE_AFTER_END error:ERR_STREAM_WRITE_AFTER_END close"
    );
}

#[test]
fn passthrough_events() {
    // p.write('a'); p.end('b') -> node: "data:a data:b prefinish sync end finish close"
    let l = log();
    let p = PassThrough::new();
    for e in ["data", "end", "finish", "close", "prefinish"] {
        p.on(e, recorder(&l, "")).unwrap();
    }
    p.writable().write("a".into()).unwrap();
    p.writable().end_with(Some("b".into()), |_| {}).unwrap();
    push(&l, "sync");
    run();
    assert_eq!(joined(&l), "data:a data:b prefinish sync end finish close");
}

#[test]
fn readable_event_and_read() {
    // on('readable', read all) ; push a, b, null -> node: "sync readable read:ab end close"
    let l = log();
    let r = Readable::new(PushSource);
    let (l2, r2) = (l.clone(), r.clone());
    r.on("readable", move |_| {
        push(&l2, "readable");
        while let Some(c) = r2.read(None) {
            push(&l2, &format!("read:{}", text(&c)));
        }
    })
    .unwrap();
    r.on("end", recorder(&l, "")).unwrap();
    r.on("close", recorder(&l, "")).unwrap();
    r.push("a".into());
    r.push("b".into());
    r.push_end();
    push(&l, "sync");
    run();
    assert_eq!(joined(&l), "sync readable read:ab end close");
}

#[test]
fn pipeline_error_destroys_every_stage() {
    // node: "dst:error:sinkfail dst:close src:error:sinkfail src:close
    //        mid:error:sinkfail mid:close cb:sinkfail destroyed:true,true,true"
    let l = log();
    let src = Readable::new(PushSource);
    let mid = PassThrough::new();
    let dst = Writable::new(sink_fn(|_| {
        Err(node_core::NodeError::new(
            node_core::ErrorClass::Error,
            "ERR_TEST",
            "sinkfail",
        ))
    }));
    src.on("close", recorder(&l, "src:")).unwrap();
    src.on("error", recorder(&l, "src:")).unwrap();
    mid.on("close", recorder(&l, "mid:")).unwrap();
    mid.on("error", recorder(&l, "mid:")).unwrap();
    dst.on("close", recorder(&l, "dst:")).unwrap();
    dst.on("error", recorder(&l, "dst:")).unwrap();
    let (l2, s2, m2, d2) = (l.clone(), src.clone(), mid.clone(), dst.clone());
    pipeline_with(&[&src, &mid, &dst], move |err| {
        push(&l2, &format!("cb:{}", err.unwrap().message()));
        push(
            &l2,
            &format!(
                "destroyed:{},{},{}",
                s2.destroyed(),
                m2.destroyed(),
                d2.destroyed()
            ),
        );
    });
    src.push("x".into());
    run();
    assert_eq!(
        joined(&l),
        "dst:error:sinkfail dst:close src:error:sinkfail src:close \
         mid:error:sinkfail mid:close cb:sinkfail destroyed:true,true,true"
    );
}

#[test]
fn error_codes() {
    // node: ERR_STREAM_PUSH_AFTER_EOF "stream.push() after EOF"
    let r = Readable::new(PushSource);
    r.push_end();
    r.push("x".into());
    assert_eq!(r.errored().unwrap().code(), "ERR_STREAM_PUSH_AFTER_EOF");
    // push({}) in byte mode -> ERR_INVALID_ARG_TYPE
    let r = Readable::new(PushSource);
    r.push(node_streams::Chunk::value(1));
    let e = r.errored().unwrap();
    assert_eq!(e.code(), "ERR_INVALID_ARG_TYPE");
    assert_eq!(
        e.message(),
        "The \"chunk\" argument must be of type string or an instance of Buffer, \
         TypedArray, or DataView. Received an instance of Object"
    );
    // cb(); cb() -> ERR_MULTIPLE_CALLBACK
    let w = Writable::new(sink_fn(|_| Ok(())));
    w.write("a".into()).unwrap();
    w.complete_write(None);
    assert_eq!(w.errored().unwrap().code(), "ERR_MULTIPLE_CALLBACK");
    // new Writable().write('a') -> ERR_METHOD_NOT_IMPLEMENTED
    let w = Writable::unimplemented();
    w.write("a".into()).unwrap();
    assert_eq!(w.errored().unwrap().code(), "ERR_METHOD_NOT_IMPLEMENTED");
    // write after destroy -> ERR_STREAM_DESTROYED
    let w = Writable::new(sink_fn(|_| Ok(())));
    w.destroy(None);
    assert_eq!(
        w.write("a".into()).unwrap_err().message(),
        "Cannot call write after a stream was destroyed"
    );
    assert_eq!(
        node_streams::null_values_error().code(),
        "ERR_STREAM_NULL_VALUES"
    );
}

#[test]
fn pipe_sync_destination() {
    // src: read(){ i++; i<=3 ? push('c'+i) : push(null) }, dst hwm 1 with sync write cb.
    // node: "dst:pipe sync src:resume w:c1 w:c2 w:c3 src:end dst:prefinish dst:finish
    //        src:pause dst:unpipe src:close dst:close"
    let l = log();
    let src = Readable::from_iter(["c1", "c2", "c3"]);
    let src = {
        // Byte mode, like the node script.
        drop(src);
        let mut i = 0;
        Readable::new(IterFn(Box::new(move || {
            i += 1;
            (i <= 3).then(|| node_streams::Chunk::from(format!("c{i}")))
        })))
    };
    let l2 = l.clone();
    let dst = Writable::with_options(
        sink_fn(move |c| {
            push(&l2, &format!("w:{}", text(c)));
            Ok(())
        }),
        node_streams::WritableOptions {
            high_water_mark: Some(1),
            ..Default::default()
        },
    );
    for e in ["pause", "resume", "end", "close"] {
        src.on(e, recorder(&l, "src:")).unwrap();
    }
    for e in ["drain", "pipe", "unpipe", "finish", "close", "prefinish"] {
        dst.on(e, recorder(&l, "dst:")).unwrap();
    }
    src.pipe(&dst, true);
    push(&l, "sync");
    run();
    assert_eq!(
        joined(&l),
        "dst:pipe sync src:resume w:c1 w:c2 w:c3 src:end dst:prefinish dst:finish \
         src:pause dst:unpipe src:close dst:close"
    );
}

struct IterFn(Box<dyn FnMut() -> Option<node_streams::Chunk>>);

impl node_streams::Source for IterFn {
    fn poll_pull(
        &mut self,
        _: &mut std::task::Context<'_>,
        _: usize,
    ) -> std::task::Poll<Result<Option<node_streams::Chunk>, node_core::NodeError>> {
        std::task::Poll::Ready(Ok((self.0)()))
    }
}

#[test]
fn duplex_not_half_open() {
    // new Duplex({allowHalfOpen:false, read(){}, write(c,e,cb){cb()}}); push('x'); push(null)
    // node: "sync data:x end prefinish finish close"
    let l = log();
    let d = node_streams::Duplex::new(
        PushSource,
        sink_fn(|_| Ok(())),
        node_streams::DuplexOptions {
            allow_half_open: false,
            ..Default::default()
        },
    );
    for e in ["end", "finish", "close", "prefinish", "data"] {
        d.on(e, recorder(&l, "")).unwrap();
    }
    d.readable().push("x".into());
    d.readable().push_end();
    push(&l, "sync");
    run();
    assert_eq!(joined(&l), "sync data:x end prefinish finish close");
}

#[test]
fn finished_premature_close() {
    // r.push('a'); finished(r, cb); r.destroy()
    // node: "sync data:a close finished:ERR_STREAM_PREMATURE_CLOSE"
    let l = log();
    let r = Readable::new(PushSource);
    for e in ["data", "end", "close", "error"] {
        r.on(e, recorder(&l, "")).unwrap();
    }
    r.push("a".into());
    let l2 = l.clone();
    node_streams::finished_with(&r, move |err| {
        push(
            &l2,
            &format!(
                "finished:{}",
                err.map_or("undefined".into(), |e| e.code().to_owned())
            ),
        )
    });
    r.destroy(None);
    push(&l, "sync");
    run();
    assert_eq!(
        joined(&l),
        "sync data:a close finished:ERR_STREAM_PREMATURE_CLOSE"
    );
}

#[test]
fn finished_after_close() {
    // finished(w, cb); w.end('x') -> node: "sync finish finished:undefined close"
    let l = log();
    let w = Writable::new(sink_fn(|_| Ok(())));
    let l2 = l.clone();
    node_streams::finished_with(&w, move |err| {
        push(
            &l2,
            &format!(
                "finished:{}",
                err.map_or("undefined".into(), |e| e.code().to_owned())
            ),
        )
    });
    w.on("finish", recorder(&l, "")).unwrap();
    w.on("close", recorder(&l, "")).unwrap();
    w.end_with(Some("x".into()), |_| {}).unwrap();
    push(&l, "sync");
    run();
    assert_eq!(joined(&l), "sync finish finished:undefined close");
}

#[test]
fn readable_hwm_and_read_n() {
    // hwm 4: push('ab') true, push('cd') false, len 4; on readable read(3) loop; push e, null
    // node: "p1:true p2:false len:4 readable read:abc read:de end"
    let l = log();
    let r = Readable::with_options(
        PushSource,
        node_streams::ReadableOptions {
            high_water_mark: Some(4),
            ..Default::default()
        },
    );
    push(&l, &format!("p1:{}", r.push("ab".into())));
    push(&l, &format!("p2:{}", r.push("cd".into())));
    push(&l, &format!("len:{}", r.readable_length()));
    let (l2, r2) = (l.clone(), r.clone());
    r.on("readable", move |_| {
        push(&l2, "readable");
        while let Some(c) = r2.read(Some(3)) {
            push(&l2, &format!("read:{}", text(&c)));
        }
    })
    .unwrap();
    r.push("e".into());
    r.push_end();
    r.on("end", recorder(&l, "")).unwrap();
    run();
    assert_eq!(
        joined(&l),
        "p1:true p2:false len:4 readable read:abc read:de end"
    );
}

#[test]
fn cork_writev_and_finish() {
    // write('a'); cork(); write b, c; nextTick(uncork); end('d')
    // node: "write:a writev:b,c,d sync uncorked finish"
    struct V(Log);
    impl node_streams::Sink for V {
        fn poll_write(
            &mut self,
            _: &mut std::task::Context<'_>,
            c: &node_streams::Chunk,
        ) -> std::task::Poll<Result<(), node_core::NodeError>> {
            push(&self.0, &format!("write:{}", text(c)));
            std::task::Poll::Ready(Ok(()))
        }
        fn has_writev(&self) -> bool {
            true
        }
        fn poll_writev(
            &mut self,
            _: &mut std::task::Context<'_>,
            cs: &[node_streams::Chunk],
        ) -> std::task::Poll<Result<(), node_core::NodeError>> {
            let all: Vec<_> = cs.iter().map(text).collect();
            push(&self.0, &format!("writev:{}", all.join(",")));
            std::task::Poll::Ready(Ok(()))
        }
    }
    let l = log();
    let w = Writable::new(V(l.clone()));
    w.on("finish", recorder(&l, "")).unwrap();
    w.write("a".into()).unwrap();
    w.cork();
    w.write("b".into()).unwrap();
    w.write("c".into()).unwrap();
    w.end_with(Some("d".into()), |_| {}).unwrap();
    push(&l, "sync");
    run();
    assert_eq!(joined(&l), "write:a writev:b,c,d sync finish");
}
