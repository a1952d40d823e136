//! [`Processor`]: one compressor or decompressor fed write by write, as Node's native zlib
//! handle. It is `Send`, so a binding can run a write on a worker thread and take the
//! processor back.

use bytes::Bytes;

use super::brotli::{BrotliDecoder, BrotliEncoder, BrotliOptions};
use super::engine::{Engine, Format};
use super::error::Error;
use super::options::{Flush, Strategy, ZlibOptions};

/// What a [`Processor`] does: Node's zlib modes.
///
/// # Examples
/// ```
/// use node_streams::zlib::Mode;
/// assert!(Mode::Gzip.compresses());
/// assert!(!Mode::Unzip.compresses());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// `zlib.Deflate`.
    Deflate,
    /// `zlib.Inflate`.
    Inflate,
    /// `zlib.Gzip`.
    Gzip,
    /// `zlib.Gunzip`.
    Gunzip,
    /// `zlib.DeflateRaw`.
    DeflateRaw,
    /// `zlib.InflateRaw`.
    InflateRaw,
    /// `zlib.Unzip` (gzip or zlib, from the header).
    Unzip,
    /// `zlib.BrotliCompress`.
    BrotliEncode,
    /// `zlib.BrotliDecompress`.
    BrotliDecode,
}

impl Mode {
    /// Whether this mode compresses.
    ///
    /// # Examples
    /// ```
    /// assert!(node_streams::zlib::Mode::BrotliEncode.compresses());
    /// ```
    pub fn compresses(self) -> bool {
        matches!(
            self,
            Mode::Deflate | Mode::Gzip | Mode::DeflateRaw | Mode::BrotliEncode
        )
    }

    fn format(self) -> Format {
        match self {
            Mode::Gzip | Mode::Gunzip => Format::Gzip,
            Mode::DeflateRaw | Mode::InflateRaw => Format::Raw,
            Mode::Unzip => Format::Auto,
            _ => Format::Zlib,
        }
    }
}

enum Inner {
    Flate(Box<Engine>),
    BrotliEncode(Box<BrotliEncoder>),
    BrotliDecode(Box<BrotliDecoder>),
}

/// One compressor or decompressor, fed write by write with a flush kind (Node's native
/// zlib handle). Output comes back in `chunkSize` pieces cut as Node cuts them.
///
/// # Examples
/// ```
/// use node_streams::zlib::{Flush, Mode, Processor};
/// let mut gz = Processor::new(Mode::Gzip, &Default::default()).unwrap();
/// let mut packed = gz.write(b"hello ", Flush::None).unwrap();
/// packed.extend(gz.write(b"world", Flush::Finish).unwrap());
/// let packed: Vec<u8> = packed.concat();
/// let mut gun = Processor::new(Mode::Gunzip, &Default::default()).unwrap();
/// assert_eq!(gun.write(&packed, Flush::Finish).unwrap().concat(), b"hello world");
/// assert!(gun.ended());
/// ```
pub struct Processor {
    inner: Inner,
    mode: Mode,
}

impl std::fmt::Debug for Processor {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let kind = match &self.inner {
            Inner::Flate(_) => "flate",
            Inner::BrotliEncode(_) => "brotli encoder",
            Inner::BrotliDecode(_) => "brotli decoder",
        };
        f.debug_struct("Processor").field("kind", &kind).finish()
    }
}

impl Processor {
    /// A zlib-family processor (any mode but the brotli ones, which take
    /// [`Processor::new_brotli`]).
    ///
    /// # Errors
    /// `ERR_OUT_OF_RANGE` for options outside Node's ranges (level, windowBits, memLevel,
    /// chunkSize); `ERR_INVALID_ARG_VALUE` for a brotli mode.
    ///
    /// # Examples
    /// ```
    /// use node_streams::zlib::{Mode, Processor, ZlibOptions};
    /// let e = Processor::new(Mode::Deflate, &ZlibOptions { level: 10, ..Default::default() }).unwrap_err();
    /// assert_eq!(e.code(), "ERR_OUT_OF_RANGE");
    /// ```
    pub fn new(mode: Mode, o: &ZlibOptions) -> Result<Self, Error> {
        if matches!(mode, Mode::BrotliEncode | Mode::BrotliDecode) {
            return Err(Error::new(
                "ERR_INVALID_ARG_VALUE",
                "brotli modes take Processor::new_brotli",
            ));
        }
        let engine = Engine::new(mode.compresses(), mode.format(), o)?;
        Ok(Processor {
            inner: Inner::Flate(Box::new(engine)),
            mode,
        })
    }

    /// A brotli encoder (`compress`) or decoder.
    ///
    /// # Errors
    /// `ERR_ZLIB_INITIALIZATION_FAILED` for parameters brotli refuses.
    ///
    /// # Examples
    /// ```
    /// use node_streams::zlib::{Flush, Processor};
    /// let mut enc = Processor::new_brotli(true, &Default::default()).unwrap();
    /// let packed = enc.write(b"abc", Flush::Finish).unwrap().concat();
    /// let mut dec = Processor::new_brotli(false, &Default::default()).unwrap();
    /// assert_eq!(dec.write(&packed, Flush::Finish).unwrap().concat(), b"abc");
    /// ```
    pub fn new_brotli(compress: bool, o: &BrotliOptions) -> Result<Self, Error> {
        let inner = if compress {
            Inner::BrotliEncode(Box::new(BrotliEncoder::new(o)?))
        } else {
            Inner::BrotliDecode(Box::new(BrotliDecoder::new(o)?))
        };
        let mode = if compress {
            Mode::BrotliEncode
        } else {
            Mode::BrotliDecode
        };
        Ok(Processor { inner, mode })
    }

    /// The mode this processor was made for.
    ///
    /// # Examples
    /// ```
    /// use node_streams::zlib::{Mode, Processor};
    /// let p = Processor::new(Mode::Unzip, &Default::default()).unwrap();
    /// assert_eq!(p.mode(), Mode::Unzip);
    /// ```
    pub fn mode(&self) -> Mode {
        self.mode
    }

    /// Feeds `input` with `flush` and returns the output it produced (Node's
    /// `handle.write(flush, input, …)`). `Flush::Finish` ends the stream; a decompressor
    /// whose data did not end then fails with `Z_BUF_ERROR` (`unexpected end of file`).
    ///
    /// # Errors
    /// zlib's (`Z_DATA_ERROR` with zlib's message, `Z_NEED_DICT`, `Z_BUF_ERROR`) and
    /// brotli's (`ERR__ERROR_FORMAT_*`, `Decompression failed`) errors, as Node reports
    /// them.
    ///
    /// # Examples
    /// ```
    /// use node_streams::zlib::{Flush, Mode, Processor};
    /// let mut p = Processor::new(Mode::Gunzip, &Default::default()).unwrap();
    /// let e = p.write(b"not gzip at all", Flush::None).unwrap_err();
    /// assert_eq!((e.code(), e.message()), ("Z_DATA_ERROR", "incorrect header check"));
    /// ```
    pub fn write(&mut self, input: &[u8], flush: Flush) -> Result<Vec<Bytes>, Error> {
        let mut out = Vec::new();
        match &mut self.inner {
            Inner::Flate(e) => {
                e.write(input, flush, &mut out)?;
                if flush == Flush::Finish && !e.ended() {
                    // The engine's finish() holds the end-of-data check.
                    e.finish_check()?;
                }
            }
            Inner::BrotliEncode(e) => e.write(input, flush, &mut out)?,
            Inner::BrotliDecode(d) => d.write(input, flush, &mut out)?,
        }
        Ok(out)
    }

    /// `params(level, strategy)` for zlib compressors (a no-op for decompressors, as in
    /// Node). Once data went in, the stream is sync-flushed first (as Node's `params()`
    /// does); that flush's output is returned.
    ///
    /// # Errors
    /// `ERR_OUT_OF_RANGE` for a bad level; `ERR_INVALID_ARG_VALUE` on a brotli processor.
    ///
    /// # Examples
    /// ```
    /// use node_streams::zlib::{inflate_sync, Flush, Mode, Processor, Strategy};
    /// let mut p = Processor::new(Mode::Deflate, &Default::default()).unwrap();
    /// p.params(9, Strategy::Filtered).unwrap();
    /// let mut out = p.write(b"abc", Flush::None).unwrap();
    /// out.extend(p.params(1, Strategy::Default).unwrap());
    /// out.extend(p.write(b"def", Flush::Finish).unwrap());
    /// assert_eq!(inflate_sync(&out.concat(), &Default::default()).unwrap(), b"abcdef");
    /// ```
    pub fn params(&mut self, level: i32, strategy: Strategy) -> Result<Vec<Bytes>, Error> {
        match &mut self.inner {
            Inner::Flate(e) => {
                let mut out = Vec::new();
                e.params(level, strategy, &mut out)?;
                Ok(out)
            }
            _ => Err(Error::new(
                "ERR_INVALID_ARG_VALUE",
                "params() is for zlib streams",
            )),
        }
    }

    /// `reset()`: a fresh stream with the same options.
    ///
    /// # Errors
    /// Initialisation errors (as [`Processor::new`]).
    ///
    /// # Examples
    /// ```
    /// use node_streams::zlib::{Flush, Mode, Processor};
    /// let mut p = Processor::new(Mode::Deflate, &Default::default()).unwrap();
    /// let a = p.write(b"abc", Flush::Finish).unwrap().concat();
    /// p.reset().unwrap();
    /// assert_eq!(p.write(b"abc", Flush::Finish).unwrap().concat(), a);
    /// ```
    pub fn reset(&mut self) -> Result<(), Error> {
        match &mut self.inner {
            Inner::Flate(e) => e.reset(),
            Inner::BrotliEncode(e) => e.reset(),
            Inner::BrotliDecode(d) => d.reset(),
        }
    }

    /// Whether a decompressor saw the end of its compressed data (`false` for
    /// compressors).
    ///
    /// # Examples
    /// ```
    /// let p = node_streams::zlib::Processor::new(node_streams::zlib::Mode::Inflate, &Default::default()).unwrap();
    /// assert!(!p.ended());
    /// ```
    pub fn ended(&self) -> bool {
        match &self.inner {
            Inner::Flate(e) => e.ended(),
            Inner::BrotliEncode(_) => false,
            Inner::BrotliDecode(d) => d.ended(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn assert_send<T: Send>() {}

    #[test]
    fn processor_is_send() {
        assert_send::<Processor>();
    }

    #[test]
    fn truncated_input_fails_at_finish() {
        let packed = crate::zlib::gzip_sync(b"hello world", &Default::default()).unwrap();
        let mut p = Processor::new(Mode::Gunzip, &Default::default()).unwrap();
        assert!(p.write(&packed[..10], Flush::None).unwrap().is_empty());
        let e = p.write(&[], Flush::Finish).unwrap_err();
        assert_eq!((e.code(), e.errno()), ("Z_BUF_ERROR", Some(-5)));
    }

    fn params_round_trip(mode: Mode, unpack: Mode) {
        let text = b"the quick brown fox jumps over the lazy dog ".repeat(200);
        let mut p = Processor::new(mode, &Default::default()).unwrap();
        let mut out = p.write(&text, Flush::None).unwrap();
        // 6 -> 9 changes zlib's block function; then a strategy change; then in place.
        out.extend(p.params(9, Strategy::Default).unwrap());
        out.extend(p.write(&text, Flush::None).unwrap());
        out.extend(p.params(2, Strategy::Rle).unwrap());
        out.extend(p.write(&text, Flush::None).unwrap());
        out.extend(p.params(2, Strategy::Rle).unwrap());
        out.extend(p.write(&text, Flush::Finish).unwrap());
        let mut u = Processor::new(unpack, &Default::default()).unwrap();
        let back = u.write(&out.concat(), Flush::Finish).unwrap().concat();
        assert_eq!(back, text.repeat(4));
    }

    #[test]
    fn params_after_data_in_every_format() {
        params_round_trip(Mode::Deflate, Mode::Inflate);
        params_round_trip(Mode::Gzip, Mode::Gunzip);
        params_round_trip(Mode::DeflateRaw, Mode::InflateRaw);
    }

    #[test]
    fn brotli_truncated_is_unexpected_end() {
        let packed =
            crate::zlib::brotli_compress_sync(b"hello hello", &Default::default()).unwrap();
        let mut p = Processor::new_brotli(false, &Default::default()).unwrap();
        let e = p.write(&packed[..3], Flush::Finish).unwrap_err();
        assert_eq!(
            (e.code(), e.message()),
            ("Z_BUF_ERROR", "unexpected end of file")
        );
    }
}
