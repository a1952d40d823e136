//! Running one of node's `test/parallel` tests the way node's runner (tools/test.py) does:
//! `<binary> [// Flags: …] /abs/path/test/parallel/test-x.js` with node's source root as
//! the working directory, `NODE_PATH` removed, `TEST_THREAD_ID`/`TEST_SERIAL_ID` set (test
//! /common/tmpdir.js names its scratch folder after them, so parallel tests do not share
//! one), under a time limit. It passes when it exits 0 without printing `not ok`.

use std::collections::HashMap;
use std::fs;
use std::io::Read;
use std::path::Path;
use std::process::{Command, Stdio};
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// What happened to one test.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Verdict {
    Passed,
    /// The reason: the first telling line of its output, or the timeout.
    Failed(String),
    /// Not run, or the test skipped itself (`1..0 # Skipped: …`).
    Skipped(String),
}

/// The `// Flags: --a --b` line node's tests use to ask for runtime options (read from the
/// start of the file, as node's runner does).
pub(crate) fn test_flags(source: &str) -> Vec<String> {
    let head: String = source.chars().take(1500).collect();
    let Some(at) = head.find("// Flags:") else {
        return Vec::new();
    };
    let rest = &head[at + "// Flags:".len()..];
    let line = rest.lines().next().unwrap_or("");
    if !line.trim_start().starts_with("--") {
        return Vec::new();
    }
    line.split_whitespace().map(str::to_owned).collect()
}

/// Which options the binary accepts, asked once per option: `<binary> <flag> -e 0` exits 9
/// ("bad option") when it does not.
pub(crate) struct FlagProbe {
    known: Mutex<HashMap<String, bool>>,
}

impl FlagProbe {
    pub(crate) fn new() -> Self {
        FlagProbe {
            known: Mutex::new(HashMap::new()),
        }
    }

    fn accepts(&self, binary: &Path, flag: &str) -> bool {
        if let Some(ok) = self
            .known
            .lock()
            .map(|m| m.get(flag).copied())
            .ok()
            .flatten()
        {
            return ok;
        }
        let ok = Command::new(binary)
            .args([flag, "-e", "0"])
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .is_ok_and(|s| s.code() != Some(9));
        if let Ok(mut m) = self.known.lock() {
            m.insert(flag.to_owned(), ok);
        }
        ok
    }
}

/// Runs `test` (a path under `<root>/test/parallel`) with `binary`.
pub(crate) fn run_test(
    binary: &Path,
    root: &Path,
    test: &Path,
    probe: &FlagProbe,
    thread: usize,
    serial: usize,
    limit: Duration,
) -> Verdict {
    let source = match fs::read_to_string(test) {
        Ok(s) => s,
        Err(e) => return Verdict::Failed(format!("cannot read the test: {e}")),
    };
    let flags = test_flags(&source);
    if let Some(bad) = flags.iter().find(|f| !probe.accepts(binary, f)) {
        return Verdict::Skipped(format!("needs {bad}"));
    }
    let mut cmd = Command::new(binary);
    cmd.args(&flags)
        .arg(test)
        .current_dir(root)
        .env_remove("NODE_PATH")
        .env_remove("NODE_REPL_EXTERNAL_MODULE")
        .env("TEST_THREAD_ID", thread.to_string())
        .env("TEST_SERIAL_ID", serial.to_string())
        .env(TAG_VAR, tag(serial))
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    {
        use std::os::unix::process::CommandExt;
        cmd.process_group(0);
    }
    let mut child = match cmd.spawn() {
        Ok(c) => c,
        Err(e) => return Verdict::Failed(format!("cannot start {}: {e}", binary.display())),
    };
    let readers = [
        child.stdout.take().map(|p| reader(Box::new(p))),
        child.stderr.take().map(|p| reader(Box::new(p))),
    ];
    let started = Instant::now();
    let status = loop {
        match child.try_wait() {
            Ok(Some(s)) => break Some(s),
            Ok(None) if started.elapsed() > limit => break None,
            Ok(None) => std::thread::sleep(Duration::from_millis(10)),
            Err(_) => break None,
        }
    };
    // Whatever the test left running (servers, children holding the pipes) goes with it.
    let _ = Command::new("kill")
        .args(["-s", "KILL", "--", &format!("-{}", child.id())])
        .stdin(Stdio::null())
        .stderr(Stdio::null())
        .status();
    let _ = child.wait();
    kill_strays(&tag(serial));
    let [out, err] = readers.map(|r| {
        r.and_then(|t| t.join().ok())
            .map(|v| String::from_utf8_lossy(&v).into_owned())
            .unwrap_or_default()
    });
    let Some(status) = status else {
        return Verdict::Failed(format!("timed out after {}s", limit.as_secs()));
    };
    judge(status.code(), &out, &err)
}

/// Marks every process a test starts (they inherit it), so that detached children, which
/// leave the test's process group, can be found and ended too.
const TAG_VAR: &str = "NRT_NODE_SUITE_TAG";

fn tag(serial: usize) -> String {
    format!("{}-{serial}", std::process::id())
}

/// Kills the processes whose environment holds this test's tag (Linux `/proc`; elsewhere
/// nothing is found and strays live on).
fn kill_strays(tag: &str) {
    let needle = format!("{TAG_VAR}={tag}\0");
    let Ok(entries) = fs::read_dir("/proc") else {
        return;
    };
    for e in entries.flatten() {
        let name = e.file_name();
        let Some(pid) = name
            .to_str()
            .filter(|n| n.bytes().all(|b| b.is_ascii_digit()))
        else {
            continue;
        };
        let Ok(env) = fs::read(e.path().join("environ")) else {
            continue;
        };
        if env.windows(needle.len()).any(|w| w == needle.as_bytes()) {
            let _ = Command::new("kill")
                .args(["-s", "KILL", "--", pid])
                .stdin(Stdio::null())
                .stderr(Stdio::null())
                .status();
        }
    }
}

fn reader(mut pipe: Box<dyn Read + Send>) -> std::thread::JoinHandle<Vec<u8>> {
    std::thread::spawn(move || {
        let mut v = Vec::new();
        let _ = pipe.read_to_end(&mut v);
        v
    })
}

/// The verdict from the exit code and output.
fn judge(code: Option<i32>, stdout: &str, stderr: &str) -> Verdict {
    if code == Some(0) {
        if let Some(line) = stdout.lines().find(|l| l.starts_with("not ok")) {
            return Verdict::Failed(line.to_owned());
        }
        if let Some(line) = stdout.lines().find(|l| l.starts_with("1..0 # Skipped")) {
            let why = line
                .trim_start_matches("1..0 # Skipped")
                .trim_start_matches(':');
            return Verdict::Skipped(format!("skipped itself:{why}"));
        }
        return Verdict::Passed;
    }
    let how = match code {
        Some(c) => format!("exit {c}"),
        None => "killed by a signal".to_owned(),
    };
    Verdict::Failed(format!("{how}: {}", first_telling_line(stderr)))
}

/// The line of stderr that says what went wrong: the first `…Error…:` line if there is
/// one (node prints the source location and a caret before it), else the first non-blank.
fn first_telling_line(stderr: &str) -> String {
    let lines = || stderr.lines().map(str::trim).filter(|l| !l.is_empty());
    let pick = lines()
        .find(|l| names_an_error(l))
        .or_else(|| lines().next())
        .unwrap_or("(no stderr)");
    pick.chars().take(200).collect()
}

/// `TypeError: …`, `AssertionError [ERR_ASSERTION]: …`, `Uncaught …`.
fn names_an_error(line: &str) -> bool {
    let word_end = line
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == '$'))
        .unwrap_or(line.len());
    let (word, rest) = line.split_at(word_end);
    (word.ends_with("Error") && (rest.starts_with(':') || rest.starts_with(" [")))
        || word == "Uncaught"
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flags_come_from_the_flags_line() {
        let src =
            "// Copyright\n'use strict';\n// Flags: --expose-gc --no-warnings\nrequire('x');\n";
        assert_eq!(test_flags(src), ["--expose-gc", "--no-warnings"]);
        assert!(test_flags("// no flags here\n").is_empty());
        assert!(test_flags("// Flags: none\n").is_empty());
        let late = format!("{}\n// Flags: --expose-gc\n", "x".repeat(2000));
        assert!(
            test_flags(&late).is_empty(),
            "only the head of the file is read"
        );
    }

    #[test]
    fn verdicts() {
        assert_eq!(judge(Some(0), "ok 1\n", ""), Verdict::Passed);
        assert_eq!(
            judge(Some(0), "not ok 2 - boom\n", ""),
            Verdict::Failed("not ok 2 - boom".into())
        );
        assert_eq!(
            judge(Some(0), "1..0 # Skipped: no ipv6\n", ""),
            Verdict::Skipped("skipped itself: no ipv6".into())
        );
        let stderr = "/x/test-a.js:3\nassert(false);\n^\n\nAssertionError [ERR_ASSERTION]: false\n    at x\n";
        assert_eq!(
            judge(Some(1), "", stderr),
            Verdict::Failed("exit 1: AssertionError [ERR_ASSERTION]: false".into())
        );
        assert_eq!(
            judge(None, "", ""),
            Verdict::Failed("killed by a signal: (no stderr)".into())
        );
    }
}
