//! [`SocketReadHalf`] and [`SocketWriteHalf`]: a socket split for concurrent reading and
//! writing, with byte counters shared with the whole socket.

use std::io;
use std::pin::Pin;
use std::sync::atomic::Ordering;
use std::sync::Arc;
use std::task::{Context, Poll};
use std::time::Duration;

use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};

use crate::errors::{Error, Result};
use crate::state::SocketState;
use crate::stream::{reunite, ReadStream, WriteStream};
use crate::Socket;

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
    pub(crate) stream: ReadStream,
    pub(crate) state: Arc<SocketState>,
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
    pub(crate) stream: WriteStream,
    pub(crate) state: Arc<SocketState>,
}

impl SocketReadHalf {
    /// Joins the halves back into a [`Socket`]; gives them back if they do not match.
    ///
    /// # Errors
    /// Returns both halves when they come from different sockets.
    ///
    /// # Examples
    /// ```
    /// # #[tokio::main(flavor = "current_thread")] async fn main() -> node_net::Result<()> {
    /// # let server = node_net::Server::listen(node_net::ListenOptions::port(0).host("127.0.0.1")).await?;
    /// # let port = server.address()?.as_inet().unwrap().port;
    /// let (r, w) = node_net::Socket::connect(port, "127.0.0.1").await?.into_split();
    /// let (r2, w2) = node_net::Socket::connect(port, "127.0.0.1").await?.into_split();
    /// // Halves of different sockets come back unjoined.
    /// let (r, w2) = r.reunite(w2).unwrap_err();
    /// assert!(r.reunite(w).is_ok());
    /// assert!(r2.reunite(w2).is_ok());
    /// # Ok(()) }
    /// ```
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
    /// ```
    /// # #[tokio::main(flavor = "current_thread")] async fn main() -> node_net::Result<()> {
    /// # let server = node_net::Server::listen(node_net::ListenOptions::port(0).host("127.0.0.1")).await?;
    /// # let port = server.address()?.as_inet().unwrap().port;
    /// use tokio::io::{AsyncReadExt, AsyncWriteExt};
    /// let mut client = node_net::Socket::connect(port, "127.0.0.1").await?;
    /// let (mut r, _w) = server.accept().await?.into_split();
    /// client.write_all(b"abcd").await.unwrap();
    /// let mut buf = [0u8; 4];
    /// r.read_exact(&mut buf).await.unwrap();
    /// assert_eq!(r.bytes_read(), 4);
    /// # Ok(()) }
    /// ```
    pub fn bytes_read(&self) -> u64 {
        self.state.bytes_read.load(Ordering::Relaxed)
    }

    /// Resolves on the socket's idle timeout (see [`Socket::timed_out`]).
    ///
    /// # Examples
    /// ```
    /// # #[tokio::main(flavor = "current_thread")] async fn main() -> node_net::Result<()> {
    /// # let server = node_net::Server::listen(node_net::ListenOptions::port(0).host("127.0.0.1")).await?;
    /// # let port = server.address()?.as_inet().unwrap().port;
    /// let (r, _w) = node_net::Socket::connect(port, "127.0.0.1").await?.into_split();
    /// let start = std::time::Instant::now();
    /// r.set_timeout(Some(std::time::Duration::from_millis(5)));
    /// r.timed_out().await;
    /// assert!(start.elapsed() >= std::time::Duration::from_millis(5));
    /// # Ok(()) }
    /// ```
    pub async fn timed_out(&self) {
        self.state.idle().await;
    }

    /// Arms or disarms the idle timeout (see [`Socket::set_timeout`]).
    ///
    /// # Examples
    /// ```
    /// # #[tokio::main(flavor = "current_thread")] async fn main() -> node_net::Result<()> {
    /// # let server = node_net::Server::listen(node_net::ListenOptions::port(0).host("127.0.0.1")).await?;
    /// # let port = server.address()?.as_inet().unwrap().port;
    /// let s = node_net::Socket::connect(port, "127.0.0.1").await?;
    /// let (r, w) = s.into_split();
    /// r.set_timeout(Some(std::time::Duration::from_secs(3)));
    /// // The timeout belongs to the whole socket.
    /// assert_eq!(r.reunite(w).unwrap().timeout(), Some(std::time::Duration::from_secs(3)));
    /// # Ok(()) }
    /// ```
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
    /// ```
    /// # #[tokio::main(flavor = "current_thread")] async fn main() -> node_net::Result<()> {
    /// # let server = node_net::Server::listen(node_net::ListenOptions::port(0).host("127.0.0.1")).await?;
    /// # let port = server.address()?.as_inet().unwrap().port;
    /// use tokio::io::AsyncWriteExt;
    /// let (_r, mut w) = node_net::Socket::connect(port, "127.0.0.1").await?.into_split();
    /// w.write_all(b"hello").await.unwrap();
    /// assert_eq!(w.bytes_written(), 5);
    /// # Ok(()) }
    /// ```
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
        if self.stream.is_unix() {
            return Ok(());
        }
        match self.stream.sock_ref() {
            Some(s) => s
                .set_tcp_nodelay(no_delay)
                .map_err(|e| Error::io(&e, "setNoDelay")),
            None => Ok(()),
        }
    }
}

pub(crate) fn poll_read_counted<R: AsyncRead + Unpin>(
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

pub(crate) fn count_write(
    state: &SocketState,
    r: Poll<io::Result<usize>>,
) -> Poll<io::Result<usize>> {
    if let Poll::Ready(Ok(n)) = &r {
        state.wrote(*n);
    }
    r
}

#[allow(clippy::crate_in_macro_def)]
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

pub(crate) use counted_write;

counted_write!(SocketWriteHalf);
