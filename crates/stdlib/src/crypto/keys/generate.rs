//! `generateKeyPair(Sync)`: fresh keys from the system random source.

use node_core::{ErrorClass, NodeError};
use rand_core::{CryptoRng, RngCore};
use rsa::BigUint;

use super::{EcCurve, PrivateKey, PublicKey};

/// The system CSPRNG (getrandom) as the RustCrypto crates' RNG.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct SystemRng;

impl RngCore for SystemRng {
    fn next_u32(&mut self) -> u32 {
        let mut b = [0u8; 4];
        self.fill_bytes(&mut b);
        u32::from_le_bytes(b)
    }

    fn next_u64(&mut self) -> u64 {
        let mut b = [0u8; 8];
        self.fill_bytes(&mut b);
        u64::from_le_bytes(b)
    }

    fn fill_bytes(&mut self, dest: &mut [u8]) {
        // The kernel's random source does not fail once the system is up; if it ever did,
        // a key from zeros would be far worse than a panic (caught at the JS boundary).
        getrandom::fill(dest).expect("system random source failed");
    }

    fn try_fill_bytes(&mut self, dest: &mut [u8]) -> Result<(), rand_core::Error> {
        getrandom::fill(dest)
            .map_err(|e| rand_core::Error::new(std::io::Error::other(e.to_string())))
    }
}

impl CryptoRng for SystemRng {}

/// What `generateKeyPair` makes.
///
/// # Examples
/// ```
/// use node_stdlib::crypto::{generate_key_pair, KeyDetails, KeyPairKind};
/// let kind = KeyPairKind::Rsa { modulus_length: 1024, public_exponent: 65537 };
/// let (private, _) = generate_key_pair(&kind).unwrap();
/// assert!(matches!(private.details(), KeyDetails::Rsa { modulus_length: 1024, .. }));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum KeyPairKind {
    /// RSA with a modulus length in bits and a public exponent.
    Rsa {
        /// Bits of the modulus.
        modulus_length: usize,
        /// The public exponent (node's default is 65537).
        public_exponent: u64,
    },
    /// EC on a curve.
    Ec(EcCurve),
    /// Ed25519.
    Ed25519,
    /// X25519.
    X25519,
}

/// Generates a key pair.
///
/// # Errors
/// `ERR_CRYPTO_OPERATION_FAILED` when RSA generation fails (a modulus too small or an
/// even exponent).
///
/// # Examples
/// ```
/// use node_stdlib::crypto::{generate_key_pair, KeyPairKind};
/// let (private, public) = generate_key_pair(&KeyPairKind::X25519).unwrap();
/// assert_eq!(private.asymmetric_key_type(), "x25519");
/// assert!(private.public_key() == public);
/// ```
pub fn generate_key_pair(kind: &KeyPairKind) -> Result<(PrivateKey, PublicKey), NodeError> {
    let mut rng = SystemRng;
    let private = match kind {
        KeyPairKind::Rsa {
            modulus_length,
            public_exponent,
        } => {
            let k = rsa::RsaPrivateKey::new_with_exp(
                &mut rng,
                *modulus_length,
                &BigUint::from(*public_exponent),
            )
            .map_err(|e| {
                NodeError::new(
                    ErrorClass::Error,
                    "ERR_CRYPTO_OPERATION_FAILED",
                    format!("Key generation job failed: {e}"),
                )
            })?;
            PrivateKey::Rsa(Box::new(k))
        }
        KeyPairKind::Ec(EcCurve::P256) => PrivateKey::P256(p256::SecretKey::random(&mut rng)),
        KeyPairKind::Ec(EcCurve::P384) => PrivateKey::P384(p384::SecretKey::random(&mut rng)),
        KeyPairKind::Ed25519 => PrivateKey::Ed25519(ed25519_dalek::SigningKey::generate(&mut rng)),
        KeyPairKind::X25519 => PrivateKey::X25519(x25519_dalek::StaticSecret::random_from_rng(rng)),
    };
    let public = private.public_key();
    Ok((private, public))
}
