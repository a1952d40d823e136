//! Native side of `crypto.createECDH`: a node-stdlib [`Ecdh`] in a native object that
//! crypto_ecdh.js keeps on each JS `ECDH`.

use node_stdlib::crypto::{Ecdh, PointFormat};
use rquickjs::class::{JsClass, Trace, Tracer, Writable};
use rquickjs::{Class, Constructor, Ctx, Function, JsLifetime, Object, Result, TypedArray, Value};

use super::crypto::with_bytes;
use crate::modules::throw_node;

struct NativeEcdh(Ecdh);

impl<'js> Trace<'js> for NativeEcdh {
    fn trace<'a>(&self, _tracer: Tracer<'a, 'js>) {}
}

// SAFETY: `NativeEcdh` holds no JS values, so it is the same type under any `'js`.
unsafe impl<'js> JsLifetime<'js> for NativeEcdh {
    type Changed<'to> = NativeEcdh;
}

impl<'js> JsClass<'js> for NativeEcdh {
    const NAME: &'static str = "ECDH";
    type Mutable = Writable;

    fn constructor(_ctx: &Ctx<'js>) -> Result<Option<Constructor<'js>>> {
        Ok(None)
    }
}

type Handle<'js> = Class<'js, NativeEcdh>;

fn bytes<'js>(ctx: &Ctx<'js>, v: Vec<u8>) -> Result<Value<'js>> {
    Ok(TypedArray::<u8>::new(ctx.clone(), v)?.into_value())
}

fn format(ctx: &Ctx<'_>, name: &str) -> Result<PointFormat> {
    PointFormat::from_name(name).map_err(|e| throw_node(ctx, e))
}

/// Adds `ecdh*` functions to the `crypto` binding object.
pub(crate) fn register<'js>(ctx: &Ctx<'js>, o: &Object<'js>) -> Result<()> {
    o.set(
        "ecdhCreate",
        Function::new(ctx.clone(), |ctx: Ctx<'js>, curve: String| {
            let e = Ecdh::new(&curve).map_err(|e| throw_node(&ctx, e))?;
            Class::instance(ctx, NativeEcdh(e))
        })?,
    )?;
    o.set(
        "ecdhGenerate",
        Function::new(ctx.clone(), |h: Handle<'js>| {
            h.borrow_mut().0.generate_keys()
        })?,
    )?;
    o.set(
        "ecdhPublicKey",
        Function::new(ctx.clone(), |ctx: Ctx<'js>, h: Handle<'js>, fmt: String| {
            let f = format(&ctx, &fmt)?;
            let k = h
                .borrow()
                .0
                .public_key(f)
                .map_err(|e| throw_node(&ctx, e))?;
            bytes(&ctx, k)
        })?,
    )?;
    o.set(
        "ecdhPrivateKey",
        Function::new(ctx.clone(), |ctx: Ctx<'js>, h: Handle<'js>| {
            let k = h
                .borrow()
                .0
                .private_key()
                .map_err(|e| throw_node(&ctx, e))?;
            bytes(&ctx, k)
        })?,
    )?;
    o.set(
        "ecdhSetPrivateKey",
        Function::new(
            ctx.clone(),
            |ctx: Ctx<'js>, h: Handle<'js>, key: TypedArray<'js, u8>| {
                with_bytes(&key, |k| h.borrow_mut().0.set_private_key(k))
                    .map_err(|e| throw_node(&ctx, e))
            },
        )?,
    )?;
    o.set(
        "ecdhComputeSecret",
        Function::new(
            ctx.clone(),
            |ctx: Ctx<'js>, h: Handle<'js>, key: TypedArray<'js, u8>| {
                let s = with_bytes(&key, |k| h.borrow().0.compute_secret(k))
                    .map_err(|e| throw_node(&ctx, e))?;
                bytes(&ctx, s)
            },
        )?,
    )?;
    o.set(
        "ecdhConvertKey",
        Function::new(
            ctx.clone(),
            |ctx: Ctx<'js>, key: TypedArray<'js, u8>, curve: String, fmt: String| {
                let f = format(&ctx, &fmt)?;
                let k = with_bytes(&key, |k| Ecdh::convert_key(k, &curve, f))
                    .map_err(|e| throw_node(&ctx, e))?;
                bytes(&ctx, k)
            },
        )?,
    )?;
    Ok(())
}
