//! Node's `string_decoder` module: decode a byte stream chunk by chunk without
//! splitting multi-byte characters (a port of `src/string_decoder.cc`).

mod decoder;

pub use self::decoder::StringDecoder;
