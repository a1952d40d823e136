//! Raw key components (big-endian integers, curve points), the material of a JWK: the
//! runtime does JSON and base64url, this file the maths-free packing and unpacking.

use node_core::{ErrorClass, NodeError};
use rsa::traits::{PrivateKeyParts, PublicKeyParts};
use rsa::BigUint;

use super::{EcCurve, PrivateKey, PublicKey};

/// The curve of an OKP (octet key pair) key.
///
/// # Examples
/// ```
/// use node_stdlib::crypto::{generate_key_pair, KeyComponents, KeyPairKind, OkpCurve};
/// let (private, _) = generate_key_pair(&KeyPairKind::Ed25519).unwrap();
/// assert!(matches!(private.components(), KeyComponents::Okp { curve: OkpCurve::Ed25519, .. }));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OkpCurve {
    /// Ed25519 (signatures).
    Ed25519,
    /// X25519 (key agreement).
    X25519,
}

/// A key's components, as a JWK carries them (all integers big-endian, unpadded except
/// EC coordinates, which are field-sized).
///
/// # Examples
/// ```
/// use node_stdlib::crypto::{generate_key_pair, EcCurve, KeyComponents, KeyPairKind, PublicKey};
/// let (_, public) = generate_key_pair(&KeyPairKind::Ec(EcCurve::P256)).unwrap();
/// let parts = public.components();
/// assert!(matches!(&parts, KeyComponents::Ec { x, d: None, .. } if x.len() == 32));
/// assert!(PublicKey::from_components(&parts).unwrap() == public);
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum KeyComponents {
    /// RSA: `n`, `e`, and for a private key `d`, `p`, `q`, `dp`, `dq`, `qi`.
    Rsa {
        /// Modulus.
        n: Vec<u8>,
        /// Public exponent.
        e: Vec<u8>,
        /// Private parts `[d, p, q, dp, dq, qi]`, for a private key.
        private: Option<[Vec<u8>; 6]>,
    },
    /// EC: the point and, for a private key, the scalar.
    Ec {
        /// The curve.
        curve: EcCurve,
        /// X coordinate.
        x: Vec<u8>,
        /// Y coordinate.
        y: Vec<u8>,
        /// Private scalar.
        d: Option<Vec<u8>>,
    },
    /// Ed25519 / X25519: the public bytes and, for a private key, the private bytes.
    Okp {
        /// The curve.
        curve: OkpCurve,
        /// Public key bytes.
        x: Vec<u8>,
        /// Private key bytes.
        d: Option<Vec<u8>>,
    },
}

fn invalid(kind: &str) -> NodeError {
    NodeError::new(
        ErrorClass::TypeError,
        "ERR_CRYPTO_INVALID_JWK",
        format!("Invalid JWK {kind} key"),
    )
}

fn point<C>(p: &p256::elliptic_curve::PublicKey<C>) -> (Vec<u8>, Vec<u8>)
where
    C: p256::elliptic_curve::CurveArithmetic,
    C::AffinePoint: p256::elliptic_curve::sec1::FromEncodedPoint<C>
        + p256::elliptic_curve::sec1::ToEncodedPoint<C>,
    C::FieldBytesSize: p256::elliptic_curve::sec1::ModulusSize,
{
    use p256::elliptic_curve::sec1::ToEncodedPoint;
    let e = p.to_encoded_point(false);
    (
        e.x().map(|v| v.to_vec()).unwrap_or_default(),
        e.y().map(|v| v.to_vec()).unwrap_or_default(),
    )
}

impl PublicKey {
    /// The public components.
    ///
    /// # Examples
    /// ```
    /// use node_stdlib::crypto::{generate_key_pair, KeyComponents, KeyPairKind, PublicKey};
    /// let (_, p) = generate_key_pair(&KeyPairKind::Ed25519).unwrap();
    /// let c = p.components();
    /// assert!(matches!(c, KeyComponents::Okp { d: None, .. }));
    /// assert!(PublicKey::from_components(&c).unwrap() == p);
    /// ```
    pub fn components(&self) -> KeyComponents {
        match self {
            Self::Rsa(k) => KeyComponents::Rsa {
                n: k.n().to_bytes_be(),
                e: k.e().to_bytes_be(),
                private: None,
            },
            Self::P256(k) => {
                let (x, y) = point(k);
                KeyComponents::Ec {
                    curve: EcCurve::P256,
                    x,
                    y,
                    d: None,
                }
            }
            Self::P384(k) => {
                let (x, y) = point(k);
                KeyComponents::Ec {
                    curve: EcCurve::P384,
                    x,
                    y,
                    d: None,
                }
            }
            Self::Ed25519(k) => KeyComponents::Okp {
                curve: OkpCurve::Ed25519,
                x: k.to_bytes().to_vec(),
                d: None,
            },
            Self::X25519(k) => KeyComponents::Okp {
                curve: OkpCurve::X25519,
                x: k.to_bytes().to_vec(),
                d: None,
            },
        }
    }

    /// A public key from components (private parts are ignored).
    ///
    /// # Errors
    /// `ERR_CRYPTO_INVALID_JWK` when they do not form a key.
    ///
    /// # Examples
    /// ```
    /// use node_stdlib::crypto::{EcCurve, KeyComponents, PublicKey};
    /// let c = KeyComponents::Ec { curve: EcCurve::P256, x: vec![1; 32], y: vec![2; 32], d: None };
    /// assert_eq!(PublicKey::from_components(&c).unwrap_err().code(), "ERR_CRYPTO_INVALID_JWK");
    /// ```
    pub fn from_components(c: &KeyComponents) -> Result<Self, NodeError> {
        match c {
            KeyComponents::Rsa { n, e, .. } => {
                let k =
                    rsa::RsaPublicKey::new(BigUint::from_bytes_be(n), BigUint::from_bytes_be(e))
                        .map_err(|_| invalid("RSA"))?;
                Ok(Self::Rsa(k))
            }
            KeyComponents::Ec { curve, x, y, .. } => {
                let len = curve.field_len();
                if x.len() != len || y.len() != len {
                    return Err(invalid("EC"));
                }
                let mut sec1 = vec![4u8];
                sec1.extend_from_slice(x);
                sec1.extend_from_slice(y);
                match curve {
                    EcCurve::P256 => p256::PublicKey::from_sec1_bytes(&sec1).map(Self::P256),
                    EcCurve::P384 => p384::PublicKey::from_sec1_bytes(&sec1).map(Self::P384),
                }
                .map_err(|_| invalid("EC"))
            }
            KeyComponents::Okp { curve, x, .. } => {
                let bytes: [u8; 32] = x.as_slice().try_into().map_err(|_| invalid("OKP"))?;
                match curve {
                    OkpCurve::Ed25519 => ed25519_dalek::VerifyingKey::from_bytes(&bytes)
                        .map(Self::Ed25519)
                        .map_err(|_| invalid("OKP")),
                    OkpCurve::X25519 => Ok(Self::X25519(x25519_dalek::PublicKey::from(bytes))),
                }
            }
        }
    }
}

impl PrivateKey {
    /// All components (public and private).
    ///
    /// # Examples
    /// ```
    /// use node_stdlib::crypto::{generate_key_pair, EcCurve, KeyComponents, KeyPairKind, PrivateKey};
    /// let (k, _) = generate_key_pair(&KeyPairKind::Ec(EcCurve::P256)).unwrap();
    /// let c = k.components();
    /// assert!(matches!(&c, KeyComponents::Ec { d: Some(d), .. } if d.len() == 32));
    /// assert!(PrivateKey::from_components(&c).unwrap().same_key(&k));
    /// ```
    pub fn components(&self) -> KeyComponents {
        let public = self.public_key().components();
        match (self, public) {
            (Self::Rsa(k), KeyComponents::Rsa { n, e, .. }) => {
                let primes = k.primes();
                let big = |v: Option<&BigUint>| v.map(BigUint::to_bytes_be).unwrap_or_default();
                let qi = k
                    .crt_coefficient()
                    .map(|v| v.to_bytes_be())
                    .unwrap_or_default();
                let private = [
                    k.d().to_bytes_be(),
                    big(primes.first()),
                    big(primes.get(1)),
                    big(k.dp()),
                    big(k.dq()),
                    qi,
                ];
                KeyComponents::Rsa {
                    n,
                    e,
                    private: Some(private),
                }
            }
            (Self::P256(k), KeyComponents::Ec { curve, x, y, .. }) => KeyComponents::Ec {
                curve,
                x,
                y,
                d: Some(k.to_bytes().to_vec()),
            },
            (Self::P384(k), KeyComponents::Ec { curve, x, y, .. }) => KeyComponents::Ec {
                curve,
                x,
                y,
                d: Some(k.to_bytes().to_vec()),
            },
            (Self::Ed25519(k), KeyComponents::Okp { curve, x, .. }) => KeyComponents::Okp {
                curve,
                x,
                d: Some(k.to_bytes().to_vec()),
            },
            (Self::X25519(k), KeyComponents::Okp { curve, x, .. }) => KeyComponents::Okp {
                curve,
                x,
                d: Some(k.to_bytes().to_vec()),
            },
            (_, other) => other,
        }
    }

    /// A private key from components (the private parts must be present).
    ///
    /// # Errors
    /// `ERR_CRYPTO_INVALID_JWK` when they are missing or do not form a key.
    ///
    /// # Examples
    /// ```
    /// use node_stdlib::crypto::{KeyComponents, OkpCurve, PrivateKey};
    /// let c = KeyComponents::Okp { curve: OkpCurve::Ed25519, x: vec![0; 32], d: None };
    /// assert_eq!(PrivateKey::from_components(&c).unwrap_err().code(), "ERR_CRYPTO_INVALID_JWK");
    /// ```
    pub fn from_components(c: &KeyComponents) -> Result<Self, NodeError> {
        match c {
            KeyComponents::Rsa {
                n,
                e,
                private: Some([d, p, q, ..]),
            } => {
                let int = |v: &Vec<u8>| BigUint::from_bytes_be(v);
                let k = rsa::RsaPrivateKey::from_components(
                    int(n),
                    int(e),
                    int(d),
                    vec![int(p), int(q)],
                )
                .map_err(|_| invalid("RSA"))?;
                Ok(Self::Rsa(Box::new(k)))
            }
            KeyComponents::Ec {
                curve, d: Some(d), ..
            } => {
                let key = match curve {
                    EcCurve::P256 => p256::SecretKey::from_slice(d).map(Self::P256),
                    EcCurve::P384 => p384::SecretKey::from_slice(d).map(Self::P384),
                }
                .map_err(|_| invalid("EC"))?;
                // The public point must be the scalar's (node checks it too).
                if PublicKey::from_components(c)? != key.public_key() {
                    return Err(invalid("EC"));
                }
                Ok(key)
            }
            KeyComponents::Okp {
                curve, d: Some(d), ..
            } => {
                let bytes: [u8; 32] = d.as_slice().try_into().map_err(|_| invalid("OKP"))?;
                Ok(match curve {
                    OkpCurve::Ed25519 => {
                        Self::Ed25519(ed25519_dalek::SigningKey::from_bytes(&bytes))
                    }
                    OkpCurve::X25519 => Self::X25519(x25519_dalek::StaticSecret::from(bytes)),
                })
            }
            KeyComponents::Rsa { .. } => Err(invalid("RSA")),
            KeyComponents::Ec { .. } => Err(invalid("EC")),
            KeyComponents::Okp { .. } => Err(invalid("OKP")),
        }
    }
}
