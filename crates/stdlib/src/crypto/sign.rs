//! `crypto.sign`/`verify` and `Sign`/`Verify`: RSA PKCS#1 v1.5 and PSS, ECDSA on
//! P-256/P-384 (DER or IEEE P1363 signatures), Ed25519; plus `diffieHellman` and RSA
//! encryption (`publicEncrypt`/`privateDecrypt`).
//!
//! # Examples
//! ```
//! use node_stdlib::crypto::{generate_key_pair, private_decrypt, public_encrypt, HashAlgorithm,
//!     KeyPairKind, RSA_PKCS1_OAEP_PADDING, RSA_PKCS1_PADDING, RSA_PKCS1_PSS_PADDING};
//! assert_eq!((RSA_PKCS1_PADDING, RSA_PKCS1_OAEP_PADDING, RSA_PKCS1_PSS_PADDING), (1, 4, 6));
//! let kind = KeyPairKind::Rsa { modulus_length: 1024, public_exponent: 65537 };
//! let (private, public) = generate_key_pair(&kind).unwrap();
//! let sha1 = HashAlgorithm::from_name("sha1").unwrap();
//! let secret = public_encrypt(&public, b"hi", RSA_PKCS1_OAEP_PADDING, sha1, None).unwrap();
//! assert_eq!(private_decrypt(&private, &secret, RSA_PKCS1_OAEP_PADDING, sha1, None).unwrap(), b"hi");
//! ```

use node_core::{ErrorClass, NodeError};
use rsa::traits::PublicKeyParts;
use rsa::{Oaep, Pkcs1v15Encrypt, Pkcs1v15Sign, Pss};

use super::keys::SystemRng;
use super::{HashAlgorithm, PrivateKey, PublicKey};

/// `padding` values (`crypto.constants`).
pub const RSA_PKCS1_PADDING: i32 = 1;
/// OAEP padding for `publicEncrypt`/`privateDecrypt`.
pub const RSA_PKCS1_OAEP_PADDING: i32 = 4;
/// PSS padding for signatures.
pub const RSA_PKCS1_PSS_PADDING: i32 = 6;

/// Options of `sign`/`verify` (node's key object fields).
///
/// # Examples
/// ```
/// use node_stdlib::crypto::{generate_key_pair, sign, verify, HashAlgorithm, KeyPairKind, SignOptions, RSA_PKCS1_PSS_PADDING};
/// let kind = KeyPairKind::Rsa { modulus_length: 1024, public_exponent: 65537 };
/// let (private, public) = generate_key_pair(&kind).unwrap();
/// let opts = SignOptions { padding: Some(RSA_PKCS1_PSS_PADDING), salt_length: Some(20), ..Default::default() };
/// let sha = HashAlgorithm::from_name("sha256");
/// let sig = sign(sha, b"data", &private, &opts).unwrap();
/// assert!(verify(sha, b"data", &public, &sig, &opts).unwrap());
/// assert!(!verify(sha, b"other", &public, &sig, &opts).unwrap());
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct SignOptions {
    /// `padding`: PKCS#1 v1.5 (1, the default) or PSS (6); RSA only.
    pub padding: Option<i32>,
    /// `saltLength` for PSS: bytes, or -1 (digest length), -2 (max when signing, auto-detect
    /// when verifying, the defaults).
    pub salt_length: Option<i32>,
    /// `dsaEncoding: 'ieee-p1363'` (r || s) instead of DER, for ECDSA.
    pub ieee_p1363: bool,
}

fn failed(message: &str) -> NodeError {
    NodeError::new(
        ErrorClass::Error,
        "ERR_CRYPTO_OPERATION_FAILED",
        message.to_string(),
    )
}

fn digest_bytes(alg: HashAlgorithm, data: &[u8]) -> Result<Vec<u8>, NodeError> {
    let mut h = super::Hash::from_algorithm(alg);
    h.update(data)?;
    h.digest()
}

fn invalid_digest_for_key() -> NodeError {
    NodeError::new(
        ErrorClass::Error,
        "ERR_OSSL_INVALID_DIGEST",
        "error:1C80007A:Provider routines::invalid digest",
    )
}

macro_rules! with_rsa_digest {
    ($alg:expr, $d:ident => $body:expr) => {
        match $alg {
            HashAlgorithm::Sha1 => {
                type $d = sha1::Sha1;
                $body
            }
            HashAlgorithm::Sha224 => {
                type $d = sha2::Sha224;
                $body
            }
            HashAlgorithm::Sha256 => {
                type $d = sha2::Sha256;
                $body
            }
            HashAlgorithm::Sha384 => {
                type $d = sha2::Sha384;
                $body
            }
            HashAlgorithm::Sha512 => {
                type $d = sha2::Sha512;
                $body
            }
            _ => Err(invalid_digest_for_key()),
        }
    };
}

fn pss_max_salt(key: &rsa::RsaPublicKey, alg: HashAlgorithm) -> usize {
    let em_len = (key.n().bits() - 1).div_ceil(8);
    em_len.saturating_sub(alg.output_len() + 2)
}

/// Signs `data` (the message; hashed here with `digest`, which Ed25519 must not have).
///
/// # Errors
/// `ERR_OSSL_*` errors for digests the key cannot use, `ERR_CRYPTO_OPERATION_FAILED`.
///
/// # Examples
/// ```
/// use node_stdlib::crypto::{generate_key_pair, sign, verify, KeyPairKind, SignOptions};
/// let (k, p) = generate_key_pair(&KeyPairKind::Ed25519).unwrap();
/// let sig = sign(None, b"msg", &k, &SignOptions::default()).unwrap();
/// assert!(verify(None, b"msg", &p, &sig, &SignOptions::default()).unwrap());
/// ```
pub fn sign(
    digest: Option<HashAlgorithm>,
    data: &[u8],
    key: &PrivateKey,
    opts: &SignOptions,
) -> Result<Vec<u8>, NodeError> {
    match (key, digest) {
        (PrivateKey::Ed25519(k), None) => {
            use ed25519_dalek::Signer;
            Ok(k.sign(data).to_bytes().to_vec())
        }
        (PrivateKey::Ed25519(_), Some(_)) => Err(invalid_digest_for_key()),
        (PrivateKey::X25519(_), _) => Err(unsupported_operation()),
        (_, d) => {
            let alg = d.unwrap_or(HashAlgorithm::Sha256);
            sign_digest(alg, &digest_bytes(alg, data)?, key, opts)
        }
    }
}

fn unsupported_operation() -> NodeError {
    NodeError::new(
        ErrorClass::Error,
        "ERR_OSSL_EVP_OPERATION_NOT_SUPPORTED_FOR_THIS_KEYTYPE",
        "error:03000096:digital envelope routines::operation not supported for this keytype",
    )
}

/// Signs an already computed digest (`Sign.sign`).
///
/// # Errors
/// As [`sign`]; Ed25519 and X25519 keys cannot sign a digest.
///
/// # Examples
/// ```
/// use node_stdlib::crypto::{create_hash, generate_key_pair, sign_digest, EcCurve, HashAlgorithm, KeyPairKind, SignOptions};
/// let (k, _) = generate_key_pair(&KeyPairKind::Ec(EcCurve::P256)).unwrap();
/// let mut h = create_hash("sha256").unwrap();
/// h.update(b"m").unwrap();
/// let opts = SignOptions { ieee_p1363: true, ..SignOptions::default() };
/// assert_eq!(sign_digest(HashAlgorithm::Sha256, &h.digest().unwrap(), &k, &opts).unwrap().len(), 64);
/// ```
pub fn sign_digest(
    alg: HashAlgorithm,
    hashed: &[u8],
    key: &PrivateKey,
    opts: &SignOptions,
) -> Result<Vec<u8>, NodeError> {
    match key {
        PrivateKey::Rsa(k) => match opts.padding.unwrap_or(RSA_PKCS1_PADDING) {
            RSA_PKCS1_PADDING => {
                with_rsa_digest!(alg, D => k.sign(Pkcs1v15Sign::new::<D>(), hashed).map_err(|_| failed("RSA signing failed")))
            }
            RSA_PKCS1_PSS_PADDING => {
                let salt = match opts.salt_length.unwrap_or(-2) {
                    -1 => alg.output_len(),
                    -2 => pss_max_salt(&k.to_public_key(), alg),
                    n if n >= 0 => n as usize,
                    _ => return Err(failed("Invalid PSS salt length")),
                };
                if salt > pss_max_salt(&k.to_public_key(), alg) {
                    return Err(NodeError::new(
                        ErrorClass::Error,
                        "ERR_OSSL_RSA_DATA_TOO_LARGE_FOR_KEY_SIZE",
                        "error:02000076:rsa routines::data too large for key size",
                    ));
                }
                with_rsa_digest!(alg, D => k
                    .sign_with_rng(&mut SystemRng, Pss::new_with_salt::<D>(salt), hashed)
                    .map_err(|_| failed("RSA signing failed")))
            }
            _ => Err(NodeError::new(
                ErrorClass::Error,
                "ERR_OSSL_RSA_ILLEGAL_OR_UNSUPPORTED_PADDING_MODE",
                "error:1C8000A5:Provider routines::illegal or unsupported padding mode",
            )),
        },
        PrivateKey::P256(k) => {
            use p256::ecdsa::signature::hazmat::PrehashSigner;
            let sig: p256::ecdsa::Signature = p256::ecdsa::SigningKey::from(k)
                .sign_prehash(hashed)
                .map_err(|_| failed("ECDSA signing failed"))?;
            Ok(if opts.ieee_p1363 {
                sig.to_bytes().to_vec()
            } else {
                sig.to_der().as_bytes().to_vec()
            })
        }
        PrivateKey::P384(k) => {
            use p384::ecdsa::signature::hazmat::PrehashSigner;
            let sig: p384::ecdsa::Signature = p384::ecdsa::SigningKey::from(k)
                .sign_prehash(hashed)
                .map_err(|_| failed("ECDSA signing failed"))?;
            Ok(if opts.ieee_p1363 {
                sig.to_bytes().to_vec()
            } else {
                sig.to_der().as_bytes().to_vec()
            })
        }
        PrivateKey::Ed25519(_) | PrivateKey::X25519(_) => Err(unsupported_operation()),
    }
}

/// Verifies a signature over `data`.
///
/// # Errors
/// As [`sign`]. A signature that does not match is `Ok(false)`.
///
/// # Examples
/// ```
/// use node_stdlib::crypto::{generate_key_pair, sign, verify, HashAlgorithm, EcCurve, KeyPairKind, SignOptions};
/// let (k, p) = generate_key_pair(&KeyPairKind::Ec(EcCurve::P384)).unwrap();
/// let o = SignOptions::default();
/// let sig = sign(Some(HashAlgorithm::Sha384), b"msg", &k, &o).unwrap();
/// assert!(!verify(Some(HashAlgorithm::Sha384), b"other", &p, &sig, &o).unwrap());
/// ```
pub fn verify(
    digest: Option<HashAlgorithm>,
    data: &[u8],
    key: &PublicKey,
    signature: &[u8],
    opts: &SignOptions,
) -> Result<bool, NodeError> {
    match (key, digest) {
        (PublicKey::Ed25519(k), None) => {
            let Ok(sig) = ed25519_dalek::Signature::from_slice(signature) else {
                return Ok(false);
            };
            Ok(k.verify_strict(data, &sig).is_ok())
        }
        (PublicKey::Ed25519(_), Some(_)) => Err(invalid_digest_for_key()),
        (PublicKey::X25519(_), _) => Err(unsupported_operation()),
        (_, d) => {
            let alg = d.unwrap_or(HashAlgorithm::Sha256);
            verify_digest(alg, &digest_bytes(alg, data)?, key, signature, opts)
        }
    }
}

/// Verifies a signature over an already computed digest (`Verify.verify`).
///
/// # Errors
/// As [`sign_digest`].
///
/// # Examples
/// ```
/// use node_stdlib::crypto::{generate_key_pair, verify_digest, HashAlgorithm, EcCurve, KeyPairKind, SignOptions};
/// let (_, p) = generate_key_pair(&KeyPairKind::Ec(EcCurve::P256)).unwrap();
/// assert!(!verify_digest(HashAlgorithm::Sha256, &[0; 32], &p, b"junk", &SignOptions::default()).unwrap());
/// ```
pub fn verify_digest(
    alg: HashAlgorithm,
    hashed: &[u8],
    key: &PublicKey,
    signature: &[u8],
    opts: &SignOptions,
) -> Result<bool, NodeError> {
    match key {
        PublicKey::Rsa(k) => match opts.padding.unwrap_or(RSA_PKCS1_PADDING) {
            RSA_PKCS1_PADDING => {
                with_rsa_digest!(alg, D => Ok(k.verify(Pkcs1v15Sign::new::<D>(), hashed, signature).is_ok()))
            }
            RSA_PKCS1_PSS_PADDING => {
                let max = pss_max_salt(k, alg);
                let candidates: Vec<usize> = match opts.salt_length.unwrap_or(-2) {
                    -1 => vec![alg.output_len()],
                    // Auto-detect: the common lengths first, then every other one.
                    -2 => {
                        let mut v = vec![alg.output_len(), max, 0];
                        v.extend((1..max).filter(|&n| n != alg.output_len()));
                        v
                    }
                    n if n >= 0 => vec![n as usize],
                    _ => return Ok(false),
                };
                for salt in candidates {
                    let ok = with_rsa_digest!(alg, D => Ok::<bool, NodeError>(k.verify(Pss::new_with_salt::<D>(salt), hashed, signature).is_ok()))?;
                    if ok {
                        return Ok(true);
                    }
                }
                Ok(false)
            }
            _ => Err(NodeError::new(
                ErrorClass::Error,
                "ERR_OSSL_RSA_ILLEGAL_OR_UNSUPPORTED_PADDING_MODE",
                "error:1C8000A5:Provider routines::illegal or unsupported padding mode",
            )),
        },
        PublicKey::P256(k) => {
            use p256::ecdsa::signature::hazmat::PrehashVerifier;
            let sig = if opts.ieee_p1363 {
                p256::ecdsa::Signature::from_slice(signature)
            } else {
                p256::ecdsa::Signature::from_der(signature)
            };
            let Ok(sig) = sig else { return Ok(false) };
            Ok(p256::ecdsa::VerifyingKey::from(k)
                .verify_prehash(hashed, &sig)
                .is_ok())
        }
        PublicKey::P384(k) => {
            use p384::ecdsa::signature::hazmat::PrehashVerifier;
            let sig = if opts.ieee_p1363 {
                p384::ecdsa::Signature::from_slice(signature)
            } else {
                p384::ecdsa::Signature::from_der(signature)
            };
            let Ok(sig) = sig else { return Ok(false) };
            Ok(p384::ecdsa::VerifyingKey::from(k)
                .verify_prehash(hashed, &sig)
                .is_ok())
        }
        PublicKey::Ed25519(_) | PublicKey::X25519(_) => Err(unsupported_operation()),
    }
}

/// `crypto.diffieHellman({ privateKey, publicKey })` for X25519 and EC keys.
///
/// # Errors
/// `ERR_CRYPTO_INCOMPATIBLE_KEY` when the keys are of different types or curves.
///
/// # Examples
/// ```
/// use node_stdlib::crypto::{diffie_hellman, generate_key_pair, KeyPairKind};
/// let (a, ap) = generate_key_pair(&KeyPairKind::X25519).unwrap();
/// let (b, bp) = generate_key_pair(&KeyPairKind::X25519).unwrap();
/// assert_eq!(diffie_hellman(&a, &bp).unwrap(), diffie_hellman(&b, &ap).unwrap());
/// ```
pub fn diffie_hellman(private: &PrivateKey, public: &PublicKey) -> Result<Vec<u8>, NodeError> {
    match (private, public) {
        (PrivateKey::X25519(k), PublicKey::X25519(p)) => {
            Ok(k.diffie_hellman(p).as_bytes().to_vec())
        }
        (PrivateKey::P256(k), PublicKey::P256(p)) => Ok(p256::ecdh::diffie_hellman(
            k.to_nonzero_scalar(),
            p.as_affine(),
        )
        .raw_secret_bytes()
        .to_vec()),
        (PrivateKey::P384(k), PublicKey::P384(p)) => Ok(p384::ecdh::diffie_hellman(
            k.to_nonzero_scalar(),
            p.as_affine(),
        )
        .raw_secret_bytes()
        .to_vec()),
        (a, b) if a.asymmetric_key_type() != b.asymmetric_key_type() => Err(NodeError::new(
            ErrorClass::Error,
            "ERR_CRYPTO_INCOMPATIBLE_KEY",
            format!(
                "Incompatible key types for Diffie-Hellman: {} and {}",
                a.asymmetric_key_type(),
                b.asymmetric_key_type()
            ),
        )),
        (PrivateKey::P256(_) | PrivateKey::P384(_), _) => Err(NodeError::new(
            ErrorClass::Error,
            "ERR_OSSL_MISMATCHING_DOMAIN_PARAMETERS",
            "error:1C8000BE:Provider routines::mismatching domain parameters",
        )),
        _ => Err(unsupported_operation()),
    }
}

/// `publicEncrypt` with OAEP (`oaep_hash`, label) or PKCS#1 v1.5 padding.
///
/// # Errors
/// `ERR_OSSL_RSA_DATA_TOO_LARGE_FOR_KEY_SIZE` and friends; non-RSA keys fail.
///
/// # Examples
/// ```
/// use node_stdlib::crypto::{generate_key_pair, private_decrypt, public_encrypt, HashAlgorithm, KeyPairKind};
/// let (k, p) = generate_key_pair(&KeyPairKind::Rsa { modulus_length: 1024, public_exponent: 65537 }).unwrap();
/// let ct = public_encrypt(&p, b"hi", 4, HashAlgorithm::Sha1, None).unwrap();
/// assert_eq!(private_decrypt(&k, &ct, 4, HashAlgorithm::Sha1, None).unwrap(), b"hi");
/// ```
pub fn public_encrypt(
    key: &PublicKey,
    data: &[u8],
    padding: i32,
    oaep_hash: HashAlgorithm,
    label: Option<&[u8]>,
) -> Result<Vec<u8>, NodeError> {
    let PublicKey::Rsa(k) = key else {
        return Err(unsupported_operation());
    };
    let too_large = |_| {
        NodeError::new(
            ErrorClass::Error,
            "ERR_OSSL_RSA_DATA_TOO_LARGE_FOR_KEY_SIZE",
            "error:0200006E:rsa routines::data too large for key size",
        )
    };
    match padding {
        RSA_PKCS1_PADDING => k
            .encrypt(&mut SystemRng, Pkcs1v15Encrypt, data)
            .map_err(too_large),
        RSA_PKCS1_OAEP_PADDING => with_rsa_digest!(oaep_hash, D => {
            let mut p = Oaep::new::<D>();
            if let Some(l) = label {
                p.label = Some(String::from_utf8_lossy(l).into_owned());
            }
            k.encrypt(&mut SystemRng, p, data).map_err(too_large)
        }),
        _ => Err(NodeError::new(
            ErrorClass::Error,
            "ERR_OSSL_RSA_UNKNOWN_PADDING_TYPE",
            "error:1C8000A5:Provider routines::illegal or unsupported padding mode",
        )),
    }
}

/// `privateDecrypt` (OAEP or PKCS#1 v1.5).
///
/// # Errors
/// `ERR_OSSL_RSA_OAEP_DECODING_ERROR` / `ERR_OSSL_RSA_PKCS_DECODING_ERROR`-style errors.
///
/// # Examples
/// ```
/// use node_stdlib::crypto::{generate_key_pair, private_decrypt, HashAlgorithm, KeyPairKind};
/// let (k, _) = generate_key_pair(&KeyPairKind::Rsa { modulus_length: 1024, public_exponent: 65537 }).unwrap();
/// assert!(private_decrypt(&k, &[1; 128], 4, HashAlgorithm::Sha1, None).is_err());
/// ```
pub fn private_decrypt(
    key: &PrivateKey,
    data: &[u8],
    padding: i32,
    oaep_hash: HashAlgorithm,
    label: Option<&[u8]>,
) -> Result<Vec<u8>, NodeError> {
    let PrivateKey::Rsa(k) = key else {
        return Err(unsupported_operation());
    };
    match padding {
        RSA_PKCS1_PADDING => k.decrypt(Pkcs1v15Encrypt, data).map_err(|_| {
            NodeError::new(
                ErrorClass::Error,
                "ERR_OSSL_RSA_PKCS_DECODING_ERROR",
                "error:02000079:rsa routines::pkcs decoding error",
            )
        }),
        RSA_PKCS1_OAEP_PADDING => with_rsa_digest!(oaep_hash, D => {
            let mut p = Oaep::new::<D>();
            if let Some(l) = label {
                p.label = Some(String::from_utf8_lossy(l).into_owned());
            }
            k.decrypt(p, data).map_err(|_| NodeError::new(
                ErrorClass::Error,
                "ERR_OSSL_RSA_OAEP_DECODING_ERROR",
                "error:02000079:rsa routines::oaep decoding error",
            ))
        }),
        _ => Err(NodeError::new(
            ErrorClass::Error,
            "ERR_OSSL_RSA_UNKNOWN_PADDING_TYPE",
            "error:1C8000A5:Provider routines::illegal or unsupported padding mode",
        )),
    }
}
