//! [`PeerCertificate`]: the fields of an X.509 certificate that Node's
//! `getPeerCertificate()` reports, read with a small DER walker (only what Node shows).

use std::fmt::Write as _;

/// One DER element: its tag, its contents, and the whole encoding.
#[derive(Clone, Copy)]
struct Der<'a> {
    tag: u8,
    body: &'a [u8],
}

/// Reads the element at the front of `input`; returns it and the rest.
fn next(input: &[u8]) -> Option<(Der<'_>, &[u8])> {
    let (&tag, rest) = input.split_first()?;
    let (&first, mut rest) = rest.split_first()?;
    let len = if first < 0x80 {
        usize::from(first)
    } else {
        let n = usize::from(first & 0x7f);
        if n == 0 || n > 4 || rest.len() < n {
            return None;
        }
        let len = rest[..n]
            .iter()
            .fold(0usize, |acc, &b| (acc << 8) | usize::from(b));
        rest = &rest[n..];
        len
    };
    if rest.len() < len {
        return None;
    }
    Some((
        Der {
            tag,
            body: &rest[..len],
        },
        &rest[len..],
    ))
}

/// All elements inside a constructed element's contents.
fn children(body: &[u8]) -> Vec<Der<'_>> {
    let mut out = Vec::new();
    let mut rest = body;
    while let Some((d, r)) = next(rest) {
        out.push(d);
        rest = r;
    }
    out
}

/// `getPeerCertificate()`'s data for one certificate.
///
/// # Examples
/// ```
/// let pem = std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/fixtures/tls/server.pem")).unwrap();
/// let der = node_net::tls::pem_certificates(&pem).unwrap().remove(0);
/// let cert = node_net::tls::PeerCertificate::parse(&der).unwrap();
/// assert_eq!(cert.subject_value("CN"), Some("localhost"));
/// assert_eq!(cert.subjectaltname.as_deref(), Some("DNS:localhost, IP Address:127.0.0.1"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PeerCertificate {
    /// The subject's attributes in order, by Node's short names (`C`, `O`, `CN`, …).
    pub subject: Vec<(String, String)>,
    /// The issuer's attributes, as `subject`.
    pub issuer: Vec<(String, String)>,
    /// `subjectaltname`: `DNS:a, IP Address:1.2.3.4` as Node prints it.
    pub subjectaltname: Option<String>,
    /// Whether basicConstraints says CA.
    pub ca: bool,
    /// `valid_from` (`Jan  1 00:00:00 2000 GMT`).
    pub valid_from: String,
    /// `valid_to`.
    pub valid_to: String,
    /// `serialNumber`: upper-case hex.
    pub serial_number: String,
    /// The raw subject and issuer names (DER), to tell a self-signed certificate.
    pub(crate) subject_der: Vec<u8>,
    pub(crate) issuer_der: Vec<u8>,
    /// `raw`: the whole certificate (DER).
    pub raw: Vec<u8>,
}

impl PeerCertificate {
    /// Parses a DER certificate; `None` if it is not one.
    ///
    /// # Examples
    /// ```
    /// let pem = std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/fixtures/tls/ca.pem")).unwrap();
    /// let der = node_net::tls::pem_certificates(&pem).unwrap().remove(0);
    /// let ca = node_net::tls::PeerCertificate::parse(&der).unwrap();
    /// assert!(ca.ca);
    /// assert_eq!(ca.subject_value("CN"), Some("nrt test CA"));
    /// assert!(node_net::tls::PeerCertificate::parse(b"junk").is_none());
    /// ```
    pub fn parse(der: &[u8]) -> Option<PeerCertificate> {
        let (cert, _) = next(der)?;
        let cert = children(cert.body);
        let tbs = children(cert.first()?.body);
        // An explicit version ([0]) comes first when present.
        let off = usize::from(tbs.first()?.tag == 0xa0);
        let serial = tbs.get(off)?;
        let issuer = tbs.get(off + 2)?;
        let validity = children(tbs.get(off + 3)?.body);
        let subject = tbs.get(off + 4)?;
        let mut out = PeerCertificate {
            subject: name(subject.body),
            issuer: name(issuer.body),
            subjectaltname: None,
            ca: false,
            valid_from: time(validity.first()?)?,
            valid_to: time(validity.get(1)?)?,
            serial_number: serial_hex(serial.body),
            subject_der: subject.body.to_vec(),
            issuer_der: issuer.body.to_vec(),
            raw: der.to_vec(),
        };
        if let Some(ext) = tbs.iter().find(|d| d.tag == 0xa3) {
            let list = children(ext.body);
            for e in list.first().map(|l| children(l.body)).unwrap_or_default() {
                let parts = children(e.body);
                let (Some(oid), Some(value)) = (parts.first(), parts.last()) else {
                    continue;
                };
                match oid.body {
                    [0x55, 0x1d, 0x11] => out.subjectaltname = alt_names(value.body),
                    [0x55, 0x1d, 0x13] => {
                        let inner = next(value.body).map(|(s, _)| children(s.body));
                        out.ca = inner
                            .and_then(|c| c.first().copied())
                            .is_some_and(|b| b.tag == 0x01 && b.body.first() == Some(&0xff));
                    }
                    _ => {}
                }
            }
        }
        Some(out)
    }

    /// The first value of a subject attribute (`"CN"`).
    ///
    /// # Examples
    /// ```
    /// let pem = std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/fixtures/tls/ca.pem")).unwrap();
    /// let der = node_net::tls::pem_certificates(&pem).unwrap().remove(0);
    /// let ca = node_net::tls::PeerCertificate::parse(&der).unwrap();
    /// assert!(ca.ca);
    /// assert_eq!(ca.subject_value("CN"), Some("nrt test CA"));
    /// assert!(node_net::tls::PeerCertificate::parse(b"junk").is_none());
    /// ```
    pub fn subject_value(&self, key: &str) -> Option<&str> {
        self.subject
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }

    /// Whether the certificate names itself as its issuer.
    pub(crate) fn self_issued(&self) -> bool {
        self.subject_der == self.issuer_der
    }

    /// `fingerprint` (SHA-1) or `fingerprint256`/`fingerprint512`: colon-separated hex.
    ///
    /// # Examples
    /// ```
    /// # let pem = std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/fixtures/tls/ca.pem")).unwrap();
    /// # let der = node_net::tls::pem_certificates(&pem).unwrap().remove(0);
    /// let cert = node_net::tls::PeerCertificate::parse(&der).unwrap();
    /// assert_eq!(cert.fingerprint(256).split(':').count(), 32);
    /// ```
    pub fn fingerprint(&self, bits: u16) -> String {
        let alg = match bits {
            1 | 160 => &ring::digest::SHA1_FOR_LEGACY_USE_ONLY,
            512 => &ring::digest::SHA512,
            _ => &ring::digest::SHA256,
        };
        let d = ring::digest::digest(alg, &self.raw);
        let mut s = String::new();
        for (i, b) in d.as_ref().iter().enumerate() {
            if i > 0 {
                s.push(':');
            }
            let _ = write!(s, "{b:02X}");
        }
        s
    }
}

fn serial_hex(body: &[u8]) -> String {
    // DER integers carry a leading zero byte to stay positive; Node drops it.
    let trimmed = match body {
        [0, rest @ ..] if !rest.is_empty() => rest,
        b => b,
    };
    trimmed.iter().fold(String::new(), |mut s, b| {
        let _ = write!(s, "{b:02X}");
        s
    })
}

/// Node's (OpenSSL's) short name of an attribute type.
fn attr_name(oid: &[u8]) -> String {
    match oid {
        [0x55, 0x04, n] => match n {
            3 => "CN",
            4 => "SN",
            5 => "serialNumber",
            6 => "C",
            7 => "L",
            8 => "ST",
            9 => "street",
            10 => "O",
            11 => "OU",
            12 => "title",
            42 => "GN",
            _ => return oid_text(oid),
        }
        .into(),
        [0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x09, 0x01] => "emailAddress".into(),
        [0x09, 0x92, 0x26, 0x89, 0x93, 0xf2, 0x2c, 0x64, 0x01, 0x19] => "DC".into(),
        _ => oid_text(oid),
    }
}

/// An OID in dotted form.
fn oid_text(oid: &[u8]) -> String {
    let mut parts: Vec<u64> = Vec::new();
    let mut acc = 0u64;
    for (i, &b) in oid.iter().enumerate() {
        acc = (acc << 7) | u64::from(b & 0x7f);
        if b & 0x80 == 0 {
            if i == 0 || parts.is_empty() {
                let first = (acc / 40).min(2);
                parts.push(first);
                parts.push(acc - first * 40);
            } else {
                parts.push(acc);
            }
            acc = 0;
        }
    }
    parts
        .iter()
        .map(u64::to_string)
        .collect::<Vec<_>>()
        .join(".")
}

/// A Name: SEQUENCE OF SET OF (type, value).
fn name(body: &[u8]) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for rdn in children(body) {
        for atv in children(rdn.body) {
            let parts = children(atv.body);
            if let (Some(oid), Some(v)) = (parts.first(), parts.get(1)) {
                out.push((attr_name(oid.body), string_value(v)));
            }
        }
    }
    out
}

fn string_value(v: &Der<'_>) -> String {
    match v.tag {
        // BMPString: UTF-16BE.
        0x1e => {
            let units: Vec<u16> = v
                .body
                .chunks_exact(2)
                .map(|c| u16::from_be_bytes([c[0], c[1]]))
                .collect();
            String::from_utf16_lossy(&units)
        }
        _ => String::from_utf8_lossy(v.body).into_owned(),
    }
}

const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// UTCTime or GeneralizedTime as OpenSSL prints it: `Nov  3 14:33:43 2126 GMT`.
fn time(v: &Der<'_>) -> Option<String> {
    let s = std::str::from_utf8(v.body).ok()?;
    let digits = s.trim_end_matches('Z');
    let (year, rest) = match v.tag {
        0x17 => {
            let yy: u32 = digits.get(..2)?.parse().ok()?;
            (if yy >= 50 { 1900 + yy } else { 2000 + yy }, &digits[2..])
        }
        0x18 => (digits.get(..4)?.parse().ok()?, &digits[4..]),
        _ => return None,
    };
    let num = |r: std::ops::Range<usize>| rest.get(r).and_then(|p| p.parse::<u32>().ok());
    let month = num(0..2)?;
    Some(format!(
        "{} {:>2} {:02}:{:02}:{:02} {} GMT",
        MONTHS.get(month.checked_sub(1)? as usize)?,
        num(2..4)?,
        num(4..6)?,
        num(6..8)?,
        num(8..10).unwrap_or(0),
        year
    ))
}

/// The subjectAltName extension as Node prints it.
fn alt_names(value: &[u8]) -> Option<String> {
    let (seq, _) = next(value)?;
    let mut out = Vec::new();
    for n in children(seq.body) {
        match n.tag {
            0x82 => out.push(format!("DNS:{}", String::from_utf8_lossy(n.body))),
            0x81 => out.push(format!("email:{}", String::from_utf8_lossy(n.body))),
            0x86 => out.push(format!("URI:{}", String::from_utf8_lossy(n.body))),
            0x87 => match n.body.len() {
                4 => out.push(format!(
                    "IP Address:{}",
                    std::net::Ipv4Addr::new(n.body[0], n.body[1], n.body[2], n.body[3])
                )),
                16 => {
                    let mut b = [0u8; 16];
                    b.copy_from_slice(n.body);
                    // OpenSSL prints every group, upper-case, unabbreviated.
                    let groups: Vec<String> = b
                        .chunks(2)
                        .map(|c| format!("{:X}", u16::from_be_bytes([c[0], c[1]])))
                        .collect();
                    out.push(format!("IP Address:{}", groups.join(":")));
                }
                _ => {}
            },
            _ => {}
        }
    }
    Some(out.join(", "))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fixture(name: &str) -> PeerCertificate {
        let path = format!(
            "{}/../../tests/fixtures/tls/{name}",
            env!("CARGO_MANIFEST_DIR")
        );
        let pem = std::fs::read(path).unwrap();
        let der = crate::tls::pem_certificates(&pem).unwrap().remove(0);
        PeerCertificate::parse(&der).unwrap()
    }

    #[test]
    fn reads_what_node_shows() {
        let c = fixture("server.pem");
        let keys: Vec<&str> = c.subject.iter().map(|(k, _)| k.as_str()).collect();
        assert_eq!(keys, ["C", "ST", "L", "O", "OU", "CN"]);
        assert_eq!(c.issuer.last().unwrap().1, "nrt test CA");
        assert!(c.valid_to.ends_with(" 2126 GMT"));
        assert!(!c.ca && !c.self_issued());
        let ca = fixture("ca.pem");
        assert!(ca.ca && ca.self_issued());
        let old = fixture("expired.pem");
        assert_eq!(old.valid_from, "Jan  1 00:00:00 2000 GMT");
        assert_eq!(old.valid_to, "Jan  1 00:00:00 2001 GMT");
    }

    #[test]
    fn rejects_garbage() {
        assert!(PeerCertificate::parse(b"").is_none());
        assert!(PeerCertificate::parse(&[0x30, 0x82, 0xff]).is_none());
        assert!(PeerCertificate::parse(&[0x30, 0x03, 0x02, 0x01, 0x00]).is_none());
    }

    #[test]
    fn dotted_oids() {
        assert_eq!(
            oid_text(&[0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d]),
            "1.2.840.113549"
        );
    }
}
