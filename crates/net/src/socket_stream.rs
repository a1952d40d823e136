//! [`SocketStream`]: a [`Socket`] as a node-streams [`Duplex`], the shape of Node's
//! `net.Socket` (which is a `stream.Duplex`).

use std::fmt;
use std::io::{self, IoSlice};
use std::ops::Deref;
use std::pin::Pin;
use std::sync::atomic::Ordering;
use std::sync::Arc;
use std::task::{Context, Poll};

use bytes::BytesMut;
use node_core::NodeError;
use node_streams::{Chunk, Duplex, DuplexOptions, Sink, Source};
use tokio::io::{AsyncWrite, ReadBuf};

use crate::address::AddressInfo;
use crate::errors::errno_of;
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
    state: Arc<SocketState>,
    buf: BytesMut,
}

impl Source for SocketSource {
    fn poll_pull(
        &mut self,
        cx: &mut Context<'_>,
        _: usize,
    ) -> Poll<Result<Option<Chunk>, NodeError>> {
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
        Ok(())
    }
}

/// The writable side: `_write`/`_writev` hand bytes to the kernel, `_final` is
/// `shutdown(SHUT_WR)` (Node's `end()`), `_destroy` closes.
struct SocketSink {
    stream: Option<WriteStream>,
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
    local: Option<AddressInfo>,
    remote: Option<AddressInfo>,
}

impl fmt::Debug for SocketStream {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SocketStream")
            .field("duplex", &self.duplex)
            .field("local", &self.local)
            .field("remote", &self.remote)
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
    /// See [`SocketStream`].
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
            state: state.clone(),
            buf: BytesMut::new(),
        };
        let sink = SocketSink {
            stream: Some(w),
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
            local,
            remote,
        }
    }
}

impl SocketStream {
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
    /// See [`Socket::into_duplex_with`].
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
    /// See [`SocketStream::bytes_read`].
    #[doc(alias = "bytesWritten")]
    pub fn bytes_written(&self) -> u64 {
        self.state.bytes_written.load(Ordering::Relaxed)
    }

    /// `socket.address()` as it was when the stream was made (`None` for Unix sockets).
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
    pub fn address(&self) -> Option<&AddressInfo> {
        self.local.as_ref()
    }

    /// `socket.remoteAddress`/`remotePort`/`remoteFamily` as one [`AddressInfo`].
    ///
    /// # Examples
    /// See [`SocketStream::address`].
    #[doc(alias = "remoteAddress")]
    pub fn remote_address(&self) -> Option<&AddressInfo> {
        self.remote.as_ref()
    }
}
