//! The QuickJS host: one runtime and context per thread, the JS hooks the loop calls, the
//! checkpoint (nextTicks, then QuickJS jobs), and the process lifecycle
//! (main → loop → `beforeExit` → `exit`).

use std::cell::RefCell;
use std::io::Write;
use std::panic::{catch_unwind, AssertUnwindSafe};

use rquickjs::function::IntoArgs;
use rquickjs::{Context, Ctx, Exception, Function, Object, Persistent, Runtime, Value};

use crate::cli::{Entry, Options};
use crate::evloop::{EventLoop, LoopHandle, RunMode};

/// The `--max-old-space-size` limit in bytes (0: none).
static MEMORY_LIMIT: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);

thread_local! {
    /// Set when QuickJS reports a rejection without a handler; cleared when the JS side
    /// processes the pending rejections.
    static REJECTIONS_PENDING: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

thread_local! {
    static HOST: RefCell<Option<HostState>> = const { RefCell::new(None) };
}

struct HostState {
    ctx: Context,
    /// The JS object of internal hooks (`runMain`, `processTimers`, `runTicks`, `fatalException`,
    /// …), set by the bootstrap.
    hooks: Option<Persistent<Object<'static>>>,
}

/// Runs `f` inside a native binding, turning a Rust panic into a JS `Error` so that no panic
/// crosses QuickJS's C frames.
pub(crate) fn guard<'js, R>(
    ctx: &Ctx<'js>,
    f: impl FnOnce() -> rquickjs::Result<R>,
) -> rquickjs::Result<R> {
    match catch_unwind(AssertUnwindSafe(f)) {
        Ok(r) => r,
        Err(p) => {
            let msg = p
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| p.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "unknown panic".into());
            Err(Exception::throw_internal(
                ctx,
                &format!("nrt internal error: {msg}"),
            ))
        }
    }
}

/// Writes to stdout or stderr synchronously, as node does for files and pipes. A
/// non-blocking descriptor (a pipe a parent made non-blocking) is waited on, never dropped.
pub(crate) fn write_fd(fd: i32, mut data: &[u8]) {
    let fd = if fd == 2 { 2 } else { 1 };
    while !data.is_empty() {
        // SAFETY: data points to data.len() readable bytes for the duration of the call.
        let n = unsafe { libc::write(fd, data.as_ptr().cast(), data.len()) };
        if n > 0 {
            data = &data[n as usize..];
            continue;
        }
        let err = std::io::Error::last_os_error();
        match err.raw_os_error() {
            Some(libc::EINTR) => continue,
            Some(libc::EAGAIN) => {
                let mut pfd = libc::pollfd {
                    fd,
                    events: libc::POLLOUT,
                    revents: 0,
                };
                // SAFETY: pfd is a valid pollfd array of length 1.
                unsafe { libc::poll(&mut pfd, 1, -1) };
            }
            // EPIPE and other errors: node ignores them for console writes.
            _ => return,
        }
    }
}

/// Ends the process now, after flushing our output.
pub(crate) fn exit_now(code: i32) -> ! {
    // Output goes straight to the descriptors (write_fd); flush Rust's buffers for any
    // eprintln! from start-up.
    let _ = std::io::stdout().flush();
    let _ = std::io::stderr().flush();
    // A terminal put in raw mode gets its mode back, as libuv's uv_tty_reset_mode.
    crate::modules::tty::reset_mode();
    // Node exits without tearing down the heap; so do we. `_exit` also skips thread-local
    // destructors, which would otherwise free the QuickJS context in an unspecified order
    // (and QuickJS's teardown assertions could fire on handles JS still holds).
    // SAFETY: _exit ends the process at once; nothing runs after it.
    unsafe { libc::_exit(code) }
}

/// The bootstrap's internal hooks object, once it exists.
pub(crate) fn hooks_object<'js>(ctx: &Ctx<'js>) -> Option<Object<'js>> {
    hooks(ctx)
}

fn hooks<'js>(ctx: &Ctx<'js>) -> Option<Object<'js>> {
    let p = HOST.with(|h| h.borrow().as_ref().and_then(|s| s.hooks.clone()))?;
    p.restore(ctx).ok()
}

/// Called by the bootstrap with the object of internal hooks.
pub(crate) fn set_hooks<'js>(ctx: &Ctx<'js>, obj: Object<'js>) {
    let p = Persistent::save(ctx, obj);
    HOST.with(|h| {
        if let Some(s) = h.borrow_mut().as_mut() {
            s.hooks = Some(p);
        }
    });
}

/// Calls hook `name` from outside JS (a loop callback): enters the context, handles an
/// exception as an uncaught one.
pub(crate) fn call_hook<A>(name: &'static str, args: A)
where
    A: for<'js> IntoArgs<'js>,
{
    if crate::worker::exiting() {
        return;
    }
    let Some(ctx) = HOST.with(|h| h.borrow().as_ref().map(|s| s.ctx.clone())) else {
        return;
    };
    ctx.with(|ctx| {
        let r = catch_unwind(AssertUnwindSafe(|| call_hook_in(&ctx, name, args)));
        match r {
            Ok(Ok(())) => {}
            Ok(Err(e)) => report_exception(&ctx, e),
            Err(_) => internal_failure("panic in a loop callback"),
        }
    });
}

/// Runs `f` with the context and the hooks object from outside JS (a loop callback),
/// handling an exception as an uncaught one.
pub(crate) fn with_hooks<F>(f: F)
where
    F: for<'js> FnOnce(&Ctx<'js>, Object<'js>) -> rquickjs::Result<()>,
{
    if crate::worker::exiting() {
        return;
    }
    let Some(ctx) = HOST.with(|h| h.borrow().as_ref().map(|s| s.ctx.clone())) else {
        return;
    };
    ctx.with(|ctx| {
        let Some(h) = hooks(&ctx) else { return };
        match catch_unwind(AssertUnwindSafe(|| f(&ctx, h))) {
            Ok(Ok(())) => {}
            Ok(Err(e)) => report_exception(&ctx, e),
            Err(_) => internal_failure("panic in a loop callback"),
        }
    });
}

/// Calls hook `name` with a context at hand.
pub(crate) fn call_hook_in<'js, A: IntoArgs<'js>>(
    ctx: &Ctx<'js>,
    name: &str,
    args: A,
) -> rquickjs::Result<()> {
    let Some(h) = hooks(ctx) else { return Ok(()) };
    let f: Function<'js> = h.get(name)?;
    f.call::<_, ()>(args)
}

fn internal_failure(what: &str) -> ! {
    write_fd(2, format!("nrt: internal error: {what}\n").as_bytes());
    exit_now(70)
}

/// Handles a JS exception that reached the top: `process._fatalException` decides between an
/// `uncaughtException` listener and printing the error and exiting 1 (as node).
pub(crate) fn report_exception(ctx: &Ctx<'_>, err: rquickjs::Error) {
    let value = if let rquickjs::Error::Exception = err {
        ctx.catch()
    } else {
        // A Rust-side error (bad conversion, …): surface it as a JS Error.
        let msg = err.to_string();
        let _ = Exception::throw_internal(ctx, &msg);
        ctx.catch()
    };
    fatal_value(ctx, value);
}

/// QuickJS's out-of-memory exception under `--max-old-space-size`: node aborts with a fatal
/// error that JS cannot catch, and so do we (printing needs no JS heap).
fn is_out_of_memory(ctx: &Ctx<'_>, value: &Value<'_>) -> bool {
    // When even the InternalError cannot be allocated, QuickJS throws null.
    if value.is_null() {
        let limit = MEMORY_LIMIT.load(std::sync::atomic::Ordering::Relaxed);
        return limit > 0 && crate::modules::heap_usage(ctx).0 >= limit as f64 * 0.9;
    }
    let Some(o) = value.as_object() else {
        return false;
    };
    o.get::<_, String>("name")
        .is_ok_and(|n| n == "InternalError")
        && o.get::<_, String>("message")
            .is_ok_and(|m| m == "out of memory")
}

fn fatal_out_of_memory() -> ! {
    write_fd(
        2,
        b"FATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory\n",
    );
    // SIGABRT's exit status, as node's abort().
    exit_now(134)
}

/// Routes an uncaught value through the JS fatal-exception hook.
pub(crate) fn fatal_value<'js>(ctx: &Ctx<'js>, value: Value<'js>) {
    // A worker that is ending (process.exit, terminate) unwinds with an uncatchable
    // exception: nothing more to report.
    if crate::worker::exiting() {
        return;
    }
    if is_out_of_memory(ctx, &value) {
        fatal_out_of_memory()
    }
    if let Some(h) = hooks(ctx) {
        if let Ok(f) = h.get::<_, Function<'js>>("fatalException") {
            let thrown_null = value.is_null();
            match f.call::<_, ()>((value,)) {
                Ok(()) => return,
                Err(rquickjs::Error::Exception) => {
                    // The handler itself threw: node exits 7.
                    let v = ctx.catch();
                    if crate::worker::exiting() {
                        return;
                    }
                    if MEMORY_LIMIT.load(std::sync::atomic::Ordering::Relaxed) > 0
                        && (thrown_null || v.is_null() || is_out_of_memory(ctx, &v))
                    {
                        fatal_out_of_memory()
                    }
                    let s = v
                        .as_object()
                        .and_then(|o| o.get::<_, String>("stack").ok())
                        .unwrap_or_else(|| format!("{v:?}"));
                    write_fd(2, format!("{s}\n").as_bytes());
                    exit_now(7)
                }
                Err(e) => internal_failure(&e.to_string()),
            }
        }
    }
    let msg = value
        .as_object()
        .and_then(|o| o.get::<_, String>("stack").ok())
        .unwrap_or_else(|| format!("{value:?}"));
    write_fd(2, format!("Uncaught {msg}\n").as_bytes());
    if crate::worker::is_worker() {
        crate::worker::request_exit(1);
        return;
    }
    exit_now(1)
}

/// The main thread's options, kept for the workers it starts (they run with the same
/// flags).
static MAIN_OPTIONS: std::sync::OnceLock<Options> = std::sync::OnceLock::new();

/// The options a worker starts from.
pub(crate) fn main_options() -> Option<Options> {
    MAIN_OPTIONS.get().cloned()
}

/// Builds the runtime, runs the program and the loop, and exits.
pub(crate) fn run(opts: Options) -> ! {
    let _ = MAIN_OPTIONS.set(opts.clone());
    let code = run_program(&opts);
    exit_now(code)
}

/// Builds a runtime, context and loop on this thread, runs the program and the loop, and
/// returns the exit code. The main thread exits with it; a worker thread returns it to
/// its parent (crate::worker).
pub(crate) fn run_program(opts: &Options) -> i32 {
    let worker = crate::worker::is_worker();
    let rt = match Runtime::new() {
        Ok(rt) => rt,
        Err(e) => internal_failure(&e.to_string()),
    };
    if let (Some(mb), false) = (opts.max_old_space_mb, worker) {
        let limit = (mb as usize)
            .saturating_mul(1024 * 1024)
            .max(4 * 1024 * 1024);
        MEMORY_LIMIT.store(limit, std::sync::atomic::Ordering::Relaxed);
        rt.set_memory_limit(limit);
    }
    // node's default V8 stack is 984 KiB; keep a margin under the 8 MiB main thread stack
    // (workers get a thread stack of the same size).
    let stack_kb = opts.stack_size_kb.unwrap_or(984).clamp(64, 7 * 1024);
    rt.set_max_stack_size(stack_kb as usize * 1024);
    // A worker's terminate() and process.exit(), and an expired `vm` timeout, stop running
    // JS with an uncatchable exception.
    rt.set_interrupt_handler(Some(Box::new(|| {
        crate::worker::should_interrupt() || crate::realm::should_interrupt()
    })));
    let ctx = match Context::full(&rt) {
        Ok(c) => c,
        Err(e) => internal_failure(&e.to_string()),
    };
    crate::shared_memory::install(&ctx);
    let lp = match EventLoop::new() {
        Ok(l) => l,
        Err(e) => internal_failure(&e.to_string()),
    };
    HOST.with(|h| {
        *h.borrow_mut() = Some(HostState {
            ctx: ctx.clone(),
            hooks: None,
        })
    });
    crate::modules::module::install_loader(&rt);
    rt.set_host_promise_rejection_tracker(Some(Box::new(|ctx, promise, reason, handled| {
        if !handled {
            REJECTIONS_PENDING.with(|p| p.set(true));
        }
        let _ = catch_unwind(AssertUnwindSafe(|| {
            if let Err(e) = call_hook_in(&ctx, "promiseRejection", (promise, reason, handled)) {
                report_exception(&ctx, e);
            }
        }));
    })));
    let handle = lp.handle();
    install_microtask_hook(&handle, rt.clone());
    crate::worker::bind_loop(&handle);

    // Evaluate the main script inside the loop's tokio context, then drive the loop.
    lp.enter(|| {
        ctx.with(|ctx| {
            let r = catch_unwind(AssertUnwindSafe(|| crate::bootstrap::bootstrap(&ctx, opts)));
            match r {
                Ok(Ok(())) => {}
                Ok(Err(e)) => report_exception(&ctx, e),
                Err(_) => internal_failure("panic during start-up"),
            }
        });
        // Timers the main script sets count from now, not from before the bootstrap.
        handle.update_time();
        let main = if opts.entry == Entry::Repl {
            "runRepl"
        } else {
            "runMain"
        };
        if !crate::worker::exiting() {
            crate::worker::mark_started();
            ctx.with(|ctx| {
                let r = catch_unwind(AssertUnwindSafe(|| call_hook_in(&ctx, main, ())));
                match r {
                    Ok(Ok(())) => {}
                    Ok(Err(e)) => report_exception(&ctx, e),
                    Err(_) => internal_failure("panic in the main script"),
                }
            });
            handle.checkpoint();
        }
    });
    let r = catch_unwind(AssertUnwindSafe(|| loop {
        if crate::worker::exiting() {
            break;
        }
        lp.run(RunMode::Default);
        if crate::worker::exiting() {
            break;
        }
        // In the loop's tokio context: 'beforeExit' listeners may start I/O (a server, a
        // socket) that needs the reactor.
        lp.enter(|| {
            call_hook("emitBeforeExit", ());
            handle.checkpoint();
        });
        if !handle.is_alive() {
            break;
        }
    }));
    if r.is_err() {
        internal_failure("panic in the event loop");
    }
    let code = match crate::worker::exit_code() {
        Some(code) => code,
        // 'exit' listeners run in the tokio context too (a native call there may need it).
        None => lp.enter(|| {
            ctx.with(|ctx| {
                let Some(h) = hooks(&ctx) else { return 0 };
                let Ok(f) = h.get::<_, Function<'_>>("emitExit") else {
                    return 0;
                };
                match f.call::<_, i32>(()) {
                    Ok(c) => c,
                    Err(e) => {
                        report_exception(&ctx, e);
                        crate::worker::exit_code().unwrap_or(1)
                    }
                }
            })
        }),
    };
    if worker {
        // Free the worker's heap (node frees an ended worker's isolate). Every JS value Rust
        // held (the hooks) goes first, then the loop with the bindings' tasks; the GC then
        // collects what JS left behind, so JS_FreeRuntime finds no live object.
        handle.set_microtask_hook(|| false);
        rt.set_host_promise_rejection_tracker(None);
        rt.set_interrupt_handler(None);
        let state = HOST.with(|h| h.borrow_mut().take());
        drop(state);
        drop(lp);
        rt.run_gc();
        drop(ctx);
        drop(rt);
    }
    code
}

/// Ends the program: the process on the main thread; on a worker thread only the worker
/// (its code is recorded, its loop stopped, and the returned error is an uncatchable
/// exception that unwinds the running JS).
pub(crate) fn really_exit(ctx: &Ctx<'_>, code: i32) -> rquickjs::Error {
    if !crate::worker::is_worker() {
        exit_now(code)
    }
    crate::worker::request_exit(code);
    crate::worker::throw_uncatchable(ctx)
}

/// Runs every pending promise job from inside a native call (the immediate batch's
/// checkpoint), where rquickjs's `Runtime` is already borrowed: QuickJS runs jobs re-entrantly,
/// so the job queue is driven through the C API. A job's exception is reported as uncaught.
/// Returns (and clears) whether unhandled rejections wait to be processed.
pub(crate) fn run_jobs_nested(ctx: &Ctx<'_>) -> bool {
    // SAFETY: the context pointer is live for the duration of `ctx`; JS_ExecutePendingJob
    // only needs the runtime, and takes no reference on the job's context (one context per
    // runtime here, the same as `ctx`).
    let rt = unsafe { rquickjs::qjs::JS_GetRuntime(ctx.as_raw().as_ptr()) };
    loop {
        if crate::worker::exiting() {
            break;
        }
        let mut job_ctx = std::ptr::null_mut();
        // SAFETY: rt is the live runtime of ctx; job_ctx is a valid out-pointer.
        let r = unsafe { rquickjs::qjs::JS_ExecutePendingJob(rt, &mut job_ctx) };
        if r == 0 {
            break;
        }
        if r < 0 {
            let v = ctx.catch();
            fatal_value(ctx, v);
        }
    }
    REJECTIONS_PENDING.with(|p| p.replace(false))
}

fn install_microtask_hook(handle: &LoopHandle, rt: Runtime) {
    handle.set_microtask_hook(move || {
        if crate::worker::exiting() {
            return false;
        }
        let mut ran = false;
        loop {
            match rt.execute_pending_job() {
                Ok(true) => ran = true,
                Ok(false) => break,
                Err(job) => {
                    ran = true;
                    job.0.with(|ctx| {
                        let v = ctx.catch();
                        fatal_value(&ctx, v);
                    });
                }
            }
        }
        // Node's processTicksAndRejections: unhandled rejections are processed once the
        // microtask queue is empty; a handler may queue more work. Only when there are
        // any: this runs after every callback, and a JS call each time is costly.
        if REJECTIONS_PENDING.with(|p| p.replace(false)) {
            call_hook("processRejections", ());
        }
        let _ = ran;
        rt.is_job_pending()
    });
}
