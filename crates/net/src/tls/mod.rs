//! Node's [`tls`](https://nodejs.org/api/tls.html) layer on rustls: [`connect`] and
//! [`accept`] run a handshake over a connected [`Socket`] and give back a `Socket` whose
//! bytes are the decrypted stream, so anything that speaks to a `Socket` (node-http, the
//! nrt socket bindings) works over TLS unchanged. The session's facts
//! (`getProtocol()`, `getCipher()`, `alpnProtocol`, `authorized`, `authorizationError`,
//! the peer's certificates) are [`Socket::tls_session`].
//!
//! Certificate checks follow Node: the chain against `ca` (Mozilla's roots by default),
//! then the host name (`checkServerIdentity`); with `rejectUnauthorized: false` failures
//! are only recorded in the session.
//!
//! ```
//! # #[tokio::main(flavor = "current_thread")] async fn main() -> node_net::Result<()> {
//! use node_net::{tls, ListenOptions, Server, Socket};
//! use tokio::io::{AsyncReadExt, AsyncWriteExt};
//!
//! let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/fixtures/tls/");
//! let read = |f: &str| std::fs::read(format!("{dir}{f}")).unwrap();
//! let server_cfg = tls::ServerOptions {
//!     cert: Some(read("server.pem")), key: Some(read("server-key.pem")), ..Default::default()
//! }.build()?;
//! let client_cfg = tls::ClientOptions { ca: Some(vec![read("ca.pem")]), ..Default::default() }.build()?;
//!
//! let server = Server::listen(ListenOptions::port(0).host("127.0.0.1")).await?;
//! let port = server.address()?.as_inet().unwrap().port;
//! let (client, accepted) = tokio::join!(
//!     async { tls::connect(Socket::connect(port, "127.0.0.1").await?, &client_cfg, "localhost").await },
//!     async { tls::accept(server.accept().await?, &server_cfg).await },
//! );
//! let (mut client, mut conn) = (client?, accepted?);
//! assert!(client.tls_session().unwrap().authorized);
//! client.write_all(b"hello").await.unwrap();
//! client.shutdown().await.unwrap();
//! let mut got = String::new();
//! conn.read_to_string(&mut got).await.unwrap();
//! assert_eq!(got, "hello");
//! # Ok(()) }
//! ```

mod cert;
mod identity;
mod options;
mod session;
mod verify;

use std::sync::Arc;

use node_core::{ErrorClass, NodeError};
use rustls::pki_types::{CertificateDer, ServerName, UnixTime};

pub use self::cert::PeerCertificate;
pub use self::identity::{altname_error, identity_mismatch};
pub use self::options::{
    pem_certificates, ClientConfig, ClientOptions, ServerConfig, ServerOptions, TlsVersion,
};
pub use self::session::{cipher_names, root_certificates, Cipher, TlsSession};
pub use self::verify::VerifyError;

use crate::errors::{Error, Result};
use crate::stream::Stream;
use crate::{Socket, SocketHandle};

impl Socket {
    /// The TLS session of a socket from [`connect`] or [`accept`] (`None` for plain TCP).
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
    pub fn tls_session(&self) -> Option<Arc<TlsSession>> {
        self.state.tls.get().cloned()
    }
}

impl SocketHandle {
    /// The socket's TLS session, as [`Socket::tls_session`].
    ///
    /// # Examples
    /// ```
    /// # #[tokio::main(flavor = "current_thread")] async fn main() -> node_net::Result<()> {
    /// # let server = node_net::Server::listen(node_net::ListenOptions::port(0).host("127.0.0.1")).await?;
    /// # let port = server.address()?.as_inet().unwrap().port;
    /// let s = node_net::Socket::connect(port, "127.0.0.1").await?;
    /// assert!(s.handle()?.tls_session().is_none());
    /// # Ok(()) }
    /// ```
    pub fn tls_session(&self) -> Option<Arc<TlsSession>> {
        self.state.tls.get().cloned()
    }
}

fn node_error(code: impl Into<String>, message: impl Into<String>) -> Error {
    Error::Node(NodeError::new(ErrorClass::Error, code.into(), message))
}

/// Turns a failed handshake into Node's error: a rejected certificate keeps its verify
/// code; an alert from the peer becomes `ERR_SSL_TLSV1_ALERT_*`; a peer that hangs up is
/// `ECONNRESET` with `hangup`'s text.
fn handshake_error(e: std::io::Error, hangup: &str) -> Error {
    if let Some(tls) = e.get_ref().and_then(|r| r.downcast_ref::<rustls::Error>()) {
        return match tls {
            rustls::Error::Other(o) => match o.0.downcast_ref::<VerifyError>() {
                Some(v) => node_error(v.code(), v.message()),
                None => node_error("ERR_SSL_HANDSHAKE_FAILURE", o.to_string()),
            },
            rustls::Error::AlertReceived(a) => {
                let name = format!("{a:?}");
                let words = snake(&name);
                node_error(
                    format!("ERR_SSL_TLSV1_ALERT_{}", words.to_ascii_uppercase()),
                    format!("tlsv1 alert {}", words.replace('_', " ")),
                )
            }
            rustls::Error::PeerIncompatible(_) | rustls::Error::NoApplicationProtocol => {
                node_error("ERR_SSL_NO_PROTOCOLS_AVAILABLE", tls.to_string())
            }
            other => node_error("ERR_SSL_HANDSHAKE_FAILURE", other.to_string()),
        };
    }
    match e.kind() {
        std::io::ErrorKind::UnexpectedEof
        | std::io::ErrorKind::ConnectionReset
        | std::io::ErrorKind::BrokenPipe => node_error("ECONNRESET", hangup),
        _ => Error::io(&e, "read"),
    }
}

/// `UnknownCa` → `unknown_ca`.
fn snake(name: &str) -> String {
    let mut out = String::new();
    for (i, c) in name.chars().enumerate() {
        if c.is_ascii_uppercase() && i > 0 {
            out.push('_');
        }
        out.push(c.to_ascii_lowercase());
    }
    out
}

fn peer_chain(certs: Option<&[CertificateDer<'_>]>) -> Vec<Vec<u8>> {
    certs
        .map(|c| c.iter().map(|d| d.to_vec()).collect())
        .unwrap_or_default()
}

/// The client side of `tls.connect()`: a handshake over `socket` to `host` (the SNI and
/// identity name unless the options give `servername`).
///
/// # Errors
/// With `rejectUnauthorized`, a certificate failure as Node reports it (code
/// `DEPTH_ZERO_SELF_SIGNED_CERT`, `ERR_TLS_CERT_ALTNAME_INVALID`, …); alerts and hang-ups
/// during the handshake; an invalid server name.
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
pub async fn connect(socket: Socket, config: &ClientConfig, host: &str) -> Result<Socket> {
    let name = config.servername.as_deref().unwrap_or(host);
    let server_name = ServerName::try_from(name.to_owned()).map_err(|_| {
        node_error(
            "ERR_TLS_INVALID_SERVERNAME",
            format!("Invalid server name \"{name}\""),
        )
    })?;
    let Socket { stream, state } = socket;
    let connector = tokio_rustls::TlsConnector::from(config.inner.clone());
    let tls = connector.connect(server_name, stream).await.map_err(|e| {
        handshake_error(
            e,
            "Client network socket disconnected before secure TLS connection was established",
        )
    })?;
    let conn = tls.get_ref().1;
    let peer = peer_chain(conn.peer_certificates());
    let mut authorization_error = None;
    if !config.reject {
        if let Some((ee, rest)) = conn.peer_certificates().and_then(|c| c.split_first()) {
            let provider = options::provider();
            if let Err(e) = verify::verify_chain(
                &config.roots,
                &config.pinned,
                &provider,
                ee,
                rest,
                UnixTime::now(),
            ) {
                authorization_error = Some(e.code().to_owned());
            }
        }
    }
    if authorization_error.is_none() && config.check_identity {
        let leaf = peer.first().and_then(|d| PeerCertificate::parse(d));
        let reason = match &leaf {
            Some(c) => identity_mismatch(name, c.subjectaltname.as_deref(), c.subject_value("CN")),
            None => Some("Cert is empty".into()),
        };
        if let Some(reason) = reason {
            if config.reject {
                return Err(Error::Node(altname_error(&reason)));
            }
            authorization_error = Some("ERR_TLS_CERT_ALTNAME_INVALID".into());
        }
    }
    let session = TlsSession::of_client(conn, peer, authorization_error, Some(name.to_owned()));
    let _ = state.tls.set(Arc::new(session));
    Ok(Socket {
        stream: Stream::Tls(Box::new(tokio_rustls::TlsStream::Client(tls))),
        state,
    })
}

/// The server side: a handshake over an accepted `socket`.
///
/// # Errors
/// Handshake failures (Node's `'tlsClientError'`): alerts, hang-ups (`ECONNRESET`), a
/// rejected client certificate.
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
pub async fn accept(socket: Socket, config: &ServerConfig) -> Result<Socket> {
    let Socket { stream, state } = socket;
    let acceptor = tokio_rustls::TlsAcceptor::from(config.inner.clone());
    let tls = acceptor
        .accept(stream)
        .await
        .map_err(|e| handshake_error(e, "socket hang up"))?;
    let conn = tls.get_ref().1;
    let peer = peer_chain(conn.peer_certificates());
    let mut authorized = false;
    let mut authorization_error = None;
    if let (Some(roots), Some((ee, rest))) = (
        &config.client_roots,
        conn.peer_certificates().and_then(|c| c.split_first()),
    ) {
        match verify::verify_client_chain(roots, &options::provider(), ee, rest, UnixTime::now()) {
            Ok(()) => authorized = true,
            Err(e) => authorization_error = Some(e.code().to_owned()),
        }
    }
    let session = TlsSession::of_server(conn, peer, authorized, authorization_error);
    let _ = state.tls.set(Arc::new(session));
    Ok(Socket {
        stream: Stream::Tls(Box::new(tokio_rustls::TlsStream::Server(tls))),
        state,
    })
}
