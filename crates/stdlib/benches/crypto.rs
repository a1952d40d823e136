//! Hashing throughput: sha256 over 64 MiB (compare: `node` commands in the report).

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use node_stdlib::crypto::create_hash;
use std::hint::black_box;

const SIZE: usize = 64 << 20;

fn hashing(c: &mut Criterion) {
    let data: Vec<u8> = (0..SIZE).map(|i| (i * 31 % 251) as u8).collect();
    let mut g = c.benchmark_group("crypto");
    g.sample_size(10);
    g.throughput(Throughput::Bytes(SIZE as u64));
    g.bench_function("sha256_64mib", |b| {
        b.iter(|| {
            let mut h = create_hash("sha256").unwrap();
            // Feed in 64 KiB chunks, as a stream would.
            for chunk in black_box(&data).chunks(64 << 10) {
                h.update(chunk).unwrap();
            }
            h.digest().unwrap()
        })
    });
    g.bench_function("md5_64mib", |b| {
        b.iter(|| {
            let mut h = create_hash("md5").unwrap();
            h.update(black_box(&data)).unwrap();
            h.digest().unwrap()
        })
    });
    g.finish();
}

criterion_group!(benches, hashing);
criterion_main!(benches);
