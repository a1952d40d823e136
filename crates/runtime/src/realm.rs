//! Extra QuickJS contexts ("realms") for `node:vm`, and running code in one with a time
//! limit.
//!
//! A realm is a new `JSContext` in this thread's runtime: its own global object and
//! intrinsics (so `Object`, `Array`, `Error` … differ from the main context's, as in V8's
//! contexts) over the same heap (objects pass freely between realms). Nothing in Rust owns
//! a realm: QuickJS counts a reference from every built-in function to its realm, so a realm
//! lives while JS can reach its global object or any of its functions, and the cycle
//! collector frees it with them.
//!
//! QuickJS runs a built-in function in the realm it belongs to, and a Rust function in the
//! realm of its caller. So JS runs code in a realm by calling [`evaluate`]'s binding through
//! that realm's own `Reflect.apply` (vm.js): the binding then receives the realm's context.

use std::cell::{Cell, RefCell};
use std::ffi::CString;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use rquickjs::{qjs, Ctx, Exception, Result, Value};

thread_local! {
    /// Deadlines of the `timeout`s of the runs in progress on this thread, innermost last.
    static DEADLINES: RefCell<Vec<Instant>> = const { RefCell::new(Vec::new()) };
}

/// Whether the `timeout` of a run in progress has expired. QuickJS's interrupt handler
/// (host.rs) asks this, and stops the running JS with an uncatchable error when it is true.
pub(crate) fn deadline_passed() -> bool {
    DEADLINES.with(|d| {
        let Ok(d) = d.try_borrow() else { return false };
        match d.iter().min() {
            Some(at) => Instant::now() >= *at,
            None => false,
        }
    })
}

/// Whether JS running now must stop: an expired `timeout`, or a SIGINT during a run with
/// `breakOnSigint`. QuickJS's interrupt handler (host.rs) asks this; true stops the running
/// JS with an uncatchable error.
pub(crate) fn should_interrupt() -> bool {
    deadline_passed() || (SIGINT_SEEN.load(Ordering::Relaxed) && SIGINT_DEPTH.with(Cell::get) > 0)
}

/// Set by the SIGINT handler of a `breakOnSigint` run.
static SIGINT_SEEN: AtomicBool = AtomicBool::new(false);

thread_local! {
    /// How many `breakOnSigint` runs are in progress on this thread.
    static SIGINT_DEPTH: Cell<u32> = const { Cell::new(0) };
    /// The SIGINT disposition the outermost of them replaced.
    static SIGINT_SAVED: Cell<Option<libc::sigaction>> = const { Cell::new(None) };
}

extern "C" fn on_sigint(_signum: libc::c_int) {
    SIGINT_SEEN.store(true, Ordering::Relaxed);
}

/// SIGINT caught for a `breakOnSigint` run: process listeners get nothing meanwhile, as in
/// node, and get the signal back when the outermost such run ends.
struct SigintWatch;

impl SigintWatch {
    fn start() -> SigintWatch {
        if SIGINT_DEPTH.with(Cell::get) == 0 {
            SIGINT_SEEN.store(false, Ordering::Relaxed);
            // SAFETY: installs a handler that only stores to an atomic; `sa` is fully
            // initialised and `old` is a valid out-pointer.
            let old = unsafe {
                let mut sa: libc::sigaction = std::mem::zeroed();
                sa.sa_sigaction = on_sigint as extern "C" fn(libc::c_int) as usize;
                sa.sa_flags = libc::SA_RESTART;
                libc::sigemptyset(&mut sa.sa_mask);
                let mut old: libc::sigaction = std::mem::zeroed();
                (libc::sigaction(libc::SIGINT, &sa, &mut old) == 0).then_some(old)
            };
            SIGINT_SAVED.with(|s| s.set(old));
        }
        SIGINT_DEPTH.with(|d| d.set(d.get() + 1));
        SigintWatch
    }

    /// Whether a SIGINT arrived (and is now taken).
    fn take(&self) -> bool {
        SIGINT_SEEN.swap(false, Ordering::Relaxed)
    }
}

impl Drop for SigintWatch {
    fn drop(&mut self) {
        let depth = SIGINT_DEPTH.with(|d| {
            d.set(d.get() - 1);
            d.get()
        });
        if depth == 0 {
            if let Some(old) = SIGINT_SAVED.with(Cell::take) {
                // SAFETY: restores the disposition saved by `start`.
                unsafe { libc::sigaction(libc::SIGINT, &old, std::ptr::null_mut()) };
            }
            SIGINT_SEEN.store(false, Ordering::Relaxed);
        }
    }
}

/// One run's deadline, on the thread's stack of deadlines while the run lasts.
struct Deadline {
    at: Instant,
}

impl Deadline {
    fn start(limit: Duration) -> Deadline {
        let at = Instant::now() + limit;
        DEADLINES.with(|d| d.borrow_mut().push(at));
        Deadline { at }
    }

    fn expired(&self) -> bool {
        Instant::now() >= self.at
    }
}

impl Drop for Deadline {
    fn drop(&mut self) {
        // Runs nest, so this run's deadline is the innermost one.
        DEADLINES.with(|d| {
            d.borrow_mut().pop();
        });
    }
}

/// Creates a realm and returns its global object.
pub(crate) fn create<'js>(ctx: &Ctx<'js>) -> Result<Value<'js>> {
    let raw = ctx.as_raw().as_ptr();
    // SAFETY: raw is the live context of `ctx`, so its runtime is live. JS_NewContext
    // returns a context holding one reference, or null. The global object it returns is
    // owned and handed to rquickjs once. Dropping our reference to the new context leaves
    // it alive: each of its built-in functions (reachable from the global) holds one.
    unsafe {
        let rt = qjs::JS_GetRuntime(raw);
        let realm = qjs::JS_NewContext(rt);
        if realm.is_null() {
            return Err(Exception::throw_internal(ctx, "out of memory"));
        }
        let global = qjs::JS_GetGlobalObject(realm);
        qjs::JS_FreeContext(realm);
        Ok(Value::from_raw(ctx.clone(), global))
    }
}

/// How [`evaluate`] runs its code.
#[derive(Debug, Default)]
pub(crate) struct RunOptions {
    /// Stop the run, and report [`Outcome::TimedOut`], after this long.
    pub(crate) timeout: Option<Duration>,
    /// Only parse the code (a syntax check); the outcome is `undefined`.
    pub(crate) compile_only: bool,
    /// Run the promise jobs the code queued before returning (`microtaskMode:
    /// 'afterEvaluate'`); the timeout covers them too.
    pub(crate) drain_jobs: bool,
    /// Stop the run, and report [`Outcome::Interrupted`], on SIGINT.
    pub(crate) break_on_sigint: bool,
}

/// What became of a run that did not throw.
pub(crate) enum Outcome<'js> {
    /// The completion value of the script.
    Value(Value<'js>),
    /// The timeout expired; the code was stopped.
    TimedOut,
    /// A SIGINT arrived during a `break_on_sigint` run; the code was stopped.
    Interrupted,
}

/// Runs `code` as a classic script in `ctx`'s realm (its global object is `this`), naming
/// it `filename` in stack traces, its first line numbered `line`. An exception the code
/// throws is returned as `Err(Exception)`, pending in the context, as rquickjs does.
pub(crate) fn evaluate<'js>(
    ctx: &Ctx<'js>,
    code: &str,
    filename: &str,
    line: i32,
    opts: &RunOptions,
) -> Result<Outcome<'js>> {
    // QuickJS's parser needs a NUL after the input (NULs inside it are characters). It
    // reads a first line numbered 0 as "no number" (1): such code starts a line earlier,
    // after an empty line -1.
    let (line, lead) = if line == 0 { (-1, 1) } else { (line, 0) };
    let mut src = Vec::with_capacity(code.len() + lead + 1);
    src.extend(std::iter::repeat_n(b'\n', lead));
    src.extend_from_slice(code.as_bytes());
    src.push(0);
    let name = CString::new(filename.replace('\0', "")).unwrap_or_default();
    let mut flags = qjs::JS_EVAL_TYPE_GLOBAL;
    if opts.compile_only {
        flags |= qjs::JS_EVAL_FLAG_COMPILE_ONLY;
    }
    let mut options = qjs::JSEvalOptions {
        version: qjs::JS_EVAL_OPTIONS_VERSION as _,
        eval_flags: flags as _,
        filename: name.as_ptr(),
        line_num: line,
    };
    let raw = ctx.as_raw().as_ptr();
    let deadline = opts.timeout.map(Deadline::start);
    let sigint = opts.break_on_sigint.then(SigintWatch::start);
    // SAFETY: raw is the live context of `ctx`; `src` is NUL-terminated and outlives the
    // call, as do `name` and `options`. The result is owned: freed (a compiled function) or
    // handed to rquickjs once.
    let result =
        unsafe { qjs::JS_Eval2(raw, src.as_ptr().cast(), (src.len() - 1) as _, &mut options) };
    // SAFETY: `result` is a value JS_Eval2 returned in this context.
    if unsafe { qjs::JS_IsException(result) } {
        let outcome = failure(ctx, deadline.as_ref(), sigint.as_ref());
        if opts.drain_jobs && matches!(outcome, Ok(Outcome::TimedOut | Outcome::Interrupted)) {
            stop_jobs(ctx);
        }
        return outcome;
    }
    if opts.compile_only {
        // SAFETY: `result` is the owned compiled function; nothing else refers to it.
        unsafe { qjs::JS_FreeValue(raw, result) };
        return Ok(Outcome::Value(Value::new_undefined(ctx.clone())));
    }
    // SAFETY: `result` is owned and not an exception.
    let value = unsafe { Value::from_raw(ctx.clone(), result) };
    if opts.drain_jobs {
        drain_jobs(ctx)?;
        if !crate::worker::exiting() {
            if sigint.as_ref().is_some_and(SigintWatch::take) {
                stop_jobs(ctx);
                return Ok(Outcome::Interrupted);
            }
            if deadline.as_ref().is_some_and(Deadline::expired) {
                stop_jobs(ctx);
                return Ok(Outcome::TimedOut);
            }
        }
    }
    Ok(Outcome::Value(value))
}

/// After an `afterEvaluate` run was stopped: the jobs it left queued run now under an
/// expired deadline, so each stops at its first interrupt check (node drops the stopped
/// context's microtasks; QuickJS has one job queue per runtime, so this is the nearest).
fn stop_jobs(ctx: &Ctx<'_>) {
    let _expired = Deadline::start(Duration::ZERO);
    // SAFETY: the context of `ctx` is live, and so its runtime.
    let rt = unsafe { qjs::JS_GetRuntime(ctx.as_raw().as_ptr()) };
    while !crate::worker::exiting() {
        let mut job_ctx = std::ptr::null_mut();
        // SAFETY: rt is live; job_ctx is a valid out-pointer. The job's context reference is
        // not ours to free.
        let r = unsafe { qjs::JS_ExecutePendingJob(rt, &mut job_ctx) };
        if r == 0 {
            return;
        }
        if r < 0 {
            let e = ctx.catch();
            // SAFETY: `e` is a live value of this runtime.
            if !unsafe { qjs::JS_IsUncatchableError(e.as_raw()) } {
                crate::host::fatal_value(ctx, e);
            }
        }
    }
}

/// Runs the pending promise jobs. A job that throws is an uncaught exception, except the
/// uncatchable one of an expired deadline, which ends the draining.
fn drain_jobs(ctx: &Ctx<'_>) -> Result<()> {
    // SAFETY: the context of `ctx` is live, and so its runtime.
    let rt = unsafe { qjs::JS_GetRuntime(ctx.as_raw().as_ptr()) };
    loop {
        if crate::worker::exiting() || should_interrupt() {
            return Ok(());
        }
        let mut job_ctx = std::ptr::null_mut();
        // SAFETY: rt is live; job_ctx is a valid out-pointer. The job's context reference is
        // not ours to free.
        let r = unsafe { qjs::JS_ExecutePendingJob(rt, &mut job_ctx) };
        if r == 0 {
            return Ok(());
        }
        if r < 0 {
            let e = ctx.catch();
            // SAFETY: `e` is a live value of this runtime.
            if unsafe { qjs::JS_IsUncatchableError(e.as_raw()) } {
                if should_interrupt() {
                    return Ok(());
                }
                // Another reason to stop (a worker ending): let it unwind.
                return Err(ctx.throw(e));
            }
            crate::host::fatal_value(ctx, e);
        }
    }
}

/// The code threw: a timeout (or SIGINT) when this run's deadline expired (or its SIGINT
/// watch saw one) and QuickJS stopped it; otherwise the exception stays pending for the
/// caller.
fn failure<'js>(
    ctx: &Ctx<'js>,
    deadline: Option<&Deadline>,
    sigint: Option<&SigintWatch>,
) -> Result<Outcome<'js>> {
    if crate::worker::exiting() {
        return Err(rquickjs::Error::Exception);
    }
    let outcome = if sigint.is_some_and(SigintWatch::take) {
        Outcome::Interrupted
    } else if deadline.is_some_and(Deadline::expired) {
        Outcome::TimedOut
    } else {
        return Err(rquickjs::Error::Exception);
    };
    let e = ctx.catch();
    // SAFETY: `e` is a live value of this runtime.
    if unsafe { qjs::JS_IsUncatchableError(e.as_raw()) } {
        Ok(outcome)
    } else {
        // The code threw on its own just as the time ran out.
        Err(ctx.throw(e))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deadlines_nest_and_expire() {
        assert!(!deadline_passed());
        let outer = Deadline::start(Duration::from_secs(60));
        assert!(!deadline_passed());
        {
            let inner = Deadline::start(Duration::ZERO);
            assert!(inner.expired());
            assert!(deadline_passed());
        }
        assert!(!deadline_passed());
        assert!(!outer.expired());
        drop(outer);
        assert!(DEADLINES.with(|d| d.borrow().is_empty()));
    }
}
