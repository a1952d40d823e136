//! Body decoding: Content-Length, chunked (with trailers) and read-until-close, as a sync
//! state machine over a read buffer.

use bytes::{Bytes, BytesMut};

use crate::errors::ParseError;
use crate::headers::RawHeaders;
use crate::parser::Framing;

/// One step of [`BodyDecoder::decode`].
#[derive(Debug)]
pub(crate) enum Step {
    /// Body bytes.
    Data(Bytes),
    /// The buffer holds no more body bytes; read more.
    NeedMore,
    /// The body is complete, with any trailers.
    Done(Option<RawHeaders>),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Chunk {
    /// Reading the hex size line.
    Size,
    /// Reading `n` bytes of chunk data.
    Data(u64),
    /// Expecting the CRLF after chunk data.
    DataEnd,
    /// Reading trailer fields after the last chunk.
    Trailers,
}

/// Decodes one message body.
#[derive(Debug, Clone)]
pub(crate) struct BodyDecoder {
    kind: Kind,
    insecure: bool,
    max_trailer: usize,
}

#[derive(Debug, Clone, Copy)]
enum Kind {
    Length(u64),
    Chunked(Chunk),
    Close,
    Done,
}

impl BodyDecoder {
    pub(crate) fn new(framing: Framing, insecure: bool, max_trailer: usize) -> Self {
        let kind = match framing {
            Framing::Length(0) => Kind::Done,
            Framing::Length(n) => Kind::Length(n),
            Framing::Chunked => Kind::Chunked(Chunk::Size),
            Framing::Close => Kind::Close,
        };
        BodyDecoder {
            kind,
            insecure,
            max_trailer,
        }
    }

    /// A decoder for a body that is already complete.
    pub(crate) fn done() -> Self {
        BodyDecoder {
            kind: Kind::Done,
            insecure: false,
            max_trailer: 0,
        }
    }

    pub(crate) fn is_done(&self) -> bool {
        matches!(self.kind, Kind::Done)
    }

    /// The peer closed: completes a read-until-close body, or reports truncation.
    pub(crate) fn eof(&mut self) -> Result<(), ParseError> {
        match self.kind {
            Kind::Close | Kind::Done => {
                self.kind = Kind::Done;
                Ok(())
            }
            _ => Err(ParseError::InvalidEof),
        }
    }

    /// Takes the next body piece out of `buf` (at most `limit` bytes).
    pub(crate) fn decode(&mut self, buf: &mut BytesMut) -> Result<Step, ParseError> {
        loop {
            match self.kind {
                Kind::Done => return Ok(Step::Done(None)),
                Kind::Close => {
                    if buf.is_empty() {
                        return Ok(Step::NeedMore);
                    }
                    return Ok(Step::Data(buf.split().freeze()));
                }
                Kind::Length(n) => {
                    if buf.is_empty() {
                        return Ok(Step::NeedMore);
                    }
                    let take = usize::try_from(n).unwrap_or(usize::MAX).min(buf.len());
                    let left = n - take as u64;
                    self.kind = if left == 0 {
                        Kind::Done
                    } else {
                        Kind::Length(left)
                    };
                    return Ok(Step::Data(buf.split_to(take).freeze()));
                }
                Kind::Chunked(state) => {
                    if let Some(step) = self.chunked(state, buf)? {
                        return Ok(step);
                    }
                }
            }
        }
    }

    /// Advances the chunked state once; `Some` when there is something to return.
    fn chunked(&mut self, state: Chunk, buf: &mut BytesMut) -> Result<Option<Step>, ParseError> {
        match state {
            Chunk::Size => {
                let Some(lf) = memchr::memchr(b'\n', buf) else {
                    if buf.len() > 1024 {
                        return Err(ParseError::InvalidChunkSize);
                    }
                    return Ok(Some(Step::NeedMore));
                };
                let line = &buf[..lf];
                let line = match line.strip_suffix(b"\r") {
                    Some(l) => l,
                    None if self.insecure => line,
                    None => return Err(ParseError::LfExpected),
                };
                let size = parse_chunk_size(line, self.insecure)?;
                let _ = buf.split_to(lf + 1);
                self.kind = Kind::Chunked(if size == 0 {
                    Chunk::Trailers
                } else {
                    Chunk::Data(size)
                });
                Ok(None)
            }
            Chunk::Data(n) => {
                if buf.is_empty() {
                    return Ok(Some(Step::NeedMore));
                }
                let take = usize::try_from(n).unwrap_or(usize::MAX).min(buf.len());
                let left = n - take as u64;
                self.kind = Kind::Chunked(if left == 0 {
                    Chunk::DataEnd
                } else {
                    Chunk::Data(left)
                });
                Ok(Some(Step::Data(buf.split_to(take).freeze())))
            }
            Chunk::DataEnd => {
                if buf.len() < 2 {
                    if buf
                        .first()
                        .is_some_and(|&c| c != b'\r' && !(self.insecure && c == b'\n'))
                    {
                        return Err(ParseError::LfExpected);
                    }
                    if self.insecure && buf.first() == Some(&b'\n') {
                        let _ = buf.split_to(1);
                        self.kind = Kind::Chunked(Chunk::Size);
                        return Ok(None);
                    }
                    return Ok(Some(Step::NeedMore));
                }
                if &buf[..2] == b"\r\n" {
                    let _ = buf.split_to(2);
                } else if self.insecure && buf[0] == b'\n' {
                    let _ = buf.split_to(1);
                } else {
                    return Err(ParseError::LfExpected);
                }
                self.kind = Kind::Chunked(Chunk::Size);
                Ok(None)
            }
            Chunk::Trailers => {
                if buf.starts_with(b"\r\n") {
                    let _ = buf.split_to(2);
                    self.kind = Kind::Done;
                    return Ok(Some(Step::Done(None)));
                }
                if buf.len() < 2 {
                    return Ok(Some(Step::NeedMore));
                }
                let Some(end) = memchr::memmem::find(buf, b"\r\n\r\n") else {
                    if buf.len() > self.max_trailer {
                        return Err(ParseError::HeaderOverflow);
                    }
                    return Ok(Some(Step::NeedMore));
                };
                let len = end + 4;
                if len > self.max_trailer {
                    return Err(ParseError::HeaderOverflow);
                }
                if !self.insecure {
                    for i in memchr::memchr_iter(b'\n', &buf[..len]) {
                        if i == 0 || buf[i - 1] != b'\r' {
                            return Err(ParseError::LfExpected);
                        }
                    }
                }
                let mut hdrs = vec![httparse::EMPTY_HEADER; len / 4 + 1];
                let spans = match httparse::parse_headers(&buf[..len], &mut hdrs) {
                    Ok(httparse::Status::Complete((_, h))) => h
                        .iter()
                        .map(|h| {
                            let base = buf.as_ptr() as usize;
                            let n = (h.name.as_ptr() as usize - base) as u32;
                            let v = (h.value.as_ptr() as usize - base) as u32;
                            [n, n + h.name.len() as u32, v, v + h.value.len() as u32]
                        })
                        .collect(),
                    _ => return Err(ParseError::InvalidHeaderToken),
                };
                let bytes = buf.split_to(len).freeze();
                self.kind = Kind::Done;
                Ok(Some(Step::Done(Some(RawHeaders::new(bytes, spans)))))
            }
        }
    }
}

/// `1a;ext=val` → 26, with llhttp's checks (hex digits only, no spaces, no overflow, no
/// control characters in extensions).
fn parse_chunk_size(line: &[u8], insecure: bool) -> Result<u64, ParseError> {
    let (digits, ext) = match memchr::memchr(b';', line) {
        Some(i) => (&line[..i], Some(&line[i + 1..])),
        None => (line, None),
    };
    if digits.is_empty() || digits.len() > 16 || !digits.iter().all(u8::is_ascii_hexdigit) {
        return Err(ParseError::InvalidChunkSize);
    }
    let mut n: u64 = 0;
    for &c in digits {
        let d = (c as char).to_digit(16).unwrap_or(0);
        n = n
            .checked_mul(16)
            .and_then(|n| n.checked_add(u64::from(d)))
            .ok_or(ParseError::InvalidChunkSize)?;
    }
    if let Some(ext) = ext {
        if !insecure && ext.iter().any(|&c| (c < 0x20 && c != b'\t') || c == 0x7f) {
            return Err(ParseError::InvalidChunkExtension);
        }
    }
    Ok(n)
}

/// Appends a chunk header (`1a\r\n`) for `len` bytes.
pub(crate) fn push_chunk_header(out: &mut BytesMut, len: usize) {
    let mut tmp = [0u8; 18];
    let mut i = tmp.len();
    let mut n = len;
    tmp[i - 1] = b'\n';
    tmp[i - 2] = b'\r';
    i -= 2;
    loop {
        i -= 1;
        tmp[i] = b"0123456789abcdef"[n & 15];
        n >>= 4;
        if n == 0 {
            break;
        }
    }
    out.extend_from_slice(&tmp[i..]);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all(framing: Framing, input: &[u8]) -> Result<(Vec<u8>, bool), ParseError> {
        let mut d = BodyDecoder::new(framing, false, 16384);
        let mut buf = BytesMut::from(input);
        let mut out = Vec::new();
        loop {
            match d.decode(&mut buf)? {
                Step::Data(b) => out.extend_from_slice(&b),
                Step::NeedMore => return Ok((out, false)),
                Step::Done(_) => return Ok((out, true)),
            }
        }
    }

    #[test]
    fn chunked_roundtrip() {
        let (out, done) = all(
            Framing::Chunked,
            b"3\r\nabc\r\nA;x=y\r\n0123456789\r\n0\r\n\r\n",
        )
        .unwrap();
        assert_eq!(out, b"abc0123456789");
        assert!(done);
    }

    #[test]
    fn chunked_rejects() {
        for bad in [
            &b"zz\r\n"[..],
            b"3 \r\nabc\r\n",
            b"3\r\nabcX",
            b"ffffffffffffffffff\r\n",
            b"3;a\x01\r\n",
        ] {
            assert!(all(Framing::Chunked, bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn trailers_are_bounded() {
        let mut d = BodyDecoder::new(Framing::Chunked, false, 16);
        let mut buf = BytesMut::from(&b"0\r\nX-Long-Trailer: aaaaaaaaaaaaaaaa\r\n\r\n"[..]);
        assert_eq!(d.decode(&mut buf).unwrap_err(), ParseError::HeaderOverflow);
    }

    #[test]
    fn length_and_eof() {
        let (out, done) = all(Framing::Length(3), b"abcdef").unwrap();
        assert_eq!((out.as_slice(), done), (&b"abc"[..], true));
        let mut d = BodyDecoder::new(Framing::Length(5), false, 16);
        assert_eq!(d.eof(), Err(ParseError::InvalidEof));
        let mut d = BodyDecoder::new(Framing::Close, false, 16);
        assert_eq!(d.eof(), Ok(()));
    }

    #[test]
    fn chunk_header() {
        let mut b = BytesMut::new();
        push_chunk_header(&mut b, 0x1a2);
        assert_eq!(&b[..], b"1a2\r\n");
    }
}
