//! Socket options of [`UdpSocket`]: broadcast, TTLs, multicast and buffer sizes, with
//! libuv's argument checks (`uv_udp_set_ttl` and friends) and Node's syscall names.

use std::io;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};

use crate::errors::{errno_of, Error, Result};
use crate::udp::UdpSocket;
use crate::SystemError;

/// The index of network interface `name` (`lo`, `eth0`): what an IPv6 `%zone` names.
///
/// # Examples
/// ```
/// assert!(node_net::if_index("lo").is_some());
/// assert_eq!(node_net::if_index("no-such-if0"), None);
/// ```
pub fn if_index(name: &str) -> Option<u32> {
    crate::udp_sys::if_index(name)
}

/// An IP as Node prints a socket address: an IPv6 address with a scope id gets its
/// interface's name (`fe80::1%eth0`), as libuv's `uv_ip6_name` plus node's suffix.
///
/// # Examples
/// ```
/// let a: std::net::SocketAddr = "[fe80::1]:9".parse().unwrap();
/// assert_eq!(node_net::ip_text(&a), "fe80::1");
/// let scoped = std::net::SocketAddr::V6(std::net::SocketAddrV6::new("fe80::1".parse().unwrap(), 9, 0, 1));
/// assert_eq!(node_net::ip_text(&scoped), "fe80::1%lo");
/// ```
pub fn ip_text(addr: &std::net::SocketAddr) -> String {
    match addr {
        std::net::SocketAddr::V6(a) if a.scope_id() != 0 => {
            let zone =
                crate::udp_sys::if_name(a.scope_id()).unwrap_or_else(|| a.scope_id().to_string());
            format!("{}%{zone}", a.ip())
        }
        _ => addr.ip().to_string(),
    }
}

fn fail(syscall: &'static str) -> impl Fn(io::Error) -> Error {
    move |e| SystemError::plain(errno_of(&e), syscall).into()
}

fn einval(syscall: &'static str) -> Error {
    SystemError::plain(libc::EINVAL, syscall).into()
}

/// An IPv6 address with an optional `%zone` (`ff02::1%lo`, `::%2`) → address and the
/// zone's interface index (0 without one), as libuv's `uv_ip6_addr`.
fn parse_v6_scoped(s: &str) -> Option<(Ipv6Addr, u32)> {
    let (addr, zone) = match s.split_once('%') {
        Some((a, z)) => (a, Some(z)),
        None => (s, None),
    };
    let ip = addr.parse::<Ipv6Addr>().ok()?;
    let index = match zone {
        None => 0,
        Some(z) => z.parse::<u32>().ok().or_else(|| if_index(z)).unwrap_or(0),
    };
    Some((ip, index))
}

impl UdpSocket {
    /// `socket.setBroadcast(flag)`: `SO_BROADCAST`.
    ///
    /// # Errors
    /// `setBroadcast E…` from the system.
    ///
    /// # Examples
    /// ```
    /// # #[tokio::main(flavor = "current_thread")] async fn main() {
    /// use node_net::{UdpBindOptions, UdpSocket};
    /// let s = UdpSocket::bind("127.0.0.1:0".parse().unwrap(), &UdpBindOptions::default()).unwrap();
    /// s.set_broadcast(true).unwrap();
    /// # }
    /// ```
    pub fn set_broadcast(&self, on: bool) -> Result<()> {
        self.raw().set_broadcast(on).map_err(fail("setBroadcast"))
    }

    /// `socket.setTTL(ttl)`: the unicast TTL (IPv4) or hop limit (IPv6), 1 to 255.
    ///
    /// # Errors
    /// `setTTL EINVAL` out of range.
    ///
    /// # Examples
    /// ```
    /// # #[tokio::main(flavor = "current_thread")] async fn main() {
    /// use node_net::{UdpBindOptions, UdpSocket};
    /// let s = UdpSocket::bind("127.0.0.1:0".parse().unwrap(), &UdpBindOptions::default()).unwrap();
    /// s.set_ttl(64).unwrap();
    /// assert_eq!(s.set_ttl(0).unwrap_err().code(), "EINVAL");
    /// # }
    /// ```
    #[doc(alias = "setTTL")]
    pub fn set_ttl(&self, ttl: u32) -> Result<()> {
        if !(1..=255).contains(&ttl) {
            return Err(einval("setTTL"));
        }
        let res = if self.is_ipv6() {
            self.raw().set_unicast_hops_v6(ttl)
        } else {
            self.raw().set_ttl_v4(ttl)
        };
        res.map_err(fail("setTTL"))
    }

    /// `socket.setMulticastTTL(ttl)`: hops of multicast datagrams, 0 to 255.
    ///
    /// # Errors
    /// `setMulticastTTL EINVAL` out of range.
    ///
    /// # Examples
    /// ```
    /// # #[tokio::main(flavor = "current_thread")] async fn main() {
    /// use node_net::{UdpBindOptions, UdpSocket};
    /// let s = UdpSocket::bind("127.0.0.1:0".parse().unwrap(), &UdpBindOptions::default()).unwrap();
    /// s.set_multicast_ttl(0).unwrap();
    /// assert_eq!(s.set_multicast_ttl(256).unwrap_err().code(), "EINVAL");
    /// # }
    /// ```
    #[doc(alias = "setMulticastTTL")]
    pub fn set_multicast_ttl(&self, ttl: u32) -> Result<()> {
        if ttl > 255 {
            return Err(einval("setMulticastTTL"));
        }
        let res = if self.is_ipv6() {
            self.raw().set_multicast_hops_v6(ttl)
        } else {
            self.raw().set_multicast_ttl_v4(ttl)
        };
        res.map_err(fail("setMulticastTTL"))
    }

    /// `socket.setMulticastLoopback(flag)`: whether multicast datagrams loop back.
    ///
    /// # Errors
    /// `setMulticastLoopback E…` from the system.
    ///
    /// # Examples
    /// ```
    /// # #[tokio::main(flavor = "current_thread")] async fn main() {
    /// use node_net::{UdpBindOptions, UdpSocket};
    /// let s = UdpSocket::bind("127.0.0.1:0".parse().unwrap(), &UdpBindOptions::default()).unwrap();
    /// s.set_multicast_loopback(false).unwrap();
    /// # }
    /// ```
    pub fn set_multicast_loopback(&self, on: bool) -> Result<()> {
        let res = if self.is_ipv6() {
            self.raw().set_multicast_loop_v6(on)
        } else {
            self.raw().set_multicast_loop_v4(on)
        };
        res.map_err(fail("setMulticastLoopback"))
    }

    /// `socket.setMulticastInterface(interface)`: an IPv4 address of the outgoing
    /// interface, or for IPv6 a scope (`::%eth0`, `::%2`).
    ///
    /// # Errors
    /// `setMulticastInterface EINVAL` for text that is no address, `ENOPROTOOPT` for an
    /// IPv6 scope on an IPv4 socket.
    ///
    /// # Examples
    /// ```
    /// # #[tokio::main(flavor = "current_thread")] async fn main() {
    /// use node_net::{UdpBindOptions, UdpSocket};
    /// let s = UdpSocket::bind("0.0.0.0:0".parse().unwrap(), &UdpBindOptions::default()).unwrap();
    /// s.set_multicast_interface("0.0.0.0").unwrap();
    /// assert_eq!(s.set_multicast_interface("nope").unwrap_err().code(), "EINVAL");
    /// # }
    /// ```
    pub fn set_multicast_interface(&self, interface: &str) -> Result<()> {
        const CALL: &str = "setMulticastInterface";
        // As libuv: the address's family picks the option, whatever the socket's.
        if let Ok(ip) = interface.parse::<Ipv4Addr>() {
            return self.raw().set_multicast_if_v4(&ip).map_err(fail(CALL));
        }
        let (_, index) = parse_v6_scoped(interface).ok_or_else(|| einval(CALL))?;
        self.raw().set_multicast_if_v6(index).map_err(fail(CALL))
    }

    /// `socket.addMembership(group[, interface])`: joins a multicast group.
    ///
    /// # Errors
    /// `addMembership EINVAL` for a bad address, or the system's error.
    ///
    /// # Examples
    /// ```
    /// # #[tokio::main(flavor = "current_thread")] async fn main() {
    /// use node_net::{UdpBindOptions, UdpSocket};
    /// let s = UdpSocket::bind("0.0.0.0:0".parse().unwrap(), &UdpBindOptions::default()).unwrap();
    /// assert_eq!(s.add_membership("nope", None).unwrap_err().code(), "EINVAL");
    /// # }
    /// ```
    pub fn add_membership(&self, group: &str, interface: Option<&str>) -> Result<()> {
        self.membership(group, interface, true, "addMembership")
    }

    /// `socket.dropMembership(group[, interface])`: leaves a multicast group.
    ///
    /// # Errors
    /// `dropMembership EADDRNOTAVAIL` when not a member, `EINVAL` for a bad address.
    ///
    /// # Examples
    /// ```
    /// # #[tokio::main(flavor = "current_thread")] async fn main() {
    /// use node_net::{UdpBindOptions, UdpSocket};
    /// let s = UdpSocket::bind("0.0.0.0:0".parse().unwrap(), &UdpBindOptions::default()).unwrap();
    /// let err = s.drop_membership("224.0.0.114", None).unwrap_err();
    /// assert_eq!(err.code(), "EADDRNOTAVAIL");
    /// # }
    /// ```
    pub fn drop_membership(&self, group: &str, interface: Option<&str>) -> Result<()> {
        self.membership(group, interface, false, "dropMembership")
    }

    fn membership(
        &self,
        group: &str,
        interface: Option<&str>,
        join: bool,
        call: &'static str,
    ) -> Result<()> {
        let raw = self.raw();
        let res = match group.parse::<IpAddr>() {
            Ok(IpAddr::V4(g)) => {
                let iface = match interface {
                    None => Ipv4Addr::UNSPECIFIED,
                    Some(i) => i.parse::<Ipv4Addr>().map_err(|_| einval(call))?,
                };
                if join {
                    raw.join_multicast_v4(&g, &iface)
                } else {
                    raw.leave_multicast_v4(&g, &iface)
                }
            }
            _ => {
                let (g, _) = parse_v6_scoped(group).ok_or_else(|| einval(call))?;
                let index = match interface {
                    None => 0,
                    Some(i) => parse_v6_scoped(i).ok_or_else(|| einval(call))?.1,
                };
                if join {
                    raw.join_multicast_v6(&g, index)
                } else {
                    raw.leave_multicast_v6(&g, index)
                }
            }
        };
        res.map_err(fail(call))
    }

    /// `socket.addSourceSpecificMembership(source, group[, interface])`: joins a
    /// source-specific multicast group (IPv4 or IPv6).
    ///
    /// # Errors
    /// `addSourceSpecificMembership EINVAL` for a bad address, or the system's error.
    ///
    /// # Examples
    /// ```
    /// # #[tokio::main(flavor = "current_thread")] async fn main() {
    /// use node_net::{UdpBindOptions, UdpSocket};
    /// let s = UdpSocket::bind("0.0.0.0:0".parse().unwrap(), &UdpBindOptions::default()).unwrap();
    /// let err = s.add_source_specific_membership("x", "232.1.1.1", None).unwrap_err();
    /// assert_eq!(err.code(), "EINVAL");
    /// # }
    /// ```
    pub fn add_source_specific_membership(
        &self,
        source: &str,
        group: &str,
        interface: Option<&str>,
    ) -> Result<()> {
        self.ssm(
            source,
            group,
            interface,
            true,
            "addSourceSpecificMembership",
        )
    }

    /// `socket.dropSourceSpecificMembership(source, group[, interface])`.
    ///
    /// # Errors
    /// As [`UdpSocket::add_source_specific_membership`].
    ///
    /// # Examples
    /// ```
    /// # #[tokio::main(flavor = "current_thread")] async fn main() {
    /// use node_net::{UdpBindOptions, UdpSocket};
    /// let s = UdpSocket::bind("0.0.0.0:0".parse().unwrap(), &UdpBindOptions::default()).unwrap();
    /// let err = s.drop_source_specific_membership("10.0.0.1", "nope", None).unwrap_err();
    /// assert_eq!(err.code(), "EINVAL");
    /// # }
    /// ```
    pub fn drop_source_specific_membership(
        &self,
        source: &str,
        group: &str,
        interface: Option<&str>,
    ) -> Result<()> {
        self.ssm(
            source,
            group,
            interface,
            false,
            "dropSourceSpecificMembership",
        )
    }

    fn ssm(
        &self,
        source: &str,
        group: &str,
        interface: Option<&str>,
        join: bool,
        call: &'static str,
    ) -> Result<()> {
        // libuv: an IPv4 source means an IPv4 group, anything else the IPv6 call.
        if let Ok(src) = source.parse::<Ipv4Addr>() {
            let grp = group.parse::<Ipv4Addr>().map_err(|_| einval(call))?;
            let iface = match interface {
                None => Ipv4Addr::UNSPECIFIED,
                Some(i) => i.parse::<Ipv4Addr>().map_err(|_| einval(call))?,
            };
            let raw = self.raw();
            let res = if join {
                raw.join_ssm_v4(&src, &grp, &iface)
            } else {
                raw.leave_ssm_v4(&src, &grp, &iface)
            };
            return res.map_err(fail(call));
        }
        let (src, _) = parse_v6_scoped(source).ok_or_else(|| einval(call))?;
        let (grp, _) = parse_v6_scoped(group).ok_or_else(|| einval(call))?;
        let index = match interface {
            None => 0,
            Some(i) => parse_v6_scoped(i).ok_or_else(|| einval(call))?.1,
        };
        let raw = self.raw();
        crate::udp_sys::ssm_v6(&*raw, src, grp, index, join).map_err(fail(call))
    }

    /// `socket.getRecvBufferSize()`: `SO_RCVBUF` (Linux reports twice the size set).
    ///
    /// # Errors
    /// The system error, with libuv's syscall name `uv_recv_buffer_size`.
    ///
    /// # Examples
    /// ```
    /// # #[tokio::main(flavor = "current_thread")] async fn main() {
    /// use node_net::{UdpBindOptions, UdpSocket};
    /// let s = UdpSocket::bind("127.0.0.1:0".parse().unwrap(), &UdpBindOptions::default()).unwrap();
    /// s.set_recv_buffer_size(10_000).unwrap();
    /// assert!(s.recv_buffer_size().unwrap() >= 10_000);
    /// # }
    /// ```
    pub fn recv_buffer_size(&self) -> Result<usize> {
        self.raw()
            .recv_buffer_size()
            .map_err(fail("uv_recv_buffer_size"))
    }

    /// `socket.setRecvBufferSize(size)`.
    ///
    /// # Errors
    /// As [`UdpSocket::recv_buffer_size`].
    ///
    /// # Examples
    /// ```
    /// # #[tokio::main(flavor = "current_thread")] async fn main() {
    /// use node_net::{UdpBindOptions, UdpSocket};
    /// let s = UdpSocket::bind("127.0.0.1:0".parse().unwrap(), &UdpBindOptions::default()).unwrap();
    /// s.set_recv_buffer_size(30_000).unwrap();
    /// assert!(s.recv_buffer_size().unwrap() >= 30_000);
    /// # }
    /// ```
    pub fn set_recv_buffer_size(&self, size: usize) -> Result<()> {
        self.raw()
            .set_recv_buffer_size(size)
            .map_err(fail("uv_recv_buffer_size"))
    }

    /// `socket.getSendBufferSize()`: `SO_SNDBUF`.
    ///
    /// # Errors
    /// The system error, with libuv's syscall name `uv_send_buffer_size`.
    ///
    /// # Examples
    /// ```
    /// # #[tokio::main(flavor = "current_thread")] async fn main() {
    /// use node_net::{UdpBindOptions, UdpSocket};
    /// let s = UdpSocket::bind("127.0.0.1:0".parse().unwrap(), &UdpBindOptions::default()).unwrap();
    /// s.set_send_buffer_size(20_000).unwrap();
    /// assert!(s.send_buffer_size().unwrap() >= 20_000);
    /// # }
    /// ```
    pub fn send_buffer_size(&self) -> Result<usize> {
        self.raw()
            .send_buffer_size()
            .map_err(fail("uv_send_buffer_size"))
    }

    /// `socket.setSendBufferSize(size)`.
    ///
    /// # Errors
    /// As [`UdpSocket::send_buffer_size`].
    ///
    /// # Examples
    /// ```
    /// # #[tokio::main(flavor = "current_thread")] async fn main() {
    /// use node_net::{UdpBindOptions, UdpSocket};
    /// let s = UdpSocket::bind("127.0.0.1:0".parse().unwrap(), &UdpBindOptions::default()).unwrap();
    /// s.set_send_buffer_size(30_000).unwrap();
    /// assert!(s.send_buffer_size().unwrap() >= 30_000);
    /// # }
    /// ```
    pub fn set_send_buffer_size(&self, size: usize) -> Result<()> {
        self.raw()
            .set_send_buffer_size(size)
            .map_err(fail("uv_send_buffer_size"))
    }
}
