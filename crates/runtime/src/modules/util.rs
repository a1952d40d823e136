//! Native helpers for `util.inspect` and the encoding globals.

use rquickjs::function::Opt;
use rquickjs::promise::PromiseState;
use rquickjs::{Ctx, Function, Object, Promise, Result, TypedArray, Value};

use crate::host::guard;

/// Builds the `util` binding object.
pub(crate) fn binding<'js>(ctx: &Ctx<'js>) -> Result<Object<'js>> {
    let o = Object::new(ctx.clone())?;
    // [state, result]: 0 pending, 1 fulfilled, 2 rejected.
    o.set(
        "promiseState",
        Function::new(ctx.clone(), |ctx: Ctx<'js>, p: Promise<'js>| {
            guard(&ctx, || {
                let arr = rquickjs::Array::new(ctx.clone())?;
                match p.state() {
                    PromiseState::Pending => arr.set(0, 0)?,
                    PromiseState::Resolved => {
                        arr.set(0, 1)?;
                        arr.set(1, p.result::<Value<'js>>().transpose()?)?;
                    }
                    PromiseState::Rejected => {
                        arr.set(0, 2)?;
                        let v = match p.result::<Value<'js>>() {
                            Some(Err(rquickjs::Error::Exception)) => ctx.catch(),
                            Some(Ok(v)) => v,
                            _ => Value::new_undefined(ctx.clone()),
                        };
                        arr.set(1, v)?;
                    }
                }
                Ok(arr)
            })
        })?,
    )?;
    // undefined for a non-proxy, [] for a revoked proxy, else [target, handler].
    o.set(
        "proxyDetails",
        Function::new(ctx.clone(), |ctx: Ctx<'js>, v: Value<'js>| {
            guard(&ctx, || {
                let Some(proxy) = v.as_proxy() else {
                    return Ok(Value::new_undefined(ctx.clone()));
                };
                let arr = rquickjs::Array::new(ctx.clone())?;
                match (proxy.target(), proxy.handler()) {
                    (Ok(target), Ok(handler)) => {
                        arr.set(0, target)?;
                        arr.set(1, handler)?;
                    }
                    // Revoked: drop the TypeError QuickJS raised.
                    _ => drop(ctx.catch()),
                }
                Ok(arr.into_value())
            })
        })?,
    )?;
    // QuickJS's internal class of an object (0 for primitives): util.types compares it with
    // the class of a known instance, a brand check without side effects (iterators,
    // generators, arguments objects).
    o.set(
        "classId",
        Function::new(ctx.clone(), |v: Value<'js>| -> u32 {
            if !v.is_object() {
                return 0;
            }
            // SAFETY: `v` is a live object value owned by rquickjs for this call; reading its
            // class id neither frees nor retains it.
            unsafe { rquickjs::qjs::JS_GetClassID(v.as_raw()) }
        })?,
    )?;
    // Is `v` an Error object (QuickJS's [[ErrorData]] brand)?
    o.set(
        "isError",
        Function::new(ctx.clone(), |v: Value<'js>| v.is_error())?,
    )?;
    // [[errno, code, message], …] in node's getSystemErrorMap order (negative errnos).
    o.set(
        "systemErrors",
        Function::new(ctx.clone(), |ctx: Ctx<'js>| {
            guard(&ctx, || {
                let list = rquickjs::Array::new(ctx.clone())?;
                for (i, (errno, code, message)) in node_core::uv_errors().enumerate() {
                    let entry = rquickjs::Array::new(ctx.clone())?;
                    entry.set(0, -errno)?;
                    entry.set(1, code)?;
                    entry.set(2, message)?;
                    list.set(i, entry)?;
                }
                Ok(list)
            })
        })?,
    )?;
    o.set(
        "encodeUtf8",
        Function::new(ctx.clone(), |ctx: Ctx<'js>, s: String| {
            guard(&ctx, || TypedArray::<u8>::new(ctx.clone(), s.into_bytes()))
        })?,
    )?;
    o.set(
        "decodeUtf8",
        Function::new(
            ctx.clone(),
            |ctx: Ctx<'js>, v: Value<'js>, fatal: Opt<bool>| {
                guard(&ctx, || {
                    let Some(obj) = v.as_object() else {
                        return Ok(Some(String::new()));
                    };
                    let ta = TypedArray::<u8>::from_object(obj.clone())?;
                    // SAFETY: the bytes are decoded into an owned String before any JS runs, so
                    // the buffer cannot be detached or resized while borrowed.
                    let bytes = unsafe { ta.as_bytes() }.unwrap_or(&[]);
                    if fatal.0.unwrap_or(false) {
                        return Ok(std::str::from_utf8(bytes).ok().map(str::to_string));
                    }
                    Ok(Some(String::from_utf8_lossy(bytes).into_owned()))
                })
            },
        )?,
    )?;
    Ok(o)
}
