//! Brotli compression and decompression over the `brotli` crate's streaming state
//! machines (what Node's `BrotliEncoder`/`BrotliDecoder` handles drive).

use brotli::enc::encode::{
    BrotliEncoderOperation, BrotliEncoderParameter, BrotliEncoderStateStruct,
};
use brotli::enc::StandardAlloc;
use brotli::{BrotliDecompressStream, BrotliResult, BrotliState};
use bytes::Bytes;
use node_core::NodeError;

use super::engine::Chunker;
use super::error::Error;
use super::options::{Flush, MAX_LENGTH};
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
/// `_SIZE_HINT`, …). Out-of-range values are clamped as brotli does.
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
    /// `BROTLI_PARAM_LGBLOCK` (0: chosen by quality).
    pub lgblock: u32,
    /// `BROTLI_PARAM_DISABLE_LITERAL_CONTEXT_MODELING`.
    pub disable_literal_context_modeling: bool,
    /// `BROTLI_PARAM_LARGE_WINDOW`.
    pub large_window: bool,
    /// `chunkSize` of output chunks (default 16 KiB).
    pub chunk_size: usize,
    /// `flush` applied to each write (default `BROTLI_OPERATION_PROCESS`).
    pub flush: Flush,
    /// `finishFlush` (default `BROTLI_OPERATION_FINISH`).
    pub finish_flush: Flush,
    /// `maxOutputLength` of a one-shot call (default 4 GiB).
    pub max_output_length: usize,
}

impl Default for BrotliOptions {
    fn default() -> Self {
        BrotliOptions {
            quality: 11,
            lgwin: 22,
            mode: BrotliMode::Generic,
            size_hint: 0,
            lgblock: 0,
            disable_literal_context_modeling: false,
            large_window: false,
            chunk_size: 16 * 1024,
            flush: Flush::None,
            finish_flush: Flush::Finish,
            max_output_length: MAX_LENGTH,
        }
    }
}

/// Node's brotli flush kinds: `Flush::None` is `BROTLI_OPERATION_PROCESS`, `Sync`/`Full`/
/// `Partial`/`Block` are `BROTLI_OPERATION_FLUSH`, `Finish` is `BROTLI_OPERATION_FINISH`.
fn operation(f: Flush) -> BrotliEncoderOperation {
    match f {
        Flush::None => BrotliEncoderOperation::BROTLI_OPERATION_PROCESS,
        Flush::Finish => BrotliEncoderOperation::BROTLI_OPERATION_FINISH,
        _ => BrotliEncoderOperation::BROTLI_OPERATION_FLUSH,
    }
}

fn init_failed() -> Error {
    Error::new("ERR_ZLIB_INITIALIZATION_FAILED", "Initialization failed")
}

fn compress_failed() -> Error {
    Error::new("ERR_BROTLI_COMPRESSION_FAILED", "Compression failed")
}

/// A brotli encoder fed in writes, as Node's `BrotliEncoder` handle.
pub(crate) struct BrotliEncoder {
    state: BrotliEncoderStateStruct<StandardAlloc>,
    chunker: Chunker,
    options: BrotliOptions,
}

impl BrotliEncoder {
    pub(crate) fn new(o: &BrotliOptions) -> Result<Self, Error> {
        if o.chunk_size < 64 {
            return Err(super::options::range("chunkSize", 64, i64::MAX, 0));
        }
        let mut state = BrotliEncoderStateStruct::new(StandardAlloc::default());
        let mode = match o.mode {
            BrotliMode::Generic => 0,
            BrotliMode::Text => 1,
            BrotliMode::Font => 2,
        };
        let size_hint = u32::try_from(o.size_hint).unwrap_or(u32::MAX);
        let set: [(BrotliEncoderParameter, u32); 7] = [
            (BrotliEncoderParameter::BROTLI_PARAM_MODE, mode),
            (BrotliEncoderParameter::BROTLI_PARAM_QUALITY, o.quality),
            (BrotliEncoderParameter::BROTLI_PARAM_LGWIN, o.lgwin),
            (BrotliEncoderParameter::BROTLI_PARAM_LGBLOCK, o.lgblock),
            (
                BrotliEncoderParameter::BROTLI_PARAM_DISABLE_LITERAL_CONTEXT_MODELING,
                o.disable_literal_context_modeling.into(),
            ),
            (BrotliEncoderParameter::BROTLI_PARAM_SIZE_HINT, size_hint),
            (
                BrotliEncoderParameter::BROTLI_PARAM_LARGE_WINDOW,
                o.large_window.into(),
            ),
        ];
        for (p, v) in set {
            if !state.set_parameter(p, v) {
                return Err(init_failed());
            }
        }
        Ok(BrotliEncoder {
            state,
            chunker: Chunker::new(o.chunk_size),
            options: o.clone(),
        })
    }

    /// Compresses `input` with `flush`, appending output chunks to `out`.
    pub(crate) fn write(
        &mut self,
        input: &[u8],
        flush: Flush,
        out: &mut Vec<Bytes>,
    ) -> Result<(), Error> {
        let op = operation(flush);
        let mut nop =
            |_: &mut brotli::interface::PredictionModeContextMap<brotli::InputReferenceMut<'_>>,
             _: &mut [brotli::interface::StaticCommand],
             _: brotli::InputPair<'_>,
             _: &mut StandardAlloc| ();
        let mut avail_in = input.len();
        let mut in_off = 0;
        loop {
            let mut buf = vec![0u8; self.chunker.room()];
            let mut avail_out = buf.len();
            let mut out_off = 0;
            let mut total = None;
            let ok = self.state.compress_stream(
                op,
                &mut avail_in,
                input,
                &mut in_off,
                &mut avail_out,
                &mut buf,
                &mut out_off,
                &mut total,
                &mut nop,
            );
            if !ok {
                return Err(compress_failed());
            }
            buf.truncate(out_off);
            self.chunker.cut(Bytes::from(buf), out);
            let finishing = matches!(op, BrotliEncoderOperation::BROTLI_OPERATION_FINISH);
            if avail_in == 0
                && !self.state.has_more_output()
                && (!finishing || self.state.is_finished())
            {
                return Ok(());
            }
        }
    }

    pub(crate) fn reset(&mut self) -> Result<(), Error> {
        *self = BrotliEncoder::new(&self.options)?;
        Ok(())
    }
}

type DecoderState = BrotliState<StandardAlloc, StandardAlloc, StandardAlloc>;

/// A brotli decoder fed in writes, as Node's `BrotliDecoder` handle.
pub(crate) struct BrotliDecoder {
    state: Box<DecoderState>,
    chunker: Chunker,
    done: bool,
    /// Output so far, against `max_output` (one-shot calls' `maxOutputLength`).
    out_total: usize,
    max_output: usize,
}

impl BrotliDecoder {
    pub(crate) fn new(o: &BrotliOptions) -> Result<Self, Error> {
        if o.chunk_size < 64 {
            return Err(super::options::range("chunkSize", 64, i64::MAX, 0));
        }
        let mut state = Box::new(BrotliState::new(
            StandardAlloc::default(),
            StandardAlloc::default(),
            StandardAlloc::default(),
        ));
        if o.large_window {
            state.large_window = true;
        }
        Ok(BrotliDecoder {
            state,
            chunker: Chunker::new(o.chunk_size),
            done: false,
            out_total: 0,
            max_output: usize::MAX,
        })
    }

    /// Decompresses `input`, appending output chunks to `out`. With `Flush::Finish`, an
    /// unfinished stream is Node's `unexpected end of file`.
    pub(crate) fn write(
        &mut self,
        input: &[u8],
        flush: Flush,
        out: &mut Vec<Bytes>,
    ) -> Result<(), Error> {
        let mut avail_in = input.len();
        let mut in_off = 0;
        while !self.done {
            let mut buf = vec![0u8; self.chunker.room()];
            let mut avail_out = buf.len();
            let mut out_off = 0;
            let mut total = 0;
            let r = BrotliDecompressStream(
                &mut avail_in,
                &mut in_off,
                input,
                &mut avail_out,
                &mut out_off,
                &mut buf,
                &mut total,
                &mut self.state,
            );
            buf.truncate(out_off);
            self.out_total += out_off;
            if self.out_total > self.max_output {
                return Err(Error::too_large(self.max_output));
            }
            self.chunker.cut(Bytes::from(buf), out);
            match r {
                BrotliResult::ResultSuccess => self.done = true,
                BrotliResult::NeedsMoreOutput => continue,
                BrotliResult::NeedsMoreInput => break,
                BrotliResult::ResultFailure => {
                    let errno = self.state.error_code as i32;
                    return Err(Error::with_errno(
                        super::brotli_codes::code(errno),
                        errno,
                        "Decompression failed",
                    ));
                }
            }
        }
        if flush == Flush::Finish && !self.done {
            return Err(Error::unexpected_end());
        }
        Ok(())
    }

    pub(crate) fn ended(&self) -> bool {
        self.done
    }

    pub(crate) fn reset(&mut self) -> Result<(), Error> {
        let large = self.state.large_window;
        *self = BrotliDecoder::new(&BrotliOptions {
            chunk_size: self.chunker.chunk_size,
            large_window: large,
            ..Default::default()
        })?;
        Ok(())
    }
}

fn concat(chunks: Vec<Bytes>, max: usize) -> Result<Vec<u8>, Error> {
    let total: usize = chunks.iter().map(Bytes::len).sum();
    if total > max {
        return Err(Error::too_large(max));
    }
    let mut v = Vec::with_capacity(total);
    for c in chunks {
        v.extend_from_slice(&c);
    }
    Ok(v)
}

/// `zlib.brotliCompressSync(buffer, options)`.
///
/// # Errors
/// `ERR_ZLIB_INITIALIZATION_FAILED` for parameters brotli refuses; `ERR_BUFFER_TOO_LARGE`
/// past `max_output_length`.
///
/// # Examples
/// ```
/// use node_streams::zlib::*;
/// let p = brotli_compress_sync(b"hi", &Default::default()).unwrap();
/// assert_eq!(brotli_decompress_sync(&p, &Default::default()).unwrap(), b"hi");
/// ```
#[doc(alias = "brotliCompressSync")]
pub fn brotli_compress_sync(data: &[u8], o: &BrotliOptions) -> Result<Vec<u8>, Error> {
    let mut e = BrotliEncoder::new(&BrotliOptions {
        chunk_size: o.chunk_size.max(256 * 1024),
        ..o.clone()
    })?;
    let mut out = Vec::new();
    e.write(data, o.flush, &mut out)?;
    e.write(&[], o.finish_flush, &mut out)?;
    concat(out, o.max_output_length)
}

/// `zlib.brotliDecompressSync(buffer, options)`.
///
/// # Errors
/// Node's decoder codes (`ERR__ERROR_FORMAT_HUFFMAN_SPACE`, …, message
/// `Decompression failed`) for invalid data, `Z_BUF_ERROR` (`unexpected end of file`) for
/// truncated data, `ERR_BUFFER_TOO_LARGE` past `max_output_length`.
///
/// # Examples
/// ```
/// let e = node_streams::zlib::brotli_decompress_sync(b"plain text here", &Default::default()).unwrap_err();
/// assert_eq!((e.code(), e.errno()), ("ERR__ERROR_FORMAT_HUFFMAN_SPACE", Some(-7)));
/// assert_eq!(e.message(), "Decompression failed");
/// ```
#[doc(alias = "brotliDecompressSync")]
pub fn brotli_decompress_sync(data: &[u8], o: &BrotliOptions) -> Result<Vec<u8>, Error> {
    let mut d = BrotliDecoder::new(&BrotliOptions {
        chunk_size: o.chunk_size.max(256 * 1024),
        ..o.clone()
    })?;
    // Checked while decoding, so a small bomb cannot fill memory first.
    d.max_output = o.max_output_length;
    let mut out = Vec::new();
    d.write(data, o.flush, &mut out)?;
    d.write(&[], o.finish_flush, &mut out)?;
    concat(out, o.max_output_length)
}

enum Brotli {
    Compress(Box<BrotliEncoder>),
    Decompress(BrotliDecoder),
}

struct BrotliTransformer {
    codec: Brotli,
    flush: Flush,
    finish_flush: Flush,
}

impl BrotliTransformer {
    fn run(&mut self, b: &[u8], flush: Flush, out: &mut Vec<Chunk>) -> Result<(), NodeError> {
        let mut v = Vec::new();
        match &mut self.codec {
            Brotli::Compress(e) => e.write(b, flush, &mut v)?,
            Brotli::Decompress(d) => d.write(b, flush, &mut v)?,
        }
        out.extend(v.into_iter().map(Chunk::Bytes));
        Ok(())
    }
}

impl Transformer for BrotliTransformer {
    fn transform(&mut self, chunk: Chunk, out: &mut Vec<Chunk>) -> Result<(), NodeError> {
        let flush = self.flush;
        match &chunk {
            Chunk::Bytes(b) => self.run(b, flush, out),
            Chunk::Str(s) => self.run(s.as_bytes(), flush, out),
            Chunk::Value(_) => Err(crate::errors::invalid_chunk(true)),
        }
    }

    fn flush(&mut self, out: &mut Vec<Chunk>) -> Result<(), NodeError> {
        let flush = self.finish_flush;
        self.run(&[], flush, out)
    }
}

fn transform(codec: Brotli, o: &BrotliOptions) -> Transform {
    Transform::new(BrotliTransformer {
        codec,
        flush: o.flush,
        finish_flush: o.finish_flush,
    })
}

/// `zlib.createBrotliCompress(options)`.
///
/// # Errors
/// `ERR_ZLIB_INITIALIZATION_FAILED` for parameters brotli refuses.
///
/// # Examples
/// ```
/// let t = node_streams::zlib::create_brotli_compress(&Default::default()).unwrap();
/// assert!(!t.destroyed());
/// ```
#[doc(alias = "createBrotliCompress")]
pub fn create_brotli_compress(o: &BrotliOptions) -> Result<Transform, Error> {
    Ok(transform(
        Brotli::Compress(Box::new(BrotliEncoder::new(o)?)),
        o,
    ))
}

/// `zlib.createBrotliDecompress(options)`.
///
/// # Errors
/// `ERR_OUT_OF_RANGE` for a `chunk_size` under 64.
///
/// # Examples
/// ```
/// let t = node_streams::zlib::create_brotli_decompress(&Default::default()).unwrap();
/// assert!(!t.destroyed());
/// ```
#[doc(alias = "createBrotliDecompress")]
pub fn create_brotli_decompress(o: &BrotliOptions) -> Result<Transform, Error> {
    Ok(transform(Brotli::Decompress(BrotliDecoder::new(o)?), o))
}
