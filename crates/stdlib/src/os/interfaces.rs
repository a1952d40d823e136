//! `os.networkInterfaces()`: libuv's `uv_interface_addresses` (`getifaddrs`) shaped as
//! Node's `lib/os.js` shapes it.

use std::net::{Ipv4Addr, Ipv6Addr};

use nix::ifaddrs::getifaddrs;
use nix::net::if_::InterfaceFlags;
use node_core::NodeError;

use super::system_error;

/// One address of a network interface.
///
/// # Examples
/// ```
/// let all = node_stdlib::os::network_interfaces().unwrap();
/// for (_name, addrs) in &all {
///     for a in addrs {
///         assert!(a.family == "IPv4" || a.family == "IPv6");
///     }
/// }
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NetworkInterfaceInfo {
    /// The IPv4 or IPv6 address.
    pub address: String,
    /// The network mask.
    pub netmask: String,
    /// `"IPv4"` or `"IPv6"`.
    pub family: &'static str,
    /// The MAC address (`00:00:00:00:00:00` when unknown).
    pub mac: String,
    /// Whether the interface is a loopback.
    pub internal: bool,
    /// `address/prefix`, or `None` when the mask is not contiguous.
    pub cidr: Option<String>,
    /// The IPv6 scope id (`None` for IPv4).
    pub scopeid: Option<u32>,
}

/// Interfaces that are up and running, each with its addresses, in `getifaddrs` order.
///
/// Mirrors <https://nodejs.org/api/os.html#osnetworkinterfaces>.
///
/// # Errors
/// `ERR_SYSTEM_ERROR` (`uv_interface_addresses`) if `getifaddrs` fails.
///
/// # Examples
/// ```
/// let all = node_stdlib::os::network_interfaces().unwrap();
/// if let Some((_, lo)) = all.iter().find(|(n, _)| n == "lo") {
///     assert!(lo.iter().all(|a| a.internal));
/// }
/// ```
#[doc(alias = "networkInterfaces")]
pub fn network_interfaces() -> Result<Vec<(String, Vec<NetworkInterfaceInfo>)>, NodeError> {
    let addrs: Vec<_> = getifaddrs()
        .map_err(|e| system_error("uv_interface_addresses", e as i32))?
        .collect();
    let up = |f: InterfaceFlags| {
        f.contains(InterfaceFlags::IFF_UP) && f.contains(InterfaceFlags::IFF_RUNNING)
    };
    let mut out: Vec<(String, Vec<NetworkInterfaceInfo>)> = Vec::new();
    for a in &addrs {
        if !up(a.flags) {
            continue;
        }
        let Some(addr) = a.address.as_ref() else {
            continue;
        };
        let mask = a.netmask.as_ref();
        let (address, netmask, family, scopeid) = if let Some(v4) = addr.as_sockaddr_in() {
            let m = mask
                .and_then(|m| m.as_sockaddr_in())
                .map_or(Ipv4Addr::UNSPECIFIED, |m| m.ip());
            (v4.ip().to_string(), m.to_string(), "IPv4", None)
        } else if let Some(v6) = addr.as_sockaddr_in6() {
            let m = mask
                .and_then(|m| m.as_sockaddr_in6())
                .map_or(Ipv6Addr::UNSPECIFIED, |m| m.ip());
            (
                v6.ip().to_string(),
                m.to_string(),
                "IPv6",
                Some(v6.scope_id()),
            )
        } else {
            // AF_PACKET entries only carry the MAC (below).
            continue;
        };
        // libuv copies the MAC of the AF_PACKET entry with the same name.
        let mac = addrs
            .iter()
            .filter(|p| p.interface_name == a.interface_name && up(p.flags))
            .find_map(|p| p.address.as_ref()?.as_link_addr()?.addr())
            .unwrap_or([0; 6]);
        let mac = mac
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect::<Vec<_>>()
            .join(":");
        let cidr = cidr(&address, &netmask, family);
        let info = NetworkInterfaceInfo {
            address,
            netmask,
            family,
            mac,
            internal: a.flags.contains(InterfaceFlags::IFF_LOOPBACK),
            cidr,
            scopeid,
        };
        match out.iter_mut().find(|(n, _)| *n == a.interface_name) {
            Some((_, v)) => v.push(info),
            None => out.push((a.interface_name.clone(), vec![info])),
        }
    }
    Ok(out)
}

/// `getCIDR` from `lib/os.js`: counts the mask's one bits group by group.
pub(crate) fn cidr(address: &str, netmask: &str, family: &str) -> Option<String> {
    let (split, radix, group_len) = if family == "IPv6" {
        (':', 16, 16)
    } else {
        ('.', 10, 8)
    };
    let mut ones = 0u32;
    let mut has_zeros = false;
    for part in netmask.split(split) {
        if part.is_empty() {
            continue;
        }
        if has_zeros {
            if part != "0" {
                return None;
            }
            continue;
        }
        let value = u32::from_str_radix(part, radix).unwrap_or(0);
        let count = value.count_ones();
        ones += count;
        if count != group_len {
            if format!("{value:b}").contains("01") {
                return None;
            }
            has_zeros = true;
        }
    }
    Some(format!("{address}/{ones}"))
}

#[cfg(test)]
mod tests {
    use super::cidr;

    #[test]
    fn cidr_like_node() {
        assert_eq!(
            cidr("127.0.0.1", "255.0.0.0", "IPv4").as_deref(),
            Some("127.0.0.1/8")
        );
        assert_eq!(
            cidr("192.0.2.2", "255.255.255.0", "IPv4").as_deref(),
            Some("192.0.2.2/24")
        );
        assert_eq!(cidr("10.0.0.1", "255.0.255.0", "IPv4"), None);
        assert_eq!(
            cidr("::1", "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff", "IPv6").as_deref(),
            Some("::1/128")
        );
        assert_eq!(
            cidr("fd00::2", "ffff:ffff:ffff:ffff::", "IPv6").as_deref(),
            Some("fd00::2/64")
        );
        assert_eq!(
            cidr("fe80::1", "ffff:ffc0::", "IPv6").as_deref(),
            Some("fe80::1/26")
        );
        assert_eq!(
            cidr("1.2.3.4", "0.0.0.0", "IPv4").as_deref(),
            Some("1.2.3.4/0")
        );
    }
}
