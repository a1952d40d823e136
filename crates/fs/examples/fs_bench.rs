//! Side-by-side timing with `node`: the same operations as `bench/fs_bench.js`, reported
//! as best and median of N runs so the two can be compared on a busy machine.
//!
//! `cargo run --release -p node-fs --example fs_bench` (`BENCH_FS_MIB` and `BENCH_RUNS`
//! change the file size and the run count).

use std::path::PathBuf;
use std::time::Instant;

use futures::StreamExt;

fn report(name: &str, mut times: Vec<f64>, amount: f64, unit: &str) {
    times.sort_by(|a, b| a.total_cmp(b));
    let (best, median) = (times[0], times[times.len() / 2]);
    println!(
        "{name:<40} best {best:>9.2} ms  median {median:>9.2} ms  {:>8.0} {unit} (median)",
        amount / (median / 1e3)
    );
}

fn time(runs: usize, mut f: impl FnMut()) -> Vec<f64> {
    f();
    (0..runs)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed().as_secs_f64() * 1e3
        })
        .collect()
}

fn main() {
    let mib: usize = std::env::var("BENCH_FS_MIB")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(256);
    let runs: usize = std::env::var("BENCH_RUNS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(10);
    let len = mib << 20;
    let dir = tempfile::tempdir().unwrap();
    let big = dir.path().join("big");
    std::fs::write(&big, (0..len).map(|i| (i % 251) as u8).collect::<Vec<u8>>()).unwrap();
    let rt = tokio::runtime::Builder::new_current_thread()
        .build()
        .unwrap();
    let m = mib as f64;

    report(
        "read_file/sync_256mib",
        time(runs, || {
            assert_eq!(
                node_fs::read_file_sync(&big, Default::default())
                    .unwrap()
                    .len(),
                len
            );
        }),
        m,
        "MiB/s",
    );
    report(
        "read_file/async_256mib",
        time(runs, || {
            let data = rt
                .block_on(node_fs::read_file(&big, Default::default()))
                .unwrap();
            assert_eq!(data.len(), len);
        }),
        m,
        "MiB/s",
    );
    report(
        "read_stream/chunks_64k_256mib",
        time(runs, || {
            rt.block_on(async {
                let mut s = node_fs::create_read_stream(&big, Default::default()).unwrap();
                let mut n = 0;
                while let Some(c) = s.next().await {
                    n += c.unwrap().len();
                }
                assert_eq!(n, len);
            })
        }),
        m,
        "MiB/s",
    );
    let out = dir.path().join("out");
    let data = bytes::Bytes::from(vec![7u8; len]);
    report(
        "write_file/sync_256mib",
        time(runs, || {
            node_fs::write_file_sync(&out, &data, Default::default()).unwrap();
        }),
        m,
        "MiB/s",
    );
    report(
        "write_file/async_256mib",
        time(runs, || {
            rt.block_on(node_fs::write_file(&out, data.clone(), Default::default()))
                .unwrap();
        }),
        m,
        "MiB/s",
    );
    let files: Vec<PathBuf> = (0..10_000)
        .map(|i| {
            let p = dir.path().join(format!("f{i}"));
            std::fs::write(&p, format!("file number {i}\n")).unwrap();
            p
        })
        .collect();
    report(
        "small_files/stat_read_file_sync_10k",
        time(runs, || {
            for p in &files {
                let st = node_fs::stat_sync(p).unwrap();
                assert_eq!(
                    st.size as usize,
                    node_fs::read_file_sync(p, Default::default())
                        .unwrap()
                        .len()
                );
            }
        }),
        10_000.0,
        "files/s",
    );
    report(
        "small_files/stat_read_file_async_10k",
        time(runs, || {
            rt.block_on(async {
                for p in &files {
                    let st = node_fs::stat(p).await.unwrap();
                    let d = node_fs::read_file(p, Default::default()).await.unwrap();
                    assert_eq!(st.size as usize, d.len());
                }
            })
        }),
        10_000.0,
        "files/s",
    );
}
