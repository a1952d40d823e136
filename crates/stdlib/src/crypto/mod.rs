//! The part of Node's `crypto` module programs and frameworks use most: hashes, HMAC,
//! random values, `timingSafeEqual`, `pbkdf2`, `scrypt`, `hkdf` — on RustCrypto crates.

mod algorithm;
mod hash;
mod kdf;
mod random;

pub use self::algorithm::{get_hashes, HashAlgorithm};
pub use self::hash::{create_hash, create_hmac, Hash, Hmac};
pub use self::kdf::{hkdf, pbkdf2, scrypt, ScryptOptions};
pub use self::random::{
    get_random_values, random_bytes, random_fill, random_int, random_uuid, timing_safe_equal,
};
