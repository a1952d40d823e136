//! Node's zlib options: flush modes, strategies and `ZlibOptions`, with Node's range checks.

use bytes::Bytes;

use super::error::Error;

/// zlib flush modes (`zlib.constants.Z_NO_FLUSH`, …) for `flush`/`finishFlush`.
///
/// # Examples
/// ```
/// let o = node_streams::zlib::ZlibOptions { flush: node_streams::zlib::Flush::Sync, ..Default::default() };
/// assert_eq!(o.finish_flush, node_streams::zlib::Flush::Finish);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Flush {
    /// `Z_NO_FLUSH`.
    #[default]
    None,
    /// `Z_PARTIAL_FLUSH`.
    Partial,
    /// `Z_SYNC_FLUSH`.
    Sync,
    /// `Z_FULL_FLUSH`.
    Full,
    /// `Z_FINISH`.
    Finish,
    /// `Z_BLOCK` (a sync flush for decompressors).
    Block,
}

/// Compression strategies (`Z_DEFAULT_STRATEGY`, `Z_FILTERED`, …).
///
/// # Examples
/// ```
/// assert_eq!(node_streams::zlib::Strategy::default(), node_streams::zlib::Strategy::Default);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Strategy {
    /// `Z_DEFAULT_STRATEGY`.
    #[default]
    Default,
    /// `Z_FILTERED`.
    Filtered,
    /// `Z_HUFFMAN_ONLY`.
    HuffmanOnly,
    /// `Z_RLE`.
    Rle,
    /// `Z_FIXED`.
    Fixed,
}

/// Node's zlib options (`zlib.createGzip(options)`).
///
/// # Examples
/// ```
/// let o = node_streams::zlib::ZlibOptions { level: 9, ..Default::default() };
/// let out = node_streams::zlib::deflate_sync(b"aaaaaaaa", &o).unwrap();
/// assert_eq!(out[0], 0x78);
/// ```
#[derive(Debug, Clone)]
pub struct ZlibOptions {
    /// `flush` applied to each write (default `Z_NO_FLUSH`).
    pub flush: Flush,
    /// `finishFlush` applied at the end (default `Z_FINISH`).
    pub finish_flush: Flush,
    /// `chunkSize`: the size of output chunks (default 16 KiB, at least 64).
    pub chunk_size: usize,
    /// `windowBits` (default 15); 0 lets inflate, gunzip and unzip take the size from the
    /// header.
    pub window_bits: u8,
    /// `level`, -1 (default, = 6) to 9.
    pub level: i32,
    /// `memLevel`, 1–9 (default 8).
    pub mem_level: u8,
    /// `strategy` (default `Z_DEFAULT_STRATEGY`).
    pub strategy: Strategy,
    /// `dictionary` for deflate/inflate.
    pub dictionary: Option<Bytes>,
    /// `maxOutputLength` of a one-shot call (default Node's `buffer.kMaxLength`, 4 GiB).
    pub max_output_length: usize,
}

/// Node's `buffer.constants.MAX_LENGTH` (the default `maxOutputLength`).
pub(crate) const MAX_LENGTH: usize = 1 << 32;

impl Default for ZlibOptions {
    fn default() -> Self {
        ZlibOptions {
            flush: Flush::None,
            finish_flush: Flush::Finish,
            chunk_size: 16 * 1024,
            window_bits: 15,
            level: -1,
            mem_level: 8,
            strategy: Strategy::Default,
            dictionary: None,
            max_output_length: MAX_LENGTH,
        }
    }
}

pub(crate) fn check(o: &ZlibOptions) -> Result<(), Error> {
    if !(-1..=9).contains(&o.level) {
        return Err(Error::new(
            "ERR_OUT_OF_RANGE",
            format!(
                "The value of \"options.level\" is out of range. It must be >= -1 and <= 9. Received {}",
                o.level
            ),
        ));
    }
    if o.chunk_size < 64 {
        return Err(Error::new(
            "ERR_OUT_OF_RANGE",
            format!(
                "The value of \"options.chunkSize\" is out of range. It must be >= 64. Received {}",
                o.chunk_size
            ),
        ));
    }
    // 0 (take the size from the header) only for decompressors; checked by the engine.
    if o.window_bits != 0 && !(8..=15).contains(&o.window_bits) {
        return Err(range("windowBits", 8, 15, o.window_bits.into()));
    }
    if !(1..=9).contains(&o.mem_level) {
        return Err(range("memLevel", 1, 9, o.mem_level.into()));
    }
    Ok(())
}

pub(crate) fn range(name: &str, lo: i64, hi: i64, got: i64) -> Error {
    Error::new(
        "ERR_OUT_OF_RANGE",
        format!(
            "The value of \"options.{name}\" is out of range. It must be >= {lo} and <= {hi}. Received {got}"
        ),
    )
}
