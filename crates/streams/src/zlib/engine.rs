//! The zlib engine behind every flate stream and one-shot call: zlib-rs driven in
//! `chunkSize` output chunks, with unzip's header detection, multi-member gunzip, and the
//! `flush()`/`params()` markers.

use bytes::{Bytes, BytesMut};
use zlib_rs::{Deflate, DeflateConfig, DeflateFlush, Inflate, InflateError, InflateFlush, Status};

use super::error::Error;
use super::options::{check, range, Flush, Strategy, ZlibOptions};

/// The container format of a flate stream.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Format {
    Zlib,
    Gzip,
    Raw,
    /// unzip: gzip or zlib, from the header.
    Auto,
}

enum Codec {
    Compress(Deflate),
    Decompress(Inflate),
    /// unzip before the header was seen.
    Detect(Vec<u8>),
}

/// Cuts output where Node's `chunkSize` output buffers end: Node fills one buffer across
/// writes and emits the filled part after each write, so chunks end at multiples of
/// `chunk_size` in the output stream or where a write's output ends.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Chunker {
    pub(crate) chunk_size: usize,
    /// Bytes already emitted from the current `chunk_size` buffer.
    offset: usize,
}

impl Chunker {
    pub(crate) fn new(chunk_size: usize) -> Self {
        Chunker {
            chunk_size,
            offset: 0,
        }
    }

    /// How much output one call may produce: up to a `chunk_size` boundary, and at least
    /// 64 KiB so small chunk sizes do not mean many calls.
    pub(crate) fn room(&self) -> usize {
        let whole = (64 * 1024usize).div_ceil(self.chunk_size).max(1);
        (self.chunk_size - self.offset) + self.chunk_size * whole
    }

    pub(crate) fn cut(&mut self, mut data: Bytes, out: &mut Vec<Bytes>) {
        while !data.is_empty() {
            let n = (self.chunk_size - self.offset).min(data.len());
            out.push(data.split_to(n));
            self.offset = (self.offset + n) % self.chunk_size;
        }
    }
}

pub(crate) struct Engine {
    codec: Codec,
    format: Format,
    compress: bool,
    options: ZlibOptions,
    chunker: Chunker,
    /// `bytesWritten`: input bytes handed to the engine.
    pub(crate) bytes_written: u64,
    /// Output so far, against `max_output` (one-shot calls' `maxOutputLength`).
    out_total: usize,
    pub(crate) max_output: usize,
    pub(crate) flush: Flush,
    gzip_detected: bool,
    done: bool,
    /// Whether deflate/inflate ran at least once (zlib's `last_flush != -2`).
    started: bool,
    pub(crate) seen_input: bool,
    buf: BytesMut,
    /// `flush()`/`params()` calls waiting for their empty marker write.
    pub(crate) actions: std::collections::VecDeque<Action>,
    trailer: Option<Trailer>,
}

/// After a `params()` zlib-rs could not apply in place, the stream continues in a new raw
/// deflater (after a sync flush, so at a byte boundary) and the engine writes the zlib or
/// gzip trailer itself: the checksum so far comes from the old deflater's trailer.
#[derive(Debug, Clone, Copy)]
struct Trailer {
    format: Format,
    /// adler32 (zlib) or crc32 (gzip) of all input.
    check: u32,
    /// gzip's ISIZE: input length mod 2^32.
    len: u32,
}

impl Trailer {
    fn update(&mut self, data: &[u8]) {
        match self.format {
            Format::Zlib => self.check = zlib_rs::adler32::adler32(self.check, data),
            Format::Gzip => {
                self.check = zlib_rs::crc32::crc32(self.check, data);
                self.len = self.len.wrapping_add(data.len() as u32);
            }
            _ => {}
        }
    }

    fn bytes(&self) -> Vec<u8> {
        match self.format {
            Format::Zlib => self.check.to_be_bytes().to_vec(),
            Format::Gzip => [self.check.to_le_bytes(), self.len.to_le_bytes()].concat(),
            _ => Vec::new(),
        }
    }
}

/// What an empty marker write carries (Node writes an empty buffer for `flush()`).
#[derive(Debug, Clone, Copy)]
pub(crate) enum Action {
    Flush(Flush),
    Params(i32, Strategy),
}

fn c_flush(f: Flush) -> DeflateFlush {
    match f {
        Flush::None => DeflateFlush::NoFlush,
        Flush::Partial => DeflateFlush::PartialFlush,
        Flush::Sync => DeflateFlush::SyncFlush,
        Flush::Full => DeflateFlush::FullFlush,
        Flush::Finish => DeflateFlush::Finish,
        Flush::Block => DeflateFlush::Block,
    }
}

fn d_flush(f: Flush) -> InflateFlush {
    match f {
        Flush::None => InflateFlush::NoFlush,
        Flush::Finish => InflateFlush::Finish,
        Flush::Block => InflateFlush::Block,
        _ => InflateFlush::SyncFlush,
    }
}

fn z_strategy(s: Strategy) -> zlib_rs::Strategy {
    match s {
        Strategy::Default => zlib_rs::Strategy::Default,
        Strategy::Filtered => zlib_rs::Strategy::Filtered,
        Strategy::HuffmanOnly => zlib_rs::Strategy::HuffmanOnly,
        Strategy::Rle => zlib_rs::Strategy::Rle,
        Strategy::Fixed => zlib_rs::Strategy::Fixed,
    }
}

fn inflate_error(d: &Inflate, e: InflateError) -> Error {
    match e {
        InflateError::DataError => Error::data(d.error_message()),
        InflateError::MemError => Error::new("Z_MEM_ERROR", "out of memory"),
        _ => Error::new(
            "Z_STREAM_ERROR",
            d.error_message().unwrap_or("stream error"),
        ),
    }
}

impl Engine {
    pub(crate) fn new(compress: bool, format: Format, o: &ZlibOptions) -> Result<Self, Error> {
        check(o)?;
        let mut o = o.clone();
        if o.window_bits == 0 {
            // Node allows 0 only for inflate, gunzip and unzip (zlib reads the header).
            if compress || format == Format::Raw {
                return Err(range("windowBits", 8, 15, 0));
            }
        } else if compress && format == Format::Gzip && o.window_bits < 9 {
            return Err(range("windowBits", 9, 15, o.window_bits.into()));
        }
        if o.window_bits == 8 && compress {
            // zlib deflates with a 512-byte window when asked for 256 (deflateInit2).
            o.window_bits = 9;
        }
        let codec = Self::codec(compress, format, &o)?;
        Ok(Engine {
            codec,
            format,
            compress,
            chunker: Chunker::new(o.chunk_size),
            bytes_written: 0,
            out_total: 0,
            max_output: usize::MAX,
            flush: o.flush,
            gzip_detected: false,
            done: false,
            started: false,
            seen_input: false,
            buf: BytesMut::new(),
            actions: std::collections::VecDeque::new(),
            trailer: None,
            options: o,
        })
    }

    fn codec(compress: bool, format: Format, o: &ZlibOptions) -> Result<Codec, Error> {
        let wb = i32::from(o.window_bits.max(9));
        Ok(if compress {
            let mut c = Deflate::new_with_config(DeflateConfig {
                level: o.level,
                window_bits: match format {
                    Format::Gzip => wb + 16,
                    Format::Raw => -wb,
                    _ => wb,
                },
                mem_level: i32::from(o.mem_level),
                strategy: z_strategy(o.strategy),
                ..DeflateConfig::default()
            });
            if let Some(d) = &o.dictionary {
                if format != Format::Gzip {
                    c.set_dictionary(d)
                        .map_err(|_| Error::new("Z_STREAM_ERROR", "Failed to set dictionary"))?;
                }
            }
            Codec::Compress(c)
        } else {
            match format {
                Format::Auto => Codec::Detect(Vec::new()),
                f => {
                    Codec::Decompress(Self::decompressor(f, o.window_bits, o.dictionary.as_ref())?)
                }
            }
        })
    }

    fn decompressor(f: Format, wb: u8, dict: Option<&Bytes>) -> Result<Inflate, Error> {
        Ok(match f {
            // A gzip header names no window size: 0 means the largest.
            Format::Gzip => Inflate::new(true, if wb == 0 { 15 + 16 } else { wb + 16 }),
            Format::Raw => {
                let mut d = Inflate::new(false, wb);
                if let Some(dict) = dict {
                    d.set_dictionary(dict)
                        .map_err(|_| Error::data(Some("Bad dictionary")))?;
                }
                d
            }
            _ => Inflate::new(true, wb),
        })
    }

    /// Gives the output buffer room for one call; returns where the new room starts.
    fn room(&mut self) -> usize {
        let start = self.buf.len();
        self.buf.resize(start + self.chunker.room(), 0);
        start
    }

    fn take(&mut self, start: usize, produced: usize, out: &mut Vec<Bytes>) {
        self.buf.truncate(start + produced);
        if produced == 0 {
            return;
        }
        let data = self.buf.split().freeze();
        self.chunker.cut(data, out);
    }

    pub(crate) fn write(
        &mut self,
        mut input: &[u8],
        flush: Flush,
        out: &mut Vec<Bytes>,
    ) -> Result<(), Error> {
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
                self.options.window_bits,
                self.options.dictionary.as_ref(),
            )?);
            return self.write(&head, flush, out);
        }
        self.bytes_written += input.len() as u64;
        self.started = true;
        loop {
            if self.done {
                // Node's gunzip starts a new member at any byte but 0 after a member
                // (so junk there is `incorrect header check`); zero padding and anything
                // after a zlib or raw stream are ignored.
                if self.format_is_gzip() && input.first().is_some_and(|b| *b != 0) {
                    self.codec = Codec::Decompress(Self::decompressor(
                        Format::Gzip,
                        self.options.window_bits,
                        None,
                    )?);
                    self.done = false;
                    continue;
                }
                return Ok(());
            }
            let start = self.room();
            let room = self.buf.len() - start;
            let (consumed, produced, end) = match &mut self.codec {
                Codec::Compress(c) => {
                    let (i, o) = (c.total_in(), c.total_out());
                    let st = c
                        .compress(input, &mut self.buf[start..], c_flush(flush))
                        .map_err(|e| Error::new("Z_STREAM_ERROR", e.as_str()))?;
                    let (consumed, mut produced) =
                        ((c.total_in() - i) as usize, (c.total_out() - o) as usize);
                    let end = st == Status::StreamEnd;
                    if let Some(t) = &mut self.trailer {
                        t.update(&input[..consumed]);
                        if end {
                            let tail = t.bytes();
                            self.buf.truncate(start + produced);
                            self.buf.extend_from_slice(&tail);
                            produced += tail.len();
                        }
                    }
                    (consumed, produced, end)
                }
                Codec::Decompress(d) => {
                    let (i, o) = (d.total_in(), d.total_out());
                    let res = d.decompress(input, &mut self.buf[start..], d_flush(flush));
                    let (consumed, produced) =
                        ((d.total_in() - i) as usize, (d.total_out() - o) as usize);
                    let st = match res {
                        Ok(st) => st,
                        Err(InflateError::NeedDict { .. }) => match &self.options.dictionary {
                            Some(dict) => {
                                // node reports the Z_NEED_DICT it was answering.
                                d.set_dictionary(dict)
                                    .map_err(|_| Error::new("Z_NEED_DICT", "Bad dictionary"))?;
                                self.buf.truncate(start);
                                input = &input[consumed..];
                                continue;
                            }
                            None => return Err(Error::new("Z_NEED_DICT", "Missing dictionary")),
                        },
                        Err(e) => return Err(inflate_error(d, e)),
                    };
                    (consumed, produced, st == Status::StreamEnd)
                }
                Codec::Detect(_) => return Ok(()),
            };
            input = &input[consumed..];
            self.take(start, produced, out);
            self.out_total += produced;
            if self.out_total > self.max_output {
                return Err(Error::too_large(self.max_output));
            }
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
    pub(crate) fn action(&mut self, out: &mut Vec<Bytes>) -> Result<(), Error> {
        match self.actions.pop_front() {
            Some(Action::Flush(kind)) => self.write(&[], kind, out),
            Some(Action::Params(level, strategy)) => self.params(level, strategy, out),
            None => Ok(()),
        }
    }

    /// `params(level, strategy)`: zlib's `deflateParams`, after a sync flush (Node flushes
    /// first; the flush's output, if any, goes to `out`). zlib-rs's `set_level` has no
    /// output buffer to flush a block into, so when it refuses (a new strategy, or zlib's
    /// block function changes) the stream continues in a new raw deflater: valid deflate
    /// data, though not byte for byte zlib's.
    pub(crate) fn params(
        &mut self,
        level: i32,
        strategy: Strategy,
        out: &mut Vec<Bytes>,
    ) -> Result<(), Error> {
        check(&ZlibOptions {
            level,
            strategy,
            ..Default::default()
        })?;
        if !self.compress || self.done {
            return Ok(());
        }
        if !self.started {
            // Nothing compressed yet: a fresh deflater with the new settings is the same.
            self.options.level = level;
            self.options.strategy = strategy;
            self.codec = Self::codec(true, self.format, &self.options)?;
            return Ok(());
        }
        self.write(&[], Flush::Sync, out)?;
        if strategy == self.options.strategy && strategy == Strategy::Default {
            if let Codec::Compress(c) = &mut self.codec {
                if c.set_level(level).is_ok() {
                    self.options.level = level;
                    return Ok(());
                }
            }
        }
        self.options.level = level;
        self.options.strategy = strategy;
        self.continue_raw()
    }

    fn continue_raw(&mut self) -> Result<(), Error> {
        let trailer = match self.trailer {
            Some(t) => t,
            None => {
                let Codec::Compress(old) = &mut self.codec else {
                    return Ok(());
                };
                // After the sync flush all output is out: finishing now yields only an
                // empty final block and the trailer, whose checksum we keep.
                let mut tail = [0u8; 64];
                let o = old.total_out();
                let st = old
                    .compress(&[], &mut tail, DeflateFlush::Finish)
                    .map_err(|e| Error::new("Z_STREAM_ERROR", e.as_str()))?;
                let n = (old.total_out() - o) as usize;
                if st != Status::StreamEnd {
                    return Err(Error::new("Z_STREAM_ERROR", "Failed to set parameters"));
                }
                let word = |at: usize| [tail[at], tail[at + 1], tail[at + 2], tail[at + 3]];
                match self.format {
                    Format::Zlib if n >= 4 => Trailer {
                        format: Format::Zlib,
                        check: u32::from_be_bytes(word(n - 4)),
                        len: 0,
                    },
                    Format::Gzip if n >= 8 => Trailer {
                        format: Format::Gzip,
                        check: u32::from_le_bytes(word(n - 8)),
                        len: u32::from_le_bytes(word(n - 4)),
                    },
                    _ => Trailer {
                        format: Format::Raw,
                        check: 0,
                        len: 0,
                    },
                }
            }
        };
        let raw = ZlibOptions {
            dictionary: None,
            ..self.options.clone()
        };
        self.codec = Self::codec(true, Format::Raw, &raw)?;
        self.trailer = Some(trailer);
        Ok(())
    }

    /// `reset()`: back to a fresh stream with the same options (dictionary included).
    pub(crate) fn reset(&mut self) -> Result<(), Error> {
        self.codec = Self::codec(self.compress, self.format, &self.options)?;
        self.trailer = None;
        self.gzip_detected = false;
        self.done = false;
        self.started = false;
        self.seen_input = false;
        self.buf.clear();
        Ok(())
    }

    /// Whether the compressed stream ended (a decompressor saw the end of the data).
    pub(crate) fn ended(&self) -> bool {
        self.done
    }

    pub(crate) fn finish(&mut self, out: &mut Vec<Bytes>) -> Result<(), Error> {
        let flush = self.options.finish_flush;
        self.write(&[], flush, out)?;
        if flush == Flush::Finish {
            self.finish_check()?;
        }
        Ok(())
    }

    /// After a `Z_FINISH` write: a decompressor whose data did not end is Node's
    /// `unexpected end of file`.
    pub(crate) fn finish_check(&self) -> Result<(), Error> {
        if !self.compress && !self.done {
            return Err(Error::unexpected_end());
        }
        Ok(())
    }
}
