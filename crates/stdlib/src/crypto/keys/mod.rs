//! `KeyObject`'s material: secret bytes, or an RSA, EC (P-256/P-384), Ed25519 or X25519
//! private or public key, with node's PEM/DER/JWK input and output
//! (<https://nodejs.org/api/crypto.html#class-keyobject>).

mod components;
mod der_io;
mod generate;

use node_core::{ErrorClass, NodeError};
use rsa::traits::PublicKeyParts;
use rsa::{RsaPrivateKey, RsaPublicKey};

pub use self::components::{KeyComponents, OkpCurve};
pub use self::der_io::{pem_encode, KeyEncoding, KeyFormat};
pub(crate) use self::generate::SystemRng;
pub use self::generate::{generate_key_pair, KeyPairKind};

/// An elliptic curve nrt implements (`namedCurve`).
///
/// # Examples
/// ```
/// use node_stdlib::crypto::EcCurve;
/// assert_eq!(EcCurve::from_name("P-384"), Some(EcCurve::P384));
/// assert_eq!(EcCurve::from_name("secp256k1"), None);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EcCurve {
    /// NIST P-256 (`prime256v1`).
    P256,
    /// NIST P-384 (`secp384r1`).
    P384,
}

impl EcCurve {
    /// Resolves node's curve names (`P-256`, `prime256v1`, `secp256r1`, `P-384`, `secp384r1`).
    ///
    /// # Examples
    /// ```
    /// use node_stdlib::crypto::EcCurve;
    /// assert_eq!(EcCurve::from_name("prime256v1"), Some(EcCurve::P256));
    /// assert_eq!(EcCurve::P384.openssl_name(), "secp384r1");
    /// ```
    pub fn from_name(name: &str) -> Option<Self> {
        match name {
            "P-256" | "prime256v1" | "secp256r1" => Some(Self::P256),
            "P-384" | "secp384r1" => Some(Self::P384),
            _ => None,
        }
    }

    /// OpenSSL's name, as `asymmetricKeyDetails.namedCurve` reports it.
    ///
    /// # Examples
    /// ```
    /// assert_eq!(node_stdlib::crypto::EcCurve::P256.openssl_name(), "prime256v1");
    /// ```
    pub fn openssl_name(self) -> &'static str {
        match self {
            Self::P256 => "prime256v1",
            Self::P384 => "secp384r1",
        }
    }

    /// The JWK `crv` name.
    ///
    /// # Examples
    /// ```
    /// assert_eq!(node_stdlib::crypto::EcCurve::P384.jwk_name(), "P-384");
    /// ```
    pub fn jwk_name(self) -> &'static str {
        match self {
            Self::P256 => "P-256",
            Self::P384 => "P-384",
        }
    }

    /// Bytes in a field element / scalar.
    ///
    /// # Examples
    /// ```
    /// assert_eq!(node_stdlib::crypto::EcCurve::P384.field_len(), 48);
    /// ```
    pub fn field_len(self) -> usize {
        match self {
            Self::P256 => 32,
            Self::P384 => 48,
        }
    }
}

/// A private key.
///
/// # Examples
/// ```
/// use node_stdlib::crypto::{generate_key_pair, KeyPairKind, PrivateKey};
/// let (private, _) = generate_key_pair(&KeyPairKind::Ed25519).unwrap();
/// assert!(matches!(private, PrivateKey::Ed25519(_)));
/// ```
#[derive(Clone)]
#[non_exhaustive]
pub enum PrivateKey {
    /// RSA.
    Rsa(Box<RsaPrivateKey>),
    /// ECDSA/ECDH on P-256.
    P256(p256::SecretKey),
    /// ECDSA/ECDH on P-384.
    P384(p384::SecretKey),
    /// Ed25519.
    Ed25519(ed25519_dalek::SigningKey),
    /// X25519.
    X25519(x25519_dalek::StaticSecret),
}

/// A public key.
///
/// # Examples
/// ```
/// use node_stdlib::crypto::{generate_key_pair, KeyPairKind, PublicKey};
/// let (_, public) = generate_key_pair(&KeyPairKind::X25519).unwrap();
/// assert!(matches!(public, PublicKey::X25519(_)));
/// ```
#[derive(Clone, PartialEq)]
#[non_exhaustive]
pub enum PublicKey {
    /// RSA.
    Rsa(RsaPublicKey),
    /// P-256.
    P256(p256::PublicKey),
    /// P-384.
    P384(p384::PublicKey),
    /// Ed25519.
    Ed25519(ed25519_dalek::VerifyingKey),
    /// X25519.
    X25519(x25519_dalek::PublicKey),
}

impl std::fmt::Debug for PrivateKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "PrivateKey({})", self.asymmetric_key_type())
    }
}

impl std::fmt::Debug for PublicKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "PublicKey({})", self.asymmetric_key_type())
    }
}

/// `asymmetricKeyDetails`: what node reports per key type.
///
/// # Examples
/// ```
/// use node_stdlib::crypto::{generate_key_pair, KeyDetails, KeyPairKind};
/// let (private, _) = generate_key_pair(&KeyPairKind::Ed25519).unwrap();
/// assert_eq!(private.details(), KeyDetails::None);
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum KeyDetails {
    /// RSA: modulus length in bits and the public exponent (big-endian bytes).
    Rsa {
        /// Bits of the modulus.
        modulus_length: usize,
        /// The public exponent, big-endian.
        public_exponent: Vec<u8>,
    },
    /// EC: the curve.
    Ec(EcCurve),
    /// Ed25519 / X25519: nothing.
    None,
}

impl PrivateKey {
    /// The matching public key.
    ///
    /// # Examples
    /// ```
    /// use node_stdlib::crypto::{generate_key_pair, KeyPairKind};
    /// let (private, public) = generate_key_pair(&KeyPairKind::Ed25519).unwrap();
    /// assert!(private.public_key() == public);
    /// ```
    pub fn public_key(&self) -> PublicKey {
        match self {
            Self::Rsa(k) => PublicKey::Rsa(k.to_public_key()),
            Self::P256(k) => PublicKey::P256(k.public_key()),
            Self::P384(k) => PublicKey::P384(k.public_key()),
            Self::Ed25519(k) => PublicKey::Ed25519(k.verifying_key()),
            Self::X25519(k) => PublicKey::X25519(x25519_dalek::PublicKey::from(k)),
        }
    }

    /// `asymmetricKeyType`: `"rsa"`, `"ec"`, `"ed25519"`, `"x25519"`.
    ///
    /// # Examples
    /// ```
    /// use node_stdlib::crypto::{generate_key_pair, EcCurve, KeyPairKind};
    /// let (private, _) = generate_key_pair(&KeyPairKind::Ec(EcCurve::P256)).unwrap();
    /// assert_eq!(private.asymmetric_key_type(), "ec");
    /// ```
    pub fn asymmetric_key_type(&self) -> &'static str {
        match self {
            Self::Rsa(_) => "rsa",
            Self::P256(_) | Self::P384(_) => "ec",
            Self::Ed25519(_) => "ed25519",
            Self::X25519(_) => "x25519",
        }
    }

    /// `asymmetricKeyDetails`.
    ///
    /// # Examples
    /// ```
    /// use node_stdlib::crypto::{generate_key_pair, EcCurve, KeyDetails, KeyPairKind};
    /// let (private, _) = generate_key_pair(&KeyPairKind::Ec(EcCurve::P384)).unwrap();
    /// assert_eq!(private.details(), KeyDetails::Ec(EcCurve::P384));
    /// ```
    pub fn details(&self) -> KeyDetails {
        self.public_key().details()
    }

    /// Equality as `KeyObject.equals` sees it (same key material).
    ///
    /// # Examples
    /// ```
    /// use node_stdlib::crypto::{generate_key_pair, KeyPairKind};
    /// let (a, _) = generate_key_pair(&KeyPairKind::X25519).unwrap();
    /// assert!(a.same_key(&a.clone()));
    /// ```
    pub fn same_key(&self, other: &PrivateKey) -> bool {
        use subtle::ConstantTimeEq;
        match (
            self.to_der(KeyEncoding::Pkcs8),
            other.to_der(KeyEncoding::Pkcs8),
        ) {
            (Ok(a), Ok(b)) => bool::from(a.ct_eq(&b)),
            _ => false,
        }
    }
}

impl PublicKey {
    /// `asymmetricKeyType`.
    ///
    /// # Examples
    /// ```
    /// use node_stdlib::crypto::{generate_key_pair, KeyPairKind};
    /// let (_, public) = generate_key_pair(&KeyPairKind::Ed25519).unwrap();
    /// assert_eq!(public.asymmetric_key_type(), "ed25519");
    /// ```
    pub fn asymmetric_key_type(&self) -> &'static str {
        match self {
            Self::Rsa(_) => "rsa",
            Self::P256(_) | Self::P384(_) => "ec",
            Self::Ed25519(_) => "ed25519",
            Self::X25519(_) => "x25519",
        }
    }

    /// `asymmetricKeyDetails`.
    ///
    /// # Examples
    /// ```
    /// use node_stdlib::crypto::{generate_key_pair, EcCurve, KeyDetails, KeyPairKind};
    /// let (_, public) = generate_key_pair(&KeyPairKind::Ec(EcCurve::P256)).unwrap();
    /// assert_eq!(public.details(), KeyDetails::Ec(EcCurve::P256));
    /// ```
    pub fn details(&self) -> KeyDetails {
        match self {
            Self::Rsa(k) => KeyDetails::Rsa {
                modulus_length: k.n().bits(),
                public_exponent: k.e().to_bytes_be(),
            },
            Self::P256(_) => KeyDetails::Ec(EcCurve::P256),
            Self::P384(_) => KeyDetails::Ec(EcCurve::P384),
            Self::Ed25519(_) | Self::X25519(_) => KeyDetails::None,
        }
    }
}

/// OpenSSL's "unsupported" decoder error, which node reports for any key it cannot read.
pub(crate) fn unsupported() -> NodeError {
    NodeError::new(
        ErrorClass::Error,
        "ERR_OSSL_UNSUPPORTED",
        "error:1E08010C:DECODER routines::unsupported",
    )
}

/// `ERR_CRYPTO_INCOMPATIBLE_KEY_OPTIONS` for an encoding the key type cannot use.
pub(crate) fn incompatible(encoding: &str, kind: &str) -> NodeError {
    NodeError::new(
        ErrorClass::Error,
        "ERR_CRYPTO_INCOMPATIBLE_KEY_OPTIONS",
        format!("The selected key encoding {encoding} can only be used for {kind} keys."),
    )
}

#[cfg(test)]
mod tests;
