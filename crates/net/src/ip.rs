//! `net.isIP`, `net.isIPv4`, `net.isIPv6` with Node's exact grammar.

/// Whether `s` is a dotted-quad IPv4 address as Node accepts it (no leading zeros).
///
/// Mirrors [`net.isIPv4`](https://nodejs.org/api/net.html#netisipv4input).
///
/// # Examples
/// ```
/// assert!(node_net::is_ipv4("127.0.0.1"));
/// assert!(!node_net::is_ipv4("01.2.3.4"));
/// ```
#[doc(alias = "isIPv4")]
pub fn is_ipv4(s: &str) -> bool {
    let mut parts = 0;
    for seg in s.split('.') {
        parts += 1;
        if parts > 4 || !is_v4_segment(seg) {
            return false;
        }
    }
    parts == 4
}

// Node: (?:[0-9]|[1-9][0-9]|1[0-9][0-9]|2[0-4][0-9]|25[0-5])
fn is_v4_segment(seg: &str) -> bool {
    let b = seg.as_bytes();
    if b.is_empty() || b.len() > 3 || !b.iter().all(u8::is_ascii_digit) {
        return false;
    }
    if b.len() > 1 && b[0] == b'0' {
        return false;
    }
    seg.parse::<u16>().is_ok_and(|n| n <= 255)
}

fn is_v6_segment(seg: &str) -> bool {
    (1..=4).contains(&seg.len()) && seg.bytes().all(|c| c.is_ascii_hexdigit())
}

/// Whether `s` is an IPv6 address as Node accepts it, including an embedded IPv4 tail
/// (`::ffff:127.0.0.1`) and a zone id (`fe80::1%eth0`).
///
/// Mirrors [`net.isIPv6`](https://nodejs.org/api/net.html#netisipv6input).
///
/// # Examples
/// ```
/// assert!(node_net::is_ipv6("::ffff:127.0.0.1"));
/// assert!(node_net::is_ipv6("fe80::1%eth0"));
/// assert!(!node_net::is_ipv6("::1%"));
/// ```
#[doc(alias = "isIPv6")]
pub fn is_ipv6(s: &str) -> bool {
    // Node's zone: %[0-9a-zA-Z-.:]{1,}
    let addr = match s.split_once('%') {
        Some((addr, zone)) => {
            let ok = !zone.is_empty()
                && zone
                    .bytes()
                    .all(|c| c.is_ascii_alphanumeric() || matches!(c, b'-' | b'.' | b':'));
            if !ok {
                return false;
            }
            addr
        }
        None => s,
    };
    // An IPv4 tail counts as two groups.
    let (head, v4_groups) = match addr.rfind(':') {
        Some(i) if addr[i + 1..].contains('.') => {
            if !is_ipv4(&addr[i + 1..]) {
                return false;
            }
            (&addr[..=i], 2)
        }
        _ => (addr, 0),
    };
    let max_groups = 8 - v4_groups;
    if let Some(pos) = head.find("::") {
        let (left, right) = (&head[..pos], &head[pos + 2..]);
        if right.contains("::") {
            return false;
        }
        let left_n = match groups(left, false) {
            Some(n) => n,
            None => return false,
        };
        // With an IPv4 tail the right side ends with ':' (already consumed by `::` if empty).
        let right_n = match groups(right, v4_groups > 0) {
            Some(n) => n,
            None => return false,
        };
        left_n + right_n < max_groups
    } else {
        groups(head, v4_groups > 0) == Some(max_groups)
    }
}

/// Counts colon-separated hex groups; `trailing_colon` allows one trailing ':' before an
/// IPv4 tail.
fn groups(s: &str, trailing_colon: bool) -> Option<usize> {
    let s = if trailing_colon {
        match s.strip_suffix(':') {
            Some(rest) => rest,
            None if s.is_empty() => s,
            None => return None,
        }
    } else {
        s
    };
    if s.is_empty() {
        return Some(0);
    }
    let mut n = 0;
    for seg in s.split(':') {
        if !is_v6_segment(seg) {
            return None;
        }
        n += 1;
    }
    Some(n)
}

/// `4` for IPv4, `6` for IPv6, `0` otherwise.
///
/// Mirrors [`net.isIP`](https://nodejs.org/api/net.html#netisipinput).
///
/// # Examples
/// ```
/// assert_eq!(node_net::is_ip("::1"), 6);
/// assert_eq!(node_net::is_ip("1.2.3"), 0);
/// ```
#[doc(alias = "isIP")]
pub fn is_ip(s: &str) -> u8 {
    if is_ipv4(s) {
        4
    } else if is_ipv6(s) {
        6
    } else {
        0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_node() {
        // Recorded from node 20's net.isIP.
        let cases = [
            ("127.0.0.1", 4),
            ("::ffff:127.0.0.1", 6),
            ("fe80::1%eth0", 6),
            ("::", 6),
            ("1.2.3", 0),
            ("01.2.3.4", 0),
            ("1.2.3.04", 0),
            ("::1%", 0),
            ("fe80::1%a b", 0),
            ("256.0.0.1", 0),
            ("::ffff:1.2.3.4%x", 6),
            ("1:2:3:4:5:6:7:8:9", 0),
            ("1:2:3:4:5:6:7:8", 6),
            ("1:2:3:4:5:6:7::", 6),
            ("::2:3:4:5:6:7:8", 6),
            ("1:2:3:4:5:6::8", 6),
            ("1:2:3:4:5:6:1.2.3.4", 6),
            ("0.0.0.0", 4),
            ("1::2::3", 0),
            ("[::1]", 0),
            ("::ffff:0127.0.0.1", 0),
            ("::1.2.3.4", 6),
            ("", 0),
            (":", 0),
            (":::", 0),
            ("1:", 0),
            (":1", 0),
            ("12345::", 0),
            ("1:2:3:4:5:6:7::8", 0),
            ("::1:2:3:4:5:6:7", 6),
            ("1::1.2.3.4", 6),
            ("1:2:3:4:5:6::1.2.3.4", 0),
            ("1:2:3:4:5::1.2.3.4", 6),
        ];
        for (s, want) in cases {
            assert_eq!(is_ip(s), want, "{s:?}");
        }
    }
}
