//! `worker_threads` binding over node-workers: ports and workers in a per-thread table keyed
//! by id (the JS objects live in worker_threads.js), values serialized with QuickJS's object
//! writer into owned bytes that only the receiving thread reads.

use std::cell::{Cell, RefCell};
use std::collections::HashMap;

use node_workers::{
    BroadcastChannel, Message, MessageChannel, MessagePort, PortEvent, Worker, WorkerEvent,
};
use rquickjs::{qjs, Array, Ctx, Function, Object, Result, Value};

use crate::cli::{Entry, Options};
use crate::host::{guard, with_hooks};
use crate::shared_memory::{self, SharedRef};
use crate::worker::WorkerInit;

enum Endpoint {
    Port(MessagePort),
    Worker(Worker),
    Broadcast(BroadcastChannel),
}

thread_local! {
    static ENDPOINTS: RefCell<HashMap<u32, Endpoint>> = RefCell::new(HashMap::new());
    static NEXT_ID: Cell<u32> = const { Cell::new(1) };
}

fn insert(e: Endpoint) -> u32 {
    let id = NEXT_ID.with(|n| {
        let id = n.get();
        n.set(id + 1);
        id
    });
    ENDPOINTS.with(|m| m.borrow_mut().insert(id, e));
    id
}

fn with_endpoint<R>(id: u32, f: impl FnOnce(&Endpoint) -> R) -> Option<R> {
    ENDPOINTS.with(|m| m.borrow().get(&id).map(f))
}

/// The first payload byte: whether the value holds nrt's markers for what QuickJS's
/// writer cannot carry (Errors, ports), which worker_threads.js revives.
const PLAIN: u8 = 0;

/// QuickJS's object writer: `None` (exception cleared) when it refuses the value.
fn write_value(
    ctx: &Ctx<'_>,
    value: &Value<'_>,
    special: bool,
) -> Option<(Vec<u8>, Vec<SharedRef>)> {
    let raw = ctx.as_raw().as_ptr();
    let mut size: qjs::size_t = 0;
    let mut sab = qjs::JSSABTab {
        tab: std::ptr::null_mut(),
        len: 0,
    };
    // SAFETY: raw is the live context of `ctx`; value belongs to it; size and sab are
    // valid out-pointers. The returned buffer (and the SAB table) are freed with js_free;
    // each SAB in the table is a live SharedArrayBuffer of this runtime (shared_memory's
    // allocator), so a reference can be taken on it for the message.
    unsafe {
        let buf = qjs::JS_WriteObject2(
            raw,
            &mut size,
            value.as_raw(),
            (qjs::JS_WRITE_OBJ_REFERENCE | qjs::JS_WRITE_OBJ_SAB) as i32,
            &mut sab,
        );
        let mut shared = Vec::new();
        if !sab.tab.is_null() {
            if !buf.is_null() {
                for i in 0..sab.len as usize {
                    shared.push(SharedRef::dup(*sab.tab.add(i)));
                }
            }
            qjs::js_free(raw, sab.tab.cast());
        }
        if buf.is_null() {
            let _ = ctx.catch();
            return None;
        }
        let mut out = Vec::with_capacity(size as usize + 1);
        out.push(if special { 1 } else { PLAIN });
        out.extend_from_slice(std::slice::from_raw_parts(buf, size as usize));
        qjs::js_free(raw, buf.cast());
        Some((out, shared))
    }
}

/// QuickJS's object reader over bytes `write_value` produced (on any thread).
fn read_value<'js>(ctx: &Ctx<'js>, bytes: &[u8]) -> Result<Value<'js>> {
    let raw = ctx.as_raw().as_ptr();
    let mut sab = qjs::JSSABTab {
        tab: std::ptr::null_mut(),
        len: 0,
    };
    // SAFETY: the bytes come from JS_WriteObject2 of the same QuickJS build in this
    // process; the result is an owned value handed to rquickjs once. The SharedArrayBuffers
    // it names are kept alive by the message's SharedRefs while this runs; each new
    // SharedArrayBuffer object takes its own reference (its finalizer releases one).
    unsafe {
        let v = qjs::JS_ReadObject2(
            raw,
            bytes.as_ptr(),
            bytes.len() as _,
            (qjs::JS_READ_OBJ_REFERENCE | qjs::JS_READ_OBJ_SAB) as i32,
            &mut sab,
        );
        if !sab.tab.is_null() {
            if !qjs::JS_IsException(v) {
                for i in 0..sab.len as usize {
                    shared_memory::adopt(*sab.tab.add(i));
                }
            }
            qjs::js_free(raw, sab.tab.cast());
        }
        if qjs::JS_IsException(v) {
            return Err(rquickjs::Error::Exception);
        }
        Ok(Value::from_raw(ctx.clone(), v))
    }
}

/// Builds a message from a JS value: serializes it, then detaches the transferred
/// ArrayBuffers and takes the transferred ports out of the table. `None`: QuickJS refused
/// the value (worker_threads.js then substitutes or throws DataCloneError).
fn make_message<'js>(
    ctx: &Ctx<'js>,
    value: &Value<'js>,
    special: bool,
    buffers: &Array<'js>,
    ports: &Array<'js>,
) -> Result<Option<Message>> {
    let Some((payload, shared)) = write_value(ctx, value, special) else {
        return Ok(None);
    };
    let mut msg = Message::new(payload);
    for r in shared {
        msg.attachments.push(std::sync::Arc::new(r));
    }
    for b in buffers.iter::<Value<'js>>() {
        let b = b?;
        // SAFETY: raw is the live context; the value is an ArrayBuffer of it (checked by
        // worker_threads.js); detaching frees its bytes, already copied by the writer.
        unsafe { qjs::JS_DetachArrayBuffer(ctx.as_raw().as_ptr(), b.as_raw()) };
    }
    for id in ports.iter::<u32>() {
        let id = id?;
        if let Some(Endpoint::Port(p)) = ENDPOINTS.with(|m| m.borrow_mut().remove(&id)) {
            p.unbind();
            msg.ports.push(p);
        }
    }
    Ok(Some(msg))
}

/// `[value, special, portIds]` for JS, registering the transferred ports on this thread.
fn open_message<'js>(ctx: &Ctx<'js>, msg: Message) -> Result<Array<'js>> {
    let special = msg.payload.first().is_some_and(|b| *b != PLAIN);
    let value = read_value(ctx, msg.payload.get(1..).unwrap_or_default())?;
    let out = Array::new(ctx.clone())?;
    out.set(0, value)?;
    out.set(1, special)?;
    let ids = Array::new(ctx.clone())?;
    for (i, p) in msg.ports.into_iter().enumerate() {
        ids.set(i, insert(Endpoint::Port(p)))?;
    }
    out.set(2, ids)?;
    Ok(out)
}

/// Calls hook `name(id, kind, value, special, portIds)`; a message that cannot be read
/// becomes `'messageerror'` with the error.
fn deliver(name: &'static str, id: u32, kind: &'static str, msg: Option<Message>, code: i32) {
    with_hooks(|ctx, hooks| {
        let f: Function<'_> = hooks.get(name)?;
        match msg {
            None => f.call::<_, ()>((id, kind, code)),
            Some(m) => match open_message(ctx, m) {
                Ok(parts) => {
                    let v: Value<'_> = parts.get(0)?;
                    let special: bool = parts.get(1)?;
                    let ports: Array<'_> = parts.get(2)?;
                    f.call::<_, ()>((id, kind, v, special, ports))
                }
                Err(rquickjs::Error::Exception) => {
                    let e = ctx.catch();
                    f.call::<_, ()>((id, "messageerror", e))
                }
                Err(e) => Err(e),
            },
        }
    });
}

fn bind(ctx: &Ctx<'_>, id: u32) -> Result<bool> {
    let Some(handle) = crate::evloop::LoopHandle::current() else {
        return Ok(false);
    };
    let _ = ctx;
    Ok(with_endpoint(id, |e| match e {
        Endpoint::Port(p) => p.bind(&handle, move |ev| match ev {
            PortEvent::Message(m) => deliver("portEvent", id, "message", Some(m), 0),
            PortEvent::Close => {
                ENDPOINTS.with(|m| m.borrow_mut().remove(&id));
                deliver("portEvent", id, "close", None, 0)
            }
        }),
        Endpoint::Broadcast(c) => c.bind(&handle, move |m| {
            deliver("portEvent", id, "message", Some(m), 0)
        }),
        Endpoint::Worker(w) => w.bind(&handle, move |ev| match ev {
            WorkerEvent::Online => deliver("workerEvent", id, "online", None, 0),
            WorkerEvent::Message(m) => deliver("workerEvent", id, "message", Some(m), 0),
            WorkerEvent::Error(m) => deliver("workerEvent", id, "error", Some(m), 0),
            WorkerEvent::Exit(code) => {
                ENDPOINTS.with(|m| m.borrow_mut().remove(&id));
                deliver("workerEvent", id, "exit", None, code)
            }
        }),
    })
    .is_some())
}

/// The options of a worker: the main thread's flags with the worker's entry and argv.
fn worker_options(spec: &Object<'_>) -> Result<(Options, WorkerInit)> {
    let mut opts = crate::host::main_options().unwrap_or_else(|| crate::cli::Options {
        entry: Entry::Stdin,
        args: Vec::new(),
        exec_argv: Vec::new(),
        max_old_space_mb: None,
        stack_size_kb: None,
        expose_gc: false,
        input_type_module: false,
        preload: Vec::new(),
        no_warnings: false,
        no_deprecation: false,
        unhandled_rejections: "throw".into(),
        trace_warnings: false,
        trace_deprecation: false,
        throw_deprecation: false,
    });
    let filename: String = spec.get("filename")?;
    let eval: bool = spec.get("eval")?;
    opts.entry = if eval {
        Entry::Eval {
            code: filename,
            print: false,
        }
    } else {
        Entry::File(filename)
    };
    opts.args = spec.get("argv")?;
    opts.preload = Vec::new();
    let env: Option<Vec<Vec<String>>> = spec.get("env")?;
    let env = env.map(|pairs| {
        pairs
            .into_iter()
            .filter_map(|mut kv| {
                let v = kv.pop()?;
                let k = kv.pop()?;
                Some((k, v))
            })
            .collect()
    });
    let init = WorkerInit {
        name: spec.get("name")?,
        env,
        data: None,
    };
    Ok((opts, init))
}

/// The `worker_threads` native object.
pub(crate) fn binding<'js>(ctx: &Ctx<'js>) -> Result<Object<'js>> {
    let o = Object::new(ctx.clone())?;
    let f = |name: &str, func: Function<'js>| o.set(name, func.with_name(name)?);
    f(
        "channel",
        Function::new(ctx.clone(), || {
            let (a, b) = MessageChannel::new();
            vec![insert(Endpoint::Port(a)), insert(Endpoint::Port(b))]
        })?,
    )?;
    f(
        "parentPort",
        Function::new(ctx.clone(), || {
            crate::worker::take_parent_port().map(|p| insert(Endpoint::Port(p)))
        })?,
    )?;
    f(
        "threadId",
        Function::new(ctx.clone(), || crate::worker::thread_id() as f64)?,
    )?;
    f(
        "workerData",
        Function::new(ctx.clone(), |ctx: Ctx<'js>| {
            guard(&ctx, || match crate::worker::take_data() {
                Some(m) => open_message(&ctx, m).map(Some),
                None => Ok(None),
            })
        })?,
    )?;
    // post(id, value, special, buffers, portIds) -> whether the value could be written
    f(
        "post",
        Function::new(
            ctx.clone(),
            |ctx: Ctx<'js>,
             id: u32,
             value: Value<'js>,
             special: bool,
             buffers: Array<'js>,
             ports: Array<'js>| {
                guard(&ctx, || {
                    let Some(msg) = make_message(&ctx, &value, special, &buffers, &ports)? else {
                        return Ok(false);
                    };
                    with_endpoint(id, |e| match e {
                        Endpoint::Port(p) => p.post_message(msg),
                        Endpoint::Worker(w) => w.post_message(msg),
                        Endpoint::Broadcast(c) => c.post_message(msg),
                    });
                    Ok(true)
                })
            },
        )?,
    )?;
    f(
        "reportError",
        Function::new(
            ctx.clone(),
            |ctx: Ctx<'js>, value: Value<'js>, special: bool| {
                guard(&ctx, || {
                    let none = Array::new(ctx.clone())?;
                    match make_message(&ctx, &value, special, &none, &none)? {
                        Some(m) => {
                            crate::worker::report_error(m);
                            Ok(true)
                        }
                        None => Ok(false),
                    }
                })
            },
        )?,
    )?;
    // spawn(spec, data, special, buffers, portIds) -> [id, threadId] | null when data
    // cannot be written
    f(
        "spawn",
        Function::new(
            ctx.clone(),
            |ctx: Ctx<'js>,
             spec: Object<'js>,
             data: Value<'js>,
             special: bool,
             buffers: Array<'js>,
             ports: Array<'js>| {
                guard(&ctx, || {
                    let Some(msg) = make_message(&ctx, &data, special, &buffers, &ports)? else {
                        return Ok(None);
                    };
                    let (opts, mut init) = worker_options(&spec)?;
                    init.data = Some(msg);
                    let w = crate::worker::spawn(opts, init).map_err(|e| {
                        crate::modules::throw_node(
                            &ctx,
                            node_core::NodeError::new(
                                node_core::ErrorClass::Error,
                                e.code(),
                                e.to_string(),
                            ),
                        )
                    })?;
                    let tid = w.thread_id() as f64;
                    let id = insert(Endpoint::Worker(w));
                    Ok(Some(vec![id as f64, tid]))
                })
            },
        )?,
    )?;
    f(
        "start",
        Function::new(ctx.clone(), |ctx: Ctx<'js>, id: u32| {
            guard(&ctx, || bind(&ctx, id))
        })?,
    )?;
    f(
        "stop",
        Function::new(ctx.clone(), |id: u32| {
            with_endpoint(id, |e| {
                if let Endpoint::Port(p) = e {
                    p.unbind()
                }
            });
        })?,
    )?;
    f(
        "ref",
        Function::new(ctx.clone(), |id: u32, on: bool| {
            with_endpoint(id, |e| match (e, on) {
                (Endpoint::Port(p), true) => p.ref_(),
                (Endpoint::Port(p), false) => p.unref(),
                (Endpoint::Worker(w), true) => w.ref_(),
                (Endpoint::Worker(w), false) => w.unref(),
                (Endpoint::Broadcast(c), true) => c.ref_(),
                (Endpoint::Broadcast(c), false) => c.unref(),
            });
        })?,
    )?;
    f(
        "hasRef",
        Function::new(ctx.clone(), |id: u32| {
            with_endpoint(id, |e| match e {
                Endpoint::Port(p) => p.has_ref() && p.is_bound(),
                Endpoint::Worker(w) => w.has_ref(),
                Endpoint::Broadcast(_) => true,
            })
            .unwrap_or(false)
        })?,
    )?;
    f(
        "close",
        Function::new(ctx.clone(), |id: u32| {
            let broadcast = with_endpoint(id, |e| match e {
                Endpoint::Port(p) => {
                    p.close();
                    false
                }
                Endpoint::Broadcast(c) => {
                    c.close();
                    true
                }
                Endpoint::Worker(_) => false,
            });
            // A broadcast channel has no 'close' event: it leaves the table now.
            if broadcast == Some(true) {
                ENDPOINTS.with(|m| m.borrow_mut().remove(&id));
            }
        })?,
    )?;
    f(
        "broadcast",
        Function::new(ctx.clone(), |name: String| {
            insert(Endpoint::Broadcast(BroadcastChannel::new(&name)))
        })?,
    )?;
    f(
        "terminate",
        Function::new(ctx.clone(), |id: u32| {
            with_endpoint(id, |e| {
                if let Endpoint::Worker(w) = e {
                    w.terminate()
                }
            });
        })?,
    )?;
    // receive(id) -> [value, special, portIds] | undefined
    f(
        "receive",
        Function::new(ctx.clone(), |ctx: Ctx<'js>, id: u32| {
            guard(&ctx, || {
                let msg = with_endpoint(id, |e| match e {
                    Endpoint::Port(p) => p.try_recv(),
                    Endpoint::Broadcast(c) => c.try_recv(),
                    Endpoint::Worker(_) => None,
                })
                .flatten();
                match msg {
                    Some(m) => open_message(&ctx, m).map(Some),
                    None => Ok(None),
                }
            })
        })?,
    )?;
    Ok(o)
}
