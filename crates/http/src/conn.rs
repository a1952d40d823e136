//! One server connection: the shared read/write sides and the async driver that parses
//! heads, hands requests to the handler in order, and keeps the connection alive.

use std::sync::atomic::{AtomicBool, AtomicU64, AtomicU8, Ordering};
use std::sync::{Arc, Mutex};

use bytes::BytesMut;
use node_net::{Socket, SocketHandle, SocketReadHalf, SocketWriteHalf};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::sync::Notify;
use tokio::time::Instant;

use crate::body::BodyDecoder;
use crate::errors::ParseError;
use crate::headers::RawHeaders;
use crate::incoming::IncomingMessage;
use crate::parser::{take_request_head, RequestHead};
use crate::response::ServerResponse;
use crate::server::{Handler, ServerInner, Upgraded};

pub(crate) const READ_CHUNK: usize = 64 * 1024;

/// The connection's read side: socket half, buffer, and the current body's decoder.
#[derive(Debug)]
pub(crate) struct ReadSide {
    pub(crate) stream: Option<SocketReadHalf>,
    pub(crate) buf: BytesMut,
    pub(crate) body: BodyDecoder,
    /// Request deadline (Node's `requestTimeout`) while a body is read.
    pub(crate) deadline: Option<Instant>,
    pub(crate) error: Option<ParseError>,
    pub(crate) timed_out: bool,
    pub(crate) eof: bool,
    /// Counts requests on the connection; a request reads its body only while it is
    /// the current one.
    pub(crate) generation: u64,
    /// The current request's body is being read by its handler (Node's `_consuming`).
    pub(crate) consuming: bool,
    pub(crate) trailers: Option<RawHeaders>,
}

impl ReadSide {
    /// Reads more bytes into `buf`; `Ok(0)` on EOF.
    pub(crate) async fn fill(&mut self) -> std::io::Result<usize> {
        let Some(stream) = self.stream.as_mut() else {
            return Ok(0);
        };
        if self.buf.capacity() - self.buf.len() < 4096 {
            self.buf.reserve(READ_CHUNK);
        }
        let read = stream.read_buf(&mut self.buf);
        let n = match self.deadline {
            Some(d) => match tokio::time::timeout_at(d, read).await {
                Ok(r) => r?,
                Err(_) => {
                    self.timed_out = true;
                    return Err(std::io::ErrorKind::TimedOut.into());
                }
            },
            None => read.await?,
        };
        if n == 0 {
            self.eof = true;
        }
        Ok(n)
    }
}

/// The connection's write side.
#[derive(Debug)]
pub(crate) struct WriteSide {
    pub(crate) stream: Option<SocketWriteHalf>,
    pub(crate) buf: BytesMut,
}

impl WriteSide {
    pub(crate) async fn flush_buf(&mut self) -> std::io::Result<()> {
        if self.buf.is_empty() {
            return Ok(());
        }
        let Some(stream) = self.stream.as_mut() else {
            self.buf.clear();
            return Err(std::io::ErrorKind::NotConnected.into());
        };
        let res = stream.write_all(&self.buf).await;
        self.buf.clear();
        res
    }

    pub(crate) async fn write_direct(&mut self, data: &[u8]) -> std::io::Result<()> {
        self.flush_buf().await?;
        match self.stream.as_mut() {
            Some(s) => s.write_all(data).await,
            None => Err(std::io::ErrorKind::NotConnected.into()),
        }
    }
}

/// How the current response ended.
pub(crate) mod done {
    pub(crate) const PENDING: u8 = 0;
    /// Ended; the connection may carry another request.
    pub(crate) const KEEP: u8 = 1;
    /// Ended; close after it (Node's `_last`).
    pub(crate) const CLOSE: u8 = 2;
    /// Dropped before its head was sent.
    pub(crate) const DROPPED_UNSENT: u8 = 3;
    /// Dropped after its head was sent.
    pub(crate) const DROPPED_SENT: u8 = 4;
}

/// State shared by the driver, the request, the response and the server.
#[derive(Debug)]
pub(crate) struct ConnShared {
    /// The read side while the current request's body may be read by its
    /// [`IncomingMessage`] (the driver keeps it otherwise). Never locked across an await.
    read: Mutex<Option<ReadSide>>,
    /// The write side while no [`ServerResponse`] holds it.
    write: Mutex<Option<WriteSide>>,
    pub(crate) response_state: AtomicU8,
    pub(crate) response_done: Notify,
    /// Wakes the driver when a consumed body is finished or its reader went away.
    pub(crate) body_done: Notify,
    /// Generation of the last request whose reader was dropped.
    pub(crate) reader_gone: AtomicU64,
    pub(crate) closing: AtomicBool,
    pub(crate) idle: AtomicBool,
    pub(crate) handle: Option<SocketHandle>,
    /// The server's number for this connection ([`crate::Handler::connection`]).
    pub(crate) id: u64,
    /// A task watches the idle timeout (started by the first `setTimeout`).
    watchdog: AtomicBool,
    /// Set when the connection is over; stops the watchdog.
    ended: Notify,
}

fn slot<T>(m: &Mutex<Option<T>>) -> std::sync::MutexGuard<'_, Option<T>> {
    m.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
}

impl ConnShared {
    pub(crate) fn park_read(&self, rs: ReadSide) {
        *slot(&self.read) = Some(rs);
    }

    pub(crate) fn take_read(&self) -> Option<ReadSide> {
        slot(&self.read).take()
    }

    pub(crate) fn put_write(&self, ws: WriteSide) {
        *slot(&self.write) = Some(ws);
    }

    pub(crate) fn take_write(&self) -> Option<WriteSide> {
        slot(&self.write).take()
    }

    pub(crate) fn finish_response(&self, state: u8) {
        self.response_state.store(state, Ordering::Release);
        self.response_done.notify_one();
    }

    pub(crate) fn destroy(&self) {
        self.closing.store(true, Ordering::SeqCst);
        if let Some(h) = &self.handle {
            h.destroy();
        }
    }

    /// Closes the connection now if it waits for a next request (Node's
    /// `closeIdleConnections`), otherwise after the current response.
    pub(crate) fn close_when_idle(&self) {
        self.closing.store(true, Ordering::SeqCst);
        // Pairs with the driver's store of `idle` then load of `closing`: one side sees
        // the other.
        if self.idle.load(Ordering::SeqCst) {
            if let Some(h) = &self.handle {
                h.destroy();
            }
        }
    }

    /// `setTimeout` on the connection: Node destroys the socket when it has been idle
    /// that long and nobody listens for `'timeout'`.
    pub(crate) fn set_timeout(self: &Arc<Self>, timeout: Option<std::time::Duration>) {
        let Some(h) = &self.handle else { return };
        h.set_timeout(timeout);
        if timeout.is_some() && !self.watchdog.swap(true, Ordering::AcqRel) {
            let conn = self.clone();
            tokio::spawn(async move {
                let Some(h) = &conn.handle else { return };
                let ended = conn.ended.notified();
                tokio::select! {
                    () = h.timed_out() => h.destroy(),
                    () = ended => {}
                }
            });
        }
    }
}

/// What stopped the head read.
enum HeadEnd {
    Eof,
    Parse(ParseError),
    Timeout,
    Closed,
}

fn error_response(err: ParseError) -> &'static [u8] {
    match err {
        ParseError::HeaderOverflow => {
            b"HTTP/1.1 431 Request Header Fields Too Large\r\nConnection: close\r\n\r\n"
        }
        _ => b"HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n",
    }
}

const TIMEOUT_RESPONSE: &[u8] = b"HTTP/1.1 408 Request Timeout\r\nConnection: close\r\n\r\n";

async fn read_head(
    shared: &ConnShared,
    rs: &mut ReadSide,
    opts: &crate::server::ServerOptions,
    first: bool,
    conn_start: Instant,
) -> Result<(RequestHead, Instant), HeadEnd> {
    // The first request is timed from the connection; later ones from their first byte,
    // with keepAliveTimeout before it.
    let mut start = if first || !rs.buf.is_empty() {
        Some(if first { conn_start } else { Instant::now() })
    } else {
        None
    };
    loop {
        match take_request_head(&mut rs.buf, &opts.parser) {
            Ok(Some(head)) => return Ok((head, start.unwrap_or_else(Instant::now))),
            Ok(None) => {}
            Err(e) => return Err(HeadEnd::Parse(e)),
        }
        if rs.eof {
            return Err(HeadEnd::Eof);
        }
        rs.deadline = match start {
            Some(s) => opts.head_deadline(s),
            None if opts.keep_alive_timeout.is_zero() => None,
            None => Some(Instant::now() + opts.keep_alive_timeout),
        };
        // Idle: no byte of a next request yet (Node's ConnectionsList "idle").
        let idle = rs.buf.is_empty();
        shared.idle.store(idle, Ordering::SeqCst);
        if idle && shared.closing.load(Ordering::SeqCst) {
            return Err(HeadEnd::Closed);
        }
        let res = rs.fill().await;
        shared.idle.store(false, Ordering::SeqCst);
        match res {
            Ok(0) => return Err(HeadEnd::Eof),
            Ok(_) => {
                if start.is_none() {
                    start = Some(Instant::now());
                }
            }
            Err(_) if rs.timed_out => {
                rs.timed_out = false;
                return Err(if start.is_some() {
                    HeadEnd::Timeout
                } else {
                    HeadEnd::Closed
                });
            }
            Err(_) => return Err(HeadEnd::Eof),
        }
    }
}

async fn write_raw(shared: &ConnShared, bytes: &[u8]) {
    let Some(mut ws) = shared.take_write() else {
        return;
    };
    if let Some(s) = ws.stream.as_mut() {
        let _ = s.write_all(bytes).await;
    }
    shared.put_write(ws);
}

const HANDSHAKE_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(120);

/// Serves one connection until it closes.
pub(crate) async fn serve<H: Handler>(server: Arc<ServerInner<H>>, socket: Socket) {
    let opts = &server.options;
    if opts.no_delay {
        let _ = socket.set_no_delay(true);
    }
    if let Some(delay) = opts.keep_alive_initial_delay {
        let _ = socket.set_keep_alive(true, delay);
    }
    let socket = match &opts.tls {
        Some(tls) => {
            // Node's handshakeTimeout (120 s) bounds a peer that never finishes.
            let handshake = node_net::tls::accept(socket, tls);
            match tokio::time::timeout(HANDSHAKE_TIMEOUT, handshake).await {
                Ok(Ok(s)) => s,
                Ok(Err(e)) => return server.handler.tls_client_error(e),
                Err(_) => {
                    return server.handler.tls_client_error(node_net::Error::Node(
                        node_core::NodeError::new(
                            node_core::ErrorClass::Error,
                            "ERR_TLS_HANDSHAKE_TIMEOUT",
                            "TLS handshake timeout",
                        ),
                    ))
                }
            }
        }
        None => socket,
    };
    let handle = socket.handle().ok();
    let id = server.next_id();
    server.handler.connection(id, &socket);
    let (r, w) = socket.into_split();
    let shared = Arc::new(ConnShared {
        read: Mutex::new(None),
        write: Mutex::new(Some(WriteSide {
            stream: Some(w),
            buf: BytesMut::with_capacity(4096),
        })),
        response_state: AtomicU8::new(done::PENDING),
        response_done: Notify::new(),
        body_done: Notify::new(),
        reader_gone: AtomicU64::new(0),
        closing: AtomicBool::new(false),
        idle: AtomicBool::new(false),
        handle,
        id,
        watchdog: AtomicBool::new(false),
        ended: Notify::new(),
    });
    let rs = ReadSide {
        stream: Some(r),
        buf: BytesMut::with_capacity(READ_CHUNK),
        body: BodyDecoder::done(),
        deadline: None,
        error: None,
        timed_out: false,
        eof: false,
        generation: 0,
        consuming: false,
        trailers: None,
    };
    server.register(id, shared.clone());
    if opts.timeout.is_some() {
        shared.set_timeout(opts.timeout);
    }
    drive(&server, &shared, rs).await;
    shared.ended.notify_waiters();
    server.unregister(id);
    if let Some(mut s) = shared.take_write().and_then(|mut ws| ws.stream.take()) {
        let _ = s.shutdown().await;
    }
    server.handler.connection_closed(id);
}

async fn drive<H: Handler>(
    server: &Arc<ServerInner<H>>,
    shared: &Arc<ConnShared>,
    mut rs: ReadSide,
) {
    let opts = &server.options;
    let conn_start = Instant::now();
    let mut first = true;
    let mut served = 0u64;
    loop {
        let (head, start) = match read_head(shared, &mut rs, opts, first, conn_start).await {
            Ok(h) => h,
            Err(HeadEnd::Parse(e)) => {
                drop(rs);
                server.handler.client_error(e);
                write_raw(shared, error_response(e)).await;
                return;
            }
            Err(HeadEnd::Timeout) => {
                drop(rs);
                write_raw(shared, TIMEOUT_RESPONSE).await;
                return;
            }
            Err(HeadEnd::Eof | HeadEnd::Closed) => return,
        };
        first = false;
        served += 1;
        if opts.parser.require_host_header && head.minor == 1 && !head.info.has_host {
            drop(rs);
            server.handler.client_error(ParseError::MissingHost);
            missing_host(shared).await;
            return;
        }
        if head.info.upgrade {
            let is_connect = head.method() == "CONNECT";
            if (is_connect && server.handler.handles_connect())
                || (!is_connect && server.handler.handles_upgrade())
            {
                let rest = rs.buf.split().freeze();
                let r = rs.stream.take();
                drop(rs);
                let w = shared.take_write().and_then(|mut ws| ws.stream.take());
                let (Some(r), Some(w)) = (r, w) else { return };
                let Ok(socket) = r.reunite(w) else { return };
                let req = IncomingMessage::for_upgrade(head);
                let up = Upgraded { socket, head: rest };
                if is_connect {
                    server.handler.connect(req, up).await;
                } else {
                    server.handler.upgrade(req, up).await;
                }
                return;
            }
            if is_connect {
                // Node destroys the socket of a CONNECT nobody handles.
                return;
            }
        }
        let keep_alive = head.info.keep_alive
            && !shared.closing.load(Ordering::SeqCst)
            && opts.max_requests_per_socket.is_none_or(|max| served < max);
        let expect = head.info.expect_continue;
        let expect_other = head.info.expect_other;
        rs.body = BodyDecoder::new(
            head.info.framing,
            opts.parser.insecure,
            opts.parser.max_header_size,
        );
        rs.deadline = opts.request_timeout.map(|t| start + t);
        rs.generation += 1;
        let generation = rs.generation;
        rs.consuming = false;
        rs.trailers = None;
        // A request with a body lends the read side to its IncomingMessage.
        let has_body = !matches!(head.info.framing, crate::parser::Framing::Length(0));
        let mut kept = if has_body {
            shared.park_read(rs);
            None
        } else {
            Some(rs)
        };
        shared
            .response_state
            .store(done::PENDING, Ordering::Release);
        let Some(writer) = shared.take_write() else {
            return;
        };
        let req = IncomingMessage::for_server(head, shared.clone(), generation);
        let mut res = ServerResponse::new(shared.clone(), writer, &req, keep_alive, opts);
        if expect_other {
            if server.handler.handles_check_expectation() {
                server.handler.check_expectation(req, res).await;
            } else {
                // Node: res.writeHead(417); res.end().
                drop(req);
                let head = res
                    .write_head(417, None, crate::WriteHeadHeaders::None)
                    .is_ok();
                if head {
                    let _ = res.end(None).await;
                }
            }
        } else if expect && server.handler.handles_check_continue() {
            server.handler.check_continue(req, res).await;
        } else {
            if expect {
                // Node answers 100 Continue itself when nobody handles 'checkContinue'.
                let _ = res.write_continue().await;
            }
            server.handler.request(req, res).await;
        }
        loop {
            let notified = shared.response_done.notified();
            if shared.response_state.load(Ordering::Acquire) != done::PENDING {
                break;
            }
            notified.await;
        }
        let state = shared.response_state.load(Ordering::Acquire);
        // Node only dumps a body nobody is reading; a reader keeps it until it is done.
        rs = loop {
            if let Some(rs) = kept.take() {
                break rs;
            }
            let woken = shared.body_done.notified();
            if let Some(rs) = shared.take_read() {
                let gone = shared.reader_gone.load(Ordering::Acquire) == generation;
                let stuck = rs.error.is_some() || rs.eof || rs.timed_out;
                if !rs.consuming || rs.body.is_done() || gone || stuck {
                    break rs;
                }
                shared.park_read(rs);
            }
            woken.await;
        };
        if state == done::DROPPED_UNSENT {
            if rs.timed_out {
                drop(rs);
                write_raw(shared, TIMEOUT_RESPONSE).await;
            } else if let Some(e) = rs.error {
                drop(rs);
                write_raw(shared, error_response(e)).await;
            }
            return;
        }
        if state != done::KEEP || rs.error.is_some() || rs.timed_out {
            return;
        }
        // Node dumps an unread body so the next request can be parsed.
        if !drain(&mut rs).await {
            return;
        }
    }
}

/// Discards the rest of the current body; false if the connection cannot go on.
async fn drain(rs: &mut ReadSide) -> bool {
    loop {
        match rs.body.decode(&mut rs.buf) {
            Ok(crate::body::Step::Data(_)) => {}
            Ok(crate::body::Step::Done(_)) => return true,
            Ok(crate::body::Step::NeedMore) => match rs.fill().await {
                Ok(n) if n > 0 => {}
                _ => return false,
            },
            Err(_) => return false,
        }
    }
}

async fn missing_host(shared: &ConnShared) {
    let mut out = BytesMut::with_capacity(128);
    out.extend_from_slice(b"HTTP/1.1 400 Bad Request\r\nConnection: close\r\nDate: ");
    crate::date::push_date(&mut out);
    out.extend_from_slice(b"\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n");
    write_raw(shared, &out).await;
}
