//! `cargo xtask bench`: nrt and node side by side, in one run, as ratios.
//!
//! - `startup`: hello world, median wall time and peak RSS over 50 runs.
//! - `js [name]`: every `xtask/bench-js/<name>.js` under both runtimes. A script prints
//!   `RESULT <case> <milliseconds>` lines; the table shows node/nrt (above 1: nrt faster).
//! - `http`: `xtask/bench-http/hello.js` (`res.end('hello')`) under both runtimes, each
//!   loaded by `wrk -t2 -c50 -d5s`: req/s, p99 latency, server CPU per request and peak
//!   RSS, with ratios.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::util::{cargo, have, root, run as step, target_dir};

/// `cargo xtask bench [startup | js [name] | http]` (no argument: startup and js).
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
        Some("http") => http(&nrt),
        Some(other) => Err(format!(
            "unknown benchmark {other:?} (known: startup, js, http)"
        )),
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

/// One server's numbers under wrk.
struct HttpRun {
    req_per_s: f64,
    p99_ms: f64,
    cpu_us_per_req: f64,
    peak_rss_mib: f64,
}

fn http(nrt: &Path) -> Result<(), String> {
    if !have("wrk") {
        return Err(
            "wrk is not on PATH: install it (apt-get install wrk) to run `bench http`".into(),
        );
    }
    let script = root().join("xtask").join("bench-http").join("hello.js");
    let ours = http_run(nrt, &script, 18431)?;
    let theirs = if have("node") {
        Some(http_run(Path::new("node"), &script, 18432)?)
    } else {
        None
    };
    println!(
        "{:<6} {:>10} {:>10} {:>14} {:>14}",
        "", "req/s", "p99 ms", "CPU µs/req", "peak RSS MiB"
    );
    let row = |name: &str, r: &HttpRun| {
        println!(
            "{name:<6} {:>10.0} {:>10.2} {:>14.2} {:>14.1}",
            r.req_per_s, r.p99_ms, r.cpu_us_per_req, r.peak_rss_mib
        );
    };
    row("nrt", &ours);
    if let Some(t) = &theirs {
        row("node", t);
        println!(
            "nrt/node: req/s {:.2}x, p99 {:.2}x, CPU per request {:.2}x, RSS {:.2}x",
            ours.req_per_s / t.req_per_s,
            ours.p99_ms / t.p99_ms,
            ours.cpu_us_per_req / t.cpu_us_per_req,
            ours.peak_rss_mib / t.peak_rss_mib
        );
    }
    Ok(())
}

/// Starts `program script` with `PORT=port`, waits for its `ready` line, runs wrk and
/// reads the server's CPU time and peak RSS from /proc before stopping it.
fn http_run(program: &Path, script: &Path, port: u16) -> Result<HttpRun, String> {
    use std::io::{BufRead, BufReader};
    let mut child = Command::new(program)
        .arg(script)
        .env("PORT", port.to_string())
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .map_err(|e| format!("{}: {e}", program.display()))?;
    let mut line = String::new();
    if let Some(out) = child.stdout.take() {
        let _ = BufReader::new(out).read_line(&mut line);
    }
    let pid = child.id();
    let cpu = || -> Option<f64> {
        let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
        let after = stat.rsplit_once(')')?.1;
        let f: Vec<&str> = after.split_whitespace().collect();
        // utime and stime (fields 14 and 15 of stat) in clock ticks of 10 ms.
        Some((f.get(11)?.parse::<f64>().ok()? + f.get(12)?.parse::<f64>().ok()?) * 10_000.0)
    };
    let before = cpu();
    let out = Command::new("wrk")
        .args(["-t2", "-c50", "-d5s", "--latency"])
        .arg(format!("http://127.0.0.1:{port}/"))
        .output()
        .map_err(|e| format!("wrk: {e}"));
    let after = cpu();
    let rss = std::fs::read_to_string(format!("/proc/{pid}/status"))
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1)?.parse::<f64>().ok())
        })
        .unwrap_or(0.0);
    let _ = child.kill();
    let _ = child.wait();
    let out = out?;
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    let field = |prefix: &str| -> Option<&str> {
        text.lines()
            .map(str::trim)
            .find(|l| l.starts_with(prefix))
            .and_then(|l| l.split_whitespace().nth(1))
    };
    let req_per_s: f64 = field("Requests/sec:")
        .and_then(|v| v.parse().ok())
        .ok_or_else(|| format!("no Requests/sec in wrk output:\n{text}"))?;
    let p99_ms = field("99%").map(wrk_ms).unwrap_or(0.0);
    let requests: f64 = text
        .lines()
        .find(|l| l.contains("requests in"))
        .and_then(|l| l.split_whitespace().next()?.parse().ok())
        .unwrap_or(0.0);
    let cpu_us_per_req = match (before, after) {
        (Some(b), Some(a)) if requests > 0.0 => (a - b) / requests,
        _ => 0.0,
    };
    Ok(HttpRun {
        req_per_s,
        p99_ms,
        cpu_us_per_req,
        peak_rss_mib: rss / 1024.0,
    })
}

/// A wrk duration (`850.00us`, `1.25ms`, `2.00s`) in milliseconds.
fn wrk_ms(v: &str) -> f64 {
    let (num, scale) = if let Some(n) = v.strip_suffix("us") {
        (n, 0.001)
    } else if let Some(n) = v.strip_suffix("ms") {
        (n, 1.0)
    } else if let Some(n) = v.strip_suffix('s') {
        (n, 1000.0)
    } else {
        (v, 1.0)
    };
    num.parse::<f64>().unwrap_or(0.0) * scale
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
