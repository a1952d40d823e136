//! Native side of `net`: listening servers and connected sockets (node-net) live here in
//! tables keyed by ids; net.js keeps the JS objects in its own tables under the same ids.
//! Events reach JS in the poll phase through hooks: `netListen(id, err, address)`,
//! `netConnection(serverId, socketId, info)`, `netConnect(id, err, info)`,
//! `netRead(id, chunk | null | err)`, `netAfterWrite(id, req, err)`,
//! `netAfterShutdown(id, req, err)`.

use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::rc::Rc;
use std::time::Duration;

use bytes::BytesMut;
use node_event_loop::IoHandle;
use node_net::{ConnectOptions, ListenOptions, ServerAddress, Socket, SocketHandle};
use rquickjs::function::Opt;
use rquickjs::{Array, Ctx, Function, Object, Result, TypedArray, Value};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::sync::{mpsc, Notify};

use crate::evloop::LoopHandle;
use crate::host::{guard, with_hooks};
use crate::modules::{bytes_of, throw_node};

/// One open socket: its loop handle, a supervisor handle, the writer task's queue and the
/// reader's gate.
struct SocketEntry {
    io: Rc<IoHandle>,
    handle: SocketHandle,
    tx: mpsc::UnboundedSender<WriteCmd>,
    gate: Rc<ReadGate>,
}

/// Whether the reader task may read (net.js pauses it when its Readable is full).
struct ReadGate {
    on: Cell<bool>,
    closed: Cell<bool>,
    wake: Notify,
}

enum WriteCmd {
    Data(u32, Vec<u8>),
    End(u32),
}

struct ServerEntry {
    io: Rc<IoHandle>,
    stop: Rc<Notify>,
    server: Option<Rc<node_net::Server>>,
    /// A TLS server's context (tls.createServer).
    tls: Option<node_net::tls::ServerConfig>,
}

thread_local! {
    static SOCKETS: RefCell<HashMap<u32, SocketEntry>> = RefCell::new(HashMap::new());
    static SERVERS: RefCell<HashMap<u32, ServerEntry>> = RefCell::new(HashMap::new());
    static NEXT_ID: Cell<u32> = const { Cell::new(1) };
}

pub(crate) fn next_id() -> u32 {
    NEXT_ID.with(|n| {
        let id = n.get();
        n.set(if id >= 0x3fff_ffff { 1 } else { id + 1 });
        id
    })
}

/// A node-net error as JS receives it: `[message, errno, code, syscall, address, port]`
/// for system errors (net.js builds node's exceptionWithHostPort shape), or a thrown Node
/// error object.
pub(crate) fn net_error<'js>(ctx: &Ctx<'js>, err: &node_net::Error) -> Result<Value<'js>> {
    match err {
        node_net::Error::System(e) => {
            let a = Array::new(ctx.clone())?;
            a.set(0, e.message())?;
            a.set(1, e.errno())?;
            a.set(2, e.code())?;
            a.set(3, e.syscall())?;
            a.set(4, e.address())?;
            a.set(5, e.port())?;
            Ok(a.into_value())
        }
        node_net::Error::Node(e) => {
            let _ = throw_node(ctx, e.clone());
            Ok(ctx.catch())
        }
        _ => Ok(rquickjs::String::from_str(ctx.clone(), &err.to_string())?.into_value()),
    }
}

fn io_error<'js>(ctx: &Ctx<'js>, e: &std::io::Error, syscall: &'static str) -> Result<Value<'js>> {
    let errno = e.raw_os_error().unwrap_or(libc::EIO);
    net_error(ctx, &node_net::SystemError::plain(errno, syscall).into())
}

/// `[localAddress, localPort, family, remoteAddress, remotePort, remoteFamily]`.
pub(crate) fn socket_info<'js>(ctx: &Ctx<'js>, info: &[Option<String>; 6]) -> Result<Value<'js>> {
    let a = Array::new(ctx.clone())?;
    for (i, v) in info.iter().enumerate() {
        match v {
            Some(s) if i == 1 || i == 4 => a.set(i, s.parse::<u32>().unwrap_or(0))?,
            Some(s) => a.set(i, s.as_str())?,
            None => a.set(i, Value::new_undefined(ctx.clone()))?,
        }
    }
    Ok(a.into_value())
}

pub(crate) fn info_of(s: &Socket) -> [Option<String>; 6] {
    let local = s.address();
    [
        local.as_ref().map(|a| a.address.clone()),
        local.as_ref().map(|a| a.port.to_string()),
        local.as_ref().map(|a| a.family.to_string()),
        s.remote_address(),
        s.remote_port().map(|p| p.to_string()),
        s.remote_family().map(str::to_string),
    ]
}

/// Takes over a connected socket: starts its writer and (paused) reader tasks and returns
/// its id and address facts. Also used by http for upgraded connections.
pub(crate) fn adopt(sock: Socket) -> Option<(u32, [Option<String>; 6])> {
    let h = LoopHandle::current()?;
    let handle = sock.handle().ok()?;
    let info = info_of(&sock);
    let id = next_id();
    let io = Rc::new(h.keep_alive());
    let gate = Rc::new(ReadGate {
        on: Cell::new(false),
        closed: Cell::new(false),
        wake: Notify::new(),
    });
    let (tx, mut rx) = mpsc::unbounded_channel::<WriteCmd>();
    let (mut r, mut w) = sock.into_split();
    let wio = io.clone();
    h.spawn_local(async move {
        while let Some(cmd) = rx.recv().await {
            let (req, res, done) = match cmd {
                WriteCmd::Data(req, bytes) => (req, w.write_all(&bytes).await, "netAfterWrite"),
                WriteCmd::End(req) => (req, w.shutdown().await, "netAfterShutdown"),
            };
            let failed = res.is_err();
            wio.post(move || {
                with_hooks(move |ctx, hooks| {
                    let f: Function<'_> = hooks.get(done)?;
                    let err = match &res {
                        Ok(()) => Value::new_undefined(ctx.clone()),
                        Err(e) => io_error(
                            ctx,
                            e,
                            if done == "netAfterWrite" {
                                "write"
                            } else {
                                "shutdown"
                            },
                        )?,
                    };
                    f.call((id, req, err))
                })
            });
            if failed {
                break;
            }
        }
    });
    let rio = io.clone();
    let rgate = gate.clone();
    h.spawn_local(async move {
        let mut buf = BytesMut::with_capacity(64 * 1024);
        loop {
            while !rgate.on.get() {
                if rgate.closed.get() {
                    return;
                }
                rgate.wake.notified().await;
            }
            if rgate.closed.get() {
                return;
            }
            if buf.capacity() - buf.len() < 16 * 1024 {
                buf.reserve(64 * 1024);
            }
            let res = r.read_buf(&mut buf).await;
            let chunk = match res {
                Ok(0) => None,
                Ok(_) => Some(Ok(buf.split().to_vec())),
                Err(e) => Some(Err(e)),
            };
            let last = !matches!(chunk, Some(Ok(_)));
            rio.post(move || {
                with_hooks(move |ctx, hooks| {
                    let f: Function<'_> = hooks.get("netRead")?;
                    let v = match chunk {
                        None => Value::new_null(ctx.clone()),
                        Some(Ok(b)) => TypedArray::<u8>::new(ctx.clone(), b)?.into_value(),
                        Some(Err(e)) => io_error(ctx, &e, "read")?,
                    };
                    f.call((id, v))
                })
            });
            if last {
                return;
            }
        }
    });
    SOCKETS.with(|m| {
        m.borrow_mut().insert(
            id,
            SocketEntry {
                io,
                handle,
                tx,
                gate,
            },
        )
    });
    Some((id, info))
}

fn with_socket<R>(id: u32, f: impl FnOnce(&SocketEntry) -> R) -> Option<R> {
    SOCKETS.with(|m| m.borrow().get(&id).map(f))
}

/// The TLS session of socket `id` (tls.js's `TLSSocket` getters).
pub(crate) fn tls_session(id: u32) -> Option<std::sync::Arc<node_net::tls::TlsSession>> {
    with_socket(id, |s| s.handle.tls_session()).flatten()
}

/// The listen outcome as JS receives it: an address object (TCP), a path (Unix), or an
/// error (see [`net_error`]) as `[err, address]`.
pub(crate) fn listen_outcome<'js>(
    ctx: &Ctx<'js>,
    res: &node_net::Result<ServerAddress>,
) -> Result<(Value<'js>, Value<'js>)> {
    let undef = Value::new_undefined(ctx.clone());
    Ok(match res {
        Ok(ServerAddress::Inet(a)) => {
            let o = Object::new(ctx.clone())?;
            o.set("address", a.address.as_str())?;
            o.set("family", a.family)?;
            o.set("port", a.port)?;
            (undef, o.into_value())
        }
        Ok(ServerAddress::Unix(p)) => (
            undef,
            rquickjs::String::from_str(ctx.clone(), p)?.into_value(),
        ),
        Err(e) => (net_error(ctx, e)?, undef),
    })
}

/// Polls `fut` once: binding to an IP literal or a path completes at once, so node's
/// synchronous `server.address()` right after `listen()` works; a host name to resolve
/// stays pending and is spawned.
pub(crate) fn poll_now<F: std::future::Future + 'static>(
    fut: F,
) -> std::result::Result<F::Output, std::pin::Pin<Box<F>>> {
    let mut fut = Box::pin(fut);
    let mut cx = std::task::Context::from_waker(std::task::Waker::noop());
    match fut.as_mut().poll(&mut cx) {
        std::task::Poll::Ready(v) => Ok(v),
        std::task::Poll::Pending => Err(fut),
    }
}

/// Runs a TLS server's handshake on an accepted socket: `tlsConnection(serverId, sid,
/// info)` once secure, or `tlsClientError(serverId, err)`.
fn tls_handshake(id: u32, sock: Socket, config: node_net::tls::ServerConfig, io: Rc<IoHandle>) {
    let Some(h) = LoopHandle::current() else {
        return;
    };
    h.spawn_local(async move {
        let res = node_net::tls::accept(sock, &config).await;
        io.post(move || {
            with_hooks(move |ctx, hooks| match res {
                Ok(sock) => match adopt(sock) {
                    Some((sid, info)) => {
                        let f: Function<'_> = hooks.get("tlsConnection")?;
                        f.call((id, sid, socket_info(ctx, &info)?))
                    }
                    None => Ok(()),
                },
                Err(e) => {
                    let f: Function<'_> = hooks.get("tlsClientError")?;
                    f.call((id, net_error(ctx, &e)?))
                }
            })
        });
    });
}

/// Accepts connections of server `id` until it is closed; each is `netConnection`, or
/// for a `raw` server (a cluster primary's round-robin listener)
/// `netRawConnection(id, handle)` with the connection's descriptor in the handle table.
async fn accept_loop(
    id: u32,
    server: Rc<node_net::Server>,
    io: Rc<IoHandle>,
    stop: Rc<Notify>,
    raw: bool,
) {
    let tls = SERVERS.with(|m| m.borrow().get(&id).and_then(|e| e.tls.clone()));
    loop {
        let res = tokio::select! {
            r = server.accept() => r,
            () = stop.notified() => return,
        };
        match res {
            Ok(sock) if raw => {
                let Ok(fd) = sock.into_fd() else {
                    continue;
                };
                let handle = crate::modules::handles::put(fd);
                io.post(move || {
                    with_hooks(move |_ctx, hooks| {
                        let f: Function<'_> = hooks.get("netRawConnection")?;
                        f.call((id, handle))
                    })
                });
            }
            Ok(sock) if tls.is_some() => {
                if let Some(config) = tls.clone() {
                    tls_handshake(id, sock, config, io.clone());
                }
            }
            Ok(sock) => {
                let Some((sid, info)) = adopt(sock) else {
                    continue;
                };
                io.post(move || {
                    with_hooks(move |ctx, hooks| {
                        let f: Function<'_> = hooks.get("netConnection")?;
                        f.call((id, sid, socket_info(ctx, &info)?))
                    })
                });
            }
            // EMFILE and friends: node reports nothing and keeps listening.
            Err(_) => tokio::time::sleep(Duration::from_millis(10)).await,
        }
    }
}

/// Keeps `server` in server `id`'s entry and starts its accept loop.
fn start_accepting(
    id: u32,
    server: node_net::Server,
    raw: bool,
) -> node_net::Result<ServerAddress> {
    let server = Rc::new(server);
    let addr = server.address()?;
    let parts = SERVERS.with(|m| {
        let mut m = m.borrow_mut();
        let e = m.get_mut(&id)?;
        e.server = Some(server.clone());
        Some((e.io.clone(), e.stop.clone()))
    });
    if let (Some((io, stop)), Some(h)) = (parts, LoopHandle::current()) {
        h.spawn_local(accept_loop(id, server, io, stop, raw));
    }
    Ok(addr)
}

/// `listen(port, host, path, backlog, ipv6Only, special, raw)` → `[id, err, address,
/// pusher]`; when the bind waits for a name lookup, `address` and `err` are undefined and
/// `netListen(id, err, address)` reports later. Accepted sockets come as `netConnection`
/// (`netRawConnection` when `raw`). `special` (see listen_source.rs) replaces the bind.
fn listen<'js>(
    ctx: &Ctx<'js>,
    opts: ListenOptions,
    special: Value<'js>,
    raw: bool,
    tls: Option<node_net::tls::ServerConfig>,
) -> Result<Vec<Value<'js>>> {
    let Some(h) = LoopHandle::current() else {
        return Ok(Vec::new());
    };
    let id = next_id();
    let io = Rc::new(h.keep_alive());
    let stop = Rc::new(Notify::new());
    SERVERS.with(|m| {
        m.borrow_mut().insert(
            id,
            ServerEntry {
                io: io.clone(),
                stop: stop.clone(),
                server: None,
                tls,
            },
        )
    });
    let idv = Value::new_number(ctx.clone(), id.into());
    if let Some(ready) = crate::modules::listen_source::ready_server(&special)? {
        let pusher = ready.as_ref().map_or(0, |(_, p)| *p);
        let res = ready.and_then(|(s, _)| start_accepting(id, s, raw));
        let (err, addr) = listen_outcome(ctx, &res)?;
        let pusher = Value::new_number(ctx.clone(), pusher.into());
        return Ok(vec![idv, err, addr, pusher]);
    }
    match poll_now(node_net::Server::listen(opts)) {
        Ok(res) => {
            let res = res.and_then(|s| start_accepting(id, s, raw));
            let (err, addr) = listen_outcome(ctx, &res)?;
            Ok(vec![idv, err, addr])
        }
        Err(fut) => {
            h.spawn_local(async move {
                let res = fut.await.and_then(|s| start_accepting(id, s, raw));
                io.post(move || {
                    with_hooks(move |ctx, hooks| {
                        let f: Function<'_> = hooks.get("netListen")?;
                        let (err, addr) = listen_outcome(ctx, &res)?;
                        f.call((id, err, addr))
                    })
                });
            });
            Ok(vec![idv])
        }
    }
}

/// `bindHandle(port, host, path, backlog, ipv6Only)`: a listening socket for others to
/// accept on (a `SCHED_NONE` cluster primary passes it to its workers) → its id in the
/// handle table, or an error (see [`net_error`]). Only addresses that bind at once (IP
/// literals, paths): the worker resolved any host name already.
fn bind_handle<'js>(ctx: &Ctx<'js>, opts: ListenOptions) -> Result<Value<'js>> {
    let res = match poll_now(node_net::Server::listen(opts)) {
        Ok(res) => res.and_then(node_net::Server::into_fd),
        Err(_) => Err(node_net::SystemError::plain(libc::EINVAL, "listen").into()),
    };
    match res {
        Ok(fd) => Ok(Value::new_number(
            ctx.clone(),
            crate::modules::handles::put(fd).into(),
        )),
        Err(e) => net_error(ctx, &e),
    }
}

fn connect(opts: ConnectOptions) -> Option<u32> {
    deliver_connect(Socket::connect_with(opts))
}

/// Runs a connect (plain, or with tls.js's handshake) and reports it to
/// `netConnect(id, err, sid, info)`; returns the request id.
pub(crate) fn deliver_connect(
    fut: impl std::future::Future<Output = node_net::Result<Socket>> + 'static,
) -> Option<u32> {
    let h = LoopHandle::current()?;
    let id = next_id();
    h.spawn_io(fut, move |res| {
        with_hooks(move |ctx, hooks| {
            let f: Function<'_> = hooks.get("netConnect")?;
            match res {
                Ok(sock) => match adopt(sock) {
                    Some((sid, info)) => f.call((
                        id,
                        Value::new_undefined(ctx.clone()),
                        sid,
                        socket_info(ctx, &info)?,
                    )),
                    None => f.call((id, "nrt: cannot adopt the socket")),
                },
                Err(e) => f.call((id, net_error(ctx, &e)?)),
            }
        })
    });
    Some(id)
}

/// Builds the `net` binding object.
pub(crate) fn binding<'js>(ctx: &Ctx<'js>) -> Result<Object<'js>> {
    let o = Object::new(ctx.clone())?;
    o.set(
        "listen",
        Function::new(
            ctx.clone(),
            |ctx: Ctx<'js>,
             port: u16,
             host: Option<String>,
             path: Option<String>,
             backlog: u32,
             ipv6_only: bool,
             rest: rquickjs::function::Rest<Value<'js>>| {
                guard(&ctx, || {
                    let opts = ListenOptions {
                        port,
                        host,
                        path: path.map(Into::into),
                        backlog,
                        ipv6_only,
                        exclusive: true,
                    };
                    // `special` (listen_source.rs) and `raw` (a round-robin primary).
                    let mut rest = rest.0.into_iter();
                    let special = rest.next().unwrap_or(Value::new_undefined(ctx.clone()));
                    let raw = rest.next().and_then(|v| v.as_bool()).unwrap_or(false);
                    // A TLS server's context (tls.js).
                    let tls = rest
                        .next()
                        .and_then(|v| v.as_number())
                        .and_then(|n| crate::modules::tls::server_context(n as u32));
                    listen(&ctx, opts, special, raw, tls)
                })
            },
        )?,
    )?;
    o.set(
        "bindHandle",
        Function::new(
            ctx.clone(),
            |ctx: Ctx<'js>,
             port: u16,
             host: Option<String>,
             path: Option<String>,
             backlog: u32,
             ipv6_only: bool| {
                guard(&ctx, || {
                    let opts = ListenOptions {
                        port,
                        host,
                        path: path.map(Into::into),
                        backlog,
                        ipv6_only,
                        exclusive: true,
                    };
                    bind_handle(&ctx, opts)
                })
            },
        )?,
    )?;
    o.set(
        "pushConnection",
        Function::new(ctx.clone(), |pusher: u32, handle: u32| {
            crate::modules::listen_source::push(pusher, handle)
        })?,
    )?;
    o.set(
        "pusherClose",
        Function::new(ctx.clone(), |pusher: u32| {
            crate::modules::listen_source::drop_pusher(pusher)
        })?,
    )?;
    o.set(
        "serverClose",
        Function::new(ctx.clone(), |id: u32| {
            if let Some(e) = SERVERS.with(|m| m.borrow_mut().remove(&id)) {
                e.stop.notify_one();
                // The accept loop may still hold the server: unlink its file now, as node.
                if let Some(s) = &e.server {
                    s.remove_socket_file();
                }
                drop(e.server);
                e.io.close();
            }
        })?,
    )?;
    o.set(
        "serverRef",
        Function::new(ctx.clone(), |id: u32, on: bool| {
            SERVERS.with(|m| {
                if let Some(e) = m.borrow().get(&id) {
                    e.io.set_ref(on)
                }
            })
        })?,
    )?;
    o.set(
        "serverConnections",
        Function::new(ctx.clone(), |id: u32| {
            SERVERS.with(|m| {
                m.borrow()
                    .get(&id)
                    .and_then(|e| e.server.as_ref().map(|s| s.get_connections()))
                    .unwrap_or(0) as u32
            })
        })?,
    )?;
    o.set(
        "serverMaxConnections",
        Function::new(ctx.clone(), |id: u32, max: Option<f64>| {
            SERVERS.with(|m| {
                if let Some(s) = m.borrow().get(&id).and_then(|e| e.server.clone()) {
                    s.set_max_connections(max.map(|n| n.max(0.0) as usize));
                }
            })
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
             attempt_ms: Option<u32>| {
                guard(&ctx, || {
                    Ok(connect(ConnectOptions {
                        port,
                        host,
                        path: path.map(Into::into),
                        family,
                        // net.js's autoSelectFamilyAttemptTimeout; 0 = autoSelectFamily off.
                        attempt_timeout: attempt_ms
                            .filter(|&ms| ms > 0)
                            .map(|ms| std::time::Duration::from_millis(ms.into())),
                        ..Default::default()
                    }))
                })
            },
        )?,
    )?;
    o.set(
        "readStart",
        Function::new(ctx.clone(), |id: u32| {
            with_socket(id, |s| {
                s.gate.on.set(true);
                s.gate.wake.notify_one();
            })
        })?,
    )?;
    o.set(
        "readStop",
        Function::new(ctx.clone(), |id: u32| {
            with_socket(id, |s| s.gate.on.set(false))
        })?,
    )?;
    o.set(
        "write",
        Function::new(
            ctx.clone(),
            |ctx: Ctx<'js>, id: u32, req: u32, data: Value<'js>| {
                guard(&ctx, || {
                    let bytes = bytes_of(&data)?;
                    Ok(
                        with_socket(id, |s| s.tx.send(WriteCmd::Data(req, bytes)).is_ok())
                            .unwrap_or(false),
                    )
                })
            },
        )?,
    )?;
    o.set(
        "shutdown",
        Function::new(ctx.clone(), |id: u32, req: u32| {
            with_socket(id, |s| s.tx.send(WriteCmd::End(req)).is_ok()).unwrap_or(false)
        })?,
    )?;
    o.set(
        "close",
        Function::new(ctx.clone(), |id: u32| {
            if let Some(s) = SOCKETS.with(|m| m.borrow_mut().remove(&id)) {
                s.handle.destroy();
                s.gate.closed.set(true);
                s.gate.wake.notify_one();
                s.io.close();
            }
        })?,
    )?;
    o.set(
        "setRef",
        Function::new(ctx.clone(), |id: u32, on: bool| {
            with_socket(id, |s| s.io.set_ref(on))
        })?,
    )?;
    o.set(
        "setNoDelay",
        Function::new(ctx.clone(), |id: u32, on: bool| {
            with_socket(id, |s| {
                let _ = s.handle.set_no_delay(on);
            })
        })?,
    )?;
    o.set(
        "setKeepAlive",
        Function::new(ctx.clone(), |id: u32, on: bool, delay_ms: f64| {
            with_socket(id, |s| {
                let d = Duration::from_millis(delay_ms.max(0.0) as u64);
                let _ = s.handle.set_keep_alive(on, d);
            })
        })?,
    )?;
    o.set(
        "bytes",
        Function::new(ctx.clone(), |id: u32| {
            with_socket(id, |s| {
                vec![
                    s.handle.bytes_read() as f64,
                    s.handle.bytes_written() as f64,
                ]
            })
        })?,
    )?;
    o.set(
        "isIP",
        Function::new(ctx.clone(), |s: Opt<Value<'js>>| match s.0 {
            Some(v) => match v.as_string() {
                Some(s) => s.to_string().map(|s| node_net::is_ip(&s)).unwrap_or(0),
                None => 0,
            },
            None => 0,
        })?,
    )?;
    Ok(o)
}
