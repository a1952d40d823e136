//! Keys to and from DER and PEM in node's encodings: PKCS#8 (optionally encrypted with
//! PBES2), PKCS#1, SEC1 and SPKI. Ed25519/X25519 PKCS#8 and SPKI are built here (RFC 8410)
//! so the bytes match OpenSSL's (version 1, no public key).

use der::pem::LineEnding;
use der::{Decode, Encode};
use node_core::{ErrorClass, NodeError};
use pkcs8::{AlgorithmIdentifierRef, ObjectIdentifier, PrivateKeyInfo};
use rsa::pkcs1::{
    DecodeRsaPrivateKey, DecodeRsaPublicKey, EncodeRsaPrivateKey, EncodeRsaPublicKey,
};
use rsa::pkcs8::{DecodePrivateKey, DecodePublicKey, EncodePrivateKey, EncodePublicKey};
use spki::SubjectPublicKeyInfoRef;

use super::{incompatible, unsupported, EcCurve, PrivateKey, PublicKey};

/// Where key bytes come from or go to.
///
/// # Examples
/// ```
/// use node_stdlib::crypto::{generate_key_pair, KeyEncoding, KeyFormat, KeyPairKind};
/// let (_, public) = generate_key_pair(&KeyPairKind::Ed25519).unwrap();
/// let format = KeyFormat::Pem;
/// let pem = match format {
///     KeyFormat::Pem => public.to_pem(KeyEncoding::Spki).unwrap(),
///     KeyFormat::Der => unreachable!(),
/// };
/// assert!(pem.starts_with("-----BEGIN PUBLIC KEY-----"));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeyFormat {
    /// PEM text.
    Pem,
    /// DER bytes.
    Der,
}

/// The ASN.1 structure of an encoded key (node's `type` option).
///
/// # Examples
/// ```
/// use node_stdlib::crypto::{generate_key_pair, KeyEncoding, KeyPairKind, PrivateKey};
/// let (private, _) = generate_key_pair(&KeyPairKind::X25519).unwrap();
/// let der = private.to_der(KeyEncoding::Pkcs8).unwrap();
/// assert!(PrivateKey::from_der(&der, KeyEncoding::Pkcs8, None).unwrap().same_key(&private));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeyEncoding {
    /// PKCS#8 `PrivateKeyInfo` (private keys).
    Pkcs8,
    /// PKCS#1 (RSA only, private or public).
    Pkcs1,
    /// SEC1 `ECPrivateKey` (EC private keys).
    Sec1,
    /// X.509 `SubjectPublicKeyInfo` (public keys).
    Spki,
}

impl KeyEncoding {
    /// Parses node's `type` option value.
    ///
    /// # Examples
    /// ```
    /// use node_stdlib::crypto::KeyEncoding;
    /// assert_eq!(KeyEncoding::from_name("sec1"), Some(KeyEncoding::Sec1));
    /// ```
    pub fn from_name(name: &str) -> Option<Self> {
        match name {
            "pkcs8" => Some(Self::Pkcs8),
            "pkcs1" => Some(Self::Pkcs1),
            "sec1" => Some(Self::Sec1),
            "spki" => Some(Self::Spki),
            _ => None,
        }
    }
}

const RSA: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113549.1.1.1");
const EC: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.10045.2.1");
const P256: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.10045.3.1.7");
const P384: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.3.132.0.34");
const X25519: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.3.101.110");
const ED25519: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.3.101.112");

/// Key types node reads and nrt does not implement: ERR_NOT_IMPLEMENTED naming them.
fn not_built_in(oid: ObjectIdentifier) -> NodeError {
    let name = match oid.to_string().as_str() {
        "1.2.840.113549.1.1.10" => "rsa-pss",
        "1.2.840.10040.4.1" => "dsa",
        "1.2.840.113549.1.3.1" => "dh",
        "1.3.101.113" => "ed448",
        "1.3.101.111" => "x448",
        _ => return unsupported(),
    };
    NodeError::not_implemented(&format!("crypto keys of type {name}"))
}

/// EC keys on curves other than P-256/P-384.
fn curve_not_built_in() -> NodeError {
    NodeError::not_implemented("crypto EC keys on curves other than P-256 and P-384")
}

fn bad<E>(_: E) -> NodeError {
    unsupported()
}

fn curve_of(params: Option<der::asn1::AnyRef<'_>>) -> Option<EcCurve> {
    let oid = params?.decode_as::<ObjectIdentifier>().ok()?;
    match oid {
        P256 => Some(EcCurve::P256),
        P384 => Some(EcCurve::P384),
        _ => None,
    }
}

/// The PEM label and DER of the first PEM block in `text`.
fn pem_block(text: &str) -> Result<(String, Vec<u8>), NodeError> {
    let start = text.find("-----BEGIN ").ok_or_else(unsupported)?;
    if text[start..].contains("Proc-Type: 4,ENCRYPTED") {
        return Err(NodeError::not_implemented(
            "crypto keys in encrypted PKCS#1/SEC1 (legacy PEM) form",
        ));
    }
    let (label, der) = der::pem::decode_vec(text[start..].trim_end().as_bytes()).map_err(bad)?;
    Ok((label.to_string(), der))
}

fn internal<E>(_: E) -> NodeError {
    NodeError::new(
        ErrorClass::Error,
        "ERR_CRYPTO_OPERATION_FAILED",
        "Failed to encode the key",
    )
}

/// DER that does not even start with a SEQUENCE: OpenSSL's ASN.1 error, as node shows it.
fn check_sequence(der: &[u8]) -> Result<(), NodeError> {
    if der.first() == Some(&0x30) {
        return Ok(());
    }
    Err(NodeError::new(
        ErrorClass::Error,
        "ERR_OSSL_ASN1_WRONG_TAG",
        "error:068000A8:asn1 encoding routines::wrong tag",
    ))
}

fn missing_passphrase() -> NodeError {
    NodeError::new(
        ErrorClass::Error,
        "ERR_OSSL_CRYPTO_INTERRUPTED_OR_CANCELLED",
        "error:07880109:common libcrypto routines::interrupted or cancelled",
    )
}

fn bad_decrypt() -> NodeError {
    NodeError::new(
        ErrorClass::Error,
        "ERR_OSSL_BAD_DECRYPT",
        "error:1C800064:Provider routines::bad decrypt",
    )
}

impl PrivateKey {
    /// Reads a private key from PEM (the label says which encoding; encrypted PKCS#8
    /// needs `passphrase`).
    ///
    /// # Errors
    /// `ERR_OSSL_UNSUPPORTED` for anything unreadable, `ERR_OSSL_CRYPTO_INTERRUPTED_OR_CANCELLED` (no passphrase, as node without a TTY),
    /// `ERR_OSSL_BAD_DECRYPT` for a wrong passphrase.
    ///
    /// # Examples
    /// ```
    /// use node_stdlib::crypto::PrivateKey;
    /// assert_eq!(PrivateKey::from_pem("garbage", None).unwrap_err().code(), "ERR_OSSL_UNSUPPORTED");
    /// ```
    pub fn from_pem(text: &str, passphrase: Option<&[u8]>) -> Result<Self, NodeError> {
        let (label, der) = pem_block(text)?;
        // OpenSSL's PEM decoders report any bad private key as "unsupported".
        let unsupported_if_asn1 = |e: NodeError| {
            if e.code() == "ERR_OSSL_ASN1_WRONG_TAG" {
                unsupported()
            } else {
                e
            }
        };
        let r = match label.as_str() {
            "PRIVATE KEY" => Self::from_der(&der, KeyEncoding::Pkcs8, None),
            "ENCRYPTED PRIVATE KEY" => Self::from_der(
                &der,
                KeyEncoding::Pkcs8,
                Some(passphrase.ok_or_else(missing_passphrase)?),
            ),
            "RSA PRIVATE KEY" => Self::from_der(&der, KeyEncoding::Pkcs1, None),
            "EC PRIVATE KEY" => Self::from_der(&der, KeyEncoding::Sec1, None),
            _ => Err(unsupported()),
        };
        r.map_err(unsupported_if_asn1)
    }

    /// Reads a private key from DER in `encoding`; a PKCS#8 document that is encrypted
    /// is decrypted with `passphrase`.
    ///
    /// # Errors
    /// As [`PrivateKey::from_pem`].
    ///
    /// # Examples
    /// ```
    /// use node_stdlib::crypto::{generate_key_pair, KeyEncoding, KeyPairKind, PrivateKey};
    /// let (k, _) = generate_key_pair(&KeyPairKind::Ed25519).unwrap();
    /// let der = k.to_der(KeyEncoding::Pkcs8).unwrap();
    /// assert!(PrivateKey::from_der(&der, KeyEncoding::Pkcs8, None).unwrap().same_key(&k));
    /// ```
    pub fn from_der(
        der: &[u8],
        encoding: KeyEncoding,
        passphrase: Option<&[u8]>,
    ) -> Result<Self, NodeError> {
        check_sequence(der)?;
        match encoding {
            KeyEncoding::Pkcs8 => {
                if PrivateKeyInfo::from_der(der).is_err() {
                    if let Ok(enc) = pkcs8::EncryptedPrivateKeyInfo::from_der(der) {
                        let pass = passphrase.ok_or_else(missing_passphrase)?;
                        let doc = enc.decrypt(pass).map_err(|_| bad_decrypt())?;
                        return Self::from_pkcs8(doc.as_bytes());
                    }
                }
                Self::from_pkcs8(der)
            }
            KeyEncoding::Pkcs1 => Ok(Self::Rsa(Box::new(
                rsa::RsaPrivateKey::from_pkcs1_der(der).map_err(bad)?,
            ))),
            KeyEncoding::Sec1 => {
                let parsed = sec1::EcPrivateKey::from_der(der).map_err(bad)?;
                // OpenSSL writes the curve; without it the scalar's size tells.
                let curve = match parsed.parameters.and_then(|p| p.named_curve()) {
                    Some(P256) => EcCurve::P256,
                    Some(P384) => EcCurve::P384,
                    Some(_) => return Err(curve_not_built_in()),
                    None if parsed.private_key.len() == 32 => EcCurve::P256,
                    None if parsed.private_key.len() == 48 => EcCurve::P384,
                    None => return Err(unsupported()),
                };
                match curve {
                    EcCurve::P256 => Ok(Self::P256(
                        p256::SecretKey::from_slice(parsed.private_key).map_err(bad)?,
                    )),
                    EcCurve::P384 => Ok(Self::P384(
                        p384::SecretKey::from_slice(parsed.private_key).map_err(bad)?,
                    )),
                }
            }
            KeyEncoding::Spki => Err(unsupported()),
        }
    }

    fn from_pkcs8(der: &[u8]) -> Result<Self, NodeError> {
        let info = PrivateKeyInfo::from_der(der).map_err(bad)?;
        match info.algorithm.oid {
            RSA => Ok(Self::Rsa(Box::new(
                rsa::RsaPrivateKey::from_pkcs8_der(der).map_err(bad)?,
            ))),
            EC => match curve_of(info.algorithm.parameters) {
                Some(EcCurve::P256) => Ok(Self::P256(
                    p256::SecretKey::from_pkcs8_der(der).map_err(bad)?,
                )),
                Some(EcCurve::P384) => Ok(Self::P384(
                    p384::SecretKey::from_pkcs8_der(der).map_err(bad)?,
                )),
                None => Err(curve_not_built_in()),
            },
            oid @ (ED25519 | X25519) => {
                let inner = der::asn1::OctetStringRef::from_der(info.private_key).map_err(bad)?;
                let bytes: [u8; 32] = inner.as_bytes().try_into().map_err(bad)?;
                Ok(if oid == ED25519 {
                    Self::Ed25519(ed25519_dalek::SigningKey::from_bytes(&bytes))
                } else {
                    Self::X25519(x25519_dalek::StaticSecret::from(bytes))
                })
            }
            other => Err(not_built_in(other)),
        }
    }

    /// Encodes as DER in `encoding`.
    ///
    /// # Errors
    /// `ERR_CRYPTO_INCOMPATIBLE_KEY_OPTIONS` for an encoding the key type cannot use.
    ///
    /// # Examples
    /// ```
    /// use node_stdlib::crypto::{generate_key_pair, EcCurve, KeyEncoding, KeyPairKind};
    /// let (k, _) = generate_key_pair(&KeyPairKind::Ec(EcCurve::P256)).unwrap();
    /// assert_eq!(k.to_der(KeyEncoding::Pkcs1).unwrap_err().code(), "ERR_CRYPTO_INCOMPATIBLE_KEY_OPTIONS");
    /// ```
    pub fn to_der(&self, encoding: KeyEncoding) -> Result<Vec<u8>, NodeError> {
        match (self, encoding) {
            (Self::Rsa(k), KeyEncoding::Pkcs8) => {
                Ok(k.to_pkcs8_der().map_err(internal)?.as_bytes().to_vec())
            }
            (Self::Rsa(k), KeyEncoding::Pkcs1) => {
                Ok(k.to_pkcs1_der().map_err(internal)?.as_bytes().to_vec())
            }
            (Self::P256(k), KeyEncoding::Pkcs8) => {
                Ok(k.to_pkcs8_der().map_err(internal)?.as_bytes().to_vec())
            }
            (Self::P384(k), KeyEncoding::Pkcs8) => {
                Ok(k.to_pkcs8_der().map_err(internal)?.as_bytes().to_vec())
            }
            (Self::P256(k), KeyEncoding::Sec1) => {
                sec1_der(P256, &k.to_bytes(), &k.public_key().to_sec1_bytes())
            }
            (Self::P384(k), KeyEncoding::Sec1) => {
                sec1_der(P384, &k.to_bytes(), &k.public_key().to_sec1_bytes())
            }
            (Self::Ed25519(k), KeyEncoding::Pkcs8) => okp_pkcs8(ED25519, &k.to_bytes()),
            (Self::X25519(k), KeyEncoding::Pkcs8) => okp_pkcs8(X25519, &k.to_bytes()),
            (_, KeyEncoding::Pkcs1) => Err(incompatible("pkcs1", "RSA")),
            (_, KeyEncoding::Sec1) => Err(incompatible("sec1", "EC")),
            (_, KeyEncoding::Spki) => Err(unsupported()),
        }
    }

    /// Encodes as PEM (`-----BEGIN PRIVATE KEY-----` …, LF line endings, as node).
    ///
    /// # Errors
    /// As [`PrivateKey::to_der`].
    ///
    /// # Examples
    /// ```
    /// use node_stdlib::crypto::{generate_key_pair, KeyEncoding, KeyPairKind};
    /// let (k, _) = generate_key_pair(&KeyPairKind::X25519).unwrap();
    /// assert!(k.to_pem(KeyEncoding::Pkcs8).unwrap().starts_with("-----BEGIN PRIVATE KEY-----\n"));
    /// ```
    pub fn to_pem(&self, encoding: KeyEncoding) -> Result<String, NodeError> {
        let label = match (self, encoding) {
            (_, KeyEncoding::Pkcs8) => "PRIVATE KEY",
            (_, KeyEncoding::Pkcs1) => "RSA PRIVATE KEY",
            (_, KeyEncoding::Sec1) => "EC PRIVATE KEY",
            (_, KeyEncoding::Spki) => return Err(unsupported()),
        };
        pem(label, &self.to_der(encoding)?)
    }

    /// PKCS#8 encrypted with PBES2 (PBKDF2-HMAC-SHA256, 2048 iterations, AES-CBC), as
    /// node's `export({ type: 'pkcs8', cipher, passphrase })`; `cipher` is
    /// `aes-128-cbc` or `aes-256-cbc`.
    ///
    /// # Errors
    /// `ERR_CRYPTO_UNKNOWN_CIPHER` for other ciphers.
    ///
    /// # Examples
    /// ```
    /// use node_stdlib::crypto::{generate_key_pair, KeyEncoding, KeyPairKind, PrivateKey};
    /// let (k, _) = generate_key_pair(&KeyPairKind::Ed25519).unwrap();
    /// let der = k.to_encrypted_pkcs8("aes-256-cbc", b"pw").unwrap();
    /// assert!(PrivateKey::from_der(&der, KeyEncoding::Pkcs8, Some(b"pw")).unwrap().same_key(&k));
    /// ```
    pub fn to_encrypted_pkcs8(
        &self,
        cipher: &str,
        passphrase: &[u8],
    ) -> Result<Vec<u8>, NodeError> {
        let der = self.to_der(KeyEncoding::Pkcs8)?;
        let mut salt = [0u8; 16];
        let mut iv = [0u8; 16];
        super::super::random_fill(&mut salt)?;
        super::super::random_fill(&mut iv)?;
        let params = match cipher.to_ascii_lowercase().as_str() {
            "aes-128-cbc" | "aes128" => {
                pkcs8::pkcs5::pbes2::Parameters::pbkdf2_sha256_aes128cbc(2048, &salt, &iv)
            }
            "aes-256-cbc" | "aes256" => {
                pkcs8::pkcs5::pbes2::Parameters::pbkdf2_sha256_aes256cbc(2048, &salt, &iv)
            }
            _ => {
                return Err(NodeError::new(
                    ErrorClass::Error,
                    "ERR_CRYPTO_UNKNOWN_CIPHER",
                    "Unknown cipher",
                ))
            }
        }
        .map_err(bad)?;
        let info = PrivateKeyInfo::from_der(&der).map_err(bad)?;
        let doc = info.encrypt_with_params(params, passphrase).map_err(bad)?;
        Ok(doc.as_bytes().to_vec())
    }
}

/// SEC1 `ECPrivateKey` as OpenSSL writes it: with the named curve and the public point.
fn sec1_der(curve: ObjectIdentifier, scalar: &[u8], point: &[u8]) -> Result<Vec<u8>, NodeError> {
    let key = sec1::EcPrivateKey {
        private_key: scalar,
        parameters: Some(sec1::EcParameters::NamedCurve(curve)),
        public_key: Some(point),
    };
    key.to_der().map_err(internal)
}

fn okp_pkcs8(oid: ObjectIdentifier, key: &[u8; 32]) -> Result<Vec<u8>, NodeError> {
    let inner = der::asn1::OctetStringRef::new(key)
        .map_err(bad)?
        .to_der()
        .map_err(bad)?;
    let info = PrivateKeyInfo::new(
        AlgorithmIdentifierRef {
            oid,
            parameters: None,
        },
        &inner,
    );
    info.to_der().map_err(bad)
}

fn okp_spki(oid: ObjectIdentifier, key: &[u8]) -> Result<Vec<u8>, NodeError> {
    let info = SubjectPublicKeyInfoRef {
        algorithm: AlgorithmIdentifierRef {
            oid,
            parameters: None,
        },
        subject_public_key: der::asn1::BitStringRef::from_bytes(key).map_err(bad)?,
    };
    info.to_der().map_err(bad)
}

/// PEM text for DER under `label` (64-column lines, LF, as OpenSSL writes).
///
/// # Errors
/// Only for a label PEM cannot carry.
///
/// # Examples
/// ```
/// let pem = node_stdlib::crypto::pem_encode("PUBLIC KEY", &[1, 2, 3]).unwrap();
/// assert_eq!(pem, "-----BEGIN PUBLIC KEY-----\nAQID\n-----END PUBLIC KEY-----\n");
/// ```
pub fn pem_encode(label: &str, der: &[u8]) -> Result<String, NodeError> {
    der::pem::encode_string(label, LineEnding::LF, der).map_err(bad)
}

fn pem(label: &str, der: &[u8]) -> Result<String, NodeError> {
    pem_encode(label, der)
}

impl PublicKey {
    /// Reads a public key from PEM: `PUBLIC KEY` (SPKI), `RSA PUBLIC KEY` (PKCS#1), or any
    /// private key PEM, whose public half is taken (as node's `createPublicKey`).
    ///
    /// # Errors
    /// `ERR_OSSL_UNSUPPORTED` for anything unreadable (X.509 certificates included).
    ///
    /// # Examples
    /// ```
    /// use node_stdlib::crypto::{generate_key_pair, KeyEncoding, KeyPairKind, PublicKey};
    /// let (k, p) = generate_key_pair(&KeyPairKind::Ed25519).unwrap();
    /// assert!(PublicKey::from_pem(&k.to_pem(KeyEncoding::Pkcs8).unwrap(), None).unwrap() == p);
    /// ```
    pub fn from_pem(text: &str, passphrase: Option<&[u8]>) -> Result<Self, NodeError> {
        let (label, der) = pem_block(text)?;
        match label.as_str() {
            "PUBLIC KEY" => Self::from_der(&der, KeyEncoding::Spki),
            "RSA PUBLIC KEY" => Self::from_der(&der, KeyEncoding::Pkcs1),
            "CERTIFICATE" => Err(NodeError::not_implemented(
                "crypto.createPublicKey from an X.509 certificate",
            )),
            _ => Ok(PrivateKey::from_pem(text, passphrase)?.public_key()),
        }
    }

    /// Reads a public key from DER (`Spki` or `Pkcs1`).
    ///
    /// # Errors
    /// `ERR_OSSL_UNSUPPORTED`.
    ///
    /// # Examples
    /// ```
    /// use node_stdlib::crypto::{generate_key_pair, EcCurve, KeyEncoding, KeyPairKind, PublicKey};
    /// let (_, p) = generate_key_pair(&KeyPairKind::Ec(EcCurve::P384)).unwrap();
    /// let der = p.to_der(KeyEncoding::Spki).unwrap();
    /// assert!(PublicKey::from_der(&der, KeyEncoding::Spki).unwrap() == p);
    /// ```
    pub fn from_der(der: &[u8], encoding: KeyEncoding) -> Result<Self, NodeError> {
        check_sequence(der)?;
        match encoding {
            KeyEncoding::Pkcs1 => Ok(Self::Rsa(
                rsa::RsaPublicKey::from_pkcs1_der(der).map_err(bad)?,
            )),
            KeyEncoding::Spki => {
                let info = SubjectPublicKeyInfoRef::from_der(der).map_err(bad)?;
                match info.algorithm.oid {
                    RSA => Ok(Self::Rsa(
                        rsa::RsaPublicKey::from_public_key_der(der).map_err(bad)?,
                    )),
                    EC => match curve_of(info.algorithm.parameters) {
                        Some(EcCurve::P256) => Ok(Self::P256(
                            p256::PublicKey::from_public_key_der(der).map_err(bad)?,
                        )),
                        Some(EcCurve::P384) => Ok(Self::P384(
                            p384::PublicKey::from_public_key_der(der).map_err(bad)?,
                        )),
                        None => Err(curve_not_built_in()),
                    },
                    oid @ (ED25519 | X25519) => {
                        let bytes: [u8; 32] = info
                            .subject_public_key
                            .raw_bytes()
                            .try_into()
                            .map_err(bad)?;
                        if oid == ED25519 {
                            Ok(Self::Ed25519(
                                ed25519_dalek::VerifyingKey::from_bytes(&bytes).map_err(bad)?,
                            ))
                        } else {
                            Ok(Self::X25519(x25519_dalek::PublicKey::from(bytes)))
                        }
                    }
                    other => Err(not_built_in(other)),
                }
            }
            // node reads a private key's DER for createPublicKey too.
            KeyEncoding::Pkcs8 | KeyEncoding::Sec1 => {
                Ok(PrivateKey::from_der(der, encoding, None)?.public_key())
            }
        }
    }

    /// Encodes as DER (`Spki`, or `Pkcs1` for RSA).
    ///
    /// # Errors
    /// `ERR_CRYPTO_INCOMPATIBLE_KEY_OPTIONS` for PKCS#1 of a non-RSA key.
    ///
    /// # Examples
    /// ```
    /// use node_stdlib::crypto::{generate_key_pair, KeyEncoding, KeyPairKind};
    /// let (_, p) = generate_key_pair(&KeyPairKind::Ed25519).unwrap();
    /// assert_eq!(p.to_der(KeyEncoding::Spki).unwrap().len(), 44);
    /// ```
    pub fn to_der(&self, encoding: KeyEncoding) -> Result<Vec<u8>, NodeError> {
        match (self, encoding) {
            (Self::Rsa(k), KeyEncoding::Spki) => {
                Ok(k.to_public_key_der().map_err(internal)?.as_bytes().to_vec())
            }
            (Self::Rsa(k), KeyEncoding::Pkcs1) => {
                Ok(k.to_pkcs1_der().map_err(internal)?.as_bytes().to_vec())
            }
            (Self::P256(k), KeyEncoding::Spki) => {
                Ok(k.to_public_key_der().map_err(internal)?.as_bytes().to_vec())
            }
            (Self::P384(k), KeyEncoding::Spki) => {
                Ok(k.to_public_key_der().map_err(internal)?.as_bytes().to_vec())
            }
            (Self::Ed25519(k), KeyEncoding::Spki) => okp_spki(ED25519, k.as_bytes()),
            (Self::X25519(k), KeyEncoding::Spki) => okp_spki(X25519, k.as_bytes()),
            (_, KeyEncoding::Pkcs1) => Err(incompatible("pkcs1", "RSA")),
            _ => Err(unsupported()),
        }
    }

    /// Encodes as PEM.
    ///
    /// # Errors
    /// As [`PublicKey::to_der`].
    ///
    /// # Examples
    /// ```
    /// use node_stdlib::crypto::{generate_key_pair, KeyEncoding, KeyPairKind};
    /// let (_, p) = generate_key_pair(&KeyPairKind::Ed25519).unwrap();
    /// assert!(p.to_pem(KeyEncoding::Spki).unwrap().starts_with("-----BEGIN PUBLIC KEY-----"));
    /// ```
    pub fn to_pem(&self, encoding: KeyEncoding) -> Result<String, NodeError> {
        let label = if encoding == KeyEncoding::Pkcs1 {
            "RSA PUBLIC KEY"
        } else {
            "PUBLIC KEY"
        };
        pem(label, &self.to_der(encoding)?)
    }
}
