//! A UTF-8 `StringDecoder` (`lib/string_decoder.js`): holds back a character split across
//! chunks and replaces invalid sequences with U+FFFD as Node does.

/// Decodes UTF-8 across chunk boundaries.
#[derive(Debug, Default)]
pub(crate) struct Utf8Decoder {
    pending: Vec<u8>,
}

/// Length of the UTF-8 sequence a lead byte starts (0 for a continuation or invalid byte).
fn seq_len(b: u8) -> usize {
    match b {
        0x00..=0x7f => 1,
        0xc2..=0xdf => 2,
        0xe0..=0xef => 3,
        0xf0..=0xf4 => 4,
        _ => 0,
    }
}

impl Utf8Decoder {
    /// `decoder.write(buf)`.
    pub(crate) fn write(&mut self, input: &[u8]) -> String {
        let mut buf;
        let data: &[u8] = if self.pending.is_empty() {
            input
        } else {
            buf = std::mem::take(&mut self.pending);
            buf.extend_from_slice(input);
            &buf
        };
        // Keep an incomplete trailing sequence (at most 3 bytes) for the next write.
        let mut cut = data.len();
        for back in 1..=data.len().min(3) {
            let i = data.len() - back;
            let need = seq_len(data[i]);
            if need > 1 {
                if need > back {
                    cut = i;
                }
                break;
            }
            if need == 1 {
                break;
            }
        }
        let out = String::from_utf8_lossy(&data[..cut]).into_owned();
        self.pending = data[cut..].to_vec();
        out
    }

    /// `decoder.end()`: an incomplete trailing character becomes U+FFFD.
    pub(crate) fn end(&mut self) -> String {
        if self.pending.is_empty() {
            String::new()
        } else {
            self.pending.clear();
            "\u{fffd}".to_owned()
        }
    }
}

/// The decoder for a `setEncoding` name; only UTF-8 is supported.
pub(crate) fn decoder_for(enc: &str) -> Result<Utf8Decoder, node_core::NodeError> {
    match enc.to_ascii_lowercase().as_str() {
        "utf8" | "utf-8" => Ok(Utf8Decoder::default()),
        _ => Err(node_core::NodeError::not_implemented(&format!(
            "readable.setEncoding('{enc}')"
        ))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn euro_split_three_ways() {
        let mut d = Utf8Decoder::default();
        let euro = "€".as_bytes();
        assert_eq!(d.write(&euro[..1]), "");
        assert_eq!(d.write(&euro[1..2]), "");
        assert_eq!(d.write(&euro[2..]), "€");
        assert_eq!(d.end(), "");
    }

    #[test]
    fn truncated_at_end() {
        let mut d = Utf8Decoder::default();
        assert_eq!(d.write(b"a\xe2\x82"), "a");
        assert_eq!(d.end(), "\u{fffd}");
    }
}
