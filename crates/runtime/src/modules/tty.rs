//! Native side of `tty`: raw mode for `tty.ReadStream#setRawMode` (libuv's
//! `UV_TTY_MODE_RAW` termios flags), with the terminal's original mode restored at exit as
//! libuv's `uv_tty_reset_mode` does. `isatty` and the window size live in the process
//! binding.

use std::sync::Mutex;

use rquickjs::{Ctx, Function, Object, Result};

/// The first mode a descriptor had before nrt changed it, for [`reset_mode`].
static SAVED: Mutex<Vec<(i32, libc::termios)>> = Mutex::new(Vec::new());

fn errno() -> i32 {
    std::io::Error::last_os_error()
        .raw_os_error()
        .unwrap_or(libc::EIO)
}

/// Switches `fd` between raw and its original (cooked) mode; the error is an errno.
fn set_raw_mode(fd: i32, raw: bool) -> std::result::Result<(), i32> {
    let mut saved = SAVED.lock().unwrap_or_else(|p| p.into_inner());
    let original = match saved.iter().find(|(f, _)| *f == fd) {
        Some((_, t)) => *t,
        None => {
            // SAFETY: termios is plain old data; tcgetattr fills it or fails.
            let mut t: libc::termios = unsafe { std::mem::zeroed() };
            // SAFETY: `t` is a valid, writable termios for the call.
            if unsafe { libc::tcgetattr(fd, &mut t) } != 0 {
                return Err(errno());
            }
            saved.push((fd, t));
            t
        }
    };
    let mut mode = original;
    if raw {
        mode.c_iflag &= !(libc::BRKINT | libc::ICRNL | libc::INPCK | libc::ISTRIP | libc::IXON);
        mode.c_oflag |= libc::ONLCR;
        mode.c_cflag |= libc::CS8;
        mode.c_lflag &= !(libc::ECHO | libc::ICANON | libc::IEXTEN | libc::ISIG);
        mode.c_cc[libc::VMIN] = 1;
        mode.c_cc[libc::VTIME] = 0;
    }
    // SAFETY: `mode` is a valid termios; TCSADRAIN lets pending output finish first.
    if unsafe { libc::tcsetattr(fd, libc::TCSADRAIN, &mode) } != 0 {
        return Err(errno());
    }
    Ok(())
}

/// Restores every terminal whose mode nrt changed (called on the way out of the process).
pub(crate) fn reset_mode() {
    let saved = SAVED.lock().unwrap_or_else(|p| p.into_inner());
    for (fd, t) in saved.iter() {
        // SAFETY: `t` is the termios tcgetattr gave for this descriptor.
        unsafe { libc::tcsetattr(*fd, libc::TCSADRAIN, t) };
    }
}

/// Builds the `tty` binding object.
pub(crate) fn binding<'js>(ctx: &Ctx<'js>) -> Result<Object<'js>> {
    let o = Object::new(ctx.clone())?;
    // setRawMode(fd, raw) -> 0, or the errno of the failure.
    o.set(
        "setRawMode",
        Function::new(ctx.clone(), |fd: i32, raw: bool| {
            set_raw_mode(fd, raw).err().unwrap_or(0)
        })?,
    )?;
    Ok(o)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A pseudo-terminal pair; the slave side is the terminal whose mode changes.
    fn pty() -> (i32, i32) {
        let (mut master, mut slave) = (-1, -1);
        // SAFETY: openpty writes two descriptors; the name, termios and winsize pointers may
        // be null.
        let r = unsafe {
            libc::openpty(
                &mut master,
                &mut slave,
                std::ptr::null_mut(),
                std::ptr::null(),
                std::ptr::null(),
            )
        };
        assert_eq!(r, 0, "openpty failed");
        (master, slave)
    }

    fn mode(fd: i32) -> libc::termios {
        // SAFETY: termios is plain old data; tcgetattr fills it.
        let mut t: libc::termios = unsafe { std::mem::zeroed() };
        // SAFETY: `t` is a valid, writable termios.
        assert_eq!(unsafe { libc::tcgetattr(fd, &mut t) }, 0);
        t
    }

    #[test]
    fn raw_mode_clears_line_discipline_and_restores() {
        let (master, slave) = pty();
        assert_ne!(mode(slave).c_lflag & libc::ICANON, 0);
        set_raw_mode(slave, true).unwrap();
        let raw = mode(slave);
        assert_eq!(
            raw.c_lflag & (libc::ECHO | libc::ICANON | libc::ISIG | libc::IEXTEN),
            0
        );
        assert_eq!(raw.c_iflag & (libc::ICRNL | libc::IXON), 0);
        assert_eq!(raw.c_cc[libc::VMIN], 1);
        set_raw_mode(slave, false).unwrap();
        assert_ne!(mode(slave).c_lflag & libc::ICANON, 0);
        set_raw_mode(slave, true).unwrap();
        reset_mode();
        assert_ne!(mode(slave).c_lflag & libc::ECHO, 0);
        SAVED.lock().unwrap().retain(|(fd, _)| *fd != slave);
        // SAFETY: both descriptors came from openpty and are closed once.
        unsafe {
            libc::close(slave);
            libc::close(master);
        }
    }

    #[test]
    fn raw_mode_on_a_non_terminal_is_an_errno() {
        let mut fds = [0; 2];
        // SAFETY: pipe writes two descriptors into `fds`.
        assert_eq!(unsafe { libc::pipe(fds.as_mut_ptr()) }, 0);
        assert_eq!(set_raw_mode(fds[0], true), Err(libc::ENOTTY));
        // SAFETY: the pipe's descriptors are closed once.
        unsafe {
            libc::close(fds[0]);
            libc::close(fds[1]);
        }
    }
}
