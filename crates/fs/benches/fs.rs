//! fs throughput: readFile, read streams and writeFile of a 256 MiB file, and
//! stat + readFile of 10 000 small files, in sync and async (one blocking-pool hop per
//! call) forms. `BENCH_FS_MIB` shrinks the big file for quick runs.

// criterion_group! generates an undocumented `pub fn`.
#![allow(missing_docs)]

use std::path::{Path, PathBuf};
use std::time::Duration;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use futures::StreamExt;

const SMALL_FILES: usize = 10_000;

fn big_len() -> usize {
    let mib = std::env::var("BENCH_FS_MIB")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(256usize);
    mib << 20
}

fn rt() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_current_thread()
        .build()
        .unwrap()
}

fn big_file(dir: &Path) -> PathBuf {
    let p = dir.join("big");
    let data: Vec<u8> = (0..big_len()).map(|i| (i % 251) as u8).collect();
    std::fs::write(&p, data).unwrap();
    p
}

fn read_file(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let p = big_file(dir.path());
    let rt = rt();
    let mut g = c.benchmark_group("read_file");
    g.sample_size(10).measurement_time(Duration::from_secs(8));
    g.throughput(Throughput::Bytes(big_len() as u64));
    g.bench_function("sync_256mib", |b| {
        b.iter(|| node_fs::read_file_sync(&p, Default::default()).unwrap())
    });
    g.bench_function("async_256mib", |b| {
        b.iter(|| {
            rt.block_on(node_fs::read_file(&p, Default::default()))
                .unwrap()
        })
    });
    g.finish();
}

fn read_stream(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let p = big_file(dir.path());
    let rt = rt();
    let mut g = c.benchmark_group("read_stream");
    g.sample_size(10).measurement_time(Duration::from_secs(8));
    g.throughput(Throughput::Bytes(big_len() as u64));
    g.bench_function("chunks_64k_256mib", |b| {
        b.iter(|| {
            rt.block_on(async {
                let mut s = node_fs::create_read_stream(&p, Default::default()).unwrap();
                let mut total = 0;
                while let Some(chunk) = s.next().await {
                    total += chunk.unwrap().len();
                }
                assert_eq!(total, big_len());
            })
        })
    });
    g.finish();
}

fn write_file(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("out");
    let data = bytes::Bytes::from(vec![7u8; big_len()]);
    let rt = rt();
    let mut g = c.benchmark_group("write_file");
    g.sample_size(10).measurement_time(Duration::from_secs(8));
    g.throughput(Throughput::Bytes(big_len() as u64));
    g.bench_function("sync_256mib", |b| {
        b.iter(|| node_fs::write_file_sync(&p, &data, Default::default()).unwrap())
    });
    g.bench_function("async_256mib", |b| {
        b.iter(|| {
            rt.block_on(node_fs::write_file(&p, data.clone(), Default::default()))
                .unwrap()
        })
    });
    g.finish();
}

fn small_files(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let paths: Vec<PathBuf> = (0..SMALL_FILES)
        .map(|i| {
            let p = dir.path().join(format!("f{i}"));
            std::fs::write(&p, format!("file number {i}\n")).unwrap();
            p
        })
        .collect();
    let rt = rt();
    let mut g = c.benchmark_group("small_files");
    g.sample_size(10).measurement_time(Duration::from_secs(8));
    g.throughput(Throughput::Elements(SMALL_FILES as u64));
    g.bench_function("stat_read_file_sync_10k", |b| {
        b.iter(|| {
            for p in &paths {
                let st = node_fs::stat_sync(p).unwrap();
                let data = node_fs::read_file_sync(p, Default::default()).unwrap();
                assert_eq!(st.size as usize, data.len());
            }
        })
    });
    g.bench_function("stat_read_file_async_10k", |b| {
        b.iter(|| {
            rt.block_on(async {
                for p in &paths {
                    let st = node_fs::stat(p).await.unwrap();
                    let data = node_fs::read_file(p, Default::default()).await.unwrap();
                    assert_eq!(st.size as usize, data.len());
                }
            })
        })
    });
    g.finish();
}

criterion_group!(benches, read_file, read_stream, write_file, small_files);
criterion_main!(benches);
