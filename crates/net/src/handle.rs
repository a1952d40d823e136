//! [`SocketHandle`]: a second handle for supervising a socket.

use std::sync::atomic::Ordering;
use std::sync::Arc;
use std::time::Duration;

use crate::errors::{Error, Result};
use crate::state::SocketState;
use crate::Socket;

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
    pub(crate) state: Arc<SocketState>,
}

impl Socket {
    /// A [`SocketHandle`] on this socket.
    ///
    /// # Errors
    /// System errors from `dup` (`EMFILE`).
    ///
    /// # Examples
    /// ```
    /// # #[tokio::main(flavor = "current_thread")] async fn main() -> node_net::Result<()> {
    /// # let server = node_net::Server::listen(node_net::ListenOptions::port(0).host("127.0.0.1")).await?;
    /// # let port = server.address()?.as_inet().unwrap().port;
    /// let s = node_net::Socket::connect(port, "127.0.0.1").await?;
    /// let handle = s.handle()?;
    /// assert_eq!(handle.remote_port(), s.remote_port());
    /// # Ok(()) }
    /// ```
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
    /// ```
    /// # #[tokio::main(flavor = "current_thread")] async fn main() -> node_net::Result<()> {
    /// # let server = node_net::Server::listen(node_net::ListenOptions::port(0).host("127.0.0.1")).await?;
    /// # let port = server.address()?.as_inet().unwrap().port;
    /// use tokio::io::AsyncReadExt;
    /// let mut s = node_net::Socket::connect(port, "127.0.0.1").await?;
    /// s.handle()?.destroy();
    /// let mut buf = [0u8; 1];
    /// // A pending or later read sees EOF (or an error), never data.
    /// assert_eq!(s.read(&mut buf).await.unwrap_or(0), 0);
    /// # Ok(()) }
    /// ```
    pub fn destroy(&self) {
        let _ = self.sock.shutdown(std::net::Shutdown::Both);
    }

    /// Resolves on the socket's idle timeout (see [`Socket::timed_out`]).
    ///
    /// # Examples
    /// ```
    /// # #[tokio::main(flavor = "current_thread")] async fn main() -> node_net::Result<()> {
    /// # let server = node_net::Server::listen(node_net::ListenOptions::port(0).host("127.0.0.1")).await?;
    /// # let port = server.address()?.as_inet().unwrap().port;
    /// let s = node_net::Socket::connect(port, "127.0.0.1").await?;
    /// let handle = s.handle()?;
    /// let start = std::time::Instant::now();
    /// handle.set_timeout(Some(std::time::Duration::from_millis(5)));
    /// handle.timed_out().await;
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
    /// s.handle()?.set_timeout(Some(std::time::Duration::from_secs(2)));
    /// // The handle arms the socket's own timeout.
    /// assert_eq!(s.timeout(), Some(std::time::Duration::from_secs(2)));
    /// # Ok(()) }
    /// ```
    pub fn set_timeout(&self, timeout: Option<Duration>) {
        self.state.set_timeout(timeout);
    }

    /// `socket.setNoDelay(noDelay)` through the handle; a no-op on Unix sockets.
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
    /// s.handle()?.set_no_delay(true)?;
    /// s.handle()?.set_keep_alive(true, std::time::Duration::from_secs(5))?;
    /// # Ok(()) }
    /// ```
    #[doc(alias = "setNoDelay")]
    pub fn set_no_delay(&self, no_delay: bool) -> Result<()> {
        if self.is_unix() {
            return Ok(());
        }
        self.sock
            .set_tcp_nodelay(no_delay)
            .map_err(|e| Error::io(&e, "setNoDelay"))
    }

    /// `socket.setKeepAlive(enable, initialDelay)` through the handle; a no-op on Unix
    /// sockets.
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
    /// let handle = s.handle()?;
    /// handle.set_keep_alive(true, std::time::Duration::from_secs(60))?;
    /// handle.set_keep_alive(false, std::time::Duration::ZERO)?;
    /// // On a Unix socket it does nothing and succeeds, as in Node.
    /// let (a, _b) = std::os::unix::net::UnixStream::pair().unwrap();
    /// node_net::Socket::from_fd(a.into())?.handle()?.set_keep_alive(true, std::time::Duration::ZERO)?;
    /// # Ok(()) }
    /// ```
    #[doc(alias = "setKeepAlive")]
    pub fn set_keep_alive(&self, enable: bool, initial_delay: Duration) -> Result<()> {
        if self.is_unix() {
            return Ok(());
        }
        let res = if enable {
            let delay = initial_delay.max(Duration::from_secs(1));
            self.sock
                .set_tcp_keepalive(&socket2::TcpKeepalive::new().with_time(delay))
        } else {
            self.sock.set_keepalive(false)
        };
        res.map_err(|e| Error::io(&e, "setKeepAlive"))
    }

    fn is_unix(&self) -> bool {
        self.sock
            .local_addr()
            .map(|a| a.as_socket().is_none())
            .unwrap_or(true)
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
    /// let handle = s.handle()?;
    /// s.write_all(b"hey").await.unwrap();
    /// assert_eq!(handle.bytes_written(), 3);
    /// # Ok(()) }
    /// ```
    pub fn bytes_written(&self) -> u64 {
        self.state.bytes_written.load(Ordering::Relaxed)
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
    /// let handle = conn.handle()?;
    /// client.write_all(b"hey").await.unwrap();
    /// let mut buf = [0u8; 3];
    /// conn.read_exact(&mut buf).await.unwrap();
    /// assert_eq!(handle.bytes_read(), 3);
    /// # Ok(()) }
    /// ```
    pub fn bytes_read(&self) -> u64 {
        self.state.bytes_read.load(Ordering::Relaxed)
    }

    /// `socket.remoteAddress`.
    ///
    /// # Examples
    /// ```
    /// # #[tokio::main(flavor = "current_thread")] async fn main() -> node_net::Result<()> {
    /// # let server = node_net::Server::listen(node_net::ListenOptions::port(0).host("127.0.0.1")).await?;
    /// # let port = server.address()?.as_inet().unwrap().port;
    /// let s = node_net::Socket::connect(port, "127.0.0.1").await?;
    /// assert_eq!(s.handle()?.remote_address().as_deref(), Some("127.0.0.1"));
    /// # Ok(()) }
    /// ```
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
    /// ```
    /// # #[tokio::main(flavor = "current_thread")] async fn main() -> node_net::Result<()> {
    /// # let server = node_net::Server::listen(node_net::ListenOptions::port(0).host("127.0.0.1")).await?;
    /// # let port = server.address()?.as_inet().unwrap().port;
    /// let s = node_net::Socket::connect(port, "127.0.0.1").await?;
    /// assert_eq!(s.handle()?.remote_port(), Some(port));
    /// # Ok(()) }
    /// ```
    pub fn remote_port(&self) -> Option<u16> {
        self.sock
            .peer_addr()
            .ok()
            .and_then(|a| a.as_socket())
            .map(|a| a.port())
    }
}
