//! `cargo xtask bench`: nrt and node side by side, in one run, as ratios.
//!
//! - `startup`: hello world, median wall time and peak RSS over 50 runs.
//! - `js [name]`: every `xtask/bench-js/<name>.js` under both runtimes. A script prints
//!   `RESULT <case> <milliseconds>` lines; the table shows node/nrt (above 1: nrt faster).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::util::{cargo, have, root, run as step, target_dir};

/// `cargo xtask bench [startup | js [name]]` (no argument: everything).
pub(crate) fn run(args: &[String]) -> Result<(), String> {
    let which = args.first().map(String::as_str);
    let nrt = build_release()?;
    if !have("node") {
        println!("node is not on PATH: nrt numbers only, no ratios");
    }
    match which {
        None => {
            startup(&nrt)?;
            js(&nrt, None)
        }
        Some("startup") => startup(&nrt),
        Some("js") => js(&nrt, args.get(1).map(String::as_str)),
        Some(other) => Err(format!("unknown benchmark {other:?} (known: startup, js)")),
    }
}

fn build_release() -> Result<PathBuf, String> {
    step(
        "cargo build --release -p node-runtime",
        cargo().args(["build", "--release", "-p", "node-runtime", "--bin", "nrt"]),
    )?;
    Ok(target_dir().join("release").join("nrt"))
}

fn startup(nrt: &Path) -> Result<(), String> {
    let script = std::env::temp_dir().join("nrt-bench-hello.js");
    std::fs::write(&script, "console.log('hello world');\n").map_err(|e| e.to_string())?;
    let runs = 50;
    let ours = time_runs(nrt, &script, runs)?;
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
            "startup  node/nrt: time {:.1}x, RSS {:.1}x",
            ms(theirs.0) / ms(ours.0),
            theirs.1 / ours.1
        );
    }
    Ok(())
}

fn js(nrt: &Path, only: Option<&str>) -> Result<(), String> {
    let dir = root().join("xtask").join("bench-js");
    let mut scripts: Vec<PathBuf> = std::fs::read_dir(&dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "js"))
        .filter(|p| only.is_none_or(|o| p.file_stem().is_some_and(|s| s == o)))
        .collect();
    scripts.sort();
    println!(
        "{:<28} {:>12} {:>12} {:>9}",
        "case", "nrt ms", "node ms", "node/nrt"
    );
    for script in scripts {
        let ours = results(nrt, &script);
        let theirs = if have("node") {
            results(Path::new("node"), &script)
        } else {
            Ok(BTreeMap::new())
        };
        let stem = script.file_stem().unwrap_or_default().to_string_lossy();
        match (&ours, &theirs) {
            (Err(e), _) => println!("{stem:<28} nrt failed: {e}"),
            (_, Err(e)) => println!("{stem:<28} node failed: {e}"),
            (Ok(o), Ok(t)) => {
                for (case, ms_ours) in o {
                    let ms_theirs = t.get(case).copied();
                    let ratio = ms_theirs.map(|t| format!("{:.2}x", t / ms_ours));
                    println!(
                        "{case:<28} {ms_ours:>12.1} {:>12} {:>9}",
                        ms_theirs.map(|t| format!("{t:.1}")).unwrap_or_default(),
                        ratio.unwrap_or_default()
                    );
                }
            }
        }
    }
    Ok(())
}

/// Runs a bench script and collects its `RESULT <case> <ms>` lines.
fn results(program: &Path, script: &Path) -> Result<BTreeMap<String, f64>, String> {
    let out = Command::new(program)
        .arg(script)
        .stderr(Stdio::inherit())
        .output()
        .map_err(|e| format!("{}: {e}", program.display()))?;
    if !out.status.success() {
        return Err(format!("exit {}", out.status));
    }
    let text = String::from_utf8_lossy(&out.stdout);
    Ok(text
        .lines()
        .filter_map(|l| {
            let mut parts = l.split_whitespace();
            (parts.next()? == "RESULT").then_some(())?;
            let case = parts.next()?.to_owned();
            let ms: f64 = parts.next()?.parse().ok()?;
            Some((case, ms))
        })
        .collect())
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

/// Median wall time and the largest peak RSS (MiB) over `runs` runs.
fn time_runs(program: &Path, script: &Path, runs: usize) -> Result<(Duration, f64), String> {
    let mut times = Vec::with_capacity(runs);
    for _ in 0..runs {
        let start = Instant::now();
        let status = Command::new(program)
            .arg(script)
            .stdout(Stdio::null())
            .status()
            .map_err(|e| format!("{}: {e}", program.display()))?;
        times.push(start.elapsed());
        if !status.success() {
            return Err(format!("{} exited with {status}", program.display()));
        }
    }
    times.sort();
    let rss_kib = peak_rss_kib(program, script).unwrap_or(0);
    Ok((times[runs / 2], rss_kib as f64 / 1024.0))
}

/// Peak RSS of one run, measured by GNU time (`apt-get install time` if missing).
fn peak_rss_kib(program: &Path, script: &Path) -> Option<u64> {
    if !Path::new("/usr/bin/time").is_file() {
        eprintln!("/usr/bin/time not found: peak RSS not measured (apt-get install time)");
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
