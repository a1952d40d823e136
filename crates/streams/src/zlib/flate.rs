//! gzip, deflate, deflateRaw and their inverses plus unzip, over flate2 (zlib-rs).

use std::cell::RefCell;
use std::rc::Rc;

use bytes::{Bytes, BytesMut};
use flate2::{Compress, Compression, Decompress, FlushCompress, FlushDecompress, Status};
use node_core::NodeError;

use super::error::Error;
use crate::chunk::Chunk;
use crate::options::DuplexOptions;
use crate::transform::{Transform, Transformer};

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
    /// `windowBits` (default 15).
    pub window_bits: u8,
    /// `level`, -1 (default, = 6) to 9.
    pub level: i32,
    /// `memLevel`; only Node's default 8 is supported.
    pub mem_level: u8,
    /// `strategy`; only the default is supported.
    pub strategy: Strategy,
    /// `dictionary` for deflate/inflate.
    pub dictionary: Option<Bytes>,
}

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
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Format {
    Zlib,
    Gzip,
    Raw,
    Auto,
}

fn check(o: &ZlibOptions) -> Result<(), Error> {
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
    if !(8..=15).contains(&o.window_bits) {
        return Err(Error::new(
            "ERR_OUT_OF_RANGE",
            format!(
                "The value of \"options.windowBits\" is out of range. It must be >= 8 and <= 15. Received {}",
                o.window_bits
            ),
        ));
    }
    if o.mem_level != 8 {
        return Err(Error::new(
            "ERR_NOT_IMPLEMENTED",
            "zlib option memLevel other than 8 is not implemented in nrt yet",
        ));
    }
    if o.strategy != Strategy::Default {
        return Err(Error::new(
            "ERR_NOT_IMPLEMENTED",
            "zlib option strategy other than Z_DEFAULT_STRATEGY is not implemented in nrt yet",
        ));
    }
    Ok(())
}

enum Codec {
    Compress(Compress),
    Decompress(Decompress),
    /// unzip before the header was seen.
    Detect(Vec<u8>),
}

struct Engine {
    codec: Codec,
    format: Format,
    chunk_size: usize,
    flush: Flush,
    finish_flush: Flush,
    dictionary: Option<Bytes>,
    window_bits: u8,
    gzip_detected: bool,
    done: bool,
    seen_input: bool,
    buf: BytesMut,
    /// `flush()`/`params()` calls waiting for their empty marker write.
    actions: std::collections::VecDeque<Action>,
}

/// What an empty marker write carries (Node writes an empty buffer for `flush()`).
#[derive(Debug, Clone, Copy)]
enum Action {
    Flush(Flush),
    Params(i32),
}

fn params_after_data() -> Error {
    Error::new(
        "ERR_NOT_IMPLEMENTED",
        "zlib.params() after data was written is not implemented in nrt yet",
    )
}

fn c_flush(f: Flush) -> FlushCompress {
    match f {
        Flush::None => FlushCompress::None,
        Flush::Partial => FlushCompress::Partial,
        Flush::Sync => FlushCompress::Sync,
        Flush::Full => FlushCompress::Full,
        Flush::Finish => FlushCompress::Finish,
    }
}

fn d_flush(f: Flush) -> FlushDecompress {
    match f {
        Flush::None => FlushDecompress::None,
        Flush::Finish => FlushDecompress::Finish,
        _ => FlushDecompress::Sync,
    }
}

impl Engine {
    fn new(compress: bool, format: Format, o: &ZlibOptions) -> Result<Self, Error> {
        check(o)?;
        let level = Compression::new(if o.level < 0 { 6 } else { o.level as u32 });
        let wb = o.window_bits;
        let codec = if compress {
            let mut c = match format {
                Format::Gzip => Compress::new_gzip(level, wb),
                Format::Raw => Compress::new_with_window_bits(level, false, wb),
                _ => Compress::new_with_window_bits(level, true, wb),
            };
            if let Some(d) = &o.dictionary {
                c.set_dictionary(d)
                    .map_err(|_| Error::new("Z_STREAM_ERROR", "Failed to set dictionary"))?;
            }
            Codec::Compress(c)
        } else {
            match format {
                Format::Auto => Codec::Detect(Vec::new()),
                f => Codec::Decompress(Self::decompressor(f, wb, o.dictionary.as_ref())?),
            }
        };
        Ok(Engine {
            codec,
            format,
            chunk_size: o.chunk_size,
            flush: o.flush,
            finish_flush: o.finish_flush,
            dictionary: o.dictionary.clone(),
            window_bits: wb,
            gzip_detected: false,
            done: false,
            seen_input: false,
            buf: BytesMut::new(),
            actions: std::collections::VecDeque::new(),
        })
    }

    fn decompressor(f: Format, wb: u8, dict: Option<&Bytes>) -> Result<Decompress, Error> {
        Ok(match f {
            Format::Gzip => Decompress::new_gzip(wb),
            Format::Raw => {
                let mut d = Decompress::new_with_window_bits(false, wb);
                if let Some(dict) = dict {
                    d.set_dictionary(dict)
                        .map_err(|_| Error::data(Some("Bad dictionary")))?;
                }
                d
            }
            _ => Decompress::new_with_window_bits(true, wb),
        })
    }

    /// Gives the output buffer `chunk_size` bytes of room.
    fn room(&mut self) -> usize {
        let start = self.buf.len();
        self.buf.resize(start + self.chunk_size, 0);
        start
    }

    fn take(&mut self, start: usize, produced: usize, out: &mut Vec<Chunk>) {
        self.buf.truncate(start + produced);
        if produced > 0 {
            out.push(Chunk::Bytes(self.buf.split().freeze()));
        }
    }

    fn write(&mut self, mut input: &[u8], flush: Flush, out: &mut Vec<Chunk>) -> Result<(), Error> {
        if !input.is_empty() {
            self.seen_input = true;
        }
        if let Codec::Detect(head) = &mut self.codec {
            head.extend_from_slice(input);
            if head.len() < 2 && flush != Flush::Finish {
                return Ok(());
            }
            let head = std::mem::take(head);
            let fmt = if head.starts_with(&[0x1f, 0x8b]) {
                self.gzip_detected = true;
                Format::Gzip
            } else {
                Format::Zlib
            };
            self.codec = Codec::Decompress(Self::decompressor(
                fmt,
                self.window_bits,
                self.dictionary.as_ref(),
            )?);
            return self.write(&head, flush, out);
        }
        loop {
            if self.done {
                // Node's gunzip reads a following gzip member; other trailing bytes are
                // ignored.
                if self.format_is_gzip() && input.first() == Some(&0x1f) {
                    self.codec = Codec::Decompress(Decompress::new_gzip(self.window_bits));
                    self.done = false;
                    continue;
                }
                return Ok(());
            }
            let start = self.room();
            let room = self.chunk_size;
            let (consumed, produced, end) = match &mut self.codec {
                Codec::Compress(c) => {
                    let (i, o) = (c.total_in(), c.total_out());
                    let st = c
                        .compress(input, &mut self.buf[start..], c_flush(flush))
                        .map_err(|_| Error::new("Z_STREAM_ERROR", "compression failed"))?;
                    (
                        (c.total_in() - i) as usize,
                        (c.total_out() - o) as usize,
                        st == Status::StreamEnd,
                    )
                }
                Codec::Decompress(d) => {
                    let (i, o) = (d.total_in(), d.total_out());
                    let res = d.decompress(input, &mut self.buf[start..], d_flush(flush));
                    let st = match res {
                        Ok(st) => st,
                        Err(e) => {
                            if e.needs_dictionary().is_some() {
                                match &self.dictionary {
                                    Some(dict) => {
                                        let consumed = (d.total_in() - i) as usize;
                                        d.set_dictionary(dict)
                                            .map_err(|_| Error::data(Some("Bad dictionary")))?;
                                        self.buf.truncate(start);
                                        input = &input[consumed..];
                                        continue;
                                    }
                                    None => {
                                        return Err(Error::new("Z_NEED_DICT", "Missing dictionary"))
                                    }
                                }
                            }
                            return Err(Error::data(e.message()));
                        }
                    };
                    (
                        (d.total_in() - i) as usize,
                        (d.total_out() - o) as usize,
                        st == Status::StreamEnd,
                    )
                }
                Codec::Detect(_) => return Ok(()),
            };
            input = &input[consumed..];
            self.take(start, produced, out);
            if end {
                self.done = true;
                // The loop's top decides about a following member.
                continue;
            }
            // zlib's contract: call again while the output buffer came back full.
            if produced < room && (input.is_empty() || consumed == 0 && produced == 0) {
                return Ok(());
            }
        }
    }

    fn format_is_gzip(&self) -> bool {
        match self.format {
            Format::Gzip => true,
            // unzip settles on gzip when the header said so; a zlib stream has one member.
            Format::Auto => self.gzip_detected,
            _ => false,
        }
    }

    /// Runs the queued `flush()`/`params()` for an empty marker write.
    fn action(&mut self, out: &mut Vec<Chunk>) -> Result<(), Error> {
        match self.actions.pop_front() {
            Some(Action::Flush(kind)) => self.write(&[], kind, out),
            Some(Action::Params(level)) => {
                if let Codec::Compress(c) = &mut self.codec {
                    // flate2 (zlib-rs) can change the level only before any data: its
                    // deflateParams has no output buffer to flush into.
                    if c.total_in() > 0 {
                        return Err(params_after_data());
                    }
                    let level = Compression::new(if level < 0 { 6 } else { level as u32 });
                    c.set_level(level)
                        .map_err(|_| Error::new("Z_STREAM_ERROR", "Failed to set parameters"))?;
                }
                Ok(())
            }
            None => Ok(()),
        }
    }

    fn finish(&mut self, out: &mut Vec<Chunk>) -> Result<(), Error> {
        let flush = self.finish_flush;
        self.write(&[], flush, out)?;
        let decompressing = !matches!(self.codec, Codec::Compress(_));
        if decompressing && !self.done && self.seen_input && flush == Flush::Finish {
            return Err(Error::unexpected_end());
        }
        let _ = self.format;
        Ok(())
    }
}

struct FlateTransformer(Rc<RefCell<Engine>>);

impl Transformer for FlateTransformer {
    fn transform(&mut self, chunk: Chunk, out: &mut Vec<Chunk>) -> Result<(), NodeError> {
        let mut e = self.0.borrow_mut();
        let flush = e.flush;
        let res = match &chunk {
            Chunk::Bytes(b) if b.is_empty() && !e.actions.is_empty() => e.action(out),
            Chunk::Bytes(b) => e.write(b, flush, out),
            Chunk::Str(s) => e.write(s.as_bytes(), flush, out),
            Chunk::Value(_) => return Err(crate::errors::invalid_chunk(true)),
        };
        res.map_err(Into::into)
    }

    fn flush(&mut self, out: &mut Vec<Chunk>) -> Result<(), NodeError> {
        self.0.borrow_mut().finish(out).map_err(Into::into)
    }
}

/// A zlib stream (`zlib.Gzip`, `zlib.Deflate`, …): a [`Transform`] (through `Deref`) with
/// Node's `flush()` and `params()`.
///
/// # Examples
/// ```
/// use node_streams::zlib::{create_deflate, Flush};
/// let z = create_deflate(&Default::default()).unwrap();
/// z.writable().write("abc".into()).unwrap();
/// z.flush(Flush::Sync).unwrap();
/// assert!(z.readable().readable_length() > 0);
/// ```
#[derive(Clone)]
pub struct Zlib {
    transform: Transform,
    engine: Rc<RefCell<Engine>>,
}

impl std::fmt::Debug for Zlib {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Zlib")
            .field("transform", &self.transform)
            .finish()
    }
}

impl std::ops::Deref for Zlib {
    type Target = Transform;
    fn deref(&self) -> &Transform {
        &self.transform
    }
}

impl crate::handle::NodeStream for Zlib {
    fn handle(&self) -> crate::handle::StreamHandle {
        self.transform.handle()
    }
}

impl Zlib {
    /// `zlib.flush(kind)`: after what was written so far, flushes with `kind` (Node's
    /// default is `Z_FULL_FLUSH`) — an empty write carries it, in order with the data.
    ///
    /// # Errors
    /// As [`Writable::write`](crate::Writable::write) (after `end()` or `destroy()`).
    ///
    /// # Examples
    /// ```
    /// let z = node_streams::zlib::create_gzip(&Default::default()).unwrap();
    /// z.flush(node_streams::zlib::Flush::Full).unwrap();
    /// ```
    pub fn flush(&self, kind: Flush) -> Result<(), NodeError> {
        self.engine
            .borrow_mut()
            .actions
            .push_back(Action::Flush(kind));
        self.transform
            .writable()
            .write(Chunk::Bytes(Bytes::new()))?;
        Ok(())
    }

    /// `zlib.params(level, strategy)`: changes the compression level for what is written
    /// next. nrt supports it only before the first data is compressed.
    ///
    /// # Errors
    /// `ERR_OUT_OF_RANGE` for a level outside -1..=9; `ERR_NOT_IMPLEMENTED` for a
    /// non-default strategy or once data was compressed; write errors.
    ///
    /// # Examples
    /// ```
    /// use node_streams::zlib::{create_deflate, Strategy};
    /// let z = create_deflate(&Default::default()).unwrap();
    /// z.params(1, Strategy::Default).unwrap();
    /// ```
    pub fn params(&self, level: i32, strategy: Strategy) -> Result<(), NodeError> {
        check(&ZlibOptions {
            level,
            strategy,
            ..Default::default()
        })
        .map_err(NodeError::from)?;
        if self.engine.borrow().seen_input {
            return Err(params_after_data().into());
        }
        self.engine
            .borrow_mut()
            .actions
            .push_back(Action::Params(level));
        self.transform
            .writable()
            .write(Chunk::Bytes(Bytes::new()))?;
        Ok(())
    }
}

fn stream(compress: bool, format: Format, o: &ZlibOptions) -> Result<Zlib, Error> {
    let engine = Rc::new(RefCell::new(Engine::new(compress, format, o)?));
    let mut d = DuplexOptions::default();
    d.writable.high_water_mark = Some(o.chunk_size);
    d.readable.high_water_mark = Some(o.chunk_size);
    let transform = Transform::with_options(FlateTransformer(engine.clone()), d);
    Ok(Zlib { transform, engine })
}

fn one_shot(
    compress: bool,
    format: Format,
    data: &[u8],
    o: &ZlibOptions,
) -> Result<Vec<u8>, Error> {
    let mut o = o.clone();
    // One-shot calls need no small output chunks.
    o.chunk_size = o.chunk_size.max(256 * 1024);
    let mut e = Engine::new(compress, format, &o)?;
    let mut out = Vec::new();
    e.write(data, o.flush, &mut out)?;
    e.finish(&mut out)?;
    let mut v = Vec::with_capacity(out.iter().map(Chunk::byte_len).sum());
    for c in &out {
        if let Chunk::Bytes(b) = c {
            v.extend_from_slice(b);
        }
    }
    Ok(v)
}

macro_rules! flate_api {
    ($(($create:ident, $sync:ident, $compress:expr, $format:expr, $js:literal, $jssync:literal, $pack:ident, $unpack:ident)),* $(,)?) => {$(
        #[doc = concat!("`zlib.", $js, "(options)`: a [`Zlib`] transform stream.")]
        ///
        /// # Errors
        /// `ERR_OUT_OF_RANGE` for a bad level, chunk size or window size;
        /// `ERR_NOT_IMPLEMENTED` for options nrt lacks. Data errors reach the stream's
        /// `'error'` as `Z_DATA_ERROR` / `Z_BUF_ERROR` with Node's messages.
        ///
        /// # Examples
        /// ```
        #[doc = concat!("let t = node_streams::zlib::", stringify!($create), "(&Default::default()).unwrap();")]
        /// assert!(!t.destroyed());
        /// ```
        #[doc(alias = $js)]
        pub fn $create(options: &ZlibOptions) -> Result<Zlib, Error> {
            stream($compress, $format, options)
        }

        #[doc = concat!("`zlib.", $jssync, "(buffer, options)`: one-shot.")]
        ///
        /// # Errors
        /// As Node: `Z_DATA_ERROR` (-3) for bad data, `Z_BUF_ERROR` (-5, "unexpected end
        /// of file") for truncated input, and option errors.
        ///
        /// # Examples
        /// ```
        /// use node_streams::zlib::*;
        #[doc = concat!("let packed = ", stringify!($pack), "(b\"hello\", &Default::default()).unwrap();")]
        #[doc = concat!("let back = ", stringify!($unpack), "(&packed, &Default::default()).unwrap();")]
        /// assert_eq!(back, b"hello");
        /// ```
        #[doc(alias = $jssync)]
        pub fn $sync(data: &[u8], options: &ZlibOptions) -> Result<Vec<u8>, Error> {
            one_shot($compress, $format, data, options)
        }
    )*};
}

flate_api!(
    (
        create_gzip,
        gzip_sync,
        true,
        Format::Gzip,
        "createGzip",
        "gzipSync",
        gzip_sync,
        gunzip_sync
    ),
    (
        create_gunzip,
        gunzip_sync,
        false,
        Format::Gzip,
        "createGunzip",
        "gunzipSync",
        gzip_sync,
        gunzip_sync
    ),
    (
        create_deflate,
        deflate_sync,
        true,
        Format::Zlib,
        "createDeflate",
        "deflateSync",
        deflate_sync,
        inflate_sync
    ),
    (
        create_inflate,
        inflate_sync,
        false,
        Format::Zlib,
        "createInflate",
        "inflateSync",
        deflate_sync,
        inflate_sync
    ),
    (
        create_deflate_raw,
        deflate_raw_sync,
        true,
        Format::Raw,
        "createDeflateRaw",
        "deflateRawSync",
        deflate_raw_sync,
        inflate_raw_sync
    ),
    (
        create_inflate_raw,
        inflate_raw_sync,
        false,
        Format::Raw,
        "createInflateRaw",
        "inflateRawSync",
        deflate_raw_sync,
        inflate_raw_sync
    ),
    (
        create_unzip,
        unzip_sync,
        false,
        Format::Auto,
        "createUnzip",
        "unzipSync",
        gzip_sync,
        unzip_sync
    ),
);
