//! [`UdpSocket`]: the datagram socket under Node's `dgram.Socket`, on tokio.

use std::io;
use std::net::SocketAddr;
use std::task::{Context, Poll};

use socket2::{Domain, Protocol, SockRef, Socket as RawSocket, Type};
use tokio::io::Interest;

use crate::address::AddressInfo;
use crate::errors::{errno_of, Error, Result};
use crate::SystemError;

/// Options of [`UdpSocket::bind`]: the socket flags of Node's `dgram.createSocket(options)`
/// and `socket.bind(options)`.
///
/// # Examples
/// ```
/// let opts = node_net::UdpBindOptions { reuse_addr: true, ..Default::default() };
/// assert!(!opts.ipv6_only);
/// ```
#[derive(Debug, Clone, Default)]
pub struct UdpBindOptions {
    /// `reuseAddr`: `SO_REUSEADDR`, so several sockets may bind one port.
    pub reuse_addr: bool,
    /// `ipv6Only`: an IPv6 socket without the IPv4-mapped half.
    pub ipv6_only: bool,
}

/// A bound UDP socket: Node's `dgram.Socket` once `bind()` (or the implicit bind of the
/// first `send()`) has run.
///
/// Errors carry Node's messages: `bind EADDRINUSE 127.0.0.1:41234`,
/// `send EMSGSIZE 127.0.0.1:9`, `setTTL EINVAL`.
///
/// # Examples
/// ```
/// # #[tokio::main(flavor = "current_thread")] async fn main() -> node_net::Result<()> {
/// use node_net::{UdpBindOptions, UdpSocket};
///
/// let any = "127.0.0.1:0".parse().unwrap();
/// let a = UdpSocket::bind(any, &UdpBindOptions::default())?;
/// let b = UdpSocket::bind(any, &UdpBindOptions::default())?;
/// let to = format!("127.0.0.1:{}", a.address()?.port).parse().unwrap();
/// assert_eq!(b.send_to(b"ping", to).await?, 4);
/// let mut buf = [0u8; 16];
/// let (n, from) = a.recv_from(&mut buf).await?;
/// assert_eq!((&buf[..n], from.port()), (&b"ping"[..], b.address()?.port));
/// # Ok(()) }
/// ```
#[derive(Debug)]
pub struct UdpSocket {
    inner: tokio::net::UdpSocket,
}

impl UdpSocket {
    /// Creates a socket of `addr`'s family and binds it (`socket.bind(port, address)`).
    /// Must run inside a tokio runtime.
    ///
    /// # Errors
    /// The system error of `bind`, as Node words it: `bind EADDRINUSE 0.0.0.0:41234`.
    ///
    /// # Examples
    /// ```
    /// # #[tokio::main(flavor = "current_thread")] async fn main() {
    /// use node_net::{UdpBindOptions, UdpSocket};
    /// let a = UdpSocket::bind("127.0.0.1:0".parse().unwrap(), &UdpBindOptions::default()).unwrap();
    /// let taken = format!("127.0.0.1:{}", a.address().unwrap().port).parse().unwrap();
    /// let err = UdpSocket::bind(taken, &UdpBindOptions::default()).unwrap_err();
    /// assert_eq!(err.code(), "EADDRINUSE");
    /// # }
    /// ```
    pub fn bind(addr: SocketAddr, opts: &UdpBindOptions) -> Result<Self> {
        let fail = |e: io::Error| -> Error {
            SystemError::with_host_port(
                errno_of(&e),
                "bind",
                &addr.ip().to_string(),
                Some(addr.port()),
            )
            .into()
        };
        let domain = if addr.is_ipv4() {
            Domain::IPV4
        } else {
            Domain::IPV6
        };
        let sock = RawSocket::new(domain, Type::DGRAM, Some(Protocol::UDP)).map_err(fail)?;
        if opts.reuse_addr {
            sock.set_reuse_address(true).map_err(fail)?;
        }
        if addr.is_ipv6() {
            sock.set_only_v6(opts.ipv6_only).map_err(fail)?;
        }
        sock.set_nonblocking(true).map_err(fail)?;
        sock.bind(&addr.into()).map_err(fail)?;
        let inner = tokio::net::UdpSocket::from_std(sock.into()).map_err(fail)?;
        Ok(UdpSocket { inner })
    }

    /// Whether this is an IPv6 (`udp6`) socket.
    ///
    /// # Examples
    /// ```
    /// # #[tokio::main(flavor = "current_thread")] async fn main() {
    /// use node_net::{UdpBindOptions, UdpSocket};
    /// let s = UdpSocket::bind("127.0.0.1:0".parse().unwrap(), &UdpBindOptions::default()).unwrap();
    /// assert!(!s.is_ipv6());
    /// # }
    /// ```
    pub fn is_ipv6(&self) -> bool {
        self.inner
            .local_addr()
            .map(|a| a.is_ipv6())
            .unwrap_or(false)
    }

    pub(crate) fn raw(&self) -> SockRef<'_> {
        SockRef::from(&self.inner)
    }

    /// Sends one datagram to `to` (`socket.send(msg, port, address)`); resolves once the
    /// kernel took it, with its size.
    ///
    /// # Errors
    /// `send EMSGSIZE 127.0.0.1:9` and the like.
    ///
    /// # Examples
    /// ```
    /// # #[tokio::main(flavor = "current_thread")] async fn main() {
    /// use node_net::{UdpBindOptions, UdpSocket};
    /// let s = UdpSocket::bind("127.0.0.1:0".parse().unwrap(), &UdpBindOptions::default()).unwrap();
    /// let err = s.send_to(&vec![0; 70_000], "127.0.0.1:9".parse().unwrap()).await.unwrap_err();
    /// assert_eq!(err.code(), "EMSGSIZE");
    /// # }
    /// ```
    #[doc(alias = "send")]
    pub async fn send_to(&self, buf: &[u8], to: SocketAddr) -> Result<usize> {
        std::future::poll_fn(|cx| self.poll_send_to(cx, buf, Some(to))).await
    }

    /// Polls sending one datagram, to `to` or (when `None`) to the connected peer.
    ///
    /// # Errors
    /// As [`UdpSocket::send_to`]; on a connected socket the message has no address
    /// (`send ECONNREFUSED`).
    ///
    /// # Examples
    /// ```
    /// # #[tokio::main(flavor = "current_thread")] async fn main() {
    /// use node_net::{UdpBindOptions, UdpSocket};
    /// let s = UdpSocket::bind("127.0.0.1:0".parse().unwrap(), &UdpBindOptions::default()).unwrap();
    /// let to = Some("127.0.0.1:9".parse().unwrap());
    /// let n = std::future::poll_fn(|cx| s.poll_send_to(cx, b"x", to)).await.unwrap();
    /// assert_eq!(n, 1);
    /// # }
    /// ```
    pub fn poll_send_to(
        &self,
        cx: &mut Context<'_>,
        buf: &[u8],
        to: Option<SocketAddr>,
    ) -> Poll<Result<usize>> {
        let res = match to {
            Some(to) => self.inner.poll_send_to(cx, buf, to),
            None => self.inner.poll_send(cx, buf),
        };
        res.map_err(|e| send_error(&e, to))
    }

    /// Sends one datagram now if the kernel takes it without waiting (libuv's
    /// `uv_udp_try_send`, which Node tries first): `Ok(None)` when it would block.
    ///
    /// # Errors
    /// As [`UdpSocket::poll_send_to`].
    ///
    /// # Examples
    /// ```
    /// # #[tokio::main(flavor = "current_thread")] async fn main() {
    /// use node_net::{UdpBindOptions, UdpSocket};
    /// let s = UdpSocket::bind("127.0.0.1:0".parse().unwrap(), &UdpBindOptions::default()).unwrap();
    /// let sent = s.try_send_to(b"now", Some("127.0.0.1:9".parse().unwrap())).unwrap();
    /// assert_eq!(sent, Some(3));
    /// # }
    /// ```
    pub fn try_send_to(&self, buf: &[u8], to: Option<SocketAddr>) -> Result<Option<usize>> {
        // Straight to the (non-blocking) descriptor: tokio's own try_send answers
        // WouldBlock until its reactor has seen the socket writable once.
        let res = match to {
            Some(to) => self.raw().send_to(buf, &to.into()),
            None => self.raw().send(buf),
        };
        match res {
            Ok(n) => Ok(Some(n)),
            Err(e) if e.kind() == io::ErrorKind::WouldBlock => Ok(None),
            Err(e) => Err(send_error(&e, to)),
        }
    }

    /// Sends one datagram to the connected peer (`socket.send(msg)` after `connect()`).
    ///
    /// # Errors
    /// `send EDESTADDRREQ` when not connected, `send ECONNREFUSED` after an ICMP refusal.
    ///
    /// # Examples
    /// ```
    /// # #[tokio::main(flavor = "current_thread")] async fn main() {
    /// use node_net::{UdpBindOptions, UdpSocket};
    /// let s = UdpSocket::bind("127.0.0.1:0".parse().unwrap(), &UdpBindOptions::default()).unwrap();
    /// assert_eq!(s.send(b"x").await.unwrap_err().code(), "EDESTADDRREQ");
    /// # }
    /// ```
    pub async fn send(&self, buf: &[u8]) -> Result<usize> {
        std::future::poll_fn(|cx| self.poll_send_to(cx, buf, None)).await
    }

    /// Receives one datagram into `buf`: its size and sender (the `'message'` event's
    /// `rinfo`). A datagram longer than `buf` is cut short, as libuv's 64 KiB buffer does.
    ///
    /// A pending socket error (an ICMP refusal on a connected socket) is returned here as
    /// soon as it arrives, as libuv's receive reports it (`recvmsg ECONNREFUSED`).
    ///
    /// # Errors
    /// `recvmsg E…` from the system.
    ///
    /// # Examples
    /// ```
    /// # #[tokio::main(flavor = "current_thread")] async fn main() {
    /// use node_net::{UdpBindOptions, UdpSocket};
    /// let s = UdpSocket::bind("127.0.0.1:0".parse().unwrap(), &UdpBindOptions::default()).unwrap();
    /// let me = format!("127.0.0.1:{}", s.address().unwrap().port).parse().unwrap();
    /// s.send_to(b"to myself", me).await.unwrap();
    /// let mut buf = [0u8; 4];
    /// let (n, from) = s.recv_from(&mut buf).await.unwrap();
    /// assert_eq!((&buf[..n], from), (&b"to m"[..], me));
    /// # }
    /// ```
    pub async fn recv_from(&self, buf: &mut [u8]) -> Result<(usize, SocketAddr)> {
        let recv = |buf: &mut [u8]| crate::udp_sys::recv_from(&self.raw(), buf);
        loop {
            self.inner
                .ready(Interest::READABLE | Interest::ERROR)
                .await
                .map_err(|e| Error::io(&e, "recvmsg"))?;
            // One interest per try_io: tokio masks a combined one to nothing. Each call
            // reads only if its flag is up, and clears it on WouldBlock.
            for interest in [Interest::READABLE, Interest::ERROR] {
                match self.inner.try_io(interest, || recv(&mut *buf)) {
                    Ok(got) => return Ok(got),
                    Err(e) if e.kind() == io::ErrorKind::WouldBlock => {}
                    Err(e) => return Err(Error::io(&e, "recvmsg")),
                }
            }
        }
    }

    /// Connects the socket to one peer (`socket.connect(port, address)`): sends go there
    /// and only its datagrams arrive.
    ///
    /// # Errors
    /// `connect E… address:port` from the system.
    ///
    /// # Examples
    /// ```
    /// # #[tokio::main(flavor = "current_thread")] async fn main() {
    /// use node_net::{UdpBindOptions, UdpSocket};
    /// let s = UdpSocket::bind("127.0.0.1:0".parse().unwrap(), &UdpBindOptions::default()).unwrap();
    /// s.connect("127.0.0.1:9".parse().unwrap()).unwrap();
    /// assert_eq!(s.remote_address().unwrap().port, 9);
    /// s.disconnect().unwrap();
    /// assert_eq!(s.remote_address().unwrap_err().code(), "ENOTCONN");
    /// # }
    /// ```
    pub fn connect(&self, to: SocketAddr) -> Result<()> {
        self.raw().connect(&to.into()).map_err(|e| {
            SystemError::with_host_port(
                errno_of(&e),
                "connect",
                &to.ip().to_string(),
                Some(to.port()),
            )
            .into()
        })
    }

    /// Dissolves the association of [`UdpSocket::connect`] (`socket.disconnect()`).
    ///
    /// # Errors
    /// `disconnect E…` from the system.
    ///
    /// # Examples
    /// ```
    /// # #[tokio::main(flavor = "current_thread")] async fn main() {
    /// use node_net::{UdpBindOptions, UdpSocket};
    /// let s = UdpSocket::bind("127.0.0.1:0".parse().unwrap(), &UdpBindOptions::default()).unwrap();
    /// s.connect("127.0.0.1:9".parse().unwrap()).unwrap();
    /// s.disconnect().unwrap();
    /// assert!(s.remote_address().is_err());
    /// # }
    /// ```
    pub fn disconnect(&self) -> Result<()> {
        crate::udp_sys::disconnect(&self.inner).map_err(|e| Error::io(&e, "disconnect"))
    }

    /// The bound address (`socket.address()`).
    ///
    /// # Errors
    /// `getsockname E…` from the system.
    ///
    /// # Examples
    /// ```
    /// # #[tokio::main(flavor = "current_thread")] async fn main() {
    /// use node_net::{UdpBindOptions, UdpSocket};
    /// let s = UdpSocket::bind("[::1]:0".parse().unwrap(), &UdpBindOptions::default()).unwrap();
    /// assert_eq!((s.address().unwrap().address.as_str(), s.address().unwrap().family), ("::1", "IPv6"));
    /// # }
    /// ```
    pub fn address(&self) -> Result<AddressInfo> {
        self.inner
            .local_addr()
            .map(|a| AddressInfo {
                address: crate::ip_text(&a),
                ..AddressInfo::from(a)
            })
            .map_err(|e| Error::io(&e, "getsockname"))
    }

    /// The connected peer (`socket.remoteAddress()`).
    ///
    /// # Errors
    /// `getpeername ENOTCONN` when not connected.
    ///
    /// # Examples
    /// ```
    /// # #[tokio::main(flavor = "current_thread")] async fn main() {
    /// use node_net::{UdpBindOptions, UdpSocket};
    /// let s = UdpSocket::bind("127.0.0.1:0".parse().unwrap(), &UdpBindOptions::default()).unwrap();
    /// assert_eq!(s.remote_address().unwrap_err().code(), "ENOTCONN");
    /// s.connect("127.0.0.1:7".parse().unwrap()).unwrap();
    /// assert_eq!(s.remote_address().unwrap().port, 7);
    /// # }
    /// ```
    pub fn remote_address(&self) -> Result<AddressInfo> {
        self.inner
            .peer_addr()
            .map(AddressInfo::from)
            .map_err(|e| Error::io(&e, "getpeername"))
    }
}

/// A send error: `send EMSGSIZE 127.0.0.1:9`, or without an address on a connected socket.
fn send_error(e: &io::Error, to: Option<SocketAddr>) -> Error {
    match to {
        Some(to) => {
            SystemError::with_host_port(errno_of(e), "send", &to.ip().to_string(), Some(to.port()))
                .into()
        }
        None => Error::io(e, "send"),
    }
}

#[cfg(test)]
mod tests;
