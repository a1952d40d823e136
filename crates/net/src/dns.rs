//! Node's [`dns.lookup`](https://nodejs.org/api/dns.html#dnslookuphostname-options-callback)
//! and [`dns.lookupService`](https://nodejs.org/api/dns.html#dnslookupserviceaddress-port-callback):
//! the operating system's resolver (`getaddrinfo`/`getnameinfo`, through the `dns-lookup`
//! crate), as libuv calls it for node, with node's errors (`getaddrinfo ENOTFOUND host`,
//! `errno` −3008, `syscall`, `hostname`).
//!
//! The blocking forms are what the async ones run on tokio's blocking pool, as libuv runs
//! them on its thread pool.
//!
//! ```
//! # #[tokio::main(flavor = "current_thread")] async fn main() {
//! use node_net::dns::{lookup, LookupOptions};
//!
//! let found = lookup("127.0.0.1", LookupOptions::default()).await.unwrap();
//! assert_eq!(found[0].address.to_string(), "127.0.0.1");
//! assert_eq!(found[0].family, 4);
//! # }
//! ```

use std::net::{IpAddr, SocketAddr};

use dns_lookup::{AddrInfoHints, LookupError};
use std::fmt;

/// `dns.ADDRCONFIG`: only families the host has a non-loopback address for.
pub const ADDRCONFIG: i32 = libc::AI_ADDRCONFIG;
/// `dns.V4MAPPED`: IPv4-mapped IPv6 addresses when IPv6 is asked for and none exist.
pub const V4MAPPED: i32 = libc::AI_V4MAPPED;
/// `dns.ALL`: with `V4MAPPED`, IPv6 and IPv4-mapped addresses both.
pub const ALL: i32 = libc::AI_ALL;

/// What [`lookup`] asks for: node's `{ family, hints }` options.
///
/// # Examples
/// ```
/// let opts = node_net::dns::LookupOptions { family: 6, ..Default::default() };
/// assert_eq!(opts.hints, 0);
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct LookupOptions {
    /// 0 for any family, 4 or 6.
    pub family: u8,
    /// `getaddrinfo` flags: [`ADDRCONFIG`], [`V4MAPPED`], [`ALL`], or'ed.
    pub hints: i32,
}

/// One address found by [`lookup`]: node's `{ address, family }`.
///
/// # Examples
/// ```
/// let a = node_net::dns::lookup_blocking("::1", Default::default()).unwrap();
/// assert_eq!(a[0].family, 6);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LookupAddress {
    /// The address.
    pub address: IpAddr,
    /// 4 or 6.
    pub family: u8,
}

/// `dns.lookup(hostname, { all: true, family, hints })`, blocking: every address the
/// resolver returns, in its order (node 20's default `verbatim` order). An IP literal is
/// returned as it is, whatever `family` asks for, as node does.
///
/// # Errors
/// node's `getaddrinfo` errors: `ENOTFOUND` (for `EAI_NONAME` and `EAI_NODATA`, with libuv's
/// errno), `EAI_AGAIN`, `EAI_FAIL`, …, each with `syscall` `getaddrinfo` and `hostname` set.
///
/// # Examples
/// ```
/// use node_net::dns::{lookup_blocking, LookupOptions};
/// let found = lookup_blocking("localhost", LookupOptions { family: 4, hints: 0 }).unwrap();
/// assert!(found.iter().all(|a| a.family == 4));
///
/// let err = lookup_blocking("no-such-host.invalid", LookupOptions::default()).unwrap_err();
/// assert_eq!(err.syscall, "getaddrinfo");
/// ```
pub fn lookup_blocking(
    hostname: &str,
    opts: LookupOptions,
) -> Result<Vec<LookupAddress>, DnsError> {
    if let Ok(ip) = hostname.parse::<IpAddr>() {
        return Ok(vec![address_of(ip)]);
    }
    let family = match opts.family {
        4 => libc::AF_INET,
        6 => libc::AF_INET6,
        _ => libc::AF_UNSPEC,
    };
    let hints = AddrInfoHints {
        flags: opts.hints,
        address: family,
        socktype: libc::SOCK_STREAM,
        protocol: 0,
    };
    let found = dns_lookup::getaddrinfo(Some(hostname), None, Some(hints))
        .map_err(|e| gai_error(e, "getaddrinfo", hostname))?;
    let mut out = Vec::new();
    for info in found {
        let info = info.map_err(|e| io_error(&e, "getaddrinfo", hostname))?;
        let a = address_of(info.sockaddr.ip());
        if !out.contains(&a) {
            out.push(a);
        }
    }
    if out.is_empty() {
        return Err(dns_error("ENOTFOUND", -3008, "getaddrinfo", hostname));
    }
    Ok(out)
}

/// [`lookup_blocking`] on tokio's blocking pool.
///
/// # Errors
/// As [`lookup_blocking`].
///
/// # Examples
/// ```
/// # #[tokio::main(flavor = "current_thread")] async fn main() {
/// let found = node_net::dns::lookup("localhost", Default::default()).await.unwrap();
/// assert!(!found.is_empty());
/// # }
/// ```
pub async fn lookup(hostname: &str, opts: LookupOptions) -> Result<Vec<LookupAddress>, DnsError> {
    let host = hostname.to_owned();
    blocking(move || lookup_blocking(&host, opts)).await
}

/// `dns.lookupService(address, port)`, blocking: the host name and service name for an
/// address and port (`getnameinfo` with `NI_NAMEREQD`).
///
/// # Errors
/// node's `getnameinfo` errors (`ENOTFOUND` when the address has no name), with `syscall`
/// `getnameinfo` and the address as `hostname`.
///
/// # Examples
/// ```
/// let (host, _service) = node_net::dns::lookup_service_blocking("127.0.0.1".parse().unwrap(), 80).unwrap();
/// assert!(!host.is_empty());
/// ```
pub fn lookup_service_blocking(address: IpAddr, port: u16) -> Result<(String, String), DnsError> {
    let sa = SocketAddr::new(address, port);
    dns_lookup::getnameinfo(&sa, libc::NI_NAMEREQD)
        .map_err(|e| gai_error(e, "getnameinfo", &address.to_string()))
}

/// [`lookup_service_blocking`] on tokio's blocking pool.
///
/// # Errors
/// As [`lookup_service_blocking`].
///
/// # Examples
/// ```
/// # #[tokio::main(flavor = "current_thread")] async fn main() {
/// let ip = "127.0.0.1".parse().unwrap();
/// let (host, _) = node_net::dns::lookup_service(ip, 22).await.unwrap();
/// assert!(!host.is_empty());
/// # }
/// ```
pub async fn lookup_service(address: IpAddr, port: u16) -> Result<(String, String), DnsError> {
    blocking(move || lookup_service_blocking(address, port)).await
}

/// The name servers of `/etc/resolv.conf`, as node's `dns.getServers()` lists them
/// (`address` or `[address]:port` text; IPv6 scope ids dropped).
///
/// # Examples
/// ```
/// let text = "nameserver 10.0.0.1\n# comment\nnameserver fe80::1%eth0\nsearch lan\n";
/// assert_eq!(node_net::dns::servers_from_resolv_conf(text), ["10.0.0.1", "fe80::1"]);
/// ```
pub fn servers_from_resolv_conf(text: &str) -> Vec<String> {
    text.lines()
        .filter_map(|line| {
            let mut words = line.split_whitespace();
            (words.next()? == "nameserver").then_some(())?;
            let addr = words.next()?;
            let addr = addr.split('%').next().unwrap_or(addr);
            addr.parse::<IpAddr>().ok().map(|ip| ip.to_string())
        })
        .collect()
}

/// [`servers_from_resolv_conf`] of the system's `/etc/resolv.conf` (empty if unreadable).
///
/// # Examples
/// ```
/// let servers = node_net::dns::system_servers();
/// assert!(servers.iter().all(|s| node_net::is_ip(s) != 0));
/// ```
pub fn system_servers() -> Vec<String> {
    std::fs::read_to_string("/etc/resolv.conf")
        .map(|t| servers_from_resolv_conf(&t))
        .unwrap_or_default()
}

fn address_of(ip: IpAddr) -> LookupAddress {
    LookupAddress {
        address: ip,
        family: if ip.is_ipv4() { 4 } else { 6 },
    }
}

async fn blocking<T: Send + 'static>(
    work: impl FnOnce() -> Result<T, DnsError> + Send + 'static,
) -> Result<T, DnsError> {
    match tokio::task::spawn_blocking(work).await {
        Ok(r) => r,
        Err(_) => Err(DnsError {
            code: "ECANCELED",
            errno: -libc::ECANCELED,
            syscall: "getaddrinfo",
            hostname: String::new(),
        }),
    }
}

fn dns_error(code: &'static str, errno: i32, syscall: &'static str, hostname: &str) -> DnsError {
    DnsError {
        code,
        errno,
        syscall,
        hostname: hostname.to_owned(),
    }
}

/// A resolver error as node's `dnsException` shapes it: the message is
/// `<syscall> <code> <hostname>`, and `EAI_NONAME`/`EAI_NODATA` are reported with the code
/// `ENOTFOUND` while `errno` keeps libuv's number.
///
/// # Examples
/// ```
/// let e = node_net::dns::lookup_blocking("no-such-host.invalid", Default::default()).unwrap_err();
/// assert_eq!(e.to_string(), format!("getaddrinfo {} no-such-host.invalid", e.code));
/// assert_eq!(e.hostname, "no-such-host.invalid");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DnsError {
    /// node's `code` (`ENOTFOUND`, `EAI_AGAIN`, …).
    pub code: &'static str,
    /// libuv's negative errno (`-3008` for `EAI_NONAME`).
    pub errno: i32,
    /// `getaddrinfo` or `getnameinfo`.
    pub syscall: &'static str,
    /// The name (or, for `getnameinfo`, the address) asked about.
    pub hostname: String,
}

impl fmt::Display for DnsError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.syscall, self.code)?;
        if !self.hostname.is_empty() {
            write!(f, " {}", self.hostname)?;
        }
        Ok(())
    }
}

impl std::error::Error for DnsError {}

fn gai_error(e: LookupError, syscall: &'static str, hostname: &str) -> DnsError {
    let n = e.error_num();
    let (code, errno) = match n {
        libc::EAI_NONAME => ("ENOTFOUND", -3008),
        // glibc's EAI_NODATA (a GNU extension the libc crate does not export).
        -5 => ("ENOTFOUND", -3007),
        libc::EAI_AGAIN => ("EAI_AGAIN", -3001),
        libc::EAI_BADFLAGS => ("EAI_BADFLAGS", -3002),
        libc::EAI_FAIL => ("EAI_FAIL", -3004),
        libc::EAI_FAMILY => ("EAI_FAMILY", -3005),
        libc::EAI_MEMORY => ("EAI_MEMORY", -3006),
        libc::EAI_SERVICE => ("EAI_SERVICE", -3010),
        libc::EAI_SOCKTYPE => ("EAI_SOCKTYPE", -3011),
        libc::EAI_OVERFLOW => ("EAI_OVERFLOW", -3009),
        // glibc's EAI_ADDRFAMILY.
        -9 => ("EAI_ADDRFAMILY", -3000),
        _ => {
            // EAI_SYSTEM carries the system error the resolver saw.
            let io: std::io::Error = e.into();
            return io_error(&io, syscall, hostname);
        }
    };
    dns_error(code, errno, syscall, hostname)
}

/// `EAI_SYSTEM` and failures before the resolver ran: libuv reports the system error.
fn io_error(e: &std::io::Error, syscall: &'static str, hostname: &str) -> DnsError {
    match e.raw_os_error() {
        Some(errno) => {
            let code = node_core::uv_err_name(errno);
            dns_error(code, -errno, syscall, hostname)
        }
        // A name with a NUL byte never reaches the resolver; node's resolver finds no such
        // name either.
        None => dns_error("ENOTFOUND", -3008, syscall, hostname),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn literals_pass_through_whatever_the_family() {
        let opts = LookupOptions {
            family: 6,
            hints: 0,
        };
        let a = lookup_blocking("127.0.0.1", opts).unwrap();
        assert_eq!(a, [address_of("127.0.0.1".parse().unwrap())]);
    }

    #[test]
    fn unknown_names_are_enotfound_with_node_fields() {
        let e = lookup_blocking("no-such-host.invalid", LookupOptions::default()).unwrap_err();
        // A sandbox without a resolver answers EAI_AGAIN; both carry node's fields.
        assert!(matches!(e.code, "ENOTFOUND" | "EAI_AGAIN"), "{}", e.code);
        assert_eq!(
            e.to_string(),
            format!("getaddrinfo {} no-such-host.invalid", e.code)
        );
        assert_eq!(e.hostname, "no-such-host.invalid");
        assert_eq!(e.syscall, "getaddrinfo");
    }

    #[test]
    fn a_nul_byte_is_not_found() {
        let e = lookup_blocking("a\0b", LookupOptions::default()).unwrap_err();
        assert_eq!(e.code, "ENOTFOUND");
    }

    #[test]
    fn family_filters_localhost() {
        let v6 = LookupOptions {
            family: 6,
            hints: 0,
        };
        if let Ok(found) = lookup_blocking("localhost", v6) {
            assert!(found.iter().all(|a| a.family == 6));
        }
    }
}
