//! Native side of `crypto`: node-stdlib's hashes, HMAC, random values and KDFs. Hash and
//! Hmac states live in small native objects that crypto.js keeps on each `Hash`/`Hmac`.
//! The KDFs and `randomBytes` take a request id first: below 0 the call is synchronous;
//! otherwise the work runs on tokio's blocking pool and `hooks.cryptoComplete(id, err,
//! bytes)` delivers it in the poll phase (crypto.js keeps the callbacks, as fs.js does).

use node_core::NodeError;
use node_stdlib::buffer::{from_string, to_string, to_utf16_units, Encoding};
use node_stdlib::crypto::{self as nc, Hash, Hmac, ScryptOptions};
use rquickjs::class::{JsClass, Trace, Tracer, Writable};
use rquickjs::function::Opt;
use rquickjs::{Class, Constructor, Ctx, Function, JsLifetime, Object, Result, TypedArray, Value};

use crate::evloop::LoopHandle;
use crate::host::{guard, with_hooks};
use crate::modules::throw_node;

/// A Rust-owned state behind one JS `Hash` or `Hmac`.
enum Native {
    Hash(Box<Hash>),
    Hmac(Box<Hmac>),
}

impl<'js> Trace<'js> for Native {
    fn trace<'a>(&self, _tracer: Tracer<'a, 'js>) {}
}

// SAFETY: `Native` holds no JS values, so it is the same type under any `'js` lifetime.
unsafe impl<'js> JsLifetime<'js> for Native {
    type Changed<'to> = Native;
}

impl<'js> JsClass<'js> for Native {
    const NAME: &'static str = "NativeHash";
    type Mutable = Writable;

    fn constructor(_ctx: &Ctx<'js>) -> Result<Option<Constructor<'js>>> {
        Ok(None)
    }
}

/// Runs `f` over the bytes of a `Uint8Array` without copying them.
pub(super) fn with_bytes<R>(v: &TypedArray<'_, u8>, f: impl FnOnce(&[u8]) -> R) -> R {
    // SAFETY: `f` is Rust code that runs no JS, so the buffer cannot be detached or
    // resized while the slice is borrowed.
    f(unsafe { v.as_bytes() }.unwrap_or_default())
}

pub(super) fn copy(v: &TypedArray<'_, u8>) -> Vec<u8> {
    with_bytes(v, <[u8]>::to_vec)
}

/// An encoding name as Buffer knows it; crypto.js passes only known ones.
fn encoding(ctx: &Ctx<'_>, name: &str) -> Result<Encoding> {
    Encoding::parse(name).map_err(|e| throw_node(ctx, e))
}

/// Feeds `data` (a string in `enc`, utf8 by default, or a `Uint8Array`) to `sink`.
fn feed<'js>(
    ctx: &Ctx<'js>,
    data: &Value<'js>,
    enc: Option<String>,
    mut sink: impl FnMut(&[u8]) -> std::result::Result<(), NodeError>,
) -> Result<()> {
    let r = if let Some(s) = data.as_string() {
        let s = s.to_string()?;
        match enc.as_deref() {
            None | Some("utf8") => sink(s.as_bytes()),
            Some(name) => sink(&from_string(&s, encoding(ctx, name)?)),
        }
    } else {
        let a = TypedArray::<u8>::from_value(data.clone())?;
        with_bytes(&a, sink)
    };
    r.map_err(|e| throw_node(ctx, e))
}

/// A digest as JS: a `Uint8Array` without an encoding, else a string (`ucs2` output can
/// hold lone surrogates, so it is built from UTF-16 code units).
fn output<'js>(ctx: &Ctx<'js>, bytes: Vec<u8>, enc: Option<String>) -> Result<Value<'js>> {
    let Some(enc) = enc else {
        return Ok(TypedArray::<u8>::new(ctx.clone(), bytes)?.into_value());
    };
    let enc = encoding(ctx, &enc)?;
    if enc == Encoding::Utf16le {
        let units = to_utf16_units(&bytes, enc);
        return utf16_string(ctx, &units);
    }
    Ok(rquickjs::String::from_str(ctx.clone(), &to_string(&bytes, enc))?.into_value())
}

fn utf16_string<'js>(ctx: &Ctx<'js>, units: &[u16]) -> Result<Value<'js>> {
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

/// Runs `work` synchronously (`id < 0`, returning its bytes or throwing) or on the blocking
/// pool, delivering `cryptoComplete(id, err, bytes)` in the poll phase.
fn run<'js>(
    ctx: &Ctx<'js>,
    id: i32,
    work: impl FnOnce() -> std::result::Result<Vec<u8>, NodeError> + Send + 'static,
) -> Result<Value<'js>> {
    if id < 0 {
        return match work() {
            Ok(v) => Ok(TypedArray::<u8>::new(ctx.clone(), v)?.into_value()),
            Err(e) => Err(throw_node(ctx, e)),
        };
    }
    let Some(h) = LoopHandle::current() else {
        return Ok(Value::new_undefined(ctx.clone()));
    };
    let fut = async move {
        match tokio::task::spawn_blocking(work).await {
            Ok(r) => r,
            Err(e) if e.is_panic() => Err(NodeError::new(
                node_core::ErrorClass::Error,
                "ERR_CRYPTO_OPERATION_FAILED",
                "nrt internal error in a crypto job",
            )),
            Err(_) => Err(NodeError::from_errno(libc::ECANCELED, "crypto")),
        }
    };
    h.spawn_io(fut, move |out| {
        with_hooks(move |ctx, hooks| {
            let done: Function<'_> = hooks.get("cryptoComplete")?;
            match out {
                Ok(v) => {
                    let v = TypedArray::<u8>::new(ctx.clone(), v)?;
                    done.call((id, Value::new_undefined(ctx.clone()), v))
                }
                Err(e) => {
                    let _ = throw_node(ctx, e);
                    done.call((id, ctx.catch()))
                }
            }
        })
    });
    Ok(Value::new_undefined(ctx.clone()))
}

fn hash_create<'js>(ctx: Ctx<'js>, alg: String) -> Result<Class<'js, Native>> {
    let h = nc::create_hash(&alg).map_err(|e| throw_node(&ctx, e))?;
    Class::instance(ctx, Native::Hash(Box::new(h)))
}

fn hmac_create<'js>(
    ctx: Ctx<'js>,
    alg: String,
    key: TypedArray<'js, u8>,
) -> Result<Class<'js, Native>> {
    let h = with_bytes(&key, |k| nc::create_hmac(&alg, k)).map_err(|e| throw_node(&ctx, e))?;
    Class::instance(ctx, Native::Hmac(Box::new(h)))
}

fn update<'js>(
    ctx: Ctx<'js>,
    n: Class<'js, Native>,
    data: Value<'js>,
    enc: Opt<Option<String>>,
) -> Result<()> {
    let mut n = n.borrow_mut();
    feed(&ctx, &data, enc.0.flatten(), |b| match &mut *n {
        Native::Hash(h) => h.update(b),
        Native::Hmac(h) => h.update(b),
    })
}

fn digest<'js>(
    ctx: Ctx<'js>,
    n: Class<'js, Native>,
    enc: Opt<Option<String>>,
) -> Result<Value<'js>> {
    let bytes = match &mut *n.borrow_mut() {
        Native::Hash(h) => h.digest().map_err(|e| throw_node(&ctx, e))?,
        Native::Hmac(h) => h.digest(),
    };
    output(&ctx, bytes, enc.0.flatten())
}

fn hash_copy<'js>(ctx: Ctx<'js>, n: Class<'js, Native>) -> Result<Class<'js, Native>> {
    let c = match &*n.borrow() {
        Native::Hash(h) => h.copy().map_err(|e| throw_node(&ctx, e))?,
        Native::Hmac(_) => return Err(rquickjs::Exception::throw_type(&ctx, "not a Hash")),
    };
    Class::instance(ctx, Native::Hash(Box::new(c)))
}

/// `crypto.hash(algorithm, data, outputEncoding)` in one call; also a `Hash` whose only
/// update was a string (`inputEncoding` is that update's).
fn one_shot<'js>(
    ctx: Ctx<'js>,
    alg: String,
    data: Value<'js>,
    out_enc: Opt<Option<String>>,
    in_enc: Opt<Option<String>>,
) -> Result<Value<'js>> {
    let mut h = nc::create_hash(&alg).map_err(|e| throw_node(&ctx, e))?;
    feed(&ctx, &data, in_enc.0.flatten(), |b| h.update(b))?;
    let bytes = h.digest().map_err(|e| throw_node(&ctx, e))?;
    output(&ctx, bytes, out_enc.0.flatten())
}

/// An `Hmac` with a string key whose only update was a string, in one call.
fn hmac_once<'js>(
    ctx: Ctx<'js>,
    alg: String,
    key: String,
    data: Value<'js>,
    out_enc: Opt<Option<String>>,
    in_enc: Opt<Option<String>>,
) -> Result<Value<'js>> {
    let mut h = nc::create_hmac(&alg, key.as_bytes()).map_err(|e| throw_node(&ctx, e))?;
    feed(&ctx, &data, in_enc.0.flatten(), |b| h.update(b))?;
    output(&ctx, h.digest(), out_enc.0.flatten())
}

/// Builds the `crypto` binding object.
pub(crate) fn binding<'js>(ctx: &Ctx<'js>) -> Result<Object<'js>> {
    let o = Object::new(ctx.clone())?;
    o.set("hashCreate", Function::new(ctx.clone(), hash_create)?)?;
    o.set("hmacCreate", Function::new(ctx.clone(), hmac_create)?)?;
    o.set("update", Function::new(ctx.clone(), update)?)?;
    o.set("digest", Function::new(ctx.clone(), digest)?)?;
    o.set("hashCopy", Function::new(ctx.clone(), hash_copy)?)?;
    o.set("hash", Function::new(ctx.clone(), one_shot)?)?;
    o.set("hmac", Function::new(ctx.clone(), hmac_once)?)?;
    super::crypto_cipher::register(ctx, &o)?;
    super::crypto_keys::register(ctx, &o)?;
    super::crypto_ecdh::register(ctx, &o)?;
    o.set(
        "getHashes",
        Function::new(ctx.clone(), || {
            nc::get_hashes()
                .iter()
                .map(|s| s.to_string())
                .collect::<Vec<_>>()
        })?,
    )?;
    // randomFill(view, offset, size): fills in place.
    o.set(
        "randomFill",
        Function::new(
            ctx.clone(),
            |ctx: Ctx<'js>, buf: TypedArray<'js, u8>, offset: usize, size: usize| {
                guard(&ctx, || {
                    let Some(raw) = buf.as_raw() else {
                        return Ok(()); // a detached buffer has no bytes to fill
                    };
                    // SAFETY: the pointer covers the view's live bytes; no JS runs while
                    // the slice is alive, so nothing can detach or resize the buffer, and
                    // no other Rust reference to these bytes exists.
                    let bytes = unsafe { &mut *raw.as_ptr() };
                    let end = (offset + size).min(bytes.len());
                    let start = offset.min(end);
                    nc::random_fill(&mut bytes[start..end]).map_err(|e| throw_node(&ctx, e))
                })
            },
        )?,
    )?;
    // randomBytes(id, size): the bytes (sync) or cryptoComplete later.
    o.set(
        "randomBytes",
        Function::new(ctx.clone(), |ctx: Ctx<'js>, id: i32, size: f64| {
            guard(&ctx, || {
                run(&ctx, id, move || nc::random_bytes(size as u64))
            })
        })?,
    )?;
    o.set(
        "randomInt",
        Function::new(
            ctx.clone(),
            |ctx: Ctx<'js>, min: Option<f64>, max: f64| -> Result<f64> {
                nc::random_int(min.map(|m| m as i64), max as i64)
                    .map(|n| n as f64)
                    .map_err(|e| throw_node(&ctx, e))
            },
        )?,
    )?;
    o.set(
        "randomUUID",
        Function::new(ctx.clone(), |ctx: Ctx<'js>| {
            nc::random_uuid().map_err(|e| throw_node(&ctx, e))
        })?,
    )?;
    o.set(
        "timingSafeEqual",
        Function::new(
            ctx.clone(),
            |ctx: Ctx<'js>, a: TypedArray<'js, u8>, b: TypedArray<'js, u8>| {
                with_bytes(&a, |a| with_bytes(&b, |b| nc::timing_safe_equal(a, b)))
                    .map_err(|e| throw_node(&ctx, e))
            },
        )?,
    )?;
    // pbkdf2(id, password, salt, iterations, keylen, digest)
    o.set(
        "pbkdf2",
        Function::new(
            ctx.clone(),
            |ctx: Ctx<'js>,
             id: i32,
             password: TypedArray<'js, u8>,
             salt: TypedArray<'js, u8>,
             iterations: f64,
             keylen: f64,
             digest: String| {
                let (password, salt) = (copy(&password), copy(&salt));
                // Argument errors are thrown now, even for the callback form (as node).
                nc::HashAlgorithm::for_digest(&digest).map_err(|e| throw_node(&ctx, e))?;
                guard(&ctx, || {
                    run(&ctx, id, move || {
                        nc::pbkdf2(&password, &salt, iterations as u64, keylen as u64, &digest)
                    })
                })
            },
        )?,
    )?;
    // scrypt(id, password, salt, keylen, N, r, p, maxmem); 0 picks the default.
    o.set(
        "scrypt",
        Function::new(
            ctx.clone(),
            |ctx: Ctx<'js>,
             id: i32,
             password: TypedArray<'js, u8>,
             salt: TypedArray<'js, u8>,
             keylen: f64,
             params: Vec<f64>| {
                let (password, salt) = (copy(&password), copy(&salt));
                let p = |i: usize| params.get(i).copied().unwrap_or(0.0) as u64;
                let opts = ScryptOptions {
                    n: p(0),
                    r: p(1),
                    p: p(2),
                    maxmem: p(3),
                };
                // Parameter errors are thrown now, even for the callback form (as node).
                nc::scrypt(b"", b"", 0, &opts).map_err(|e| throw_node(&ctx, e))?;
                guard(&ctx, || {
                    run(&ctx, id, move || {
                        nc::scrypt(&password, &salt, keylen as u64, &opts)
                    })
                })
            },
        )?,
    )?;
    // hkdf(id, digest, ikm, salt, info, keylen)
    o.set(
        "hkdf",
        Function::new(
            ctx.clone(),
            |ctx: Ctx<'js>,
             id: i32,
             digest: String,
             ikm: TypedArray<'js, u8>,
             salt: TypedArray<'js, u8>,
             info: TypedArray<'js, u8>,
             keylen: f64| {
                let (ikm, salt, info) = (copy(&ikm), copy(&salt), copy(&info));
                nc::hkdf(&digest, b"", b"", &info, keylen as u64)
                    .map_err(|e| throw_node(&ctx, e))?;
                guard(&ctx, || {
                    run(&ctx, id, move || {
                        nc::hkdf(&digest, &ikm, &salt, &info, keylen as u64)
                    })
                })
            },
        )?,
    )?;
    Ok(o)
}
