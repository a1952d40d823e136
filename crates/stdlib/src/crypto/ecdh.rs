//! `crypto.createECDH(curve)`: an ECDH key pair on P-256/P-384 handled as raw bytes
//! (SEC1 points in compressed, uncompressed or hybrid form; field-sized private scalars).

use node_core::{ErrorClass, NodeError};
use p256::elliptic_curve::sec1::ToEncodedPoint;

use super::keys::SystemRng;
use super::{diffie_hellman, EcCurve, PrivateKey, PublicKey};

/// How `getPublicKey`/`convertKey` encode a point.
///
/// # Examples
/// ```
/// use node_stdlib::crypto::{Ecdh, PointFormat};
/// let mut e = Ecdh::new("prime256v1").unwrap();
/// e.generate_keys();
/// assert_eq!(e.public_key(PointFormat::Compressed).unwrap().len(), 33);
/// assert_eq!(e.public_key(PointFormat::Uncompressed).unwrap()[0], 4);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PointFormat {
    /// `0x02/0x03 || x`.
    Compressed,
    /// `0x04 || x || y`.
    Uncompressed,
    /// `0x06/0x07 || x || y`.
    Hybrid,
}

impl PointFormat {
    /// Parses node's format names.
    ///
    /// # Errors
    /// `ERR_CRYPTO_ECDH_INVALID_FORMAT` for other names.
    ///
    /// # Examples
    /// ```
    /// use node_stdlib::crypto::PointFormat;
    /// assert_eq!(PointFormat::from_name("hybrid").unwrap(), PointFormat::Hybrid);
    /// assert!(PointFormat::from_name("x").is_err());
    /// ```
    pub fn from_name(name: &str) -> Result<Self, NodeError> {
        match name {
            "compressed" => Ok(Self::Compressed),
            "uncompressed" => Ok(Self::Uncompressed),
            "hybrid" => Ok(Self::Hybrid),
            other => Err(NodeError::new(
                ErrorClass::TypeError,
                "ERR_CRYPTO_ECDH_INVALID_FORMAT",
                format!("Invalid ECDH format: {other}"),
            )),
        }
    }
}

/// An ECDH object: a curve and, once generated or set, a private key.
///
/// Mirrors <https://nodejs.org/api/crypto.html#class-ecdh>.
///
/// # Examples
/// ```
/// use node_stdlib::crypto::{Ecdh, PointFormat};
/// let mut a = Ecdh::new("prime256v1").unwrap();
/// let mut b = Ecdh::new("prime256v1").unwrap();
/// a.generate_keys();
/// b.generate_keys();
/// let pa = a.public_key(PointFormat::Compressed).unwrap();
/// let pb = b.public_key(PointFormat::Uncompressed).unwrap();
/// assert_eq!(a.compute_secret(&pb).unwrap(), b.compute_secret(&pa).unwrap());
/// ```
#[derive(Debug, Clone)]
pub struct Ecdh {
    curve: EcCurve,
    key: Option<PrivateKey>,
}

fn invalid_curve() -> NodeError {
    NodeError::new(
        ErrorClass::TypeError,
        "ERR_CRYPTO_INVALID_CURVE",
        "Invalid EC curve name",
    )
}

fn curve_of(name: &str) -> Result<EcCurve, NodeError> {
    match name {
        "prime256v1" => Ok(EcCurve::P256),
        "secp384r1" => Ok(EcCurve::P384),
        _ => Err(invalid_curve()),
    }
}

fn encode(public: &PublicKey, format: PointFormat) -> Vec<u8> {
    let compress = format == PointFormat::Compressed;
    let mut bytes = match public {
        PublicKey::P256(p) => p.as_affine().to_encoded_point(compress).as_bytes().to_vec(),
        PublicKey::P384(p) => p.as_affine().to_encoded_point(compress).as_bytes().to_vec(),
        _ => Vec::new(),
    };
    if format == PointFormat::Hybrid {
        // 0x06 for an even y, 0x07 for an odd one.
        let odd = bytes.last().is_some_and(|b| b & 1 == 1);
        bytes[0] = if odd { 7 } else { 6 };
    }
    bytes
}

/// A SEC1 point in any of the three forms.
fn decode(curve: EcCurve, point: &[u8]) -> Option<PublicKey> {
    let mut p = point.to_vec();
    if matches!(p.first(), Some(6 | 7)) {
        p[0] = 4;
    }
    match curve {
        EcCurve::P256 => p256::PublicKey::from_sec1_bytes(&p)
            .ok()
            .map(PublicKey::P256),
        EcCurve::P384 => p384::PublicKey::from_sec1_bytes(&p)
            .ok()
            .map(PublicKey::P384),
    }
}

impl Ecdh {
    /// `crypto.createECDH(curveName)` (OpenSSL short names: `prime256v1`, `secp384r1`).
    ///
    /// # Errors
    /// `ERR_CRYPTO_INVALID_CURVE` for other names.
    ///
    /// # Examples
    /// ```
    /// assert_eq!(node_stdlib::crypto::Ecdh::new("x25519").unwrap_err().code(), "ERR_CRYPTO_INVALID_CURVE");
    /// ```
    pub fn new(curve: &str) -> Result<Self, NodeError> {
        Ok(Self {
            curve: curve_of(curve)?,
            key: None,
        })
    }

    /// `ecdh.generateKeys()`: a fresh private key.
    ///
    /// # Examples
    /// ```
    /// let mut e = node_stdlib::crypto::Ecdh::new("secp384r1").unwrap();
    /// e.generate_keys();
    /// assert_eq!(e.private_key().unwrap().len(), 48);
    /// ```
    pub fn generate_keys(&mut self) {
        self.key = Some(match self.curve {
            EcCurve::P256 => PrivateKey::P256(p256::SecretKey::random(&mut SystemRng)),
            EcCurve::P384 => PrivateKey::P384(p384::SecretKey::random(&mut SystemRng)),
        });
    }

    /// `ecdh.getPublicKey()` in `format`.
    ///
    /// # Errors
    /// `ERR_CRYPTO_OPERATION_FAILED` before a key exists.
    ///
    /// # Examples
    /// ```
    /// use node_stdlib::crypto::{Ecdh, PointFormat};
    /// let mut e = Ecdh::new("prime256v1").unwrap();
    /// assert_eq!(e.public_key(PointFormat::Uncompressed).unwrap_err().code(), "ERR_CRYPTO_OPERATION_FAILED");
    /// e.generate_keys();
    /// assert_eq!(e.public_key(PointFormat::Uncompressed).unwrap().len(), 65);
    /// ```
    pub fn public_key(&self, format: PointFormat) -> Result<Vec<u8>, NodeError> {
        let key = self.key.as_ref().ok_or_else(|| {
            NodeError::new(
                ErrorClass::Error,
                "ERR_CRYPTO_OPERATION_FAILED",
                "Failed to get ECDH public key",
            )
        })?;
        Ok(encode(&key.public_key(), format))
    }

    /// `ecdh.getPrivateKey()`: the field-sized scalar.
    ///
    /// # Errors
    /// `ERR_CRYPTO_OPERATION_FAILED` before a key exists.
    ///
    /// # Examples
    /// ```
    /// let mut e = node_stdlib::crypto::Ecdh::new("prime256v1").unwrap();
    /// e.set_private_key(&[7; 32]).unwrap();
    /// assert_eq!(e.private_key().unwrap(), vec![7; 32]);
    /// ```
    pub fn private_key(&self) -> Result<Vec<u8>, NodeError> {
        match &self.key {
            Some(PrivateKey::P256(k)) => Ok(k.to_bytes().to_vec()),
            Some(PrivateKey::P384(k)) => Ok(k.to_bytes().to_vec()),
            _ => Err(NodeError::new(
                ErrorClass::Error,
                "ERR_CRYPTO_OPERATION_FAILED",
                "Failed to get ECDH private key",
            )),
        }
    }

    /// `ecdh.setPrivateKey(key)`.
    ///
    /// # Errors
    /// `ERR_CRYPTO_INVALID_KEYTYPE` (RangeError) for a scalar not valid on the curve.
    ///
    /// # Examples
    /// ```
    /// let mut e = node_stdlib::crypto::Ecdh::new("prime256v1").unwrap();
    /// assert_eq!(e.set_private_key(&[0; 32]).unwrap_err().code(), "ERR_CRYPTO_INVALID_KEYTYPE");
    /// ```
    pub fn set_private_key(&mut self, key: &[u8]) -> Result<(), NodeError> {
        let bad = |_| {
            NodeError::new(
                ErrorClass::RangeError,
                "ERR_CRYPTO_INVALID_KEYTYPE",
                "Private key is not valid for specified curve.",
            )
        };
        self.key = Some(match self.curve {
            EcCurve::P256 => PrivateKey::P256(p256::SecretKey::from_slice(key).map_err(bad)?),
            EcCurve::P384 => PrivateKey::P384(p384::SecretKey::from_slice(key).map_err(bad)?),
        });
        Ok(())
    }

    /// `ecdh.computeSecret(otherPublicKey)`: the shared x coordinate.
    ///
    /// # Errors
    /// `ERR_CRYPTO_ECDH_INVALID_PUBLIC_KEY` for a point not on the curve;
    /// `ERR_CRYPTO_OPERATION_FAILED` before a key exists.
    ///
    /// # Examples
    /// ```
    /// use node_stdlib::crypto::{Ecdh, PointFormat};
    /// let (mut a, mut b) = (Ecdh::new("prime256v1").unwrap(), Ecdh::new("prime256v1").unwrap());
    /// a.generate_keys();
    /// b.generate_keys();
    /// let ab = a.compute_secret(&b.public_key(PointFormat::Compressed).unwrap()).unwrap();
    /// let ba = b.compute_secret(&a.public_key(PointFormat::Uncompressed).unwrap()).unwrap();
    /// assert_eq!((ab.len(), ab == ba), (32, true));
    /// assert_eq!(a.compute_secret(&[4, 1, 2]).unwrap_err().code(), "ERR_CRYPTO_ECDH_INVALID_PUBLIC_KEY");
    /// ```
    pub fn compute_secret(&self, other: &[u8]) -> Result<Vec<u8>, NodeError> {
        let public = decode(self.curve, other).ok_or_else(|| {
            NodeError::new(
                ErrorClass::Error,
                "ERR_CRYPTO_ECDH_INVALID_PUBLIC_KEY",
                "Public key is not valid for specified curve",
            )
        })?;
        let key = self.key.as_ref().ok_or_else(|| {
            NodeError::new(
                ErrorClass::Error,
                "ERR_CRYPTO_OPERATION_FAILED",
                "Failed to compute ECDH key",
            )
        })?;
        diffie_hellman(key, &public)
    }

    /// `ECDH.convertKey(key, curve, …, format)`: a point re-encoded.
    ///
    /// # Errors
    /// `ERR_CRYPTO_INVALID_CURVE`, or `ERR_CRYPTO_OPERATION_FAILED` for a bad point.
    ///
    /// # Examples
    /// ```
    /// use node_stdlib::crypto::{Ecdh, PointFormat};
    /// let mut e = Ecdh::new("secp384r1").unwrap();
    /// e.generate_keys();
    /// let long = e.public_key(PointFormat::Uncompressed).unwrap();
    /// let short = Ecdh::convert_key(&long, "secp384r1", PointFormat::Compressed).unwrap();
    /// assert_eq!(short, e.public_key(PointFormat::Compressed).unwrap());
    /// ```
    pub fn convert_key(key: &[u8], curve: &str, format: PointFormat) -> Result<Vec<u8>, NodeError> {
        let p = decode(curve_of(curve)?, key).ok_or_else(|| {
            NodeError::new(
                ErrorClass::Error,
                "ERR_CRYPTO_OPERATION_FAILED",
                "Failed to convert Buffer to EC_POINT",
            )
        })?;
        Ok(encode(&p, format))
    }
}
