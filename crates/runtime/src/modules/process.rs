//! Native side of `process`: stdio writes, exit, cwd, env, hrtime, memory, signals.

use std::sync::atomic::{AtomicI32, Ordering};
use std::sync::{Condvar, Mutex, OnceLock, PoisonError};
use std::time::Instant;

use rquickjs::function::Opt;
use rquickjs::{BigInt, Ctx, Function, Object, Result, Value};

use crate::host::{guard, with_hooks, write_fd};

thread_local! {
    /// Keeps the loop alive while JS reads stdin (node refs the stdin handle while flowing).
    static STDIN_ALIVE: std::cell::RefCell<Option<node_event_loop::RemoteKeepAlive>> =
        const { std::cell::RefCell::new(None) };
    static STDIN_STARTED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
    static STDIN_EOF: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// The reader thread's gate: `hold` is set while JS wants no more stdin for now (its stream
/// is full or paused, as node's stdin handle stops reading); `in_flight` while a chunk is
/// posted but not yet handed to JS, so the thread never runs ahead of the stream.
struct StdinGate {
    hold: bool,
    in_flight: bool,
}

static STDIN_GATE: Mutex<StdinGate> = Mutex::new(StdinGate {
    hold: false,
    in_flight: false,
});
static STDIN_WAKE: Condvar = Condvar::new();

fn update_stdin_gate(f: impl FnOnce(&mut StdinGate)) {
    let mut g = STDIN_GATE.lock().unwrap_or_else(PoisonError::into_inner);
    f(&mut g);
    STDIN_WAKE.notify_all();
}

/// Waits until the thread may read, and marks the next chunk in flight.
fn wait_for_stdin_gate() {
    let mut g = STDIN_GATE.lock().unwrap_or_else(PoisonError::into_inner);
    while g.hold || g.in_flight {
        g = STDIN_WAKE.wait(g).unwrap_or_else(PoisonError::into_inner);
    }
    g.in_flight = true;
}

/// Starts the stdin reader thread once: each chunk is posted to the loop and handed to JS
/// (`stdinData`), then `stdinEnd` at end of input.
fn stdin_start() {
    update_stdin_gate(|g| g.hold = false);
    if STDIN_EOF.with(|e| e.get()) {
        return;
    }
    let Some(h) = crate::evloop::LoopHandle::current() else {
        return;
    };
    let remote = h.remote();
    STDIN_ALIVE.with(|a| {
        let mut a = a.borrow_mut();
        if a.is_none() {
            *a = Some(remote.keep_alive());
        }
    });
    if STDIN_STARTED.with(|s| s.replace(true)) {
        return;
    }
    std::thread::spawn(move || {
        use std::io::Read;
        let mut stdin = std::io::stdin().lock();
        let mut buf = vec![0u8; 65536];
        loop {
            wait_for_stdin_gate();
            match stdin.read(&mut buf) {
                Ok(0) => break,
                Ok(n) => {
                    let chunk = buf[..n].to_vec();
                    remote.post(move || {
                        with_hooks(|ctx, hooks| {
                            let f: Function<'_> = hooks.get("stdinData")?;
                            let ta = rquickjs::TypedArray::<u8>::new(ctx.clone(), chunk)?;
                            f.call::<_, ()>((ta,))
                        });
                        update_stdin_gate(|g| g.in_flight = false);
                    });
                }
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {
                    update_stdin_gate(|g| g.in_flight = false);
                    continue;
                }
                Err(_) => break,
            }
        }
        remote.post(|| {
            STDIN_EOF.with(|e| e.set(true));
            STDIN_ALIVE.with(|a| a.borrow_mut().take());
            with_hooks(|_, hooks| hooks.get::<_, Function<'_>>("stdinEnd")?.call::<_, ()>(()));
        });
    });
}

pub(crate) static START: OnceLock<Instant> = OnceLock::new();

// Signal listeners for `process.on('SIGINT', …)`: an async-signal-safe handler writes the
// signal number to a pipe; a thread reads it and posts the event to the loop. Like node's
// signal handles, these do not keep the loop alive.
/// Write end of the self-pipe, read by the dispatch thread.
static PIPE_WRITE: AtomicI32 = AtomicI32::new(-1);
static SIGNALS_STARTED: OnceLock<()> = OnceLock::new();

extern "C" fn on_signal(signum: libc::c_int) {
    let fd = PIPE_WRITE.load(Ordering::Relaxed);
    if fd >= 0 {
        let b = signum as u8;
        // SAFETY: write(2) is async-signal-safe; the buffer is a live local byte.
        unsafe { libc::write(fd, (&b as *const u8).cast(), 1) };
    }
}

fn start_dispatch() -> bool {
    if SIGNALS_STARTED.get().is_some() {
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
            remote.post(move || crate::host::call_hook("signal", (signum,)));
        } else if n < 0 && std::io::Error::last_os_error().kind() == std::io::ErrorKind::Interrupted
        {
            continue;
        } else {
            break;
        }
    });
    let _ = SIGNALS_STARTED.set(());
    true
}

/// Starts delivering `signum` to JS. Returns false for signals that cannot be caught.
fn signal_watch(signum: i32) -> bool {
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
fn signal_unwatch(signum: i32) {
    // SAFETY: resets the disposition to SIG_DFL; no pointers are kept.
    unsafe {
        libc::signal(signum, libc::SIG_DFL);
    }
}

/// Marks process start for `process.uptime()`.
pub(crate) fn mark_start() {
    START.get_or_init(Instant::now);
}

fn hrtime_ns() -> u128 {
    // CLOCK_MONOTONIC, as libuv's uv_hrtime.
    let mut ts = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: `ts` is a valid, writable timespec for the duration of the call.
    unsafe { libc::clock_gettime(libc::CLOCK_MONOTONIC, &mut ts) };
    ts.tv_sec as u128 * 1_000_000_000 + ts.tv_nsec as u128
}

fn rss_bytes() -> f64 {
    // /proc/self/statm: size resident ... in pages.
    let page = 4096.0;
    std::fs::read_to_string("/proc/self/statm")
        .ok()
        .and_then(|s| {
            s.split_whitespace()
                .nth(1)
                .and_then(|v| v.parse::<f64>().ok())
        })
        .map(|p| p * page)
        .unwrap_or(0.0)
}

fn f<'js, F, P>(ctx: &Ctx<'js>, obj: &Object<'js>, name: &str, func: F) -> Result<()>
where
    F: rquickjs::function::IntoJsFunc<'js, P> + 'js,
{
    obj.set(name, Function::new(ctx.clone(), func)?.with_name(name)?)
}

/// The cgroup memory limit, as libuv's `uv_get_constrained_memory` (u64::MAX when the
/// group is unlimited, `None` when there is no cgroup information).
fn constrained_memory() -> Option<f64> {
    const UNLIMITED: f64 = u64::MAX as f64;
    if let Ok(s) = std::fs::read_to_string("/sys/fs/cgroup/memory.max") {
        let s = s.trim();
        return if s == "max" {
            Some(UNLIMITED)
        } else {
            s.parse::<f64>().ok()
        };
    }
    let v1 = std::fs::read_to_string("/sys/fs/cgroup/memory/memory.limit_in_bytes").ok()?;
    let n = v1.trim().parse::<u64>().ok()?;
    // cgroup v1 reports "unlimited" as the largest page-aligned i64.
    Some(if n >= 0x7FFF_FFFF_FFFF_F000 {
        UNLIMITED
    } else {
        n as f64
    })
}

/// getrusage(RUSAGE_SELF) in node's `process.resourceUsage()` order (times in µs).
fn rusage() -> Vec<f64> {
    // SAFETY: ru is a valid, writable rusage for getrusage to fill.
    let ru = unsafe {
        let mut ru: libc::rusage = std::mem::zeroed();
        libc::getrusage(libc::RUSAGE_SELF, &mut ru);
        ru
    };
    let us = |t: libc::timeval| t.tv_sec as f64 * 1e6 + t.tv_usec as f64;
    vec![
        us(ru.ru_utime),
        us(ru.ru_stime),
        ru.ru_maxrss as f64,
        ru.ru_ixrss as f64,
        ru.ru_idrss as f64,
        ru.ru_isrss as f64,
        ru.ru_minflt as f64,
        ru.ru_majflt as f64,
        ru.ru_nswap as f64,
        ru.ru_inblock as f64,
        ru.ru_oublock as f64,
        ru.ru_msgsnd as f64,
        ru.ru_msgrcv as f64,
        ru.ru_nsignals as f64,
        ru.ru_nvcsw as f64,
        ru.ru_nivcsw as f64,
    ]
}

/// Builds the `process` binding object.
pub(crate) fn binding<'js>(ctx: &Ctx<'js>) -> Result<Object<'js>> {
    mark_start();
    let o = Object::new(ctx.clone())?;
    f(ctx, &o, "write", |ctx: Ctx<'js>, fd: i32, s: Value<'js>| {
        guard(&ctx, || {
            if s.is_string() {
                // Lone surrogates print as U+FFFD, as node writes them.
                crate::modules::buffer::with_utf8(&ctx, &s, |b| write_fd(fd, b))?;
            } else if let Some(obj) = s.as_object() {
                if let Ok(ta) = rquickjs::TypedArray::<u8>::from_object(obj.clone()) {
                    // SAFETY: the bytes are copied out by write_fd before any JS runs, so the
                    // buffer cannot be detached or resized while borrowed.
                    if let Some(b) = unsafe { ta.as_bytes() } {
                        write_fd(fd, b);
                    }
                }
            }
            Ok(())
        })
    })?;
    f(
        ctx,
        &o,
        "reallyExit",
        |ctx: Ctx<'js>, code: i32| -> rquickjs::Result<()> {
            Err(crate::host::really_exit(&ctx, code))
        },
    )?;
    f(ctx, &o, "cwd", |ctx: Ctx<'js>| {
        guard(&ctx, || match std::env::current_dir() {
            Ok(p) => Ok(p.to_string_lossy().into_owned()),
            Err(e) => Err(crate::modules::throw_node(
                &ctx,
                node_core::NodeError::from_io(&e, "uv_cwd"),
            )),
        })
    })?;
    f(ctx, &o, "chdir", |ctx: Ctx<'js>, dir: String| {
        guard(&ctx, || match std::env::set_current_dir(&dir) {
            Ok(()) => Ok(()),
            Err(e) => {
                // node: "ENOENT: no such file or directory, chdir '<cwd>' -> '<dir>'".
                let cwd = std::env::current_dir()
                    .map(|p| p.to_string_lossy().into_owned())
                    .unwrap_or_default();
                let err = node_core::NodeError::from_io(&e, "chdir")
                    .with_path(cwd)
                    .with_dest(dir.clone());
                Err(crate::modules::throw_node(&ctx, err))
            }
        })
    })?;
    f(ctx, &o, "hrtime", |ctx: Ctx<'js>| {
        guard(&ctx, || {
            let ns = hrtime_ns();
            Ok(vec![
                (ns / 1_000_000_000) as f64,
                (ns % 1_000_000_000) as f64,
            ])
        })
    })?;
    f(ctx, &o, "hrtimeBigint", |ctx: Ctx<'js>| {
        guard(&ctx, || BigInt::from_u64(ctx.clone(), hrtime_ns() as u64))
    })?;
    f(ctx, &o, "uptime", || {
        START
            .get()
            .map(|s| s.elapsed().as_secs_f64())
            .unwrap_or(0.0)
    })?;
    f(ctx, &o, "getEnv", |k: String| std::env::var(&k).ok())?;
    f(ctx, &o, "setEnv", |ctx: Ctx<'js>, k: String, v: String| {
        guard(&ctx, || {
            if !k.is_empty() && !k.contains('=') && !k.contains('\0') && !v.contains('\0') {
                // SAFETY: std serialises its own environment calls (set_var, var, vars —
                // every read nrt makes, including workers sharing the environment with
                // SHARE_ENV and std::process::Command building a child's environment) with
                // one lock. What stays unsynchronised is C code calling getenv directly
                // (getaddrinfo on the blocking pool) while a script writes process.env: the
                // same exposure node has, since libc offers no lock to share.
                unsafe { std::env::set_var(&k, &v) };
            }
            Ok(())
        })
    })?;
    f(ctx, &o, "delEnv", |ctx: Ctx<'js>, k: String| {
        guard(&ctx, || {
            if !k.is_empty() && !k.contains('=') && !k.contains('\0') {
                // SAFETY: as for setEnv above.
                unsafe { std::env::remove_var(&k) };
            }
            Ok(())
        })
    })?;
    f(ctx, &o, "envKeys", || {
        std::env::vars_os()
            .map(|(k, _)| k.to_string_lossy().into_owned())
            .collect::<Vec<_>>()
    })?;
    f(ctx, &o, "memoryUsage", |ctx: Ctx<'js>| {
        guard(&ctx, || {
            let m = crate::modules::heap_usage(&ctx);
            Ok(vec![rss_bytes(), m.0, m.1, m.2, m.3])
        })
    })?;
    f(ctx, &o, "rss", rss_bytes)?;
    f(ctx, &o, "winsize", |fd: i32| {
        // SAFETY: winsize is plain old data; all-zero is a valid value.
        let mut ws: libc::winsize = unsafe { std::mem::zeroed() };
        // SAFETY: ws is a valid, writable winsize for the TIOCGWINSZ ioctl to fill.
        let ok = unsafe { libc::ioctl(fd, libc::TIOCGWINSZ, &mut ws) } == 0;
        ok.then(|| vec![f64::from(ws.ws_col), f64::from(ws.ws_row)])
    })?;
    f(ctx, &o, "isatty", |fd: i32| {
        // SAFETY: isatty only inspects the descriptor number.
        unsafe { libc::isatty(fd) == 1 }
    })?;
    f(ctx, &o, "umask", |mask: Opt<u32>| {
        // SAFETY: umask has no memory-safety preconditions.
        let old = unsafe { libc::umask(mask.0.unwrap_or(0) as libc::mode_t) };
        if mask.0.is_none() {
            // SAFETY: as above; restores the mask we just read.
            unsafe { libc::umask(old) };
        }
        old as u32
    })?;
    f(ctx, &o, "kill", |ctx: Ctx<'js>, pid: i32, sig: i32| {
        guard(&ctx, || {
            // SAFETY: kill has no memory-safety preconditions.
            let r = unsafe { libc::kill(pid, sig) };
            if r != 0 {
                let e = std::io::Error::last_os_error();
                return Err(crate::modules::throw_node(
                    &ctx,
                    node_core::NodeError::from_io(&e, "kill"),
                ));
            }
            Ok(())
        })
    })?;
    f(ctx, &o, "gc", |ctx: Ctx<'js>| ctx.run_gc())?;
    f(ctx, &o, "rusage", rusage)?;
    f(ctx, &o, "constrainedMemory", constrained_memory)?;
    f(ctx, &o, "ids", || {
        // SAFETY: these getters have no preconditions.
        unsafe {
            vec![
                libc::getuid() as f64,
                libc::geteuid() as f64,
                libc::getgid() as f64,
                libc::getegid() as f64,
            ]
        }
    })?;
    f(ctx, &o, "totalMemory", || {
        // SAFETY: sysconf has no preconditions.
        let (pages, size) = unsafe {
            (
                libc::sysconf(libc::_SC_PHYS_PAGES),
                libc::sysconf(libc::_SC_PAGESIZE),
            )
        };
        (pages.max(0) as f64) * (size.max(0) as f64)
    })?;
    f(ctx, &o, "signalWatch", signal_watch)?;
    f(ctx, &o, "signalUnwatch", signal_unwatch)?;
    f(ctx, &o, "stdinStart", |ctx: Ctx<'js>| {
        guard(&ctx, || {
            stdin_start();
            Ok(())
        })
    })?;
    f(ctx, &o, "stdinUnref", || {
        STDIN_ALIVE.with(|a| a.borrow_mut().take());
    })?;
    f(ctx, &o, "stdinPause", || {
        STDIN_ALIVE.with(|a| a.borrow_mut().take());
        update_stdin_gate(|g| g.hold = true);
    })?;
    f(ctx, &o, "scheduleTicks", |ctx: Ctx<'js>| {
        guard(&ctx, || {
            if let Some(h) = crate::evloop::LoopHandle::current() {
                h.next_tick(|| crate::host::call_hook("runTicks", ()));
            }
            Ok(())
        })
    })?;
    o.set("pid", std::process::id())?;
    // SAFETY: getppid has no preconditions.
    o.set("ppid", unsafe { libc::getppid() })?;
    o.set(
        "execPath",
        std::env::current_exe()
            .map(|p| p.to_string_lossy().into_owned())
            .unwrap_or_default(),
    )?;
    o.set("platform", std::env::consts::OS)?;
    o.set(
        "arch",
        match std::env::consts::ARCH {
            "x86_64" => "x64",
            "aarch64" => "arm64",
            "x86" => "ia32",
            other => other,
        },
    )?;
    Ok(o)
}
