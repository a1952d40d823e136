//! Runs the built `nrt` on small scripts.
#![allow(dead_code)]

use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};

/// What a run printed and how it ended.
pub(crate) struct Run {
    pub(crate) stdout: String,
    pub(crate) stderr: String,
    pub(crate) code: i32,
}

fn finish(out: Output) -> Run {
    Run {
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        code: out.status.code().unwrap_or(-1),
    }
}

/// `nrt <args>` in `dir`, with `stdin` piped in.
pub(crate) fn nrt_in(dir: &Path, args: &[&str], stdin: &str) -> Run {
    let mut child = Command::new(env!("CARGO_BIN_EXE_nrt"))
        .args(args)
        .current_dir(dir)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn nrt");
    let mut pipe = child.stdin.take().expect("stdin pipe");
    let data = stdin.as_bytes().to_vec();
    let writer = std::thread::spawn(move || {
        let _ = pipe.write_all(&data);
    });
    let out = child.wait_with_output().expect("wait nrt");
    let _ = writer.join();
    finish(out)
}

/// `nrt <args>` in a fresh temporary directory.
pub(crate) fn nrt(args: &[&str]) -> Run {
    let dir = tempfile::tempdir().expect("tempdir");
    nrt_in(dir.path(), args, "")
}

/// Writes `files` (name, contents) into a temporary directory and runs `nrt main` there.
pub(crate) fn run_files(files: &[(&str, &str)], main: &str) -> Run {
    let dir = tempfile::tempdir().expect("tempdir");
    for (name, text) in files {
        let p = dir.path().join(name);
        if let Some(parent) = p.parent() {
            std::fs::create_dir_all(parent).expect("mkdir");
        }
        std::fs::write(p, text).expect("write fixture");
    }
    let r = nrt_in(dir.path(), &[main], "");
    // Paths in the output are made relative to the directory.
    let d = dir.path().to_string_lossy().into_owned();
    Run {
        stdout: r.stdout.replace(&format!("{d}/"), ""),
        stderr: r.stderr.replace(&format!("{d}/"), ""),
        code: r.code,
    }
}

/// Runs one script.
pub(crate) fn run_js(src: &str) -> Run {
    run_files(&[("main.js", src)], "main.js")
}
