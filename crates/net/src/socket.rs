//! [`Socket`]: Node's `net.Socket` over a TCP or Unix stream.

use std::io;
use std::net::SocketAddr;
use std::os::fd::OwnedFd;
use std::pin::Pin;
use std::sync::atomic::Ordering;
use std::sync::Arc;
use std::task::{Context, Poll};
use std::time::Duration;

use tokio::io::{AsyncRead, AsyncWrite, AsyncWriteExt, ReadBuf};
use tokio::net::{TcpStream, UnixStream};

use crate::address::AddressInfo;
use crate::errors::{Error, Result};
use crate::state::SocketState;
use crate::stream::{reunite, ReadStream, Stream, WriteStream};

/// A connected TCP or Unix-domain socket: Node's
/// [`net.Socket`](https://nodejs.org/api/net.html#class-netsocket).
///
/// It implements tokio's `AsyncRead`/`AsyncWrite`; `poll_shutdown` is Node's `end()`
/// (half-close of the write side).
///
/// # Examples
/// ```
/// # #[tokio::main(flavor = "current_thread")] async fn main() -> node_net::Result<()> {
/// use node_net::{ListenOptions, Server, Socket};
/// let server = Server::listen(ListenOptions::port(0).host("127.0.0.1")).await?;
/// let port = server.address()?.as_inet().unwrap().port;
/// let client = Socket::connect(port, "127.0.0.1").await?;
/// let accepted = server.accept().await?;
/// assert_eq!(client.remote_port(), Some(port));
/// assert_eq!(accepted.local_port(), Some(port));
/// # Ok(()) }
/// ```
#[derive(Debug)]
pub struct Socket {
    stream: Stream,
    state: Arc<SocketState>,
}

/// The read half of a [`Socket`], from [`Socket::into_split`].
///
/// # Examples
/// ```
/// # #[tokio::main(flavor = "current_thread")] async fn main() -> node_net::Result<()> {
/// # let server = node_net::Server::listen(node_net::ListenOptions::port(0).host("127.0.0.1")).await?;
/// # let port = server.address()?.as_inet().unwrap().port;
/// let (r, w) = node_net::Socket::connect(port, "127.0.0.1").await?.into_split();
/// let socket = r.reunite(w).unwrap();
/// # drop(socket); Ok(()) }
/// ```
#[derive(Debug)]
pub struct SocketReadHalf {
    stream: ReadStream,
    state: Arc<SocketState>,
}

/// The write half of a [`Socket`], from [`Socket::into_split`].
///
/// # Examples
/// ```
/// # #[tokio::main(flavor = "current_thread")] async fn main() -> node_net::Result<()> {
/// # let server = node_net::Server::listen(node_net::ListenOptions::port(0).host("127.0.0.1")).await?;
/// # let port = server.address()?.as_inet().unwrap().port;
/// use tokio::io::AsyncWriteExt;
/// let (_r, mut w) = node_net::Socket::connect(port, "127.0.0.1").await?.into_split();
/// w.write_all(b"hi").await.unwrap();
/// assert_eq!(w.bytes_written(), 2);
/// # Ok(()) }
/// ```
#[derive(Debug)]
pub struct SocketWriteHalf {
    stream: WriteStream,
    state: Arc<SocketState>,
}

/// Options of [`Socket::connect_with`]: Node's `net.connect(options)`.
///
/// # Examples
/// ```
/// let opts = node_net::ConnectOptions { port: 80, ..Default::default() };
/// assert_eq!(opts.host, "localhost");
/// ```
#[derive(Debug, Clone)]
pub struct ConnectOptions {
    /// TCP port.
    pub port: u16,
    /// Host name or IP (default `"localhost"`).
    pub host: String,
    /// Unix socket path; when set, `host`/`port` are ignored.
    pub path: Option<std::path::PathBuf>,
    /// Set `TCP_NODELAY` (Node's `noDelay`).
    pub no_delay: bool,
    /// Enable keep-alive with this initial delay (Node's `keepAlive`/`keepAliveInitialDelay`).
    pub keep_alive: Option<Duration>,
    /// Keep the write side open after the peer ends (Node's `allowHalfOpen`).
    pub allow_half_open: bool,
    /// Idle timeout (Node's `timeout`).
    pub timeout: Option<Duration>,
}

impl Default for ConnectOptions {
    fn default() -> Self {
        ConnectOptions {
            port: 0,
            host: "localhost".into(),
            path: None,
            no_delay: false,
            keep_alive: None,
            allow_half_open: false,
            timeout: None,
        }
    }
}

/// Resolves `host` like Node's `dns.lookup` with all results (IP literals pass through).
pub(crate) async fn resolve(host: &str, port: u16) -> Result<Vec<SocketAddr>> {
    if let Ok(ip) = host.parse::<std::net::IpAddr>() {
        return Ok(vec![SocketAddr::new(ip, port)]);
    }
    match tokio::net::lookup_host((host, port)).await {
        Ok(addrs) => {
            let addrs: Vec<_> = addrs.collect();
            if addrs.is_empty() {
                return Err(dns_not_found(host));
            }
            Ok(addrs)
        }
        Err(_) => Err(dns_not_found(host)),
    }
}

fn dns_not_found(host: &str) -> Error {
    Error::Node(node_core::NodeError::new(
        node_core::ErrorClass::Error,
        "ENOTFOUND",
        format!("getaddrinfo ENOTFOUND {host}"),
    ))
}

impl Socket {
    pub(crate) fn new(stream: Stream, state: Arc<SocketState>) -> Self {
        Socket { stream, state }
    }

    /// Connects to `host:port`: Node's
    /// [`net.createConnection(port, host)`](https://nodejs.org/api/net.html#netcreateconnectionport-host-connectlistener).
    ///
    /// # Errors
    /// `ECONNREFUSED` and other system errors with `address`/`port` set, as Node's
    /// `connect ECONNREFUSED 127.0.0.1:1`; `ENOTFOUND` when the host does not resolve.
    ///
    /// # Examples
    /// ```
    /// # #[tokio::main(flavor = "current_thread")] async fn main() {
    /// let err = node_net::Socket::connect(1, "127.0.0.1").await.unwrap_err();
    /// assert_eq!(err.code(), "ECONNREFUSED");
    /// # }
    /// ```
    #[doc(alias = "createConnection")]
    pub async fn connect(port: u16, host: &str) -> Result<Socket> {
        Self::connect_with(ConnectOptions {
            port,
            host: host.into(),
            ..Default::default()
        })
        .await
    }

    /// Connects with full options: Node's
    /// [`net.connect(options)`](https://nodejs.org/api/net.html#netconnectoptions-connectlistener).
    ///
    /// # Errors
    /// As [`Socket::connect`]; `ENOENT`/`ECONNREFUSED` with the path for Unix sockets.
    ///
    /// # Examples
    /// ```
    /// # #[tokio::main(flavor = "current_thread")] async fn main() {
    /// let opts = node_net::ConnectOptions { path: Some("/nonexistent.sock".into()), ..Default::default() };
    /// let err = node_net::Socket::connect_with(opts).await.unwrap_err();
    /// assert_eq!(err.code(), "ENOENT");
    /// # }
    /// ```
    pub async fn connect_with(opts: ConnectOptions) -> Result<Socket> {
        let stream = if let Some(path) = &opts.path {
            match UnixStream::connect(path).await {
                Ok(s) => Stream::Unix(s),
                Err(e) => {
                    let errno = crate::errors::errno_of(&e);
                    let shown = path.to_string_lossy();
                    return Err(crate::SystemError::connect(errno, &shown, None).into());
                }
            }
        } else {
            let mut last = None;
            let mut found = None;
            for addr in resolve(&opts.host, opts.port).await? {
                match TcpStream::connect(addr).await {
                    Ok(s) => {
                        found = Some(s);
                        break;
                    }
                    Err(e) => {
                        let errno = crate::errors::errno_of(&e);
                        last = Some(crate::SystemError::connect(
                            errno,
                            &addr.ip().to_string(),
                            Some(addr.port()),
                        ));
                    }
                }
            }
            match (found, last) {
                (Some(s), _) => Stream::Tcp(s),
                (None, Some(e)) => return Err(e.into()),
                (None, None) => return Err(dns_not_found(&opts.host)),
            }
        };
        let socket = Socket::new(stream, SocketState::new(None));
        if opts.no_delay {
            socket.set_no_delay(true)?;
        }
        if let Some(delay) = opts.keep_alive {
            socket.set_keep_alive(true, delay)?;
        }
        socket.set_allow_half_open(opts.allow_half_open);
        socket.set_timeout(opts.timeout);
        Ok(socket)
    }

    /// Wraps an already-connected TCP stream (e.g. one accepted elsewhere).
    ///
    /// # Errors
    /// `EINVAL`-style errors when the stream cannot be registered with tokio.
    ///
    /// # Examples
    /// ```
    /// # #[tokio::main(flavor = "current_thread")] async fn main() -> node_net::Result<()> {
    /// let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    /// let c = std::net::TcpStream::connect(l.local_addr().unwrap()).unwrap();
    /// let s = node_net::Socket::from_std_tcp(c)?;
    /// assert_eq!(s.remote_family(), Some("IPv4"));
    /// # Ok(()) }
    /// ```
    pub fn from_std_tcp(stream: std::net::TcpStream) -> Result<Socket> {
        stream
            .set_nonblocking(true)
            .map_err(|e| Error::io(&e, "open"))?;
        let s = TcpStream::from_std(stream).map_err(|e| Error::io(&e, "open"))?;
        Ok(Socket::new(Stream::Tcp(s), SocketState::new(None)))
    }

    /// Wraps an already-accepted socket fd, TCP or Unix (what cluster hands to a worker):
    /// Node's `new net.Socket({ fd })`.
    ///
    /// # Errors
    /// `ENOTSOCK` if `fd` is not a stream socket, or system errors from `getsockname`.
    ///
    /// # Examples
    /// ```
    /// # #[tokio::main(flavor = "current_thread")] async fn main() -> node_net::Result<()> {
    /// let (a, _b) = std::os::unix::net::UnixStream::pair().unwrap();
    /// let s = node_net::Socket::from_fd(a.into())?;
    /// assert_eq!(s.remote_port(), None);
    /// # Ok(()) }
    /// ```
    pub fn from_fd(fd: OwnedFd) -> Result<Socket> {
        let sock = socket2::Socket::from(fd);
        let addr = sock.local_addr().map_err(|e| Error::io(&e, "open"))?;
        sock.set_nonblocking(true)
            .map_err(|e| Error::io(&e, "open"))?;
        let stream = if addr.is_unix() {
            let std: std::os::unix::net::UnixStream = sock.into();
            Stream::Unix(UnixStream::from_std(std).map_err(|e| Error::io(&e, "open"))?)
        } else if addr.is_ipv4() || addr.is_ipv6() {
            let std: std::net::TcpStream = sock.into();
            Stream::Tcp(TcpStream::from_std(std).map_err(|e| Error::io(&e, "open"))?)
        } else {
            return Err(Error::System(crate::SystemError::plain(
                libc::ENOTSOCK,
                "open",
            )));
        };
        Ok(Socket::new(stream, SocketState::new(None)))
    }

    /// Splits into owned read and write halves (no locking between them).
    ///
    /// # Examples
    /// See [`SocketReadHalf`].
    pub fn into_split(self) -> (SocketReadHalf, SocketWriteHalf) {
        let (r, w) = self.stream.split();
        (
            SocketReadHalf {
                stream: r,
                state: self.state.clone(),
            },
            SocketWriteHalf {
                stream: w,
                state: self.state,
            },
        )
    }

    /// `socket.address()`: the local endpoint (`None` for Unix sockets).
    ///
    /// # Examples
    /// See [`Socket`].
    pub fn address(&self) -> Option<AddressInfo> {
        match &self.stream {
            Stream::Tcp(s) => s.local_addr().ok().map(AddressInfo::from),
            Stream::Unix(_) => None,
        }
    }

    fn peer(&self) -> Option<SocketAddr> {
        match &self.stream {
            Stream::Tcp(s) => s.peer_addr().ok(),
            Stream::Unix(_) => None,
        }
    }

    /// `socket.remoteAddress`.
    ///
    /// # Examples
    /// See [`Socket`].
    #[doc(alias = "remoteAddress")]
    pub fn remote_address(&self) -> Option<String> {
        self.peer().map(|a| a.ip().to_string())
    }

    /// `socket.remotePort`.
    ///
    /// # Examples
    /// See [`Socket`].
    #[doc(alias = "remotePort")]
    pub fn remote_port(&self) -> Option<u16> {
        self.peer().map(|a| a.port())
    }

    /// `socket.remoteFamily` (`"IPv4"`/`"IPv6"`).
    ///
    /// # Examples
    /// See [`Socket::from_std_tcp`].
    #[doc(alias = "remoteFamily")]
    pub fn remote_family(&self) -> Option<&'static str> {
        self.peer()
            .map(|a| if a.is_ipv4() { "IPv4" } else { "IPv6" })
    }

    /// `socket.localAddress`.
    ///
    /// # Examples
    /// See [`Socket`].
    #[doc(alias = "localAddress")]
    pub fn local_address(&self) -> Option<String> {
        self.address().map(|a| a.address)
    }

    /// `socket.localPort`.
    ///
    /// # Examples
    /// See [`Socket`].
    #[doc(alias = "localPort")]
    pub fn local_port(&self) -> Option<u16> {
        self.address().map(|a| a.port)
    }

    /// `socket.setNoDelay(noDelay)`.
    ///
    /// # Errors
    /// System errors from `setsockopt` (no-op success on Unix sockets, as in Node).
    ///
    /// # Examples
    /// ```
    /// # #[tokio::main(flavor = "current_thread")] async fn main() -> node_net::Result<()> {
    /// # let server = node_net::Server::listen(node_net::ListenOptions::port(0).host("127.0.0.1")).await?;
    /// # let port = server.address()?.as_inet().unwrap().port;
    /// let s = node_net::Socket::connect(port, "127.0.0.1").await?;
    /// s.set_no_delay(true)?;
    /// s.set_keep_alive(true, std::time::Duration::from_secs(1))?;
    /// # Ok(()) }
    /// ```
    #[doc(alias = "setNoDelay")]
    pub fn set_no_delay(&self, no_delay: bool) -> Result<()> {
        match &self.stream {
            Stream::Tcp(s) => s
                .set_nodelay(no_delay)
                .map_err(|e| Error::io(&e, "setNoDelay")),
            Stream::Unix(_) => Ok(()),
        }
    }

    /// `socket.setKeepAlive(enable, initialDelay)`.
    ///
    /// # Errors
    /// System errors from `setsockopt`.
    ///
    /// # Examples
    /// See [`Socket::set_no_delay`].
    #[doc(alias = "setKeepAlive")]
    pub fn set_keep_alive(&self, enable: bool, initial_delay: Duration) -> Result<()> {
        if matches!(self.stream, Stream::Unix(_)) {
            return Ok(());
        }
        let sock = self.stream.sock_ref();
        let res = if enable {
            let delay = initial_delay.max(Duration::from_secs(1));
            sock.set_tcp_keepalive(&socket2::TcpKeepalive::new().with_time(delay))
        } else {
            sock.set_keepalive(false)
        };
        res.map_err(|e| Error::io(&e, "setKeepAlive"))
    }

    /// `socket.setTimeout(ms)`: arms (or with `None` disarms) the idle timeout that
    /// [`Socket::timed_out`] waits for.
    ///
    /// # Examples
    /// ```
    /// # #[tokio::main(flavor = "current_thread")] async fn main() -> node_net::Result<()> {
    /// # let server = node_net::Server::listen(node_net::ListenOptions::port(0).host("127.0.0.1")).await?;
    /// # let port = server.address()?.as_inet().unwrap().port;
    /// let s = node_net::Socket::connect(port, "127.0.0.1").await?;
    /// s.set_timeout(Some(std::time::Duration::from_millis(10)));
    /// s.timed_out().await; // Node's 'timeout' event
    /// assert_eq!(s.timeout(), Some(std::time::Duration::from_millis(10)));
    /// # Ok(()) }
    /// ```
    #[doc(alias = "setTimeout")]
    pub fn set_timeout(&self, timeout: Option<Duration>) {
        self.state.set_timeout(timeout);
    }

    /// `socket.timeout`: the idle timeout, if armed.
    ///
    /// # Examples
    /// See [`Socket::set_timeout`].
    pub fn timeout(&self) -> Option<Duration> {
        self.state.timeout()
    }

    /// Resolves when the socket has been idle for its timeout (Node's `'timeout'` event);
    /// never resolves without one. Like Node, the socket stays open.
    ///
    /// # Examples
    /// See [`Socket::set_timeout`].
    pub async fn timed_out(&self) {
        self.state.idle().await;
    }

    /// `allowHalfOpen`: when false (Node's default), the write side ends as soon as the
    /// peer's end is read.
    ///
    /// # Examples
    /// See [`Socket::allow_half_open`].
    pub fn set_allow_half_open(&self, allow: bool) {
        self.state.allow_half_open.store(allow, Ordering::Relaxed);
    }

    /// Whether the socket stays writable after the peer ends.
    ///
    /// # Examples
    /// ```
    /// # #[tokio::main(flavor = "current_thread")] async fn main() -> node_net::Result<()> {
    /// # let server = node_net::Server::listen(node_net::ListenOptions::port(0).host("127.0.0.1")).await?;
    /// # let port = server.address()?.as_inet().unwrap().port;
    /// let s = node_net::Socket::connect(port, "127.0.0.1").await?;
    /// assert!(!s.allow_half_open());
    /// s.set_allow_half_open(true);
    /// assert!(s.allow_half_open());
    /// # Ok(()) }
    /// ```
    pub fn allow_half_open(&self) -> bool {
        self.state.allow_half_open.load(Ordering::Relaxed)
    }

    /// `socket.end()`: flushes and shuts down the write side (half-close).
    ///
    /// # Errors
    /// System errors from `shutdown`.
    ///
    /// # Examples
    /// ```
    /// # #[tokio::main(flavor = "current_thread")] async fn main() -> node_net::Result<()> {
    /// # let server = node_net::Server::listen(node_net::ListenOptions::port(0).host("127.0.0.1")).await?;
    /// # let port = server.address()?.as_inet().unwrap().port;
    /// let mut s = node_net::Socket::connect(port, "127.0.0.1").await?;
    /// s.end().await?;
    /// # Ok(()) }
    /// ```
    pub async fn end(&mut self) -> Result<()> {
        self.shutdown().await.map_err(|e| Error::io(&e, "shutdown"))
    }

    /// `socket.destroy()`: closes both directions at once.
    ///
    /// # Examples
    /// ```
    /// # #[tokio::main(flavor = "current_thread")] async fn main() -> node_net::Result<()> {
    /// # let server = node_net::Server::listen(node_net::ListenOptions::port(0).host("127.0.0.1")).await?;
    /// # let port = server.address()?.as_inet().unwrap().port;
    /// node_net::Socket::connect(port, "127.0.0.1").await?.destroy();
    /// # Ok(()) }
    /// ```
    pub fn destroy(self) {
        drop(self);
    }

    /// `socket.ref()`: the runtime keeps its loop alive for this socket.
    ///
    /// # Examples
    /// ```
    /// # #[tokio::main(flavor = "current_thread")] async fn main() -> node_net::Result<()> {
    /// # let server = node_net::Server::listen(node_net::ListenOptions::port(0).host("127.0.0.1")).await?;
    /// # let port = server.address()?.as_inet().unwrap().port;
    /// let s = node_net::Socket::connect(port, "127.0.0.1").await?;
    /// s.unref();
    /// assert!(!s.has_ref());
    /// s.ref_();
    /// assert!(s.has_ref());
    /// # Ok(()) }
    /// ```
    pub fn ref_(&self) {
        self.state.refed.store(true, Ordering::Relaxed);
    }

    /// `socket.unref()`.
    ///
    /// # Examples
    /// See [`Socket::ref_`].
    pub fn unref(&self) {
        self.state.refed.store(false, Ordering::Relaxed);
    }

    /// Whether the socket is ref'd (the state `ref`/`unref` set).
    ///
    /// # Examples
    /// See [`Socket::ref_`].
    pub fn has_ref(&self) -> bool {
        self.state.refed.load(Ordering::Relaxed)
    }

    /// `socket.bytesRead`.
    ///
    /// # Examples
    /// See [`SocketWriteHalf`].
    #[doc(alias = "bytesRead")]
    pub fn bytes_read(&self) -> u64 {
        self.state.bytes_read.load(Ordering::Relaxed)
    }

    /// `socket.bytesWritten`.
    ///
    /// # Examples
    /// See [`SocketWriteHalf`].
    #[doc(alias = "bytesWritten")]
    pub fn bytes_written(&self) -> u64 {
        self.state.bytes_written.load(Ordering::Relaxed)
    }
}

impl SocketReadHalf {
    /// Joins the halves back into a [`Socket`]; gives them back if they do not match.
    ///
    /// # Errors
    /// Returns both halves when they come from different sockets.
    ///
    /// # Examples
    /// See [`SocketReadHalf`].
    pub fn reunite(
        self,
        w: SocketWriteHalf,
    ) -> std::result::Result<Socket, (SocketReadHalf, SocketWriteHalf)> {
        if !Arc::ptr_eq(&self.state, &w.state) {
            return Err((self, w));
        }
        let state = self.state;
        match reunite(self.stream, w.stream) {
            Some(stream) => Ok(Socket { stream, state }),
            None => unreachable_halves(),
        }
    }

    /// `socket.bytesRead`.
    ///
    /// # Examples
    /// See [`SocketWriteHalf`].
    pub fn bytes_read(&self) -> u64 {
        self.state.bytes_read.load(Ordering::Relaxed)
    }

    /// Resolves on the socket's idle timeout (see [`Socket::timed_out`]).
    ///
    /// # Examples
    /// See [`Socket::set_timeout`].
    pub async fn timed_out(&self) {
        self.state.idle().await;
    }

    /// Arms or disarms the idle timeout (see [`Socket::set_timeout`]).
    ///
    /// # Examples
    /// See [`Socket::set_timeout`].
    pub fn set_timeout(&self, timeout: Option<Duration>) {
        self.state.set_timeout(timeout);
    }
}

// Halves sharing one state always come from one stream.
fn unreachable_halves() -> ! {
    unreachable!("socket halves with a shared state come from one stream")
}

impl SocketWriteHalf {
    /// `socket.bytesWritten`.
    ///
    /// # Examples
    /// See [`SocketWriteHalf`].
    pub fn bytes_written(&self) -> u64 {
        self.state.bytes_written.load(Ordering::Relaxed)
    }

    /// `socket.setNoDelay` on the write half.
    ///
    /// # Errors
    /// System errors from `setsockopt`.
    ///
    /// # Examples
    /// ```
    /// # #[tokio::main(flavor = "current_thread")] async fn main() -> node_net::Result<()> {
    /// # let server = node_net::Server::listen(node_net::ListenOptions::port(0).host("127.0.0.1")).await?;
    /// # let port = server.address()?.as_inet().unwrap().port;
    /// let (_r, w) = node_net::Socket::connect(port, "127.0.0.1").await?.into_split();
    /// w.set_no_delay(true)?;
    /// # Ok(()) }
    /// ```
    pub fn set_no_delay(&self, no_delay: bool) -> Result<()> {
        match &self.stream {
            WriteStream::Tcp(_) => self
                .stream
                .sock_ref()
                .set_tcp_nodelay(no_delay)
                .map_err(|e| Error::io(&e, "setNoDelay")),
            WriteStream::Unix(_) => Ok(()),
        }
    }
}

fn poll_read_counted<R: AsyncRead + Unpin>(
    r: &mut R,
    state: &SocketState,
    cx: &mut Context<'_>,
    buf: &mut ReadBuf<'_>,
) -> Poll<io::Result<usize>> {
    let before = buf.filled().len();
    match Pin::new(r).poll_read(cx, buf) {
        Poll::Ready(Ok(())) => {
            let n = buf.filled().len() - before;
            state.read(n);
            Poll::Ready(Ok(n))
        }
        Poll::Ready(Err(e)) => Poll::Ready(Err(e)),
        Poll::Pending => Poll::Pending,
    }
}

impl AsyncRead for Socket {
    fn poll_read(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<io::Result<()>> {
        let this = self.get_mut();
        match poll_read_counted(&mut this.stream, &this.state, cx, buf) {
            Poll::Ready(Ok(0)) if buf.remaining() > 0 => {
                // Node ends the writable side when the peer ends unless allowHalfOpen.
                if !this.state.allow_half_open.load(Ordering::Relaxed) {
                    let _ = this.stream.sock_ref().shutdown(std::net::Shutdown::Write);
                }
                Poll::Ready(Ok(()))
            }
            Poll::Ready(r) => Poll::Ready(r.map(|_| ())),
            Poll::Pending => Poll::Pending,
        }
    }
}

impl AsyncRead for SocketReadHalf {
    fn poll_read(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<io::Result<()>> {
        let this = self.get_mut();
        poll_read_counted(&mut this.stream, &this.state, cx, buf).map(|r| r.map(|_| ()))
    }
}

fn count_write(state: &SocketState, r: Poll<io::Result<usize>>) -> Poll<io::Result<usize>> {
    if let Poll::Ready(Ok(n)) = &r {
        state.wrote(*n);
    }
    r
}

macro_rules! counted_write {
    ($ty:ident) => {
        impl AsyncWrite for $ty {
            fn poll_write(
                self: Pin<&mut Self>,
                cx: &mut Context<'_>,
                buf: &[u8],
            ) -> Poll<io::Result<usize>> {
                let this = self.get_mut();
                count_write(&this.state, Pin::new(&mut this.stream).poll_write(cx, buf))
            }
            fn poll_write_vectored(
                self: Pin<&mut Self>,
                cx: &mut Context<'_>,
                bufs: &[io::IoSlice<'_>],
            ) -> Poll<io::Result<usize>> {
                let this = self.get_mut();
                count_write(
                    &this.state,
                    Pin::new(&mut this.stream).poll_write_vectored(cx, bufs),
                )
            }
            fn is_write_vectored(&self) -> bool {
                true
            }
            fn poll_flush(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
                Pin::new(&mut self.get_mut().stream).poll_flush(cx)
            }
            fn poll_shutdown(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
                Pin::new(&mut self.get_mut().stream).poll_shutdown(cx)
            }
        }
    };
}

counted_write!(Socket);
counted_write!(SocketWriteHalf);

/// A second handle on a socket, for whoever supervises it while another task reads and
/// writes (an HTTP server closing idle connections, a timeout watchdog).
///
/// # Examples
/// ```
/// # #[tokio::main(flavor = "current_thread")] async fn main() -> node_net::Result<()> {
/// # let server = node_net::Server::listen(node_net::ListenOptions::port(0).host("127.0.0.1")).await?;
/// # let port = server.address()?.as_inet().unwrap().port;
/// use tokio::io::AsyncReadExt;
/// let mut s = node_net::Socket::connect(port, "127.0.0.1").await?;
/// let handle = s.handle()?;
/// handle.destroy();
/// let mut buf = [0u8; 1];
/// assert_eq!(s.read(&mut buf).await.unwrap_or(0), 0);
/// # Ok(()) }
/// ```
#[derive(Debug)]
pub struct SocketHandle {
    sock: socket2::Socket,
    state: Arc<SocketState>,
}

impl Socket {
    /// A [`SocketHandle`] on this socket.
    ///
    /// # Errors
    /// System errors from `dup` (`EMFILE`).
    ///
    /// # Examples
    /// See [`SocketHandle`].
    pub fn handle(&self) -> Result<SocketHandle> {
        let sock = self
            .stream
            .sock_ref()
            .try_clone()
            .map_err(|e| Error::io(&e, "dup"))?;
        Ok(SocketHandle {
            sock,
            state: self.state.clone(),
        })
    }
}

impl SocketHandle {
    /// Shuts the socket down in both directions: pending reads see EOF and writes fail,
    /// as after Node's `socket.destroy()`.
    ///
    /// # Examples
    /// See [`SocketHandle`].
    pub fn destroy(&self) {
        let _ = self.sock.shutdown(std::net::Shutdown::Both);
    }

    /// Resolves on the socket's idle timeout (see [`Socket::timed_out`]).
    ///
    /// # Examples
    /// See [`Socket::set_timeout`].
    pub async fn timed_out(&self) {
        self.state.idle().await;
    }

    /// Arms or disarms the idle timeout (see [`Socket::set_timeout`]).
    ///
    /// # Examples
    /// See [`Socket::set_timeout`].
    pub fn set_timeout(&self, timeout: Option<Duration>) {
        self.state.set_timeout(timeout);
    }

    /// `socket.bytesWritten`.
    ///
    /// # Examples
    /// See [`SocketWriteHalf`].
    pub fn bytes_written(&self) -> u64 {
        self.state.bytes_written.load(Ordering::Relaxed)
    }

    /// `socket.bytesRead`.
    ///
    /// # Examples
    /// See [`SocketWriteHalf`].
    pub fn bytes_read(&self) -> u64 {
        self.state.bytes_read.load(Ordering::Relaxed)
    }

    /// `socket.remoteAddress`.
    ///
    /// # Examples
    /// See [`Socket`].
    pub fn remote_address(&self) -> Option<String> {
        self.sock
            .peer_addr()
            .ok()
            .and_then(|a| a.as_socket())
            .map(|a| a.ip().to_string())
    }

    /// `socket.remotePort`.
    ///
    /// # Examples
    /// See [`Socket`].
    pub fn remote_port(&self) -> Option<u16> {
        self.sock
            .peer_addr()
            .ok()
            .and_then(|a| a.as_socket())
            .map(|a| a.port())
    }
}
