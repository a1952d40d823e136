//! Node's `buffer` module: the encodings, searching and filling behind `Buffer`.
//!
//! The `Buffer` object itself (a `Uint8Array` subclass) lives in the runtime; every
//! byte-level algorithm it needs is here.
//!
//! # Examples
//! ```
//! use node_stdlib::buffer::{from_string, to_string, Encoding};
//! let bytes = from_string("aGVsbG8=", Encoding::Base64);
//! assert_eq!(to_string(&bytes, Encoding::Hex), "68656c6c6f");
//! ```

mod atob;
mod base64;
mod codec;
mod encoding;
mod hex;
mod ops;
mod search;
mod swap;
mod write;
mod wtf8;

pub use self::atob::{atob, btoa};
pub use self::codec::{byte_length, from_string, from_utf16_units, to_string, to_utf16_units};
pub use self::encoding::{is_encoding, Encoding};
pub use self::ops::{compare, fill, FillValue};
pub use self::search::{includes, index_of, last_index_of, SearchValue};
pub use self::swap::{is_ascii, is_utf8, swap16, swap32, swap64};
pub use self::write::write;
pub use self::wtf8::{from_wtf8, write_len, wtf8_to_utf16};
