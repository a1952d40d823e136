//! Node's hex codec (`hex_encode`/`hex_decode` in `src/string_bytes.cc`).

const DIGITS: &[u8; 16] = b"0123456789abcdef";

pub(crate) fn encode(bytes: &[u8]) -> String {
    let mut out = vec![0u8; bytes.len() * 2];
    for (pair, &b) in out.chunks_exact_mut(2).zip(bytes) {
        pair[0] = DIGITS[usize::from(b >> 4)];
        pair[1] = DIGITS[usize::from(b & 15)];
    }
    // Only ASCII digits were pushed.
    String::from_utf8(out).unwrap_or_default()
}

/// Digit values; 0xff marks a non-digit.
const UNHEX: [u8; 256] = {
    let mut t = [0xffu8; 256];
    let mut i = 0;
    while i < 10 {
        t[b'0' as usize + i] = i as u8;
        i += 1;
    }
    let mut i = 0;
    while i < 6 {
        t[b'a' as usize + i] = 10 + i as u8;
        t[b'A' as usize + i] = 10 + i as u8;
        i += 1;
    }
    t
};

/// Decodes pairs until the first invalid one; an odd last digit is ignored.
pub(crate) fn decode(units: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(units.len() / 2);
    for pair in units.chunks_exact(2) {
        let (a, b) = (UNHEX[usize::from(pair[0])], UNHEX[usize::from(pair[1])]);
        if a > 15 || b > 15 {
            break;
        }
        out.push(a << 4 | b);
    }
    out
}
