//! `child_process.spawn`: start a process and hold its pipes, IPC channel and status.

use std::os::fd::OwnedFd;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::Duration;

use node_streams::{Readable, Writable};
use tokio::net::UnixStream;
use tokio::process::{Child, ChildStderr, ChildStdin, ChildStdout};

use crate::command::prepare;
use crate::errors::{Error, Result};
use crate::exit::ExitStatus;
use crate::ipc::IpcChannel;
use crate::options::{resolve_shell, SpawnOptions};

/// Sends signals to a child until it has been reaped (`subprocess.kill`); cheap to clone
/// and `Send`, so a timer or another task can hold one.
///
/// # Examples
/// ```no_run
/// # #[tokio::main(flavor = "current_thread")] async fn main() -> node_child_process::Result<()> {
/// let mut child = node_child_process::spawn("sleep", &["10".into()], Default::default())?;
/// let killer = child.killer();
/// assert!(killer.kill(libc::SIGTERM));
/// assert_eq!(child.wait().await?.signal_name(), Some("SIGTERM"));
/// assert!(!killer.kill(libc::SIGTERM)); // reaped: nothing to signal
/// # Ok(()) }
/// # extern crate libc;
/// ```
#[derive(Debug, Clone)]
pub struct Killer {
    pid: u32,
    state: Arc<KillState>,
}

#[derive(Debug, Default)]
struct KillState {
    exited: AtomicBool,
    killed: AtomicBool,
}

impl Killer {
    /// Sends `signo` (0 only checks); `true` when delivered. Never signals a reaped
    /// child, whose pid may belong to another process by now.
    /// # Examples
    /// ```no_run
    /// # #[tokio::main(flavor = "current_thread")] async fn main() -> node_child_process::Result<()> {
    /// let child = node_child_process::spawn("sleep", &["5".into()], Default::default())?;
    /// assert!(child.killer().kill(9));
    /// # Ok(()) }
    /// ```
    pub fn kill(&self, signo: i32) -> bool {
        if self.state.exited.load(Ordering::Acquire) {
            return false;
        }
        // SAFETY: kill(2) has no memory-safety preconditions.
        let ok = unsafe { libc::kill(self.pid as libc::pid_t, signo) } == 0;
        if ok {
            self.state.killed.store(true, Ordering::Release);
        }
        ok
    }

    /// `subprocess.killed`: a signal was delivered by [`kill`](Self::kill).
    /// # Examples
    /// ```no_run
    /// # #[tokio::main(flavor = "current_thread")] async fn main() -> node_child_process::Result<()> {
    /// let child = node_child_process::spawn("sleep", &["5".into()], Default::default())?;
    /// let k = child.killer();
    /// k.kill(9);
    /// assert!(k.killed());
    /// # Ok(()) }
    /// ```
    pub fn killed(&self) -> bool {
        self.state.killed.load(Ordering::Acquire)
    }

    fn mark_exited(&self) {
        self.state.exited.store(true, Ordering::Release);
    }
}

/// A running child (Node's `ChildProcess` without the events): its pid, pipes, IPC channel
/// and status.
///
/// Mirrors <https://nodejs.org/api/child_process.html#class-childprocess>.
///
/// # Examples
/// ```no_run
/// # #[tokio::main(flavor = "current_thread")] async fn main() -> node_child_process::Result<()> {
/// use tokio::io::AsyncReadExt;
/// let mut child = node_child_process::spawn("echo", &["hi".into()], Default::default())?;
/// let mut out = String::new();
/// child.take_stdout().unwrap().read_to_string(&mut out).await?;
/// assert_eq!(out, "hi\n");
/// assert!(child.wait().await?.success());
/// # Ok(()) }
/// ```
#[derive(Debug)]
pub struct ChildProcess {
    child: Child,
    pid: u32,
    spawnfile: String,
    spawnargs: Vec<String>,
    stdin: Option<ChildStdin>,
    stdout: Option<ChildStdout>,
    stderr: Option<ChildStderr>,
    extra: Vec<(usize, UnixStream)>,
    ipc: Option<IpcChannel>,
    killer: Killer,
    deadline: Option<tokio::time::Instant>,
    kill_signal: i32,
}

/// Starts `file` with `args` (not including argv\[0\]); Node's `child_process.spawn`.
///
/// Must be called inside a tokio runtime with I/O and time enabled (the pipes and the exit
/// watch register with it).
///
/// Mirrors <https://nodejs.org/api/child_process.html#child_processspawncommand-args-options>.
///
/// # Errors
/// [`Error::Spawn`] with the OS errno when the process cannot start: `ENOENT` for a
/// missing file or `cwd`, `EACCES` for a file that is not executable.
///
/// # Examples
/// ```no_run
/// # #[tokio::main(flavor = "current_thread")] async fn main() -> node_child_process::Result<()> {
/// let err = node_child_process::spawn("nonexistent", &[], Default::default()).unwrap_err();
/// assert_eq!(err.to_string(), "spawn nonexistent ENOENT");
/// # Ok(()) }
/// ```
pub fn spawn(file: &str, args: &[String], opts: SpawnOptions) -> Result<ChildProcess> {
    let (spawnfile, spawnargs) = resolve_shell(file, args, &opts);
    let spawn_error = |e: std::io::Error| Error::Spawn {
        errno: e.raw_os_error().unwrap_or(libc::EIO),
        file: spawnfile.clone(),
        args: spawnargs.iter().skip(1).cloned().collect(),
        syscall: "spawn",
    };
    let prepared = prepare(&spawnfile, &spawnargs, &opts).map_err(spawn_error)?;
    let mut cmd = tokio::process::Command::from(prepared.cmd);
    let mut child = cmd.spawn().map_err(spawn_error)?;
    drop(prepared._keep);
    let pid = child.id().unwrap_or(0);
    let mut extra = Vec::new();
    let mut ipc = None;
    for (i, end, is_ipc) in prepared.parent_ends {
        let stream = unix_stream(end)?;
        if is_ipc && ipc.is_none() {
            ipc = Some(IpcChannel::new(stream));
        } else {
            extra.push((i, stream));
        }
    }
    Ok(ChildProcess {
        stdin: child.stdin.take(),
        stdout: child.stdout.take(),
        stderr: child.stderr.take(),
        child,
        pid,
        spawnfile,
        spawnargs,
        extra,
        ipc,
        killer: Killer {
            pid,
            state: Arc::default(),
        },
        deadline: opts
            .timeout
            .filter(|t| !t.is_zero())
            .map(|t| tokio::time::Instant::now() + t),
        kill_signal: opts.kill_signal,
    })
}

pub(crate) fn unix_stream(fd: OwnedFd) -> std::io::Result<UnixStream> {
    let s = std::os::unix::net::UnixStream::from(fd);
    s.set_nonblocking(true)?;
    UnixStream::from_std(s)
}

impl ChildProcess {
    /// `subprocess.pid`.
    /// # Examples
    /// ```no_run
    /// # #[tokio::main(flavor = "current_thread")] async fn main() -> node_child_process::Result<()> {
    /// let child = node_child_process::spawn("true", &[], Default::default())?;
    /// assert!(child.pid() > 0);
    /// # Ok(()) }
    /// ```
    pub fn pid(&self) -> u32 {
        self.pid
    }

    /// `subprocess.spawnfile`: the file run (the shell when `shell` is set).
    /// # Examples
    /// ```no_run
    /// # #[tokio::main(flavor = "current_thread")] async fn main() -> node_child_process::Result<()> {
    /// let opts = node_child_process::SpawnOptions { shell: Some("/bin/sh".into()), ..Default::default() };
    /// let child = node_child_process::spawn("echo hi", &[], opts)?;
    /// assert_eq!(child.spawnfile(), "/bin/sh");
    /// # Ok(()) }
    /// ```
    pub fn spawnfile(&self) -> &str {
        &self.spawnfile
    }

    /// `subprocess.spawnargs`: the full argv, argv\[0\] included.
    /// # Examples
    /// ```no_run
    /// # #[tokio::main(flavor = "current_thread")] async fn main() -> node_child_process::Result<()> {
    /// let child = node_child_process::spawn("echo", &["a".into()], Default::default())?;
    /// assert_eq!(child.spawnargs(), &["echo".to_string(), "a".to_string()][..]);
    /// # Ok(()) }
    /// ```
    pub fn spawnargs(&self) -> &[String] {
        &self.spawnargs
    }

    /// The write end of the child's stdin pipe (`'pipe'` at fd 0), once.
    /// # Examples
    /// ```no_run
    /// # #[tokio::main(flavor = "current_thread")] async fn main() -> node_child_process::Result<()> {
    /// use tokio::io::AsyncWriteExt;
    /// let mut child = node_child_process::spawn("cat", &[], Default::default())?;
    /// child.take_stdin().unwrap().write_all(b"x").await?;
    /// # Ok(()) }
    /// ```
    pub fn take_stdin(&mut self) -> Option<ChildStdin> {
        self.stdin.take()
    }

    /// The read end of the child's stdout pipe, once.
    /// # Examples
    /// ```no_run
    /// # #[tokio::main(flavor = "current_thread")] async fn main() -> node_child_process::Result<()> {
    /// let mut child = node_child_process::spawn("true", &[], Default::default())?;
    /// assert!(child.take_stdout().is_some());
    /// assert!(child.take_stdout().is_none());
    /// # Ok(()) }
    /// ```
    pub fn take_stdout(&mut self) -> Option<ChildStdout> {
        self.stdout.take()
    }

    /// The read end of the child's stderr pipe, once.
    /// # Examples
    /// ```no_run
    /// # #[tokio::main(flavor = "current_thread")] async fn main() -> node_child_process::Result<()> {
    /// let mut child = node_child_process::spawn("true", &[], Default::default())?;
    /// assert!(child.take_stderr().is_some());
    /// # Ok(()) }
    /// ```
    pub fn take_stderr(&mut self) -> Option<ChildStderr> {
        self.stderr.take()
    }

    /// `subprocess.stdin` as a node-streams [`Writable`] (call inside a `LocalSet`).
    /// # Examples
    /// ```no_run
    /// # #[tokio::main(flavor = "current_thread")] async fn main() -> node_child_process::Result<()> {
    /// let local = tokio::task::LocalSet::new();
    /// local.run_until(async {
    ///     let mut child = node_child_process::spawn("cat", &[], Default::default()).unwrap();
    ///     assert!(child.stdin_writable().is_some());
    /// }).await;
    /// # Ok(()) }
    /// ```
    pub fn stdin_writable(&mut self) -> Option<Writable> {
        self.stdin
            .take()
            .map(|w| Writable::from_async_write(w, Default::default()))
    }

    /// `subprocess.stdout` as a node-streams [`Readable`] (call inside a `LocalSet`).
    /// # Examples
    /// ```no_run
    /// # #[tokio::main(flavor = "current_thread")] async fn main() -> node_child_process::Result<()> {
    /// let local = tokio::task::LocalSet::new();
    /// local.run_until(async {
    ///     let mut child = node_child_process::spawn("true", &[], Default::default()).unwrap();
    ///     assert!(child.stdout_readable().is_some());
    /// }).await;
    /// # Ok(()) }
    /// ```
    pub fn stdout_readable(&mut self) -> Option<Readable> {
        self.stdout
            .take()
            .map(|r| Readable::from_async_read(r, Default::default()))
    }

    /// `subprocess.stderr` as a node-streams [`Readable`] (call inside a `LocalSet`).
    /// # Examples
    /// ```no_run
    /// # #[tokio::main(flavor = "current_thread")] async fn main() -> node_child_process::Result<()> {
    /// let local = tokio::task::LocalSet::new();
    /// local.run_until(async {
    ///     let mut child = node_child_process::spawn("true", &[], Default::default()).unwrap();
    ///     assert!(child.stderr_readable().is_some());
    /// }).await;
    /// # Ok(()) }
    /// ```
    pub fn stderr_readable(&mut self) -> Option<Readable> {
        self.stderr
            .take()
            .map(|r| Readable::from_async_read(r, Default::default()))
    }

    /// The parent's end of a `'pipe'` at child fd `fd` ≥ 3 (`subprocess.stdio[fd]`), once.
    /// # Examples
    /// ```no_run
    /// # #[tokio::main(flavor = "current_thread")] async fn main() -> node_child_process::Result<()> {
    /// use node_child_process::Stdio;
    /// let opts = node_child_process::SpawnOptions {
    ///     stdio: vec![Stdio::Ignore, Stdio::Ignore, Stdio::Ignore, Stdio::Pipe],
    ///     ..Default::default()
    /// };
    /// let mut child = node_child_process::spawn("true", &[], opts)?;
    /// assert!(child.take_stdio(3).is_some());
    /// # Ok(()) }
    /// ```
    pub fn take_stdio(&mut self, fd: usize) -> Option<UnixStream> {
        let at = self.extra.iter().position(|(i, _)| *i == fd)?;
        Some(self.extra.remove(at).1)
    }

    /// The IPC channel of an `'ipc'` stdio entry, once.
    /// # Examples
    /// ```no_run
    /// # #[tokio::main(flavor = "current_thread")] async fn main() -> node_child_process::Result<()> {
    /// use node_child_process::Stdio;
    /// let opts = node_child_process::SpawnOptions {
    ///     stdio: vec![Stdio::Ignore, Stdio::Inherit, Stdio::Inherit, Stdio::Ipc],
    ///     ..Default::default()
    /// };
    /// let mut child = node_child_process::spawn("true", &[], opts)?;
    /// assert!(child.take_ipc().is_some());
    /// # Ok(()) }
    /// ```
    pub fn take_ipc(&mut self) -> Option<IpcChannel> {
        self.ipc.take()
    }

    /// A handle that signals this child from elsewhere.
    /// # Examples
    /// ```no_run
    /// # #[tokio::main(flavor = "current_thread")] async fn main() -> node_child_process::Result<()> {
    /// let child = node_child_process::spawn("sleep", &["5".into()], Default::default())?;
    /// let k = child.killer();
    /// assert!(k.kill(15));
    /// # Ok(()) }
    /// ```
    pub fn killer(&self) -> Killer {
        self.killer.clone()
    }

    /// `subprocess.kill(signal)`: `true` when the signal was delivered.
    /// # Examples
    /// ```no_run
    /// # #[tokio::main(flavor = "current_thread")] async fn main() -> node_child_process::Result<()> {
    /// let mut child = node_child_process::spawn("sleep", &["5".into()], Default::default())?;
    /// assert!(child.kill(15));
    /// assert_eq!(child.wait().await?.signal_name(), Some("SIGTERM"));
    /// # Ok(()) }
    /// ```
    pub fn kill(&self, signo: i32) -> bool {
        self.killer.kill(signo)
    }

    /// `subprocess.killed`.
    /// # Examples
    /// ```no_run
    /// # #[tokio::main(flavor = "current_thread")] async fn main() -> node_child_process::Result<()> {
    /// let child = node_child_process::spawn("sleep", &["5".into()], Default::default())?;
    /// assert!(!child.killed());
    /// # Ok(()) }
    /// ```
    pub fn killed(&self) -> bool {
        self.killer.killed()
    }

    /// Waits for the child to end and reaps it; a `timeout` given at spawn sends the
    /// `kill_signal` when it passes.
    ///
    /// # Errors
    /// An I/O error from waiting (not expected on Linux).
    /// # Examples
    /// ```no_run
    /// # #[tokio::main(flavor = "current_thread")] async fn main() -> node_child_process::Result<()> {
    /// let mut child = node_child_process::spawn("sh", &["-c".into(), "exit 2".into()], Default::default())?;
    /// assert_eq!(child.wait().await?.code(), Some(2));
    /// # Ok(()) }
    /// ```
    pub async fn wait(&mut self) -> Result<ExitStatus> {
        let st = match self.deadline {
            Some(deadline) => {
                tokio::select! {
                    r = self.child.wait() => r,
                    () = tokio::time::sleep_until(deadline) => {
                        self.killer.kill(self.kill_signal);
                        self.child.wait().await
                    }
                }
            }
            None => self.child.wait().await,
        };
        self.killer.mark_exited();
        Ok(ExitStatus::from_std(st?))
    }

    /// Like [`wait`](Self::wait), giving up after `limit` (`None`: still running).
    ///
    /// # Errors
    /// As [`wait`](Self::wait).
    /// # Examples
    /// ```no_run
    /// # #[tokio::main(flavor = "current_thread")] async fn main() -> node_child_process::Result<()> {
    /// let mut child = node_child_process::spawn("sleep", &["5".into()], Default::default())?;
    /// let limit = std::time::Duration::from_millis(10);
    /// assert!(child.wait_timeout(limit).await?.is_none());
    /// child.kill(9);
    /// # Ok(()) }
    /// ```
    pub async fn wait_timeout(&mut self, limit: Duration) -> Result<Option<ExitStatus>> {
        match tokio::time::timeout(limit, self.wait()).await {
            Ok(r) => r.map(Some),
            Err(_) => Ok(None),
        }
    }
}
