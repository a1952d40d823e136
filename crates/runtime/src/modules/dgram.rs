//! Native side of `dgram`: bound UDP sockets (node-net's `UdpSocket`) in a table keyed by
//! id; dgram.js keeps the JS `Socket`s under the same ids. Each socket has a reader task
//! and a writer task (sends that could not go out at once, in order); they report in the poll phase through hooks
//! `udpMessage(id, bytes, address, family, port)`, `udpError(id, err)` and
//! `udpAfterSend(id, req, err, sent)`. Errors reach JS as net.rs's `net_error` arrays.

use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::future::Future;
use std::net::{IpAddr, SocketAddr};
use std::pin::Pin;
use std::rc::{Rc, Weak};
use std::task::{Poll, Waker};

use node_event_loop::IoHandle;
use node_net::{UdpBindOptions, UdpSocket};
use rquickjs::function::Opt;
use rquickjs::{Ctx, Function, Object, Result, TypedArray, Value};
use tokio::sync::mpsc;

use crate::evloop::LoopHandle;
use crate::host::{guard, with_hooks};
use crate::modules::bytes_of;
use crate::modules::net::{net_error, next_id};

/// libuv reads datagrams into 64 KiB buffers.
const RECV_BUFFER: usize = 64 * 1024;

struct UdpEntry {
    sock: Rc<UdpSocket>,
    reader: Rc<Droppable>,
    /// Sends queued in the writer task and not yet done: a new send may go out at once
    /// only when none wait (datagrams leave in order).
    pending: Rc<Cell<usize>>,
    io: Rc<IoHandle>,
    tx: mpsc::UnboundedSender<SendCmd>,
}

struct SendCmd {
    req: u32,
    bytes: Vec<u8>,
    to: Option<SocketAddr>,
}

thread_local! {
    static SOCKETS: RefCell<HashMap<u32, UdpEntry>> = RefCell::new(HashMap::new());
}

fn with_socket<R>(id: u32, f: impl FnOnce(&UdpEntry) -> R) -> Option<R> {
    SOCKETS.with(|m| m.borrow().get(&id).map(f))
}

/// An IP literal (dgram.js resolved names already) and port → a socket address; an IPv6
/// `%zone` (`fe80::1%eth0`, `fe80::1%2`) becomes the scope id. libuv answers EINVAL for
/// anything else.
fn socket_addr(address: &str, port: u16, syscall: &'static str) -> node_net::Result<SocketAddr> {
    let invalid =
        || node_net::SystemError::with_host_port(libc::EINVAL, syscall, address, Some(port)).into();
    if let Some((ip, zone)) = address.split_once('%') {
        let ip = ip.parse::<std::net::Ipv6Addr>().map_err(|_| invalid())?;
        let scope = zone
            .parse::<u32>()
            .ok()
            .or_else(|| node_net::if_index(zone))
            .unwrap_or(0);
        return Ok(SocketAddr::V6(std::net::SocketAddrV6::new(
            ip, port, 0, scope,
        )));
    }
    address
        .parse::<IpAddr>()
        .map(|ip| SocketAddr::new(ip, port))
        .map_err(|_| invalid())
}

fn undefined<'js>(ctx: &Ctx<'js>) -> Value<'js> {
    Value::new_undefined(ctx.clone())
}

/// `undefined` on success, else the error as JS receives it.
fn outcome<'js>(ctx: &Ctx<'js>, res: node_net::Result<()>) -> Result<Value<'js>> {
    match res {
        Ok(()) => Ok(undefined(ctx)),
        Err(e) => net_error(ctx, &e),
    }
}

/// Reads datagrams (and receive errors) until the socket is closed.
async fn read_loop(id: u32, sock: Rc<UdpSocket>, io: Rc<IoHandle>) {
    let mut mem = vec![0u8; RECV_BUFFER];
    loop {
        let res = sock
            .recv_from(&mut mem)
            .await
            .map(|(n, from)| (mem[..n].to_vec(), from));
        io.post(move || {
            with_hooks(move |ctx, hooks| match res {
                Ok((bytes, from)) => {
                    let f: Function<'_> = hooks.get("udpMessage")?;
                    let family = if from.is_ipv4() { "IPv4" } else { "IPv6" };
                    f.call((
                        id,
                        TypedArray::<u8>::new(ctx.clone(), bytes)?,
                        node_net::ip_text(&from),
                        family,
                        from.port(),
                    ))
                }
                Err(e) => {
                    let f: Function<'_> = hooks.get("udpError")?;
                    f.call((id, net_error(ctx, &e)?))
                }
            })
        });
    }
}

/// A spawned future that its owner can drop at once: closing a socket drops its reader
/// (and so the reader's hold on the descriptor) inside `close()`, as libuv's `uv_close`
/// closes the descriptor synchronously — a `bind` right after may take the port again.
struct Droppable {
    fut: RefCell<Option<Pin<Box<dyn Future<Output = ()>>>>>,
    waker: RefCell<Option<Waker>>,
}

impl Droppable {
    fn spawn(h: &LoopHandle, fut: impl Future<Output = ()> + 'static) -> Rc<Self> {
        let me = Rc::new(Droppable {
            fut: RefCell::new(Some(Box::pin(fut))),
            waker: RefCell::new(None),
        });
        let task = me.clone();
        h.spawn_local(std::future::poll_fn(move |cx| {
            let mut slot = task.fut.borrow_mut();
            let Some(fut) = slot.as_mut() else {
                return Poll::Ready(());
            };
            *task.waker.borrow_mut() = Some(cx.waker().clone());
            let done = fut.as_mut().poll(cx);
            if done.is_ready() {
                *slot = None;
            }
            done
        }));
        me
    }

    fn cancel(&self) {
        let fut = self.fut.borrow_mut().take();
        drop(fut);
        if let Some(w) = self.waker.borrow_mut().take() {
            w.wake();
        }
    }
}

/// Sends queued datagrams in order; each completion is `udpAfterSend`.
async fn write_loop(
    id: u32,
    sock: Weak<UdpSocket>,
    io: Rc<IoHandle>,
    mut rx: mpsc::UnboundedReceiver<SendCmd>,
    pending: Rc<Cell<usize>>,
) {
    while let Some(cmd) = rx.recv().await {
        let res = std::future::poll_fn(|cx| match sock.upgrade() {
            Some(s) => s.poll_send_to(cx, &cmd.bytes, cmd.to).map(Some),
            None => Poll::Ready(None),
        })
        .await;
        pending.set(pending.get().saturating_sub(1));
        let Some(res) = res else {
            return;
        };
        let req = cmd.req;
        io.post(move || {
            with_hooks(move |ctx, hooks| {
                let f: Function<'_> = hooks.get("udpAfterSend")?;
                match res {
                    Ok(n) => f.call((id, req, undefined(ctx), n as f64)),
                    Err(e) => f.call((id, req, net_error(ctx, &e)?)),
                }
            })
        });
    }
}

/// `bind(address, port, reuseAddr, ipv6Only)` → `[id]`, or `[0, err]`.
fn bind<'js>(
    ctx: &Ctx<'js>,
    address: &str,
    port: u16,
    opts: UdpBindOptions,
) -> Result<Vec<Value<'js>>> {
    let zero = Value::new_number(ctx.clone(), 0.0);
    let Some(h) = LoopHandle::current() else {
        return Ok(vec![zero]);
    };
    let res = socket_addr(address, port, "bind").and_then(|a| UdpSocket::bind(a, &opts));
    let sock = match res {
        Ok(s) => Rc::new(s),
        Err(e) => return Ok(vec![zero, net_error(ctx, &e)?]),
    };
    let id = next_id();
    let io = Rc::new(h.keep_alive());
    let (tx, rx) = mpsc::unbounded_channel();
    let reader = Droppable::spawn(&h, read_loop(id, sock.clone(), io.clone()));
    let pending = Rc::new(Cell::new(0));
    h.spawn_local(write_loop(
        id,
        Rc::downgrade(&sock),
        io.clone(),
        rx,
        pending.clone(),
    ));
    SOCKETS.with(|m| {
        m.borrow_mut().insert(
            id,
            UdpEntry {
                sock,
                reader,
                pending,
                io,
                tx,
            },
        )
    });
    Ok(vec![Value::new_number(ctx.clone(), id.into())])
}

/// An address as `{ address, family, port }`, or the error, as `[err, info]`.
fn address_pair<'js>(
    ctx: &Ctx<'js>,
    res: Option<node_net::Result<node_net::AddressInfo>>,
) -> Result<Vec<Value<'js>>> {
    Ok(match res {
        Some(Ok(a)) => {
            let o = Object::new(ctx.clone())?;
            o.set("address", a.address.as_str())?;
            o.set("family", a.family)?;
            o.set("port", a.port)?;
            vec![undefined(ctx), o.into_value()]
        }
        Some(Err(e)) => vec![net_error(ctx, &e)?],
        None => vec![net_error(
            ctx,
            &node_net::SystemError::plain(libc::EBADF, "getsockname").into(),
        )?],
    })
}

/// Sends at once when nothing waits and the kernel takes it (→ `[undefined, sent]`, or
/// `[err]`), else queues the datagram for the writer task (→ `true`; `udpAfterSend`
/// reports it). `false` when the socket is gone.
fn send<'js>(ctx: &Ctx<'js>, id: u32, cmd: SendCmd) -> Result<Value<'js>> {
    enum Sent {
        Now(usize),
        Queued,
        Gone,
    }
    let res = with_socket(id, |s| {
        if s.pending.get() == 0 {
            if let Some(n) = s.sock.try_send_to(&cmd.bytes, cmd.to)? {
                return Ok(Sent::Now(n));
            }
        }
        if s.tx.send(cmd).is_err() {
            return Ok(Sent::Gone);
        }
        s.pending.set(s.pending.get() + 1);
        Ok(Sent::Queued)
    })
    .unwrap_or(Ok(Sent::Gone));
    let a = rquickjs::Array::new(ctx.clone())?;
    match res {
        Ok(Sent::Gone) => return Ok(Value::new_bool(ctx.clone(), false)),
        Ok(Sent::Queued) => return Ok(Value::new_bool(ctx.clone(), true)),
        Ok(Sent::Now(n)) => {
            a.set(0, undefined(ctx))?;
            a.set(1, n as f64)?;
        }
        Err(e) => a.set(0, net_error(ctx, &e)?)?,
    }
    Ok(a.into_value())
}

/// A socket option call by Node's method name: `option(id, name, a, b, c)`.
fn option(sock: &UdpSocket, name: &str, args: [Option<Value<'_>>; 3]) -> node_net::Result<()> {
    let text = |i: usize| -> Option<String> {
        args[i]
            .as_ref()
            .and_then(|v| v.as_string())
            .and_then(|s| s.to_string().ok())
    };
    let flag = || args[0].as_ref().map(|v| v.as_bool().unwrap_or(false)) == Some(true);
    // Node passes the number through a C int: negatives fail libuv's range check.
    let num = || {
        args[0]
            .as_ref()
            .and_then(|v| v.as_number())
            .map(|n| if n < 0.0 { u32::MAX } else { n as u32 })
            .unwrap_or(u32::MAX)
    };
    match name {
        "setBroadcast" => sock.set_broadcast(flag()),
        "setTTL" => sock.set_ttl(num()),
        "setMulticastTTL" => sock.set_multicast_ttl(num()),
        "setMulticastLoopback" => sock.set_multicast_loopback(flag()),
        "setMulticastInterface" => sock.set_multicast_interface(&text(0).unwrap_or_default()),
        "addMembership" => sock.add_membership(&text(0).unwrap_or_default(), text(1).as_deref()),
        "dropMembership" => sock.drop_membership(&text(0).unwrap_or_default(), text(1).as_deref()),
        "addSourceSpecificMembership" => sock.add_source_specific_membership(
            &text(0).unwrap_or_default(),
            &text(1).unwrap_or_default(),
            text(2).as_deref(),
        ),
        "dropSourceSpecificMembership" => sock.drop_source_specific_membership(
            &text(0).unwrap_or_default(),
            &text(1).unwrap_or_default(),
            text(2).as_deref(),
        ),
        _ => Err(node_core::NodeError::not_implemented(&format!("dgram.Socket.{name}")).into()),
    }
}

/// Builds the `dgram` binding object.
pub(crate) fn binding<'js>(ctx: &Ctx<'js>) -> Result<Object<'js>> {
    let o = Object::new(ctx.clone())?;
    o.set(
        "bind",
        Function::new(
            ctx.clone(),
            |ctx: Ctx<'js>, address: String, port: u16, reuse_addr: bool, ipv6_only: bool| {
                guard(&ctx, || {
                    let opts = UdpBindOptions {
                        reuse_addr,
                        ipv6_only,
                    };
                    bind(&ctx, &address, port, opts)
                })
            },
        )?,
    )?;
    o.set(
        "send",
        Function::new(
            ctx.clone(),
            |ctx: Ctx<'js>,
             id: u32,
             req: u32,
             data: Value<'js>,
             address: Option<String>,
             port: u16| {
                guard(&ctx, || {
                    let to = match address {
                        Some(a) => match socket_addr(&a, port, "send") {
                            Ok(to) => Some(to),
                            Err(e) => return net_error(&ctx, &e),
                        },
                        None => None,
                    };
                    let bytes = bytes_of(&data)?;
                    send(&ctx, id, SendCmd { req, bytes, to })
                })
            },
        )?,
    )?;
    o.set(
        "connect",
        Function::new(
            ctx.clone(),
            |ctx: Ctx<'js>, id: u32, address: String, port: u16| {
                guard(&ctx, || {
                    let res = socket_addr(&address, port, "connect")
                        .and_then(|to| with_socket(id, |s| s.sock.connect(to)).unwrap_or(Ok(())));
                    outcome(&ctx, res)
                })
            },
        )?,
    )?;
    o.set(
        "disconnect",
        Function::new(ctx.clone(), |ctx: Ctx<'js>, id: u32| {
            guard(&ctx, || {
                let res = with_socket(id, |s| s.sock.disconnect()).unwrap_or(Ok(()));
                outcome(&ctx, res)
            })
        })?,
    )?;
    o.set(
        "address",
        Function::new(ctx.clone(), |ctx: Ctx<'js>, id: u32| {
            guard(&ctx, || {
                address_pair(&ctx, with_socket(id, |s| s.sock.address()))
            })
        })?,
    )?;
    o.set(
        "remoteAddress",
        Function::new(ctx.clone(), |ctx: Ctx<'js>, id: u32| {
            guard(&ctx, || {
                address_pair(&ctx, with_socket(id, |s| s.sock.remote_address()))
            })
        })?,
    )?;
    o.set(
        "option",
        Function::new(
            ctx.clone(),
            |ctx: Ctx<'js>,
             id: u32,
             name: String,
             a: Opt<Value<'js>>,
             b: Opt<Value<'js>>,
             c: Opt<Value<'js>>| {
                guard(&ctx, || {
                    let res = with_socket(id, |s| option(&s.sock, &name, [a.0, b.0, c.0]))
                        .unwrap_or_else(|| {
                            Err(node_net::SystemError::plain(libc::EBADF, "x").into())
                        });
                    outcome(&ctx, res)
                })
            },
        )?,
    )?;
    o.set(
        "bufferSize",
        Function::new(
            ctx.clone(),
            |ctx: Ctx<'js>, id: u32, recv: bool, size: Opt<f64>| {
                guard(&ctx, || {
                    let res = with_socket(id, |s| {
                        let sock = &s.sock;
                        match (recv, size.0) {
                            (true, Some(n)) => sock.set_recv_buffer_size(n as usize).map(|()| 0),
                            (true, None) => sock.recv_buffer_size(),
                            (false, Some(n)) => sock.set_send_buffer_size(n as usize).map(|()| 0),
                            (false, None) => sock.send_buffer_size(),
                        }
                    });
                    match res {
                        Some(Ok(n)) => Ok(vec![
                            undefined(&ctx),
                            Value::new_number(ctx.clone(), n as f64),
                        ]),
                        Some(Err(e)) => Ok(vec![net_error(&ctx, &e)?]),
                        None => Ok(vec![undefined(&ctx)]),
                    }
                })
            },
        )?,
    )?;
    o.set(
        "strerror",
        Function::new(ctx.clone(), |errno: i32| {
            node_core::uv_strerror(errno.abs()).to_string()
        })?,
    )?;
    o.set(
        "setRef",
        Function::new(ctx.clone(), |id: u32, on: bool| {
            with_socket(id, |s| s.io.set_ref(on))
        })?,
    )?;
    o.set(
        "close",
        Function::new(ctx.clone(), |id: u32| {
            if let Some(e) = SOCKETS.with(|m| m.borrow_mut().remove(&id)) {
                e.reader.cancel();
                e.io.close();
                // The writer holds the socket only weakly: the descriptor closes here.
                drop(e.sock);
            }
        })?,
    )?;
    Ok(o)
}
