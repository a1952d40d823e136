//! Listeners that call back into the stream in every way must not panic (RefCell
//! borrows are never held across user code).

use std::cell::Cell;
use std::rc::Rc;
use std::task::{Context, Poll};

use node_streams::{
    sink_fn, Chunk, LocalScheduler, PassThrough, Readable, ReadableOptions, Source, StreamEvent,
    Writable, WritableOptions,
};

/// A `_read` that pushes synchronously into its own stream, sometimes twice.
struct SelfPush {
    me: Rc<std::cell::RefCell<Option<Readable>>>,
    n: Rc<Cell<u32>>,
}

impl Source for SelfPush {
    fn poll_pull(
        &mut self,
        _: &mut Context<'_>,
        _: usize,
    ) -> Poll<Result<Option<Chunk>, node_core::NodeError>> {
        let i = self.n.get();
        self.n.set(i + 1);
        if let Some(r) = self.me.borrow().as_ref() {
            if i < 50 {
                r.push(format!("p{i}").into());
                if i % 3 == 0 {
                    r.push("x".into());
                    let _ = r.read(Some(1));
                }
            } else {
                r.push_end();
            }
        }
        Poll::Pending
    }
    fn completes_externally(&self) -> bool {
        true
    }
}

fn lcg(seed: &Cell<u64>) -> u64 {
    let s = seed
        .get()
        .wrapping_mul(6364136223846793005)
        .wrapping_add(1442695040888963407);
    seed.set(s);
    s >> 33
}

#[test]
fn listeners_reenter_everything() {
    let calls = Rc::new(Cell::new(0u32));
    for round in 0..20u64 {
        let seed = Rc::new(Cell::new(round));
        let me = Rc::new(std::cell::RefCell::new(None));
        let r = Readable::with_options(
            SelfPush {
                me: me.clone(),
                n: Rc::default(),
            },
            ReadableOptions {
                high_water_mark: Some(4),
                ..Default::default()
            },
        );
        *me.borrow_mut() = Some(r.clone());
        let mid = PassThrough::new();
        let w = Writable::with_options(
            sink_fn(|_| Ok(())),
            WritableOptions {
                high_water_mark: Some(3),
                ..Default::default()
            },
        );
        let (r2, m2, w2, s2) = (r.clone(), mid.clone(), w.clone(), seed.clone());
        let calls2 = calls.clone();
        let chaos = move |ev: &StreamEvent| {
            let _ = ev;
            calls2.set(calls2.get() + 1);
            match lcg(&s2) % 12 {
                0 => {
                    r2.pause();
                }
                1 => {
                    r2.resume();
                }
                2 => {
                    let _ = r2.read(None);
                }
                3 => {
                    let _ = r2.read(Some(2));
                }
                4 => {
                    let _ = w2.write("w".into());
                }
                5 => {
                    w2.cork();
                }
                6 => {
                    w2.uncork();
                }
                7 => {
                    r2.unshift("u".into());
                }
                8 => {
                    let _ = m2.writable().write("m".into());
                }
                9 if lcg(&s2) % 5 == 0 => {
                    m2.destroy(None);
                }
                10 => {
                    let _ = r2.unpipe(None);
                }
                _ => {}
            }
        };
        let chaos = Rc::new(chaos);
        for name in [
            "data", "readable", "end", "pause", "resume", "close", "error",
        ] {
            let c = chaos.clone();
            r.on(name, move |ev| c(ev)).unwrap();
        }
        for name in [
            "drain", "finish", "close", "error", "pipe", "unpipe", "data",
        ] {
            let c = chaos.clone();
            mid.on(name, move |ev| c(ev)).unwrap();
            let c = chaos.clone();
            w.on(name, move |ev| c(ev)).unwrap();
        }
        node_streams::pipeline_with(&[&r, &mid, &w], |_| {});
        for _ in 0..50 {
            LocalScheduler::current().run_until_stalled();
            r.resume();
        }
        *me.borrow_mut() = None;
        r.destroy(None);
        mid.destroy(None);
        w.destroy(None);
        LocalScheduler::current().run_until_stalled();
    }
    assert!(calls.get() > 1000, "only {} listener calls", calls.get());
}
