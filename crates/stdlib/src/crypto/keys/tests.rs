//! Key round trips through every encoding, and RFC 8032's first Ed25519 vector.

use super::*;
use crate::crypto::{sign, verify, HashAlgorithm, SignOptions};

fn hex(s: &str) -> Vec<u8> {
    (0..s.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&s[i..i + 2], 16).unwrap())
        .collect()
}

#[test]
fn rfc8032_ed25519_test_1() {
    let secret = hex("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60");
    let c = KeyComponents::Okp {
        curve: OkpCurve::Ed25519,
        x: vec![0; 32],
        d: Some(secret),
    };
    let k = PrivateKey::from_components(&c).unwrap();
    let KeyComponents::Okp { x, .. } = k.public_key().components() else {
        panic!()
    };
    assert_eq!(
        x,
        hex("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a")
    );
    let sig = sign(None, b"", &k, &SignOptions::default()).unwrap();
    assert_eq!(sig[..8], hex("e5564300c360ac72"));
    assert!(verify(None, b"", &k.public_key(), &sig, &SignOptions::default()).unwrap());
}

#[test]
fn encodings_round_trip() {
    let kinds = [
        KeyPairKind::Ec(EcCurve::P256),
        KeyPairKind::Ec(EcCurve::P384),
        KeyPairKind::Ed25519,
        KeyPairKind::X25519,
        KeyPairKind::Rsa {
            modulus_length: 1024,
            public_exponent: 65537,
        },
    ];
    for kind in kinds {
        let (k, p) = generate_key_pair(&kind).unwrap();
        for enc in [KeyEncoding::Pkcs8, KeyEncoding::Pkcs1, KeyEncoding::Sec1] {
            if let Ok(pem) = k.to_pem(enc) {
                let back = PrivateKey::from_pem(&pem, None)
                    .map_err(|e| format!("{kind:?} {enc:?} {e:?} {pem}"))
                    .unwrap();
                assert!(back.same_key(&k), "{kind:?} {enc:?}");
                assert!(PublicKey::from_pem(&pem, None).unwrap() == p);
            }
        }
        for enc in [KeyEncoding::Spki, KeyEncoding::Pkcs1] {
            if let Ok(der) = p.to_der(enc) {
                assert!(
                    PublicKey::from_der(&der, enc).unwrap() == p,
                    "{kind:?} {enc:?}"
                );
            }
        }
        assert!(PublicKey::from_components(&p.components()).unwrap() == p);
        assert!(PrivateKey::from_components(&k.components())
            .unwrap()
            .same_key(&k));
    }
}

#[test]
fn signatures() {
    let (k, p) = generate_key_pair(&KeyPairKind::Rsa {
        modulus_length: 1024,
        public_exponent: 65537,
    })
    .unwrap();
    for padding in [1, 6] {
        for salt in [None, Some(-1), Some(10)] {
            let o = SignOptions {
                padding: Some(padding),
                salt_length: salt,
                ..SignOptions::default()
            };
            let sig = sign(Some(HashAlgorithm::Sha256), b"data", &k, &o).unwrap();
            assert!(verify(
                Some(HashAlgorithm::Sha256),
                b"data",
                &p,
                &sig,
                &SignOptions {
                    salt_length: None,
                    ..o
                }
            )
            .unwrap());
            assert!(!verify(Some(HashAlgorithm::Sha256), b"datb", &p, &sig, &o).unwrap());
        }
    }
    let (k, p) = generate_key_pair(&KeyPairKind::Ec(EcCurve::P256)).unwrap();
    let o = SignOptions {
        ieee_p1363: true,
        ..SignOptions::default()
    };
    let sig = sign(Some(HashAlgorithm::Sha256), b"x", &k, &o).unwrap();
    assert_eq!(sig.len(), 64);
    assert!(verify(Some(HashAlgorithm::Sha256), b"x", &p, &sig, &o).unwrap());
    assert!(!verify(
        Some(HashAlgorithm::Sha256),
        b"x",
        &p,
        &sig,
        &SignOptions::default()
    )
    .unwrap());
}

#[test]
fn bad_input() {
    assert_eq!(
        PrivateKey::from_pem(
            "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n",
            None
        )
        .unwrap_err()
        .code(),
        "ERR_OSSL_UNSUPPORTED"
    );
    assert_eq!(
        PublicKey::from_der(b"\x30\x00", KeyEncoding::Spki)
            .unwrap_err()
            .code(),
        "ERR_OSSL_UNSUPPORTED"
    );
    let (k, _) = generate_key_pair(&KeyPairKind::Ed25519).unwrap();
    let enc = k.to_encrypted_pkcs8("aes-128-cbc", b"pw").unwrap();
    assert_eq!(
        PrivateKey::from_der(&enc, KeyEncoding::Pkcs8, None)
            .unwrap_err()
            .code(),
        "ERR_OSSL_CRYPTO_INTERRUPTED_OR_CANCELLED"
    );
    assert_eq!(
        PrivateKey::from_der(&enc, KeyEncoding::Pkcs8, Some(b"no"))
            .unwrap_err()
            .code(),
        "ERR_OSSL_BAD_DECRYPT"
    );
}

#[test]
fn keys_node_reads_but_nrt_lacks_are_not_implemented() {
    // Made by node: an Ed448 key, a secp256k1 public key, a legacy encrypted SEC1 key.
    let ed448 = "-----BEGIN PRIVATE KEY-----\nMEcCAQAwBQYDK2VxBDsEOU3n04cNAtzqgsoutxOKUasLL5YSvSRE4AHlYdHS7RUV\n5t7q13uevsrXaJwGWbL8uN+h4i/ojD7y/Q==\n-----END PRIVATE KEY-----\n";
    let k256 = "-----BEGIN PUBLIC KEY-----\nMFYwEAYHKoZIzj0CAQYFK4EEAAoDQgAEUVFEUX109B/juBbuV+co6l4D9OmlttrM\nSRquxLVSSjU19Si7kEehVW0c/wMM+4V7Wd08CG+Kfc2rTqj+ws6ojA==\n-----END PUBLIC KEY-----\n";
    let legacy = "-----BEGIN EC PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\nDEK-Info: AES-128-CBC,D010AF9D36E14BE34A1B67061C675A00\n\nHfI3EOg95LNM5tYItypNSU8781+qOPgsYjEkfDQyTHG2zwEn1uogxZKVmGrabtFK\nMu2RvOUiyYx3OGh//N+RXWjd18kGS1HtWyj6t1bng9G4LiOWvdGCOYQ39qPvZ3Cg\nZSx49LIMmsK0ojNx0PT/8yrWIrpwhvlO4WvNwdUjzwQ=\n-----END EC PRIVATE KEY-----\n";
    let cert = "-----BEGIN CERTIFICATE-----\nMAA=\n-----END CERTIFICATE-----\n";
    assert_eq!(
        PrivateKey::from_pem(ed448, None).unwrap_err().code(),
        "ERR_NOT_IMPLEMENTED"
    );
    assert_eq!(
        PublicKey::from_pem(k256, None).unwrap_err().code(),
        "ERR_NOT_IMPLEMENTED"
    );
    assert_eq!(
        PrivateKey::from_pem(legacy, Some(b"x")).unwrap_err().code(),
        "ERR_NOT_IMPLEMENTED"
    );
    assert_eq!(
        PublicKey::from_pem(cert, None).unwrap_err().code(),
        "ERR_NOT_IMPLEMENTED"
    );
}
