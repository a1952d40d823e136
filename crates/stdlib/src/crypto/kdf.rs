//! `crypto.pbkdf2Sync` / `crypto.scryptSync` (the async forms run these on a pool).

use node_core::{format_received_number, ErrorClass, NodeError};

use super::HashAlgorithm;

const INT32_MAX: u64 = 2_147_483_647;

/// PBKDF2-HMAC: `crypto.pbkdf2Sync(password, salt, iterations, keylen, digest)`.
///
/// Mirrors <https://nodejs.org/api/crypto.html#cryptopbkdf2syncpassword-salt-iterations-keylen-digest>.
///
/// # Errors
/// `ERR_OUT_OF_RANGE` for `iterations` outside 1..=2147483647 or `keylen` above
/// 2147483647; `ERR_CRYPTO_INVALID_DIGEST` for an unknown digest.
///
/// # Examples
/// ```
/// let key = node_stdlib::crypto::pbkdf2(b"password", b"salt", 1, 20, "sha1").unwrap();
/// assert_eq!(key[..4], [0x0c, 0x60, 0xc8, 0x0f]);
/// ```
pub fn pbkdf2(
    password: &[u8],
    salt: &[u8],
    iterations: u64,
    keylen: u64,
    digest: &str,
) -> Result<Vec<u8>, NodeError> {
    if !(1..=INT32_MAX).contains(&iterations) {
        return Err(NodeError::out_of_range(
            "iterations",
            ">= 1 && <= 2147483647",
            &format_received_number(iterations as f64),
        ));
    }
    if keylen > INT32_MAX {
        return Err(NodeError::out_of_range(
            "keylen",
            ">= 0 && <= 2147483647",
            &format_received_number(keylen as f64),
        ));
    }
    let alg = HashAlgorithm::for_digest(digest)?;
    let mut out = vec![0u8; keylen as usize];
    let rounds = iterations as u32;
    // SHA-2 and MD5/SHA-1 take the precomputed-pad `Hmac`; SHA-3's sponge has no block-level
    // core, so it goes through `SimpleHmac` (same output, a little slower).
    macro_rules! core_hmac {
        ($d:ty) => {
            pbkdf2::pbkdf2_hmac::<$d>(password, salt, rounds, &mut out)
        };
    }
    macro_rules! simple_hmac {
        ($d:ty) => {
            pbkdf2::pbkdf2::<hmac::SimpleHmac<$d>>(password, salt, rounds, &mut out)
                .unwrap_or_else(|_| unreachable!("SimpleHmac takes keys of any length"))
        };
    }
    match alg {
        HashAlgorithm::Md5 => core_hmac!(md5::Md5),
        HashAlgorithm::Sha1 => core_hmac!(sha1::Sha1),
        HashAlgorithm::Sha224 => core_hmac!(sha2::Sha224),
        HashAlgorithm::Sha256 => core_hmac!(sha2::Sha256),
        HashAlgorithm::Sha384 => core_hmac!(sha2::Sha384),
        HashAlgorithm::Sha512 => core_hmac!(sha2::Sha512),
        HashAlgorithm::Sha512_224 => core_hmac!(sha2::Sha512_224),
        HashAlgorithm::Sha512_256 => core_hmac!(sha2::Sha512_256),
        HashAlgorithm::Sha3_224 => simple_hmac!(sha3::Sha3_224),
        HashAlgorithm::Sha3_256 => simple_hmac!(sha3::Sha3_256),
        HashAlgorithm::Sha3_384 => simple_hmac!(sha3::Sha3_384),
        HashAlgorithm::Sha3_512 => simple_hmac!(sha3::Sha3_512),
    }
    Ok(out)
}

/// scrypt cost parameters (`options` of `crypto.scryptSync`); 0 means the default,
/// as in Node.
///
/// # Examples
/// ```
/// let o = node_stdlib::crypto::ScryptOptions::default();
/// assert_eq!((o.n, o.r, o.p, o.maxmem), (16384, 8, 1, 32 << 20));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ScryptOptions {
    /// CPU/memory cost `N` (alias `cost`): a power of two above 1.
    pub n: u64,
    /// Block size `r` (alias `blockSize`).
    pub r: u64,
    /// Parallelization `p` (alias `parallelization`).
    pub p: u64,
    /// Memory upper bound in bytes.
    pub maxmem: u64,
}

impl Default for ScryptOptions {
    fn default() -> Self {
        ScryptOptions {
            n: 16384,
            r: 8,
            p: 1,
            maxmem: 32 << 20,
        }
    }
}

fn invalid_params(detail: Option<&str>) -> NodeError {
    let msg = match detail {
        Some(d) => format!("Invalid scrypt params: {d}"),
        None => "Invalid scrypt params".to_owned(),
    };
    NodeError::new(
        ErrorClass::RangeError,
        "ERR_CRYPTO_INVALID_SCRYPT_PARAMS",
        msg,
    )
}

/// OpenSSL's `EVP_PBE_scrypt` parameter checks (providers/implementations/kdfs/scrypt.c).
fn check_params(n: u64, r: u64, p: u64, maxmem: u64) -> Result<(), NodeError> {
    const MEMORY: &str = "error:030000AC:digital envelope routines::memory limit exceeded";
    const PR_MAX: u64 = (1 << 30) - 1;
    if r == 0 || p == 0 || n < 2 || n & (n - 1) != 0 {
        return Err(invalid_params(None));
    }
    if p > PR_MAX / r {
        return Err(invalid_params(Some(MEMORY)));
    }
    if 16 * r <= 63 && n >= 1u64 << (16 * r) {
        return Err(invalid_params(Some(MEMORY)));
    }
    let blen = p * 128 * r;
    if blen > i32::MAX as u64 {
        return Err(invalid_params(Some(MEMORY)));
    }
    let i = u64::MAX / (32 * 4);
    if n + 2 > i / r {
        return Err(invalid_params(Some(MEMORY)));
    }
    let vlen = 32 * r * (n + 2) * 4;
    if blen > u64::MAX - vlen || blen + vlen > maxmem {
        return Err(invalid_params(Some(MEMORY)));
    }
    Ok(())
}

/// scrypt: `crypto.scryptSync(password, salt, keylen, options)`.
///
/// Mirrors <https://nodejs.org/api/crypto.html#cryptoscryptsyncpassword-salt-keylen-options>.
///
/// # Errors
/// `ERR_OUT_OF_RANGE` for `keylen` above 2147483647; `ERR_CRYPTO_INVALID_SCRYPT_PARAMS`
/// when `N` is not a power of two above 1, or the memory needed (`128 * r * (N + 2 + p)`)
/// exceeds `maxmem`, with OpenSSL's wording.
///
/// # Examples
/// ```
/// use node_stdlib::crypto::{scrypt, ScryptOptions};
/// let o = ScryptOptions { n: 16, r: 1, p: 1, ..Default::default() };
/// let key = scrypt(b"", b"", 64, &o).unwrap();
/// assert_eq!(key[..4], [0x77, 0xd6, 0x57, 0x62]);
/// let bad = ScryptOptions { n: 3, ..Default::default() };
/// assert_eq!(scrypt(b"", b"", 64, &bad).unwrap_err().code(), "ERR_CRYPTO_INVALID_SCRYPT_PARAMS");
/// ```
pub fn scrypt(
    password: &[u8],
    salt: &[u8],
    keylen: u64,
    options: &ScryptOptions,
) -> Result<Vec<u8>, NodeError> {
    if keylen > INT32_MAX {
        return Err(NodeError::out_of_range(
            "keylen",
            ">= 0 && <= 2147483647",
            &format_received_number(keylen as f64),
        ));
    }
    let d = ScryptOptions::default();
    let pick = |v: u64, def: u64| if v == 0 { def } else { v };
    let (n, r, p, maxmem) = (
        pick(options.n, d.n),
        pick(options.r, d.r),
        pick(options.p, d.p),
        pick(options.maxmem, d.maxmem),
    );
    check_params(n, r, p, maxmem)?;
    let params = scrypt::Params::new(
        n.trailing_zeros() as u8,
        r as u32,
        p as u32,
        scrypt::Params::RECOMMENDED_LEN,
    )
    .map_err(|_| invalid_params(None))?;
    let mut out = vec![0u8; keylen as usize];
    if keylen > 0 {
        scrypt::scrypt(password, salt, &params, &mut out).map_err(|_| invalid_params(None))?;
    }
    Ok(out)
}

/// HKDF (RFC 5869): `crypto.hkdfSync(digest, ikm, salt, info, keylen)`.
///
/// Mirrors <https://nodejs.org/api/crypto.html#cryptohkdfsyncdigest-ikm-salt-info-keylen>.
///
/// # Errors
/// `ERR_CRYPTO_INVALID_DIGEST` for an unknown digest; `ERR_OUT_OF_RANGE` when `info`
/// exceeds 1024 bytes or `keylen` 2147483647; `ERR_CRYPTO_INVALID_KEYLEN` when `keylen`
/// exceeds 255 times the digest size.
///
/// # Examples
/// ```
/// let key = node_stdlib::crypto::hkdf("sha256", b"key", b"salt", b"info", 4).unwrap();
/// assert_eq!(key, [0x9c, 0xa0, 0xd6, 0x62]);
/// let err = node_stdlib::crypto::hkdf("sha256", b"k", b"", b"", 255 * 32 + 1).unwrap_err();
/// assert_eq!(err.code(), "ERR_CRYPTO_INVALID_KEYLEN");
/// ```
pub fn hkdf(
    digest: &str,
    ikm: &[u8],
    salt: &[u8],
    info: &[u8],
    keylen: u64,
) -> Result<Vec<u8>, NodeError> {
    let alg = HashAlgorithm::for_digest(digest)?;
    if info.len() > 1024 {
        return Err(NodeError::out_of_range(
            "info",
            "must not contain more than 1024 bytes",
            &format_received_number(info.len() as f64),
        ));
    }
    if keylen > INT32_MAX {
        return Err(NodeError::out_of_range(
            "length",
            ">= 0 && <= 2147483647",
            &format_received_number(keylen as f64),
        ));
    }
    if keylen > 255 * alg.output_len() as u64 {
        return Err(NodeError::new(
            ErrorClass::RangeError,
            "ERR_CRYPTO_INVALID_KEYLEN",
            "Invalid key length",
        ));
    }
    let mut out = vec![0u8; keylen as usize];
    macro_rules! expand {
        ($d:ty) => {
            hkdf::SimpleHkdf::<$d>::new(Some(salt), ikm)
                .expand(info, &mut out)
                .map_err(|_| {
                    NodeError::new(
                        ErrorClass::RangeError,
                        "ERR_CRYPTO_INVALID_KEYLEN",
                        "Invalid key length",
                    )
                })?
        };
    }
    match alg {
        HashAlgorithm::Md5 => expand!(md5::Md5),
        HashAlgorithm::Sha1 => expand!(sha1::Sha1),
        HashAlgorithm::Sha224 => expand!(sha2::Sha224),
        HashAlgorithm::Sha256 => expand!(sha2::Sha256),
        HashAlgorithm::Sha384 => expand!(sha2::Sha384),
        HashAlgorithm::Sha512 => expand!(sha2::Sha512),
        HashAlgorithm::Sha512_224 => expand!(sha2::Sha512_224),
        HashAlgorithm::Sha512_256 => expand!(sha2::Sha512_256),
        HashAlgorithm::Sha3_224 => expand!(sha3::Sha3_224),
        HashAlgorithm::Sha3_256 => expand!(sha3::Sha3_256),
        HashAlgorithm::Sha3_384 => expand!(sha3::Sha3_384),
        HashAlgorithm::Sha3_512 => expand!(sha3::Sha3_512),
    }
    Ok(out)
}
