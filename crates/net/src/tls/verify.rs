//! Certificate checks with Node's outcomes: the chain is verified against the trust
//! roots (not the host name: Node checks that afterwards with `checkServerIdentity`), and a
//! failure carries OpenSSL's verify code (`DEPTH_ZERO_SELF_SIGNED_CERT`, …). With
//! `rejectUnauthorized: false` the handshake goes on and the failure is only recorded.

use std::sync::Arc;

use rustls::client::danger::{HandshakeSignatureValid, ServerCertVerified, ServerCertVerifier};
use rustls::crypto::{verify_tls12_signature, verify_tls13_signature, CryptoProvider};
use rustls::pki_types::{CertificateDer, ServerName, UnixTime};
use rustls::server::danger::{ClientCertVerified, ClientCertVerifier};
use rustls::server::ParsedCertificate;
use rustls::{CertificateError, DigitallySignedStruct, DistinguishedName, RootCertStore};
use rustls::{Error as TlsError, SignatureScheme};

use super::cert::PeerCertificate;

/// A failed certificate check: OpenSSL's verify code and text, as Node reports them in
/// `authorizationError` and in the error of a rejected connection.
///
/// # Examples
/// ```
/// let e = node_net::tls::VerifyError::new("CERT_HAS_EXPIRED");
/// assert_eq!(e.message(), "certificate has expired");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct VerifyError {
    code: &'static str,
}

impl VerifyError {
    /// The error for an OpenSSL verify code (unknown codes get "certificate rejected").
    ///
    /// # Examples
    /// ```
    /// let e = node_net::tls::VerifyError::new("DEPTH_ZERO_SELF_SIGNED_CERT");
    /// assert_eq!(e.to_string(), "self-signed certificate");
    /// ```
    pub fn new(code: &'static str) -> Self {
        VerifyError { code }
    }

    /// The code (`UNABLE_TO_VERIFY_LEAF_SIGNATURE`).
    ///
    /// # Examples
    /// ```
    /// assert_eq!(node_net::tls::VerifyError::new("CERT_REVOKED").code(), "CERT_REVOKED");
    /// ```
    pub fn code(&self) -> &'static str {
        self.code
    }

    /// OpenSSL's text for the code (`unable to verify the first certificate`).
    ///
    /// # Examples
    /// ```
    /// let e = node_net::tls::VerifyError::new("UNABLE_TO_VERIFY_LEAF_SIGNATURE");
    /// assert_eq!(e.message(), "unable to verify the first certificate");
    /// ```
    pub fn message(&self) -> &'static str {
        match self.code {
            "DEPTH_ZERO_SELF_SIGNED_CERT" => "self-signed certificate",
            "SELF_SIGNED_CERT_IN_CHAIN" => "self-signed certificate in certificate chain",
            "UNABLE_TO_VERIFY_LEAF_SIGNATURE" => "unable to verify the first certificate",
            "UNABLE_TO_GET_ISSUER_CERT_LOCALLY" => "unable to get local issuer certificate",
            "CERT_HAS_EXPIRED" => "certificate has expired",
            "CERT_NOT_YET_VALID" => "certificate is not yet valid",
            "CERT_SIGNATURE_FAILURE" => "certificate signature failure",
            "CERT_REVOKED" => "certificate revoked",
            "INVALID_PURPOSE" => "unsupported certificate purpose",
            _ => "certificate rejected",
        }
    }
}

impl std::fmt::Display for VerifyError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.message())
    }
}

impl std::error::Error for VerifyError {}

/// Verifies a peer's chain against `roots` at `now`.
pub(crate) fn verify_chain(
    roots: &RootCertStore,
    pinned: &[Vec<u8>],
    provider: &CryptoProvider,
    end_entity: &CertificateDer<'_>,
    intermediates: &[CertificateDer<'_>],
    now: UnixTime,
) -> Result<(), VerifyError> {
    // A leaf that is itself one of the `ca` certificates is trusted as OpenSSL does
    // (webpki would refuse a self-signed CA:TRUE certificate as an end entity).
    if pinned.iter().any(|p| p[..] == end_entity[..]) {
        return Ok(());
    }
    let parsed =
        ParsedCertificate::try_from(end_entity).map_err(|_| VerifyError::new("CERT_REJECTED"))?;
    let algs = provider.signature_verification_algorithms.all;
    match rustls::client::verify_server_cert_signed_by_trust_anchor(
        &parsed,
        roots,
        intermediates,
        now,
        algs,
    ) {
        Ok(()) => Ok(()),
        Err(TlsError::InvalidCertificate(e)) => Err(map_error(&e, end_entity, intermediates)),
        Err(_) => Err(VerifyError::new("CERT_REJECTED")),
    }
}

fn map_error(
    e: &CertificateError,
    end_entity: &CertificateDer<'_>,
    intermediates: &[CertificateDer<'_>],
) -> VerifyError {
    VerifyError::new(match e {
        // A self-signed leaf (often CA:TRUE, which webpki refuses as an end entity) that
        // is not trusted, or an issuer that is not known.
        CertificateError::UnknownIssuer | CertificateError::Other(_) => {
            let self_issued =
                |d: &CertificateDer<'_>| PeerCertificate::parse(d).is_some_and(|c| c.self_issued());
            if intermediates.is_empty() && self_issued(end_entity) {
                "DEPTH_ZERO_SELF_SIGNED_CERT"
            } else if intermediates.iter().any(self_issued) {
                "SELF_SIGNED_CERT_IN_CHAIN"
            } else if intermediates.is_empty() {
                "UNABLE_TO_VERIFY_LEAF_SIGNATURE"
            } else {
                "UNABLE_TO_GET_ISSUER_CERT_LOCALLY"
            }
        }
        CertificateError::Expired | CertificateError::ExpiredContext { .. } => "CERT_HAS_EXPIRED",
        CertificateError::NotValidYet | CertificateError::NotValidYetContext { .. } => {
            "CERT_NOT_YET_VALID"
        }
        CertificateError::BadSignature => "CERT_SIGNATURE_FAILURE",
        CertificateError::Revoked => "CERT_REVOKED",
        CertificateError::InvalidPurpose | CertificateError::InvalidPurposeContext { .. } => {
            "INVALID_PURPOSE"
        }
        _ => "CERT_REJECTED",
    })
}

/// The client's server-certificate check: the chain only, failing the handshake when
/// `reject` (Node's `rejectUnauthorized`), else accepting and leaving the verdict to
/// [`super::connect`]'s after-handshake check.
#[derive(Debug)]
pub(crate) struct NodeServerVerifier {
    pub(crate) roots: Arc<RootCertStore>,
    pub(crate) pinned: Arc<Vec<Vec<u8>>>,
    pub(crate) provider: Arc<CryptoProvider>,
    pub(crate) reject: bool,
}

impl ServerCertVerifier for NodeServerVerifier {
    fn verify_server_cert(
        &self,
        end_entity: &CertificateDer<'_>,
        intermediates: &[CertificateDer<'_>],
        _server_name: &ServerName<'_>,
        _ocsp_response: &[u8],
        now: UnixTime,
    ) -> Result<ServerCertVerified, TlsError> {
        if self.reject {
            verify_chain(
                &self.roots,
                &self.pinned,
                &self.provider,
                end_entity,
                intermediates,
                now,
            )
            .map_err(|e| TlsError::Other(rustls::OtherError(Arc::new(e))))?;
        }
        Ok(ServerCertVerified::assertion())
    }

    fn verify_tls12_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, TlsError> {
        verify_tls12_signature(
            message,
            cert,
            dss,
            &self.provider.signature_verification_algorithms,
        )
    }

    fn verify_tls13_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, TlsError> {
        verify_tls13_signature(
            message,
            cert,
            dss,
            &self.provider.signature_verification_algorithms,
        )
    }

    fn supported_verify_schemes(&self) -> Vec<SignatureScheme> {
        self.provider
            .signature_verification_algorithms
            .supported_schemes()
    }
}

/// A server's check of client certificates (`requestCert`): asks for one; with
/// `rejectUnauthorized` a missing or untrusted one fails the handshake, else the verdict is
/// recorded after the handshake.
#[derive(Debug)]
pub(crate) struct NodeClientVerifier {
    pub(crate) roots: Arc<RootCertStore>,
    pub(crate) provider: Arc<CryptoProvider>,
    pub(crate) reject: bool,
}

impl ClientCertVerifier for NodeClientVerifier {
    fn root_hint_subjects(&self) -> &[DistinguishedName] {
        &[]
    }

    fn client_auth_mandatory(&self) -> bool {
        self.reject
    }

    fn verify_client_cert(
        &self,
        end_entity: &CertificateDer<'_>,
        intermediates: &[CertificateDer<'_>],
        now: UnixTime,
    ) -> Result<ClientCertVerified, TlsError> {
        if self.reject {
            verify_client_chain(&self.roots, &self.provider, end_entity, intermediates, now)
                .map_err(|e| TlsError::Other(rustls::OtherError(Arc::new(e))))?;
        }
        Ok(ClientCertVerified::assertion())
    }

    fn verify_tls12_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, TlsError> {
        verify_tls12_signature(
            message,
            cert,
            dss,
            &self.provider.signature_verification_algorithms,
        )
    }

    fn verify_tls13_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, TlsError> {
        verify_tls13_signature(
            message,
            cert,
            dss,
            &self.provider.signature_verification_algorithms,
        )
    }

    fn supported_verify_schemes(&self) -> Vec<SignatureScheme> {
        self.provider
            .signature_verification_algorithms
            .supported_schemes()
    }
}

/// A client certificate's chain (client-auth purpose).
pub(crate) fn verify_client_chain(
    roots: &Arc<RootCertStore>,
    provider: &Arc<CryptoProvider>,
    end_entity: &CertificateDer<'_>,
    intermediates: &[CertificateDer<'_>],
    now: UnixTime,
) -> Result<(), VerifyError> {
    let verifier = rustls::server::WebPkiClientVerifier::builder_with_provider(
        roots.clone(),
        provider.clone(),
    )
    .build()
    .map_err(|_| VerifyError::new("UNABLE_TO_GET_ISSUER_CERT_LOCALLY"))?;
    match verifier.verify_client_cert(end_entity, intermediates, now) {
        Ok(_) => Ok(()),
        Err(TlsError::InvalidCertificate(e)) => Err(map_error(&e, end_entity, intermediates)),
        Err(_) => Err(VerifyError::new("CERT_REJECTED")),
    }
}
