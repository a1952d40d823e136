//! Benchmarks: spawn + wait of `true`, and a 64 MiB round trip through `cat`.

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use node_child_process::spawn;
use tokio::io::{AsyncReadExt, AsyncWriteExt};

fn rt() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("runtime")
}

fn spawn_true(c: &mut Criterion) {
    let rt = rt();
    c.bench_function("spawn_true", |b| {
        b.iter(|| {
            rt.block_on(async {
                let mut child = spawn("true", &[], Default::default()).expect("spawn");
                black_box(child.wait().await.expect("wait"));
            })
        })
    });
}

fn cat_round_trip(c: &mut Criterion) {
    const SIZE: usize = 64 * 1024 * 1024;
    let rt = rt();
    let data = vec![b'x'; SIZE];
    let mut g = c.benchmark_group("cat");
    g.sample_size(10);
    g.throughput(Throughput::Bytes(SIZE as u64));
    g.bench_function("round_trip_64MiB", |b| {
        b.iter(|| {
            rt.block_on(async {
                let mut child = spawn("cat", &[], Default::default()).expect("spawn");
                let mut stdin = child.take_stdin().expect("stdin");
                let mut stdout = child.take_stdout().expect("stdout");
                let data = &data;
                let write = async move {
                    stdin.write_all(data).await.expect("write");
                    drop(stdin);
                };
                let read = async move {
                    let mut n = 0;
                    let mut buf = vec![0u8; 64 * 1024];
                    loop {
                        let k = stdout.read(&mut buf).await.expect("read");
                        if k == 0 {
                            break n;
                        }
                        n += k;
                    }
                };
                let ((), n) = tokio::join!(write, read);
                assert_eq!(n, SIZE);
                child.wait().await.expect("wait");
            })
        })
    });
    g.finish();
}

criterion_group!(benches, spawn_true, cat_round_trip);
criterion_main!(benches);
