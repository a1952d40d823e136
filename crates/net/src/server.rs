//! [`Server`]: Node's `net.Server` for TCP and Unix sockets.

use std::net::SocketAddr;
use std::os::fd::OwnedFd;
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::Arc;

use tokio::net::{TcpListener, UnixListener};

use crate::address::{AddressInfo, ServerAddress};
use crate::connect::resolve;
use crate::errors::{errno_of, Error, Result};
use crate::state::{ConnGuard, SocketState};
use crate::stream::Stream;
use crate::Socket;
use crate::SystemError;

/// Options of [`Server::listen`]: Node's `server.listen(options)`.
///
/// # Examples
/// ```
/// let opts = node_net::ListenOptions::port(0).host("::1").backlog(128);
/// assert_eq!(opts.backlog, 128);
/// ```
#[derive(Debug, Clone)]
pub struct ListenOptions {
    /// TCP port; 0 picks a free one.
    pub port: u16,
    /// Host to bind. `None` binds `::` (dual-stack) or `0.0.0.0` without IPv6, as Node.
    pub host: Option<String>,
    /// Unix socket path; when set, `host`/`port` are ignored.
    pub path: Option<PathBuf>,
    /// The listen backlog (Node's default 511).
    pub backlog: u32,
    /// Bind IPv6 only, without the IPv4-mapped half (Node's `ipv6Only`).
    pub ipv6_only: bool,
    /// Node's `exclusive`: under cluster, `false` shares the primary's handle. Outside
    /// cluster every listen is exclusive; the cluster crate reads this flag.
    pub exclusive: bool,
}

impl Default for ListenOptions {
    fn default() -> Self {
        ListenOptions {
            port: 0,
            host: None,
            path: None,
            backlog: 511,
            ipv6_only: false,
            exclusive: false,
        }
    }
}

impl ListenOptions {
    /// Options for a TCP port.
    ///
    /// # Examples
    /// ```
    /// assert_eq!(node_net::ListenOptions::port(8080).port, 8080);
    /// ```
    pub fn port(port: u16) -> Self {
        ListenOptions {
            port,
            ..Default::default()
        }
    }

    /// Options for a Unix socket path.
    ///
    /// # Examples
    /// ```
    /// assert!(node_net::ListenOptions::path("/tmp/x.sock").path.is_some());
    /// ```
    pub fn path(path: impl Into<PathBuf>) -> Self {
        ListenOptions {
            path: Some(path.into()),
            ..Default::default()
        }
    }

    /// Sets the host.
    ///
    /// # Examples
    /// ```
    /// assert_eq!(node_net::ListenOptions::port(0).host("127.0.0.1").host.as_deref(), Some("127.0.0.1"));
    /// ```
    pub fn host(mut self, host: impl Into<String>) -> Self {
        self.host = Some(host.into());
        self
    }

    /// Sets the backlog.
    ///
    /// # Examples
    /// ```
    /// assert_eq!(node_net::ListenOptions::default().backlog, 511);
    /// assert_eq!(node_net::ListenOptions::port(0).backlog(64).backlog, 64);
    /// ```
    pub fn backlog(mut self, backlog: u32) -> Self {
        self.backlog = backlog;
        self
    }
}

#[derive(Debug)]
enum Listener {
    Tcp(TcpListener),
    Unix(UnixListener, String),
    /// Connections handed over by someone else (a cluster worker's server, fed by the
    /// primary), reporting the primary's address.
    Pushed(
        tokio::sync::Mutex<tokio::sync::mpsc::UnboundedReceiver<OwnedFd>>,
        ServerAddress,
    ),
}

#[derive(Debug)]
struct ServerState {
    connections: Arc<AtomicUsize>,
    /// `usize::MAX` = Node's default (no limit).
    max_connections: AtomicUsize,
    refed: AtomicBool,
    exclusive: bool,
    /// Whether this server bound its Unix socket path (and so removes it on close, as
    /// libuv does); a server over a passed descriptor leaves the file to its owner.
    owns_path: bool,
}

/// A listening TCP or Unix-domain server: Node's
/// [`net.Server`](https://nodejs.org/api/net.html#class-netserver).
///
/// [`Server::accept`] yields each connection (Node's `'connection'` event); connections
/// above [`Server::set_max_connections`] are closed at once, as Node does.
///
/// # Examples
/// ```
/// # #[tokio::main(flavor = "current_thread")] async fn main() -> node_net::Result<()> {
/// use node_net::{ListenOptions, Server, Socket};
/// let server = Server::listen(ListenOptions::port(0).host("127.0.0.1")).await?;
/// let addr = server.address()?;
/// let info = addr.as_inet().unwrap();
/// assert_eq!((info.address.as_str(), info.family), ("127.0.0.1", "IPv4"));
/// let _client = Socket::connect(info.port, "127.0.0.1").await?;
/// let _conn = server.accept().await?;
/// assert_eq!(server.get_connections(), 1);
/// # Ok(()) }
/// ```
#[derive(Debug)]
pub struct Server {
    listener: Listener,
    state: ServerState,
}

fn bind_tcp(addr: SocketAddr, opts: &ListenOptions) -> std::io::Result<TcpListener> {
    use socket2::{Domain, Protocol, Type};
    let sock = socket2::Socket::new(Domain::for_address(addr), Type::STREAM, Some(Protocol::TCP))?;
    // libuv sets SO_REUSEADDR on TCP listeners.
    sock.set_reuse_address(true)?;
    if addr.is_ipv6() {
        sock.set_only_v6(opts.ipv6_only)?;
    }
    sock.set_nonblocking(true)?;
    sock.bind(&addr.into())?;
    sock.listen(i32::try_from(opts.backlog).unwrap_or(i32::MAX))?;
    TcpListener::from_std(sock.into())
}

impl Server {
    /// Binds and listens: Node's
    /// [`net.createServer().listen(options)`](https://nodejs.org/api/net.html#serverlistenoptions-callback).
    ///
    /// # Errors
    /// `EADDRINUSE`, `EACCES`, … with Node's message
    /// (`listen EADDRINUSE: address already in use 127.0.0.1:80`); `ENOTFOUND` for a host
    /// that does not resolve.
    ///
    /// # Examples
    /// ```
    /// # #[tokio::main(flavor = "current_thread")] async fn main() -> node_net::Result<()> {
    /// use node_net::{ListenOptions, Server};
    /// let a = Server::listen(ListenOptions::port(0).host("127.0.0.1")).await?;
    /// let port = a.address()?.as_inet().unwrap().port;
    /// let err = Server::listen(ListenOptions::port(port).host("127.0.0.1")).await.unwrap_err();
    /// assert_eq!(err.code(), "EADDRINUSE");
    /// # Ok(()) }
    /// ```
    pub async fn listen(opts: ListenOptions) -> Result<Server> {
        let listener = if let Some(path) = &opts.path {
            let shown = path.to_string_lossy().into_owned();
            match UnixListener::bind(path) {
                Ok(l) => Listener::Unix(l, shown),
                Err(e) => return Err(SystemError::listen(errno_of(&e), &shown, None).into()),
            }
        } else {
            let addrs = match &opts.host {
                Some(h) => resolve(h, opts.port).await?,
                None => vec![
                    SocketAddr::new(std::net::Ipv6Addr::UNSPECIFIED.into(), opts.port),
                    SocketAddr::new(std::net::Ipv4Addr::UNSPECIFIED.into(), opts.port),
                ],
            };
            let mut last = None;
            let mut bound = None;
            for addr in &addrs {
                match bind_tcp(*addr, &opts) {
                    Ok(l) => {
                        bound = Some(l);
                        break;
                    }
                    Err(e) => {
                        // Without a host Node falls back to 0.0.0.0 only when IPv6 is
                        // unavailable.
                        let next =
                            opts.host.is_some() || e.raw_os_error() == Some(libc::EAFNOSUPPORT);
                        last = Some((e, *addr));
                        if !next {
                            break;
                        }
                    }
                }
            }
            match (bound, last) {
                (Some(l), _) => Listener::Tcp(l),
                (None, Some((e, addr))) => {
                    let ip = addr.ip().to_string();
                    return Err(SystemError::listen(errno_of(&e), &ip, Some(addr.port())).into());
                }
                (None, None) => {
                    return Err(SystemError::listen(libc::EINVAL, "", Some(opts.port)).into())
                }
            }
        };
        let mut server = Server::new(listener, opts.exclusive);
        server.state.owns_path = opts.path.is_some();
        Ok(server)
    }

    fn new(listener: Listener, exclusive: bool) -> Self {
        Server {
            listener,
            state: ServerState {
                connections: Arc::new(AtomicUsize::new(0)),
                max_connections: AtomicUsize::new(usize::MAX),
                refed: AtomicBool::new(true),
                exclusive,
                owns_path: false,
            },
        }
    }

    /// Wraps an already-listening socket fd, TCP or Unix (what cluster hands to a worker):
    /// Node's `server.listen({ fd })` / `server.listen(handle)`.
    ///
    /// # Errors
    /// `ENOTSOCK` if `fd` is not a socket, or system errors from `getsockname`.
    ///
    /// # Examples
    /// ```
    /// # #[tokio::main(flavor = "current_thread")] async fn main() -> node_net::Result<()> {
    /// let std = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    /// let port = std.local_addr().unwrap().port();
    /// let server = node_net::Server::from_fd(std.into())?;
    /// assert_eq!(server.address()?.as_inet().unwrap().port, port);
    /// # Ok(()) }
    /// ```
    pub fn from_fd(fd: OwnedFd) -> Result<Server> {
        let sock = socket2::Socket::from(fd);
        let addr = sock.local_addr().map_err(|e| Error::io(&e, "listen"))?;
        sock.set_nonblocking(true)
            .map_err(|e| Error::io(&e, "listen"))?;
        let listener = if let Some(path) = addr.as_pathname() {
            let shown = path.to_string_lossy().into_owned();
            let std: std::os::unix::net::UnixListener = sock.into();
            Listener::Unix(
                UnixListener::from_std(std).map_err(|e| Error::io(&e, "listen"))?,
                shown,
            )
        } else if addr.is_unix() {
            let std: std::os::unix::net::UnixListener = sock.into();
            Listener::Unix(
                UnixListener::from_std(std).map_err(|e| Error::io(&e, "listen"))?,
                String::new(),
            )
        } else if addr.is_ipv4() || addr.is_ipv6() {
            let std: std::net::TcpListener = sock.into();
            Listener::Tcp(TcpListener::from_std(std).map_err(|e| Error::io(&e, "listen"))?)
        } else {
            return Err(Error::System(SystemError::plain(libc::ENOTSOCK, "listen")));
        };
        Ok(Server::new(listener, true))
    }

    /// Gives up the listening descriptor, to share it with other processes (a cluster
    /// primary with `SCHED_NONE` passes it to each worker).
    ///
    /// # Errors
    /// `EINVAL` for a [`Server::pushed`] server (it has no socket of its own).
    ///
    /// # Examples
    /// ```
    /// # #[tokio::main(flavor = "current_thread")] async fn main() -> node_net::Result<()> {
    /// let s = node_net::Server::listen(node_net::ListenOptions::port(0).host("127.0.0.1")).await?;
    /// let port = s.address()?.as_inet().unwrap().port;
    /// let again = node_net::Server::from_fd(s.into_fd()?)?;
    /// assert_eq!(again.address()?.as_inet().unwrap().port, port);
    /// # Ok(()) }
    /// ```
    pub fn into_fd(self) -> Result<OwnedFd> {
        match self.listener {
            Listener::Tcp(l) => Ok(l.into_std().map_err(|e| Error::io(&e, "listen"))?.into()),
            Listener::Unix(l, _) => Ok(l.into_std().map_err(|e| Error::io(&e, "listen"))?.into()),
            Listener::Pushed(..) => Err(Error::System(SystemError::plain(libc::EINVAL, "listen"))),
        }
    }

    /// A server whose connections are pushed to it through the returned [`Pusher`]
    /// instead of accepted from a socket of its own: a cluster worker's server in
    /// round-robin mode, where the primary accepts and hands each connection's fd over.
    /// `address` is what [`Server::address`] reports (the primary's listening address).
    ///
    /// # Examples
    /// ```
    /// # #[tokio::main(flavor = "current_thread")] async fn main() -> node_net::Result<()> {
    /// use node_net::{AddressInfo, ServerAddress};
    /// let shown = ServerAddress::Inet(AddressInfo { address: "::".into(), family: "IPv6", port: 3000 });
    /// let (server, pusher) = node_net::Server::pushed(shown.clone());
    /// assert_eq!(server.address()?, shown);
    /// let (a, _b) = std::os::unix::net::UnixStream::pair().unwrap();
    /// assert!(pusher.push(a.into()));
    /// let conn = server.accept().await?;
    /// assert_eq!(conn.remote_port(), None);
    /// # Ok(()) }
    /// ```
    pub fn pushed(address: ServerAddress) -> (Server, Pusher) {
        let (tx, rx) = tokio::sync::mpsc::unbounded_channel();
        let server = Server::new(
            Listener::Pushed(tokio::sync::Mutex::new(rx), address),
            false,
        );
        (server, Pusher { tx })
    }

    /// Waits for the next connection: Node's `'connection'` event. Connections beyond
    /// `max_connections` are closed and skipped, as Node does.
    ///
    /// # Errors
    /// System errors from `accept` (`EMFILE`, …).
    ///
    /// # Examples
    /// ```
    /// # #[tokio::main(flavor = "current_thread")] async fn main() -> node_net::Result<()> {
    /// # let server = node_net::Server::listen(node_net::ListenOptions::port(0).host("127.0.0.1")).await?;
    /// # let port = server.address()?.as_inet().unwrap().port;
    /// let client = node_net::Socket::connect(port, "127.0.0.1").await?;
    /// let conn = server.accept().await?;
    /// assert_eq!(conn.remote_port(), client.local_port());
    /// # Ok(()) }
    /// ```
    pub async fn accept(&self) -> Result<Socket> {
        loop {
            let stream = match &self.listener {
                Listener::Tcp(l) => {
                    Stream::Tcp(l.accept().await.map_err(|e| Error::io(&e, "accept"))?.0)
                }
                Listener::Unix(l, _) => {
                    Stream::Unix(l.accept().await.map_err(|e| Error::io(&e, "accept"))?.0)
                }
                Listener::Pushed(rx, _) => {
                    let fd = rx.lock().await.recv().await;
                    match fd {
                        Some(fd) => match crate::socket::stream_from_fd(fd) {
                            Ok(s) => s,
                            // A descriptor that is not a connected socket is skipped.
                            Err(_) => continue,
                        },
                        // Nobody can push any more: no connection will ever come.
                        None => std::future::pending().await,
                    }
                }
            };
            let max = self.state.max_connections.load(Ordering::Relaxed);
            let count = &self.state.connections;
            if count.load(Ordering::Acquire) >= max {
                drop(stream);
                continue;
            }
            count.fetch_add(1, Ordering::AcqRel);
            let guard = ConnGuard(count.clone());
            return Ok(Socket::new(stream, SocketState::new(Some(guard))));
        }
    }

    /// `server.address()`.
    ///
    /// # Errors
    /// System errors from `getsockname`.
    ///
    /// # Examples
    /// ```
    /// # #[tokio::main(flavor = "current_thread")] async fn main() -> node_net::Result<()> {
    /// let server = node_net::Server::listen(node_net::ListenOptions::port(0).host("127.0.0.1")).await?;
    /// let addr = server.address()?;
    /// let inet = addr.as_inet().unwrap();
    /// assert_eq!((inet.address.as_str(), inet.family), ("127.0.0.1", "IPv4"));
    /// assert_ne!(inet.port, 0);
    /// # Ok(()) }
    /// ```
    pub fn address(&self) -> Result<ServerAddress> {
        match &self.listener {
            Listener::Tcp(l) => l
                .local_addr()
                .map(|a| ServerAddress::Inet(AddressInfo::from(a)))
                .map_err(|e| Error::io(&e, "getsockname")),
            Listener::Unix(_, path) => Ok(ServerAddress::Unix(path.clone())),
            Listener::Pushed(_, addr) => Ok(addr.clone()),
        }
    }

    /// `server.getConnections()`: connections accepted and still open.
    ///
    /// # Examples
    /// ```
    /// # #[tokio::main(flavor = "current_thread")] async fn main() -> node_net::Result<()> {
    /// # let server = node_net::Server::listen(node_net::ListenOptions::port(0).host("127.0.0.1")).await?;
    /// # let port = server.address()?.as_inet().unwrap().port;
    /// assert_eq!(server.get_connections(), 0);
    /// let _client = node_net::Socket::connect(port, "127.0.0.1").await?;
    /// let conn = server.accept().await?;
    /// assert_eq!(server.get_connections(), 1);
    /// drop(conn);
    /// assert_eq!(server.get_connections(), 0);
    /// # Ok(()) }
    /// ```
    #[doc(alias = "getConnections")]
    pub fn get_connections(&self) -> usize {
        self.state.connections.load(Ordering::Acquire)
    }

    /// `server.maxConnections`: `None` removes the limit.
    ///
    /// # Examples
    /// ```
    /// # #[tokio::main(flavor = "current_thread")] async fn main() -> node_net::Result<()> {
    /// let s = node_net::Server::listen(node_net::ListenOptions::port(0).host("127.0.0.1")).await?;
    /// s.set_max_connections(Some(1));
    /// assert_eq!(s.max_connections(), Some(1));
    /// # Ok(()) }
    /// ```
    #[doc(alias = "maxConnections")]
    pub fn set_max_connections(&self, max: Option<usize>) {
        self.state
            .max_connections
            .store(max.unwrap_or(usize::MAX), Ordering::Relaxed);
    }

    /// The connection limit, if any.
    ///
    /// # Examples
    /// ```
    /// # #[tokio::main(flavor = "current_thread")] async fn main() -> node_net::Result<()> {
    /// let s = node_net::Server::listen(node_net::ListenOptions::port(0).host("127.0.0.1")).await?;
    /// assert_eq!(s.max_connections(), None);
    /// s.set_max_connections(Some(8));
    /// assert_eq!(s.max_connections(), Some(8));
    /// # Ok(()) }
    /// ```
    pub fn max_connections(&self) -> Option<usize> {
        match self.state.max_connections.load(Ordering::Relaxed) {
            usize::MAX => None,
            n => Some(n),
        }
    }

    /// Node's `exclusive` listen option (see [`ListenOptions::exclusive`]).
    ///
    /// # Examples
    /// ```
    /// # #[tokio::main(flavor = "current_thread")] async fn main() -> node_net::Result<()> {
    /// let s = node_net::Server::listen(node_net::ListenOptions::port(0).host("127.0.0.1")).await?;
    /// assert!(!s.exclusive());
    /// # Ok(()) }
    /// ```
    pub fn exclusive(&self) -> bool {
        self.state.exclusive
    }

    /// `server.ref()`.
    ///
    /// # Examples
    /// ```
    /// # #[tokio::main(flavor = "current_thread")] async fn main() -> node_net::Result<()> {
    /// let s = node_net::Server::listen(node_net::ListenOptions::port(0).host("127.0.0.1")).await?;
    /// s.unref();
    /// assert!(!s.has_ref());
    /// s.ref_();
    /// assert!(s.has_ref());
    /// # Ok(()) }
    /// ```
    pub fn ref_(&self) {
        self.state.refed.store(true, Ordering::Relaxed);
    }

    /// `server.unref()`.
    ///
    /// # Examples
    /// ```
    /// # #[tokio::main(flavor = "current_thread")] async fn main() -> node_net::Result<()> {
    /// let s = node_net::Server::listen(node_net::ListenOptions::port(0).host("127.0.0.1")).await?;
    /// s.unref();
    /// assert!(!s.has_ref());
    /// # Ok(()) }
    /// ```
    pub fn unref(&self) {
        self.state.refed.store(false, Ordering::Relaxed);
    }

    /// Whether the server is ref'd.
    ///
    /// # Examples
    /// ```
    /// # #[tokio::main(flavor = "current_thread")] async fn main() -> node_net::Result<()> {
    /// let s = node_net::Server::listen(node_net::ListenOptions::port(0).host("127.0.0.1")).await?;
    /// assert!(s.has_ref()); // servers start ref'd, as in Node
    /// # Ok(()) }
    /// ```
    pub fn has_ref(&self) -> bool {
        self.state.refed.load(Ordering::Relaxed)
    }

    /// `server.close()`: stops listening (open connections stay open, as in Node) and
    /// removes a Unix socket file.
    ///
    /// # Examples
    /// ```
    /// # #[tokio::main(flavor = "current_thread")] async fn main() -> node_net::Result<()> {
    /// let s = node_net::Server::listen(node_net::ListenOptions::port(0).host("127.0.0.1")).await?;
    /// s.close();
    /// # Ok(()) }
    /// ```
    pub fn close(self) {
        self.remove_socket_file();
    }

    /// Removes the Unix socket file this server bound (what [`Server::close`] does), for
    /// owners that cannot give the server up by value yet (an accept loop still holds
    /// it). A server over a passed descriptor has no file of its own to remove.
    ///
    /// # Examples
    /// ```
    /// # #[tokio::main(flavor = "current_thread")] async fn main() -> node_net::Result<()> {
    /// let dir = std::env::temp_dir().join(format!("node-net-doc-{}", std::process::id()));
    /// let s = node_net::Server::listen(node_net::ListenOptions::path(&dir)).await?;
    /// s.remove_socket_file();
    /// assert!(!dir.exists());
    /// # Ok(()) }
    /// ```
    pub fn remove_socket_file(&self) {
        if let Listener::Unix(_, path) = &self.listener {
            if self.state.owns_path && !path.is_empty() {
                let _ = std::fs::remove_file(path);
            }
        }
    }
}

/// Hands connections to a [`Server::pushed`] server.
///
/// # Examples
/// ```
/// # #[tokio::main(flavor = "current_thread")] async fn main() {
/// let (server, pusher) = node_net::Server::pushed(node_net::ServerAddress::Unix("/x".into()));
/// drop(server);
/// let (a, _b) = std::os::unix::net::UnixStream::pair().unwrap();
/// assert!(!pusher.push(a.into())); // the server is gone
/// # }
/// ```
#[derive(Debug, Clone)]
pub struct Pusher {
    tx: tokio::sync::mpsc::UnboundedSender<OwnedFd>,
}

impl Pusher {
    /// Queues a connected socket's descriptor for the server's next `accept`; `false`
    /// (and the descriptor closed) when the server is gone.
    ///
    /// # Examples
    /// ```
    /// # #[tokio::main(flavor = "current_thread")] async fn main() {
    /// let (_server, pusher) = node_net::Server::pushed(node_net::ServerAddress::Unix("/x".into()));
    /// let (a, _b) = std::os::unix::net::UnixStream::pair().unwrap();
    /// assert!(pusher.push(a.into()));
    /// # }
    /// ```
    pub fn push(&self, fd: OwnedFd) -> bool {
        self.tx.send(fd).is_ok()
    }
}
