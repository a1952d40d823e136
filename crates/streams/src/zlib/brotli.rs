//! Brotli compression and decompression over the `brotli` crate.

use std::io::Write;

use brotli::enc::backward_references::BrotliEncoderMode;
use brotli::enc::BrotliEncoderParams;
use node_core::NodeError;

use super::error::Error;
use crate::chunk::Chunk;
use crate::transform::{Transform, Transformer};

/// `BROTLI_PARAM_MODE` values.
///
/// # Examples
/// ```
/// assert_eq!(node_streams::zlib::BrotliMode::default(), node_streams::zlib::BrotliMode::Generic);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum BrotliMode {
    /// `BROTLI_MODE_GENERIC`.
    #[default]
    Generic,
    /// `BROTLI_MODE_TEXT`.
    Text,
    /// `BROTLI_MODE_FONT`.
    Font,
}

/// Brotli parameters (`zlib.constants.BROTLI_PARAM_QUALITY`, `_LGWIN`, `_MODE`,
/// `_SIZE_HINT`).
///
/// # Examples
/// ```
/// let o = node_streams::zlib::BrotliOptions { quality: 5, ..Default::default() };
/// let packed = node_streams::zlib::brotli_compress_sync(b"abcabcabc", &o).unwrap();
/// assert!(!packed.is_empty());
/// ```
#[derive(Debug, Clone)]
pub struct BrotliOptions {
    /// `BROTLI_PARAM_QUALITY`, 0–11 (Node's default 11).
    pub quality: u32,
    /// `BROTLI_PARAM_LGWIN`, 10–24 (default 22).
    pub lgwin: u32,
    /// `BROTLI_PARAM_MODE`.
    pub mode: BrotliMode,
    /// `BROTLI_PARAM_SIZE_HINT` (0: unknown).
    pub size_hint: usize,
    /// `chunkSize` of output chunks (default 16 KiB).
    pub chunk_size: usize,
}

impl Default for BrotliOptions {
    fn default() -> Self {
        BrotliOptions {
            quality: 11,
            lgwin: 22,
            mode: BrotliMode::Generic,
            size_hint: 0,
            chunk_size: 16 * 1024,
        }
    }
}

fn failed() -> Error {
    // node: brotliDecompressSync(garbage) -> ERR__ERROR_FORMAT_PADDING_1, "Decompression failed"
    Error::new("ERR__ERROR_FORMAT_PADDING_1", "Decompression failed")
}

fn params(o: &BrotliOptions) -> Result<BrotliEncoderParams, Error> {
    if o.quality > 11 || !(10..=24).contains(&o.lgwin) {
        return Err(Error::new(
            "ERR_BROTLI_INVALID_PARAM",
            "Initialization failed",
        ));
    }
    let mode = match o.mode {
        BrotliMode::Generic => BrotliEncoderMode::BROTLI_MODE_GENERIC,
        BrotliMode::Text => BrotliEncoderMode::BROTLI_MODE_TEXT,
        BrotliMode::Font => BrotliEncoderMode::BROTLI_MODE_FONT,
    };
    Ok(BrotliEncoderParams {
        quality: o.quality as i32,
        lgwin: o.lgwin as i32,
        size_hint: o.size_hint,
        mode,
        ..BrotliEncoderParams::default()
    })
}

/// `zlib.brotliCompressSync(buffer, options)`.
///
/// # Errors
/// `ERR_BROTLI_INVALID_PARAM` for out-of-range parameters.
///
/// # Examples
/// ```
/// use node_streams::zlib::*;
/// let p = brotli_compress_sync(b"hi", &Default::default()).unwrap();
/// assert_eq!(brotli_decompress_sync(&p, &Default::default()).unwrap(), b"hi");
/// ```
#[doc(alias = "brotliCompressSync")]
pub fn brotli_compress_sync(data: &[u8], o: &BrotliOptions) -> Result<Vec<u8>, Error> {
    let p = params(o)?;
    let mut out = Vec::new();
    {
        let mut w = brotli::CompressorWriter::with_params(&mut out, 4096, &p);
        w.write_all(data).map_err(|_| failed())?;
        w.flush().map_err(|_| failed())?;
    }
    Ok(out)
}

/// `zlib.brotliDecompressSync(buffer, options)`.
///
/// # Errors
/// `ERR__ERROR_FORMAT_PADDING_1` ("Decompression failed") for invalid or truncated data.
///
/// # Examples
/// ```
/// let e = node_streams::zlib::brotli_decompress_sync(b"garbage!!", &Default::default()).unwrap_err();
/// assert_eq!(e.message(), "Decompression failed");
/// ```
#[doc(alias = "brotliDecompressSync")]
pub fn brotli_decompress_sync(data: &[u8], o: &BrotliOptions) -> Result<Vec<u8>, Error> {
    let _ = o;
    let mut out = Vec::new();
    let mut r = brotli::Decompressor::new(data, 4096);
    std::io::copy(&mut r, &mut out).map_err(|_| failed())?;
    Ok(out)
}

enum Brotli {
    Compress(Box<brotli::CompressorWriter<Vec<u8>>>),
    Decompress(Box<brotli::DecompressorWriter<Vec<u8>>>),
}

struct BrotliTransformer(Option<Brotli>);

impl BrotliTransformer {
    fn drain(buf: &mut Vec<u8>, out: &mut Vec<Chunk>) {
        if !buf.is_empty() {
            out.push(Chunk::from(std::mem::take(buf)));
        }
    }
}

impl Transformer for BrotliTransformer {
    fn transform(&mut self, chunk: Chunk, out: &mut Vec<Chunk>) -> Result<(), NodeError> {
        let Some(b) = chunk.as_bytes() else {
            return Err(crate::errors::invalid_chunk(true));
        };
        match &mut self.0 {
            Some(Brotli::Compress(w)) => {
                w.write_all(b).map_err(|_| NodeError::from(failed()))?;
                Self::drain(w.get_mut(), out);
            }
            Some(Brotli::Decompress(w)) => {
                w.write_all(b).map_err(|_| NodeError::from(failed()))?;
                Self::drain(w.get_mut(), out);
            }
            None => {}
        }
        Ok(())
    }

    fn flush(&mut self, out: &mut Vec<Chunk>) -> Result<(), NodeError> {
        match self.0.take() {
            Some(Brotli::Compress(w)) => {
                let mut v = w.into_inner();
                Self::drain(&mut v, out);
            }
            Some(Brotli::Decompress(w)) => {
                let mut v = w.into_inner().map_err(|_| NodeError::from(failed()))?;
                Self::drain(&mut v, out);
            }
            None => {}
        }
        Ok(())
    }
}

/// `zlib.createBrotliCompress(options)`.
///
/// # Errors
/// `ERR_BROTLI_INVALID_PARAM` for out-of-range parameters.
///
/// # Examples
/// ```
/// let t = node_streams::zlib::create_brotli_compress(&Default::default()).unwrap();
/// assert!(!t.destroyed());
/// ```
#[doc(alias = "createBrotliCompress")]
pub fn create_brotli_compress(o: &BrotliOptions) -> Result<Transform, Error> {
    let p = params(o)?;
    let w = brotli::CompressorWriter::with_params(Vec::new(), o.chunk_size, &p);
    Ok(Transform::new(BrotliTransformer(Some(Brotli::Compress(
        Box::new(w),
    )))))
}

/// `zlib.createBrotliDecompress(options)`.
///
/// # Errors
/// None today; the `Result` leaves room for option checks.
///
/// # Examples
/// ```
/// let t = node_streams::zlib::create_brotli_decompress(&Default::default()).unwrap();
/// assert!(!t.destroyed());
/// ```
#[doc(alias = "createBrotliDecompress")]
pub fn create_brotli_decompress(o: &BrotliOptions) -> Result<Transform, Error> {
    let w = brotli::DecompressorWriter::new(Vec::new(), o.chunk_size.max(4096));
    Ok(Transform::new(BrotliTransformer(Some(Brotli::Decompress(
        Box::new(w),
    )))))
}
