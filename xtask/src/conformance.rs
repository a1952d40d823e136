//! The JS conformance suite: `tests/conformance/<module>/<case>.js` with golden files
//! recorded from node.
//!
//! A case is a `.js`/`.mjs`/`.cjs` file with a sibling `<case>.stdout`; other scripts are
//! helpers the cases load. Beside it may stand `<case>.stderr` (compared when present),
//! `<case>.status` (exit code, default 0), `<case>.stdout.alt` (a second accepted stdout for
//! output node itself does not fix, such as setTimeout-vs-setImmediate from the main
//! module), `<case>.args` (extra arguments) and `<case>.stdin` (fed to stdin).
//! Cases run with the case's folder as the working directory. Known divergences are
//! listed in `tests/conformance/divergences.txt`.

use std::collections::BTreeMap;
use std::fs;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::util::{cargo, have, root, run as run_step, target_dir};

const CASE_TIMEOUT: Duration = Duration::from_secs(30);

fn suite_dir() -> PathBuf {
    root().join("tests").join("conformance")
}

fn is_script(p: &Path) -> bool {
    matches!(
        p.extension().and_then(|e| e.to_str()),
        Some("js" | "mjs" | "cjs")
    )
}

fn with_suffix(case: &Path, suffix: &str) -> PathBuf {
    let mut s = case.as_os_str().to_owned();
    s.push(suffix);
    PathBuf::from(s)
}

fn golden(case: &Path, ext: &str) -> PathBuf {
    with_suffix(&case.with_extension(""), ext)
}

fn collect(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    let mut entries: Vec<_> = entries.flatten().map(|e| e.path()).collect();
    entries.sort();
    for p in entries {
        let name = p.file_name().and_then(|n| n.to_str()).unwrap_or("");
        if p.is_dir() {
            if name != "node_modules" && !name.starts_with('.') {
                collect(&p, out);
            }
        } else if is_script(&p) && golden(&p, ".stdout").is_file() {
            out.push(p);
        }
    }
}

fn cases(filter: Option<&str>) -> Vec<PathBuf> {
    let mut all = Vec::new();
    collect(&suite_dir(), &mut all);
    all.retain(|p| filter.is_none_or(|f| p.to_string_lossy().contains(f)));
    all
}

/// `path | issue | reason` lines.
fn divergences() -> BTreeMap<String, String> {
    let text = fs::read_to_string(suite_dir().join("divergences.txt")).unwrap_or_default();
    text.lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .filter_map(|l| {
            let mut parts = l.splitn(2, '|');
            let path = parts.next()?.trim().to_owned();
            Some((path, parts.next().unwrap_or("").trim().to_owned()))
        })
        .collect()
}

/// Makes output independent of where the suite lives, of the node version, and of node's
/// own implementation: stack frames inside node's internals (`at … (node:internal/…)`)
/// and the source header node prints when an error is thrown from its internals
/// (`node:internal/…:1210` / `  throw err;` / `  ^` / blank) are implementation details a
/// program never sees as data, so they are dropped from both sides.
fn normalize(text: &str, case_dir: &Path) -> String {
    let dir = case_dir.to_string_lossy();
    let text = text
        .replace(&format!("file://{dir}/"), "")
        .replace(&format!("{dir}/"), "");
    let mut out = String::with_capacity(text.len());
    let mut in_internal_header = false;
    for line in text.split_inclusive('\n') {
        let bare = line.trim_end_matches('\n');
        if in_internal_header {
            in_internal_header = !bare.is_empty();
            continue;
        }
        if is_internal_location(bare) {
            in_internal_header = true;
            continue;
        }
        if is_internal_frame(bare) {
            // The last frame carries the ` {` that opens the error's own properties.
            if bare.ends_with(" {") && out.ends_with('\n') {
                out.pop();
                out.push_str(" {\n");
            }
            continue;
        }
        if bare.starts_with("Node.js v") {
            out.push_str("Node.js <version>");
            if line.ends_with('\n') {
                out.push('\n');
            }
        } else {
            out.push_str(line);
        }
    }
    out
}

/// `node:internal/modules/cjs/loader:1210`: the first line of a header for an error thrown
/// inside node.
fn is_internal_location(line: &str) -> bool {
    line.strip_prefix("node:").is_some_and(|rest| {
        rest.rsplit_once(':')
            .is_some_and(|(_, n)| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
    })
}

/// `    at Module._compile (node:internal/…)` or `    at node:internal/…`.
fn is_internal_frame(line: &str) -> bool {
    let Some(frame) = line.trim_start().strip_prefix("at ") else {
        return false;
    };
    frame.starts_with("node:") || frame.contains("(node:")
}

struct Outcome {
    stdout: String,
    stderr: String,
    status: i32,
}

fn execute(program: &Path, extra: &[&str], case: &Path) -> Result<Outcome, String> {
    let dir = case.parent().unwrap_or(Path::new("."));
    let name = case.file_name().unwrap_or_default();
    let mut cmd = Command::new(program);
    cmd.args(extra).arg(name).current_dir(dir);
    if let Ok(args) = fs::read_to_string(golden(case, ".args")) {
        cmd.args(args.split_whitespace());
    }
    let stdin = fs::read(golden(case, ".stdin")).ok();
    cmd.stdin(if stdin.is_some() {
        Stdio::piped()
    } else {
        Stdio::null()
    })
    .stdout(Stdio::piped())
    .stderr(Stdio::piped());
    let mut child = cmd
        .spawn()
        .map_err(|e| format!("cannot run {}: {e}", program.display()))?;
    if let (Some(data), Some(mut pipe)) = (stdin, child.stdin.take()) {
        std::thread::spawn(move || {
            let _ = pipe.write_all(&data);
        });
    }
    let mut out_pipe = child.stdout.take().ok_or("no stdout pipe")?;
    let mut err_pipe = child.stderr.take().ok_or("no stderr pipe")?;
    let out_t = std::thread::spawn(move || {
        let mut v = Vec::new();
        let _ = out_pipe.read_to_end(&mut v);
        v
    });
    let err_t = std::thread::spawn(move || {
        let mut v = Vec::new();
        let _ = err_pipe.read_to_end(&mut v);
        v
    });
    let start = Instant::now();
    let status = loop {
        if let Some(s) = child.try_wait().map_err(|e| e.to_string())? {
            break s;
        }
        if start.elapsed() > CASE_TIMEOUT {
            let _ = child.kill();
            let _ = child.wait();
            return Err(format!("timed out after {CASE_TIMEOUT:?}"));
        }
        std::thread::sleep(Duration::from_millis(5));
    };
    let stdout = String::from_utf8_lossy(&out_t.join().unwrap_or_default()).into_owned();
    let stderr = String::from_utf8_lossy(&err_t.join().unwrap_or_default()).into_owned();
    let code = status.code().unwrap_or_else(|| {
        use std::os::unix::process::ExitStatusExt;
        128 + status.signal().unwrap_or(0)
    });
    Ok(Outcome {
        stdout: normalize(&stdout, dir),
        stderr: normalize(&stderr, dir),
        status: code,
    })
}

fn check(nrt: &Path, case: &Path) -> Result<(), String> {
    let got = execute(nrt, &[], case)?;
    let mut problems = Vec::new();
    let dir = case.parent().unwrap_or(Path::new("."));
    let want_out = normalize(
        &fs::read_to_string(golden(case, ".stdout")).unwrap_or_default(),
        dir,
    );
    let alt = fs::read_to_string(golden(case, ".stdout.alt"))
        .ok()
        .map(|s| normalize(&s, dir));
    if got.stdout != want_out && alt.as_deref() != Some(got.stdout.as_str()) {
        problems.push(diff("stdout", &want_out, &got.stdout));
    }
    if let Ok(want_err) = fs::read_to_string(golden(case, ".stderr")) {
        // Goldens are stored normalized by `record`, but hand-recorded ones may not be.
        let want_err = normalize(&want_err, dir);
        if got.stderr != want_err {
            problems.push(diff("stderr", &want_err, &got.stderr));
        }
    }
    let want_status: i32 = fs::read_to_string(golden(case, ".status"))
        .ok()
        .and_then(|s| s.trim().parse().ok())
        .unwrap_or(0);
    if got.status != want_status {
        problems.push(format!(
            "exit code: expected {want_status}, got {}\n{}",
            got.status,
            indent(&got.stderr)
        ));
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems.join("\n"))
    }
}

fn indent(s: &str) -> String {
    s.lines()
        .take(20)
        .map(|l| format!("      | {l}\n"))
        .collect()
}

fn diff(what: &str, want: &str, got: &str) -> String {
    let (w, g): (Vec<_>, Vec<_>) = (want.lines().collect(), got.lines().collect());
    let first = w
        .iter()
        .zip(&g)
        .position(|(a, b)| a != b)
        .unwrap_or(w.len().min(g.len()));
    let lo = first.saturating_sub(2);
    let mut out = format!("{what} differs from line {}:\n", first + 1);
    for (i, l) in w.iter().enumerate().skip(lo).take(6) {
        out.push_str(&format!("    - {:>3} {l}\n", i + 1));
    }
    for (i, l) in g.iter().enumerate().skip(lo).take(6) {
        out.push_str(&format!("    + {:>3} {l}\n", i + 1));
    }
    out
}

fn build_nrt() -> Result<Option<PathBuf>, String> {
    if !root().join("crates/runtime/Cargo.toml").is_file() {
        return Ok(None);
    }
    run_step(
        "cargo build -p node-runtime (nrt)",
        cargo().args(["build", "-p", "node-runtime", "--bin", "nrt"]),
    )?;
    Ok(Some(target_dir().join("debug").join("nrt")))
}

/// `cargo xtask conformance [filter]`.
pub(crate) fn run(args: &[String]) -> Result<(), String> {
    let filter = args.first().map(String::as_str);
    let cases = cases(filter);
    let Some(nrt) = build_nrt()? else {
        println!("conformance: skipped: crates/runtime (the nrt binary) does not exist yet");
        return if cases.is_empty() {
            Ok(())
        } else {
            Err("cases exist but there is no nrt to run them".into())
        };
    };
    let known = divergences();
    let (mut passed, mut failed, mut diverging) = (0, 0, 0);
    for case in &cases {
        let rel = case
            .strip_prefix(suite_dir())
            .unwrap_or(case)
            .to_string_lossy()
            .into_owned();
        let result = check(&nrt, case);
        match (result, known.get(&rel)) {
            (Ok(()), None) => passed += 1,
            (Ok(()), Some(_)) => {
                println!("FIXED   {rel}: passes now; remove it from divergences.txt");
                failed += 1;
            }
            (Err(_), Some(reason)) => {
                println!("KNOWN   {rel}: {reason}");
                diverging += 1;
            }
            (Err(why), None) => {
                println!("FAIL    {rel}\n{why}");
                failed += 1;
            }
        }
    }
    println!("conformance: {passed} passed, {failed} failed, {diverging} skipped");
    if failed > 0 {
        Err(format!("{failed} conformance case(s) failed"))
    } else {
        Ok(())
    }
}

/// `cargo xtask record <case.js>... | --all`: re-records goldens from node.
pub(crate) fn record(args: &[String]) -> Result<(), String> {
    if !have("node") {
        return Err("node is not on PATH; goldens can only be recorded from node".into());
    }
    let targets: Vec<PathBuf> = if args.iter().any(|a| a == "--all") {
        cases(None)
    } else if args.is_empty() {
        return Err("name the case files to record, or --all".into());
    } else {
        args.iter()
            .map(|a| {
                let p = PathBuf::from(a);
                if p.is_absolute() {
                    p
                } else {
                    std::env::current_dir().unwrap_or_default().join(p)
                }
            })
            .collect()
    };
    for case in targets {
        let got = execute(Path::new("node"), &[], &case)?;
        fs::write(golden(&case, ".stdout"), &got.stdout).map_err(|e| e.to_string())?;
        let stderr_path = golden(&case, ".stderr");
        if stderr_path.is_file() || !got.stderr.is_empty() {
            fs::write(&stderr_path, &got.stderr).map_err(|e| e.to_string())?;
        }
        let status_path = golden(&case, ".status");
        if got.status != 0 || status_path.is_file() {
            fs::write(&status_path, format!("{}\n", got.status)).map_err(|e| e.to_string())?;
        }
        println!("recorded {} (exit {})", case.display(), got.status);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn node_internals_are_dropped() {
        let dir = Path::new("/x/case");
        let raw = "node:internal/modules/cjs/loader:1210\n  throw err;\n  ^\n\n\
                   Error: Cannot find module 'y'\n    at Object.<anonymous> (/x/case/a.js:1:1)\n\
                   \x20   at Module._compile (node:internal/modules/cjs/loader:1521:14)\n\
                   \x20   at node:internal/main/run_main_module:28:49 {\n\
                   \x20 code: 'MODULE_NOT_FOUND'\n}\n\nNode.js v20.20.2\n";
        assert_eq!(
            normalize(raw, dir),
            "Error: Cannot find module 'y'\n    at Object.<anonymous> (a.js:1:1) {\n\
             \x20 code: 'MODULE_NOT_FOUND'\n}\n\nNode.js <version>\n"
        );
    }
}
