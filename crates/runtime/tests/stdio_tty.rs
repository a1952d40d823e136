//! process.stdout/stdin on a terminal: node's tty.WriteStream and raw mode, checked through a
//! pseudo-terminal (the conformance runner only has pipes and files).

use std::fs::File;
use std::io::Read;
use std::os::fd::{FromRawFd, OwnedFd};
use std::process::{Command, Stdio};

/// A pty pair as (controller, terminal).
fn pty() -> (OwnedFd, OwnedFd) {
    let (mut controller, mut terminal) = (0, 0);
    // SAFETY: openpty writes two descriptors; the name, termios and winsize pointers may be
    // null.
    let r = unsafe {
        libc::openpty(
            &mut controller,
            &mut terminal,
            std::ptr::null_mut(),
            std::ptr::null(),
            std::ptr::null(),
        )
    };
    assert_eq!(r, 0, "openpty failed");
    // SAFETY: both descriptors are fresh from openpty and owned from here on.
    unsafe {
        (
            OwnedFd::from_raw_fd(controller),
            OwnedFd::from_raw_fd(terminal),
        )
    }
}

#[test]
fn stdout_is_a_tty_write_stream_and_stdin_goes_raw() {
    let (controller, terminal) = pty();
    let script = "const tty = require('tty'); \
        const out = process.stdout; \
        console.log(out instanceof tty.WriteStream, out.isTTY, typeof out.columns, \
          typeof out.getColorDepth(), process.stdin.isRaw); \
        process.stdin.setRawMode(true); const raw = process.stdin.isRaw; \
        process.stdin.setRawMode(false); \
        out.write(`raw ${raw} ${process.stdin.isRaw}\\n`);";
    let mut child = Command::new(env!("CARGO_BIN_EXE_nrt"))
        .args(["-e", script])
        .env("NO_COLOR", "1")
        .stdin(Stdio::from(terminal.try_clone().expect("dup")))
        .stdout(Stdio::from(terminal.try_clone().expect("dup")))
        .stderr(Stdio::from(terminal))
        .spawn()
        .expect("spawn nrt");
    let status = child.wait().expect("wait nrt");
    // The terminal side is closed in this process too (moved into the child's stdio), so
    // reading the controller ends (EIO) once the output is drained.
    let mut out = Vec::new();
    let mut reader = File::from(controller);
    let mut buf = [0u8; 4096];
    while let Ok(n) = reader.read(&mut buf) {
        if n == 0 {
            break;
        }
        out.extend_from_slice(&buf[..n]);
    }
    let text = String::from_utf8_lossy(&out).replace("\r\n", "\n");
    assert!(status.success(), "{text}");
    assert_eq!(text, "true true number number false\nraw true false\n");
}
