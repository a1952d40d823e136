//! Native side of `tls` and `https`: secure contexts (node-net's TLS configurations, in
//! tables keyed by ids), `tls.connect` (TCP connect + handshake, then the socket is an
//! ordinary net socket whose bytes are decrypted, reported through net's `netConnect`
//! hook), session facts for `TLSSocket` getters, and the module's static data.
//! TLS servers are net servers with a server context (net.rs runs the handshakes).

use std::cell::{Cell, RefCell};
use std::collections::HashMap;

use node_net::tls::{self, ClientOptions, PeerCertificate, ServerOptions, TlsSession, TlsVersion};
use node_net::{ConnectOptions, Socket};
use rquickjs::function::Opt;
use rquickjs::{Array, Ctx, Function, Object, Result, TypedArray, Value};

use crate::host::guard;
use crate::modules::net::deliver_connect;
use crate::modules::{bytes_of, throw_node};

thread_local! {
    /// Client contexts wait here from `clientContext` until a connection takes them.
    static CLIENTS: RefCell<HashMap<u32, tls::ClientConfig>> = RefCell::new(HashMap::new());
    /// Server contexts live as long as their server.
    static SERVERS: RefCell<HashMap<u32, tls::ServerConfig>> = RefCell::new(HashMap::new());
    static NEXT_CTX: Cell<u32> = const { Cell::new(1) };
}

fn next_ctx() -> u32 {
    NEXT_CTX.with(|n| {
        let id = n.get();
        n.set(id.wrapping_add(1).max(1));
        id
    })
}

/// Takes client context `id` (each connection consumes the one built for it).
pub(crate) fn take_client(id: u32) -> Option<tls::ClientConfig> {
    CLIENTS.with(|m| m.borrow_mut().remove(&id))
}

/// Server context `id`.
pub(crate) fn server_context(id: u32) -> Option<tls::ServerConfig> {
    SERVERS.with(|m| m.borrow().get(&id).cloned())
}

fn version(o: &Object<'_>, key: &str, default: TlsVersion) -> Result<TlsVersion> {
    Ok(match o.get::<_, Option<String>>(key)?.as_deref() {
        Some("TLSv1.3") => TlsVersion::V1_3,
        // Older versions are refused by JS when they would be the only ones; as a
        // minimum they mean "what rustls has", TLS 1.2.
        Some(_) => TlsVersion::V1_2,
        None => default,
    })
}

/// `ca`: one text/buffer or an array of them.
fn blobs(v: Option<Value<'_>>) -> Result<Option<Vec<Vec<u8>>>> {
    let Some(v) = v.filter(|v| !v.is_undefined() && !v.is_null()) else {
        return Ok(None);
    };
    if let Some(a) = v.as_array() {
        let mut out = Vec::new();
        for x in a.iter::<Value<'_>>() {
            out.push(bytes_of(&x?)?);
        }
        return Ok(Some(out));
    }
    Ok(Some(vec![bytes_of(&v)?]))
}

fn blob(o: &Object<'_>, key: &str) -> Result<Option<Vec<u8>>> {
    match o.get::<_, Option<Value<'_>>>(key)? {
        Some(v) if !v.is_undefined() && !v.is_null() => Ok(Some(bytes_of(&v)?)),
        _ => Ok(None),
    }
}

fn alpn(o: &Object<'_>) -> Result<Vec<Vec<u8>>> {
    Ok(o.get::<_, Option<Vec<String>>>("ALPNProtocols")?
        .unwrap_or_default()
        .into_iter()
        .map(String::into_bytes)
        .collect())
}

fn built<T>(ctx: &Ctx<'_>, r: node_net::Result<T>) -> Result<T> {
    r.map_err(|e| match e {
        node_net::Error::Node(n) => throw_node(ctx, n),
        other => throw_node(
            ctx,
            node_core::NodeError::new(
                node_core::ErrorClass::Error,
                "ERR_TLS_CONTEXT",
                other.to_string(),
            ),
        ),
    })
}

fn client_context(ctx: &Ctx<'_>, o: &Object<'_>) -> Result<u32> {
    let opts = ClientOptions {
        ca: blobs(o.get("ca")?)?,
        cert: blob(o, "cert")?,
        key: blob(o, "key")?,
        reject_unauthorized: o
            .get::<_, Option<bool>>("rejectUnauthorized")?
            .unwrap_or(true),
        servername: o
            .get::<_, Option<String>>("servername")?
            .filter(|s| !s.is_empty()),
        alpn_protocols: alpn(o)?,
        min_version: version(o, "minVersion", TlsVersion::V1_2)?,
        max_version: version(o, "maxVersion", TlsVersion::V1_3)?,
        check_identity: o.get::<_, Option<bool>>("checkIdentity")?.unwrap_or(true),
    };
    let config = built(ctx, opts.build())?;
    let id = next_ctx();
    CLIENTS.with(|m| m.borrow_mut().insert(id, config));
    Ok(id)
}

fn server_context_new(ctx: &Ctx<'_>, o: &Object<'_>) -> Result<u32> {
    let opts = ServerOptions {
        cert: blob(o, "cert")?,
        key: blob(o, "key")?,
        ca: blobs(o.get("ca")?)?,
        request_cert: o.get::<_, Option<bool>>("requestCert")?.unwrap_or(false),
        reject_unauthorized: o
            .get::<_, Option<bool>>("rejectUnauthorized")?
            .unwrap_or(true),
        alpn_protocols: alpn(o)?,
        min_version: version(o, "minVersion", TlsVersion::V1_2)?,
        max_version: version(o, "maxVersion", TlsVersion::V1_3)?,
    };
    let config = built(ctx, opts.build())?;
    let id = next_ctx();
    SERVERS.with(|m| m.borrow_mut().insert(id, config));
    Ok(id)
}

/// `tls.connect`: connects, runs the handshake and reports as `net.connect` does
/// (`netConnect(id, err, sid, info)`).
fn connect(opts: ConnectOptions, config: tls::ClientConfig, name: String) -> Option<u32> {
    deliver_connect(async move {
        let sock = Socket::connect_with(opts).await?;
        tls::connect(sock, &config, &name).await
    })
}

/// A certificate as `getPeerCertificate()` returns it (without `issuerCertificate`).
fn certificate<'js>(ctx: &Ctx<'js>, der: &[u8]) -> Result<Value<'js>> {
    let Some(c) = PeerCertificate::parse(der) else {
        return Ok(Value::new_undefined(ctx.clone()));
    };
    let names = |list: &[(String, String)]| -> Result<Array<'js>> {
        let a = Array::new(ctx.clone())?;
        for (i, (k, v)) in list.iter().enumerate() {
            a.set(i, vec![k.clone(), v.clone()])?;
        }
        Ok(a)
    };
    let o = Object::new(ctx.clone())?;
    o.set("subject", names(&c.subject)?)?;
    o.set("issuer", names(&c.issuer)?)?;
    o.set("subjectaltname", c.subjectaltname.clone())?;
    o.set("ca", c.ca)?;
    o.set("valid_from", c.valid_from.as_str())?;
    o.set("valid_to", c.valid_to.as_str())?;
    o.set("fingerprint", c.fingerprint(1))?;
    o.set("fingerprint256", c.fingerprint(256))?;
    o.set("fingerprint512", c.fingerprint(512))?;
    o.set("serialNumber", c.serial_number.as_str())?;
    o.set("raw", TypedArray::<u8>::new(ctx.clone(), c.raw.clone())?)?;
    Ok(o.into_value())
}

fn session_object<'js>(ctx: &Ctx<'js>, s: &TlsSession) -> Result<Object<'js>> {
    let o = Object::new(ctx.clone())?;
    o.set("protocol", s.protocol)?;
    if let Some(c) = &s.cipher {
        o.set("cipher", vec![c.name, c.standard_name, c.version])?;
    }
    o.set(
        "alpnProtocol",
        s.alpn_protocol
            .as_ref()
            .map(|p| String::from_utf8_lossy(p).into_owned()),
    )?;
    o.set("servername", s.servername.clone())?;
    o.set("authorized", s.authorized)?;
    o.set("authorizationError", s.authorization_error.clone())?;
    let certs = Array::new(ctx.clone())?;
    for (i, der) in s.peer_certificates.iter().enumerate() {
        certs.set(i, certificate(ctx, der)?)?;
    }
    o.set("peerCertificates", certs)?;
    Ok(o)
}

/// Builds the `tls` binding object.
pub(crate) fn binding<'js>(ctx: &Ctx<'js>) -> Result<Object<'js>> {
    let o = Object::new(ctx.clone())?;
    o.set(
        "clientContext",
        Function::new(ctx.clone(), |ctx: Ctx<'js>, opts: Object<'js>| {
            guard(&ctx, || client_context(&ctx, &opts))
        })?,
    )?;
    o.set(
        "serverContext",
        Function::new(ctx.clone(), |ctx: Ctx<'js>, opts: Object<'js>| {
            guard(&ctx, || server_context_new(&ctx, &opts))
        })?,
    )?;
    o.set(
        "freeContext",
        Function::new(ctx.clone(), |id: u32| {
            SERVERS.with(|m| m.borrow_mut().remove(&id));
            CLIENTS.with(|m| m.borrow_mut().remove(&id));
        })?,
    )?;
    o.set(
        "connect",
        Function::new(
            ctx.clone(),
            |ctx: Ctx<'js>,
             port: u16,
             host: String,
             path: Option<String>,
             family: u8,
             ctx_id: u32,
             name: String| {
                guard(&ctx, || {
                    let Some(config) = take_client(ctx_id) else {
                        return Ok(None);
                    };
                    Ok(connect(
                        ConnectOptions {
                            port,
                            host,
                            path: path.map(Into::into),
                            family,
                            ..Default::default()
                        },
                        config,
                        name,
                    ))
                })
            },
        )?,
    )?;
    o.set(
        "session",
        Function::new(ctx.clone(), |ctx: Ctx<'js>, sid: u32| {
            guard(&ctx, || match crate::modules::net::tls_session(sid) {
                Some(s) => Ok(Some(session_object(&ctx, &s)?)),
                None => Ok(None),
            })
        })?,
    )?;
    o.set(
        "identityMismatch",
        Function::new(
            ctx.clone(),
            |host: String, san: Opt<Option<String>>, cn: Opt<Option<String>>| {
                tls::identity_mismatch(&host, san.0.flatten().as_deref(), cn.0.flatten().as_deref())
            },
        )?,
    )?;
    o.set("rootCertificates", tls::root_certificates())?;
    o.set("ciphers", tls::cipher_names())?;
    Ok(o)
}
