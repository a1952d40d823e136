//! `spawnSync`: run a child to completion on this thread (pipes drained by helper
//! threads, so no runtime is needed and one may be running).

use std::io::{Read, Write};
use std::sync::mpsc;

use crate::command::prepare;
use crate::errors::Error;
use crate::exit::ExitStatus;
use crate::options::{resolve_shell, SpawnOptions, Stdio};

/// Options of [`spawn_sync`].
///
/// # Examples
/// ```
/// let opts = node_child_process::SpawnSyncOptions {
///     input: Some(b"data".to_vec()),
///     ..Default::default()
/// };
/// assert_eq!(opts.max_buffer, Some(1024 * 1024));
/// ```
#[derive(Debug, Clone)]
pub struct SpawnSyncOptions {
    /// How to start the child (`'ipc'` entries are not allowed).
    pub spawn: SpawnOptions,
    /// Written to the child's stdin (a `'pipe'` at fd 0), which is then closed.
    pub input: Option<Vec<u8>>,
    /// The most bytes read of stdout and of stderr each; the read that passes it is kept,
    /// the child is killed and the error is `ENOBUFS` (Node's default 1 MiB). `None`:
    /// unlimited.
    pub max_buffer: Option<usize>,
}

impl Default for SpawnSyncOptions {
    fn default() -> Self {
        SpawnSyncOptions {
            spawn: SpawnOptions::default(),
            input: None,
            max_buffer: Some(1024 * 1024),
        }
    }
}

/// The result of [`spawn_sync`] (Node's `{ pid, status, signal, stdout, stderr, error }`).
///
/// # Examples
/// ```no_run
/// let out = node_child_process::spawn_sync("false", &[], Default::default());
/// assert_eq!(out.status.and_then(|s| s.code()), Some(1));
/// assert!(out.error.is_none());
/// ```
#[derive(Debug)]
pub struct SpawnSyncOutput {
    /// The child's pid (0 when it did not start).
    pub pid: u32,
    /// How it ended (`None` when it did not start).
    pub status: Option<ExitStatus>,
    /// Its stdout when piped.
    pub stdout: Option<Vec<u8>>,
    /// Its stderr when piped.
    pub stderr: Option<Vec<u8>>,
    /// `ENOENT` and friends when it could not start; `ETIMEDOUT` after a timeout;
    /// `ENOBUFS` past `max_buffer`.
    pub error: Option<Error>,
}

/// `child_process.spawnSync(file, args)`: runs the child and waits for it.
///
/// Mirrors <https://nodejs.org/api/child_process.html#child_processspawnsynccommand-args-options>.
///
/// # Examples
/// ```no_run
/// let out = node_child_process::spawn_sync("cat", &[], node_child_process::SpawnSyncOptions {
///     input: Some(b"hello".to_vec()),
///     ..Default::default()
/// });
/// assert_eq!(out.stdout.as_deref(), Some(&b"hello"[..]));
/// assert_eq!(out.status.unwrap().code(), Some(0));
/// ```
#[doc(alias = "spawnSync")]
pub fn spawn_sync(file: &str, args: &[String], opts: SpawnSyncOptions) -> SpawnSyncOutput {
    let (spawnfile, spawnargs) = resolve_shell(file, args, &opts.spawn);
    let fail = |errno: i32| Error::Spawn {
        errno,
        file: spawnfile.clone(),
        args: spawnargs.iter().skip(1).cloned().collect(),
        syscall: "spawnSync",
    };
    let not_started = |e: Error| SpawnSyncOutput {
        pid: 0,
        status: None,
        stdout: None,
        stderr: None,
        error: Some(e),
    };
    if opts.spawn.stdio.contains(&Stdio::Ipc) {
        return not_started(
            node_core::NodeError::not_implemented("child_process.spawnSync with 'ipc'").into(),
        );
    }
    let mut prepared = match prepare(&spawnfile, &spawnargs, &opts.spawn) {
        Ok(p) => p,
        Err(e) => return not_started(fail(e.raw_os_error().unwrap_or(libc::EIO))),
    };
    let mut child = match prepared.cmd.spawn() {
        Ok(c) => c,
        Err(e) => return not_started(fail(e.raw_os_error().unwrap_or(libc::EIO))),
    };
    drop(prepared._keep);
    drop(prepared.parent_ends);
    let pid = child.id();
    let reaped = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let kill = {
        let reaped = reaped.clone();
        move |sig: i32| {
            // A reaped child's pid may already belong to another process.
            if !reaped.load(std::sync::atomic::Ordering::Acquire) {
                // SAFETY: kill(2) has no memory-safety preconditions.
                unsafe { libc::kill(pid as libc::pid_t, sig) };
            }
        }
    };
    let over = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let max = opts.max_buffer;
    let kill_signal = opts.spawn.kill_signal;
    let reader = |r: Option<Box<dyn Read + Send>>| {
        let over = over.clone();
        let kill = kill.clone();
        r.map(|mut r| {
            std::thread::spawn(move || {
                let mut buf = Vec::new();
                let mut chunk = vec![0u8; 64 * 1024];
                while let Ok(n) = r.read(&mut chunk) {
                    if n == 0 {
                        break;
                    }
                    // Node keeps the whole read that crossed the limit, then stops.
                    buf.extend_from_slice(&chunk[..n]);
                    if max.is_some_and(|m| buf.len() > m) {
                        over.store(true, std::sync::atomic::Ordering::Release);
                        kill(kill_signal);
                        break;
                    }
                }
                buf
            })
        })
    };
    let out = reader(child.stdout.take().map(|r| Box::new(r) as _));
    let err = reader(child.stderr.take().map(|r| Box::new(r) as _));
    if let Some(mut stdin) = child.stdin.take() {
        let input = opts.input.clone().unwrap_or_default();
        std::thread::spawn(move || {
            // EPIPE when the child does not read its input is not an error for spawnSync.
            let _ = stdin.write_all(&input);
        });
    }
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let st = child.wait();
        reaped.store(true, std::sync::atomic::Ordering::Release);
        let _ = tx.send(st);
    });
    let mut timed_out = false;
    let waited = match opts.spawn.timeout.filter(|t| !t.is_zero()) {
        Some(t) => match rx.recv_timeout(t) {
            Ok(r) => Ok(r),
            Err(_) => {
                timed_out = true;
                kill(kill_signal);
                rx.recv()
            }
        },
        None => rx.recv(),
    };
    let status = match waited {
        Ok(Ok(st)) => Some(ExitStatus::from_std(st)),
        _ => None,
    };
    let join =
        |h: Option<std::thread::JoinHandle<Vec<u8>>>| h.map(|h| h.join().unwrap_or_default());
    // A grandchild holding the pipe open keeps its reader waiting; Node waits too.
    let stdout = join(out);
    let stderr = join(err);
    let error = if timed_out {
        Some(fail(libc::ETIMEDOUT))
    } else if over.load(std::sync::atomic::Ordering::Acquire) {
        Some(fail(libc::ENOBUFS))
    } else {
        None
    };
    SpawnSyncOutput {
        pid,
        status,
        stdout,
        stderr,
        error,
    }
}
