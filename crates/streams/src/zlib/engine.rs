//! The zlib engine behind every flate stream and one-shot call: flate2 (zlib-rs) driven in
//! `chunkSize` output chunks, with unzip's header detection, multi-member gunzip, and the
//! `flush()`/`params()` markers.

use bytes::{Bytes, BytesMut};
use flate2::{Compress, Compression, Decompress, FlushCompress, FlushDecompress, Status};

use super::error::Error;
use super::options::{check, Flush, ZlibOptions};
use crate::chunk::Chunk;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Format {
    Zlib,
    Gzip,
    Raw,
    Auto,
}

enum Codec {
    Compress(Compress),
    Decompress(Decompress),
    /// unzip before the header was seen.
    Detect(Vec<u8>),
}

pub(crate) struct Engine {
    codec: Codec,
    format: Format,
    chunk_size: usize,
    /// `bytesWritten`: input bytes handed to the engine.
    pub(crate) bytes_written: u64,
    /// Bytes already emitted from Node's current `chunk_size` output buffer.
    out_offset: usize,
    pub(crate) flush: Flush,
    finish_flush: Flush,
    dictionary: Option<Bytes>,
    window_bits: u8,
    gzip_detected: bool,
    done: bool,
    pub(crate) seen_input: bool,
    buf: BytesMut,
    /// `flush()`/`params()` calls waiting for their empty marker write.
    pub(crate) actions: std::collections::VecDeque<Action>,
}

/// What an empty marker write carries (Node writes an empty buffer for `flush()`).
#[derive(Debug, Clone, Copy)]
pub(crate) enum Action {
    Flush(Flush),
    Params(i32),
}

pub(crate) fn params_after_data() -> Error {
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
    pub(crate) fn new(compress: bool, format: Format, o: &ZlibOptions) -> Result<Self, Error> {
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
            out_offset: 0,
            bytes_written: 0,
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

    /// How much output one zlib call may produce: up to a `chunk_size` boundary of the
    /// output stream, and at least 64 KiB so small chunk sizes do not mean many zlib calls.
    fn room_size(&self) -> usize {
        let whole = (64 * 1024usize).div_ceil(self.chunk_size).max(1);
        (self.chunk_size - self.out_offset) + self.chunk_size * whole
    }

    /// Gives the output buffer [`Engine::room_size`] bytes of room.
    fn room(&mut self) -> usize {
        let start = self.buf.len();
        self.buf.resize(start + self.room_size(), 0);
        start
    }

    /// Emits what a call produced cut where Node's `chunkSize` output buffers end: Node
    /// fills one buffer across writes and emits the filled part after each write, so
    /// chunks end at multiples of `chunk_size` in the output stream or where a write's
    /// output ends.
    fn take(&mut self, start: usize, produced: usize, out: &mut Vec<Chunk>) {
        self.buf.truncate(start + produced);
        if produced == 0 {
            return;
        }
        let mut data = self.buf.split().freeze();
        while !data.is_empty() {
            let n = (self.chunk_size - self.out_offset).min(data.len());
            out.push(Chunk::Bytes(data.split_to(n)));
            self.out_offset = (self.out_offset + n) % self.chunk_size;
        }
    }

    pub(crate) fn write(
        &mut self,
        mut input: &[u8],
        flush: Flush,
        out: &mut Vec<Chunk>,
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
                self.window_bits,
                self.dictionary.as_ref(),
            )?);
            return self.write(&head, flush, out);
        }
        self.bytes_written += input.len() as u64;
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
            let room = self.room_size();
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
    pub(crate) fn action(&mut self, out: &mut Vec<Chunk>) -> Result<(), Error> {
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

    pub(crate) fn finish(&mut self, out: &mut Vec<Chunk>) -> Result<(), Error> {
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
