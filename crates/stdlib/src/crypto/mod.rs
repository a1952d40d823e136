//! The part of Node's `crypto` module programs and frameworks use most: hashes, HMAC,
//! random values, `timingSafeEqual`, `pbkdf2`, `scrypt`, `hkdf`, ciphers, keys and
//! signatures — on RustCrypto crates.

mod algorithm;
mod cipher;
mod ecdh;
mod hash;
mod kdf;
mod keys;
mod random;
mod sign;

pub use self::algorithm::{get_hashes, HashAlgorithm};
pub use self::cipher::{
    cipher_accepts_iv_length, get_cipher_info, get_cipher_info_by_nid, get_ciphers, Cipher,
    CipherInfo, CipherMode,
};
pub use self::ecdh::{Ecdh, PointFormat};
pub use self::hash::{create_hash, create_hmac, Hash, Hmac};
pub use self::kdf::{hkdf, pbkdf2, scrypt, ScryptOptions};
pub use self::keys::{
    generate_key_pair, pem_encode, EcCurve, KeyComponents, KeyDetails, KeyEncoding, KeyFormat,
    KeyPairKind, OkpCurve, PrivateKey, PublicKey,
};
pub use self::random::{
    get_random_values, random_bytes, random_fill, random_int, random_uuid, timing_safe_equal,
};
pub use self::sign::{
    diffie_hellman, private_decrypt, public_encrypt, sign, sign_digest, verify, verify_digest,
    SignOptions, RSA_PKCS1_OAEP_PADDING, RSA_PKCS1_PADDING, RSA_PKCS1_PSS_PADDING,
};
