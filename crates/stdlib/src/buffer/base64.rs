//! Node's base64 codec (`src/base64-inl.h`): padded/unpadded encoders and the lenient
//! decoder that skips characters outside both alphabets and stops at `=`.

use base64::engine::general_purpose::{
    GeneralPurpose, GeneralPurposeConfig, STANDARD, URL_SAFE_NO_PAD,
};
use base64::engine::DecodePaddingMode;
use base64::Engine as _;

/// A strict decoder for the common case: well-formed input in either padding style.
const STRICT: GeneralPurpose = GeneralPurpose::new(
    &base64::alphabet::STANDARD,
    GeneralPurposeConfig::new()
        .with_decode_allow_trailing_bits(true)
        .with_decode_padding_mode(DecodePaddingMode::Indifferent),
);
const STRICT_URL: GeneralPurpose = GeneralPurpose::new(
    &base64::alphabet::URL_SAFE,
    GeneralPurposeConfig::new()
        .with_decode_allow_trailing_bits(true)
        .with_decode_padding_mode(DecodePaddingMode::Indifferent),
);

/// `unbase64` from Node: both alphabets, 255 for anything else.
const UNBASE64: [u8; 256] = {
    let mut t = [255u8; 256];
    let std = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut i = 0;
    while i < 64 {
        t[std[i] as usize] = i as u8;
        i += 1;
    }
    t[b'-' as usize] = 62;
    t[b'_' as usize] = 63;
    t
};

pub(crate) fn encode(bytes: &[u8], url: bool) -> String {
    if url {
        URL_SAFE_NO_PAD.encode(bytes)
    } else {
        STANDARD.encode(bytes)
    }
}

/// `Buffer.byteLength(s, 'base64')`: Node's estimate from the length and trailing `=`.
pub(crate) fn byte_length(units: &[u8]) -> usize {
    let mut n = units.len();
    if n > 0 && units[n - 1] == b'=' {
        n -= 1;
    }
    if n > 1 && units[n - 1] == b'=' {
        n -= 1;
    }
    (n * 3) >> 2
}

/// Decodes `units` (each JS code unit truncated to its low byte, as Node does).
pub(crate) fn decode(units: &[u8]) -> Vec<u8> {
    // Well-formed input decodes the same strictly; anything else takes Node's path.
    if let Ok(v) = STRICT.decode(units) {
        return v;
    }
    if let Ok(v) = STRICT_URL.decode(units) {
        return v;
    }
    decode_lenient(units)
}

/// Node's slow path, as one loop: skip invalid characters, stop at `=`, emit each byte as
/// soon as its bits are complete, never past `byte_length`.
fn decode_lenient(units: &[u8]) -> Vec<u8> {
    let cap = byte_length(units);
    let mut out = Vec::with_capacity(cap);
    let mut acc: u32 = 0;
    let mut n = 0u8;
    for &c in units {
        let v = UNBASE64[c as usize];
        if v >= 64 {
            if c == b'=' {
                break;
            }
            continue;
        }
        acc = (acc << 6) | u32::from(v);
        n += 1;
        let byte = match n {
            1 => continue,
            2 => (acc >> 4) as u8,
            3 => (acc >> 2) as u8,
            _ => {
                n = 0;
                acc as u8
            }
        };
        if out.len() >= cap {
            break;
        }
        out.push(byte);
        acc &= 0x3f;
    }
    out
}
