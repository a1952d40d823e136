//! Readable → PassThrough → Writable throughput with 64 KiB chunks (Node's
//! `pipeline(Readable, PassThrough, Writable)`).

use std::task::{Context, Poll};

use bytes::Bytes;
use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use node_streams::{
    pipeline, sink_fn, Chunk, PassThrough, Readable, ReadableOptions, Source, Writable,
};

const CHUNK: usize = 64 * 1024;
const TOTAL: usize = 1 << 30;

struct Repeat {
    chunk: Bytes,
    left: usize,
}

impl Source for Repeat {
    fn poll_pull(
        &mut self,
        _: &mut Context<'_>,
        _: usize,
    ) -> Poll<Result<Option<Chunk>, node_core::NodeError>> {
        if self.left == 0 {
            return Poll::Ready(Ok(None));
        }
        self.left -= 1;
        // A cheap clone: the same 64 KiB buffer, as node's bench reuses one Buffer.
        Poll::Ready(Ok(Some(Chunk::Bytes(self.chunk.clone()))))
    }
}

fn run(total: usize) -> usize {
    let src = Readable::with_options(
        Repeat {
            chunk: Bytes::from(vec![b'x'; CHUNK]),
            left: total / CHUNK,
        },
        ReadableOptions {
            high_water_mark: Some(CHUNK),
            ..Default::default()
        },
    );
    let mid = PassThrough::new();
    let seen = std::rc::Rc::new(std::cell::Cell::new(0usize));
    let s2 = seen.clone();
    let dst = Writable::new(sink_fn(move |c| {
        s2.set(s2.get() + c.byte_len());
        Ok(())
    }));
    futures::executor::block_on(pipeline(&[&src, &mid, &dst])).expect("pipeline");
    seen.get()
}

fn bench(c: &mut Criterion) {
    let mut g = c.benchmark_group("pipeline");
    g.throughput(Throughput::Bytes(TOTAL as u64));
    g.sample_size(10);
    g.bench_function("readable_passthrough_writable_64k", |b| {
        b.iter(|| assert_eq!(run(TOTAL), TOTAL))
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
