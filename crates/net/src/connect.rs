//! [`ConnectOptions`] and [`Socket::connect`]: Node's `net.connect`.

use std::net::SocketAddr;
use std::time::Duration;

use tokio::net::{TcpSocket, TcpStream, UnixStream};

use crate::errors::{Error, Result};
use crate::state::SocketState;
use crate::stream::Stream;
use crate::Socket;

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
    /// Local address to bind before connecting (`localAddress`).
    pub local_address: Option<String>,
    /// Local port to bind before connecting (`localPort`).
    pub local_port: Option<u16>,
    /// Only use addresses of this IP family, 4 or 6 (`family`; 0 = any).
    pub family: u8,
    /// When the host resolves to several addresses, how long each attempt but the last
    /// may take before the next address is tried (Node's `autoSelectFamilyAttemptTimeout`
    /// with `autoSelectFamily`); `None` waits for each attempt to fail on its own.
    pub attempt_timeout: Option<Duration>,
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
            local_address: None,
            local_port: None,
            family: 0,
            attempt_timeout: None,
        }
    }
}

/// Connects one address, binding `localAddress`/`localPort` first when given.
async fn connect_tcp(addr: SocketAddr, opts: &ConnectOptions) -> std::io::Result<TcpStream> {
    if opts.local_address.is_none() && opts.local_port.is_none() {
        return TcpStream::connect(addr).await;
    }
    let sock = if addr.is_ipv4() {
        TcpSocket::new_v4()?
    } else {
        TcpSocket::new_v6()?
    };
    let ip = match &opts.local_address {
        Some(a) => a
            .parse()
            .map_err(|_| std::io::Error::from(std::io::ErrorKind::InvalidInput))?,
        None if addr.is_ipv4() => std::net::Ipv4Addr::UNSPECIFIED.into(),
        None => std::net::Ipv6Addr::UNSPECIFIED.into(),
    };
    sock.bind(SocketAddr::new(ip, opts.local_port.unwrap_or(0)))?;
    sock.connect(addr).await
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
            let addrs = resolve(&opts.host, opts.port).await?;
            let wanted: Vec<_> = addrs
                .into_iter()
                .filter(|a| match opts.family {
                    4 => a.is_ipv4(),
                    6 => a.is_ipv6(),
                    _ => true,
                })
                .collect();
            let count = wanted.len();
            for (i, addr) in wanted.into_iter().enumerate() {
                let attempt = connect_tcp(addr, &opts);
                let outcome = match opts.attempt_timeout {
                    Some(limit) if i + 1 < count => tokio::time::timeout(limit, attempt)
                        .await
                        .unwrap_or_else(|_| {
                            Err(std::io::Error::from_raw_os_error(libc::ETIMEDOUT))
                        }),
                    _ => attempt.await,
                };
                match outcome {
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
}
