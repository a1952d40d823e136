//! Native side of `KeyObject`, signatures, Diffie-Hellman and RSA encryption: node-stdlib
//! keys in small native objects that crypto_keys.js keeps on each `KeyObject`. Encodings,
//! JWK JSON and option checks are JS's; this file moves bytes and keys.

use node_core::NodeError;
use node_stdlib::crypto::{
    self as nc, EcCurve, HashAlgorithm, KeyComponents, KeyDetails, KeyEncoding, KeyPairKind,
    OkpCurve, PrivateKey, PublicKey, SignOptions,
};
use rquickjs::class::{JsClass, Trace, Tracer, Writable};
use rquickjs::function::Opt;
use rquickjs::{
    Array, Class, Constructor, Ctx, Function, JsLifetime, Object, Result, TypedArray, Value,
};

use super::crypto::{copy, with_bytes};
use crate::evloop::LoopHandle;
use crate::host::{guard, with_hooks};
use crate::modules::throw_node;

/// The key material behind one JS `KeyObject`.
#[derive(Clone)]
enum Material {
    Secret(Vec<u8>),
    Private(PrivateKey),
    Public(PublicKey),
}

struct NativeKey(Material);

impl<'js> Trace<'js> for NativeKey {
    fn trace<'a>(&self, _tracer: Tracer<'a, 'js>) {}
}

// SAFETY: `NativeKey` holds no JS values, so it is the same type under any `'js`.
unsafe impl<'js> JsLifetime<'js> for NativeKey {
    type Changed<'to> = NativeKey;
}

impl<'js> JsClass<'js> for NativeKey {
    const NAME: &'static str = "NativeKeyObjectHandle";
    type Mutable = Writable;

    fn constructor(_ctx: &Ctx<'js>) -> Result<Option<Constructor<'js>>> {
        Ok(None)
    }
}

type Key<'js> = Class<'js, NativeKey>;

fn new_key<'js>(ctx: &Ctx<'js>, m: Material) -> Result<Key<'js>> {
    Class::instance(ctx.clone(), NativeKey(m))
}

fn bytes<'js>(ctx: &Ctx<'js>, v: Vec<u8>) -> Result<Value<'js>> {
    Ok(TypedArray::<u8>::new(ctx.clone(), v)?.into_value())
}

fn encoding(ctx: &Ctx<'_>, name: &str) -> Result<KeyEncoding> {
    KeyEncoding::from_name(name)
        .ok_or_else(|| rquickjs::Exception::throw_type(ctx, "bad key encoding"))
}

/// keyParse(kind 'private'|'public', data: string | Uint8Array, format 'pem'|'der', type, passphrase?)
fn parse<'js>(
    ctx: Ctx<'js>,
    kind: String,
    data: Value<'js>,
    format: String,
    ty: Opt<Option<String>>,
    passphrase: Opt<Option<TypedArray<'js, u8>>>,
) -> Result<Key<'js>> {
    let ty = ty.0.flatten();
    let pass = passphrase.0.flatten().map(|p| copy(&p));
    let private = kind == "private";
    let m = if format == "pem" {
        let text = match data.as_string() {
            Some(s) => s.to_string()?,
            None => with_bytes(&TypedArray::<u8>::from_value(data)?, |b| {
                String::from_utf8_lossy(b).into_owned()
            }),
        };
        if private {
            PrivateKey::from_pem(&text, pass.as_deref()).map(Material::Private)
        } else {
            PublicKey::from_pem(&text, pass.as_deref()).map(Material::Public)
        }
    } else {
        let enc = encoding(&ctx, ty.as_deref().unwrap_or(""))?;
        let der = copy(&TypedArray::<u8>::from_value(data)?);
        if private {
            PrivateKey::from_der(&der, enc, pass.as_deref()).map(Material::Private)
        } else {
            PublicKey::from_der(&der, enc).map(Material::Public)
        }
    };
    new_key(&ctx, m.map_err(|e| throw_node(&ctx, e))?)
}

fn part(o: &Object<'_>, name: &str) -> Result<Option<Vec<u8>>> {
    let v: Option<TypedArray<'_, u8>> = o.get(name)?;
    Ok(v.map(|a| copy(&a)))
}

/// keyFromJwk(kind, { kty, crv, n, e, d, p, q, dp, dq, qi, x, y } with byte fields)
fn from_jwk<'js>(ctx: Ctx<'js>, kind: String, jwk: Object<'js>) -> Result<Key<'js>> {
    let kty: String = jwk.get("kty")?;
    let crv: Option<String> = jwk.get("crv")?;
    let need = |v: Option<Vec<u8>>| v.unwrap_or_default();
    let components = match kty.as_str() {
        "RSA" => {
            let private = if kind == "private" {
                Some([
                    need(part(&jwk, "d")?),
                    need(part(&jwk, "p")?),
                    need(part(&jwk, "q")?),
                    need(part(&jwk, "dp")?),
                    need(part(&jwk, "dq")?),
                    need(part(&jwk, "qi")?),
                ])
            } else {
                None
            };
            KeyComponents::Rsa {
                n: need(part(&jwk, "n")?),
                e: need(part(&jwk, "e")?),
                private,
            }
        }
        "EC" => {
            let curve = crv.as_deref().and_then(EcCurve::from_name).ok_or_else(|| {
                throw_node(
                    &ctx,
                    NodeError::new(
                        node_core::ErrorClass::TypeError,
                        "ERR_CRYPTO_INVALID_JWK",
                        "Invalid JWK EC key",
                    ),
                )
            })?;
            KeyComponents::Ec {
                curve,
                x: need(part(&jwk, "x")?),
                y: need(part(&jwk, "y")?),
                d: part(&jwk, "d")?,
            }
        }
        _ => {
            let curve = match crv.as_deref() {
                Some("Ed25519") => OkpCurve::Ed25519,
                Some("X25519") => OkpCurve::X25519,
                _ => {
                    return Err(throw_node(
                        &ctx,
                        NodeError::not_implemented(&format!(
                            "crypto.createPublicKey with a JWK of crv {}",
                            crv.unwrap_or_default()
                        )),
                    ));
                }
            };
            KeyComponents::Okp {
                curve,
                x: need(part(&jwk, "x")?),
                d: part(&jwk, "d")?,
            }
        }
    };
    let m = if kind == "private" {
        PrivateKey::from_components(&components).map(Material::Private)
    } else {
        PublicKey::from_components(&components).map(Material::Public)
    };
    new_key(&ctx, m.map_err(|e| throw_node(&ctx, e))?)
}

/// keyJwk(key): the components as { kty, crv?, name: Uint8Array… }.
fn to_jwk<'js>(ctx: Ctx<'js>, key: Key<'js>) -> Result<Object<'js>> {
    let o = Object::new(ctx.clone())?;
    let components = match &key.borrow().0 {
        Material::Secret(s) => {
            o.set("kty", "oct")?;
            o.set("k", bytes(&ctx, s.clone())?)?;
            return Ok(o);
        }
        Material::Private(k) => k.components(),
        Material::Public(k) => k.components(),
    };
    match components {
        KeyComponents::Rsa { n, e, private } => {
            o.set("kty", "RSA")?;
            o.set("n", bytes(&ctx, n)?)?;
            o.set("e", bytes(&ctx, e)?)?;
            if let Some([d, p, q, dp, dq, qi]) = private {
                for (name, v) in [
                    ("d", d),
                    ("p", p),
                    ("q", q),
                    ("dp", dp),
                    ("dq", dq),
                    ("qi", qi),
                ] {
                    o.set(name, bytes(&ctx, v)?)?;
                }
            }
        }
        KeyComponents::Ec { curve, x, y, d } => {
            o.set("kty", "EC")?;
            o.set("crv", curve.jwk_name())?;
            o.set("x", bytes(&ctx, x)?)?;
            o.set("y", bytes(&ctx, y)?)?;
            if let Some(d) = d {
                o.set("d", bytes(&ctx, d)?)?;
            }
        }
        KeyComponents::Okp { curve, x, d } => {
            o.set("kty", "OKP")?;
            o.set(
                "crv",
                if curve == OkpCurve::Ed25519 {
                    "Ed25519"
                } else {
                    "X25519"
                },
            )?;
            o.set("x", bytes(&ctx, x)?)?;
            if let Some(d) = d {
                o.set("d", bytes(&ctx, d)?)?;
            }
        }
    }
    Ok(o)
}

/// keyInfo(key): { type, asymmetricKeyType?, symmetricKeySize?, modulusLength?,
/// publicExponent? (big-endian bytes), namedCurve? }
fn info<'js>(ctx: Ctx<'js>, key: Key<'js>) -> Result<Object<'js>> {
    let o = Object::new(ctx.clone())?;
    let details = match &key.borrow().0 {
        Material::Secret(s) => {
            o.set("type", "secret")?;
            o.set("symmetricKeySize", s.len())?;
            return Ok(o);
        }
        Material::Private(k) => {
            o.set("type", "private")?;
            o.set("asymmetricKeyType", k.asymmetric_key_type())?;
            k.details()
        }
        Material::Public(k) => {
            o.set("type", "public")?;
            o.set("asymmetricKeyType", k.asymmetric_key_type())?;
            k.details()
        }
    };
    match details {
        KeyDetails::Rsa {
            modulus_length,
            public_exponent,
        } => {
            o.set("modulusLength", modulus_length)?;
            o.set("publicExponent", bytes(&ctx, public_exponent)?)?;
        }
        KeyDetails::Ec(curve) => o.set("namedCurve", curve.openssl_name())?,
        KeyDetails::None => {}
    }
    Ok(o)
}

/// keyExport(key, format 'pem'|'der', type, cipher?, passphrase?)
fn export<'js>(
    ctx: Ctx<'js>,
    key: Key<'js>,
    format: String,
    ty: String,
    cipher: Opt<Option<String>>,
    passphrase: Opt<Option<TypedArray<'js, u8>>>,
) -> Result<Value<'js>> {
    let enc = encoding(&ctx, &ty)?;
    let cipher = cipher.0.flatten();
    let pass = passphrase.0.flatten().map(|p| copy(&p));
    let k = key.borrow();
    let out: std::result::Result<Result<Value<'js>>, NodeError> = match (&k.0, cipher) {
        (Material::Private(p), Some(c)) => {
            if enc != KeyEncoding::Pkcs8 {
                return Err(throw_node(
                    &ctx,
                    NodeError::not_implemented(
                        "KeyObject.export of an encrypted PKCS#1/SEC1 (legacy PEM) key",
                    ),
                ));
            }
            p.to_encrypted_pkcs8(&c, pass.as_deref().unwrap_or_default())
                .and_then(|der| {
                    if format == "pem" {
                        node_stdlib::crypto::pem_encode("ENCRYPTED PRIVATE KEY", &der).map(|s| {
                            rquickjs::String::from_str(ctx.clone(), &s).map(|s| s.into_value())
                        })
                    } else {
                        Ok(bytes(&ctx, der))
                    }
                })
        }
        (Material::Private(p), None) if format == "pem" => p
            .to_pem(enc)
            .map(|s| rquickjs::String::from_str(ctx.clone(), &s).map(|s| s.into_value())),
        (Material::Private(p), None) => p.to_der(enc).map(|d| bytes(&ctx, d)),
        (Material::Public(p), _) if format == "pem" => p
            .to_pem(enc)
            .map(|s| rquickjs::String::from_str(ctx.clone(), &s).map(|s| s.into_value())),
        (Material::Public(p), _) => p.to_der(enc).map(|d| bytes(&ctx, d)),
        (Material::Secret(s), _) => Ok(bytes(&ctx, s.clone())),
    };
    out.map_err(|e| throw_node(&ctx, e))?
}

fn private_of<'js>(ctx: &Ctx<'js>, key: &Key<'js>) -> Result<PrivateKey> {
    match &key.borrow().0 {
        Material::Private(k) => Ok(k.clone()),
        _ => Err(rquickjs::Exception::throw_type(ctx, "not a private key")),
    }
}

fn public_of<'js>(ctx: &Ctx<'js>, key: &Key<'js>) -> Result<PublicKey> {
    match &key.borrow().0 {
        Material::Private(k) => Ok(k.public_key()),
        Material::Public(k) => Ok(k.clone()),
        Material::Secret(_) => Err(rquickjs::Exception::throw_type(
            ctx,
            "not an asymmetric key",
        )),
    }
}

fn digest_of(ctx: &Ctx<'_>, name: Option<String>) -> Result<Option<HashAlgorithm>> {
    match name {
        None => Ok(None),
        Some(n) => HashAlgorithm::for_digest(&n)
            .map(Some)
            .map_err(|e| throw_node(ctx, e)),
    }
}

/// `[padding (-1: default), saltLength (INT_MIN: default), p1363 (0/1)]` as SignOptions.
fn options(o: &[i32]) -> SignOptions {
    let at = |i: usize, d: i32| o.get(i).copied().unwrap_or(d);
    let (padding, salt) = (at(0, -1), at(1, i32::MIN));
    SignOptions {
        padding: (padding >= 0).then_some(padding),
        salt_length: (salt != i32::MIN).then_some(salt),
        ieee_p1363: at(2, 0) != 0,
    }
}

/// Key generation: sync (`id < 0`) or on the blocking pool, delivering
/// `cryptoKeyPairComplete(id, err, privateHandle, publicHandle)`.
fn generate<'js>(
    ctx: Ctx<'js>,
    id: i32,
    kind: String,
    size: f64,
    exponent: f64,
    curve: Option<String>,
) -> Result<Value<'js>> {
    let kind = match kind.as_str() {
        "rsa" => KeyPairKind::Rsa {
            modulus_length: size as usize,
            public_exponent: exponent as u64,
        },
        "ec" => KeyPairKind::Ec(curve.as_deref().and_then(EcCurve::from_name).ok_or_else(
            || {
                throw_node(
                    &ctx,
                    NodeError::new(
                        node_core::ErrorClass::TypeError,
                        "ERR_CRYPTO_INVALID_CURVE",
                        "Invalid EC curve name",
                    ),
                )
            },
        )?),
        "ed25519" => KeyPairKind::Ed25519,
        "x25519" => KeyPairKind::X25519,
        other => {
            return Err(throw_node(
                &ctx,
                NodeError::not_implemented(&format!("crypto.generateKeyPair('{other}')")),
            ))
        }
    };
    if id < 0 {
        let (k, p) = nc::generate_key_pair(&kind).map_err(|e| throw_node(&ctx, e))?;
        let a = Array::new(ctx.clone())?;
        a.set(0, new_key(&ctx, Material::Private(k))?)?;
        a.set(1, new_key(&ctx, Material::Public(p))?)?;
        return Ok(a.into_value());
    }
    let Some(h) = LoopHandle::current() else {
        return Ok(Value::new_undefined(ctx));
    };
    let fut = async move {
        match tokio::task::spawn_blocking(move || nc::generate_key_pair(&kind)).await {
            Ok(r) => r,
            Err(_) => Err(NodeError::new(
                node_core::ErrorClass::Error,
                "ERR_CRYPTO_OPERATION_FAILED",
                "Key generation job failed",
            )),
        }
    };
    h.spawn_io(fut, move |out| {
        with_hooks(move |ctx, hooks| {
            let done: Function<'_> = hooks.get("cryptoKeyPairComplete")?;
            match out {
                Ok((k, p)) => {
                    let k = new_key(ctx, Material::Private(k))?;
                    let p = new_key(ctx, Material::Public(p))?;
                    done.call((id, Value::new_undefined(ctx.clone()), k, p))
                }
                Err(e) => {
                    let _ = throw_node(ctx, e);
                    done.call((id, ctx.catch()))
                }
            }
        })
    });
    Ok(Value::new_undefined(ctx))
}

/// Adds the key, signature and key-agreement functions to the `crypto` binding object.
pub(crate) fn register<'js>(ctx: &Ctx<'js>, o: &Object<'js>) -> Result<()> {
    o.set(
        "keySecret",
        Function::new(ctx.clone(), |ctx: Ctx<'js>, data: TypedArray<'js, u8>| {
            new_key(&ctx, Material::Secret(copy(&data)))
        })?,
    )?;
    o.set("keyParse", Function::new(ctx.clone(), parse)?)?;
    o.set("keyFromJwk", Function::new(ctx.clone(), from_jwk)?)?;
    o.set("keyJwk", Function::new(ctx.clone(), to_jwk)?)?;
    o.set("keyInfo", Function::new(ctx.clone(), info)?)?;
    o.set("keyExport", Function::new(ctx.clone(), export)?)?;
    o.set(
        "keyPublicOf",
        Function::new(ctx.clone(), |ctx: Ctx<'js>, key: Key<'js>| {
            let p = public_of(&ctx, &key)?;
            new_key(&ctx, Material::Public(p))
        })?,
    )?;
    o.set(
        "keyEquals",
        Function::new(ctx.clone(), |a: Key<'js>, b: Key<'js>| -> bool {
            use nc::timing_safe_equal;
            match (&a.borrow().0, &b.borrow().0) {
                (Material::Secret(x), Material::Secret(y)) => {
                    x.len() == y.len() && timing_safe_equal(x, y).unwrap_or(false)
                }
                (Material::Private(x), Material::Private(y)) => x.same_key(y),
                (Material::Public(x), Material::Public(y)) => x == y,
                _ => false,
            }
        })?,
    )?;
    o.set("keyGenerate", Function::new(ctx.clone(), generate)?)?;
    // sign(digest|null, data, key, [padding, saltLength, p1363]) (see `options`)
    o.set(
        "sign",
        Function::new(
            ctx.clone(),
            |ctx: Ctx<'js>,
             digest: Option<String>,
             data: TypedArray<'js, u8>,
             key: Key<'js>,
             opts: Vec<i32>| {
                guard(&ctx, || {
                    let alg = digest_of(&ctx, digest)?;
                    let k = private_of(&ctx, &key)?;
                    let sig = with_bytes(&data, |d| nc::sign(alg, d, &k, &options(&opts)))
                        .map_err(|e| throw_node(&ctx, e))?;
                    bytes(&ctx, sig)
                })
            },
        )?,
    )?;
    o.set(
        "verify",
        Function::new(
            ctx.clone(),
            |ctx: Ctx<'js>,
             digest: Option<String>,
             data: TypedArray<'js, u8>,
             key: Key<'js>,
             sig: TypedArray<'js, u8>,
             opts: Vec<i32>| {
                guard(&ctx, || {
                    let alg = digest_of(&ctx, digest)?;
                    let k = public_of(&ctx, &key)?;
                    let sig = copy(&sig);
                    with_bytes(&data, |d| nc::verify(alg, d, &k, &sig, &options(&opts)))
                        .map_err(|e| throw_node(&ctx, e))
                })
            },
        )?,
    )?;
    // signDigest(digestName, hashed, key, opts) for Sign streams.
    o.set(
        "signDigest",
        Function::new(
            ctx.clone(),
            |ctx: Ctx<'js>,
             digest: String,
             hashed: TypedArray<'js, u8>,
             key: Key<'js>,
             opts: Vec<i32>| {
                guard(&ctx, || {
                    let alg =
                        HashAlgorithm::for_digest(&digest).map_err(|e| throw_node(&ctx, e))?;
                    let k = private_of(&ctx, &key)?;
                    let sig = with_bytes(&hashed, |d| nc::sign_digest(alg, d, &k, &options(&opts)))
                        .map_err(|e| throw_node(&ctx, e))?;
                    bytes(&ctx, sig)
                })
            },
        )?,
    )?;
    o.set(
        "verifyDigest",
        Function::new(
            ctx.clone(),
            |ctx: Ctx<'js>,
             digest: String,
             hashed: TypedArray<'js, u8>,
             key: Key<'js>,
             sig: TypedArray<'js, u8>,
             opts: Vec<i32>| {
                guard(&ctx, || {
                    let alg =
                        HashAlgorithm::for_digest(&digest).map_err(|e| throw_node(&ctx, e))?;
                    let k = public_of(&ctx, &key)?;
                    let sig = copy(&sig);
                    with_bytes(&hashed, |d| {
                        nc::verify_digest(alg, d, &k, &sig, &options(&opts))
                    })
                    .map_err(|e| throw_node(&ctx, e))
                })
            },
        )?,
    )?;
    o.set(
        "diffieHellman",
        Function::new(
            ctx.clone(),
            |ctx: Ctx<'js>, private: Key<'js>, public: Key<'js>| {
                let k = private_of(&ctx, &private)?;
                let p = public_of(&ctx, &public)?;
                let s = nc::diffie_hellman(&k, &p).map_err(|e| throw_node(&ctx, e))?;
                bytes(&ctx, s)
            },
        )?,
    )?;
    // rsaCrypt(decrypt, key, data, padding, oaepHash, label?)
    o.set(
        "rsaCrypt",
        Function::new(
            ctx.clone(),
            |ctx: Ctx<'js>,
             decrypt: bool,
             key: Key<'js>,
             data: TypedArray<'js, u8>,
             padding: i32,
             oaep_hash: String,
             label: Option<TypedArray<'js, u8>>| {
                guard(&ctx, || {
                    let alg =
                        HashAlgorithm::for_digest(&oaep_hash).map_err(|e| throw_node(&ctx, e))?;
                    let label = label.map(|l| copy(&l));
                    let data = copy(&data);
                    let out = if decrypt {
                        let k = private_of(&ctx, &key)?;
                        nc::private_decrypt(&k, &data, padding, alg, label.as_deref())
                    } else {
                        let k = public_of(&ctx, &key)?;
                        nc::public_encrypt(&k, &data, padding, alg, label.as_deref())
                    };
                    bytes(&ctx, out.map_err(|e| throw_node(&ctx, e))?)
                })
            },
        )?,
    )?;
    o.set(
        "keySecretBytes",
        Function::new(ctx.clone(), |ctx: Ctx<'js>, key: Key<'js>| {
            match &key.borrow().0 {
                Material::Secret(s) => bytes(&ctx, s.clone()),
                _ => Ok(Value::new_undefined(ctx.clone())),
            }
        })?,
    )?;
    Ok(())
}
