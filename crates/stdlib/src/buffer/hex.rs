//! Node's hex codec (`hex_encode`/`hex_decode` in `src/string_bytes.cc`).

const DIGITS: &[u8; 16] = b"0123456789abcdef";

pub(crate) fn encode(bytes: &[u8]) -> String {
    let mut out = Vec::with_capacity(bytes.len() * 2);
    for &b in bytes {
        out.push(DIGITS[usize::from(b >> 4)]);
        out.push(DIGITS[usize::from(b & 15)]);
    }
    // Only ASCII digits were pushed.
    String::from_utf8(out).unwrap_or_default()
}

fn unhex(c: u8) -> Option<u8> {
    match c {
        b'0'..=b'9' => Some(c - b'0'),
        b'a'..=b'f' => Some(c - b'a' + 10),
        b'A'..=b'F' => Some(c - b'A' + 10),
        _ => None,
    }
}

/// Decodes pairs until the first invalid one; an odd last digit is ignored.
pub(crate) fn decode(units: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(units.len() / 2);
    for pair in units.chunks_exact(2) {
        match (unhex(pair[0]), unhex(pair[1])) {
            (Some(a), Some(b)) => out.push(a << 4 | b),
            _ => break,
        }
    }
    out
}
