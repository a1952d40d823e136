//! Side-by-side timing with `node`: the same operations as `bench/fs_bench.js`, reported
//! as best and median of N runs so the two can be compared on a busy machine.
//!
//! `cargo run --release -p node-fs --example fs_bench` (`BENCH_FS_MIB`, `BENCH_RUNS` and
//! `BENCH_ONLY=<substring>` change the file size, the run count and the cases).

use std::path::PathBuf;
use std::time::Instant;

use futures::StreamExt;

/// Runs `f` once to warm up, then `runs` times, and prints best and median.
fn case(name: &str, runs: usize, amount: f64, unit: &str, mut f: impl FnMut()) {
    if std::env::var("BENCH_ONLY").is_ok_and(|only| !name.contains(&only)) {
        return;
    }
    f();
    let mut times: Vec<f64> = (0..runs)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed().as_secs_f64() * 1e3
        })
        .collect();
    times.sort_by(|a, b| a.total_cmp(b));
    let (best, median) = (times[0], times[times.len() / 2]);
    println!(
        "{name:<40} best {best:>9.2} ms  median {median:>9.2} ms  {:>8.0} {unit} (median)",
        amount / (median / 1e3)
    );
}

fn env(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

fn main() {
    let mib = env("BENCH_FS_MIB", 256);
    let runs = env("BENCH_RUNS", 10).max(1);
    let len = mib << 20;
    let m = mib as f64;
    let dir = tempfile::tempdir().unwrap();
    let big = dir.path().join("big");
    let pattern: Vec<u8> = (0..len).map(|i| (i % 251) as u8).collect();
    std::fs::write(&big, pattern).unwrap();
    let rt = tokio::runtime::Builder::new_current_thread()
        .build()
        .unwrap();

    case("read_file/sync_256mib", runs, m, "MiB/s", || {
        let data = node_fs::read_file_sync(&big, Default::default()).unwrap();
        assert_eq!(data.len(), len);
    });
    case("read_file/async_256mib", runs, m, "MiB/s", || {
        let data = rt
            .block_on(node_fs::read_file(&big, Default::default()))
            .unwrap();
        assert_eq!(data.len(), len);
    });
    case("read_stream/chunks_64k_256mib", runs, m, "MiB/s", || {
        rt.block_on(async {
            let mut s = node_fs::create_read_stream(&big, Default::default()).unwrap();
            let mut n = 0;
            while let Some(c) = s.next().await {
                n += c.unwrap().len();
            }
            assert_eq!(n, len);
        })
    });
    let out = dir.path().join("out");
    let data = bytes::Bytes::from(vec![7u8; len]);
    case("write_file/sync_256mib", runs, m, "MiB/s", || {
        node_fs::write_file_sync(&out, &data, Default::default()).unwrap();
    });
    case("write_file/async_256mib", runs, m, "MiB/s", || {
        rt.block_on(node_fs::write_file(&out, data.clone(), Default::default()))
            .unwrap();
    });
    let files: Vec<PathBuf> = (0..10_000)
        .map(|i| {
            let p = dir.path().join(format!("f{i}"));
            std::fs::write(&p, format!("file number {i}\n")).unwrap();
            p
        })
        .collect();
    case(
        "small_files/stat_read_file_sync_10k",
        runs,
        10_000.0,
        "files/s",
        || {
            for p in &files {
                let st = node_fs::stat_sync(p).unwrap();
                let d = node_fs::read_file_sync(p, Default::default()).unwrap();
                assert_eq!(st.size as usize, d.len());
            }
        },
    );
    case(
        "small_files/stat_read_file_async_10k",
        runs,
        10_000.0,
        "files/s",
        || {
            rt.block_on(async {
                for p in &files {
                    let st = node_fs::stat(p).await.unwrap();
                    let d = node_fs::read_file(p, Default::default()).await.unwrap();
                    assert_eq!(st.size as usize, d.len());
                }
            })
        },
    );
}
