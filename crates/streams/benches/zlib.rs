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
    // The same through Readable → zlib.createGzip() → Writable in 64 KiB chunks.
    g.bench_function("gzip_level6_text_stream", |b| {
        b.iter(|| {
            let src = Readable::with_options(
                node_streams::PushSource,
                ReadableOptions {
                    high_water_mark: Some(64 * 1024),
                    ..Default::default()
                },
            );
            for c in data.chunks(64 * 1024) {
                src.push(c.to_vec().into());
            }
            src.push_end();
            let gz = create_gzip(&o).expect("gzip");
            let out = std::rc::Rc::new(std::cell::Cell::new(0usize));
            let o2 = out.clone();
            let dst = Writable::new(sink_fn(move |c| {
                o2.set(o2.get() + c.byte_len());
                Ok(())
            }));
            futures::executor::block_on(pipeline(&[&src, &gz, &dst])).expect("pipeline");
            out.get()
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
