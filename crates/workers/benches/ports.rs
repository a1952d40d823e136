//! Messages between two loops on two threads: round-trip latency and one-way throughput.

use std::cell::Cell;
use std::rc::Rc;
use std::time::Duration;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use node_event_loop::{EventLoop, RunMode};
use node_workers::{Message, PortEvent, Worker, WorkerEvent, WorkerOptions};

const BURST: u64 = 10_000;

/// A worker that answers every message whose first byte is 1, and counts the others,
/// answering once per `BURST`.
fn echo_worker() -> Worker {
    Worker::spawn(WorkerOptions::default(), |mut scope| {
        let lp = EventLoop::new().unwrap();
        scope.bind_loop(&lp.handle());
        let port = Rc::new(scope.take_port());
        let p = port.clone();
        let seen = Cell::new(0u64);
        port.bind(&lp.handle(), move |e| {
            if let PortEvent::Message(m) = e {
                if m.payload.first() == Some(&1) {
                    p.post_message(m);
                } else {
                    seen.set(seen.get() + 1);
                    if seen.get() % BURST == 0 {
                        p.post_message(Message::new(vec![2]));
                    }
                }
            }
        });
        lp.run(RunMode::Default);
        0
    })
    .unwrap()
}

fn bench(c: &mut Criterion) {
    let mut g = c.benchmark_group("ports");
    g.sample_size(10).measurement_time(Duration::from_secs(5));
    let ev = EventLoop::new().unwrap();
    let h = ev.handle();
    let worker = echo_worker();
    let h2 = h.clone();
    worker.bind(&h, move |e| {
        if let WorkerEvent::Message(_) = e {
            h2.stop();
        }
    });

    g.throughput(Throughput::Elements(1));
    g.bench_function("round_trip", |b| {
        b.iter(|| {
            worker.post_message(Message::new(vec![1; 64]));
            ev.run(RunMode::Default);
        });
    });

    g.throughput(Throughput::Elements(BURST));
    g.bench_function("throughput_10k", |b| {
        b.iter(|| {
            for _ in 0..BURST {
                worker.post_message(Message::new(vec![0; 64]));
            }
            ev.run(RunMode::Default);
        });
    });
    g.finish();
    worker.terminate();
}

criterion_group!(benches, bench);
criterion_main!(benches);
