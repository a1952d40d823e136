//! 10M emits to one listener.

use std::cell::Cell;
use std::rc::Rc;
use std::time::Duration;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use node_core::{Callback, EventEmitter, EventKey};

const N: u64 = 10_000_000;

fn bench(c: &mut Criterion) {
    let mut g = c.benchmark_group("emitter");
    g.sample_size(10).measurement_time(Duration::from_secs(5));
    g.throughput(Throughput::Elements(N));
    g.bench_function("emit_10m_one_listener", |b| {
        let e = EventEmitter::new();
        let n = Rc::new(Cell::new(0u64));
        let n2 = n.clone();
        e.on("data", Callback::new(move |v: &u64| n2.set(n2.get() + v)))
            .unwrap();
        let key = EventKey::from("data");
        b.iter(|| {
            n.set(0);
            for _ in 0..N {
                e.emit(&key, &1).unwrap();
            }
            assert_eq!(n.get(), N);
        });
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
