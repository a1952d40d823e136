//! Native side of `http`: node-http's server owns each connection (parsing, keep-alive,
//! pipelining, framing, strictness, timeouts); JS gets one hook call per request
//! (`httpRequest`) with the parsed head, and answers with commands queued to the
//! request's task (`head`, `write`, `end`), so a `res.end('hello')` crosses into Rust once.
//! Request bodies flow to JS as `httpBody` events. The JS objects stay in http.js's
//! tables, keyed by the ids used here.

use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::rc::Rc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::Duration;

use node_event_loop::IoHandle;
use node_http::{
    Handler, HeaderValue, IncomingMessage, ParserOptions, ServerOptions, ServerResponse, Upgraded,
};
use node_net::{ListenOptions, ServerAddress, Socket, SocketHandle};
use rquickjs::function::Opt;
use rquickjs::{Array, Ctx, Function, Object, Result, TypedArray, Value};
use tokio::sync::{mpsc, Notify};

use crate::evloop::LoopHandle;
use crate::host::{guard, with_hooks};
use crate::modules::bytes_of;
use crate::modules::net::{adopt, info_of, listen_outcome, poll_now, socket_info};

/// What JS asks of a response; the request's task applies them in order.
enum ResCmd {
    /// Status, message, headers (name, values), sendDate, and whether the head is fixed
    /// now (node's `_storeHeader` before any data: no Content-Length from `end`).
    Head(u16, Option<String>, Vec<(String, HeaderValue)>, bool, bool),
    /// A body chunk; `true` asks for a `httpDrain` once it is flushed.
    Write(Vec<u8>, bool),
    /// The last chunk; `true` when JS wants no `httpFinish` (nothing listens).
    End(Option<Vec<u8>>, bool),
    Continue,
    Trailers(Vec<(String, String)>),
    Destroy,
}

/// One request in flight: the command queue of its response and, until JS starts reading
/// the body, the request itself.
struct ReqEntry {
    tx: Option<mpsc::UnboundedSender<ResCmd>>,
    msg: Option<IncomingMessage>,
    gate: Option<Rc<Gate>>,
    /// The handle that carries this message's events (its server's, or its client
    /// request's).
    io: Rc<IoHandle>,
}

struct Gate {
    on: Cell<bool>,
    wake: Notify,
}

struct ServerEntry {
    io: Rc<IoHandle>,
    server: Option<node_http::Server<JsHandler>>,
    flags: Arc<Flags>,
}

/// Which optional events JS listens to, read by the handler on each request.
#[derive(Debug, Default)]
struct Flags {
    check_continue: AtomicBool,
    check_expectation: AtomicBool,
    upgrade: AtomicBool,
    connect: AtomicBool,
}

thread_local! {
    static SERVERS: RefCell<HashMap<u32, ServerEntry>> = RefCell::new(HashMap::new());
    static REQS: RefCell<HashMap<u32, ReqEntry>> = RefCell::new(HashMap::new());
    static CONNS: RefCell<HashMap<(u32, u64), SocketHandle>> = RefCell::new(HashMap::new());
    static NEXT_ID: Cell<u32> = const { Cell::new(1) };
}

fn next_id() -> u32 {
    NEXT_ID.with(|n| {
        let id = n.get();
        n.set(if id >= 0x3fff_ffff { 1 } else { id + 1 });
        id
    })
}

/// Queues `f` on server `id`'s handle for the poll phase.
fn post(id: u32, f: impl FnOnce() + 'static) {
    SERVERS.with(|m| {
        if let Some(e) = m.borrow().get(&id) {
            e.io.post(f);
        }
    });
}

fn call<'js, A: rquickjs::function::IntoArgs<'js>>(
    hooks: &Object<'js>,
    name: &str,
    args: A,
) -> Result<()> {
    let f: Function<'js> = hooks.get(name)?;
    f.call(args)
}

#[derive(Debug)]
struct JsHandler {
    server: u32,
    flags: Arc<Flags>,
}

/// The head facts JS needs: `[method, url, minor, rawHeaders, connId, hasBody, upgrade]`.
struct Head {
    method: String,
    url: String,
    minor: u8,
    raw: Vec<String>,
    conn: u64,
    has_body: bool,
}

impl Head {
    fn of(req: &IncomingMessage) -> Head {
        Head {
            method: req.method().to_owned(),
            url: req.url().to_owned(),
            minor: if req.http_version() == "1.0" { 0 } else { 1 },
            raw: req.raw_headers().to_flat(),
            conn: req.connection_id().unwrap_or(u64::MAX),
            has_body: !req.complete(),
        }
    }

    fn to_js<'js>(&self, ctx: &Ctx<'js>) -> Result<Array<'js>> {
        let a = Array::new(ctx.clone())?;
        a.set(0, self.method.as_str())?;
        a.set(1, self.url.as_str())?;
        a.set(2, self.minor)?;
        a.set(3, self.raw.clone())?;
        a.set(4, self.conn as f64)?;
        a.set(5, self.has_body)?;
        Ok(a)
    }
}

impl Handler for JsHandler {
    fn request(
        &self,
        req: IncomingMessage,
        res: ServerResponse,
    ) -> impl std::future::Future<Output = ()> + Send {
        serve_request(self.server, req, res, "request")
    }

    fn handles_check_continue(&self) -> bool {
        self.flags.check_continue.load(Ordering::Relaxed)
    }

    fn check_continue(
        &self,
        req: IncomingMessage,
        res: ServerResponse,
    ) -> impl std::future::Future<Output = ()> + Send {
        serve_request(self.server, req, res, "checkContinue")
    }

    fn handles_check_expectation(&self) -> bool {
        self.flags.check_expectation.load(Ordering::Relaxed)
    }

    fn check_expectation(
        &self,
        req: IncomingMessage,
        res: ServerResponse,
    ) -> impl std::future::Future<Output = ()> + Send {
        serve_request(self.server, req, res, "checkExpectation")
    }

    fn handles_upgrade(&self) -> bool {
        self.flags.upgrade.load(Ordering::Relaxed)
    }

    fn upgrade(
        &self,
        req: IncomingMessage,
        up: Upgraded,
    ) -> impl std::future::Future<Output = ()> + Send {
        hand_over(self.server, req, up, "upgrade");
        std::future::ready(())
    }

    fn handles_connect(&self) -> bool {
        self.flags.connect.load(Ordering::Relaxed)
    }

    fn connect(
        &self,
        req: IncomingMessage,
        up: Upgraded,
    ) -> impl std::future::Future<Output = ()> + Send {
        hand_over(self.server, req, up, "connect");
        std::future::ready(())
    }

    fn connection(&self, id: u64, socket: &Socket) {
        let server = self.server;
        if let Ok(h) = socket.handle() {
            CONNS.with(|m| m.borrow_mut().insert((server, id), h));
        }
        let info = info_of(socket);
        post(server, move || {
            with_hooks(move |ctx, hooks| {
                let a = socket_info(ctx, &info)?;
                call(&hooks, "httpConnection", (server, id as f64, a))
            })
        });
    }

    fn tls_client_error(&self, err: node_net::Error) {
        let server = self.server;
        post(server, move || {
            with_hooks(move |ctx, hooks| {
                let e = crate::modules::net::net_error(ctx, &err)?;
                call(&hooks, "httpTlsClientError", (server, e))
            })
        });
    }

    fn connection_closed(&self, id: u64) {
        let server = self.server;
        CONNS.with(|m| m.borrow_mut().remove(&(server, id)));
        post(server, move || {
            with_hooks(move |_ctx, hooks| call(&hooks, "httpConnectionClose", (server, id as f64)))
        });
    }
}

/// `'upgrade'`/`'connect'`: the raw connection becomes a net socket.
fn hand_over(server: u32, req: IncomingMessage, up: Upgraded, event: &'static str) {
    let head = Head::of(&req);
    let Upgraded { socket, head: rest } = up;
    let adopted = adopt(socket);
    post(server, move || {
        with_hooks(move |ctx, hooks| {
            let Some((sid, info)) = adopted else {
                return Ok(());
            };
            let a = socket_info(ctx, &info)?;
            let bytes = TypedArray::<u8>::new(ctx.clone(), rest.to_vec())?;
            call(
                &hooks,
                "httpUpgrade",
                (server, event, head.to_js(ctx)?, sid, a, bytes),
            )
        })
    });
}

async fn serve_request(
    server: u32,
    req: IncomingMessage,
    mut res: ServerResponse,
    kind: &'static str,
) {
    let rid = next_id();
    let head = Head::of(&req);
    let (tx, mut rx) = mpsc::unbounded_channel::<ResCmd>();
    let Some(io) = SERVERS.with(|m| m.borrow().get(&server).map(|e| e.io.clone())) else {
        return;
    };
    REQS.with(|m| {
        m.borrow_mut().insert(
            rid,
            ReqEntry {
                tx: Some(tx),
                msg: Some(req),
                gate: None,
                io,
            },
        )
    });
    post(server, move || {
        with_hooks(move |ctx, hooks| {
            let raw = rquickjs::Array::new(ctx.clone())?;
            for (i, v) in head.raw.iter().enumerate() {
                raw.set(i, v.as_str())?;
            }
            let kind = match kind {
                "checkContinue" => 2,
                "checkExpectation" => 4,
                _ => 0,
            } | u8::from(head.has_body)
                | if head.minor == 0 { 8 } else { 0 };
            let f: Function<'_> = hooks.get("httpRequest")?;
            f.call::<_, ()>((
                server,
                rid,
                head.method,
                head.url,
                raw,
                head.conn as f64,
                kind,
            ))
        })
    });
    let mut unacked = 0usize;
    let mut err: Option<node_http::Error> = None;
    let mut ended = false;
    let mut quiet = false;
    'outer: while let Some(cmd) = rx.recv().await {
        let mut cmd = Some(cmd);
        let mut want_drain = false;
        // Apply every queued command, then flush once (Node corks writes of one tick).
        while let Some(c) = cmd.take().or_else(|| rx.try_recv().ok()) {
            let r = match c {
                ResCmd::Head(status, msg, headers, send_date, fixed) => {
                    res.set_status_code(status);
                    if let Some(m) = msg {
                        res.set_status_message(m);
                    }
                    res.set_send_date(send_date);
                    let r = headers
                        .into_iter()
                        .try_for_each(|(k, v)| res.append_header(&k, v).map(|_| ()));
                    // An empty write serialises the head without sending anything.
                    match r {
                        Ok(()) if fixed => res.try_write(&[]).map(|_| ()),
                        r => r,
                    }
                }
                ResCmd::Write(data, drain) => {
                    unacked += data.len();
                    want_drain |= drain;
                    res.try_write(&data).map(|_| ())
                }
                ResCmd::End(data, q) => {
                    ended = true;
                    quiet = q;
                    let r = res.end(data.as_deref()).await;
                    if let Err(e) = r {
                        err = Some(e);
                    }
                    break 'outer;
                }
                ResCmd::Continue => res.write_continue().await,
                ResCmd::Trailers(t) => res.add_trailers(&t),
                ResCmd::Destroy => {
                    res.destroy();
                    break 'outer;
                }
            };
            if let Err(e) = r {
                err = Some(e);
                break 'outer;
            }
        }
        if let Err(e) = res.drain().await {
            err = Some(e);
            break;
        }
        if want_drain {
            let n = std::mem::take(&mut unacked);
            post(server, move || {
                with_hooks(move |_ctx, hooks| call(&hooks, "httpDrain", (rid, n as f64)))
            });
        }
    }
    // A body still to read (or being read) keeps the entry: its reader removes it at the
    // end (after the response, node-http has dumped the rest: the read ends).
    let release = move || {
        REQS.with(|m| {
            let mut m = m.borrow_mut();
            if let Some(e) = m.get_mut(&rid) {
                e.tx = None;
                if e.gate.is_none() && e.msg.as_ref().is_none_or(|m| m.complete()) {
                    m.remove(&rid);
                }
            }
        })
    };
    if quiet && err.is_none() {
        release();
        return;
    }
    let code = err.map(|e| e.code().to_owned());
    post(server, move || {
        release();
        with_hooks(move |_ctx, hooks| call(&hooks, "httpFinish", (rid, ended, code)))
    });
}

/// Starts (or resumes) reading message `rid`'s body: chunks come as `httpBody(rid, chunk)`,
/// the end as `httpBody(rid, null, rawTrailers)`, an error as
/// `httpBody(rid, undefined, code, message)`.
fn read_body(rid: u32) {
    let started = REQS.with(|m| {
        let mut m = m.borrow_mut();
        let e = m.get_mut(&rid)?;
        if let Some(g) = &e.gate {
            g.on.set(true);
            g.wake.notify_one();
            return None;
        }
        let msg = e.msg.take()?;
        let gate = Rc::new(Gate {
            on: Cell::new(true),
            wake: Notify::new(),
        });
        e.gate = Some(gate.clone());
        Some((msg, gate, e.io.clone()))
    });
    let Some((mut msg, gate, io)) = started else {
        return;
    };
    let Some(h) = LoopHandle::current() else {
        return;
    };
    h.spawn_local(async move {
        loop {
            while !gate.on.get() {
                gate.wake.notified().await;
            }
            let r = msg.read().await;
            let last = !matches!(r, Ok(Some(_)));
            let trailers = match r {
                Ok(None) => msg.raw_trailers().map(|t| t.to_flat()),
                _ => None,
            };
            // The last event carries the handle, so the loop stays alive until it ran.
            let keep = last.then(|| io.clone());
            io.post(move || {
                drop(keep);
                if last {
                    REQS.with(|m| {
                        let mut m = m.borrow_mut();
                        if m.get(&rid).is_some_and(|e| e.tx.is_none()) {
                            m.remove(&rid);
                        }
                    });
                }
                with_hooks(move |ctx, hooks| match r {
                    Ok(Some(b)) => {
                        let ta = TypedArray::<u8>::new(ctx.clone(), b.to_vec())?;
                        call(&hooks, "httpBody", (rid, ta))
                    }
                    Ok(None) => call(
                        &hooks,
                        "httpBody",
                        (
                            rid,
                            Value::new_null(ctx.clone()),
                            trailers.unwrap_or_default(),
                        ),
                    ),
                    Err(e) => call(
                        &hooks,
                        "httpBody",
                        (
                            rid,
                            Value::new_undefined(ctx.clone()),
                            e.code().to_owned(),
                            e.to_string(),
                        ),
                    ),
                })
            });
            if last {
                return;
            }
        }
    });
}

fn send(rid: u32, cmd: ResCmd) -> bool {
    REQS.with(|m| {
        m.borrow()
            .get(&rid)
            .and_then(|e| e.tx.as_ref())
            .is_some_and(|tx| tx.send(cmd).is_ok())
    })
}

/// Status, message, `[name, value | [values], …]` and flags (1: sendDate, 2: fix the head
/// now; for `respond`, 4: no `httpFinish` wanted) → a `Head`.
fn head_cmd<'js>(
    ctx: &Ctx<'js>,
    status: u16,
    msg: Option<String>,
    headers: Array<'js>,
    flags: u8,
) -> Result<ResCmd> {
    let (send_date, fixed) = (flags & 1 != 0, flags & 2 != 0);
    let mut out = Vec::with_capacity(headers.len() / 2);
    let mut i = 0;
    while i + 1 < headers.len() {
        let name: String = headers.get(i)?;
        let v: Value<'js> = headers.get(i + 1)?;
        let value = if let Some(a) = v.as_array() {
            let mut vals = Vec::with_capacity(a.len());
            for x in a.iter::<rquickjs::Coerced<String>>() {
                vals.push(x?.0);
            }
            HeaderValue::Many(vals)
        } else {
            HeaderValue::One(rquickjs::Coerced::<String>::from_js(ctx, v)?.0)
        };
        out.push((name, value));
        i += 2;
    }
    Ok(ResCmd::Head(status, msg, out, send_date, fixed))
}

use rquickjs::FromJs;

/// `createServer` options read at listen time from the JS server.
fn server_options(o: &Object<'_>) -> Result<ServerOptions> {
    let ms = |k: &str| -> Result<Option<f64>> { o.get::<_, Option<f64>>(k) };
    let mut opts = ServerOptions {
        parser: ParserOptions::default(),
        ..Default::default()
    };
    if let Some(n) = ms("maxHeaderSize")? {
        opts.parser.max_header_size = n as usize;
    }
    opts.parser.insecure = o
        .get::<_, Option<bool>>("insecureHTTPParser")?
        .unwrap_or(false);
    opts.parser.require_host_header = o
        .get::<_, Option<bool>>("requireHostHeader")?
        .unwrap_or(true);
    opts.parser.join_duplicate_headers = o
        .get::<_, Option<bool>>("joinDuplicateHeaders")?
        .unwrap_or(false);
    let dur = |n: f64| (n > 0.0).then(|| Duration::from_millis(n as u64));
    if let Some(n) = ms("headersTimeout")? {
        opts.headers_timeout = dur(n);
    }
    if let Some(n) = ms("requestTimeout")? {
        opts.request_timeout = dur(n);
    }
    if let Some(n) = ms("keepAliveTimeout")? {
        opts.keep_alive_timeout = Duration::from_millis(n.max(0.0) as u64);
    }
    if let Some(n) = ms("timeout")? {
        opts.timeout = dur(n);
    }
    if let Some(n) = ms("maxRequestsPerSocket")? {
        opts.max_requests_per_socket = (n > 0.0).then_some(n as u64);
    }
    opts.no_delay = o.get::<_, Option<bool>>("noDelay")?.unwrap_or(true);
    if let Some(id) = o.get::<_, Option<u32>>("tls")? {
        opts.tls = crate::modules::tls::server_context(id);
    }
    if o.get::<_, Option<bool>>("keepAlive")?.unwrap_or(false) {
        opts.keep_alive_initial_delay = Some(Duration::from_millis(
            ms("keepAliveInitialDelay")?.unwrap_or(0.0).max(0.0) as u64,
        ));
    }
    Ok(opts)
}

/// Like net's `listen`: `[id, err, address]` at once for an IP or a path, `[id]` and a
/// later `httpListen(id, err, address)` when a host name must be resolved.
fn listen<'js>(
    ctx: &Ctx<'js>,
    opts: ServerOptions,
    listen: ListenOptions,
    special: Value<'js>,
) -> Result<Vec<Value<'js>>> {
    let Some(h) = LoopHandle::current() else {
        return Ok(Vec::new());
    };
    let id = next_id();
    let io = Rc::new(h.keep_alive());
    let flags = Arc::new(Flags::default());
    let server = node_http::create_server_with(
        opts,
        JsHandler {
            server: id,
            flags: flags.clone(),
        },
    );
    SERVERS.with(|m| {
        m.borrow_mut().insert(
            id,
            ServerEntry {
                io: io.clone(),
                server: Some(server.clone()),
                flags,
            },
        )
    });
    let start = move |l: node_net::Server| -> node_net::Result<ServerAddress> {
        server.listen_on(l).map_err(|e| match e {
            node_http::Error::Net(e) => e,
            e => node_net::Error::Node(node_core::NodeError::new(
                node_core::ErrorClass::Error,
                e.code().to_owned(),
                e.to_string(),
            )),
        })
    };
    let idv = Value::new_number(ctx.clone(), id.into());
    // A cluster worker's server: the primary's listener or its pushed connections.
    if let Some(ready) = crate::modules::listen_source::ready_server(&special)? {
        let pusher = ready.as_ref().map_or(0, |(_, p)| *p);
        let (err, addr) = listen_outcome(ctx, &ready.and_then(|(l, _)| start(l)))?;
        let pusher = Value::new_number(ctx.clone(), pusher.into());
        return Ok(vec![idv, err, addr, pusher]);
    }
    match poll_now(node_net::Server::listen(listen)) {
        Ok(res) => {
            let (err, addr) = listen_outcome(ctx, &res.and_then(start))?;
            Ok(vec![idv, err, addr])
        }
        Err(fut) => {
            h.spawn_local(async move {
                let res = fut.await.and_then(start);
                io.post(move || {
                    with_hooks(move |ctx, hooks| {
                        let f: Function<'_> = hooks.get("httpListen")?;
                        let (err, addr) = listen_outcome(ctx, &res)?;
                        f.call((id, err, addr))
                    })
                });
            });
            Ok(vec![idv])
        }
    }
}

fn with_server<R>(id: u32, f: impl FnOnce(&ServerEntry) -> R) -> Option<R> {
    SERVERS.with(|m| m.borrow().get(&id).map(f))
}

/// Builds the `http` binding object.
pub(crate) fn binding<'js>(ctx: &Ctx<'js>) -> Result<Object<'js>> {
    let o = Object::new(ctx.clone())?;
    o.set(
        "listen",
        Function::new(
            ctx.clone(),
            |ctx: Ctx<'js>,
             options: Object<'js>,
             port: u16,
             host: Option<String>,
             path: Option<String>,
             backlog: u32,
             special: Opt<Value<'js>>| {
                guard(&ctx, || {
                    let opts = server_options(&options)?;
                    let l = ListenOptions {
                        port,
                        host,
                        path: path.map(Into::into),
                        backlog,
                        ..Default::default()
                    };
                    let special = special.0.unwrap_or(Value::new_undefined(ctx.clone()));
                    listen(&ctx, opts, l, special)
                })
            },
        )?,
    )?;
    o.set(
        "setFlags",
        Function::new(
            ctx.clone(),
            |id: u32, cc: bool, ce: bool, up: bool, cn: bool| {
                with_server(id, |e| {
                    e.flags.check_continue.store(cc, Ordering::Relaxed);
                    e.flags.check_expectation.store(ce, Ordering::Relaxed);
                    e.flags.upgrade.store(up, Ordering::Relaxed);
                    e.flags.connect.store(cn, Ordering::Relaxed);
                })
            },
        )?,
    )?;
    o.set(
        "close",
        Function::new(ctx.clone(), |id: u32| {
            let Some(server) = with_server(id, |e| e.server.clone()).flatten() else {
                return;
            };
            server.close();
            let Some(h) = LoopHandle::current() else {
                return;
            };
            h.spawn_local(async move {
                server.closed().await;
                post(id, move || {
                    let entry = SERVERS.with(|m| m.borrow_mut().remove(&id));
                    with_hooks(move |_ctx, hooks| call(&hooks, "httpClose", (id,)));
                    if let Some(e) = entry {
                        e.io.close();
                    }
                });
            });
        })?,
    )?;
    o.set(
        "closeAll",
        Function::new(ctx.clone(), |id: u32| {
            with_server(id, |e| e.server.as_ref().map(|s| s.close_all_connections()))
        })?,
    )?;
    o.set(
        "closeIdle",
        Function::new(ctx.clone(), |id: u32| {
            with_server(id, |e| {
                e.server.as_ref().map(|s| s.close_idle_connections())
            })
        })?,
    )?;
    o.set(
        "connections",
        Function::new(ctx.clone(), |id: u32| {
            with_server(id, |e| {
                e.server.as_ref().map_or(0, |s| s.get_connections()) as u32
            })
            .unwrap_or(0)
        })?,
    )?;
    o.set(
        "setMaxConnections",
        Function::new(ctx.clone(), |id: u32, max: Option<f64>| {
            with_server(id, |e| {
                if let Some(s) = &e.server {
                    s.set_max_connections(max.map(|n| n.max(0.0) as usize));
                }
            })
        })?,
    )?;
    o.set(
        "serverRef",
        Function::new(ctx.clone(), |id: u32, on: bool| {
            with_server(id, |e| e.io.set_ref(on))
        })?,
    )?;
    o.set(
        "connDestroy",
        Function::new(ctx.clone(), |server: u32, conn: f64| {
            CONNS.with(|m| {
                if let Some(h) = m.borrow().get(&(server, conn as u64)) {
                    h.destroy();
                }
            })
        })?,
    )?;
    o.set(
        "connSetNoDelay",
        Function::new(ctx.clone(), |server: u32, conn: f64, on: bool| {
            CONNS.with(|m| {
                if let Some(h) = m.borrow().get(&(server, conn as u64)) {
                    let _ = h.set_no_delay(on);
                }
            })
        })?,
    )?;
    o.set(
        "connBytes",
        Function::new(ctx.clone(), |server: u32, conn: f64| {
            CONNS.with(|m| {
                m.borrow()
                    .get(&(server, conn as u64))
                    .map(|h| vec![h.bytes_read() as f64, h.bytes_written() as f64])
            })
        })?,
    )?;
    o.set(
        "head",
        Function::new(
            ctx.clone(),
            |ctx: Ctx<'js>,
             rid: u32,
             status: u16,
             msg: Option<String>,
             headers: Array<'js>,
             flags: u8| {
                guard(&ctx, || {
                    let head = head_cmd(&ctx, status, msg, headers, flags)?;
                    Ok(send(rid, head))
                })
            },
        )?,
    )?;
    o.set(
        "write",
        Function::new(
            ctx.clone(),
            |ctx: Ctx<'js>, rid: u32, data: Value<'js>, drain: bool| {
                guard(&ctx, || {
                    Ok(send(rid, ResCmd::Write(bytes_of(&data)?, drain)))
                })
            },
        )?,
    )?;
    o.set(
        "end",
        Function::new(ctx.clone(), |ctx: Ctx<'js>, rid: u32, data: Value<'js>| {
            guard(&ctx, || {
                let d = if data.is_undefined() || data.is_null() {
                    None
                } else {
                    Some(bytes_of(&data)?)
                };
                Ok(send(rid, ResCmd::End(d, false)))
            })
        })?,
    )?;
    o.set(
        "respond",
        Function::new(
            ctx.clone(),
            |ctx: Ctx<'js>,
             rid: u32,
             status: u16,
             msg: Option<String>,
             headers: Array<'js>,
             flags: u8,
             data: Value<'js>| {
                guard(&ctx, || {
                    let d = if data.is_undefined() || data.is_null() {
                        None
                    } else {
                        Some(bytes_of(&data)?)
                    };
                    let head = head_cmd(&ctx, status, msg, headers, flags)?;
                    Ok(send(rid, head) && send(rid, ResCmd::End(d, flags & 4 != 0)))
                })
            },
        )?,
    )?;
    o.set(
        "writeContinue",
        Function::new(ctx.clone(), |rid: u32| send(rid, ResCmd::Continue))?,
    )?;
    o.set(
        "addTrailers",
        Function::new(ctx.clone(), |rid: u32, flat: Vec<String>| {
            let pairs = flat
                .chunks(2)
                .filter(|p| p.len() == 2)
                .map(|p| (p[0].clone(), p[1].clone()))
                .collect();
            send(rid, ResCmd::Trailers(pairs))
        })?,
    )?;
    o.set(
        "destroy",
        Function::new(ctx.clone(), |rid: u32| send(rid, ResCmd::Destroy))?,
    )?;
    o.set(
        "readStart",
        Function::new(ctx.clone(), |rid: u32| read_body(rid))?,
    )?;
    o.set(
        "readStop",
        Function::new(ctx.clone(), |rid: u32| {
            REQS.with(|m| {
                if let Some(g) = m.borrow().get(&rid).and_then(|e| e.gate.clone()) {
                    g.on.set(false);
                }
            })
        })?,
    )?;
    let codes = Object::new(ctx.clone())?;
    for (code, text) in node_http::STATUS_CODES {
        codes.set(code.to_string(), *text)?;
    }
    o.set("STATUS_CODES", codes)?;
    o.set("METHODS", node_http::METHODS.to_vec())?;
    client_binding(ctx, &o)?;
    Ok(o)
}

// ---- client ----------------------------------------------------------------------------

/// What JS asks of a client request, in order.
enum ReqCmd {
    Write(Vec<u8>),
    End(Option<Vec<u8>>),
    Destroy,
}

thread_local! {
    static CLIENTS: RefCell<HashMap<u32, mpsc::UnboundedSender<ReqCmd>>> =
        RefCell::new(HashMap::new());
    static AGENTS: RefCell<HashMap<u32, node_http::Agent>> = RefCell::new(HashMap::new());
}

/// A node-http error as JS receives it: system errors as net's array, the rest as
/// `[message, undefined, code]` (net.js's `netError` builds both).
fn http_error<'js>(ctx: &Ctx<'js>, err: &node_http::Error) -> Result<Value<'js>> {
    match err {
        node_http::Error::Net(e) => crate::modules::net::net_error(ctx, e),
        e => {
            let a = Array::new(ctx.clone())?;
            let message = match e {
                node_http::Error::Node(n) => n.message(),
                e => e.to_string(),
            };
            a.set(0, message)?;
            a.set(1, Value::new_undefined(ctx.clone()))?;
            a.set(2, e.code())?;
            Ok(a.into_value())
        }
    }
}

fn request_options(o: &Object<'_>) -> Result<node_http::RequestOptions> {
    let mut opts = node_http::RequestOptions {
        host: o.get("host")?,
        port: o.get("port")?,
        path: o.get("path")?,
        method: o.get("method")?,
        set_host: o.get::<_, Option<bool>>("setHost")?.unwrap_or(true),
        socket_path: o.get::<_, Option<String>>("socketPath")?.map(Into::into),
        ..Default::default()
    };
    let flat: Vec<String> = o.get("headers")?;
    for p in flat.chunks(2) {
        if let [k, v] = p {
            opts.headers.push((k.clone(), HeaderValue::One(v.clone())));
        }
    }
    if let Some(id) = o.get::<_, Option<u32>>("tls")? {
        opts.tls = crate::modules::tls::take_client(id);
    }
    let agent: i32 = o.get("agent")?;
    opts.agent = match agent {
        0 => node_http::AgentChoice::Global,
        n if n < 0 => node_http::AgentChoice::None,
        n => match AGENTS.with(|m| m.borrow().get(&(n as u32)).cloned()) {
            Some(a) => node_http::AgentChoice::Agent(a),
            None => node_http::AgentChoice::Global,
        },
    };
    Ok(opts)
}

async fn run_client(
    cid: u32,
    opts: node_http::RequestOptions,
    mut rx: mpsc::UnboundedReceiver<ReqCmd>,
    io: Rc<IoHandle>,
) -> node_http::Result<Option<IncomingMessage>> {
    let mut req = node_http::request(opts)?;
    while let Some(cmd) = rx.recv().await {
        match cmd {
            ReqCmd::Write(d) => req.write(&d).await?,
            ReqCmd::End(d) => {
                req.send_end(d.as_deref()).await?;
                io.post(move || {
                    with_hooks(move |_ctx, hooks| call(&hooks, "httpClientFinish", (cid,)))
                });
                return req.read_response().await.map(Some);
            }
            ReqCmd::Destroy => return Ok(None),
        }
    }
    Ok(None)
}

/// `clientRequest(id, options)`: starts request `id`; JS then sends `clientWrite`/
/// `clientEnd`. Events: `httpClientFinish(id)`, `httpClientResponse(id, rid, head)` (the
/// body then flows as `httpBody(rid, …)`), `httpClientUpgrade(id, head, socketId, info,
/// head bytes)`, `httpClientError(id, err)`.
fn client_request(cid: u32, opts: node_http::RequestOptions) {
    let Some(h) = LoopHandle::current() else {
        return;
    };
    let io = Rc::new(h.keep_alive());
    let (tx, rx) = mpsc::unbounded_channel();
    CLIENTS.with(|m| m.borrow_mut().insert(cid, tx));
    h.spawn_local(async move {
        let res = run_client(cid, opts, rx, io.clone()).await;
        CLIENTS.with(|m| m.borrow_mut().remove(&cid));
        let keep = io.clone();
        let upgrade = matches!(&res, Ok(Some(r)) if r.status_code() == 101);
        match res {
            Ok(None) => drop(keep),
            Ok(Some(msg)) if upgrade => {
                let head = msg.raw_headers().to_flat();
                let (status, text) = (msg.status_code(), msg.status_message().to_owned());
                let up = msg.into_upgraded();
                let adopted = up.map(|u| (adopt(u.socket), u.head));
                io.post(move || {
                    drop(keep);
                    with_hooks(move |ctx, hooks| {
                        let Some((Some((sid, info)), rest)) = adopted else {
                            return Ok(());
                        };
                        let a = Array::new(ctx.clone())?;
                        a.set(0, status)?;
                        a.set(1, text)?;
                        a.set(2, 1)?;
                        a.set(3, head)?;
                        a.set(4, false)?;
                        let bytes = TypedArray::<u8>::new(ctx.clone(), rest.to_vec())?;
                        let info = socket_info(ctx, &info)?;
                        call(&hooks, "httpClientUpgrade", (cid, a, sid, info, bytes))
                    })
                });
            }
            Ok(Some(msg)) => {
                let rid = next_id();
                let complete = msg.complete();
                let entry = ReqEntry {
                    tx: None,
                    msg: Some(msg),
                    gate: None,
                    io: io.clone(),
                };
                REQS.with(|m| m.borrow_mut().insert(rid, entry));
                io.post(move || {
                    drop(keep);
                    let head = REQS.with(|m| {
                        let mut m = m.borrow_mut();
                        let head = m.get(&rid).and_then(|e| e.msg.as_ref()).map(|msg| {
                            (
                                msg.status_code(),
                                msg.status_message().to_owned(),
                                msg.http_version() == "1.0",
                                msg.raw_headers().to_flat(),
                            )
                        });
                        if complete {
                            m.remove(&rid);
                        }
                        head
                    });
                    with_hooks(move |ctx, hooks| {
                        let Some((status, text, v10, raw)) = head else {
                            return Ok(());
                        };
                        let a = Array::new(ctx.clone())?;
                        a.set(0, status)?;
                        a.set(1, text)?;
                        a.set(2, if v10 { 0 } else { 1 })?;
                        a.set(3, raw)?;
                        a.set(4, !complete)?;
                        call(&hooks, "httpClientResponse", (cid, rid, a))
                    })
                });
            }
            Err(e) => {
                io.post(move || {
                    drop(keep);
                    with_hooks(move |ctx, hooks| {
                        let err = http_error(ctx, &e)?;
                        call(&hooks, "httpClientError", (cid, err))
                    })
                });
            }
        }
    });
}

fn client_send(cid: u32, cmd: ReqCmd) -> bool {
    CLIENTS.with(|m| m.borrow().get(&cid).is_some_and(|tx| tx.send(cmd).is_ok()))
}

/// The client half of the `http` binding object.
pub(crate) fn client_binding<'js>(ctx: &Ctx<'js>, o: &Object<'js>) -> Result<()> {
    o.set(
        "clientRequest",
        Function::new(ctx.clone(), |ctx: Ctx<'js>, cid: u32, opts: Object<'js>| {
            guard(&ctx, || {
                client_request(cid, request_options(&opts)?);
                Ok(())
            })
        })?,
    )?;
    o.set(
        "clientWrite",
        Function::new(ctx.clone(), |ctx: Ctx<'js>, cid: u32, data: Value<'js>| {
            guard(&ctx, || {
                Ok(client_send(cid, ReqCmd::Write(bytes_of(&data)?)))
            })
        })?,
    )?;
    o.set(
        "clientEnd",
        Function::new(ctx.clone(), |ctx: Ctx<'js>, cid: u32, data: Value<'js>| {
            guard(&ctx, || {
                let d = if data.is_undefined() || data.is_null() {
                    None
                } else {
                    Some(bytes_of(&data)?)
                };
                Ok(client_send(cid, ReqCmd::End(d)))
            })
        })?,
    )?;
    o.set(
        "clientDestroy",
        Function::new(ctx.clone(), |cid: u32| client_send(cid, ReqCmd::Destroy))?,
    )?;
    o.set(
        "bodyDiscard",
        Function::new(ctx.clone(), |rid: u32| {
            REQS.with(|m| {
                let mut m = m.borrow_mut();
                if m.get(&rid).is_some_and(|e| e.gate.is_none()) {
                    m.remove(&rid);
                }
            })
        })?,
    )?;
    o.set(
        "agentNew",
        Function::new(
            ctx.clone(),
            |id: u32, keep_alive: bool, msecs: f64, max_sockets: Option<f64>, max_free: f64| {
                let agent = node_http::Agent::new(node_http::AgentOptions {
                    keep_alive,
                    keep_alive_msecs: Duration::from_millis(msecs.max(0.0) as u64),
                    max_sockets: max_sockets
                        .filter(|n| n.is_finite() && *n > 0.0)
                        .map(|n| n as usize),
                    max_free_sockets: max_free.max(0.0) as usize,
                });
                AGENTS.with(|m| m.borrow_mut().insert(id, agent));
            },
        )?,
    )?;
    o.set(
        "agentDestroy",
        Function::new(ctx.clone(), |id: u32| {
            if id == 0 {
                node_http::global_agent().destroy();
            } else if let Some(a) = AGENTS.with(|m| m.borrow().get(&id).cloned()) {
                a.destroy();
            }
        })?,
    )?;
    o.set(
        "agentFree",
        Function::new(ctx.clone(), |id: u32, key: String| {
            let n = if id == 0 {
                node_http::global_agent().free_sockets(&key)
            } else {
                AGENTS.with(|m| m.borrow().get(&id).map_or(0, |a| a.free_sockets(&key)))
            };
            n as u32
        })?,
    )?;
    Ok(())
}
