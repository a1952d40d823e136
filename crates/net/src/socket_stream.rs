//! [`SocketStream`]: a [`Socket`] as a node-streams [`Duplex`], the shape of Node's
//! `net.Socket` (which is a `stream.Duplex`).

use std::cell::RefCell;
use std::fmt;
use std::io::{self, IoSlice};
use std::ops::Deref;
use std::pin::Pin;
use std::rc::Rc;
use std::sync::atomic::Ordering;
use std::sync::Arc;
use std::task::{Context, Poll};

use bytes::BytesMut;
use futures::future::LocalBoxFuture;
use futures::FutureExt;
use node_core::NodeError;
use node_streams::{Chunk, Duplex, DuplexOptions, Emitter, EventSink, Sink, Source, StreamEvent};
use tokio::io::{AsyncWrite, ReadBuf};

use crate::address::AddressInfo;
use crate::connect::ConnectOptions;
use crate::errors::{errno_of, Error};
use crate::halves::{count_write, poll_read_counted};
use crate::state::SocketState;
use crate::stream::{ReadStream, WriteStream};
use crate::Socket;

/// libuv hands `onread` buffers of up to 64 KiB, so Node's socket `'data'` chunks are at
/// most that big.
const READ_CHUNK: usize = 64 * 1024;

/// A system error as Node reports it on a socket (`read ECONNRESET`, `write EPIPE`).
fn sys_err(e: &io::Error, syscall: &'static str) -> NodeError {
    NodeError::from_errno(errno_of(e), syscall)
}

/// The readable side: Node's `onStreamRead` pushing what the kernel gave. The stream
/// only polls it while it is flowing or below its highWaterMark, so a paused, full
/// socket leaves the data in the kernel (Node's `readStop`).
struct SocketSource {
    stream: Option<ReadStream>,
    /// Where a connecting socket's read half arrives (see [`SocketStream::connect`]).
    pending: Option<Rc<RefCell<Option<ReadStream>>>>,
    state: Arc<SocketState>,
    buf: BytesMut,
}

impl Source for SocketSource {
    fn poll_pull(
        &mut self,
        cx: &mut Context<'_>,
        _: usize,
    ) -> Poll<Result<Option<Chunk>, NodeError>> {
        if let Some(r) = self.pending.as_ref().and_then(|p| p.borrow_mut().take()) {
            self.stream = Some(r);
            self.pending = None;
        }
        let Some(stream) = self.stream.as_mut() else {
            return Poll::Ready(Ok(None));
        };
        if self.buf.len() < READ_CHUNK {
            self.buf.resize(READ_CHUNK, 0);
        }
        let mut rb = ReadBuf::new(&mut self.buf[..]);
        match poll_read_counted(stream, &self.state, cx, &mut rb) {
            Poll::Pending => Poll::Pending,
            Poll::Ready(Err(e)) => Poll::Ready(Err(sys_err(&e, "read"))),
            Poll::Ready(Ok(0)) => {
                // EOF: the peer's FIN is `push(null)`; `allowHalfOpen` is the Duplex's.
                self.stream = None;
                Poll::Ready(Ok(None))
            }
            Poll::Ready(Ok(n)) => {
                Poll::Ready(Ok(Some(Chunk::Bytes(self.buf.split_to(n).freeze()))))
            }
        }
    }

    fn destroy(&mut self, _: Option<&NodeError>) -> Result<(), NodeError> {
        self.stream = None;
        self.pending = None;
        Ok(())
    }
}

/// A connection being made: Node's `net.connect()` before `'connect'`.
struct Connecting {
    fut: LocalBoxFuture<'static, crate::Result<Socket>>,
    read: Rc<RefCell<Option<ReadStream>>>,
    addrs: Rc<RefCell<Addrs>>,
    events: Rc<dyn EventSink>,
}

/// The local and remote endpoints, known once connected.
#[derive(Debug, Default)]
struct Addrs {
    local: Option<AddressInfo>,
    remote: Option<AddressInfo>,
}

fn net_err(e: &Error) -> NodeError {
    match e {
        Error::System(s) => NodeError::from_errno(s.errno().abs(), s.syscall()),
        Error::Node(n) => n.clone(),
    }
}

/// The writable side: `_write`/`_writev` hand bytes to the kernel, `_final` is
/// `shutdown(SHUT_WR)` (Node's `end()`), `_destroy` closes.
struct SocketSink {
    stream: Option<WriteStream>,
    connecting: Option<Connecting>,
    state: Arc<SocketState>,
    /// Bytes of the current write (or writev batch) already sent.
    offset: usize,
}

impl SocketSink {
    fn stream(&mut self) -> Result<&mut WriteStream, NodeError> {
        self.stream
            .as_mut()
            .ok_or_else(|| NodeError::from_errno(libc::EBADF, "write"))
    }

    fn poll_all(&mut self, cx: &mut Context<'_>, parts: &[&[u8]]) -> Poll<Result<(), NodeError>> {
        let total: usize = parts.iter().map(|p| p.len()).sum();
        while self.offset < total {
            let mut skip = self.offset;
            let mut slices = Vec::with_capacity(parts.len());
            for p in parts {
                if skip >= p.len() {
                    skip -= p.len();
                    continue;
                }
                slices.push(IoSlice::new(&p[skip..]));
                skip = 0;
            }
            let state = self.state.clone();
            let stream = self.stream()?;
            let r = Pin::new(stream).poll_write_vectored(cx, &slices);
            match count_write(&state, r) {
                Poll::Pending => return Poll::Pending,
                Poll::Ready(Err(e)) => {
                    self.offset = 0;
                    return Poll::Ready(Err(sys_err(&e, "write")));
                }
                Poll::Ready(Ok(0)) => {
                    self.offset = 0;
                    return Poll::Ready(Err(NodeError::from_errno(libc::EPIPE, "write")));
                }
                Poll::Ready(Ok(n)) => self.offset += n,
            }
        }
        self.offset = 0;
        Poll::Ready(Ok(()))
    }
}

fn bytes_of(chunk: &Chunk) -> Result<&[u8], NodeError> {
    match chunk {
        Chunk::Bytes(b) => Ok(b),
        Chunk::Str(s) => Ok(s.as_bytes()),
        Chunk::Value(_) => Err(NodeError::new(
            node_core::ErrorClass::TypeError,
            "ERR_INVALID_ARG_TYPE",
            "The \"chunk\" argument must be of type string or an instance of Buffer or Uint8Array",
        )),
    }
}

impl Sink for SocketSink {
    fn has_construct(&self) -> bool {
        self.connecting.is_some()
    }

    /// Writes and reads wait for the connection (Node queues them until `'connect'`).
    fn poll_construct(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), NodeError>> {
        let Some(c) = self.connecting.as_mut() else {
            return Poll::Ready(Ok(()));
        };
        let Poll::Ready(res) = c.fut.poll_unpin(cx) else {
            return Poll::Pending;
        };
        let Some(c) = self.connecting.take() else {
            return Poll::Ready(Ok(()));
        };
        let socket = res.map_err(|e| net_err(&e))?;
        *c.addrs.borrow_mut() = Addrs {
            local: socket.address(),
            remote: socket.peer().map(AddressInfo::from),
        };
        let (r, w) = socket.stream.split();
        self.stream = Some(w);
        *c.read.borrow_mut() = Some(r);
        // Node's afterConnect: 'connect' then 'ready', before queued writes go out.
        c.events.emit(&StreamEvent::Custom("connect".into(), None));
        c.events.emit(&StreamEvent::Custom("ready".into(), None));
        Poll::Ready(Ok(()))
    }

    fn poll_write(&mut self, cx: &mut Context<'_>, chunk: &Chunk) -> Poll<Result<(), NodeError>> {
        let data = bytes_of(chunk)?;
        self.poll_all(cx, &[data])
    }

    fn has_writev(&self) -> bool {
        true
    }

    fn poll_writev(
        &mut self,
        cx: &mut Context<'_>,
        chunks: &[Chunk],
    ) -> Poll<Result<(), NodeError>> {
        let parts = chunks.iter().map(bytes_of).collect::<Result<Vec<_>, _>>()?;
        self.poll_all(cx, &parts)
    }

    fn poll_final(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), NodeError>> {
        let stream = self.stream()?;
        Pin::new(stream)
            .poll_shutdown(cx)
            .map_err(|e| sys_err(&e, "shutdown"))
    }

    fn destroy(&mut self, _: Option<&NodeError>) -> Result<(), NodeError> {
        self.stream = None;
        self.connecting = None;
        Ok(())
    }
}

/// A connected [`Socket`] as a node-streams [`Duplex`]: Node's
/// [`net.Socket`](https://nodejs.org/api/net.html#class-netsocket) seen as the
/// `stream.Duplex` it is. It derefs to the [`Duplex`], so `on`, `readable()`,
/// `writable()`, `destroy` are the stream's.
///
/// - Reads: `'data'` chunks of up to 64 KiB (libuv's read size). The kernel is read only
///   while the stream wants data (flowing, or buffered below `highWaterMark`), so a
///   paused socket applies TCP backpressure to the peer.
/// - Writes: `write()` returns `false` past the writable `highWaterMark`, then `'drain'`;
///   queued writes go out together (`_writev`).
/// - `end()` shuts down the write side once queued writes are sent (`'finish'` after the
///   `shutdown`). With `allowHalfOpen` false (Node's default), the peer's FIN ends the
///   write side too.
/// - `destroy()` closes the socket; errors are Node's system errors (`ECONNRESET` with
///   syscall `read`, `EPIPE` with `write`), emitted as `'error'` then `'close'`.
///
/// # Examples
/// ```
/// # #[tokio::main(flavor = "current_thread")] async fn main() -> node_net::Result<()> {
/// use node_net::{ListenOptions, Server, Socket};
/// let server = Server::listen(ListenOptions::port(0).host("127.0.0.1")).await?;
/// let port = server.address()?.as_inet().unwrap().port;
/// let client = Socket::connect(port, "127.0.0.1").await?.into_duplex();
/// let conn = server.accept().await?.into_duplex();
/// client.writable().end_with(Some("ping".into()), |_| {}).unwrap();
/// let mut got = Vec::new();
/// let mut body = conn.readable().into_stream();
/// use futures::StreamExt;
/// while let Some(chunk) = body.next().await {
///     got.extend_from_slice(chunk.unwrap().as_bytes().unwrap());
/// }
/// assert_eq!(got, b"ping");
/// # Ok(()) }
/// ```
#[derive(Clone)]
pub struct SocketStream {
    duplex: Duplex,
    state: Arc<SocketState>,
    addrs: Rc<RefCell<Addrs>>,
}

impl fmt::Debug for SocketStream {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SocketStream")
            .field("duplex", &self.duplex)
            .field("addrs", &self.addrs)
            .finish()
    }
}

impl Deref for SocketStream {
    type Target = Duplex;
    fn deref(&self) -> &Duplex {
        &self.duplex
    }
}

impl Socket {
    /// This socket as a [`SocketStream`] (a node-streams [`Duplex`]) with Node's
    /// defaults: 16 KiB highWaterMarks and the socket's own
    /// [`allow_half_open`](Socket::allow_half_open) (false unless set).
    ///
    /// # Examples
    /// ```
    /// # #[tokio::main(flavor = "current_thread")] async fn main() -> node_net::Result<()> {
    /// # let server = node_net::Server::listen(node_net::ListenOptions::port(0).host("127.0.0.1")).await?;
    /// # let port = server.address()?.as_inet().unwrap().port;
    /// let s = node_net::Socket::connect(port, "127.0.0.1").await?.into_duplex();
    /// assert!(!s.allow_half_open());
    /// assert!(!s.destroyed());
    /// # Ok(()) }
    /// ```
    pub fn into_duplex(self) -> SocketStream {
        let options = DuplexOptions {
            allow_half_open: self.allow_half_open(),
            ..Default::default()
        };
        self.into_duplex_with(options)
    }

    /// This socket as a [`SocketStream`] with explicit stream options (highWaterMarks,
    /// scheduler, event sink, `allow_half_open`, which is taken from `options` as given).
    ///
    /// # Examples
    /// ```
    /// # #[tokio::main(flavor = "current_thread")] async fn main() -> node_net::Result<()> {
    /// # let server = node_net::Server::listen(node_net::ListenOptions::port(0).host("127.0.0.1")).await?;
    /// # let port = server.address()?.as_inet().unwrap().port;
    /// let mut o = node_streams::DuplexOptions::default();
    /// o.writable.high_water_mark = Some(4);
    /// let s = node_net::Socket::connect(port, "127.0.0.1").await?.into_duplex_with(o);
    /// assert!(s.allow_half_open());
    /// assert_eq!(s.writable().writable_high_water_mark(), 4);
    /// # Ok(()) }
    /// ```
    pub fn into_duplex_with(self, options: DuplexOptions) -> SocketStream {
        let (local, remote) = (self.address(), self.peer().map(AddressInfo::from));
        let state = self.state.clone();
        state
            .allow_half_open
            .store(options.allow_half_open, Ordering::Relaxed);
        let (r, w) = self.stream.split();
        let source = SocketSource {
            stream: Some(r),
            pending: None,
            state: state.clone(),
            buf: BytesMut::new(),
        };
        let sink = SocketSink {
            stream: Some(w),
            connecting: None,
            state: state.clone(),
            offset: 0,
        };
        let duplex = Duplex::new(source, sink, options);
        // Node's `net.Socket` starts reading as soon as it is connected (`this.read(0)`),
        // so a peer's FIN or RST is seen even with no `'data'` listener.
        duplex.readable().read(Some(0));
        SocketStream {
            duplex,
            state,
            addrs: Rc::new(RefCell::new(Addrs { local, remote })),
        }
    }
}

impl SocketStream {
    /// `net.connect(options)`: a socket stream that connects in the background, as Node's
    /// returns at once. Writes before the connection are queued; `'connect'` then
    /// `'ready'` (custom events) are emitted when it is made, and a failure is `'error'`
    /// (`ECONNREFUSED`, syscall `connect`) then `'close'`. `allow_half_open` comes from
    /// `options`; the stream options are Node's defaults.
    ///
    /// # Examples
    /// ```
    /// # #[tokio::main(flavor = "current_thread")] async fn main() -> node_net::Result<()> {
    /// use node_net::{ConnectOptions, ListenOptions, Server, SocketStream};
    /// let server = Server::listen(ListenOptions::port(0).host("127.0.0.1")).await?;
    /// let port = server.address()?.as_inet().unwrap().port;
    /// let s = SocketStream::connect(ConnectOptions { port, host: "127.0.0.1".into(), ..Default::default() });
    /// let connected = std::rc::Rc::new(std::cell::Cell::new(false));
    /// let c = connected.clone();
    /// s.on("connect", move |_| c.set(true)).unwrap();
    /// s.writable().end_with(Some("queued".into()), |_| {}).unwrap();
    /// // The stream's scheduler makes the connection: drive it (the kernel completes the
    /// // handshake before `accept`).
    /// while !connected.get() {
    ///     node_streams::LocalScheduler::current().run_until_stalled();
    ///     tokio::task::yield_now().await;
    /// }
    /// assert_eq!(s.remote_address().unwrap().port, port);
    /// let conn = server.accept().await?;
    /// # let _ = conn;
    /// # Ok(()) }
    /// ```
    pub fn connect(options: ConnectOptions) -> SocketStream {
        let o = DuplexOptions {
            allow_half_open: options.allow_half_open,
            ..Default::default()
        };
        Self::connect_with(options, o)
    }

    /// As [`SocketStream::connect`], with explicit stream options (`allow_half_open` is
    /// taken from `stream_options`).
    ///
    /// # Examples
    /// ```
    /// # #[tokio::main(flavor = "current_thread")] async fn main() {
    /// use node_net::{ConnectOptions, SocketStream};
    /// let s = SocketStream::connect_with(
    ///     ConnectOptions { port: 1, host: "127.0.0.1".into(), ..Default::default() },
    ///     Default::default(),
    /// );
    /// assert!(s.remote_address().is_none()); // not connected (yet)
    /// # }
    /// ```
    pub fn connect_with(
        options: ConnectOptions,
        mut stream_options: DuplexOptions,
    ) -> SocketStream {
        let events = stream_options
            .readable
            .events
            .get_or_insert_with(|| Rc::new(Emitter::new()))
            .clone();
        let state = SocketState::new(None);
        state
            .allow_half_open
            .store(stream_options.allow_half_open, Ordering::Relaxed);
        let read = Rc::new(RefCell::new(None));
        let addrs = Rc::new(RefCell::new(Addrs::default()));
        let source = SocketSource {
            stream: None,
            pending: Some(read.clone()),
            state: state.clone(),
            buf: BytesMut::new(),
        };
        let sink = SocketSink {
            stream: None,
            connecting: Some(Connecting {
                fut: Socket::connect_with(options).boxed_local(),
                read,
                addrs: addrs.clone(),
                events,
            }),
            state: state.clone(),
            offset: 0,
        };
        let duplex = Duplex::new(source, sink, stream_options);
        duplex.readable().read(Some(0));
        SocketStream {
            duplex,
            state,
            addrs,
        }
    }

    /// The stream (also reachable through `Deref`).
    ///
    /// # Examples
    /// ```
    /// # #[tokio::main(flavor = "current_thread")] async fn main() -> node_net::Result<()> {
    /// # let server = node_net::Server::listen(node_net::ListenOptions::port(0).host("127.0.0.1")).await?;
    /// # let port = server.address()?.as_inet().unwrap().port;
    /// let s = node_net::Socket::connect(port, "127.0.0.1").await?.into_duplex();
    /// assert!(!s.duplex().destroyed());
    /// # Ok(()) }
    /// ```
    pub fn duplex(&self) -> &Duplex {
        &self.duplex
    }

    /// `socket.allowHalfOpen`.
    ///
    /// # Examples
    /// ```
    /// # #[tokio::main(flavor = "current_thread")] async fn main() -> node_net::Result<()> {
    /// # let server = node_net::Server::listen(node_net::ListenOptions::port(0).host("127.0.0.1")).await?;
    /// # let port = server.address()?.as_inet().unwrap().port;
    /// let s = node_net::Socket::connect(port, "127.0.0.1").await?;
    /// s.set_allow_half_open(true);
    /// assert!(s.into_duplex().allow_half_open());
    /// # Ok(()) }
    /// ```
    #[doc(alias = "allowHalfOpen")]
    pub fn allow_half_open(&self) -> bool {
        self.state.allow_half_open.load(Ordering::Relaxed)
    }

    /// `socket.bytesRead`.
    ///
    /// # Examples
    /// ```
    /// # #[tokio::main(flavor = "current_thread")] async fn main() -> node_net::Result<()> {
    /// # let server = node_net::Server::listen(node_net::ListenOptions::port(0).host("127.0.0.1")).await?;
    /// # let port = server.address()?.as_inet().unwrap().port;
    /// let s = node_net::Socket::connect(port, "127.0.0.1").await?.into_duplex();
    /// assert_eq!((s.bytes_read(), s.bytes_written()), (0, 0));
    /// # Ok(()) }
    /// ```
    #[doc(alias = "bytesRead")]
    pub fn bytes_read(&self) -> u64 {
        self.state.bytes_read.load(Ordering::Relaxed)
    }

    /// `socket.bytesWritten` (bytes handed to the kernel).
    ///
    /// # Examples
    /// ```
    /// # #[tokio::main(flavor = "current_thread")] async fn main() -> node_net::Result<()> {
    /// # let server = node_net::Server::listen(node_net::ListenOptions::port(0).host("127.0.0.1")).await?;
    /// # let port = server.address()?.as_inet().unwrap().port;
    /// use futures::StreamExt;
    /// let client = node_net::Socket::connect(port, "127.0.0.1").await?.into_duplex();
    /// let conn = server.accept().await?.into_duplex();
    /// client.writable().end_with(Some("hello".into()), |_| {}).unwrap();
    /// let mut body = conn.readable().into_stream();
    /// while body.next().await.is_some() {}
    /// assert_eq!(client.bytes_written(), 5);
    /// assert_eq!(conn.bytes_read(), 5);
    /// # Ok(()) }
    /// ```
    #[doc(alias = "bytesWritten")]
    pub fn bytes_written(&self) -> u64 {
        self.state.bytes_written.load(Ordering::Relaxed)
    }

    /// `socket.address()` (`None` for Unix sockets, and until connected).
    ///
    /// # Examples
    /// ```
    /// # #[tokio::main(flavor = "current_thread")] async fn main() -> node_net::Result<()> {
    /// # let server = node_net::Server::listen(node_net::ListenOptions::port(0).host("127.0.0.1")).await?;
    /// # let port = server.address()?.as_inet().unwrap().port;
    /// let s = node_net::Socket::connect(port, "127.0.0.1").await?.into_duplex();
    /// assert_eq!(s.remote_address().unwrap().port, port);
    /// assert_eq!(s.address().unwrap().address, "127.0.0.1");
    /// # Ok(()) }
    /// ```
    pub fn address(&self) -> Option<AddressInfo> {
        self.addrs.borrow().local.clone()
    }

    /// `socket.remoteAddress`/`remotePort`/`remoteFamily` as one [`AddressInfo`].
    ///
    /// # Examples
    /// ```
    /// # #[tokio::main(flavor = "current_thread")] async fn main() -> node_net::Result<()> {
    /// # let server = node_net::Server::listen(node_net::ListenOptions::port(0).host("127.0.0.1")).await?;
    /// # let port = server.address()?.as_inet().unwrap().port;
    /// let s = node_net::Socket::connect(port, "127.0.0.1").await?.into_duplex();
    /// let remote = s.remote_address().unwrap();
    /// assert_eq!((remote.address.as_str(), remote.family, remote.port), ("127.0.0.1", "IPv4", port));
    /// # Ok(()) }
    /// ```
    #[doc(alias = "remoteAddress")]
    pub fn remote_address(&self) -> Option<AddressInfo> {
        self.addrs.borrow().remote.clone()
    }
}
