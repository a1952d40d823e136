//! Digest names as OpenSSL resolves them for Node (`EVP_get_digestbyname`).

use node_core::{ErrorClass, NodeError};

/// A digest algorithm this crate implements.
///
/// # Examples
/// ```
/// use node_stdlib::crypto::HashAlgorithm;
/// assert_eq!(HashAlgorithm::from_name("RSA-SHA256"), Some(HashAlgorithm::Sha256));
/// assert_eq!(HashAlgorithm::Sha512.output_len(), 64);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum HashAlgorithm {
    /// MD5.
    Md5,
    /// SHA-1.
    Sha1,
    /// SHA-224.
    Sha224,
    /// SHA-256.
    Sha256,
    /// SHA-384.
    Sha384,
    /// SHA-512.
    Sha512,
    /// SHA-512/224.
    Sha512_224,
    /// SHA-512/256.
    Sha512_256,
    /// SHA3-224.
    Sha3_224,
    /// SHA3-256.
    Sha3_256,
    /// SHA3-384.
    Sha3_384,
    /// SHA3-512.
    Sha3_512,
}

/// Names Node (OpenSSL 3) knows that this crate does not implement.
const KNOWN_UNIMPLEMENTED: &[&str] = &[
    "rsa-ripemd160",
    "rsa-sm3",
    "blake2b512",
    "blake2s256",
    "md5-sha1",
    "ripemd",
    "ripemd160",
    "ripemd160withrsa",
    "rmd160",
    "shake128",
    "shake256",
    "sm3",
    "sm3withrsaencryption",
];

impl HashAlgorithm {
    /// Resolves a name case-insensitively, with OpenSSL's aliases (`sha-256`,
    /// `RSA-SHA256`, `sha256WithRSAEncryption`, `ssl3-md5`, …).
    ///
    /// # Examples
    /// ```
    /// use node_stdlib::crypto::HashAlgorithm;
    /// assert_eq!(HashAlgorithm::from_name("sha-512/256"), Some(HashAlgorithm::Sha512_256));
    /// assert_eq!(HashAlgorithm::from_name("nope"), None);
    /// ```
    pub fn from_name(name: &str) -> Option<HashAlgorithm> {
        use HashAlgorithm::*;
        Some(match name.to_ascii_lowercase().as_str() {
            "md5" | "rsa-md5" | "md5withrsaencryption" | "ssl3-md5" => Md5,
            "sha1"
            | "sha-1"
            | "rsa-sha1"
            | "rsa-sha1-2"
            | "sha1withrsaencryption"
            | "ssl3-sha1" => Sha1,
            "sha224" | "sha-224" | "sha2-224" | "rsa-sha224" | "sha224withrsaencryption" => Sha224,
            "sha256" | "sha-256" | "sha2-256" | "rsa-sha256" | "sha256withrsaencryption" => Sha256,
            "sha384" | "sha-384" | "sha2-384" | "rsa-sha384" | "sha384withrsaencryption" => Sha384,
            "sha512" | "sha-512" | "sha2-512" | "rsa-sha512" | "sha512withrsaencryption" => Sha512,
            "sha512-224"
            | "sha-512/224"
            | "sha2-512/224"
            | "rsa-sha512/224"
            | "sha512-224withrsaencryption" => Sha512_224,
            "sha512-256"
            | "sha-512/256"
            | "sha2-512/256"
            | "rsa-sha512/256"
            | "sha512-256withrsaencryption" => Sha512_256,
            "sha3-224" | "rsa-sha3-224" | "id-rsassa-pkcs1-v1_5-with-sha3-224" => Sha3_224,
            "sha3-256" | "rsa-sha3-256" | "id-rsassa-pkcs1-v1_5-with-sha3-256" => Sha3_256,
            "sha3-384" | "rsa-sha3-384" | "id-rsassa-pkcs1-v1_5-with-sha3-384" => Sha3_384,
            "sha3-512" | "rsa-sha3-512" | "id-rsassa-pkcs1-v1_5-with-sha3-512" => Sha3_512,
            _ => return None,
        })
    }

    /// Resolves a name for `createHash`.
    ///
    /// # Errors
    /// Node's `Error: Digest method not supported` (it has no `code`: [`NodeError::code`]
    /// is empty) for unknown names; `ERR_NOT_IMPLEMENTED` for digests Node has but this
    /// crate does not (SHAKE, RIPEMD-160, BLAKE2, SM3, MD5-SHA1).
    ///
    /// # Examples
    /// ```
    /// use node_stdlib::crypto::HashAlgorithm;
    /// assert_eq!(HashAlgorithm::for_hash("nope").unwrap_err().message(), "Digest method not supported");
    /// assert_eq!(HashAlgorithm::for_hash("shake256").unwrap_err().code(), "ERR_NOT_IMPLEMENTED");
    /// ```
    pub fn for_hash(name: &str) -> Result<HashAlgorithm, NodeError> {
        HashAlgorithm::resolve(name, || {
            NodeError::new(ErrorClass::Error, "", "Digest method not supported")
        })
    }

    /// Resolves a name for `createHmac`, `pbkdf2` and other digest parameters.
    ///
    /// # Errors
    /// `ERR_CRYPTO_INVALID_DIGEST` (`TypeError: Invalid digest: <name>`) for unknown names;
    /// `ERR_NOT_IMPLEMENTED` for digests Node has but this crate does not.
    ///
    /// # Examples
    /// ```
    /// use node_stdlib::crypto::HashAlgorithm;
    /// assert_eq!(HashAlgorithm::for_digest("nope").unwrap_err().code(), "ERR_CRYPTO_INVALID_DIGEST");
    /// ```
    pub fn for_digest(name: &str) -> Result<HashAlgorithm, NodeError> {
        HashAlgorithm::resolve(name, || {
            NodeError::new(
                ErrorClass::TypeError,
                "ERR_CRYPTO_INVALID_DIGEST",
                format!("Invalid digest: {name}"),
            )
        })
    }

    fn resolve(
        name: &str,
        unknown: impl FnOnce() -> NodeError,
    ) -> Result<HashAlgorithm, NodeError> {
        if let Some(a) = HashAlgorithm::from_name(name) {
            return Ok(a);
        }
        if KNOWN_UNIMPLEMENTED.contains(&name.to_ascii_lowercase().as_str()) {
            return Err(NodeError::not_implemented(&format!(
                "crypto digest '{name}'"
            )));
        }
        Err(unknown())
    }

    /// The digest size in bytes.
    ///
    /// # Examples
    /// ```
    /// assert_eq!(node_stdlib::crypto::HashAlgorithm::Md5.output_len(), 16);
    /// ```
    pub fn output_len(self) -> usize {
        match self {
            HashAlgorithm::Md5 => 16,
            HashAlgorithm::Sha1 => 20,
            HashAlgorithm::Sha224 | HashAlgorithm::Sha512_224 | HashAlgorithm::Sha3_224 => 28,
            HashAlgorithm::Sha256 | HashAlgorithm::Sha512_256 | HashAlgorithm::Sha3_256 => 32,
            HashAlgorithm::Sha384 | HashAlgorithm::Sha3_384 => 48,
            HashAlgorithm::Sha512 | HashAlgorithm::Sha3_512 => 64,
        }
    }
}

/// The digest names this crate accepts, in `crypto.getHashes()` style.
///
/// Mirrors <https://nodejs.org/api/crypto.html#cryptogethashes> (the implemented subset).
///
/// # Examples
/// ```
/// assert!(node_stdlib::crypto::get_hashes().contains(&"sha256"));
/// ```
#[doc(alias = "getHashes")]
pub fn get_hashes() -> &'static [&'static str] {
    &[
        "RSA-MD5",
        "RSA-SHA1",
        "RSA-SHA1-2",
        "RSA-SHA224",
        "RSA-SHA256",
        "RSA-SHA3-224",
        "RSA-SHA3-256",
        "RSA-SHA3-384",
        "RSA-SHA3-512",
        "RSA-SHA384",
        "RSA-SHA512",
        "RSA-SHA512/224",
        "RSA-SHA512/256",
        "id-rsassa-pkcs1-v1_5-with-sha3-224",
        "id-rsassa-pkcs1-v1_5-with-sha3-256",
        "id-rsassa-pkcs1-v1_5-with-sha3-384",
        "id-rsassa-pkcs1-v1_5-with-sha3-512",
        "md5",
        "md5WithRSAEncryption",
        "sha1",
        "sha1WithRSAEncryption",
        "sha224",
        "sha224WithRSAEncryption",
        "sha256",
        "sha256WithRSAEncryption",
        "sha3-224",
        "sha3-256",
        "sha3-384",
        "sha3-512",
        "sha384",
        "sha384WithRSAEncryption",
        "sha512",
        "sha512-224",
        "sha512-224WithRSAEncryption",
        "sha512-256",
        "sha512-256WithRSAEncryption",
        "sha512WithRSAEncryption",
        "ssl3-md5",
        "ssl3-sha1",
    ]
}
