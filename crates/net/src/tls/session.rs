//! [`TlsSession`]: what a TLS socket reports after its handshake.

use rustls::{CipherSuite, CommonState, ProtocolVersion};

/// `getCipher()`: OpenSSL's name, the IANA name, and the protocol version.
///
/// # Examples
/// ```
/// let names = node_net::tls::cipher_names();
/// assert!(names.contains(&"tls_aes_256_gcm_sha384"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cipher {
    /// OpenSSL's name (`ECDHE-RSA-AES128-GCM-SHA256`, `TLS_AES_256_GCM_SHA384`).
    pub name: &'static str,
    /// The IANA name.
    pub standard_name: &'static str,
    /// `TLSv1.2` or `TLSv1.3`.
    pub version: &'static str,
}

/// The suites rustls offers (ring provider): (rustls suite, OpenSSL name, IANA name).
const SUITES: [(CipherSuite, &str, &str); 9] = [
    (
        CipherSuite::TLS13_AES_256_GCM_SHA384,
        "TLS_AES_256_GCM_SHA384",
        "TLS_AES_256_GCM_SHA384",
    ),
    (
        CipherSuite::TLS13_AES_128_GCM_SHA256,
        "TLS_AES_128_GCM_SHA256",
        "TLS_AES_128_GCM_SHA256",
    ),
    (
        CipherSuite::TLS13_CHACHA20_POLY1305_SHA256,
        "TLS_CHACHA20_POLY1305_SHA256",
        "TLS_CHACHA20_POLY1305_SHA256",
    ),
    (
        CipherSuite::TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384,
        "ECDHE-ECDSA-AES256-GCM-SHA384",
        "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384",
    ),
    (
        CipherSuite::TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256,
        "ECDHE-ECDSA-AES128-GCM-SHA256",
        "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256",
    ),
    (
        CipherSuite::TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256,
        "ECDHE-ECDSA-CHACHA20-POLY1305",
        "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256",
    ),
    (
        CipherSuite::TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384,
        "ECDHE-RSA-AES256-GCM-SHA384",
        "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384",
    ),
    (
        CipherSuite::TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256,
        "ECDHE-RSA-AES128-GCM-SHA256",
        "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
    ),
    (
        CipherSuite::TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256,
        "ECDHE-RSA-CHACHA20-POLY1305",
        "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256",
    ),
];

/// `tls.getCiphers()`: the supported suites' OpenSSL names, lower-case, sorted.
///
/// # Examples
/// ```
/// let names = node_net::tls::cipher_names();
/// assert!(names.windows(2).all(|w| w[0] < w[1]));
/// ```
pub fn cipher_names() -> Vec<&'static str> {
    const LOWER: [&str; 9] = [
        "ecdhe-ecdsa-aes128-gcm-sha256",
        "ecdhe-ecdsa-aes256-gcm-sha384",
        "ecdhe-ecdsa-chacha20-poly1305",
        "ecdhe-rsa-aes128-gcm-sha256",
        "ecdhe-rsa-aes256-gcm-sha384",
        "ecdhe-rsa-chacha20-poly1305",
        "tls_aes_128_gcm_sha256",
        "tls_aes_256_gcm_sha384",
        "tls_chacha20_poly1305_sha256",
    ];
    LOWER.to_vec()
}

/// `tls.rootCertificates`: Mozilla's root certificates as PEM texts.
///
/// # Examples
/// ```
/// let roots = node_net::tls::root_certificates();
/// assert!(roots.len() > 100);
/// assert!(roots[0].starts_with("-----BEGIN CERTIFICATE-----\n"));
/// ```
pub fn root_certificates() -> Vec<String> {
    webpki_root_certs::TLS_SERVER_ROOT_CERTS
        .iter()
        .map(|c| pem(c.as_ref()))
        .collect()
}

fn pem(der: &[u8]) -> String {
    const B64: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut text = String::new();
    for chunk in der.chunks(3) {
        let b = [
            chunk[0],
            *chunk.get(1).unwrap_or(&0),
            *chunk.get(2).unwrap_or(&0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                text.push(B64[((n >> (18 - 6 * i)) & 63) as usize] as char);
            } else {
                text.push('=');
            }
        }
    }
    let mut out = String::from("-----BEGIN CERTIFICATE-----\n");
    for line in text.as_bytes().chunks(64) {
        out.push_str(std::str::from_utf8(line).unwrap_or(""));
        out.push('\n');
    }
    out.push_str("-----END CERTIFICATE-----");
    out
}

/// A finished handshake's facts.
///
/// # Examples
/// ```
/// # #[tokio::main(flavor = "current_thread")] async fn main() -> node_net::Result<()> {
/// use node_net::{tls, ListenOptions, Server, Socket};
/// let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/fixtures/tls/");
/// let read = |f: &str| std::fs::read(format!("{dir}{f}")).unwrap();
/// let server_cfg = tls::ServerOptions {
///     cert: Some(read("self-signed.pem")), key: Some(read("self-signed-key.pem")), ..Default::default()
/// }.build()?;
/// // rejectUnauthorized: false — the failure is recorded, not raised.
/// let client_cfg = tls::ClientOptions { reject_unauthorized: false, ..Default::default() }.build()?;
/// let server = Server::listen(ListenOptions::port(0).host("127.0.0.1")).await?;
/// let port = server.address()?.as_inet().unwrap().port;
/// let (client, accepted) = tokio::join!(
///     async { tls::connect(Socket::connect(port, "127.0.0.1").await?, &client_cfg, "localhost").await },
///     async { tls::accept(server.accept().await?, &server_cfg).await },
/// );
/// let session = client?.tls_session().unwrap();
/// assert!(!session.authorized);
/// assert_eq!(session.authorization_error.as_deref(), Some("DEPTH_ZERO_SELF_SIGNED_CERT"));
/// assert_eq!(accepted?.tls_session().unwrap().servername.as_deref(), Some("localhost"));
/// # Ok(()) }
/// ```
#[derive(Debug, Clone)]
pub struct TlsSession {
    /// `getProtocol()`.
    pub protocol: Option<&'static str>,
    /// `getCipher()`.
    pub cipher: Option<Cipher>,
    /// `alpnProtocol` (`None` is Node's `false`).
    pub alpn_protocol: Option<Vec<u8>>,
    /// The server name: what a client sent, or what a server received (`servername`).
    pub servername: Option<String>,
    /// The peer's certificates (DER), leaf first.
    pub peer_certificates: Vec<Vec<u8>>,
    /// `authorized`.
    pub authorized: bool,
    /// `authorizationError`: a verify code or `ERR_TLS_CERT_ALTNAME_INVALID`.
    pub authorization_error: Option<String>,
}

fn common(state: &CommonState) -> (Option<&'static str>, Option<Cipher>, Option<Vec<u8>>) {
    let protocol = state.protocol_version().map(|v| match v {
        ProtocolVersion::TLSv1_3 => "TLSv1.3",
        _ => "TLSv1.2",
    });
    let cipher = state.negotiated_cipher_suite().and_then(|s| {
        let suite = s.suite();
        SUITES
            .iter()
            .find(|(c, ..)| *c == suite)
            .map(|(_, name, std)| Cipher {
                name,
                standard_name: std,
                version: protocol.unwrap_or("TLSv1.2"),
            })
    });
    (protocol, cipher, state.alpn_protocol().map(<[u8]>::to_vec))
}

impl TlsSession {
    pub(crate) fn of_client(
        conn: &rustls::ClientConnection,
        peer_certificates: Vec<Vec<u8>>,
        authorization_error: Option<String>,
        servername: Option<String>,
    ) -> Self {
        let (protocol, cipher, alpn_protocol) = common(conn);
        TlsSession {
            protocol,
            cipher,
            alpn_protocol,
            servername,
            peer_certificates,
            authorized: authorization_error.is_none(),
            authorization_error,
        }
    }

    pub(crate) fn of_server(
        conn: &rustls::ServerConnection,
        peer_certificates: Vec<Vec<u8>>,
        authorized: bool,
        authorization_error: Option<String>,
    ) -> Self {
        let (protocol, cipher, alpn_protocol) = common(conn);
        TlsSession {
            protocol,
            cipher,
            alpn_protocol,
            servername: conn.server_name().map(str::to_owned),
            peer_certificates,
            authorized,
            authorization_error,
        }
    }
}
