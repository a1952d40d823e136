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
use crate::halves::{count_write, counted_write, poll_read_counted};
use crate::state::SocketState;
use crate::stream::Stream;
use crate::{SocketReadHalf, SocketWriteHalf};

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
    pub(crate) stream: Stream,
    pub(crate) state: Arc<SocketState>,
}

impl Socket {
    pub(crate) fn new(stream: Stream, state: Arc<SocketState>) -> Self {
        Socket { stream, state }
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
        Ok(Socket::new(stream_from_fd(fd)?, SocketState::new(None)))
    }

    /// Gives up the socket's descriptor, to pass it to another process (what a cluster
    /// primary does with each connection in round-robin mode). The descriptor is put
    /// back in blocking mode, as a freshly accepted socket is.
    ///
    /// # Errors
    /// System errors from `fcntl`.
    ///
    /// # Examples
    /// ```
    /// # #[tokio::main(flavor = "current_thread")] async fn main() -> node_net::Result<()> {
    /// let (a, _b) = std::os::unix::net::UnixStream::pair().unwrap();
    /// let s = node_net::Socket::from_fd(a.into())?;
    /// let fd = s.into_fd()?;
    /// assert!(node_net::Socket::from_fd(fd).is_ok());
    /// # Ok(()) }
    /// ```
    pub fn into_fd(self) -> Result<OwnedFd> {
        let fd: OwnedFd = match self.stream {
            Stream::Tcp(s) => s.into_std().map_err(|e| Error::io(&e, "open"))?.into(),
            Stream::Unix(s) => s.into_std().map_err(|e| Error::io(&e, "open"))?.into(),
            // The session state lives in this process; the descriptor alone would hand
            // over ciphertext mid-stream.
            Stream::Tls(_) => {
                return Err(Error::Node(node_core::NodeError::not_implemented(
                    "passing a TLS socket's descriptor",
                )))
            }
        };
        socket2::SockRef::from(&fd)
            .set_nonblocking(false)
            .map_err(|e| Error::io(&e, "open"))?;
        Ok(fd)
    }

    /// Splits into owned read and write halves (no locking between them).
    ///
    /// # Examples
    /// ```
    /// # #[tokio::main(flavor = "current_thread")] async fn main() -> node_net::Result<()> {
    /// # let server = node_net::Server::listen(node_net::ListenOptions::port(0).host("127.0.0.1")).await?;
    /// # let port = server.address()?.as_inet().unwrap().port;
    /// let (r, w) = node_net::Socket::connect(port, "127.0.0.1").await?.into_split();
    /// assert_eq!((r.bytes_read(), w.bytes_written()), (0, 0));
    /// # Ok(()) }
    /// ```
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
    /// ```
    /// # #[tokio::main(flavor = "current_thread")] async fn main() -> node_net::Result<()> {
    /// # let server = node_net::Server::listen(node_net::ListenOptions::port(0).host("127.0.0.1")).await?;
    /// # let port = server.address()?.as_inet().unwrap().port;
    /// let s = node_net::Socket::connect(port, "127.0.0.1").await?;
    /// let local = s.address().unwrap();
    /// assert_eq!((local.address.as_str(), local.family), ("127.0.0.1", "IPv4"));
    /// # Ok(()) }
    /// ```
    pub fn address(&self) -> Option<AddressInfo> {
        self.stream
            .tcp()
            .and_then(|s| s.local_addr().ok())
            .map(AddressInfo::from)
    }

    pub(crate) fn peer(&self) -> Option<SocketAddr> {
        self.stream.tcp().and_then(|s| s.peer_addr().ok())
    }

    /// `socket.remoteAddress`.
    ///
    /// # Examples
    /// ```
    /// # #[tokio::main(flavor = "current_thread")] async fn main() -> node_net::Result<()> {
    /// # let server = node_net::Server::listen(node_net::ListenOptions::port(0).host("127.0.0.1")).await?;
    /// # let port = server.address()?.as_inet().unwrap().port;
    /// let s = node_net::Socket::connect(port, "127.0.0.1").await?;
    /// assert_eq!(s.remote_address().as_deref(), Some("127.0.0.1"));
    /// # Ok(()) }
    /// ```
    #[doc(alias = "remoteAddress")]
    pub fn remote_address(&self) -> Option<String> {
        self.peer().map(|a| a.ip().to_string())
    }

    /// `socket.remotePort`.
    ///
    /// # Examples
    /// ```
    /// # #[tokio::main(flavor = "current_thread")] async fn main() -> node_net::Result<()> {
    /// # let server = node_net::Server::listen(node_net::ListenOptions::port(0).host("127.0.0.1")).await?;
    /// # let port = server.address()?.as_inet().unwrap().port;
    /// let s = node_net::Socket::connect(port, "127.0.0.1").await?;
    /// assert_eq!(s.remote_port(), Some(port));
    /// # Ok(()) }
    /// ```
    #[doc(alias = "remotePort")]
    pub fn remote_port(&self) -> Option<u16> {
        self.peer().map(|a| a.port())
    }

    /// `socket.remoteFamily` (`"IPv4"`/`"IPv6"`).
    ///
    /// # Examples
    /// ```
    /// # #[tokio::main(flavor = "current_thread")] async fn main() -> node_net::Result<()> {
    /// # let server = node_net::Server::listen(node_net::ListenOptions::port(0).host("127.0.0.1")).await?;
    /// # let port = server.address()?.as_inet().unwrap().port;
    /// let s = node_net::Socket::connect(port, "127.0.0.1").await?;
    /// assert_eq!(s.remote_family(), Some("IPv4"));
    /// # Ok(()) }
    /// ```
    #[doc(alias = "remoteFamily")]
    pub fn remote_family(&self) -> Option<&'static str> {
        self.peer()
            .map(|a| if a.is_ipv4() { "IPv4" } else { "IPv6" })
    }

    /// `socket.localAddress`.
    ///
    /// # Examples
    /// ```
    /// # #[tokio::main(flavor = "current_thread")] async fn main() -> node_net::Result<()> {
    /// # let server = node_net::Server::listen(node_net::ListenOptions::port(0).host("127.0.0.1")).await?;
    /// # let port = server.address()?.as_inet().unwrap().port;
    /// let s = node_net::Socket::connect(port, "127.0.0.1").await?;
    /// assert_eq!(s.local_address().as_deref(), Some("127.0.0.1"));
    /// # Ok(()) }
    /// ```
    #[doc(alias = "localAddress")]
    pub fn local_address(&self) -> Option<String> {
        self.address().map(|a| a.address)
    }

    /// `socket.localPort`.
    ///
    /// # Examples
    /// ```
    /// # #[tokio::main(flavor = "current_thread")] async fn main() -> node_net::Result<()> {
    /// # let server = node_net::Server::listen(node_net::ListenOptions::port(0).host("127.0.0.1")).await?;
    /// # let port = server.address()?.as_inet().unwrap().port;
    /// let client = node_net::Socket::connect(port, "127.0.0.1").await?;
    /// let accepted = server.accept().await?;
    /// assert_eq!(accepted.local_port(), Some(port));
    /// assert_eq!(client.local_port(), accepted.remote_port());
    /// # Ok(()) }
    /// ```
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
        match self.stream.tcp() {
            Some(s) => s
                .set_nodelay(no_delay)
                .map_err(|e| Error::io(&e, "setNoDelay")),
            None => Ok(()),
        }
    }

    /// `socket.setKeepAlive(enable, initialDelay)`.
    ///
    /// # Errors
    /// System errors from `setsockopt`.
    ///
    /// # Examples
    /// ```
    /// # #[tokio::main(flavor = "current_thread")] async fn main() -> node_net::Result<()> {
    /// # let server = node_net::Server::listen(node_net::ListenOptions::port(0).host("127.0.0.1")).await?;
    /// # let port = server.address()?.as_inet().unwrap().port;
    /// let s = node_net::Socket::connect(port, "127.0.0.1").await?;
    /// s.set_keep_alive(true, std::time::Duration::from_secs(60))?;
    /// s.set_keep_alive(false, std::time::Duration::ZERO)?;
    /// # Ok(()) }
    /// ```
    #[doc(alias = "setKeepAlive")]
    pub fn set_keep_alive(&self, enable: bool, initial_delay: Duration) -> Result<()> {
        if self.stream.is_unix() {
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
    /// ```
    /// # #[tokio::main(flavor = "current_thread")] async fn main() -> node_net::Result<()> {
    /// # let server = node_net::Server::listen(node_net::ListenOptions::port(0).host("127.0.0.1")).await?;
    /// # let port = server.address()?.as_inet().unwrap().port;
    /// let s = node_net::Socket::connect(port, "127.0.0.1").await?;
    /// assert_eq!(s.timeout(), None);
    /// s.set_timeout(Some(std::time::Duration::from_secs(5)));
    /// assert_eq!(s.timeout(), Some(std::time::Duration::from_secs(5)));
    /// # Ok(()) }
    /// ```
    pub fn timeout(&self) -> Option<Duration> {
        self.state.timeout()
    }

    /// Resolves when the socket has been idle for its timeout (Node's `'timeout'` event);
    /// never resolves without one. Like Node, the socket stays open.
    ///
    /// # Examples
    /// ```
    /// # #[tokio::main(flavor = "current_thread")] async fn main() -> node_net::Result<()> {
    /// # let server = node_net::Server::listen(node_net::ListenOptions::port(0).host("127.0.0.1")).await?;
    /// # let port = server.address()?.as_inet().unwrap().port;
    /// let s = node_net::Socket::connect(port, "127.0.0.1").await?;
    /// let start = std::time::Instant::now();
    /// s.set_timeout(Some(std::time::Duration::from_millis(5)));
    /// s.timed_out().await;
    /// assert!(start.elapsed() >= std::time::Duration::from_millis(5));
    /// # Ok(()) }
    /// ```
    pub async fn timed_out(&self) {
        self.state.idle().await;
    }

    /// `allowHalfOpen`: when false (Node's default), the write side ends as soon as the
    /// peer's end is read.
    ///
    /// # Examples
    /// ```
    /// # #[tokio::main(flavor = "current_thread")] async fn main() -> node_net::Result<()> {
    /// # let server = node_net::Server::listen(node_net::ListenOptions::port(0).host("127.0.0.1")).await?;
    /// # let port = server.address()?.as_inet().unwrap().port;
    /// let s = node_net::Socket::connect(port, "127.0.0.1").await?;
    /// s.set_allow_half_open(true);
    /// assert!(s.allow_half_open());
    /// # Ok(()) }
    /// ```
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
    /// ```
    /// # #[tokio::main(flavor = "current_thread")] async fn main() -> node_net::Result<()> {
    /// # let server = node_net::Server::listen(node_net::ListenOptions::port(0).host("127.0.0.1")).await?;
    /// # let port = server.address()?.as_inet().unwrap().port;
    /// let s = node_net::Socket::connect(port, "127.0.0.1").await?;
    /// s.unref();
    /// assert!(!s.has_ref());
    /// # Ok(()) }
    /// ```
    pub fn unref(&self) {
        self.state.refed.store(false, Ordering::Relaxed);
    }

    /// Whether the socket is ref'd (the state `ref`/`unref` set).
    ///
    /// # Examples
    /// ```
    /// # #[tokio::main(flavor = "current_thread")] async fn main() -> node_net::Result<()> {
    /// # let server = node_net::Server::listen(node_net::ListenOptions::port(0).host("127.0.0.1")).await?;
    /// # let port = server.address()?.as_inet().unwrap().port;
    /// let s = node_net::Socket::connect(port, "127.0.0.1").await?;
    /// assert!(s.has_ref()); // sockets start ref'd, as in Node
    /// # Ok(()) }
    /// ```
    pub fn has_ref(&self) -> bool {
        self.state.refed.load(Ordering::Relaxed)
    }

    /// `socket.bytesRead`.
    ///
    /// # Examples
    /// ```
    /// # #[tokio::main(flavor = "current_thread")] async fn main() -> node_net::Result<()> {
    /// # let server = node_net::Server::listen(node_net::ListenOptions::port(0).host("127.0.0.1")).await?;
    /// # let port = server.address()?.as_inet().unwrap().port;
    /// use tokio::io::{AsyncReadExt, AsyncWriteExt};
    /// let mut client = node_net::Socket::connect(port, "127.0.0.1").await?;
    /// let mut conn = server.accept().await?;
    /// client.write_all(b"abc").await.unwrap();
    /// let mut buf = [0u8; 3];
    /// conn.read_exact(&mut buf).await.unwrap();
    /// assert_eq!(conn.bytes_read(), 3);
    /// # Ok(()) }
    /// ```
    #[doc(alias = "bytesRead")]
    pub fn bytes_read(&self) -> u64 {
        self.state.bytes_read.load(Ordering::Relaxed)
    }

    /// `socket.bytesWritten`.
    ///
    /// # Examples
    /// ```
    /// # #[tokio::main(flavor = "current_thread")] async fn main() -> node_net::Result<()> {
    /// # let server = node_net::Server::listen(node_net::ListenOptions::port(0).host("127.0.0.1")).await?;
    /// # let port = server.address()?.as_inet().unwrap().port;
    /// use tokio::io::AsyncWriteExt;
    /// let mut s = node_net::Socket::connect(port, "127.0.0.1").await?;
    /// s.write_all(b"abc").await.unwrap();
    /// assert_eq!(s.bytes_written(), 3);
    /// # Ok(()) }
    /// ```
    #[doc(alias = "bytesWritten")]
    pub fn bytes_written(&self) -> u64 {
        self.state.bytes_written.load(Ordering::Relaxed)
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

counted_write!(Socket);

/// The stream over an already-connected socket fd, TCP or Unix.
pub(crate) fn stream_from_fd(fd: OwnedFd) -> Result<Stream> {
    let sock = socket2::Socket::from(fd);
    let addr = sock.local_addr().map_err(|e| Error::io(&e, "open"))?;
    sock.set_nonblocking(true)
        .map_err(|e| Error::io(&e, "open"))?;
    if addr.is_unix() {
        let std: std::os::unix::net::UnixStream = sock.into();
        Ok(Stream::Unix(
            UnixStream::from_std(std).map_err(|e| Error::io(&e, "open"))?,
        ))
    } else if addr.is_ipv4() || addr.is_ipv6() {
        let std: std::net::TcpStream = sock.into();
        Ok(Stream::Tcp(
            TcpStream::from_std(std).map_err(|e| Error::io(&e, "open"))?,
        ))
    } else {
        Err(Error::System(crate::SystemError::plain(
            libc::ENOTSOCK,
            "open",
        )))
    }
}
