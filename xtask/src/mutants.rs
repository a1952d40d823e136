//! `cargo xtask mutants`: proves the event-loop ordering tests can fail.
//!
//! Each mutant breaks one ordering rule of node-event-loop on purpose — two phases swapped,
//! a checkpoint dropped, a queue drained in the wrong order — in a copy of the workspace,
//! then runs the crate's unit and integration tests there. A mutant must make at least one
//! test fail (or hang, which the run's time limit turns into a kill); a mutant that passes
//! every test is a hole in the suite, and the command fails naming it. A mutation whose
//! source text is gone means the code moved: the command fails so the list gets updated
//! instead of silently testing nothing.

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::util::{root, target_dir};

/// One deliberate break: replace each `(from, to)` in `file`; `from` must occur exactly once.
struct Mutant {
    name: &'static str,
    file: &'static str,
    edits: &'static [(&'static str, &'static str)],
}

const LOOP: &str = "crates/event-loop/src/event_loop.rs";
const SHARED: &str = "crates/event-loop/src/shared.rs";
const TIMERS: &str = "crates/event-loop/src/timers.rs";

const MUTANTS: &[Mutant] = &[
    Mutant {
        name: "check phase before poll phase",
        file: LOOP,
        edits: &[(
            "self.poll_io(timeout).await;\n            self.run_check();",
            "self.run_check();\n            self.poll_io(timeout).await;",
        )],
    },
    Mutant {
        name: "timers phase before check phase",
        file: LOOP,
        edits: &[(
            "self.run_check();\n            self.run_closing();\n            sh.update_time();\n            self.run_timers();",
            "sh.update_time();\n            self.run_timers();\n            self.run_check();\n            self.run_closing();",
        )],
    },
    Mutant {
        name: "close callbacks before check phase",
        file: LOOP,
        edits: &[(
            "self.run_check();\n            self.run_closing();",
            "self.run_closing();\n            self.run_check();",
        )],
    },
    Mutant {
        name: "pending phase after poll phase",
        file: LOOP,
        edits: &[
            ("            self.run_pending();\n", ""),
            (
                "self.poll_io(timeout).await;",
                "self.poll_io(timeout).await;\n            self.run_pending();",
            ),
        ],
    },
    Mutant {
        name: "no due-timer run before the first iteration (libuv >= 1.45)",
        file: LOOP,
        edits: &[(
            "            sh.update_time();\n            self.run_timers();\n        }\n        while",
            "            sh.update_time();\n        }\n        while",
        )],
    },
    Mutant {
        name: "immediates queued during the check phase run in the same phase",
        file: LOOP,
        edits: &[(
            "    fn run_check(&self) {\n        let sh = self.shared;",
            "    fn run_check(&self) {\n        self.run_check_once();\n        self.run_check_once();\n    }\n\n    fn run_check_once(&self) {\n        let sh = self.shared;",
        )],
    },
    Mutant {
        name: "no checkpoint between timer callbacks",
        file: LOOP,
        edits: &[(
            "after_fire(fired, now);\n            sh.checkpoint();",
            "after_fire(fired, now);",
        )],
    },
    Mutant {
        name: "no checkpoint between immediate callbacks",
        file: LOOP,
        edits: &[(
            "                task();\n                sh.checkpoint();",
            "                task();",
        )],
    },
    Mutant {
        name: "no checkpoint between I/O callbacks",
        file: LOOP,
        edits: &[(
            "        let batch = std::mem::take(&mut *sh.completions.borrow_mut());\n        for task in batch {\n            task();\n            sh.checkpoint();",
            "        let batch = std::mem::take(&mut *sh.completions.borrow_mut());\n        for task in batch {\n            task();",
        )],
    },
    Mutant {
        name: "checkpoint runs microtasks before next ticks",
        file: SHARED,
        edits: &[
            (
                "let tick = self.ticks.borrow_mut().pop_front();",
                "let tick = self.MUTANT_QUEUE.borrow_mut().pop_front();",
            ),
            (
                "let task = self.microtasks.borrow_mut().pop_front();",
                "let task = self.ticks.borrow_mut().pop_front();",
            ),
            ("self.MUTANT_QUEUE", "self.microtasks"),
        ],
    },
    Mutant {
        name: "checkpoint drains each queue once instead of until both stay empty",
        file: SHARED,
        edits: &[(
            "if !ran && self.ticks.borrow().is_empty() && self.microtasks.borrow().is_empty() {\n                break;\n            }",
            "let _ = ran;\n            break;",
        )],
    },
    Mutant {
        name: "equal deadlines fire newest first",
        file: TIMERS,
        edits: &[(
            "list.items.push_back((key, now, token));",
            "list.items.push_front((key, now, token));",
        )],
    },
    Mutant {
        name: "no 1 ms minimum delay",
        file: TIMERS,
        edits: &[("delay: delay.max(1),", "delay,")],
    },
    Mutant {
        name: "unref() leaves the timer keeping the loop alive",
        file: TIMERS,
        edits: &[(
            "self.with(|t, _| t.set_ref(self.key, false));",
            "self.with(|t, _| t.set_ref(self.key, true));",
        )],
    },
    Mutant {
        name: "refresh() does nothing",
        file: TIMERS,
        edits: &[(
            "self.with(|t, now| t.arm(self.key, now));",
            "self.with(|_, _| {});",
        )],
    },
];

/// How long one mutant's tests may run before they count as hung (and so caught).
const TEST_LIMIT: Duration = Duration::from_secs(30);

pub(crate) fn run(args: &[String]) -> Result<(), String> {
    if let Some(extra) = args.first() {
        return Err(format!("unexpected argument {extra:?}"));
    }
    let copy = target_dir().join("mutants").join("src");
    copy_workspace(&root(), &copy)?;
    let target = target_dir().join("mutants").join("target");

    eprintln!("==> baseline: node-event-loop tests on the unmutated copy");
    match test(&copy, &target)? {
        Outcome::Passed => {}
        other => return Err(format!("the unmutated tests do not pass: {other:?}")),
    }

    let mut survivors = Vec::new();
    for m in MUTANTS {
        let path = copy.join(m.file);
        let original = fs::read_to_string(&path).map_err(|e| format!("{}: {e}", m.file))?;
        let mutated = apply(&original, m)?;
        // A line before each build keeps the log moving: a mutant's build and tests can take
        // a minute on a 2-core machine.
        eprintln!("testing   {}", m.name);
        fs::write(&path, mutated).map_err(|e| format!("{}: {e}", m.file))?;
        let outcome = test(&copy, &target);
        fs::write(&path, &original).map_err(|e| format!("{}: {e}", m.file))?;
        match outcome? {
            Outcome::Passed => {
                println!("SURVIVED  {}", m.name);
                survivors.push(m.name);
            }
            Outcome::Failed(tests) => {
                let names: Vec<_> = tests.into_iter().collect();
                println!("caught    {} — by {}", m.name, names.join(", "));
            }
            Outcome::Hung => println!("caught    {} — tests hung (killed)", m.name),
            Outcome::NoBuild => println!("caught    {} — does not compile", m.name),
        }
    }
    if survivors.is_empty() {
        println!("all {} mutants caught", MUTANTS.len());
        Ok(())
    } else {
        Err(format!(
            "{} mutant(s) pass every test: {}",
            survivors.len(),
            survivors.join("; ")
        ))
    }
}

/// Applies a mutant's edits in order; each `from` must occur exactly once.
fn apply(source: &str, m: &Mutant) -> Result<String, String> {
    let mut s = source.to_owned();
    for (from, to) in m.edits {
        let n = s.matches(from).count();
        if n != 1 {
            return Err(format!(
                "mutant {:?}: expected one occurrence in {} of {from:?}, found {n} \
                 (the code moved: update xtask/src/mutants.rs)",
                m.name, m.file
            ));
        }
        s = s.replacen(from, to, 1);
    }
    Ok(s)
}

#[derive(Debug)]
enum Outcome {
    Passed,
    Failed(BTreeSet<String>),
    Hung,
    NoBuild,
}

fn cargo_in(copy: &Path, target: &Path) -> Command {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let mut cmd = Command::new(cargo);
    cmd.current_dir(copy).env("CARGO_TARGET_DIR", target);
    cmd.args(["test", "-p", "node-event-loop", "--lib", "--tests"]);
    cmd
}

/// Builds and runs node-event-loop's unit and integration tests in `copy`.
fn test(copy: &Path, target: &Path) -> Result<Outcome, String> {
    let built = cargo_in(copy, target)
        .args(["--no-run", "--quiet"])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .map_err(|e| format!("cannot start cargo: {e}"))?;
    if !built.success() {
        return Ok(Outcome::NoBuild);
    }
    let out_path = target.join("mutant-test.log");
    let log = fs::File::create(&out_path).map_err(|e| e.to_string())?;
    let mut child = {
        use std::os::unix::process::CommandExt;
        cargo_in(copy, target)
            .args(["--no-fail-fast", "--", "--test-threads=1"])
            .stdout(log.try_clone().map_err(|e| e.to_string())?)
            .stderr(log)
            .stdin(Stdio::null())
            .process_group(0)
            .spawn()
            .map_err(|e| format!("cannot start cargo: {e}"))?
    };
    let started = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().map_err(|e| e.to_string())? {
            break Some(status);
        }
        if started.elapsed() > TEST_LIMIT {
            // The test binaries are cargo's children: kill the whole group.
            // `--` so that no kill(1) reads the negative process-group id as an option.
            let _ = Command::new("kill")
                .args(["-s", "KILL", "--", &format!("-{}", child.id())])
                .stdin(Stdio::null())
                .status();
            let _ = child.wait();
            break None;
        }
        std::thread::sleep(Duration::from_millis(100));
    };
    let Some(status) = status else {
        return Ok(Outcome::Hung);
    };
    if status.success() {
        return Ok(Outcome::Passed);
    }
    let log = fs::read_to_string(&out_path).unwrap_or_default();
    let failed: BTreeSet<String> = log
        .lines()
        .filter_map(|l| l.strip_prefix("test ")?.strip_suffix(" ... FAILED"))
        .map(str::to_owned)
        .collect();
    Ok(Outcome::Failed(failed))
}

/// Copies the workspace's files (tracked and untracked, not ignored) into `dest`, replacing
/// what an earlier run left there.
fn copy_workspace(root: &Path, dest: &Path) -> Result<(), String> {
    let out = Command::new("git")
        .current_dir(root)
        .args([
            "ls-files",
            "-z",
            "--cached",
            "--others",
            "--exclude-standard",
        ])
        .output()
        .map_err(|e| format!("cannot run git ls-files: {e}"))?;
    if !out.status.success() {
        return Err("git ls-files failed (mutants copies the workspace's git files)".into());
    }
    if dest.exists() {
        fs::remove_dir_all(dest).map_err(|e| format!("{}: {e}", dest.display()))?;
    }
    for rel in out.stdout.split(|&b| b == 0).filter(|p| !p.is_empty()) {
        let rel = PathBuf::from(String::from_utf8_lossy(rel).into_owned());
        let from = root.join(&rel);
        if !from.is_file() {
            continue; // deleted in the working tree
        }
        let to = dest.join(&rel);
        if let Some(dir) = to.parent() {
            fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        }
        fs::copy(&from, &to).map_err(|e| format!("{}: {e}", rel.display()))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_mutant_applies_to_the_current_source() {
        let root = root();
        for m in MUTANTS {
            let src = fs::read_to_string(root.join(m.file)).unwrap();
            let mutated = apply(&src, m).unwrap();
            assert_ne!(mutated, src, "{}", m.name);
        }
    }

    #[test]
    fn a_missing_or_repeated_pattern_is_an_error() {
        let m = Mutant {
            name: "t",
            file: "f",
            edits: &[("x", "y")],
        };
        assert!(apply("abc", &m).is_err());
        assert!(apply("xx", &m).is_err());
        assert_eq!(apply("axc", &m).unwrap(), "ayc");
    }
}
