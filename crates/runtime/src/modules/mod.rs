//! One binding per Node module, plus the table of built-in JS glue sources.

pub(crate) mod buffer;
pub(crate) mod child_process;
pub(crate) mod crypto;
mod crypto_cipher;
mod crypto_ecdh;
mod crypto_keys;
pub(crate) mod dgram;
pub(crate) mod dns;
pub(crate) mod errors;
pub(crate) mod fetch;
pub(crate) mod fs;
pub(crate) mod fs_watch;
pub(crate) mod handles;
pub(crate) mod http;
pub(crate) mod listen_source;
pub(crate) mod module;
pub(crate) mod net;
pub(crate) mod os;
pub(crate) mod path;
pub(crate) mod perf_hooks;
pub(crate) mod process;
pub(crate) mod querystring;
pub(crate) mod string_decoder;
pub(crate) mod timers;
pub(crate) mod tls;
pub(crate) mod tty;
pub(crate) mod url;
pub(crate) mod util;
pub(crate) mod v8;
pub(crate) mod vm;
pub(crate) mod worker_threads;
pub(crate) mod zlib;

use node_core::NodeError;
use rquickjs::{Ctx, Error, Function, Object, Value};

// The JS glue of each built-in module (and the bootstrap), precompiled to QuickJS bytecode
// by build.rs; evaluated on first `require` (built-ins load lazily).
include!(concat!(env!("OUT_DIR"), "/bytecode.rs"));

/// Whether `name` has JS glue.
pub(crate) fn has_builtin(name: &str) -> bool {
    BYTECODE.iter().any(|(n, _)| *n == name)
}

/// Evaluates the precompiled script `name`; each evaluates to a function.
pub(crate) fn load_builtin<'js>(ctx: &Ctx<'js>, name: &str) -> rquickjs::Result<Value<'js>> {
    let Some((_, bytes)) = BYTECODE.iter().find(|(n, _)| *n == name) else {
        return Err(rquickjs::Error::new_loading(name));
    };
    let raw = ctx.as_raw().as_ptr();
    // SAFETY: the bytes were written by JS_WriteObject of the same QuickJS build (build.rs
    // links the same rquickjs-sys), so JS_ReadObject can trust them; JS_EvalFunction takes
    // ownership of the function object; the result is owned and handed to rquickjs once.
    unsafe {
        let obj = rquickjs::qjs::JS_ReadObject(
            raw,
            bytes.as_ptr(),
            bytes.len() as _,
            rquickjs::qjs::JS_READ_OBJ_BYTECODE as i32,
        );
        if rquickjs::qjs::JS_IsException(obj) {
            return Err(rquickjs::Error::Exception);
        }
        let v = rquickjs::qjs::JS_EvalFunction(raw, obj);
        if rquickjs::qjs::JS_IsException(v) {
            return Err(rquickjs::Error::Exception);
        }
        Ok(Value::from_raw(ctx.clone(), v))
    }
}

/// The bytes of a data argument: a string (as UTF-8) or a `Uint8Array`/Buffer (the JS side
/// turns every other view into one). Copied, so the bytes can cross to another thread.
pub(crate) fn bytes_of(v: &Value<'_>) -> rquickjs::Result<Vec<u8>> {
    if let Some(s) = v.as_string() {
        return Ok(s.to_string()?.into_bytes());
    }
    let a = rquickjs::TypedArray::<u8>::from_value(v.clone())?;
    // SAFETY: the bytes are copied at once; no JS runs while the slice is alive.
    Ok(unsafe { a.as_bytes() }
        .map(<[u8]>::to_vec)
        .unwrap_or_default())
}

/// Throws `err` as a JS error shaped as Node shapes it (`code`, `errno`, `syscall`, `path`).
pub(crate) fn throw_node(ctx: &Ctx<'_>, err: NodeError) -> Error {
    let make = || -> rquickjs::Result<Value<'_>> {
        let globals = ctx.globals();
        let hooks: Option<Object<'_>> = crate::host::hooks_object(ctx);
        if let Some(h) = hooks {
            // System fields as one object: errno, syscall, path, dest and, for Node's
            // SystemError, `info` = [code, message].
            let sys = match (err.errno(), err.syscall()) {
                (Some(errno), Some(syscall)) => {
                    let o = Object::new(ctx.clone())?;
                    o.set("errno", errno)?;
                    o.set("syscall", syscall)?;
                    o.set("path", err.path())?;
                    o.set("dest", err.dest())?;
                    if let (Some(c), Some(m)) = (err.info_code(), err.info_message()) {
                        o.set("info", vec![c, m])?;
                    }
                    Some(o)
                }
                _ => None,
            };
            let f: Function<'_> = h.get("makeError")?;
            return f.call((
                err.class().name(),
                err.code().to_string(),
                err.message(),
                sys,
            ));
        }
        let ctor: Function<'_> = globals.get(err.class().name())?;
        let e: Object<'_> = ctor.call((err.message(),))?;
        e.set("code", err.code().to_string())?;
        Ok(e.into_value())
    };
    match make() {
        Ok(v) => ctx.throw(v),
        Err(e) => e,
    }
}

/// The QuickJS runtime's allocator figures (`JS_ComputeMemoryUsage`), for
/// `process.memoryUsage()` and `v8.getHeapStatistics()`.
pub(crate) fn memory_usage(ctx: &Ctx<'_>) -> rquickjs::qjs::JSMemoryUsage {
    let mut usage = std::mem::MaybeUninit::<rquickjs::qjs::JSMemoryUsage>::zeroed();
    // SAFETY: the context pointer is live for the duration of `ctx`; JS_ComputeMemoryUsage
    // fills the whole struct, which we zeroed first.
    unsafe {
        let rt = rquickjs::qjs::JS_GetRuntime(ctx.as_raw().as_ptr());
        rquickjs::qjs::JS_ComputeMemoryUsage(rt, usage.as_mut_ptr());
        usage.assume_init()
    }
}

/// QuickJS heap figures for `process.memoryUsage()`: heapTotal, heapUsed, external,
/// arrayBuffers.
pub(crate) fn heap_usage(ctx: &Ctx<'_>) -> (f64, f64, f64, f64) {
    let usage = memory_usage(ctx);
    let total = usage.malloc_size as f64;
    let used = usage.memory_used_size as f64;
    (total.max(used), used, 0.0, 0.0)
}
