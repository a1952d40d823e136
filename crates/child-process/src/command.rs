//! Builds a `std::process::Command` from [`SpawnOptions`]: cwd, env, argv0, uid/gid, the
//! stdio table (fds 3 and up moved into place between fork and exec), and `setsid`.

use std::os::fd::{AsRawFd, FromRawFd, OwnedFd, RawFd};
use std::os::unix::process::CommandExt;
use std::process::Command;

use crate::options::{SpawnOptions, Stdio};

/// A command ready to spawn, with the parent's ends of its socket pairs by child fd.
pub(crate) struct Prepared {
    pub(crate) cmd: Command,
    /// Parent ends of `'pipe'` (fd ≥ 3) and `'ipc'` entries: (child fd, end, is ipc).
    pub(crate) parent_ends: Vec<(usize, OwnedFd, bool)>,
    /// Descriptors that must stay open until the child is spawned (the pre-exec hook
    /// moves them into place).
    pub(crate) _keep: Vec<OwnedFd>,
}

/// A connected `AF_UNIX` stream pair, close-on-exec.
pub(crate) fn socket_pair() -> std::io::Result<(OwnedFd, OwnedFd)> {
    let mut fds = [0 as RawFd; 2];
    // SAFETY: `fds` is a valid two-element array for socketpair to fill.
    let rc = unsafe {
        libc::socketpair(
            libc::AF_UNIX,
            libc::SOCK_STREAM | libc::SOCK_CLOEXEC,
            0,
            fds.as_mut_ptr(),
        )
    };
    if rc != 0 {
        return Err(std::io::Error::last_os_error());
    }
    // SAFETY: socketpair succeeded, so both fds are open and owned by nobody else.
    Ok(unsafe { (OwnedFd::from_raw_fd(fds[0]), OwnedFd::from_raw_fd(fds[1])) })
}

/// A close-on-exec duplicate of `fd` numbered at least `min`, so moving it to its target
/// slot in the child cannot clobber another entry's source.
fn dup_above(fd: RawFd, min: RawFd) -> std::io::Result<OwnedFd> {
    // SAFETY: F_DUPFD_CLOEXEC only reads `fd`; a failure is reported as -1.
    let n = unsafe { libc::fcntl(fd, libc::F_DUPFD_CLOEXEC, min) };
    if n < 0 {
        return Err(std::io::Error::last_os_error());
    }
    // SAFETY: fcntl returned a fresh descriptor that we now own.
    Ok(unsafe { OwnedFd::from_raw_fd(n) })
}

pub(crate) fn prepare(
    file: &str,
    spawnargs: &[String],
    opts: &SpawnOptions,
) -> std::io::Result<Prepared> {
    let mut cmd = Command::new(file);
    if let Some(a0) = spawnargs.first() {
        cmd.arg0(a0);
    }
    cmd.args(spawnargs.iter().skip(1));
    if let Some(cwd) = &opts.cwd {
        cmd.current_dir(cwd);
    }
    if let Some(env) = &opts.env {
        cmd.env_clear();
        cmd.envs(env.iter().map(|(k, v)| (k, v)));
    }
    if let Some(uid) = opts.uid {
        cmd.uid(uid);
    }
    if let Some(gid) = opts.gid {
        cmd.gid(gid);
    }
    let mut parent_ends = Vec::new();
    let mut keep = Vec::new();
    let mut moves: Vec<(RawFd, RawFd)> = Vec::new();
    let min = (opts.stdio.len() as RawFd + 3).max(10);
    for (i, kind) in opts.stdio.iter().enumerate() {
        if i < 3 {
            let st = match *kind {
                Stdio::Pipe => std::process::Stdio::piped(),
                Stdio::Inherit => std::process::Stdio::inherit(),
                Stdio::Ignore => std::process::Stdio::null(),
                Stdio::Fd(fd) => std::process::Stdio::from(dup_above(fd, 3)?),
                Stdio::Ipc => {
                    let (parent, child) = socket_pair()?;
                    parent_ends.push((i, parent, true));
                    std::process::Stdio::from(child)
                }
            };
            match i {
                0 => cmd.stdin(st),
                1 => cmd.stdout(st),
                _ => cmd.stderr(st),
            };
            continue;
        }
        let src = match *kind {
            Stdio::Ignore => continue,
            Stdio::Inherit => dup_above(i as RawFd, min)?,
            Stdio::Fd(fd) => dup_above(fd, min)?,
            Stdio::Pipe | Stdio::Ipc => {
                let (parent, child) = socket_pair()?;
                parent_ends.push((i, parent, *kind == Stdio::Ipc));
                let high = dup_above(child.as_raw_fd(), min)?;
                drop(child);
                high
            }
        };
        moves.push((src.as_raw_fd(), i as RawFd));
        keep.push(src);
    }
    // Fewer than three entries: the rest are ignored, as Node does.
    for i in opts.stdio.len()..3 {
        match i {
            0 => cmd.stdin(std::process::Stdio::null()),
            1 => cmd.stdout(std::process::Stdio::null()),
            _ => cmd.stderr(std::process::Stdio::null()),
        };
    }
    let detached = opts.detached;
    {
        // SAFETY: the hook runs in the forked child before exec and calls only
        // async-signal-safe functions (sigaction, setsid, dup2) on descriptors that stay
        // open until the spawn returns (`keep`).
        unsafe {
            cmd.pre_exec(move || {
                // As libuv: the child starts with every signal at its default action, even
                // those this process ignores (a shell's background job ignores SIGINT).
                for sig in 1..32 {
                    if sig != libc::SIGKILL && sig != libc::SIGSTOP {
                        let mut act: libc::sigaction = std::mem::zeroed();
                        act.sa_sigaction = libc::SIG_DFL;
                        libc::sigaction(sig, &act, std::ptr::null_mut());
                    }
                }
                if detached && libc::setsid() < 0 {
                    return Err(std::io::Error::last_os_error());
                }
                for &(src, dst) in &moves {
                    // dup2 leaves the new descriptor without close-on-exec.
                    if libc::dup2(src, dst) < 0 {
                        return Err(std::io::Error::last_os_error());
                    }
                }
                Ok(())
            });
        }
    }
    Ok(Prepared {
        cmd,
        parent_ends,
        _keep: keep,
    })
}
