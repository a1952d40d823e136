//! Native side of `child_process`: running children (node-child-process), their pipes and
//! IPC channels live in tables keyed by ids; child_process.js keeps the JS objects under
//! the same ids. Events reach JS in the poll phase through hooks: `cpExit(id, code,
//! signal)`, `cpRead(pipe, chunk | null | [errno, syscall])`, `cpAfterWrite(pipe, req,
//! errno)`, `cpAfterShutdown(pipe, req, errno)`, `cpIpc(channel, lines | null)`,
//! `cpIpcSent(channel, req, errno)`.

use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::ffi::OsString;
use std::rc::Rc;
use std::time::Duration;

use bytes::BytesMut;
use node_child_process::{
    spawn, spawn_sync, Error as CpError, IpcChannel, Killer, SpawnOptions, SpawnSyncOptions, Stdio,
};
use node_event_loop::IoHandle;
use rquickjs::function::Rest;
use rquickjs::{Array, Ctx, Function, Object, Result, TypedArray, Value};
use tokio::io::{AsyncRead, AsyncReadExt, AsyncWrite, AsyncWriteExt};
use tokio::sync::{mpsc, Notify};

use crate::evloop::LoopHandle;
use crate::host::{guard, with_hooks};
use crate::modules::bytes_of;

struct ChildEntry {
    io: Rc<IoHandle>,
    killer: Killer,
}

/// A pipe end: a reader (gated by readStart/readStop) or a writer (a queue of writes).
struct PipeEntry {
    io: Rc<IoHandle>,
    gate: Option<Rc<ReadGate>>,
    tx: Option<mpsc::UnboundedSender<WriteCmd>>,
}

struct ReadGate {
    on: Cell<bool>,
    closed: Cell<bool>,
    wake: Notify,
}

enum WriteCmd {
    Data(u32, Vec<u8>),
    End(u32),
}

enum IpcCmd {
    /// A message, with a descriptor riding on it (`NODE_HANDLE`).
    Send(u32, String, Option<std::os::fd::OwnedFd>),
    /// The rest of a message whose start went out at once (see `try_send_now`).
    Rest(u32, Vec<u8>),
    Close,
}

struct ChannelEntry {
    io: Rc<IoHandle>,
    tx: mpsc::UnboundedSender<IpcCmd>,
    stop: Rc<Notify>,
    /// The socket, for a write tried at once; valid while the entry exists (the writer
    /// task owns the socket until the entry is removed).
    fd: std::os::fd::RawFd,
    /// Commands queued to the writer task and not finished yet.
    queued: Rc<Cell<usize>>,
}

impl ChannelEntry {
    /// Like libuv, a message goes out at once when nothing is queued before it, so a
    /// `send()` followed by `process.exit()` still delivers it. Returns the unsent tail
    /// (`None` when all of it went out).
    fn try_send_now(&self, line: Vec<u8>) -> Option<Vec<u8>> {
        if self.queued.get() != 0 {
            return Some(line);
        }
        // SAFETY: `fd` is the channel's socket, open while this entry exists; the buffer
        // is valid for its length. MSG_DONTWAIT keeps this from blocking.
        let n = unsafe {
            libc::send(
                self.fd,
                line.as_ptr().cast(),
                line.len(),
                libc::MSG_DONTWAIT | libc::MSG_NOSIGNAL,
            )
        };
        if n < 0 {
            return Some(line);
        }
        let n = n as usize;
        if n == line.len() {
            None
        } else {
            Some(line[n..].to_vec())
        }
    }
}

thread_local! {
    static CHILDREN: RefCell<HashMap<u32, ChildEntry>> = RefCell::new(HashMap::new());
    static PIPES: RefCell<HashMap<u32, PipeEntry>> = RefCell::new(HashMap::new());
    static CHANNELS: RefCell<HashMap<u32, ChannelEntry>> = RefCell::new(HashMap::new());
    static NEXT_ID: Cell<u32> = const { Cell::new(1) };
}

fn next_id() -> u32 {
    NEXT_ID.with(|n| {
        let id = n.get();
        n.set(if id >= 0x3fff_ffff { 1 } else { id + 1 });
        id
    })
}

fn errno_of(e: &std::io::Error) -> i32 {
    -e.raw_os_error().unwrap_or(libc::EIO)
}

/// Converts JS stdio entries (`'pipe'`, `'inherit'`, `'ignore'`, `'ipc'`, an fd number).
fn stdio_of(v: &Array<'_>) -> Result<Vec<Stdio>> {
    let mut out = Vec::with_capacity(v.len());
    for item in v.iter::<Value<'_>>() {
        let item = item?;
        let kind = if let Some(n) = item.as_number() {
            Stdio::Fd(n as i32)
        } else {
            match item
                .as_string()
                .map(|s| s.to_string())
                .transpose()?
                .as_deref()
            {
                Some("pipe") | Some("overlapped") => Stdio::Pipe,
                Some("inherit") => Stdio::Inherit,
                Some("ipc") => Stdio::Ipc,
                _ => Stdio::Ignore,
            }
        };
        out.push(kind);
    }
    Ok(out)
}

/// Spawn options from the JS arguments (argv includes argv\[0\]).
fn options_of(
    argv: &[String],
    cwd: Option<String>,
    env: Option<Vec<String>>,
    stdio: Vec<Stdio>,
    detached: bool,
    uid: Option<u32>,
    gid: Option<u32>,
) -> SpawnOptions {
    SpawnOptions {
        cwd: cwd.map(Into::into),
        env: env.map(|pairs| {
            pairs
                .into_iter()
                .map(|kv| match kv.split_once('=') {
                    Some((k, v)) => (OsString::from(k), OsString::from(v)),
                    None => (OsString::from(kv), OsString::new()),
                })
                .collect()
        }),
        argv0: argv.first().map(OsString::from),
        stdio,
        detached,
        uid,
        gid,
        ..Default::default()
    }
}

fn post_hook(
    io: &Rc<IoHandle>,
    f: impl for<'js> FnOnce(&Ctx<'js>, Object<'js>) -> Result<()> + 'static,
) {
    io.post(move || with_hooks(f));
}

/// Starts the reader task of a pipe and registers it.
fn add_reader(h: &LoopHandle, mut r: Box<dyn AsyncRead + Unpin>) -> u32 {
    let id = next_id();
    let io = Rc::new(h.keep_alive());
    // Like a libuv stream, a pipe keeps the loop alive only while it is reading.
    io.unref();
    let gate = Rc::new(ReadGate {
        on: Cell::new(false),
        closed: Cell::new(false),
        wake: Notify::new(),
    });
    let (rio, rgate) = (io.clone(), gate.clone());
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
            let res = tokio::select! {
                r = r.read_buf(&mut buf) => r,
                () = rgate.wake.notified() => continue,
            };
            let chunk = match res {
                Ok(0) => None,
                Ok(_) => Some(Ok(buf.split().to_vec())),
                Err(e) => Some(Err(errno_of(&e))),
            };
            let last = !matches!(chunk, Some(Ok(_)));
            post_hook(&rio, move |ctx, hooks| {
                let f: Function<'_> = hooks.get("cpRead")?;
                let v = match chunk {
                    None => Value::new_null(ctx.clone()),
                    Some(Ok(b)) => TypedArray::<u8>::new(ctx.clone(), b)?.into_value(),
                    Some(Err(errno)) => Value::new_number(ctx.clone(), errno.into()),
                };
                f.call((id, v))
            });
            if last {
                return;
            }
        }
    });
    PIPES.with(|m| {
        m.borrow_mut().insert(
            id,
            PipeEntry {
                io,
                gate: Some(gate),
                tx: None,
            },
        )
    });
    id
}

/// Starts the writer task of a pipe and registers it.
fn add_writer(h: &LoopHandle, mut w: Box<dyn AsyncWrite + Unpin>) -> u32 {
    let id = next_id();
    let io = Rc::new(h.keep_alive());
    io.unref();
    let (tx, mut rx) = mpsc::unbounded_channel::<WriteCmd>();
    let wio = io.clone();
    h.spawn_local(async move {
        while let Some(cmd) = rx.recv().await {
            let (req, res, hook) = match cmd {
                WriteCmd::Data(req, bytes) => (req, w.write_all(&bytes).await, "cpAfterWrite"),
                WriteCmd::End(req) => (req, w.shutdown().await, "cpAfterShutdown"),
            };
            let failed = res.is_err();
            let errno = res.err().map(|e| errno_of(&e));
            post_hook(&wio, move |_ctx, hooks| {
                let f: Function<'_> = hooks.get(hook)?;
                f.call((id, req, errno))
            });
            if failed {
                break;
            }
        }
    });
    PIPES.with(|m| {
        m.borrow_mut().insert(
            id,
            PipeEntry {
                io,
                gate: None,
                tx: Some(tx),
            },
        )
    });
    id
}

/// Set when a channel's reader task has ended (end of stream, error or close).
#[derive(Default)]
struct ReaderDone {
    done: Cell<bool>,
    wake: Notify,
}

struct ReaderDoneGuard(Rc<ReaderDone>);

impl Drop for ReaderDoneGuard {
    fn drop(&mut self) {
        self.0.done.set(true);
        self.0.wake.notify_one();
    }
}

/// Registers an IPC channel: a reader task posting batches of JSON lines and a writer
/// task sending queued messages (then closing on `Close`).
fn add_channel(h: &LoopHandle, ch: IpcChannel) -> (u32, Rc<ReaderDone>) {
    let id = next_id();
    let io = Rc::new(h.keep_alive());
    let stop = Rc::new(Notify::new());
    let fd = {
        use std::os::fd::AsRawFd;
        ch.as_raw_fd()
    };
    let queued = Rc::new(Cell::new(0usize));
    let wqueued = queued.clone();
    let (mut r, mut w) = ch.into_split();
    let (rio, rstop) = (io.clone(), stop.clone());
    let reader_done = Rc::new(ReaderDone::default());
    let guard = ReaderDoneGuard(reader_done.clone());
    h.spawn_local(async move {
        let _guard = guard;
        loop {
            let res = tokio::select! {
                r = r.recv_batch_with_fds() => r,
                () = rstop.notified() => return,
            };
            let (lines, fds) = res.unwrap_or_default();
            let end = lines.is_empty();
            // Received descriptors wait in the handle table; JS takes one per NODE_HANDLE.
            let fds: Vec<u32> = fds.into_iter().map(crate::modules::handles::put).collect();
            post_hook(&rio, move |ctx, hooks| {
                let f: Function<'_> = hooks.get("cpIpc")?;
                let v = if end {
                    Value::new_null(ctx.clone())
                } else {
                    lines.into_js_array(ctx)?
                };
                f.call((id, v, fds))
            });
            if end {
                return;
            }
        }
    });
    let (tx, mut rx) = mpsc::unbounded_channel::<IpcCmd>();
    let wio = io.clone();
    h.spawn_local(async move {
        while let Some(cmd) = rx.recv().await {
            wqueued.set(wqueued.get().saturating_sub(1));
            match cmd {
                IpcCmd::Rest(req, bytes) => {
                    let errno = w.write_raw(&bytes).await.err().map(|e| errno_of(&e));
                    post_hook(&wio, move |_ctx, hooks| {
                        let f: Function<'_> = hooks.get("cpIpcSent")?;
                        f.call((id, req, errno))
                    });
                }
                IpcCmd::Send(req, json, fd) => {
                    let res = match &fd {
                        Some(fd) => {
                            use std::os::fd::AsRawFd;
                            w.send_with_fds(&json, &[fd.as_raw_fd()]).await
                        }
                        None => w.send(&json).await,
                    };
                    // The receiver has its own copy now (or the send failed).
                    drop(fd);
                    let errno = res.err().map(|e| errno_of(&e));
                    post_hook(&wio, move |_ctx, hooks| {
                        let f: Function<'_> = hooks.get("cpIpcSent")?;
                        f.call((id, req, errno))
                    });
                }
                IpcCmd::Close => {
                    let _ = w.close().await;
                    // Closed from the poll phase, so the loop wakes and sees it may end.
                    let h = wio.clone();
                    wio.post(move || h.close());
                    return;
                }
            }
        }
    });
    CHANNELS.with(|m| {
        m.borrow_mut().insert(
            id,
            ChannelEntry {
                io,
                tx,
                stop,
                fd,
                queued,
            },
        )
    });
    (id, reader_done)
}

trait IntoJsArray {
    fn into_js_array<'js>(self, ctx: &Ctx<'js>) -> Result<Value<'js>>;
}

impl IntoJsArray for Vec<String> {
    fn into_js_array<'js>(self, ctx: &Ctx<'js>) -> Result<Value<'js>> {
        let a = Array::new(ctx.clone())?;
        for (i, s) in self.into_iter().enumerate() {
            a.set(i, s)?;
        }
        Ok(a.into_value())
    }
}

/// `spawn(argv, file, cwd, env, stdio, detached, uid, gid)` → `[pid, id, pipe ids per
/// fd (0 = none; `[read, write]` for fd 3 and up), channel id (0 = none)]`, or a negative errno when the child could not
/// start. The exit arrives as `cpExit(id, code, signal)`.
#[allow(clippy::too_many_arguments)]
fn spawn_child<'js>(
    ctx: &Ctx<'js>,
    file: String,
    argv: Vec<String>,
    cwd: Option<String>,
    env: Option<Vec<String>>,
    stdio: Array<'js>,
    detached: bool,
    uid: Option<u32>,
    gid: Option<u32>,
) -> Result<Value<'js>> {
    let Some(h) = LoopHandle::current() else {
        return Ok(Value::new_number(ctx.clone(), -f64::from(libc::EINVAL)));
    };
    let stdio = stdio_of(&stdio)?;
    let n = stdio.len();
    let opts = options_of(&argv, cwd, env, stdio, detached, uid, gid);
    let args: Vec<String> = argv.iter().skip(1).cloned().collect();
    let mut child = match spawn(&file, &args, opts) {
        Ok(c) => c,
        Err(CpError::Spawn { errno, .. }) => {
            return Ok(Value::new_number(ctx.clone(), -f64::from(errno)))
        }
        Err(e) => {
            let errno = e.errno().unwrap_or(-libc::EIO);
            return Ok(Value::new_number(ctx.clone(), f64::from(errno)));
        }
    };
    let mut pipes = vec![0u32; n.max(3)];
    if let Some(w) = child.take_stdin() {
        pipes[0] = add_writer(&h, Box::new(w));
    }
    if let Some(r) = child.take_stdout() {
        pipes[1] = add_reader(&h, Box::new(r));
    }
    if let Some(r) = child.take_stderr() {
        pipes[2] = add_reader(&h, Box::new(r));
    }
    // A 'pipe' at fd 3 and up is a socket pair: one reader and one writer id, side by side
    // as `[read, write]` in `pipes[fd]` (JS makes one Duplex of them).
    let mut extra = Vec::new();
    for fd in 3..n {
        if let Some(sock) = child.take_stdio(fd) {
            let (r, w) = sock.into_split();
            extra.push((fd, add_reader(&h, Box::new(r)), add_writer(&h, Box::new(w))));
        }
    }
    let (channel, reader_done) = match child.take_ipc() {
        Some(c) => {
            let (id, done) = add_channel(&h, c);
            (id, Some(done))
        }
        None => (0, None),
    };
    let id = next_id();
    let pid = child.pid();
    let io = Rc::new(h.keep_alive());
    CHILDREN.with(|m| {
        m.borrow_mut().insert(
            id,
            ChildEntry {
                io: io.clone(),
                killer: child.killer(),
            },
        )
    });
    h.spawn_local(async move {
        let st = child.wait().await;
        // The child's end of the channel closed with it: let its end-of-stream reach JS
        // first, so 'exit' sees `connected === false` as in node (bounded, in case a
        // grandchild inherited the socket).
        if let Some(done) = reader_done {
            if !done.done.get() {
                tokio::select! {
                    () = done.wake.notified() => {}
                    () = tokio::time::sleep(Duration::from_millis(100)) => {}
                }
            }
        }
        drop(child);
        let post_io = io.clone();
        post_io.post(move || {
            with_hooks(move |ctx, hooks| {
                let f: Function<'_> = hooks.get("cpExit")?;
                let (code, signal) = match &st {
                    Ok(st) => (st.code(), st.signal_name()),
                    Err(_) => (Some(-libc::EIO), None),
                };
                let signal = match signal {
                    Some(s) => rquickjs::String::from_str(ctx.clone(), s)?.into_value(),
                    None => Value::new_null(ctx.clone()),
                };
                f.call::<_, ()>((id, code, signal))
            });
            CHILDREN.with(|m| m.borrow_mut().remove(&id));
            io.close();
        });
    });
    let a = Array::new(ctx.clone())?;
    a.set(0, pid)?;
    a.set(1, id)?;
    let list = Array::new(ctx.clone())?;
    for (i, p) in pipes.iter().enumerate() {
        list.set(i, *p)?;
    }
    for (fd, r, w) in extra {
        list.set(fd, vec![r, w])?;
    }
    a.set(2, list)?;
    a.set(3, channel)?;
    Ok(a.into_value())
}

/// `spawnSync(file, argv, cwd, env, stdio, detached, uid, gid, timeoutMs, killSignal,
/// maxBuffer, input)` → `[pid, status, signal, stdout, stderr, errno]`.
#[allow(clippy::too_many_arguments)]
fn spawn_child_sync<'js>(
    ctx: &Ctx<'js>,
    file: String,
    argv: Vec<String>,
    cwd: Option<String>,
    env: Option<Vec<String>>,
    stdio: Array<'js>,
    detached: bool,
    uid: Option<u32>,
    gid: Option<u32>,
    timeout: f64,
    kill_signal: i32,
    max_buffer: f64,
    input: Value<'js>,
) -> Result<Value<'js>> {
    let stdio = stdio_of(&stdio)?;
    let mut spawn = options_of(&argv, cwd, env, stdio, detached, uid, gid);
    if timeout > 0.0 {
        spawn.timeout = Some(Duration::from_millis(timeout as u64));
    }
    spawn.kill_signal = kill_signal;
    let input = if input.is_undefined() || input.is_null() {
        None
    } else {
        Some(bytes_of(&input)?)
    };
    let opts = SpawnSyncOptions {
        spawn,
        input,
        max_buffer: if max_buffer.is_finite() && max_buffer >= 0.0 {
            Some(max_buffer as usize)
        } else {
            None
        },
    };
    let args: Vec<String> = argv.iter().skip(1).cloned().collect();
    let out = spawn_sync(&file, &args, opts);
    let a = Array::new(ctx.clone())?;
    a.set(0, out.pid)?;
    a.set(1, out.status.and_then(|s| s.code()))?;
    a.set(2, out.status.and_then(|s| s.signal_name()))?;
    let buf = |b: Option<Vec<u8>>| -> Result<Value<'js>> {
        match b {
            Some(b) => Ok(TypedArray::<u8>::new(ctx.clone(), b)?.into_value()),
            None => Ok(Value::new_null(ctx.clone())),
        }
    };
    a.set(3, buf(out.stdout)?)?;
    a.set(4, buf(out.stderr)?)?;
    match out.error {
        Some(CpError::Spawn { errno, .. }) => a.set(5, -errno)?,
        Some(e) if e.code() == "ERR_NOT_IMPLEMENTED" => a.set(5, e.to_string())?,
        Some(e) => a.set(5, e.errno().unwrap_or(-libc::EIO))?,
        None => {}
    }
    Ok(a.into_value())
}

/// The shared spawn arguments after `file` and `argv`: `cwd, env, stdio, detached, uid,
/// gid`.
struct Args<'js> {
    cwd: Option<String>,
    env: Option<Vec<String>>,
    stdio: Array<'js>,
    detached: bool,
    uid: Option<u32>,
    gid: Option<u32>,
}

impl<'js> Args<'js> {
    fn new(ctx: &Ctx<'js>, r: Vec<Value<'js>>) -> Result<Self> {
        let get = |i: usize| {
            r.get(i)
                .cloned()
                .unwrap_or(Value::new_undefined(ctx.clone()))
        };
        let cwd = get(0).as_string().map(|s| s.to_string()).transpose()?;
        let env: Option<Vec<String>> = if get(1).is_array() {
            Some(rquickjs::FromJs::from_js(ctx, get(1))?)
        } else {
            None
        };
        Ok(Args {
            cwd,
            env,
            stdio: Array::from_value(get(2))?,
            detached: get(3).as_bool().unwrap_or(false),
            uid: get(4).as_number().map(|n| n as u32),
            gid: get(5).as_number().map(|n| n as u32),
        })
    }
}

fn with_pipe<R>(id: u32, f: impl FnOnce(&PipeEntry) -> R) -> Option<R> {
    PIPES.with(|m| m.borrow().get(&id).map(f))
}

/// The IPC channel this process was started with (`NODE_CHANNEL_FD`), as a channel id;
/// 0 without one. Errors (an unsupported serialization) throw.
fn open_own_channel(ctx: &Ctx<'_>) -> Result<u32> {
    let Some(h) = LoopHandle::current() else {
        return Ok(0);
    };
    match IpcChannel::from_env() {
        Ok(Some(ch)) => Ok(add_channel(&h, ch).0),
        Ok(None) => Ok(0),
        Err(CpError::Node(e)) => Err(crate::modules::throw_node(ctx, e)),
        Err(_) => Ok(0),
    }
}

/// Builds the `child_process` binding object.
pub(crate) fn binding<'js>(ctx: &Ctx<'js>) -> Result<Object<'js>> {
    let o = Object::new(ctx.clone())?;
    o.set(
        "spawn",
        Function::new(
            ctx.clone(),
            |ctx: Ctx<'js>, file: String, argv: Vec<String>, rest: Rest<Value<'js>>| {
                guard(&ctx, || {
                    let a = Args::new(&ctx, rest.0)?;
                    spawn_child(
                        &ctx, file, argv, a.cwd, a.env, a.stdio, a.detached, a.uid, a.gid,
                    )
                })
            },
        )?,
    )?;
    o.set(
        "spawnSync",
        Function::new(
            ctx.clone(),
            |ctx: Ctx<'js>, file: String, argv: Vec<String>, rest: Rest<Value<'js>>| {
                guard(&ctx, || {
                    let r = rest.0;
                    let get = |i: usize| {
                        r.get(i)
                            .cloned()
                            .unwrap_or(Value::new_undefined(ctx.clone()))
                    };
                    let timeout = get(6).as_number().unwrap_or(0.0);
                    let kill_signal = get(7).as_number().unwrap_or(15.0) as i32;
                    let max_buffer = get(8).as_number().unwrap_or(f64::INFINITY);
                    let input = get(9);
                    let a = Args::new(&ctx, r)?;
                    let (cwd, env, stdio, detached, uid, gid) =
                        (a.cwd, a.env, a.stdio, a.detached, a.uid, a.gid);
                    spawn_child_sync(
                        &ctx,
                        file,
                        argv,
                        cwd,
                        env,
                        stdio,
                        detached,
                        uid,
                        gid,
                        timeout,
                        kill_signal,
                        max_buffer,
                        input,
                    )
                })
            },
        )?,
    )?;
    o.set(
        "kill",
        Function::new(ctx.clone(), |id: u32, signo: i32| {
            CHILDREN.with(|m| {
                m.borrow()
                    .get(&id)
                    .map(|c| c.killer.kill(signo))
                    .unwrap_or(false)
            })
        })?,
    )?;
    o.set(
        "setRef",
        Function::new(ctx.clone(), |id: u32, on: bool| {
            CHILDREN.with(|m| {
                if let Some(c) = m.borrow().get(&id) {
                    c.io.set_ref(on)
                }
            })
        })?,
    )?;
    o.set(
        "readStart",
        Function::new(ctx.clone(), |id: u32| {
            with_pipe(id, |p| {
                if let Some(g) = &p.gate {
                    g.on.set(true);
                    g.wake.notify_one();
                    p.io.ref_();
                }
            })
        })?,
    )?;
    o.set(
        "readStop",
        Function::new(ctx.clone(), |id: u32| {
            with_pipe(id, |p| {
                if let Some(g) = &p.gate {
                    g.on.set(false);
                    p.io.unref();
                }
            })
        })?,
    )?;
    o.set(
        "write",
        Function::new(
            ctx.clone(),
            |ctx: Ctx<'js>, id: u32, req: u32, data: Value<'js>| {
                guard(&ctx, || {
                    let bytes = bytes_of(&data)?;
                    Ok(with_pipe(id, |p| {
                        p.tx.as_ref()
                            .is_some_and(|tx| tx.send(WriteCmd::Data(req, bytes)).is_ok())
                    })
                    .unwrap_or(false))
                })
            },
        )?,
    )?;
    o.set(
        "shutdown",
        Function::new(ctx.clone(), |id: u32, req: u32| {
            with_pipe(id, |p| {
                p.tx.as_ref()
                    .is_some_and(|tx| tx.send(WriteCmd::End(req)).is_ok())
            })
            .unwrap_or(false)
        })?,
    )?;
    o.set(
        "pipeClose",
        Function::new(ctx.clone(), |id: u32| {
            if let Some(p) = PIPES.with(|m| m.borrow_mut().remove(&id)) {
                if let Some(g) = &p.gate {
                    g.closed.set(true);
                    g.wake.notify_one();
                }
                p.io.close();
            }
        })?,
    )?;
    o.set(
        "ipcOpen",
        Function::new(ctx.clone(), |ctx: Ctx<'js>| {
            guard(&ctx, || open_own_channel(&ctx))
        })?,
    )?;
    o.set(
        "ipcSend",
        Function::new(
            ctx.clone(),
            |id: u32, req: u32, json: String, handle: Option<u32>| {
                // A handle is sent as a duplicate: the caller keeps (and later closes) its
                // own descriptor, as node keeps the handle until the peer's ack.
                let fd = match handle {
                    Some(h) => match crate::modules::handles::dup(h) {
                        Some(fd) => Some(fd),
                        None => return false,
                    },
                    None => None,
                };
                CHANNELS.with(|m| {
                    let m = m.borrow();
                    let Some(c) = m.get(&id) else {
                        return false;
                    };
                    let cmd = if fd.is_none() {
                        let mut line = json.into_bytes();
                        line.push(b'\n');
                        match c.try_send_now(line) {
                            None => {
                                post_hook(&c.io, move |_ctx, hooks| {
                                    let f: Function<'_> = hooks.get("cpIpcSent")?;
                                    f.call((id, req, Option::<i32>::None))
                                });
                                return true;
                            }
                            Some(rest) => IpcCmd::Rest(req, rest),
                        }
                    } else {
                        IpcCmd::Send(req, json, fd)
                    };
                    c.queued.set(c.queued.get() + 1);
                    c.tx.send(cmd).is_ok()
                })
            },
        )?,
    )?;
    o.set(
        "ipcClose",
        Function::new(ctx.clone(), |id: u32| {
            if let Some(c) = CHANNELS.with(|m| m.borrow_mut().remove(&id)) {
                // Queued messages go out first, then the socket is shut and dropped; the
                // handle keeps the loop alive until then (the writer task closes it).
                c.stop.notify_one();
                if c.tx.send(IpcCmd::Close).is_ok() {
                    c.io.ref_();
                } else {
                    c.io.close();
                }
            }
        })?,
    )?;
    o.set(
        "handleClose",
        Function::new(ctx.clone(), |id: u32| crate::modules::handles::close(id))?,
    )?;
    o.set(
        "ipcRef",
        Function::new(ctx.clone(), |id: u32, on: bool| {
            CHANNELS.with(|m| {
                if let Some(c) = m.borrow().get(&id) {
                    c.io.set_ref(on)
                }
            })
        })?,
    )?;
    Ok(o)
}
