//! Native side of `string_decoder`: a node-stdlib `StringDecoder` held in a JS object that
//! string_decoder.js keeps on each `StringDecoder` instance (as node keeps its
//! `kNativeDecoder` buffer). Chunks arrive as `Uint8Array` views.

use node_stdlib::string_decoder::StringDecoder;
use rquickjs::class::{JsClass, Trace, Tracer, Writable};
use rquickjs::function::Opt;
use rquickjs::{
    Array, Class, Constructor, Ctx, Function, IntoJs, JsLifetime, Object, Result, TypedArray, Value,
};

use super::throw_node;

/// The Rust-owned decoder state behind one JS `StringDecoder`.
struct Native(StringDecoder);

impl<'js> Trace<'js> for Native {
    fn trace<'a>(&self, _tracer: Tracer<'a, 'js>) {}
}

// SAFETY: `Native` holds no JS values, so it is the same type under any `'js` lifetime.
unsafe impl<'js> JsLifetime<'js> for Native {
    type Changed<'to> = Native;
}

impl<'js> JsClass<'js> for Native {
    const NAME: &'static str = "NativeStringDecoder";
    type Mutable = Writable;

    fn constructor(_ctx: &Ctx<'js>) -> Result<Option<Constructor<'js>>> {
        Ok(None)
    }
}

/// The bytes of a `Uint8Array`, copied out before any JS can run again.
fn bytes(v: &TypedArray<'_, u8>) -> Vec<u8> {
    // SAFETY: the view's bytes are copied before this returns; no JS runs meanwhile, so the
    // buffer cannot be detached or resized while borrowed.
    unsafe { v.as_bytes() }
        .map(<[u8]>::to_vec)
        .unwrap_or_default()
}

/// A decoded chunk as a JS string: utf16le output can hold lone surrogates, which a Rust
/// `String` cannot, so it is built from UTF-16 code units.
fn js_string<'js>(ctx: &Ctx<'js>, units: &[u16]) -> Result<Value<'js>> {
    let raw = ctx.as_raw().as_ptr();
    // SAFETY: `units` is valid for `units.len()` code units during the call; QuickJS copies
    // them into a new string and returns an owned value (or an exception), handed to
    // rquickjs exactly once.
    unsafe {
        let v = rquickjs::qjs::JS_NewStringUTF16(raw, units.as_ptr(), units.len() as _);
        if rquickjs::qjs::JS_IsException(v) {
            return Err(rquickjs::Error::Exception);
        }
        Ok(Value::from_raw(ctx.clone(), v))
    }
}

/// Builds the `string_decoder` binding object.
pub(crate) fn binding<'js>(ctx: &Ctx<'js>) -> Result<Object<'js>> {
    let o = Object::new(ctx.clone())?;
    // create(encoding) -> [native, normalized encoding name]
    o.set(
        "create",
        Function::new(ctx.clone(), |ctx: Ctx<'js>, encoding: String| {
            let d = StringDecoder::new(&encoding).map_err(|e| throw_node(&ctx, e))?;
            let name = d.encoding();
            let native = Class::instance(ctx.clone(), Native(d))?;
            let out = Array::new(ctx.clone())?;
            out.set(0, native)?;
            out.set(1, name)?;
            Ok::<_, rquickjs::Error>(out)
        })?,
    )?;
    o.set(
        "write",
        Function::new(
            ctx.clone(),
            |ctx: Ctx<'js>, n: Class<'js, Native>, chunk: TypedArray<'js, u8>| {
                let data = bytes(&chunk);
                let d = &mut n.borrow_mut().0;
                if d.encoding() == "utf16le" {
                    let units = d.write_utf16(&data);
                    return js_string(&ctx, &units);
                }
                d.write(&data).into_js(&ctx)
            },
        )?,
    )?;
    // end(native, chunk?)
    o.set(
        "end",
        Function::new(
            ctx.clone(),
            |ctx: Ctx<'js>, n: Class<'js, Native>, chunk: Opt<TypedArray<'js, u8>>| {
                let data = chunk.0.as_ref().map(bytes);
                let d = &mut n.borrow_mut().0;
                if d.encoding() == "utf16le" {
                    let units = d.end_utf16(data.as_deref());
                    return js_string(&ctx, &units);
                }
                d.end(data.as_deref()).into_js(&ctx)
            },
        )?,
    )?;
    // reset(native): node's `text()` clears the missing and buffered counts.
    o.set(
        "reset",
        Function::new(ctx.clone(), |ctx: Ctx<'js>, n: Class<'js, Native>| {
            let d = &mut n.borrow_mut().0;
            *d = StringDecoder::new(d.encoding()).map_err(|e| throw_node(&ctx, e))?;
            Ok::<_, rquickjs::Error>(())
        })?,
    )?;
    // state(native) -> [lastNeed, lastTotal, lastChar bytes]
    o.set(
        "state",
        Function::new(ctx.clone(), |ctx: Ctx<'js>, n: Class<'js, Native>| {
            let d = &n.borrow().0;
            let last_char = TypedArray::<u8>::new(ctx.clone(), d.last_char().to_vec())?;
            let out = Array::new(ctx.clone())?;
            out.set(0, d.last_need() as u32)?;
            out.set(1, d.last_total() as u32)?;
            out.set(2, last_char)?;
            Ok::<_, rquickjs::Error>(out)
        })?,
    )?;
    Ok(o)
}
