//! gzip level 6 of text (Node's `zlib.gzipSync(text, { level: 6 })`).

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use node_streams::zlib::{create_gzip, gzip_sync, ZlibOptions};
use node_streams::{pipeline, sink_fn, Readable, ReadableOptions, Writable};

fn text() -> Vec<u8> {
    let mut s = String::new();
    let mut i = 0u64;
    while s.len() < 16 << 20 {
        s.push_str(&format!(
            "{i} The quick brown fox jumps over the lazy dog; streams, buffers and zlib {}\n",
            i.wrapping_mul(2654435761) % 100_000
        ));
        i += 1;
    }
    s.into_bytes()
}

fn bench(c: &mut Criterion) {
    let data = text();
    let mut g = c.benchmark_group("zlib");
    g.throughput(Throughput::Bytes(data.len() as u64));
    g.sample_size(10);
    let o = ZlibOptions {
        level: 6,
        ..Default::default()
    };
    g.bench_function("gzip_level6_text", |b| {
        b.iter(|| gzip_sync(&data, &o).expect("gzip"))
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
