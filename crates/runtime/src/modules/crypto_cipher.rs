//! Native side of `Cipheriv`/`Decipheriv`: a node-stdlib [`Cipher`] in a small native
//! object that crypto_cipher.js keeps on each JS cipher. Bytes in and out are `Uint8Array`s;
//! the JS side does encodings and the stream plumbing.

use node_stdlib::crypto::{self as nc, Cipher};
use rquickjs::class::{JsClass, Trace, Tracer, Writable};
use rquickjs::{Class, Constructor, Ctx, Function, JsLifetime, Object, Result, TypedArray, Value};

use super::crypto::with_bytes;
use crate::modules::throw_node;

/// The Rust state behind one JS `Cipheriv` or `Decipheriv`.
struct NativeCipher(Cipher);

impl<'js> Trace<'js> for NativeCipher {
    fn trace<'a>(&self, _tracer: Tracer<'a, 'js>) {}
}

// SAFETY: `NativeCipher` holds no JS values, so it is the same type under any `'js`.
unsafe impl<'js> JsLifetime<'js> for NativeCipher {
    type Changed<'to> = NativeCipher;
}

impl<'js> JsClass<'js> for NativeCipher {
    const NAME: &'static str = "CipherBase";
    type Mutable = Writable;

    fn constructor(_ctx: &Ctx<'js>) -> Result<Option<Constructor<'js>>> {
        Ok(None)
    }
}

fn bytes<'js>(ctx: &Ctx<'js>, v: Vec<u8>) -> Result<TypedArray<'js, u8>> {
    TypedArray::<u8>::new(ctx.clone(), v)
}

/// cipherCreate(name, key, iv | null, authTagLength (-1: none), decrypt)
fn create<'js>(
    ctx: Ctx<'js>,
    name: String,
    key: TypedArray<'js, u8>,
    iv: Option<TypedArray<'js, u8>>,
    tag_length: i32,
    decrypt: bool,
) -> Result<Class<'js, NativeCipher>> {
    let tag_length = usize::try_from(tag_length).ok();
    let c = with_bytes(&key, |key| match &iv {
        Some(iv) => with_bytes(iv, |iv| {
            Cipher::new(&name, key, Some(iv), tag_length, decrypt)
        }),
        None => Cipher::new(&name, key, None, tag_length, decrypt),
    })
    .map_err(|e| throw_node(&ctx, e))?;
    Class::instance(ctx, NativeCipher(c))
}

/// getCipherInfo(nameOrNid, keyLength (-1: any), ivLength (-1: any)):
/// [mode, name, nid, blockSize, ivLength, keyLength] or undefined.
fn info<'js>(
    ctx: Ctx<'js>,
    which: Value<'js>,
    key_length: i32,
    iv_length: i32,
) -> Result<Value<'js>> {
    let found = if let Some(n) = which.as_number() {
        nc::get_cipher_info_by_nid(n as u32)
    } else if let Some(s) = which.as_string() {
        nc::get_cipher_info(&s.to_string()?)
    } else {
        None
    };
    let Some(info) = found else {
        return Ok(Value::new_undefined(ctx));
    };
    if key_length >= 0 && usize::try_from(key_length).ok() != Some(info.key_length) {
        return Ok(Value::new_undefined(ctx));
    }
    let mut iv = info.iv_length;
    if iv_length >= 0 {
        let len = iv_length as usize;
        if !nc::cipher_accepts_iv_length(&info, len) {
            return Ok(Value::new_undefined(ctx));
        }
        iv = Some(len);
    }
    let a = rquickjs::Array::new(ctx.clone())?;
    a.set(0, info.mode.as_str())?;
    a.set(1, info.name)?;
    a.set(2, info.nid)?;
    a.set(3, info.block_size.map(|b| b as u32))?;
    a.set(4, iv.map(|b| b as u32))?;
    a.set(5, info.key_length as u32)?;
    Ok(a.into_value())
}

/// Adds the cipher functions to the `crypto` binding object.
pub(crate) fn register<'js>(ctx: &Ctx<'js>, o: &Object<'js>) -> Result<()> {
    o.set("cipherCreate", Function::new(ctx.clone(), create)?)?;
    o.set(
        "cipherUpdate",
        Function::new(
            ctx.clone(),
            |ctx: Ctx<'js>, n: Class<'js, NativeCipher>, data: TypedArray<'js, u8>| {
                let out = with_bytes(&data, |d| n.borrow_mut().0.update(d))
                    .map_err(|e| throw_node(&ctx, e))?;
                bytes(&ctx, out)
            },
        )?,
    )?;
    o.set(
        "cipherFinal",
        Function::new(ctx.clone(), |ctx: Ctx<'js>, n: Class<'js, NativeCipher>| {
            let out = n.borrow_mut().0.finish().map_err(|e| throw_node(&ctx, e))?;
            bytes(&ctx, out)
        })?,
    )?;
    o.set(
        "cipherSetAutoPadding",
        Function::new(
            ctx.clone(),
            |ctx: Ctx<'js>, n: Class<'js, NativeCipher>, pad: bool| {
                n.borrow_mut()
                    .0
                    .set_auto_padding(pad)
                    .map_err(|e| throw_node(&ctx, e))
            },
        )?,
    )?;
    o.set(
        "cipherSetAAD",
        Function::new(
            ctx.clone(),
            |ctx: Ctx<'js>, n: Class<'js, NativeCipher>, aad: TypedArray<'js, u8>| {
                with_bytes(&aad, |a| n.borrow_mut().0.set_aad(a)).map_err(|e| throw_node(&ctx, e))
            },
        )?,
    )?;
    o.set(
        "cipherGetAuthTag",
        Function::new(ctx.clone(), |ctx: Ctx<'js>, n: Class<'js, NativeCipher>| {
            let tag = n
                .borrow()
                .0
                .get_auth_tag()
                .map_err(|e| throw_node(&ctx, e))?;
            bytes(&ctx, tag)
        })?,
    )?;
    o.set(
        "cipherSetAuthTag",
        Function::new(
            ctx.clone(),
            |ctx: Ctx<'js>, n: Class<'js, NativeCipher>, tag: TypedArray<'js, u8>| {
                with_bytes(&tag, |t| n.borrow_mut().0.set_auth_tag(t))
                    .map_err(|e| throw_node(&ctx, e))
            },
        )?,
    )?;
    o.set(
        "getCiphers",
        Function::new(ctx.clone(), || {
            nc::get_ciphers()
                .iter()
                .map(|s| s.to_string())
                .collect::<Vec<_>>()
        })?,
    )?;
    o.set("getCipherInfo", Function::new(ctx.clone(), info)?)?;
    Ok(())
}
