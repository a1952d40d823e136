//! AES as a block function over the three key sizes, and the unauthenticated modes built
//! on it (ECB, CBC, CTR, OFB, CFB-128), each streaming: `update` may take any length.

use aes::cipher::{BlockDecrypt, BlockEncrypt, KeyInit};
use aes::{Aes128, Aes192, Aes256};

/// One AES key schedule.
#[derive(Clone)]
pub(super) enum Aes {
    A128(Aes128),
    A192(Aes192),
    A256(Aes256),
}

impl Aes {
    /// A schedule for a 16, 24 or 32-byte key (callers check the length first).
    pub(super) fn new(key: &[u8]) -> Option<Self> {
        Some(match key.len() {
            16 => Self::A128(Aes128::new_from_slice(key).ok()?),
            24 => Self::A192(Aes192::new_from_slice(key).ok()?),
            32 => Self::A256(Aes256::new_from_slice(key).ok()?),
            _ => return None,
        })
    }

    pub(super) fn encrypt(&self, block: &mut [u8; 16]) {
        let b = aes::Block::from_mut_slice(block);
        match self {
            Self::A128(c) => c.encrypt_block(b),
            Self::A192(c) => c.encrypt_block(b),
            Self::A256(c) => c.encrypt_block(b),
        }
    }

    fn decrypt(&self, block: &mut [u8; 16]) {
        let b = aes::Block::from_mut_slice(block);
        match self {
            Self::A128(c) => c.decrypt_block(b),
            Self::A192(c) => c.decrypt_block(b),
            Self::A256(c) => c.decrypt_block(b),
        }
    }
}

/// ECB or CBC: whole blocks, with PKCS#7 padding unless turned off.
pub(super) struct BlockMode {
    aes: Aes,
    /// `Some(previous ciphertext block)` for CBC.
    chain: Option<[u8; 16]>,
    decrypt: bool,
    /// Input not yet processed (always less than a block, or up to one block when
    /// decrypting with padding: the last block is held back until `final`).
    pending: Vec<u8>,
    pub(super) padding: bool,
}

/// Why `final` failed: node reports OpenSSL's errors.
#[derive(Debug, PartialEq, Eq)]
pub(super) enum FinalError {
    WrongFinalBlockLength,
    BadDecrypt,
}

impl BlockMode {
    pub(super) fn new(aes: Aes, iv: Option<[u8; 16]>, decrypt: bool) -> Self {
        Self {
            aes,
            chain: iv,
            decrypt,
            pending: Vec::new(),
            padding: true,
        }
    }

    fn block(&mut self, block: &mut [u8; 16]) {
        match (&mut self.chain, self.decrypt) {
            (None, false) => self.aes.encrypt(block),
            (None, true) => self.aes.decrypt(block),
            (Some(prev), false) => {
                xor(block, prev);
                self.aes.encrypt(block);
                *prev = *block;
            }
            (Some(prev), true) => {
                let c = *block;
                self.aes.decrypt(block);
                xor(block, prev);
                *prev = c;
            }
        }
    }

    pub(super) fn update(&mut self, data: &[u8]) -> Vec<u8> {
        self.pending.extend_from_slice(data);
        let len = self.pending.len();
        // Decrypting with padding keeps the last whole block: it may be the padded one.
        let keep = if self.decrypt && self.padding && len % 16 == 0 && len > 0 {
            16
        } else {
            len % 16
        };
        let ready = len - keep;
        let mut out: Vec<u8> = self.pending.drain(..ready).collect();
        for chunk in out.chunks_exact_mut(16) {
            let block: &mut [u8; 16] = chunk.try_into().expect("16-byte chunk");
            self.block(block);
        }
        out
    }

    pub(super) fn finish(&mut self) -> Result<Vec<u8>, FinalError> {
        let pending = std::mem::take(&mut self.pending);
        if !self.padding {
            return if pending.is_empty() {
                Ok(Vec::new())
            } else {
                Err(FinalError::WrongFinalBlockLength)
            };
        }
        if !self.decrypt {
            let pad = 16 - pending.len();
            let mut block = [pad as u8; 16];
            block[..pending.len()].copy_from_slice(&pending);
            self.block(&mut block);
            return Ok(block.to_vec());
        }
        let Ok(mut block) = <[u8; 16]>::try_from(pending.as_slice()) else {
            return Err(FinalError::WrongFinalBlockLength);
        };
        self.block(&mut block);
        let pad = usize::from(block[15]);
        if pad == 0 || pad > 16 || block[16 - pad..].iter().any(|&b| usize::from(b) != pad) {
            return Err(FinalError::BadDecrypt);
        }
        Ok(block[..16 - pad].to_vec())
    }
}

/// The streaming modes: a keystream XORed into the data, byte by byte.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum StreamKind {
    Ctr,
    Ofb,
    Cfb,
}

pub(super) struct StreamMode {
    aes: Aes,
    kind: StreamKind,
    decrypt: bool,
    /// CTR: the counter block; OFB: the last output; CFB: the last ciphertext block.
    register: [u8; 16],
    keystream: [u8; 16],
    /// Bytes of `keystream` already used (16: a new block is needed).
    used: usize,
}

impl StreamMode {
    pub(super) fn new(aes: Aes, kind: StreamKind, iv: [u8; 16], decrypt: bool) -> Self {
        Self {
            aes,
            kind,
            decrypt,
            register: iv,
            keystream: [0; 16],
            used: 16,
        }
    }

    pub(super) fn update(&mut self, data: &[u8]) -> Vec<u8> {
        let mut out = Vec::with_capacity(data.len());
        for &byte in data {
            if self.used == 16 {
                self.keystream = self.register;
                self.aes.encrypt(&mut self.keystream);
                match self.kind {
                    StreamKind::Ctr => increment_be(&mut self.register),
                    StreamKind::Ofb => self.register = self.keystream,
                    StreamKind::Cfb => {}
                }
                self.used = 0;
            }
            let o = byte ^ self.keystream[self.used];
            if self.kind == StreamKind::Cfb {
                self.register[self.used] = if self.decrypt { byte } else { o };
            }
            self.used += 1;
            out.push(o);
        }
        out
    }
}

/// Adds one to a big-endian counter of any width (wrapping).
pub(super) fn increment_be(counter: &mut [u8]) {
    for b in counter.iter_mut().rev() {
        *b = b.wrapping_add(1);
        if *b != 0 {
            break;
        }
    }
}

pub(super) fn xor(a: &mut [u8], b: &[u8]) {
    for (x, y) in a.iter_mut().zip(b) {
        *x ^= y;
    }
}
