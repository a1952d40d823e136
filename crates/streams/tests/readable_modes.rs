//! Readable read-ahead, objectMode counting, setEncoding, unshift, Readable::from.

mod common;

use common::*;
use futures::StreamExt;
use node_streams::{Chunk, LocalScheduler, PushSource, Readable, ReadableOptions, Source};
use std::task::{Context, Poll};

struct Zeros {
    left: usize,
}

impl Source for Zeros {
    fn poll_pull(
        &mut self,
        _: &mut Context<'_>,
        size: usize,
    ) -> Poll<Result<Option<Chunk>, node_core::NodeError>> {
        if self.left == 0 {
            return Poll::Ready(Ok(None));
        }
        let n = size.min(self.left);
        self.left -= n;
        Poll::Ready(Ok(Some(vec![0u8; n].into())))
    }
}

#[test]
fn one_mib_in_64k_chunks() {
    let r = Readable::with_options(
        Zeros { left: 1 << 20 },
        ReadableOptions {
            high_water_mark: Some(64 * 1024),
            ..Default::default()
        },
    );
    let sizes = std::rc::Rc::new(std::cell::RefCell::new(Vec::new()));
    let s2 = sizes.clone();
    r.on_data(move |c| s2.borrow_mut().push(c.byte_len()))
        .unwrap();
    LocalScheduler::current().run_until_stalled();
    assert_eq!(*sizes.borrow(), vec![65536; 16]);
}

#[test]
fn object_mode_counts_one_per_chunk() {
    let r = Readable::with_options(
        PushSource,
        ReadableOptions {
            object_mode: true,
            high_water_mark: Some(2),
            ..Default::default()
        },
    );
    assert!(r.push(Chunk::value(vec![0u8; 1000])));
    assert!(!r.push(Chunk::value("x")));
    assert_eq!(r.readable_length(), 2);
}

#[test]
fn set_encoding_split_utf8() {
    let r = Readable::new(PushSource);
    r.set_encoding("utf8").unwrap();
    let l = log();
    r.on("data", recorder(&l, "")).unwrap();
    let euro = "€".as_bytes();
    r.push(euro[..1].to_vec().into());
    r.push(euro[1..].to_vec().into());
    r.push("ok".into());
    r.push_end();
    LocalScheduler::current().run_until_stalled();
    assert_eq!(joined(&l), "data:€ data:ok");
    assert_eq!(
        r.set_encoding("latin1").unwrap_err().code(),
        "ERR_NOT_IMPLEMENTED"
    );
}

#[test]
fn unshift_puts_data_back() {
    let r = Readable::new(PushSource);
    r.push("world".into());
    let c = r.read(Some(2)).unwrap();
    r.unshift(c);
    r.unshift("hello ".into());
    assert_eq!(text(&r.read(None).unwrap()), "hello world");
}

#[test]
fn unshift_after_end_event() {
    let r = Readable::new(PushSource);
    r.push_end();
    r.resume();
    LocalScheduler::current().run_until_stalled();
    assert!(r.readable_ended());
    r.unshift("x".into());
    // autoDestroy already destroyed the stream; nothing is buffered.
    assert_eq!(r.readable_length(), 0);
}

#[test]
fn from_iter_and_stream() {
    futures::executor::block_on(async {
        let got: Vec<_> = Readable::from_iter(vec!["a", "b", "c"])
            .into_stream()
            .map(|c| text(&c.unwrap()))
            .collect()
            .await;
        assert_eq!(got, ["a", "b", "c"]);
        let s =
            futures::stream::iter((0..3).map(|i| Ok::<_, node_core::NodeError>(Chunk::value(i))));
        let got: Vec<i32> = Readable::from_stream(s)
            .into_stream()
            .map(|c| *c.unwrap().downcast_ref::<i32>().unwrap())
            .collect()
            .await;
        assert_eq!(got, [0, 1, 2]);
    });
}

#[test]
fn pause_and_resume_events() {
    let l = log();
    let r = Readable::from_iter(["a"]);
    r.on("pause", recorder(&l, "")).unwrap();
    r.on("resume", recorder(&l, "")).unwrap();
    r.resume();
    r.pause();
    assert!(r.is_paused());
    LocalScheduler::current().run_until_stalled();
    // node: r.resume(); r.pause() -> "pause resume" (resume is emitted on the next tick)
    assert_eq!(joined(&l), "pause resume");
}

#[test]
fn unsupported_encoding_option_errors() {
    let r = Readable::with_options(
        PushSource,
        ReadableOptions {
            encoding: Some("hex"),
            ..Default::default()
        },
    );
    assert_eq!(r.errored().unwrap().code(), "ERR_NOT_IMPLEMENTED");
    let r = Readable::with_options(
        PushSource,
        ReadableOptions {
            encoding: Some("utf-8"),
            ..Default::default()
        },
    );
    r.push(vec![0xc3].into());
    r.push(vec![0xa9].into());
    assert_eq!(r.read(None).unwrap().as_str(), Some("é"));
}

#[test]
fn removing_readable_listener_resumes_data() {
    // node: on('readable'), on('data'), push a; later removeListener('readable'), push b
    // -> "flowing:false readable flowing:false data:a data:b flowing:true"
    let l = log();
    let r = Readable::new(PushSource);
    let l2 = l.clone();
    let onr = node_core::Callback::new(move |_: &node_streams::StreamEvent| push(&l2, "readable"));
    r.on_callback("readable", onr.clone()).unwrap();
    r.on("data", recorder(&l, "")).unwrap();
    push(&l, &format!("flowing:{}", r.readable_flowing().unwrap()));
    r.push("a".into());
    LocalScheduler::current().run_until_stalled();
    r.off("readable", &onr);
    push(&l, &format!("flowing:{}", r.readable_flowing().unwrap()));
    r.push("b".into());
    LocalScheduler::current().run_until_stalled();
    push(&l, &format!("flowing:{}", r.readable_flowing().unwrap()));
    assert_eq!(
        joined(&l),
        "flowing:false readable flowing:false data:a data:b flowing:true"
    );
}
