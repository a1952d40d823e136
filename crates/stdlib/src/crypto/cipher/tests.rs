//! Known-answer vectors: FIPS-197, NIST SP 800-38A (F.1–F.5), the GCM specification's test
//! cases 1–2 and RFC 8439 (§2.4.2, §2.8.2); plus streaming and padding behaviour.

use super::*;

fn hex(s: &str) -> Vec<u8> {
    (0..s.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&s[i..i + 2], 16).unwrap())
        .collect()
}

fn run(name: &str, key: &str, iv: &str, pt: &[u8], decrypt: bool, pad: bool) -> Vec<u8> {
    let iv = hex(iv);
    let mut c = Cipher::new(name, &hex(key), Some(&iv), None, decrypt).unwrap();
    c.set_auto_padding(pad).unwrap();
    let mut out = c.update(pt).unwrap();
    out.extend(c.finish().unwrap());
    out
}

const SP_KEY: &str = "2b7e151628aed2a6abf7158809cf4f3c";
const SP_PT: &str = "6bc1bee22e409f96e93d7e117393172aae2d8a571e03ac9c9eb76fac45af8e51";

#[test]
fn fips197_ecb() {
    let ct = run(
        "aes-128-ecb",
        "000102030405060708090a0b0c0d0e0f",
        "",
        &hex("00112233445566778899aabbccddeeff"),
        false,
        false,
    );
    assert_eq!(ct, hex("69c4e0d86a7b0430d8cdb78070b4c55a"));
    let key256 = "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f";
    let ct = run(
        "aes-256-ecb",
        key256,
        "",
        &hex("00112233445566778899aabbccddeeff"),
        false,
        false,
    );
    assert_eq!(ct, hex("8ea2b7ca516745bfeafc49904b496089"));
    assert_eq!(
        run("aes-256-ecb", key256, "", &ct, true, false),
        hex("00112233445566778899aabbccddeeff")
    );
}

#[test]
fn sp800_38a_modes() {
    let iv = "000102030405060708090a0b0c0d0e0f";
    let pt = hex(SP_PT);
    let cases = [
        (
            "aes-128-cbc",
            iv,
            "7649abac8119b246cee98e9b12e9197d5086cb9b507219ee95db113a917678b2",
        ),
        (
            "aes-128-ofb",
            iv,
            "3b3fd92eb72dad20333449f8e83cfb4a7789508d16918f03f53c52dac54ed825",
        ),
        (
            "aes-128-cfb",
            iv,
            "3b3fd92eb72dad20333449f8e83cfb4ac8a64537a0b3a93fcde3cdad9f1ce58b",
        ),
        (
            "aes-128-ctr",
            "f0f1f2f3f4f5f6f7f8f9fafbfcfdfeff",
            "874d6191b620e3261bef6864990db6ce9806f66b7970fdff8617187bb9fffdff",
        ),
    ];
    for (name, iv, expected) in cases {
        assert_eq!(
            run(name, SP_KEY, iv, &pt, false, false),
            hex(expected),
            "{name}"
        );
        assert_eq!(
            run(name, SP_KEY, iv, &hex(expected), true, false),
            pt,
            "{name} decrypt"
        );
    }
}

#[test]
fn streaming_matches_one_shot() {
    let data: Vec<u8> = (0..100u8).collect();
    for name in [
        "aes-192-cbc",
        "aes-256-ctr",
        "aes-128-cfb",
        "aes-128-ofb",
        "aes-256-gcm",
        "aes-128-ecb",
        "chacha20",
        "chacha20-poly1305",
    ] {
        let info = get_cipher_info(name).unwrap();
        let key = vec![7u8; info.key_length];
        let iv = vec![9u8; info.iv_length.unwrap_or(0)];
        let whole = {
            let mut c = Cipher::new(name, &key, Some(&iv), None, false).unwrap();
            let mut out = c.update(&data).unwrap();
            out.extend(c.finish().unwrap());
            (out, c.get_auth_tag().ok())
        };
        let mut c = Cipher::new(name, &key, Some(&iv), None, false).unwrap();
        let mut out = Vec::new();
        for chunk in data.chunks(7) {
            out.extend(c.update(chunk).unwrap());
        }
        out.extend(c.finish().unwrap());
        assert_eq!(out, whole.0, "{name}");
        assert_eq!(c.get_auth_tag().ok(), whole.1, "{name}");
        // Decrypt in odd pieces.
        let mut d = Cipher::new(name, &key, Some(&iv), None, true).unwrap();
        if let Some(tag) = &whole.1 {
            d.set_auth_tag(tag).unwrap();
        }
        let mut back = Vec::new();
        for chunk in whole.0.chunks(5) {
            back.extend(d.update(chunk).unwrap());
        }
        back.extend(d.finish().unwrap());
        assert_eq!(back, data, "{name} decrypt");
    }
}

#[test]
fn gcm_spec_vectors() {
    let mut c = Cipher::new("aes-128-gcm", &[0; 16], Some(&[0; 12]), None, false).unwrap();
    assert!(c.finish().unwrap().is_empty());
    assert_eq!(
        c.get_auth_tag().unwrap(),
        hex("58e2fccefa7e3061367f1d57a4e7455a")
    );
    let mut c = Cipher::new("aes-128-gcm", &[0; 16], Some(&[0; 12]), None, false).unwrap();
    assert_eq!(
        c.update(&[0; 16]).unwrap(),
        hex("0388dace60b6a392f328c2b971b2fe78")
    );
    c.finish().unwrap();
    assert_eq!(
        c.get_auth_tag().unwrap(),
        hex("ab6e47d42cec13bdf53a67b21257bddf")
    );
}

#[test]
fn gcm_test_case_6_long_iv() {
    // The GCM specification's test case 6: a 60-byte IV, AAD, 60 bytes of data.
    let key = hex("feffe9928665731c6d6a8f9467308308");
    let iv = hex("9313225df88406e555909c5aff5269aa6a7a9538534f7da1e4c303d2a318a728c3c0c95156809539fcf0e2429a6b525416aedbf5a0de6a57a637b39b");
    let pt = hex("d9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d8a318a721c3c0c95956809532fcf0e2449a6b525b16aedf5aa0de657ba637b39");
    let aad = hex("feedfacedeadbeeffeedfacedeadbeefabaddad2");
    let mut c = Cipher::new("aes-128-gcm", &key, Some(&iv), None, false).unwrap();
    c.set_aad(&aad).unwrap();
    let ct = c.update(&pt).unwrap();
    c.finish().unwrap();
    assert_eq!(ct, hex("8ce24998625615b603a033aca13fb894be9112a5c3a211a8ba262a3cca7e2ca701e4a9a4fba43c90ccdcb281d48c7c6fd62875d2aca417034c34aee5"));
    assert_eq!(
        c.get_auth_tag().unwrap(),
        hex("619cc5aefffe0bfa462af43c1699d050")
    );
}

const SUNSCREEN: &[u8] = b"Ladies and Gentlemen of the class of '99: If I could offer you only one tip for the future, sunscreen would be it.";

#[test]
fn rfc8439_chacha20() {
    let key = "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f";
    let ct = run(
        "chacha20",
        key,
        "01000000000000000000004a00000000",
        SUNSCREEN,
        false,
        true,
    );
    assert_eq!(ct[..16], hex("6e2e359a2568f98041ba0728dd0d6981"));
    assert_eq!(ct[ct.len() - 2..], hex("874d"));
}

#[test]
fn rfc8439_aead() {
    let key = hex("808182838485868788898a8b8c8d8e8f909192939495969798999a9b9c9d9e9f");
    let nonce = hex("070000004041424344454647");
    let aad = hex("50515253c0c1c2c3c4c5c6c7");
    let mut c = Cipher::new("chacha20-poly1305", &key, Some(&nonce), None, false).unwrap();
    c.set_aad(&aad).unwrap();
    let ct = c.update(SUNSCREEN).unwrap();
    c.finish().unwrap();
    assert_eq!(ct[..16], hex("d31a8d34648e60db7b86afbc53ef7ec2"));
    let tag = c.get_auth_tag().unwrap();
    assert_eq!(tag, hex("1ae10b594f09e26a7e902ecbd0600691"));
    let mut d = Cipher::new("chacha20-poly1305", &key, Some(&nonce), None, true).unwrap();
    d.set_aad(&aad).unwrap();
    d.set_auth_tag(&tag).unwrap();
    assert_eq!(d.update(&ct).unwrap(), SUNSCREEN);
    d.finish().unwrap();
    // A flipped bit fails authentication.
    let mut d = Cipher::new("chacha20-poly1305", &key, Some(&nonce), None, true).unwrap();
    let mut bad = tag.clone();
    bad[0] ^= 1;
    d.set_auth_tag(&bad).unwrap();
    d.update(&ct).unwrap();
    assert_eq!(
        d.finish().unwrap_err().message(),
        "Unsupported state or unable to authenticate data"
    );
}

#[test]
fn padding_errors() {
    let mut c = Cipher::new("aes-128-cbc", &[0; 16], Some(&[0; 16]), None, false).unwrap();
    c.set_auto_padding(false).unwrap();
    c.update(&[0; 15]).unwrap();
    assert_eq!(
        c.finish().unwrap_err().code(),
        "ERR_OSSL_WRONG_FINAL_BLOCK_LENGTH"
    );
    assert_eq!(c.finish().unwrap_err().code(), "ERR_CRYPTO_INVALID_STATE");
    assert_eq!(
        c.update(b"x").unwrap_err().message(),
        "Trying to add data in unsupported state"
    );
    // Decrypting holds the last block back until final.
    let mut d = Cipher::new("aes-128-cbc", &[0; 16], Some(&[0; 16]), None, true).unwrap();
    assert!(d.update(&[0; 16]).unwrap().is_empty());
}

#[test]
fn argument_errors() {
    let e = |r: Result<Cipher, NodeError>| r.unwrap_err().code().to_string();
    assert_eq!(
        e(Cipher::new("nope", &[0; 16], None, None, false)),
        "ERR_CRYPTO_UNKNOWN_CIPHER"
    );
    assert_eq!(
        e(Cipher::new("aes-128-cbc", &[0; 16], None, None, false)),
        "ERR_CRYPTO_INVALID_IV"
    );
    assert_eq!(
        e(Cipher::new(
            "aes-128-ecb",
            &[0; 16],
            Some(&[0; 16]),
            None,
            false
        )),
        "ERR_CRYPTO_INVALID_IV"
    );
    assert_eq!(
        e(Cipher::new(
            "aes-128-gcm",
            &[0; 16],
            Some(&[0; 129]),
            None,
            false
        )),
        "ERR_CRYPTO_INVALID_IV"
    );
    assert_eq!(
        e(Cipher::new(
            "aes-128-gcm",
            &[0; 16],
            Some(&[0; 12]),
            Some(5),
            false
        )),
        "ERR_CRYPTO_INVALID_AUTH_TAG"
    );
    assert_eq!(
        e(Cipher::new(
            "chacha20-poly1305",
            &[0; 32],
            Some(&[0; 12]),
            Some(17),
            false
        )),
        "ERR_CRYPTO_INVALID_AUTH_TAG"
    );
    let mut c = Cipher::new("aes-128-cbc", &[0; 16], Some(&[0; 16]), None, false).unwrap();
    assert_eq!(
        c.set_aad(b"x").unwrap_err().message(),
        "Invalid state for operation setAAD"
    );
    assert_eq!(
        c.get_auth_tag().unwrap_err().message(),
        "Invalid state for operation getAuthTag"
    );
    assert!(get_cipher_info_by_nid(901).is_some());
}
