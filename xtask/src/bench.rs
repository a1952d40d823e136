//! `cargo xtask bench`: nrt and node side by side, in one run, as ratios.

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::util::{cargo, have, run as run_step, target_dir};

/// `cargo xtask bench [startup]`.
pub(crate) fn run(args: &[String]) -> Result<(), String> {
    let which = args.first().map(String::as_str).unwrap_or("startup");
    match which {
        "startup" => startup(),
        other => Err(format!("unknown benchmark {other:?} (known: startup)")),
    }
}

fn startup() -> Result<(), String> {
    run_step(
        "cargo build --release -p node-runtime",
        cargo().args(["build", "--release", "-p", "node-runtime", "--bin", "nrt"]),
    )?;
    let nrt = target_dir().join("release").join("nrt");
    let script = std::env::temp_dir().join("nrt-bench-hello.js");
    std::fs::write(&script, "console.log('hello world');\n").map_err(|e| e.to_string())?;
    let runs = 50;
    let ours = time_runs(&nrt, &script, runs)?;
    println!(
        "startup  nrt : median {:>7.2} ms  peak RSS {:>6.1} MiB",
        ms(ours.0),
        ours.1
    );
    if have("node") {
        let theirs = time_runs(Path::new("node"), &script, runs)?;
        println!(
            "startup  node: median {:>7.2} ms  peak RSS {:>6.1} MiB",
            ms(theirs.0),
            theirs.1
        );
        println!(
            "ratio node/nrt: time {:.1}x, RSS {:.1}x",
            ms(theirs.0) / ms(ours.0),
            theirs.1 / ours.1
        );
    } else {
        println!("node not on PATH: no side-by-side ratio");
    }
    Ok(())
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

/// Median wall time and the largest peak RSS (MiB) over `runs` runs.
fn time_runs(program: &Path, script: &Path, runs: usize) -> Result<(Duration, f64), String> {
    let mut times = Vec::with_capacity(runs);
    let mut peak_kib = 0u64;
    for _ in 0..runs {
        let start = Instant::now();
        let out = Command::new("/usr/bin/env")
            .arg(program)
            .arg(script)
            .stdout(Stdio::null())
            .status()
            .map_err(|e| format!("{}: {e}", program.display()))?;
        times.push(start.elapsed());
        if !out.success() {
            return Err(format!("{} exited with {out}", program.display()));
        }
        peak_kib = peak_kib.max(max_rss_kib(program, script).unwrap_or(0));
    }
    times.sort();
    Ok((times[runs / 2], peak_kib as f64 / 1024.0))
}

/// Peak RSS of one run, via `getrusage(RUSAGE_CHILDREN)` deltas read from /proc is not
/// available for exited children, so run once more under `/usr/bin/time -f %M` when present.
fn max_rss_kib(program: &Path, script: &Path) -> Option<u64> {
    if !Path::new("/usr/bin/time").is_file() {
        return None;
    }
    let out = Command::new("/usr/bin/time")
        .args(["-f", "%M"])
        .arg(program)
        .arg(script)
        .stdout(Stdio::null())
        .output()
        .ok()?;
    String::from_utf8_lossy(&out.stderr)
        .lines()
        .last()?
        .trim()
        .parse()
        .ok()
}
