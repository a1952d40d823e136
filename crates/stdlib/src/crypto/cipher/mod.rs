//! `crypto.createCipheriv` / `createDecipheriv`: AES (ECB, CBC, CTR, OFB, CFB, GCM),
//! ChaCha20 and ChaCha20-Poly1305, streaming as node's `Cipher`/`Decipher` do.

mod aead;
mod block;
mod names;

use node_core::{ErrorClass, NodeError};
use subtle::ConstantTimeEq;

use self::aead::{ChaChaPoly, Gcm};
use self::block::{Aes, BlockMode, FinalError, StreamKind, StreamMode};
use self::names::{iv_ok, lookup, lookup_nid, Primitive, NAMES};
pub use self::names::{CipherInfo, CipherMode};

/// The names `crypto.getCiphers()` lists (only what nrt implements).
///
/// # Examples
/// ```
/// assert!(node_stdlib::crypto::get_ciphers().contains(&"aes-256-gcm"));
/// ```
#[doc(alias = "getCiphers")]
pub fn get_ciphers() -> &'static [&'static str] {
    NAMES
}

/// `crypto.getCipherInfo(name)` for a name (any case, OpenSSL aliases).
///
/// # Examples
/// ```
/// use node_stdlib::crypto::{get_cipher_info, CipherMode};
/// assert_eq!(get_cipher_info("AES128").unwrap().mode, CipherMode::Cbc);
/// assert!(get_cipher_info("des").is_none());
/// ```
#[doc(alias = "getCipherInfo")]
pub fn get_cipher_info(name: &str) -> Option<CipherInfo> {
    lookup(name).map(|(info, _)| info)
}

/// `crypto.getCipherInfo(nid)`.
///
/// # Examples
/// ```
/// assert_eq!(node_stdlib::crypto::get_cipher_info_by_nid(419).unwrap().name, "aes-128-cbc");
/// ```
pub fn get_cipher_info_by_nid(nid: u32) -> Option<CipherInfo> {
    lookup_nid(nid).map(|(info, _)| info)
}

/// Whether `iv_length` is one the cipher accepts (`getCipherInfo`'s `ivLength` option).
///
/// # Examples
/// ```
/// let gcm = node_stdlib::crypto::get_cipher_info("aes-128-gcm").unwrap();
/// assert!(node_stdlib::crypto::cipher_accepts_iv_length(&gcm, 7));
/// ```
pub fn cipher_accepts_iv_length(info: &CipherInfo, iv_length: usize) -> bool {
    iv_ok(info, iv_length)
}

fn invalid_state(op: &str) -> NodeError {
    let msg = if op.is_empty() {
        "Invalid state".to_string()
    } else {
        format!("Invalid state for operation {op}")
    };
    NodeError::new(ErrorClass::Error, "ERR_CRYPTO_INVALID_STATE", msg)
}

fn invalid_tag_length(len: usize) -> NodeError {
    NodeError::new(
        ErrorClass::TypeError,
        "ERR_CRYPTO_INVALID_AUTH_TAG",
        format!("Invalid authentication tag length: {len}"),
    )
}

/// OpenSSL's error as node surfaces it: code `ERR_OSSL_<REASON>`, message
/// `error:<hex>:<library>::<reason>`.
fn openssl(code: &'static str, hex: &str, reason: &str) -> NodeError {
    NodeError::new(
        ErrorClass::Error,
        code,
        format!("error:{hex}:Provider routines::{reason}"),
    )
}

/// Node's error when a GCM/ChaCha20-Poly1305 tag does not match (no `code`).
fn auth_failed() -> NodeError {
    NodeError::new(
        ErrorClass::Error,
        "",
        "Unsupported state or unable to authenticate data",
    )
}

enum Engine {
    Block(BlockMode),
    Stream(StreamMode),
    ChaCha(chacha20::ChaCha20),
    Gcm(Box<Gcm>),
    ChaChaPoly(Box<ChaChaPoly>),
}

/// A cipher or decipher: `crypto.createCipheriv` / `crypto.createDecipheriv`.
///
/// Mirrors <https://nodejs.org/api/crypto.html#class-cipher>.
///
/// # Examples
/// ```
/// use node_stdlib::crypto::Cipher;
/// let (key, iv) = ([1u8; 16], [2u8; 16]);
/// let mut c = Cipher::new("aes-128-cbc", &key, Some(&iv), None, false).unwrap();
/// let mut ct = c.update(b"hello").unwrap();
/// ct.extend(c.finish().unwrap());
/// assert_eq!(ct.len(), 16);
/// let mut d = Cipher::new("aes-128-cbc", &key, Some(&iv), None, true).unwrap();
/// let mut pt = d.update(&ct).unwrap();
/// pt.extend(d.finish().unwrap());
/// assert_eq!(pt, b"hello");
/// ```
pub struct Cipher {
    info: CipherInfo,
    decrypt: bool,
    /// `None` once `final` ran.
    engine: Option<Engine>,
    /// For AEADs: the tag length (from the option, else 16 for GCM when encrypting).
    tag_length: Option<usize>,
    /// Decipher: the expected tag; cipher: the computed tag after `final`.
    tag: Option<Vec<u8>>,
}

impl std::fmt::Debug for Cipher {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Cipher")
            .field("name", &self.info.name)
            .field("decrypt", &self.decrypt)
            .field("finalized", &self.engine.is_none())
            .finish()
    }
}

impl Cipher {
    /// Creates a cipher (`decrypt` false) or decipher.
    ///
    /// `iv` is `None` for node's `null` IV (only ECB takes none); `auth_tag_length` is
    /// the `authTagLength` option.
    ///
    /// # Errors
    /// `ERR_CRYPTO_UNKNOWN_CIPHER`, `ERR_CRYPTO_INVALID_KEYLEN` (RangeError),
    /// `ERR_CRYPTO_INVALID_IV`, `ERR_CRYPTO_INVALID_AUTH_TAG`, as node.
    ///
    /// # Examples
    /// ```
    /// use node_stdlib::crypto::Cipher;
    /// let e = Cipher::new("aes-128-cbc", &[0; 15], Some(&[0; 16]), None, false).unwrap_err();
    /// assert_eq!(e.code(), "ERR_CRYPTO_INVALID_KEYLEN");
    /// ```
    pub fn new(
        name: &str,
        key: &[u8],
        iv: Option<&[u8]>,
        auth_tag_length: Option<usize>,
        decrypt: bool,
    ) -> Result<Self, NodeError> {
        let Some((info, primitive)) = lookup(name) else {
            return Err(NodeError::new(
                ErrorClass::Error,
                "ERR_CRYPTO_UNKNOWN_CIPHER",
                "Unknown cipher",
            ));
        };
        let iv_valid = match (info.mode, iv) {
            (CipherMode::Ecb, None) => true,
            (CipherMode::Ecb, Some(iv)) => iv.is_empty(),
            (_, Some(iv)) => iv_ok(&info, iv.len()),
            (_, None) => false,
        };
        if !iv_valid {
            return Err(NodeError::new(
                ErrorClass::TypeError,
                "ERR_CRYPTO_INVALID_IV",
                "Invalid initialization vector",
            ));
        }
        if key.len() != info.key_length {
            return Err(NodeError::new(
                ErrorClass::RangeError,
                "ERR_CRYPTO_INVALID_KEYLEN",
                "Invalid key length",
            ));
        }
        let iv = iv.unwrap_or_default();
        let tag_length = match (primitive, info.mode, auth_tag_length) {
            (Primitive::ChaCha20Poly1305, _, Some(n)) if !(1..=16).contains(&n) => {
                return Err(invalid_tag_length(n))
            }
            (Primitive::ChaCha20Poly1305, _, n) => Some(n.unwrap_or(16)),
            (_, CipherMode::Gcm, Some(n)) if !gcm_tag_ok(n) => return Err(invalid_tag_length(n)),
            (_, CipherMode::Gcm, n) => n.or(if decrypt { None } else { Some(16) }),
            _ => None,
        };
        let engine = match primitive {
            Primitive::ChaCha20 => Engine::ChaCha(aead::chacha20(key, iv)),
            Primitive::ChaCha20Poly1305 => {
                Engine::ChaChaPoly(Box::new(ChaChaPoly::new(key, iv, decrypt)))
            }
            Primitive::Aes => {
                let aes = Aes::new(key).expect("checked key length");
                let iv16 = || <[u8; 16]>::try_from(iv).expect("checked iv length");
                match info.mode {
                    CipherMode::Ecb => Engine::Block(BlockMode::new(aes, None, decrypt)),
                    CipherMode::Cbc => Engine::Block(BlockMode::new(aes, Some(iv16()), decrypt)),
                    CipherMode::Ctr => {
                        Engine::Stream(StreamMode::new(aes, StreamKind::Ctr, iv16(), decrypt))
                    }
                    CipherMode::Ofb => {
                        Engine::Stream(StreamMode::new(aes, StreamKind::Ofb, iv16(), decrypt))
                    }
                    CipherMode::Cfb => {
                        Engine::Stream(StreamMode::new(aes, StreamKind::Cfb, iv16(), decrypt))
                    }
                    CipherMode::Gcm => Engine::Gcm(Box::new(Gcm::new(aes, iv, decrypt))),
                    CipherMode::Stream => unreachable!("AES has no plain stream mode"),
                }
            }
        };
        Ok(Self {
            info,
            decrypt,
            engine: Some(engine),
            tag_length,
            tag: None,
        })
    }

    /// What `getCipherInfo` reports for this cipher.
    ///
    /// # Examples
    /// ```
    /// let c = node_stdlib::crypto::Cipher::new("aes-128-ctr", &[0; 16], Some(&[0; 16]), None, false).unwrap();
    /// assert_eq!(c.info().name, "aes-128-ctr");
    /// ```
    pub fn info(&self) -> &CipherInfo {
        &self.info
    }

    fn is_aead(&self) -> bool {
        matches!(self.engine, Some(Engine::Gcm(_) | Engine::ChaChaPoly(_)))
            || self.tag_length.is_some()
    }

    /// Processes data, returning what is ready (block modes hold back a partial block).
    ///
    /// # Errors
    /// After [`Cipher::finish`]: `Error: Trying to add data in unsupported state` (no code).
    ///
    /// # Examples
    /// ```
    /// let mut c = node_stdlib::crypto::Cipher::new("aes-128-ecb", &[0; 16], None, None, false).unwrap();
    /// assert_eq!(c.update(&[0; 20]).unwrap().len(), 16);
    /// ```
    pub fn update(&mut self, data: &[u8]) -> Result<Vec<u8>, NodeError> {
        let Some(engine) = self.engine.as_mut() else {
            return Err(NodeError::new(
                ErrorClass::Error,
                "",
                "Trying to add data in unsupported state",
            ));
        };
        Ok(match engine {
            Engine::Block(m) => m.update(data),
            Engine::Stream(m) => m.update(data),
            Engine::ChaCha(c) => {
                use chacha20::cipher::StreamCipher;
                let mut out = data.to_vec();
                c.apply_keystream(&mut out);
                out
            }
            Engine::Gcm(g) => g.update(data),
            Engine::ChaChaPoly(c) => c.update(data),
        })
    }

    /// `cipher.final()`: the last output; for a decipher in an AEAD mode, checks the tag.
    ///
    /// # Errors
    /// `ERR_OSSL_WRONG_FINAL_BLOCK_LENGTH` / `ERR_OSSL_BAD_DECRYPT` (block modes),
    /// `Unsupported state or unable to authenticate data` (AEAD tag missing or wrong),
    /// `ERR_CRYPTO_INVALID_STATE` when called twice.
    ///
    /// # Examples
    /// ```
    /// let mut d = node_stdlib::crypto::Cipher::new("aes-128-cbc", &[0; 16], Some(&[0; 16]), None, true).unwrap();
    /// d.update(&[0; 16]).unwrap();
    /// assert_eq!(d.finish().unwrap_err().code(), "ERR_OSSL_BAD_DECRYPT");
    /// ```
    pub fn finish(&mut self) -> Result<Vec<u8>, NodeError> {
        let Some(engine) = self.engine.take() else {
            return Err(invalid_state(""));
        };
        let tag: [u8; 16] = match engine {
            Engine::Block(mut m) => {
                return m.finish().map_err(|e| match e {
                    FinalError::WrongFinalBlockLength => openssl(
                        "ERR_OSSL_WRONG_FINAL_BLOCK_LENGTH",
                        "1C80006B",
                        "wrong final block length",
                    ),
                    FinalError::BadDecrypt => {
                        openssl("ERR_OSSL_BAD_DECRYPT", "1C800064", "bad decrypt")
                    }
                });
            }
            Engine::Stream(_) | Engine::ChaCha(_) => return Ok(Vec::new()),
            Engine::Gcm(g) => g.tag(),
            Engine::ChaChaPoly(c) => c.tag(),
        };
        if self.decrypt {
            let ok = match &self.tag {
                Some(expected) => bool::from(tag[..expected.len()].ct_eq(expected)),
                None => false,
            };
            return if ok {
                Ok(Vec::new())
            } else {
                Err(auth_failed())
            };
        }
        let len = self.tag_length.unwrap_or(16);
        self.tag = Some(tag[..len].to_vec());
        Ok(Vec::new())
    }

    /// `cipher.setAutoPadding(pad)`.
    ///
    /// # Errors
    /// `ERR_CRYPTO_INVALID_STATE` after `final`.
    ///
    /// # Examples
    /// ```
    /// let mut c = node_stdlib::crypto::Cipher::new("aes-128-ecb", &[0; 16], None, None, false).unwrap();
    /// c.set_auto_padding(false).unwrap();
    /// assert!(c.update(&[0; 16]).unwrap().len() == 16 && c.finish().unwrap().is_empty());
    /// ```
    pub fn set_auto_padding(&mut self, pad: bool) -> Result<(), NodeError> {
        match self.engine.as_mut() {
            None => Err(invalid_state("setAutoPadding")),
            Some(Engine::Block(m)) => {
                m.padding = pad;
                Ok(())
            }
            Some(_) => Ok(()), // stream modes have no padding; OpenSSL accepts the call
        }
    }

    /// `cipher.setAAD(buffer)`: additional authenticated data, before any `update`.
    ///
    /// # Errors
    /// `ERR_CRYPTO_INVALID_STATE` for non-AEAD ciphers, after data or after `final`.
    ///
    /// # Examples
    /// ```
    /// let mut c = node_stdlib::crypto::Cipher::new("aes-128-gcm", &[0; 16], Some(&[0; 12]), None, false).unwrap();
    /// c.set_aad(b"header").unwrap();
    /// ```
    pub fn set_aad(&mut self, aad: &[u8]) -> Result<(), NodeError> {
        let ok = match self.engine.as_mut() {
            Some(Engine::Gcm(g)) => g.set_aad(aad),
            Some(Engine::ChaChaPoly(c)) => c.set_aad(aad),
            _ => false,
        };
        if ok {
            Ok(())
        } else {
            Err(invalid_state("setAAD"))
        }
    }

    /// `cipher.getAuthTag()`: the tag, after `final` of an AEAD encryption.
    ///
    /// # Errors
    /// `ERR_CRYPTO_INVALID_STATE` otherwise.
    ///
    /// # Examples
    /// ```
    /// let mut c = node_stdlib::crypto::Cipher::new("aes-128-gcm", &[0; 16], Some(&[0; 12]), Some(12), false).unwrap();
    /// c.finish().unwrap();
    /// assert_eq!(c.get_auth_tag().unwrap().len(), 12);
    /// ```
    pub fn get_auth_tag(&self) -> Result<Vec<u8>, NodeError> {
        match (&self.tag, self.decrypt, &self.engine) {
            (Some(tag), false, None) => Ok(tag.clone()),
            _ => Err(invalid_state("getAuthTag")),
        }
    }

    /// `decipher.setAuthTag(tag)`: the tag `final` will check.
    ///
    /// # Errors
    /// `ERR_CRYPTO_INVALID_AUTH_TAG` for a length the mode or `authTagLength` rules out;
    /// `ERR_CRYPTO_INVALID_STATE` when set twice, after `final`, or on a non-AEAD cipher.
    ///
    /// # Examples
    /// ```
    /// let mut d = node_stdlib::crypto::Cipher::new("aes-128-gcm", &[0; 16], Some(&[0; 12]), None, true).unwrap();
    /// assert_eq!(d.set_auth_tag(&[0; 3]).unwrap_err().code(), "ERR_CRYPTO_INVALID_AUTH_TAG");
    /// d.set_auth_tag(&[0; 16]).unwrap();
    /// ```
    pub fn set_auth_tag(&mut self, tag: &[u8]) -> Result<(), NodeError> {
        if !self.decrypt || !self.is_aead() || self.engine.is_none() || self.tag.is_some() {
            return Err(invalid_state("setAuthTag"));
        }
        let ok = match (self.info.mode, self.tag_length) {
            (_, Some(n)) => tag.len() == n,
            (_, None) => gcm_tag_ok(tag.len()),
        };
        if !ok {
            return Err(invalid_tag_length(tag.len()));
        }
        self.tag = Some(tag.to_vec());
        Ok(())
    }
}

/// GCM tags node accepts: 4, 8, or 12 to 16 bytes.
fn gcm_tag_ok(n: usize) -> bool {
    matches!(n, 4 | 8 | 12..=16)
}

#[cfg(test)]
mod tests;
