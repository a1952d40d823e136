//! `exec`/`execFile`: run to completion, buffering stdout and stderr.

use tokio::io::{AsyncRead, AsyncReadExt};

use crate::errors::{Error, Result};
use crate::exit::ExitStatus;
use crate::options::SpawnOptions;
use crate::spawn::spawn;

/// Options of [`exec_file`] and [`exec`].
///
/// # Examples
/// ```
/// let opts = node_child_process::ExecOptions::default();
/// assert_eq!(opts.max_buffer, 1024 * 1024);
/// ```
#[derive(Debug, Clone)]
pub struct ExecOptions {
    /// How to start the child (stdio is always `pipe`).
    pub spawn: SpawnOptions,
    /// The most bytes kept of stdout and of stderr each; beyond it the child is killed
    /// (Node's `maxBuffer`, default 1 MiB).
    pub max_buffer: usize,
}

impl Default for ExecOptions {
    fn default() -> Self {
        ExecOptions {
            spawn: SpawnOptions::default(),
            max_buffer: 1024 * 1024,
        }
    }
}

/// What a finished command wrote, and how it ended.
///
/// # Examples
/// ```no_run
/// # #[tokio::main(flavor = "current_thread")] async fn main() -> node_child_process::Result<()> {
/// let out: node_child_process::Output = node_child_process::exec("echo hi >&2", Default::default()).await?;
/// assert_eq!((out.status.code(), out.stderr.as_slice()), (Some(0), &b"hi\n"[..]));
/// # Ok(()) }
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Output {
    /// Its exit status.
    pub status: ExitStatus,
    /// Everything written to stdout.
    pub stdout: Vec<u8>,
    /// Everything written to stderr.
    pub stderr: Vec<u8>,
}

/// `child_process.execFile(file, args)`: runs `file` and buffers its output.
///
/// Mirrors <https://nodejs.org/api/child_process.html#child_processexecfilefile-args-options-callback>.
///
/// # Errors
/// [`Error::Spawn`] when it cannot start, [`Error::MaxBuffer`] when output passes
/// `max_buffer` (the child is killed), [`Error::CommandFailed`] for a non-zero exit or a
/// signal.
///
/// # Examples
/// ```no_run
/// # #[tokio::main(flavor = "current_thread")] async fn main() -> node_child_process::Result<()> {
/// let out = node_child_process::exec_file("echo", &["hi".into()], Default::default()).await?;
/// assert_eq!(out.stdout, b"hi\n");
/// # Ok(()) }
/// ```
#[doc(alias = "execFile")]
pub async fn exec_file(file: &str, args: &[String], opts: ExecOptions) -> Result<Output> {
    let kill_signal = opts.spawn.kill_signal;
    let mut child = spawn(file, args, opts.spawn)?;
    let cmd = child.spawnargs()[1..]
        .iter()
        .fold(child.spawnfile().to_owned(), |acc, a| acc + " " + a);
    let cmd = if child.spawnfile() != file {
        // shell: Node's `cmd` is the command line, not `/bin/sh -c …`.
        child.spawnargs().last().cloned().unwrap_or(cmd)
    } else {
        cmd
    };
    drop(child.take_stdin());
    let out = child.take_stdout();
    let err = child.take_stderr();
    let max = opts.max_buffer;
    let killer = child.killer();
    let over = std::cell::Cell::new(None);
    let collect = |r: Option<Box<dyn AsyncRead + Unpin>>, name: &'static str| {
        let killer = killer.clone();
        let over = &over;
        async move {
            let mut buf = Vec::new();
            let Some(mut r) = r else { return buf };
            let mut chunk = vec![0u8; 16 * 1024];
            while let Ok(n) = r.read(&mut chunk).await {
                if n == 0 {
                    break;
                }
                let room = max.saturating_sub(buf.len());
                buf.extend_from_slice(&chunk[..n.min(room)]);
                if n > room {
                    over.set(Some(name));
                    killer.kill(kill_signal);
                    break;
                }
            }
            buf
        }
    };
    let (stdout, stderr, status) = tokio::join!(
        collect(out.map(|r| Box::new(r) as _), "stdout"),
        collect(err.map(|r| Box::new(r) as _), "stderr"),
        child.wait()
    );
    let status = status?;
    if let Some(stream) = over.get() {
        return Err(Error::MaxBuffer {
            stream,
            stdout,
            stderr,
        });
    }
    if !status.success() {
        return Err(Error::CommandFailed {
            cmd,
            status,
            killed: killer.killed(),
            stdout,
            stderr,
        });
    }
    Ok(Output {
        status,
        stdout,
        stderr,
    })
}

/// `child_process.exec(command)`: runs `command` through `/bin/sh -c` (or the `shell` set
/// in the options) and buffers its output.
///
/// Mirrors <https://nodejs.org/api/child_process.html#child_processexeccommand-options-callback>.
///
/// # Errors
/// As [`exec_file`]; a missing `cwd` reports `spawn /bin/sh ENOENT`, as Node does.
///
/// # Examples
/// ```no_run
/// # #[tokio::main(flavor = "current_thread")] async fn main() -> node_child_process::Result<()> {
/// let err = node_child_process::exec("exit 3", Default::default()).await.unwrap_err();
/// assert_eq!(err.to_string(), "Command failed: exit 3\n");
/// # Ok(()) }
/// ```
pub async fn exec(command: &str, mut opts: ExecOptions) -> Result<Output> {
    if opts.spawn.shell.is_none() {
        opts.spawn.shell = Some("/bin/sh".into());
    }
    exec_file(command, &[], opts).await
}
