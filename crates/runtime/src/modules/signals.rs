//! Signal listeners for `process.on('SIGINT', …)`: an async-signal-safe handler writes the
//! signal number to a pipe; a thread reads it and posts the event to the loop. Like node's
//! signal handles, these do not keep the loop alive.

use std::sync::atomic::{AtomicI32, Ordering};
use std::sync::OnceLock;

use crate::host::call_hook;

/// Write end of the self-pipe, read by the dispatch thread.
static PIPE_WRITE: AtomicI32 = AtomicI32::new(-1);
static STARTED: OnceLock<()> = OnceLock::new();

extern "C" fn on_signal(signum: libc::c_int) {
    let fd = PIPE_WRITE.load(Ordering::Relaxed);
    if fd >= 0 {
        let b = signum as u8;
        // SAFETY: write(2) is async-signal-safe; the buffer is a live local byte.
        unsafe { libc::write(fd, (&b as *const u8).cast(), 1) };
    }
}

fn start_dispatch() -> bool {
    if STARTED.get().is_some() {
        return true;
    }
    let Some(h) = crate::evloop::LoopHandle::current() else {
        return false;
    };
    let remote = h.remote();
    let mut fds = [0 as libc::c_int; 2];
    // SAFETY: fds is a valid two-element array for pipe2 to fill.
    if unsafe { libc::pipe2(fds.as_mut_ptr(), libc::O_CLOEXEC) } != 0 {
        return false;
    }
    PIPE_WRITE.store(fds[1], Ordering::Relaxed);
    let read_fd = fds[0];
    std::thread::spawn(move || loop {
        let mut b = 0u8;
        // SAFETY: reads one byte into a live local from a descriptor this thread owns.
        let n = unsafe { libc::read(read_fd, (&mut b as *mut u8).cast(), 1) };
        if n == 1 {
            let signum = i32::from(b);
            remote.post(move || call_hook("signal", (signum,)));
        } else if n < 0 && std::io::Error::last_os_error().kind() == std::io::ErrorKind::Interrupted
        {
            continue;
        } else {
            break;
        }
    });
    let _ = STARTED.set(());
    true
}

/// Starts delivering `signum` to JS. Returns false for signals that cannot be caught.
pub(crate) fn watch(signum: i32) -> bool {
    if signum == libc::SIGKILL || signum == libc::SIGSTOP || !start_dispatch() {
        return false;
    }
    // SAFETY: installs a handler that only calls write(2); sa is fully initialised.
    unsafe {
        let mut sa: libc::sigaction = std::mem::zeroed();
        sa.sa_sigaction = on_signal as extern "C" fn(libc::c_int) as usize;
        sa.sa_flags = libc::SA_RESTART;
        libc::sigemptyset(&mut sa.sa_mask);
        libc::sigaction(signum, &sa, std::ptr::null_mut()) == 0
    }
}

/// Restores the default action of `signum`.
pub(crate) fn unwatch(signum: i32) {
    // SAFETY: resets the disposition to SIG_DFL; no pointers are kept.
    unsafe {
        libc::signal(signum, libc::SIG_DFL);
    }
}
