//! `crypto.createHash` / `crypto.createHmac`: streaming digests.

use digest::Digest;
use hmac::{Mac, SimpleHmac};
use node_core::{ErrorClass, NodeError};

use super::HashAlgorithm;

fn finalized() -> NodeError {
    NodeError::new(
        ErrorClass::Error,
        "ERR_CRYPTO_HASH_FINALIZED",
        "Digest already called",
    )
}

/// A streaming hash: `crypto.createHash(algorithm)`.
///
/// Mirrors <https://nodejs.org/api/crypto.html#class-hash>.
///
/// # Examples
/// ```
/// use node_stdlib::crypto::create_hash;
/// let mut h = create_hash("sha256").unwrap();
/// h.update(b"ab").unwrap();
/// h.update(b"c").unwrap();
/// let d = h.digest().unwrap();
/// assert_eq!(d[..4], [0xba, 0x78, 0x16, 0xbf]);
/// assert_eq!(h.digest().unwrap_err().code(), "ERR_CRYPTO_HASH_FINALIZED");
/// ```
pub struct Hash {
    algorithm: HashAlgorithm,
    state: Option<HashState>,
}

impl std::fmt::Debug for Hash {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Hash")
            .field("algorithm", &self.algorithm)
            .field("finalized", &self.state.is_none())
            .finish()
    }
}

/// Creates a [`Hash`](struct@Hash) for a digest name (case-insensitive, OpenSSL aliases).
///
/// Mirrors <https://nodejs.org/api/crypto.html#cryptocreatehashalgorithm-options>.
///
/// # Errors
/// `Error: Digest method not supported` for unknown names (see
/// [`HashAlgorithm::for_hash`]); `ERR_NOT_IMPLEMENTED` for digests not built in.
///
/// # Examples
/// ```
/// assert_eq!(node_stdlib::crypto::create_hash("nope").unwrap_err().message(), "Digest method not supported");
/// ```
#[doc(alias = "createHash")]
pub fn create_hash(algorithm: &str) -> Result<Hash, NodeError> {
    let algorithm = HashAlgorithm::for_hash(algorithm)?;
    Ok(Hash {
        algorithm,
        state: Some(HashState::new(algorithm)),
    })
}

impl Hash {
    /// A fresh hash of an already resolved algorithm.
    ///
    /// # Examples
    /// ```
    /// use node_stdlib::crypto::{Hash, HashAlgorithm};
    /// assert_eq!(Hash::from_algorithm(HashAlgorithm::Sha1).digest().unwrap().len(), 20);
    /// ```
    pub fn from_algorithm(algorithm: HashAlgorithm) -> Hash {
        Hash {
            algorithm,
            state: Some(HashState::new(algorithm)),
        }
    }

    /// Feeds data: `hash.update(data)` (strings are encoded by the caller).
    ///
    /// # Errors
    /// `ERR_CRYPTO_HASH_FINALIZED` after [`Hash::digest`].
    ///
    /// # Examples
    /// ```
    /// let mut h = node_stdlib::crypto::create_hash("md5").unwrap();
    /// h.update(b"x").unwrap();
    /// ```
    pub fn update(&mut self, data: &[u8]) -> Result<(), NodeError> {
        self.state.as_mut().ok_or_else(finalized)?.update(data);
        Ok(())
    }

    /// Finishes and returns the digest: `hash.digest()`.
    ///
    /// # Errors
    /// `ERR_CRYPTO_HASH_FINALIZED` when called twice.
    ///
    /// # Examples
    /// ```
    /// let mut h = node_stdlib::crypto::create_hash("sha1").unwrap();
    /// assert_eq!(h.digest().unwrap().len(), 20);
    /// ```
    pub fn digest(&mut self) -> Result<Vec<u8>, NodeError> {
        let state = self.state.take().ok_or_else(finalized)?;
        Ok(state.finalize())
    }

    /// A copy of the current state: `hash.copy()`.
    ///
    /// # Errors
    /// `ERR_CRYPTO_HASH_FINALIZED` after [`Hash::digest`].
    ///
    /// # Examples
    /// ```
    /// let mut h = node_stdlib::crypto::create_hash("sha256").unwrap();
    /// h.update(b"a").unwrap();
    /// let mut c = h.copy().unwrap();
    /// assert_eq!(c.digest().unwrap(), h.digest().unwrap());
    /// ```
    pub fn copy(&self) -> Result<Hash, NodeError> {
        let state = self.state.as_ref().ok_or_else(finalized)?;
        Ok(Hash {
            algorithm: self.algorithm,
            state: Some(state.clone()),
        })
    }

    /// The algorithm.
    ///
    /// # Examples
    /// ```
    /// use node_stdlib::crypto::{create_hash, HashAlgorithm};
    /// assert_eq!(create_hash("SHA-1").unwrap().algorithm(), HashAlgorithm::Sha1);
    /// ```
    pub fn algorithm(&self) -> HashAlgorithm {
        self.algorithm
    }
}

/// Static dispatch of hash and HMAC states over every algorithm.
macro_rules! states {
    ($($variant:ident => $ty:ty),* $(,)?) => {
        #[derive(Clone)]
        enum HashState {
            $($variant($ty),)*
        }

        impl HashState {
            fn new(alg: HashAlgorithm) -> HashState {
                match alg {
                    $(HashAlgorithm::$variant => HashState::$variant(<$ty>::new()),)*
                }
            }

            fn update(&mut self, data: &[u8]) {
                match self {
                    $(HashState::$variant(h) => Digest::update(h, data),)*
                }
            }

            fn finalize(self) -> Vec<u8> {
                match self {
                    $(HashState::$variant(h) => h.finalize().to_vec(),)*
                }
            }
        }

        #[derive(Clone)]
        enum HmacState {
            $($variant(SimpleHmac<$ty>),)*
        }

        impl HmacState {
            fn new(alg: HashAlgorithm, key: &[u8]) -> HmacState {
                match alg {
                    // SimpleHmac accepts keys of any length.
                    $(HashAlgorithm::$variant => HmacState::$variant(
                        <SimpleHmac<$ty> as Mac>::new_from_slice(key).unwrap_or_else(|_| unreachable!())
                    ),)*
                }
            }

            fn update(&mut self, data: &[u8]) {
                match self {
                    $(HmacState::$variant(m) => Mac::update(m, data),)*
                }
            }

            fn finalize(self) -> Vec<u8> {
                match self {
                    $(HmacState::$variant(m) => m.finalize().into_bytes().to_vec(),)*
                }
            }
        }
    };
}

states! {
    Md5 => md5::Md5,
    Sha1 => sha1::Sha1,
    Sha224 => sha2::Sha224,
    Sha256 => sha2::Sha256,
    Sha384 => sha2::Sha384,
    Sha512 => sha2::Sha512,
    Sha512_224 => sha2::Sha512_224,
    Sha512_256 => sha2::Sha512_256,
    Sha3_224 => sha3::Sha3_224,
    Sha3_256 => sha3::Sha3_256,
    Sha3_384 => sha3::Sha3_384,
    Sha3_512 => sha3::Sha3_512,
}

/// A streaming HMAC: `crypto.createHmac(algorithm, key)`.
///
/// Mirrors <https://nodejs.org/api/crypto.html#class-hmac>: after `digest()`, `update`
/// fails and a second `digest()` returns an empty result.
///
/// # Examples
/// ```
/// use node_stdlib::crypto::create_hmac;
/// let mut h = create_hmac("sha256", b"key").unwrap();
/// h.update(b"The quick brown fox jumps over the lazy dog").unwrap();
/// assert_eq!(h.digest()[..4], [0xf7, 0xbc, 0x83, 0xf4]);
/// assert!(h.digest().is_empty());
/// ```
pub struct Hmac {
    algorithm: HashAlgorithm,
    state: Option<HmacState>,
}

impl std::fmt::Debug for Hmac {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Hmac")
            .field("algorithm", &self.algorithm)
            .field("finalized", &self.state.is_none())
            .finish()
    }
}

/// Creates an [`Hmac`] keyed with `key`.
///
/// Mirrors <https://nodejs.org/api/crypto.html#cryptocreatehmacalgorithm-key-options>.
///
/// # Errors
/// `ERR_CRYPTO_INVALID_DIGEST` for unknown names; `ERR_NOT_IMPLEMENTED` for digests not
/// built in.
///
/// # Examples
/// ```
/// assert_eq!(node_stdlib::crypto::create_hmac("nope", b"k").unwrap_err().message(), "Invalid digest: nope");
/// ```
#[doc(alias = "createHmac")]
pub fn create_hmac(algorithm: &str, key: &[u8]) -> Result<Hmac, NodeError> {
    let algorithm = HashAlgorithm::for_digest(algorithm)?;
    Ok(Hmac {
        algorithm,
        state: Some(HmacState::new(algorithm, key)),
    })
}

impl Hmac {
    /// Feeds data: `hmac.update(data)`.
    ///
    /// # Errors
    /// `ERR_CRYPTO_HASH_FINALIZED` after [`Hmac::digest`].
    ///
    /// # Examples
    /// ```
    /// let mut h = node_stdlib::crypto::create_hmac("md5", b"").unwrap();
    /// h.update(b"x").unwrap();
    /// ```
    pub fn update(&mut self, data: &[u8]) -> Result<(), NodeError> {
        self.state.as_mut().ok_or_else(finalized)?.update(data);
        Ok(())
    }

    /// Finishes and returns the MAC; empty when called again, as in Node.
    ///
    /// # Examples
    /// ```
    /// let mut h = node_stdlib::crypto::create_hmac("sha1", b"k").unwrap();
    /// assert_eq!(h.digest().len(), 20);
    /// ```
    pub fn digest(&mut self) -> Vec<u8> {
        self.state
            .take()
            .map(HmacState::finalize)
            .unwrap_or_default()
    }
}
