//! Scheduling and firing 1M timers, immediates and next ticks.

use std::cell::Cell;
use std::rc::Rc;
use std::time::Duration;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use node_event_loop::{EventLoop, RunMode};

const N: u64 = 1_000_000;

fn bench(c: &mut Criterion) {
    let mut g = c.benchmark_group("event_loop");
    g.sample_size(10).measurement_time(Duration::from_secs(5));
    g.throughput(Throughput::Elements(N));

    g.bench_function("timers_1m", |b| {
        let ev = EventLoop::new().unwrap();
        let h = ev.handle();
        b.iter(|| {
            let n = Rc::new(Cell::new(0u64));
            for i in 0..N {
                let n = n.clone();
                // Node keeps one list per duration; spread over a few durations as real code does.
                h.set_timeout(1 + i % 4, move || n.set(n.get() + 1));
            }
            ev.run(RunMode::Default);
            assert_eq!(n.get(), N);
        });
    });

    g.bench_function("immediates_1m", |b| {
        let ev = EventLoop::new().unwrap();
        let h = ev.handle();
        b.iter(|| {
            let n = Rc::new(Cell::new(0u64));
            for _ in 0..N {
                let n = n.clone();
                h.set_immediate(move || n.set(n.get() + 1));
            }
            ev.run(RunMode::Default);
            assert_eq!(n.get(), N);
        });
    });

    g.bench_function("next_ticks_1m", |b| {
        let ev = EventLoop::new().unwrap();
        let h = ev.handle();
        b.iter(|| {
            let n = Rc::new(Cell::new(0u64));
            for _ in 0..N {
                let n = n.clone();
                h.next_tick(move || n.set(n.get() + 1));
            }
            h.checkpoint();
            assert_eq!(n.get(), N);
        });
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
