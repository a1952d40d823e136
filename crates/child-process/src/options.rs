//! Options of `spawn` and friends.

use std::ffi::OsString;
use std::os::fd::RawFd;
use std::path::PathBuf;
use std::time::Duration;

/// What one of the child's file descriptors is connected to (an entry of Node's `stdio`).
///
/// # Examples
/// ```
/// use node_child_process::Stdio;
/// let stdio = vec![Stdio::Ignore, Stdio::Pipe, Stdio::Inherit];
/// assert_eq!(stdio[1], Stdio::Pipe);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stdio {
    /// `'pipe'`: a pipe (fds 0–2) or a Unix socket pair (fd 3 and up) the parent holds.
    Pipe,
    /// `'inherit'`: the parent's own descriptor of the same number.
    Inherit,
    /// `'ignore'`: `/dev/null` for fds 0–2; fd 3 and up stay closed.
    Ignore,
    /// An open descriptor of the parent (Node's integer entries).
    Fd(RawFd),
    /// `'ipc'`: Node's IPC channel (a Unix socket pair); see [`IpcChannel`](crate::IpcChannel).
    Ipc,
}

/// Options of [`spawn`](crate::spawn) (Node's `options` object).
///
/// Mirrors <https://nodejs.org/api/child_process.html#child_processspawncommand-args-options>.
///
/// # Examples
/// ```
/// use node_child_process::{SpawnOptions, Stdio};
/// let opts = SpawnOptions {
///     cwd: Some("/".into()),
///     stdio: vec![Stdio::Ignore, Stdio::Pipe, Stdio::Inherit],
///     ..Default::default()
/// };
/// assert_eq!(opts.kill_signal, 15);
/// ```
#[derive(Debug, Clone)]
pub struct SpawnOptions {
    /// Working directory of the child (default: the parent's).
    pub cwd: Option<PathBuf>,
    /// The whole environment of the child (default: the parent's).
    pub env: Option<Vec<(OsString, OsString)>>,
    /// `argv[0]` as the child sees it (default: the file).
    pub argv0: Option<OsString>,
    /// One entry per child fd, from 0 (default: three pipes).
    pub stdio: Vec<Stdio>,
    /// Run the child in a new session (`setsid`), as Node's `detached` on POSIX.
    pub detached: bool,
    /// Run as this user id.
    pub uid: Option<u32>,
    /// Run as this group id.
    pub gid: Option<u32>,
    /// Run `file` and its arguments, joined with spaces, through this shell (`-c`).
    pub shell: Option<String>,
    /// Kill the child with [`kill_signal`](Self::kill_signal) once it ran this long.
    pub timeout: Option<Duration>,
    /// The signal a timeout sends (default `SIGTERM`).
    pub kill_signal: i32,
}

impl Default for SpawnOptions {
    fn default() -> Self {
        SpawnOptions {
            cwd: None,
            env: None,
            argv0: None,
            stdio: vec![Stdio::Pipe, Stdio::Pipe, Stdio::Pipe],
            detached: false,
            uid: None,
            gid: None,
            shell: None,
            timeout: None,
            kill_signal: libc::SIGTERM,
        }
    }
}

/// The file and arguments to run once `shell` is applied: Node's `spawnfile` and
/// `spawnargs` (whose first entry is argv\[0\]).
pub(crate) fn resolve_shell(
    file: &str,
    args: &[String],
    opts: &SpawnOptions,
) -> (String, Vec<String>) {
    match &opts.shell {
        Some(sh) => {
            let mut cmd = file.to_owned();
            for a in args {
                cmd.push(' ');
                cmd.push_str(a);
            }
            let argv0 = opts
                .argv0
                .as_ref()
                .map(|a| a.to_string_lossy().into_owned())
                .unwrap_or_else(|| sh.clone());
            (sh.clone(), vec![argv0, "-c".into(), cmd])
        }
        None => {
            let argv0 = opts
                .argv0
                .as_ref()
                .map(|a| a.to_string_lossy().into_owned())
                .unwrap_or_else(|| file.to_owned());
            let mut v = vec![argv0];
            v.extend(args.iter().cloned());
            (file.to_owned(), v)
        }
    }
}
