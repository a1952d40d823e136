//! The authenticated modes, streaming: AES-GCM (NIST SP 800-38D) and ChaCha20-Poly1305
//! (RFC 8439), plus plain ChaCha20 (OpenSSL's 16-byte IV: a little-endian block counter,
//! then the nonce). The AEAD crates take whole messages; node's `update` emits output at
//! once, so the constructions are written here over the primitives.

use chacha20::cipher::{KeyIvInit, StreamCipher, StreamCipherSeek};
use chacha20::ChaCha20;
use ghash::universal_hash::{KeyInit, UniversalHash};
use ghash::GHash;
use poly1305::Poly1305;

use super::block::{increment_be, xor, Aes};

/// A universal hash fed in arbitrary pieces; a segment (AAD, then data) is zero-padded to
/// the block size when it ends.
struct Mac<U: UniversalHash> {
    hash: U,
    partial: Vec<u8>,
}

impl<U: UniversalHash> Mac<U> {
    fn new(hash: U) -> Self {
        Self {
            hash,
            partial: Vec::with_capacity(16),
        }
    }

    fn feed(&mut self, mut data: &[u8]) {
        if !self.partial.is_empty() {
            let take = (16 - self.partial.len()).min(data.len());
            self.partial.extend_from_slice(&data[..take]);
            data = &data[take..];
            if self.partial.len() < 16 {
                return;
            }
            self.hash.update_padded(&self.partial);
            self.partial.clear();
        }
        let whole = data.len() - data.len() % 16;
        self.hash.update_padded(&data[..whole]);
        self.partial.extend_from_slice(&data[whole..]);
    }

    /// Ends a segment: its last partial block is padded with zeros.
    fn pad(&mut self) {
        if !self.partial.is_empty() {
            self.hash.update_padded(&self.partial);
            self.partial.clear();
        }
    }

    fn finish(mut self, lengths: [u8; 16]) -> [u8; 16] {
        self.pad();
        self.hash.update_padded(&lengths);
        let out = self.hash.finalize();
        let mut tag = [0u8; 16];
        tag.copy_from_slice(&out);
        tag
    }
}

/// Where an AEAD is: AAD may be added until the first data.
enum Phase {
    Aad(Vec<u8>),
    Data,
}

/// AES in Galois/counter mode.
pub(super) struct Gcm {
    aes: Aes,
    mac: Mac<GHash>,
    j0: [u8; 16],
    counter: [u8; 16],
    keystream: [u8; 16],
    used: usize,
    phase: Phase,
    aad_len: u64,
    data_len: u64,
    decrypt: bool,
}

impl Gcm {
    pub(super) fn new(aes: Aes, iv: &[u8], decrypt: bool) -> Self {
        let mut h = [0u8; 16];
        aes.encrypt(&mut h);
        let j0 = if iv.len() == 12 {
            let mut j = [0u8; 16];
            j[..12].copy_from_slice(iv);
            j[15] = 1;
            j
        } else {
            let mut m = Mac::new(GHash::new(&h.into()));
            m.feed(iv);
            let mut lengths = [0u8; 16];
            lengths[8..].copy_from_slice(&(iv.len() as u64 * 8).to_be_bytes());
            m.finish(lengths)
        };
        let mut counter = j0;
        increment_be(&mut counter[12..]);
        Self {
            aes,
            mac: Mac::new(GHash::new(&h.into())),
            j0,
            counter,
            keystream: [0; 16],
            used: 16,
            phase: Phase::Aad(Vec::new()),
            aad_len: 0,
            data_len: 0,
            decrypt,
        }
    }

    /// Adds AAD; false once data has been processed.
    pub(super) fn set_aad(&mut self, aad: &[u8]) -> bool {
        match &mut self.phase {
            Phase::Aad(buf) => {
                buf.extend_from_slice(aad);
                true
            }
            Phase::Data => false,
        }
    }

    fn start_data(&mut self) {
        if let Phase::Aad(aad) = std::mem::replace(&mut self.phase, Phase::Data) {
            self.aad_len = aad.len() as u64;
            self.mac.feed(&aad);
            self.mac.pad();
        }
    }

    pub(super) fn update(&mut self, data: &[u8]) -> Vec<u8> {
        self.start_data();
        if self.decrypt {
            self.mac.feed(data);
        }
        let mut out = Vec::with_capacity(data.len());
        for &byte in data {
            if self.used == 16 {
                self.keystream = self.counter;
                self.aes.encrypt(&mut self.keystream);
                increment_be(&mut self.counter[12..]);
                self.used = 0;
            }
            out.push(byte ^ self.keystream[self.used]);
            self.used += 1;
        }
        if !self.decrypt {
            self.mac.feed(&out);
        }
        self.data_len += data.len() as u64;
        out
    }

    /// The full 16-byte tag.
    pub(super) fn tag(mut self) -> [u8; 16] {
        self.start_data();
        let mut lengths = [0u8; 16];
        lengths[..8].copy_from_slice(&(self.aad_len * 8).to_be_bytes());
        lengths[8..].copy_from_slice(&(self.data_len * 8).to_be_bytes());
        let mut tag = self.mac.finish(lengths);
        let mut mask = self.j0;
        self.aes.encrypt(&mut mask);
        xor(&mut tag, &mask);
        tag
    }
}

/// ChaCha20-Poly1305 (RFC 8439 §2.8).
pub(super) struct ChaChaPoly {
    cipher: ChaCha20,
    mac: Mac<Poly1305>,
    phase: Phase,
    aad_len: u64,
    data_len: u64,
    decrypt: bool,
}

impl ChaChaPoly {
    pub(super) fn new(key: &[u8], nonce: &[u8], decrypt: bool) -> Self {
        let mut cipher = ChaCha20::new(key.into(), nonce.into());
        let mut block0 = [0u8; 64];
        cipher.apply_keystream(&mut block0); // block 0 keys Poly1305; data starts at 1
        let mac = Mac::new(Poly1305::new_from_slice(&block0[..32]).expect("32-byte key"));
        Self {
            cipher,
            mac,
            phase: Phase::Aad(Vec::new()),
            aad_len: 0,
            data_len: 0,
            decrypt,
        }
    }

    pub(super) fn set_aad(&mut self, aad: &[u8]) -> bool {
        match &mut self.phase {
            Phase::Aad(buf) => {
                buf.extend_from_slice(aad);
                true
            }
            Phase::Data => false,
        }
    }

    fn start_data(&mut self) {
        if let Phase::Aad(aad) = std::mem::replace(&mut self.phase, Phase::Data) {
            self.aad_len = aad.len() as u64;
            self.mac.feed(&aad);
            self.mac.pad();
        }
    }

    pub(super) fn update(&mut self, data: &[u8]) -> Vec<u8> {
        self.start_data();
        if self.decrypt {
            self.mac.feed(data);
        }
        let mut out = data.to_vec();
        self.cipher.apply_keystream(&mut out);
        if !self.decrypt {
            self.mac.feed(&out);
        }
        self.data_len += data.len() as u64;
        out
    }

    pub(super) fn tag(mut self) -> [u8; 16] {
        self.start_data();
        let mut lengths = [0u8; 16];
        lengths[..8].copy_from_slice(&self.aad_len.to_le_bytes());
        lengths[8..].copy_from_slice(&self.data_len.to_le_bytes());
        self.mac.finish(lengths)
    }
}

/// Plain ChaCha20 with OpenSSL's IV layout.
pub(super) fn chacha20(key: &[u8], iv: &[u8]) -> ChaCha20 {
    let counter = u32::from_le_bytes(iv[..4].try_into().expect("16-byte iv"));
    let mut c = ChaCha20::new(key.into(), iv[4..].into());
    c.seek(u64::from(counter) * 64);
    c
}
