//! `cargo xtask node-suite`: node's own `test/parallel` (v20) run under nrt.
//!
//! ```text
//! cargo xtask node-suite [--check | --update] [--nrt PATH] [--jobs N] [--timeout SECS] [filter…]
//! ```
//!
//! - no mode: run the selected tests (all, or those whose name contains a filter) and print
//!   passed / failed / skipped per module prefix (`test-buffer-*` → `buffer`), then each
//!   failure with the line of stderr that says why. Every verdict is also written to
//!   `<target>/node-suite/last-run.txt`.
//! - `--check`: run exactly the tests named in `tests/node-suite/passing.txt`; any failure
//!   fails the command (the regression gate).
//! - `--update`: run the selection and rewrite `passing.txt` (with filters, only the
//!   entries of the selected tests change).
//!
//! When node's tests cannot be had (no curl or tar, no network, checksum mismatch) the
//! command prints why and succeeds: the suite is a measurement, not a build dependency.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use crate::node_suite_exec::{run_test, FlagProbe, Verdict};
use crate::node_suite_source::{cache_dir, ensure, NODE_RELEASE};
use crate::util::{cargo, root, run as run_step, target_dir};

#[derive(Debug, PartialEq, Eq)]
enum Mode {
    Report,
    Check,
    Update,
}

#[derive(Debug)]
struct Options {
    mode: Mode,
    nrt: Option<PathBuf>,
    jobs: usize,
    timeout: Duration,
    filters: Vec<String>,
}

fn parse(args: &[String]) -> Result<Options, String> {
    let mut o = Options {
        mode: Mode::Report,
        nrt: None,
        jobs: std::thread::available_parallelism().map_or(1, |n| n.get()),
        timeout: Duration::from_secs(20),
        filters: Vec::new(),
    };
    let mut it = args.iter();
    while let Some(a) = it.next() {
        let mut value = |name: &str| {
            it.next()
                .cloned()
                .ok_or_else(|| format!("{name} needs a value"))
        };
        match a.as_str() {
            "--check" => o.mode = Mode::Check,
            "--update" => o.mode = Mode::Update,
            "--nrt" => o.nrt = Some(PathBuf::from(value("--nrt")?)),
            "--jobs" | "-j" => {
                o.jobs = value("--jobs")?
                    .parse::<usize>()
                    .map_err(|_| "--jobs takes a number")?
                    .max(1)
            }
            "--timeout" => {
                let secs = value("--timeout")?
                    .parse::<u64>()
                    .map_err(|_| "--timeout takes whole seconds")?;
                o.timeout = Duration::from_secs(secs.max(1));
            }
            f if f.starts_with('-') => return Err(format!("unknown option {f}")),
            f => o.filters.push(f.to_owned()),
        }
    }
    if o.mode == Mode::Check && !o.filters.is_empty() {
        return Err("--check runs the whole passing list; it takes no filter".into());
    }
    Ok(o)
}

fn passing_file() -> PathBuf {
    root().join("tests").join("node-suite").join("passing.txt")
}

fn read_passing() -> BTreeSet<String> {
    fs::read_to_string(passing_file())
        .unwrap_or_default()
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(str::to_owned)
        .collect()
}

const PASSING_HEADER: &str = "\
# node's test/parallel tests (names only) that pass under nrt; `cargo xtask node-suite
# --check` runs them and fails if any fails. Rewritten by `cargo xtask node-suite --update`.
";

fn write_passing(names: &BTreeSet<String>) -> Result<(), String> {
    let mut text = PASSING_HEADER.to_owned();
    text.push_str(&format!("# node {NODE_RELEASE}\n"));
    for n in names {
        text.push_str(n);
        text.push('\n');
    }
    let path = passing_file();
    if let Some(dir) = path.parent() {
        fs::create_dir_all(dir).map_err(|e| e.to_string())?;
    }
    fs::write(&path, text).map_err(|e| format!("cannot write {}: {e}", path.display()))
}

/// `test-buffer-alloc.js` → `buffer`: the module prefix the summary groups by.
fn module_of(name: &str) -> &str {
    let bare = name.strip_prefix("test-").unwrap_or(name);
    bare.split(['-', '.']).next().unwrap_or(bare)
}

fn all_tests(parallel: &Path) -> Result<Vec<String>, String> {
    let mut names: Vec<String> = fs::read_dir(parallel)
        .map_err(|e| format!("cannot list {}: {e}", parallel.display()))?
        .flatten()
        .filter_map(|e| e.file_name().into_string().ok())
        .filter(|n| n.starts_with("test-") && (n.ends_with(".js") || n.ends_with(".mjs")))
        .collect();
    names.sort();
    Ok(names)
}

fn build_nrt() -> Result<PathBuf, String> {
    run_step(
        "cargo build -p node-runtime (nrt)",
        cargo().args(["build", "-p", "node-runtime", "--bin", "nrt"]),
    )?;
    Ok(target_dir().join("debug").join("nrt"))
}

/// Runs `names` on `jobs` threads; verdicts in name order.
fn run_all(
    nrt: &Path,
    source_root: &Path,
    names: &[String],
    jobs: usize,
    timeout: Duration,
) -> BTreeMap<String, Verdict> {
    let parallel = source_root.join("test").join("parallel");
    let next = Arc::new(AtomicUsize::new(0));
    let results = Arc::new(Mutex::new(BTreeMap::new()));
    let probe = Arc::new(FlagProbe::new());
    let done = Arc::new(AtomicUsize::new(0));
    let total = names.len();
    // Verdicts also go to the log as they come, so a long run can be watched.
    let log = Mutex::new(fs::File::create(cache_dir().join("last-run.txt")).ok());
    std::thread::scope(|s| {
        for thread in 0..jobs.min(total.max(1)) {
            let (next, results, probe, done, log) = (&next, &results, &probe, &done, &log);
            let parallel = &parallel;
            s.spawn(move || loop {
                let i = next.fetch_add(1, Ordering::SeqCst);
                let Some(name) = names.get(i) else { break };
                let verdict = run_test(
                    nrt,
                    source_root,
                    &parallel.join(name),
                    probe,
                    thread,
                    i,
                    timeout,
                );
                let n = done.fetch_add(1, Ordering::SeqCst) + 1;
                if n % 100 == 0 {
                    eprintln!("    … {n}/{total}");
                }
                if let Ok(mut f) = log.lock()
                    && let Some(f) = f.as_mut()
                {
                    use std::io::Write;
                    let _ = f.write_all(verdict_line(name, &verdict).as_bytes());
                }
                if let Ok(mut r) = results.lock() {
                    r.insert(name.clone(), verdict);
                }
            });
        }
    });
    Arc::try_unwrap(results)
        .ok()
        .and_then(|m| m.into_inner().ok())
        .unwrap_or_default()
}

#[derive(Default)]
struct Tally {
    passed: usize,
    failed: usize,
    skipped: usize,
}

fn report(results: &BTreeMap<String, Verdict>) -> String {
    let mut per_module: BTreeMap<&str, Tally> = BTreeMap::new();
    let mut total = Tally::default();
    for (name, v) in results {
        let t = per_module.entry(module_of(name)).or_default();
        for t in [t, &mut total] {
            match v {
                Verdict::Passed => t.passed += 1,
                Verdict::Failed(_) => t.failed += 1,
                Verdict::Skipped(_) => t.skipped += 1,
            }
        }
    }
    let mut out = format!(
        "{:<24} {:>7} {:>7} {:>7} {:>7}\n",
        "module", "passed", "failed", "skipped", "total"
    );
    for (m, t) in per_module.iter().chain([(&"(all)", &total)]) {
        out.push_str(&format!(
            "{:<24} {:>7} {:>7} {:>7} {:>7}\n",
            format!("test-{m}-*").replace("test-(all)-*", "(all)"),
            t.passed,
            t.failed,
            t.skipped,
            t.passed + t.failed + t.skipped
        ));
    }
    out
}

fn verdict_line(name: &str, v: &Verdict) -> String {
    match v {
        Verdict::Passed => format!("PASS {name}\n"),
        Verdict::Failed(why) => format!("FAIL {name}: {why}\n"),
        Verdict::Skipped(why) => format!("SKIP {name}: {why}\n"),
    }
}

/// Rewrites the log in name order once the run is over.
fn write_last_run(results: &BTreeMap<String, Verdict>) {
    let text: String = results.iter().map(|(n, v)| verdict_line(n, v)).collect();
    let _ = fs::write(cache_dir().join("last-run.txt"), text);
}

/// `cargo xtask node-suite …`.
pub(crate) fn run(args: &[String]) -> Result<(), String> {
    let opts = parse(args)?;
    let source_root = match ensure() {
        Ok(r) => r,
        Err(why) => {
            println!("node-suite: skipped: node's tests are unavailable here: {why}");
            return Ok(());
        }
    };
    let every = all_tests(&source_root.join("test").join("parallel"))?;
    let names: Vec<String> = match opts.mode {
        Mode::Check => {
            let listed = read_passing();
            let present: BTreeSet<&String> = every.iter().collect();
            if let Some(gone) = listed.iter().find(|n| !present.contains(n)) {
                return Err(format!(
                    "passing.txt names {gone}, which node {NODE_RELEASE} lacks"
                ));
            }
            listed.into_iter().collect()
        }
        _ => every
            .into_iter()
            .filter(|n| opts.filters.is_empty() || opts.filters.iter().any(|f| n.contains(f)))
            .collect(),
    };
    let nrt = match &opts.nrt {
        Some(p) => p.clone(),
        None => build_nrt()?,
    };
    let nrt = fs::canonicalize(&nrt).map_err(|e| format!("{}: {e}", nrt.display()))?;
    eprintln!(
        "==> node {NODE_RELEASE} test/parallel: {} test(s), {} job(s), {}s limit each",
        names.len(),
        opts.jobs,
        opts.timeout.as_secs()
    );
    let started = Instant::now();
    let results = run_all(&nrt, &source_root, &names, opts.jobs, opts.timeout);
    write_last_run(&results);
    let failures: Vec<(&String, &String)> = results
        .iter()
        .filter_map(|(n, v)| match v {
            Verdict::Failed(why) => Some((n, why)),
            _ => None,
        })
        .collect();
    if opts.mode != Mode::Check {
        print!("{}", report(&results));
    }
    for (name, why) in &failures {
        println!("FAIL {name}: {why}");
    }
    println!(
        "node-suite: {} run in {:.0}s; per-test verdicts in {}",
        results.len(),
        started.elapsed().as_secs_f64(),
        cache_dir().join("last-run.txt").display()
    );
    match opts.mode {
        Mode::Report => Ok(()),
        Mode::Update => {
            let mut passing = read_passing();
            for (name, v) in &results {
                if *v == Verdict::Passed {
                    passing.insert(name.clone());
                } else {
                    passing.remove(name);
                }
            }
            write_passing(&passing)?;
            println!(
                "node-suite: passing.txt now lists {} test(s)",
                passing.len()
            );
            Ok(())
        }
        Mode::Check => {
            let not_passed: Vec<&String> = results
                .iter()
                .filter(|(_, v)| **v != Verdict::Passed)
                .map(|(n, _)| n)
                .collect();
            if not_passed.is_empty() {
                println!(
                    "node-suite --check: all {} listed test(s) pass",
                    results.len()
                );
                Ok(())
            } else {
                for n in &not_passed {
                    if let Some(Verdict::Skipped(why)) = results.get(*n) {
                        println!("NOT RUN {n}: {why}");
                    }
                }
                Err(format!(
                    "{} test(s) of passing.txt no longer pass",
                    not_passed.len()
                ))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn modules_are_the_first_word() {
        assert_eq!(module_of("test-buffer-alloc.js"), "buffer");
        assert_eq!(module_of("test-fs-read.mjs"), "fs");
        assert_eq!(module_of("test-timers.js"), "timers");
    }

    #[test]
    fn options() {
        let a = |v: &[&str]| parse(&v.iter().map(|s| s.to_string()).collect::<Vec<_>>());
        let o = a(&["--update", "--jobs", "3", "buffer", "fs"]).unwrap();
        assert_eq!(o.mode, Mode::Update);
        assert_eq!(o.jobs, 3);
        assert_eq!(o.filters, ["buffer", "fs"]);
        assert!(a(&["--check", "buffer"]).is_err());
        assert!(a(&["--bogus"]).is_err());
        assert!(a(&["--timeout"]).is_err());
    }

    #[test]
    fn the_report_counts_per_module() {
        let mut r = BTreeMap::new();
        r.insert("test-fs-a.js".to_owned(), Verdict::Passed);
        r.insert("test-fs-b.js".to_owned(), Verdict::Failed("x".into()));
        r.insert("test-os.js".to_owned(), Verdict::Skipped("y".into()));
        let text = report(&r);
        assert!(
            text.contains("test-fs-*                      1       1       0       2"),
            "{text}"
        );
        assert!(
            text.contains("(all)                          1       1       1       3"),
            "{text}"
        );
    }
}
