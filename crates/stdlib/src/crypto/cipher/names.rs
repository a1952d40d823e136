//! The cipher names nrt implements, with what `crypto.getCipherInfo` reports for them.

/// The mode of operation of a cipher, as `getCipherInfo().mode` names it.
///
/// # Examples
/// ```
/// use node_stdlib::crypto::{get_cipher_info, CipherMode};
/// assert_eq!(get_cipher_info("aes-128-gcm").unwrap().mode, CipherMode::Gcm);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CipherMode {
    /// Electronic codebook (block cipher, padded).
    Ecb,
    /// Cipher block chaining (block cipher, padded).
    Cbc,
    /// Counter mode (128-bit big-endian counter).
    Ctr,
    /// Output feedback.
    Ofb,
    /// 128-bit cipher feedback.
    Cfb,
    /// Galois/counter mode (AEAD).
    Gcm,
    /// A stream cipher: ChaCha20 or ChaCha20-Poly1305.
    Stream,
}

impl CipherMode {
    /// The name node reports: `"cbc"`, `"gcm"`, `"stream"`, …
    ///
    /// # Examples
    /// ```
    /// assert_eq!(node_stdlib::crypto::CipherMode::Gcm.as_str(), "gcm");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Ecb => "ecb",
            Self::Cbc => "cbc",
            Self::Ctr => "ctr",
            Self::Ofb => "ofb",
            Self::Cfb => "cfb",
            Self::Gcm => "gcm",
            Self::Stream => "stream",
        }
    }
}

/// What `crypto.getCipherInfo(name)` returns for one cipher.
///
/// # Examples
/// ```
/// let info = node_stdlib::crypto::get_cipher_info("aes-256-gcm").unwrap();
/// assert_eq!((info.name, info.nid, info.key_length, info.iv_length), ("id-aes256-gcm", 901, 32, Some(12)));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CipherInfo {
    /// OpenSSL's canonical (lower-case) name.
    pub name: &'static str,
    /// OpenSSL's numeric id.
    pub nid: u32,
    /// Mode of operation.
    pub mode: CipherMode,
    /// Block size in bytes (`None` for the ChaCha20 ciphers, which node reports without one).
    pub block_size: Option<usize>,
    /// Default IV length (`None` for ECB, which takes none).
    pub iv_length: Option<usize>,
    /// Key length in bytes.
    pub key_length: usize,
}

/// The underlying primitive of a cipher.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Primitive {
    Aes,
    ChaCha20,
    ChaCha20Poly1305,
}

const fn aes(
    name: &'static str,
    nid: u32,
    mode: CipherMode,
    key: usize,
) -> (CipherInfo, Primitive) {
    let block = match mode {
        CipherMode::Ecb | CipherMode::Cbc => 16,
        _ => 1,
    };
    let iv = match mode {
        CipherMode::Ecb => None,
        CipherMode::Gcm => Some(12),
        _ => Some(16),
    };
    (
        CipherInfo {
            name,
            nid,
            mode,
            block_size: Some(block),
            iv_length: iv,
            key_length: key,
        },
        Primitive::Aes,
    )
}

/// Every implemented cipher, in `getCiphers()` (sorted) order.
pub(super) const CIPHERS: &[(CipherInfo, Primitive)] = &[
    aes("aes-128-cbc", 419, CipherMode::Cbc, 16),
    aes("aes-128-cfb", 421, CipherMode::Cfb, 16),
    aes("aes-128-ctr", 904, CipherMode::Ctr, 16),
    aes("aes-128-ecb", 418, CipherMode::Ecb, 16),
    aes("id-aes128-gcm", 895, CipherMode::Gcm, 16),
    aes("aes-128-ofb", 420, CipherMode::Ofb, 16),
    aes("aes-192-cbc", 423, CipherMode::Cbc, 24),
    aes("aes-192-cfb", 425, CipherMode::Cfb, 24),
    aes("aes-192-ctr", 905, CipherMode::Ctr, 24),
    aes("aes-192-ecb", 422, CipherMode::Ecb, 24),
    aes("id-aes192-gcm", 898, CipherMode::Gcm, 24),
    aes("aes-192-ofb", 424, CipherMode::Ofb, 24),
    aes("aes-256-cbc", 427, CipherMode::Cbc, 32),
    aes("aes-256-cfb", 429, CipherMode::Cfb, 32),
    aes("aes-256-ctr", 906, CipherMode::Ctr, 32),
    aes("aes-256-ecb", 426, CipherMode::Ecb, 32),
    aes("id-aes256-gcm", 901, CipherMode::Gcm, 32),
    aes("aes-256-ofb", 428, CipherMode::Ofb, 32),
    (
        CipherInfo {
            name: "chacha20",
            nid: 1019,
            mode: CipherMode::Stream,
            block_size: None,
            iv_length: Some(16),
            key_length: 32,
        },
        Primitive::ChaCha20,
    ),
    (
        CipherInfo {
            name: "chacha20-poly1305",
            nid: 1018,
            mode: CipherMode::Stream,
            block_size: None,
            iv_length: Some(12),
            key_length: 32,
        },
        Primitive::ChaCha20Poly1305,
    ),
];

/// The names `getCiphers()` lists: OpenSSL's names and aliases for what is implemented.
pub(super) const NAMES: &[&str] = &[
    "aes-128-cbc",
    "aes-128-cfb",
    "aes-128-ctr",
    "aes-128-ecb",
    "aes-128-gcm",
    "aes-128-ofb",
    "aes-192-cbc",
    "aes-192-cfb",
    "aes-192-ctr",
    "aes-192-ecb",
    "aes-192-gcm",
    "aes-192-ofb",
    "aes-256-cbc",
    "aes-256-cfb",
    "aes-256-ctr",
    "aes-256-ecb",
    "aes-256-gcm",
    "aes-256-ofb",
    "aes128",
    "aes192",
    "aes256",
    "chacha20",
    "chacha20-poly1305",
    "id-aes128-GCM",
    "id-aes192-GCM",
    "id-aes256-GCM",
];

/// Looks a cipher up by any of its names (case-insensitive, as OpenSSL).
pub(super) fn lookup(name: &str) -> Option<(CipherInfo, Primitive)> {
    let lower = name.to_ascii_lowercase();
    let canonical = match lower.as_str() {
        "aes128" => "aes-128-cbc",
        "aes192" => "aes-192-cbc",
        "aes256" => "aes-256-cbc",
        "aes-128-gcm" => "id-aes128-gcm",
        "aes-192-gcm" => "id-aes192-gcm",
        "aes-256-gcm" => "id-aes256-gcm",
        other => other,
    };
    CIPHERS
        .iter()
        .copied()
        .find(|(info, _)| info.name == canonical)
}

/// Looks a cipher up by its OpenSSL nid.
pub(super) fn lookup_nid(nid: u32) -> Option<(CipherInfo, Primitive)> {
    CIPHERS.iter().copied().find(|(info, _)| info.nid == nid)
}

/// The IV lengths a cipher accepts.
pub(super) fn iv_ok(info: &CipherInfo, len: usize) -> bool {
    match info.mode {
        CipherMode::Gcm => (1..=128).contains(&len),
        _ => Some(len) == info.iv_length,
    }
}
