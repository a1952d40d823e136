//! [`AddressInfo`]: the `{ address, family, port }` object of `server.address()`.

use std::net::SocketAddr;

/// An IP endpoint as Node reports it: `{ address: '127.0.0.1', family: 'IPv4', port: 80 }`.
///
/// Mirrors the object returned by
/// [`server.address()`](https://nodejs.org/api/net.html#serveraddress) and
/// [`socket.address()`](https://nodejs.org/api/net.html#socketaddress).
///
/// # Examples
/// ```
/// let info = node_net::AddressInfo::from("127.0.0.1:80".parse::<std::net::SocketAddr>().unwrap());
/// assert_eq!((info.address.as_str(), info.family, info.port), ("127.0.0.1", "IPv4", 80));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AddressInfo {
    /// The IP address as text (`::1`, `127.0.0.1`).
    pub address: String,
    /// `"IPv4"` or `"IPv6"`.
    pub family: &'static str,
    /// The port.
    pub port: u16,
}

impl From<SocketAddr> for AddressInfo {
    fn from(addr: SocketAddr) -> Self {
        AddressInfo {
            address: addr.ip().to_string(),
            family: if addr.is_ipv4() { "IPv4" } else { "IPv6" },
            port: addr.port(),
        }
    }
}

/// What `server.address()` returns: an IP endpoint, or the path of a Unix socket.
///
/// # Examples
/// ```
/// let a = node_net::ServerAddress::Unix("/tmp/s.sock".into());
/// assert_eq!(a.as_inet(), None);
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ServerAddress {
    /// A TCP endpoint.
    Inet(AddressInfo),
    /// A Unix-domain socket path (Node returns the bare string).
    Unix(String),
}

impl ServerAddress {
    /// The TCP endpoint, if this is one.
    ///
    /// # Examples
    /// ```
    /// let a = node_net::ServerAddress::Inet("[::1]:8".parse::<std::net::SocketAddr>().unwrap().into());
    /// assert_eq!(a.as_inet().unwrap().family, "IPv6");
    /// ```
    pub fn as_inet(&self) -> Option<&AddressInfo> {
        match self {
            ServerAddress::Inet(info) => Some(info),
            ServerAddress::Unix(_) => None,
        }
    }
}
