//! Node's `tls.checkServerIdentity(hostname, cert)`: does the certificate name the host?

use std::net::IpAddr;

use node_core::{ErrorClass, NodeError};

/// Checks `host` against a certificate's `subjectaltname` (Node's text form) and subject
/// CN. On a mismatch returns the reason Node puts in `ERR_TLS_CERT_ALTNAME_INVALID`.
///
/// # Examples
/// ```
/// use node_net::tls::identity_mismatch;
/// let san = Some("DNS:*.example.com, IP Address:10.0.0.1");
/// assert_eq!(identity_mismatch("a.example.com", san, None), None);
/// assert_eq!(identity_mismatch("10.0.0.1", san, None), None);
/// assert_eq!(
///     identity_mismatch("example.com", san, None).unwrap(),
///     "Host: example.com. is not in the cert's altnames: DNS:*.example.com, IP Address:10.0.0.1"
/// );
/// ```
pub fn identity_mismatch(
    host: &str,
    subjectaltname: Option<&str>,
    cn: Option<&str>,
) -> Option<String> {
    let host = host.trim_end_matches('.');
    let mut dns = Vec::new();
    let mut ips = Vec::new();
    for entry in subjectaltname.unwrap_or("").split(", ") {
        if let Some(d) = entry.strip_prefix("DNS:") {
            dns.push(d);
        } else if let Some(ip) = entry.strip_prefix("IP Address:") {
            ips.push(ip);
        }
    }
    if let Ok(ip) = host.parse::<IpAddr>() {
        if ips.iter().any(|c| c.parse::<IpAddr>().ok() == Some(ip)) {
            return None;
        }
        return Some(format!(
            "IP: {host} is not in the cert's list: {}",
            ips.join(", ")
        ));
    }
    if !dns.is_empty() {
        if dns.iter().any(|p| host_matches(host, p)) {
            return None;
        }
        return Some(format!(
            "Host: {host}. is not in the cert's altnames: {}",
            subjectaltname.unwrap_or("")
        ));
    }
    match cn {
        Some(cn) if host_matches(host, cn) => None,
        Some(cn) => Some(format!("Host: {host}. is not cert's CN: {cn}")),
        None => Some("Cert does not contain a DNS name".into()),
    }
}

/// The error Node's `checkServerIdentity` returns for a mismatch `reason`.
///
/// # Examples
/// ```
/// let e = node_net::tls::altname_error("Host: a. is not cert's CN: b");
/// assert_eq!(e.code(), "ERR_TLS_CERT_ALTNAME_INVALID");
/// ```
pub fn altname_error(reason: &str) -> NodeError {
    NodeError::new(
        ErrorClass::Error,
        "ERR_TLS_CERT_ALTNAME_INVALID",
        format!("Hostname/IP does not match certificate's altnames: {reason}"),
    )
}

/// One DNS pattern against a host: labels compared case-insensitively; a `*` is allowed
/// only in the first label of a pattern of three or more labels, never in an IDNA label.
fn host_matches(host: &str, pattern: &str) -> bool {
    let pattern = pattern.trim_end_matches('.');
    let h: Vec<String> = host.split('.').map(str::to_ascii_lowercase).collect();
    let p: Vec<String> = pattern.split('.').map(str::to_ascii_lowercase).collect();
    if h.len() != p.len() || h.iter().any(String::is_empty) {
        return false;
    }
    if h[1..] != p[1..] {
        return false;
    }
    let (first, pat) = (&h[0], &p[0]);
    match pat.split_once('*') {
        Some((pre, post)) if p.len() > 2 && !pat.starts_with("xn--") && !post.contains('*') => {
            first.len() >= pre.len() + post.len() && first.starts_with(pre) && first.ends_with(post)
        }
        Some(_) => false,
        None => first == pat,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wildcards() {
        assert!(host_matches("a.b.c", "*.b.c"));
        assert!(host_matches("A.B.C", "a.b.c"));
        assert!(!host_matches("b.c", "*.b.c"));
        assert!(!host_matches("a.c", "*.c"));
        assert!(host_matches("foo1.b.c", "foo*.b.c"));
        assert!(!host_matches("xn--a.b.c", "xn--*.b.c"));
    }

    #[test]
    fn reasons() {
        assert_eq!(
            identity_mismatch("1.2.3.4", Some("IP Address:127.0.0.1"), None).unwrap(),
            "IP: 1.2.3.4 is not in the cert's list: 127.0.0.1"
        );
        assert_eq!(
            identity_mismatch("localhost", None, Some("localhost")),
            None
        );
        assert_eq!(
            identity_mismatch("x", None, Some("localhost")).unwrap(),
            "Host: x. is not cert's CN: localhost"
        );
    }
}
