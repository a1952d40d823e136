//! Node's `zlib` module: gzip, deflate (zlib and raw), unzip and brotli as
//! [`Transform`](crate::Transform) streams, one-shot `*_sync` functions and a [`Processor`]
//! per stream for bindings, over zlib-rs and the `brotli` crate, with Node's error codes
//! and messages.
//!
//! ```
//! use node_streams::zlib;
//! let packed = zlib::gzip_sync(b"hello hello hello", &Default::default()).unwrap();
//! assert_eq!(zlib::gunzip_sync(&packed, &Default::default()).unwrap(), b"hello hello hello");
//! let err = zlib::gunzip_sync(b"not gzip", &Default::default()).unwrap_err();
//! assert_eq!((err.code(), err.errno()), ("Z_DATA_ERROR", Some(-3)));
//! ```

mod brotli;
mod brotli_codes;
mod engine;
mod error;
mod flate;
mod options;
mod processor;

pub use self::brotli::{
    brotli_compress_sync, brotli_decompress_sync, create_brotli_compress, create_brotli_decompress,
    BrotliMode, BrotliOptions,
};
pub use self::error::{errno_for_code, Error};
pub use self::flate::{
    create_deflate, create_deflate_raw, create_gunzip, create_gzip, create_inflate,
    create_inflate_raw, create_unzip, deflate_raw_sync, deflate_sync, gunzip_sync, gzip_sync,
    inflate_raw_sync, inflate_sync, unzip_sync, Zlib,
};
pub use self::options::{Flush, Strategy, ZlibOptions};
pub use self::processor::{Mode, Processor};

/// `zlib.crc32(data, value)`: the CRC-32 of `data`, continuing from `value` (0 to start).
///
/// # Examples
/// ```
/// // node -e "console.log(require('zlib').crc32('hello'))" prints 907060870
/// assert_eq!(node_streams::zlib::crc32(b"hello", 0), 907060870);
/// ```
pub fn crc32(data: &[u8], value: u32) -> u32 {
    let mut h = crc32fast::Hasher::new_with_initial(value);
    h.update(data);
    h.finalize()
}
