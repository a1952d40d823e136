//! Node-shaped TLS options and the rustls configurations built from them once (Node's
//! `SecureContext`): [`ClientOptions`] → [`ClientConfig`], [`ServerOptions`] →
//! [`ServerConfig`].

use std::sync::{Arc, OnceLock};

use node_core::{ErrorClass, NodeError};
use rustls::crypto::CryptoProvider;
use rustls::pki_types::{CertificateDer, PrivateKeyDer};
use rustls::{RootCertStore, SupportedProtocolVersion};

use super::verify::{NodeClientVerifier, NodeServerVerifier};
use crate::errors::{Error, Result};

/// A TLS protocol version rustls speaks (TLS 1.0 and 1.1 are not available).
///
/// # Examples
/// ```
/// use node_net::tls::TlsVersion;
/// assert!(TlsVersion::V1_2 < TlsVersion::V1_3);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum TlsVersion {
    /// `'TLSv1.2'`.
    V1_2,
    /// `'TLSv1.3'`.
    V1_3,
}

impl TlsVersion {
    /// Node's name (`TLSv1.3`).
    ///
    /// # Examples
    /// ```
    /// assert_eq!(node_net::tls::TlsVersion::V1_2.name(), "TLSv1.2");
    /// ```
    pub fn name(self) -> &'static str {
        match self {
            TlsVersion::V1_2 => "TLSv1.2",
            TlsVersion::V1_3 => "TLSv1.3",
        }
    }
}

fn versions(min: TlsVersion, max: TlsVersion) -> Vec<&'static SupportedProtocolVersion> {
    let mut v = Vec::new();
    if min <= TlsVersion::V1_3 && max >= TlsVersion::V1_3 {
        v.push(&rustls::version::TLS13);
    }
    if min <= TlsVersion::V1_2 && max >= TlsVersion::V1_2 {
        v.push(&rustls::version::TLS12);
    }
    v
}

pub(crate) fn provider() -> Arc<CryptoProvider> {
    static P: OnceLock<Arc<CryptoProvider>> = OnceLock::new();
    P.get_or_init(|| Arc::new(rustls::crypto::ring::default_provider()))
        .clone()
}

/// Mozilla's root store (Node's default `ca`), parsed once.
fn default_roots() -> Arc<RootCertStore> {
    static R: OnceLock<Arc<RootCertStore>> = OnceLock::new();
    R.get_or_init(|| {
        let mut store = RootCertStore::empty();
        store.add_parsable_certificates(webpki_root_certs::TLS_SERVER_ROOT_CERTS.iter().cloned());
        Arc::new(store)
    })
    .clone()
}

fn openssl_error(code: &'static str, message: &str) -> Error {
    Error::Node(NodeError::new(ErrorClass::Error, code, message))
}

/// The certificates in a PEM text, as DER (also accepts one DER certificate).
///
/// # Errors
/// OpenSSL's `no start line` error (`ERR_OSSL_PEM_NO_START_LINE`) when there is none.
///
/// # Examples
/// ```
/// let e = node_net::tls::pem_certificates(b"junk").unwrap_err();
/// assert_eq!(e.code(), "ERR_OSSL_PEM_NO_START_LINE");
/// ```
pub fn pem_certificates(data: &[u8]) -> Result<Vec<Vec<u8>>> {
    if data.first() == Some(&0x30) {
        return Ok(vec![data.to_vec()]);
    }
    let mut rd = data;
    let certs: Vec<Vec<u8>> = rustls_pemfile::certs(&mut rd)
        .filter_map(|c| c.ok())
        .map(|c| c.to_vec())
        .collect();
    if certs.is_empty() {
        return Err(openssl_error(
            "ERR_OSSL_PEM_NO_START_LINE",
            "error:0480006C:PEM routines::no start line",
        ));
    }
    Ok(certs)
}

fn private_key(data: &[u8]) -> Result<PrivateKeyDer<'static>> {
    let mut rd = data;
    match rustls_pemfile::private_key(&mut rd) {
        Ok(Some(k)) => Ok(k),
        _ => Err(openssl_error(
            "ERR_OSSL_UNSUPPORTED",
            "error:1E08010C:DECODER routines::unsupported",
        )),
    }
}

fn chain(data: &[u8]) -> Result<Vec<CertificateDer<'static>>> {
    Ok(pem_certificates(data)?
        .into_iter()
        .map(CertificateDer::from)
        .collect())
}

/// The trust store for `ca` and the `ca` certificates themselves (see
/// `verify_chain`'s pinning).
/// The `ca` certificates themselves (DER).
type Pinned = Arc<Vec<Vec<u8>>>;

fn roots_of(ca: Option<&[Vec<u8>]>) -> Result<(Arc<RootCertStore>, Pinned)> {
    let Some(ca) = ca else {
        return Ok((default_roots(), Arc::default()));
    };
    let mut store = RootCertStore::empty();
    let mut pinned = Vec::new();
    for blob in ca {
        for der in pem_certificates(blob)? {
            // OpenSSL skips certificates it cannot use as anchors; so does the store.
            let _ = store.add(CertificateDer::from(der.clone()));
            pinned.push(der);
        }
    }
    Ok((Arc::new(store), Arc::new(pinned)))
}

fn config_error(e: rustls::Error) -> Error {
    match e {
        rustls::Error::InconsistentKeys(_) => openssl_error(
            "ERR_OSSL_X509_KEY_VALUES_MISMATCH",
            "error:05800074:x509 certificate routines::key values mismatch",
        ),
        other => openssl_error("ERR_OSSL_UNSUPPORTED", &other.to_string()),
    }
}

fn fingerprint(parts: &[&[u8]]) -> String {
    let mut ctx = ring::digest::Context::new(&ring::digest::SHA256);
    for p in parts {
        ctx.update(&(p.len() as u64).to_le_bytes());
        ctx.update(p);
    }
    ctx.finish()
        .as_ref()
        .iter()
        .take(12)
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// What `tls.connect()` takes besides the address.
///
/// # Examples
/// ```
/// let opts = node_net::tls::ClientOptions { servername: Some("localhost".into()), ..Default::default() };
/// let config = opts.build().unwrap();
/// assert!(config.reject_unauthorized());
/// ```
#[derive(Debug, Clone)]
pub struct ClientOptions {
    /// `ca`: trusted roots (PEM texts or DER); `None` is Mozilla's list.
    pub ca: Option<Vec<Vec<u8>>>,
    /// `cert`: the client certificate chain (PEM), sent when the server asks.
    pub cert: Option<Vec<u8>>,
    /// `key`: its private key (PEM).
    pub key: Option<Vec<u8>>,
    /// `rejectUnauthorized` (default `true`).
    pub reject_unauthorized: bool,
    /// `servername`: the SNI and identity name (default: the host).
    pub servername: Option<String>,
    /// `ALPNProtocols`.
    pub alpn_protocols: Vec<Vec<u8>>,
    /// `minVersion` (default TLS 1.2).
    pub min_version: TlsVersion,
    /// `maxVersion` (default TLS 1.3).
    pub max_version: TlsVersion,
    /// Whether [`super::connect`] checks the host name itself (Node's default
    /// `checkServerIdentity`); `false` when the caller runs its own check.
    pub check_identity: bool,
}

impl Default for ClientOptions {
    fn default() -> Self {
        ClientOptions {
            ca: None,
            cert: None,
            key: None,
            reject_unauthorized: true,
            servername: None,
            alpn_protocols: Vec::new(),
            min_version: TlsVersion::V1_2,
            max_version: TlsVersion::V1_3,
            check_identity: true,
        }
    }
}

/// A built client context: share it between connections (and an agent's pool key).
///
/// # Examples
/// ```
/// let config = node_net::tls::ClientOptions { reject_unauthorized: false, ..Default::default() }.build().unwrap();
/// assert!(!config.reject_unauthorized());
/// ```
#[derive(Debug, Clone)]
pub struct ClientConfig {
    pub(crate) inner: Arc<rustls::ClientConfig>,
    pub(crate) roots: Arc<RootCertStore>,
    pub(crate) pinned: Arc<Vec<Vec<u8>>>,
    pub(crate) reject: bool,
    pub(crate) servername: Option<String>,
    pub(crate) check_identity: bool,
    key: String,
}

impl ClientOptions {
    /// Builds the context.
    ///
    /// # Errors
    /// OpenSSL-coded errors for unreadable certificates or keys, or a key that does not
    /// match the certificate.
    ///
    /// # Examples
    /// ```
    /// let config = node_net::tls::ClientOptions { reject_unauthorized: false, ..Default::default() }.build().unwrap();
    /// assert!(!config.reject_unauthorized());
    /// ```
    pub fn build(&self) -> Result<ClientConfig> {
        let provider = provider();
        let (roots, pinned) = roots_of(self.ca.as_deref())?;
        let verifier = NodeServerVerifier {
            roots: roots.clone(),
            pinned: pinned.clone(),
            provider: provider.clone(),
            reject: self.reject_unauthorized,
        };
        let builder = rustls::ClientConfig::builder_with_provider(provider)
            .with_protocol_versions(&versions(self.min_version, self.max_version))
            .map_err(config_error)?
            .dangerous()
            .with_custom_certificate_verifier(Arc::new(verifier));
        let mut config = match (&self.cert, &self.key) {
            (Some(cert), Some(key)) => builder
                .with_client_auth_cert(chain(cert)?, private_key(key)?)
                .map_err(config_error)?,
            _ => builder.with_no_client_auth(),
        };
        config.alpn_protocols = self.alpn_protocols.clone();
        let mut parts: Vec<&[u8]> = Vec::new();
        for c in self.ca.iter().flatten() {
            parts.push(c);
        }
        parts.push(self.cert.as_deref().unwrap_or(b""));
        parts.push(self.key.as_deref().unwrap_or(b""));
        let alpn = self.alpn_protocols.join(&b","[..]);
        parts.push(&alpn);
        let key = format!(
            "{}:{}:{}:{}:{}",
            self.servername.as_deref().unwrap_or(""),
            u8::from(self.reject_unauthorized),
            self.min_version.name(),
            self.max_version.name(),
            fingerprint(&parts),
        );
        Ok(ClientConfig {
            inner: Arc::new(config),
            roots,
            pinned,
            reject: self.reject_unauthorized,
            servername: self.servername.clone(),
            check_identity: self.check_identity,
            key,
        })
    }
}

impl ClientConfig {
    /// `rejectUnauthorized`.
    ///
    /// # Examples
    /// ```
    /// let config = node_net::tls::ClientOptions { reject_unauthorized: false, ..Default::default() }.build().unwrap();
    /// assert!(!config.reject_unauthorized());
    /// ```
    pub fn reject_unauthorized(&self) -> bool {
        self.reject
    }

    /// A text that differs between contexts built from different options (an agent's
    /// pool key part, as Node's `Agent.getName` adds the TLS options).
    ///
    /// # Examples
    /// ```
    /// let a = node_net::tls::ClientOptions::default().build().unwrap();
    /// let b = node_net::tls::ClientOptions { reject_unauthorized: false, ..Default::default() }.build().unwrap();
    /// assert_ne!(a.cache_key(), b.cache_key());
    /// ```
    pub fn cache_key(&self) -> &str {
        &self.key
    }
}

/// What `tls.createServer()` takes.
///
/// # Examples
/// ```
/// let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/fixtures/tls/");
/// let opts = node_net::tls::ServerOptions {
///     cert: Some(std::fs::read(format!("{dir}server.pem")).unwrap()),
///     key: Some(std::fs::read(format!("{dir}server-key.pem")).unwrap()),
///     ..Default::default()
/// };
/// assert!(opts.build().is_ok());
/// ```
#[derive(Debug, Clone)]
pub struct ServerOptions {
    /// `cert`: the certificate chain (PEM).
    pub cert: Option<Vec<u8>>,
    /// `key`: its private key (PEM).
    pub key: Option<Vec<u8>>,
    /// `ca`: roots for client certificates.
    pub ca: Option<Vec<Vec<u8>>>,
    /// `requestCert`.
    pub request_cert: bool,
    /// `rejectUnauthorized` (applies with `requestCert`; default `true`).
    pub reject_unauthorized: bool,
    /// `ALPNProtocols`, in preference order.
    pub alpn_protocols: Vec<Vec<u8>>,
    /// `minVersion`.
    pub min_version: TlsVersion,
    /// `maxVersion`.
    pub max_version: TlsVersion,
}

impl Default for ServerOptions {
    fn default() -> Self {
        ServerOptions {
            cert: None,
            key: None,
            ca: None,
            request_cert: false,
            reject_unauthorized: true,
            alpn_protocols: Vec::new(),
            min_version: TlsVersion::V1_2,
            max_version: TlsVersion::V1_3,
        }
    }
}

/// A built server context.
///
/// # Examples
/// ```
/// // Node accepts a context without a certificate (its handshakes then fail).
/// let config = node_net::tls::ServerOptions::default().build();
/// assert!(config.is_ok());
/// let bad = node_net::tls::ServerOptions { key: Some(b"junk".to_vec()), ..Default::default() }.build();
/// assert_eq!(bad.unwrap_err().code(), "ERR_OSSL_UNSUPPORTED");
/// ```
#[derive(Debug, Clone)]
pub struct ServerConfig {
    pub(crate) inner: Arc<rustls::ServerConfig>,
    pub(crate) client_roots: Option<Arc<RootCertStore>>,
}

impl ServerOptions {
    /// Builds the context.
    ///
    /// # Errors
    /// OpenSSL-coded errors for unreadable certificates or keys, or a key that does not
    /// match the certificate.
    ///
    /// # Examples
    /// ```
    /// // Node accepts a context without a certificate (its handshakes then fail).
    /// let config = node_net::tls::ServerOptions::default().build();
    /// assert!(config.is_ok());
    /// let bad = node_net::tls::ServerOptions { key: Some(b"junk".to_vec()), ..Default::default() }.build();
    /// assert_eq!(bad.unwrap_err().code(), "ERR_OSSL_UNSUPPORTED");
    /// ```
    pub fn build(&self) -> Result<ServerConfig> {
        let provider = provider();
        let builder = rustls::ServerConfig::builder_with_provider(provider.clone())
            .with_protocol_versions(&versions(self.min_version, self.max_version))
            .map_err(config_error)?;
        let client_roots = if self.request_cert {
            Some(roots_of(self.ca.as_deref())?.0)
        } else {
            None
        };
        let builder = match &client_roots {
            Some(roots) => builder.with_client_cert_verifier(Arc::new(NodeClientVerifier {
                roots: roots.clone(),
                provider,
                reject: self.reject_unauthorized,
            })),
            None => builder.with_no_client_auth(),
        };
        // Each part is read even alone, so bad material fails as in node.
        let cert = self.cert.as_deref().map(chain).transpose()?;
        let key = self.key.as_deref().map(private_key).transpose()?;
        let mut config = match (cert, key) {
            (Some(cert), Some(key)) => builder.with_single_cert(cert, key).map_err(config_error)?,
            // Node accepts a context without a certificate; its handshakes then fail.
            _ => builder
                .with_cert_resolver(Arc::new(rustls::server::ResolvesServerCertUsingSni::new())),
        };
        config.alpn_protocols = self.alpn_protocols.clone();
        Ok(ServerConfig {
            inner: Arc::new(config),
            client_roots,
        })
    }
}
