//! The host on a worker thread: starting a thread that runs a whole program (its own
//! QuickJS runtime, context and event loop, see `host::run_program`), and the thread-local
//! state that makes `process.exit()` and `terminate()` end only that thread.

use std::cell::{Cell, RefCell};

use node_workers::{Message, MessagePort, Worker, WorkerOptions, WorkerScope};
use rquickjs::{Ctx, Object};

use crate::cli::Options;
use crate::evloop::LoopHandle;

/// What the parent hands a new worker besides its options.
pub(crate) struct WorkerInit {
    /// node's `name` option.
    pub(crate) name: String,
    /// node's `env` option as pairs; `None` shares the process environment (`SHARE_ENV`).
    pub(crate) env: Option<Vec<(String, String)>>,
    /// `workerData` and the environment data, serialized.
    pub(crate) data: Option<Message>,
}

struct WorkerThread {
    scope: WorkerScope,
    port: Option<MessagePort>,
    init: WorkerInit,
}

thread_local! {
    static WORKER: RefCell<Option<WorkerThread>> = const { RefCell::new(None) };
    /// The code `process.exit()` asked for on this worker thread.
    static EXIT: Cell<Option<i32>> = const { Cell::new(None) };
    /// Whether the worker's own code started (its main script ran).
    static STARTED: Cell<bool> = const { Cell::new(false) };
}

/// A worker thread's stack: room for QuickJS's 984 KiB limit plus Rust frames, as the
/// main thread has.
const WORKER_STACK: usize = 8 << 20;

/// Starts a worker thread that runs the program `opts` describes.
pub(crate) fn spawn(opts: Options, init: WorkerInit) -> node_workers::Result<Worker> {
    let options = WorkerOptions {
        name: init.name.clone(),
        stack_size: Some(WORKER_STACK),
        defer_online: true,
    };
    Worker::spawn(options, move |mut scope| {
        let port = scope.take_port();
        WORKER.with(|w| {
            *w.borrow_mut() = Some(WorkerThread {
                scope,
                port: Some(port),
                init,
            })
        });
        let code = crate::host::run_program(&opts);
        WORKER.with(|w| w.borrow_mut().take());
        code
    })
}

/// Whether this thread is a worker's.
pub(crate) fn is_worker() -> bool {
    WORKER.with(|w| w.try_borrow().map(|w| w.is_some()).unwrap_or(true))
}

/// Whether this worker is ending: `process.exit()` ran or the parent called
/// `terminate()`. No more JS may run. Always false on the main thread.
pub(crate) fn exiting() -> bool {
    if EXIT.with(Cell::get).is_some() {
        return true;
    }
    terminating()
}

fn terminating() -> bool {
    WORKER.with(|w| {
        w.try_borrow()
            .ok()
            .and_then(|w| w.as_ref().map(|t| t.scope.is_terminating()))
            .unwrap_or(false)
    })
}

/// QuickJS's interrupt handler on worker threads: true stops the running JS with an
/// uncatchable exception.
pub(crate) fn should_interrupt() -> bool {
    exiting()
}

/// The worker's exit code once it is ending: `process.exit`'s, or for `terminate()` 1
/// (node's code for a terminated worker) — 0 when its code had not started yet, as node.
pub(crate) fn exit_code() -> Option<i32> {
    EXIT.with(Cell::get)
        .or_else(|| terminating().then(|| i32::from(STARTED.with(Cell::get))))
}

/// Marks the start of the worker's own code (its main script): node's 'online'.
pub(crate) fn mark_started() {
    STARTED.with(|s| s.set(true));
    WORKER.with(|w| {
        if let Some(t) = &*w.borrow() {
            t.scope.online();
        }
    });
}

/// `process.exit(code)` on a worker thread: records the code and stops the loop.
pub(crate) fn request_exit(code: i32) {
    if EXIT.with(Cell::get).is_none() {
        EXIT.with(|e| e.set(Some(code)));
    }
    if let Some(h) = LoopHandle::current() {
        h.stop();
    }
}

/// An exception no `catch` can stop, so the worker's JS unwinds to the host.
pub(crate) fn throw_uncatchable(ctx: &Ctx<'_>) -> rquickjs::Error {
    let err = rquickjs::Exception::from_message(ctx.clone(), "worker is exiting")
        .map(|e| e.into_value())
        .unwrap_or_else(|_| rquickjs::Value::new_null(ctx.clone()));
    // SAFETY: the context is live for `ctx`; the value belongs to it and stays owned by
    // `err`, which is thrown right after (JS_SetUncatchableError only sets a flag on it).
    unsafe { rquickjs::qjs::JS_SetUncatchableError(ctx.as_raw().as_ptr(), err.as_raw()) };
    ctx.throw(err)
}

/// Lets `terminate()` stop this thread's loop.
pub(crate) fn bind_loop(handle: &LoopHandle) {
    WORKER.with(|w| {
        if let Some(t) = &*w.borrow() {
            t.scope.bind_loop(handle);
        }
    });
}

/// The worker's facts for the bootstrap: `{ threadId, name, env }` (`env` null when the
/// environment is shared), or `None` on the main thread.
pub(crate) fn bootstrap_info<'js>(ctx: &Ctx<'js>) -> rquickjs::Result<Option<Object<'js>>> {
    WORKER.with(|w| {
        let w = w.borrow();
        let Some(t) = &*w else { return Ok(None) };
        let o = Object::new(ctx.clone())?;
        o.set("threadId", t.scope.thread_id() as f64)?;
        o.set("name", t.init.name.as_str())?;
        match &t.init.env {
            Some(pairs) => {
                let env = Object::new(ctx.clone())?;
                for (k, v) in pairs {
                    env.set(k.as_str(), v.as_str())?;
                }
                o.set("env", env)?;
            }
            None => o.set("env", rquickjs::Value::new_null(ctx.clone()))?,
        }
        Ok(Some(o))
    })
}

/// `parentPort`, once.
pub(crate) fn take_parent_port() -> Option<MessagePort> {
    WORKER.with(|w| w.borrow_mut().as_mut().and_then(|t| t.port.take()))
}

/// The serialized `workerData` (and environment data), once.
pub(crate) fn take_data() -> Option<Message> {
    WORKER.with(|w| w.borrow_mut().as_mut().and_then(|t| t.init.data.take()))
}

/// `'error'` on the parent's `Worker`.
pub(crate) fn report_error(msg: Message) {
    WORKER.with(|w| {
        if let Some(t) = &*w.borrow() {
            t.scope.report_error(msg);
        }
    });
}

/// `threadId` of this thread (0 on the main thread).
pub(crate) fn thread_id() -> u64 {
    WORKER.with(|w| w.borrow().as_ref().map_or(0, |t| t.scope.thread_id()))
}
