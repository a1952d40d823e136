//! `StringDecoder`, ported from Node's `src/string_decoder.cc` (`DecodeData`,
//! `FlushData`).

use node_core::NodeError;

use crate::buffer::{to_string, to_utf16_units, Encoding};

/// Decodes a stream of byte chunks into strings, keeping incomplete characters.
///
/// Mirrors <https://nodejs.org/api/string_decoder.html>: utf8 holds back an incomplete
/// sequence (and emits U+FFFD where Node does), utf16le holds back an odd byte or a
/// high surrogate, base64/base64url hold back bytes up to a multiple of three; hex,
/// latin1 and ascii decode each chunk as is.
///
/// # Examples
/// ```
/// use node_stdlib::string_decoder::StringDecoder;
/// let mut d = StringDecoder::new("utf8").unwrap();
/// assert_eq!(d.write(&[0xe2, 0x82]), "");
/// assert_eq!(d.write(&[0xac, b'!']), "€!");
/// assert_eq!(d.write(&[0xe2]), "");
/// assert_eq!(d.end(None), "\u{fffd}");
/// ```
#[derive(Debug, Clone)]
pub struct StringDecoder {
    encoding: Encoding,
    incomplete: [u8; 4],
    missing: u8,
    buffered: u8,
}

impl StringDecoder {
    /// Creates a decoder for a Node encoding name (case-insensitive).
    ///
    /// Mirrors <https://nodejs.org/api/string_decoder.html#new-stringdecoderencoding>.
    ///
    /// # Errors
    /// `ERR_UNKNOWN_ENCODING` for a name Node does not know.
    ///
    /// # Examples
    /// ```
    /// use node_stdlib::string_decoder::StringDecoder;
    /// assert_eq!(StringDecoder::new("UCS-2").unwrap().encoding(), "utf16le");
    /// assert_eq!(StringDecoder::new("utf-7").unwrap_err().code(), "ERR_UNKNOWN_ENCODING");
    /// ```
    pub fn new(encoding: &str) -> Result<StringDecoder, NodeError> {
        Ok(StringDecoder::with_encoding(Encoding::parse(encoding)?))
    }

    /// Creates a decoder for an already parsed encoding.
    ///
    /// # Examples
    /// ```
    /// use node_stdlib::{buffer::Encoding, string_decoder::StringDecoder};
    /// let mut d = StringDecoder::with_encoding(Encoding::Hex);
    /// assert_eq!(d.write(&[0xab]), "ab");
    /// ```
    pub fn with_encoding(encoding: Encoding) -> StringDecoder {
        StringDecoder {
            encoding,
            incomplete: [0; 4],
            missing: 0,
            buffered: 0,
        }
    }

    /// The normalised encoding name (`decoder.encoding`).
    ///
    /// # Examples
    /// ```
    /// use node_stdlib::string_decoder::StringDecoder;
    /// assert_eq!(StringDecoder::new("binary").unwrap().encoding(), "latin1");
    /// ```
    pub fn encoding(&self) -> &'static str {
        self.encoding.name()
    }

    /// Bytes still needed to complete the held-back character (`decoder.lastNeed`).
    ///
    /// # Examples
    /// ```
    /// use node_stdlib::string_decoder::StringDecoder;
    /// let mut d = StringDecoder::new("utf8").unwrap();
    /// d.write(&[0xf0, 0x9f]);
    /// assert_eq!((d.last_need(), d.last_total()), (2, 4));
    /// ```
    #[doc(alias = "lastNeed")]
    pub fn last_need(&self) -> usize {
        usize::from(self.missing)
    }

    /// Total size of the held-back character (`decoder.lastTotal`).
    ///
    /// # Examples
    /// ```
    /// use node_stdlib::string_decoder::StringDecoder;
    /// assert_eq!(StringDecoder::new("utf8").unwrap().last_total(), 0);
    /// ```
    #[doc(alias = "lastTotal")]
    pub fn last_total(&self) -> usize {
        usize::from(self.missing) + usize::from(self.buffered)
    }

    /// The 4-byte incomplete-character buffer (`decoder.lastChar`).
    ///
    /// # Examples
    /// ```
    /// use node_stdlib::string_decoder::StringDecoder;
    /// let mut d = StringDecoder::new("utf8").unwrap();
    /// d.write(&[0xe2]);
    /// assert_eq!(d.last_char()[0], 0xe2);
    /// ```
    #[doc(alias = "lastChar")]
    pub fn last_char(&self) -> [u8; 4] {
        self.incomplete
    }

    /// Decodes a chunk: `decoder.write(buffer)`.
    ///
    /// Mirrors <https://nodejs.org/api/string_decoder.html#stringdecoderwritebuffer>.
    /// A utf16le result that would hold a lone surrogate (Node returns one when a
    /// chunk ends inside a pair after an odd byte) has U+FFFD instead; use
    /// [`StringDecoder::write_utf16`] for the exact code units.
    ///
    /// # Examples
    /// ```
    /// use node_stdlib::string_decoder::StringDecoder;
    /// let mut d = StringDecoder::new("base64").unwrap();
    /// assert_eq!(d.write(b"abcd"), "YWJj");
    /// assert_eq!(d.end(None), "ZA==");
    /// ```
    pub fn write(&mut self, data: &[u8]) -> String {
        let (prepend, body) = self.decode_data(data);
        let mut out = match prepend {
            Some(p) => to_string(&p, self.encoding),
            None => String::new(),
        };
        out.push_str(&to_string(body, self.encoding));
        out
    }

    /// Like [`StringDecoder::write`], returning the exact UTF-16 code units.
    ///
    /// # Examples
    /// ```
    /// use node_stdlib::string_decoder::StringDecoder;
    /// let mut d = StringDecoder::new("utf16le").unwrap();
    /// assert_eq!(d.write_utf16(&[0x3d, 0xd8, 0x00]), [0xd83d]);
    /// ```
    pub fn write_utf16(&mut self, data: &[u8]) -> Vec<u16> {
        let (prepend, body) = self.decode_data(data);
        let mut out = match prepend {
            Some(p) => to_utf16_units(&p, self.encoding),
            None => Vec::new(),
        };
        out.extend(to_utf16_units(body, self.encoding));
        out
    }

    /// Decodes a last chunk (if any) and flushes held-back bytes: `decoder.end(buffer)`.
    ///
    /// Mirrors <https://nodejs.org/api/string_decoder.html#stringdecoderendbuffer>: an
    /// incomplete UTF-8 character becomes U+FFFD, an odd utf16le byte is dropped, base64
    /// is padded. The decoder can be reused afterwards.
    ///
    /// # Examples
    /// ```
    /// use node_stdlib::string_decoder::StringDecoder;
    /// let mut d = StringDecoder::new("utf8").unwrap();
    /// assert_eq!(d.end(Some(&[0x61, 0xf0, 0x9f])), "a\u{fffd}");
    /// ```
    pub fn end(&mut self, data: Option<&[u8]>) -> String {
        let mut out = match data {
            Some(d) => self.write(d),
            None => String::new(),
        };
        if self.buffered > 0 {
            out.push_str(&to_string(&self.flush(), self.encoding));
        }
        out
    }

    /// Like [`StringDecoder::end`], returning the exact UTF-16 code units.
    ///
    /// # Examples
    /// ```
    /// use node_stdlib::string_decoder::StringDecoder;
    /// let mut d = StringDecoder::new("utf16le").unwrap();
    /// assert_eq!(d.end_utf16(Some(&[0x3d, 0xd8])), [0xd83d]);
    /// ```
    pub fn end_utf16(&mut self, data: Option<&[u8]>) -> Vec<u16> {
        let mut out = match data {
            Some(d) => self.write_utf16(d),
            None => Vec::new(),
        };
        if self.buffered > 0 {
            out.extend(to_utf16_units(&self.flush(), self.encoding));
        }
        out
    }

    /// `FlushData`: the held-back bytes, with the state reset.
    fn flush(&mut self) -> Vec<u8> {
        if self.encoding == Encoding::Utf16le && self.buffered % 2 == 1 {
            // Ignore a single trailing byte, like the JS decoder does.
            self.missing = self.missing.saturating_sub(1);
            self.buffered -= 1;
        }
        let out = self.incomplete[..usize::from(self.buffered)].to_vec();
        self.missing = 0;
        self.buffered = 0;
        out
    }

    /// `DecodeData`: the completed held-back character (if any) and the decodable body.
    fn decode_data<'a>(&mut self, mut data: &'a [u8]) -> (Option<Vec<u8>>, &'a [u8]) {
        let enc = self.encoding;
        if !matches!(
            enc,
            Encoding::Utf8 | Encoding::Utf16le | Encoding::Base64 | Encoding::Base64url
        ) {
            return (None, data);
        }
        let mut prepend = None;
        if self.missing > 0 {
            if enc == Encoding::Utf8 {
                // A byte that should continue the held-back character but does not
                // ends it; the new byte starts a new character.
                let limit = data.len().min(usize::from(self.missing));
                if let Some(i) = data[..limit].iter().position(|b| b & 0xC0 != 0x80) {
                    self.missing = 0;
                    self.take(&data[..i]);
                    data = &data[i..];
                }
            }
            let found = data.len().min(usize::from(self.missing));
            self.take(&data[..found]);
            data = &data[found..];
            self.missing -= found as u8;
            if self.missing == 0 {
                prepend = Some(self.incomplete[..usize::from(self.buffered)].to_vec());
                self.buffered = 0;
            }
        }
        if data.is_empty() {
            return (prepend, data);
        }
        let n = data.len();
        match enc {
            Encoding::Utf8 if data[n - 1] & 0x80 != 0 => self.scan_utf8_tail(data),
            Encoding::Utf16le => {
                if n % 2 == 1 {
                    self.buffered = 1;
                    self.missing = 1;
                } else if data[n - 1] & 0xFC == 0xD8 {
                    self.buffered = 2;
                    self.missing = 2;
                }
            }
            Encoding::Base64 | Encoding::Base64url => {
                self.buffered = (n % 3) as u8;
                if self.buffered > 0 {
                    self.missing = 3 - self.buffered;
                }
            }
            _ => {}
        }
        let keep = usize::from(self.buffered);
        if keep > 0 {
            self.incomplete[..keep].copy_from_slice(&data[n - keep..]);
        }
        (prepend, &data[..n - keep])
    }

    /// Appends bytes to the incomplete-character buffer.
    fn take(&mut self, bytes: &[u8]) {
        let start = usize::from(self.buffered);
        let end = (start + bytes.len()).min(4);
        self.incomplete[start..end].copy_from_slice(&bytes[..end - start]);
        self.buffered = end as u8;
    }

    /// Finds where the character containing the last (non-ASCII) byte begins and sets
    /// how many bytes to hold back and how many are missing.
    fn scan_utf8_tail(&mut self, data: &[u8]) {
        let mut i = data.len() - 1;
        loop {
            self.buffered += 1;
            let b = data[i];
            if b & 0xC0 == 0x80 {
                if self.buffered >= 4 || i == 0 {
                    self.buffered = 0;
                    break;
                }
            } else {
                self.missing = if b & 0xE0 == 0xC0 {
                    2
                } else if b & 0xF0 == 0xE0 {
                    3
                } else if b & 0xF8 == 0xF0 {
                    4
                } else {
                    self.buffered = 0;
                    break;
                };
                if self.buffered >= self.missing {
                    self.missing = 0;
                    self.buffered = 0;
                }
                self.missing -= self.buffered;
                break;
            }
            i -= 1;
        }
    }
}
