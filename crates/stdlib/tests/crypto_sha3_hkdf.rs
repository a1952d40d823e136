//! SHA-3 digests, HMAC/PBKDF2 over SHA-3, and HKDF: vectors recorded from node v20.20.2.
#![cfg(feature = "crypto")]
use node_stdlib::buffer::{to_string, Encoding};
use node_stdlib::crypto::*;

fn hex(b: &[u8]) -> String {
    to_string(b, Encoding::Hex)
}

#[test]
fn sha3_digests() {
    let cases: &[(&str, &str, &str)] = &[
        ("sha3-224", "", "6b4e03423667dbb73b6e15454f0eb1abd4597f9a1b078e3f5b5a6bc7"),
        ("sha3-224", "abc", "e642824c3f8cf24ad09234ee7d3c766fc9a3a5168d0c94ad73b46fdf"),
        ("sha3-256", "", "a7ffc6f8bf1ed76651c14756a061d662f580ff4de43b49fa82d80a4b80f8434a"),
        ("sha3-256", "abc", "3a985da74fe225b2045c172d6bd390bd855f086e3e9d525b46bfe24511431532"),
        ("sha3-384", "", "0c63a75b845e4f7d01107d852e4c2485c51a50aaaa94fc61995e71bbee983a2ac3713831264adb47fb6bd1e058d5f004"),
        ("sha3-384", "abc", "ec01498288516fc926459f58e2c6ad8df9b473cb0fc08c2596da7cf0e49be4b298d88cea927ac7f539f1edf228376d25"),
        ("sha3-512", "", "a69f73cca23a9ac5c8b567dc185a756e97c982164fe25859e0d1dcc1475c80a615b2123af1f5f94c11e3e9402c3ac558f500199d95b6d3e301758586281dcd26"),
        ("sha3-512", "abc", "b751850b1a57168a5693cd924b6b096e08f621827444f70d884f5d0240d2712e10e116e9192af3c91a7ec57647e3934057340b4cf408d5a56592f8274eec53f0"),
        ("RSA-SHA3-256", "abc", "3a985da74fe225b2045c172d6bd390bd855f086e3e9d525b46bfe24511431532"),
    ];
    for (alg, input, want) in cases {
        let mut h = create_hash(alg).unwrap();
        h.update(input.as_bytes()).unwrap();
        assert_eq!(hex(&h.digest().unwrap()), *want, "{alg} {input:?}");
    }
    assert!(get_hashes().contains(&"sha3-256"));
}

#[test]
fn sha3_hmac_and_pbkdf2() {
    let mut m = create_hmac("sha3-256", b"key").unwrap();
    m.update(b"data").unwrap();
    assert_eq!(
        hex(&m.digest()),
        "b102a8999ec7667682d13c250db75c1fe88632bc807d915ecb7599375c2a393a"
    );
    let mut m = create_hmac("sha3-512", b"key").unwrap();
    m.update(b"data").unwrap();
    assert_eq!(hex(&m.digest()), "752bf49d54115aaa670ea62bdf79eb95e6df787938bec5fabdfc4745cf49f7fe11b7c2f73989ad2e568f06ced3a2d99536b05a121f43647b98ea43f818f38b33");
    let k = pbkdf2(b"password", b"salt", 2, 40, "sha3-256").unwrap();
    assert_eq!(
        hex(&k),
        "4c915baedd1773383e77fcfe38114ca7514010adec24b47290ec170208423f76f876ee35e753a3f7"
    );
    let k = pbkdf2(b"password", b"salt", 2, 40, "sha1").unwrap();
    assert_eq!(
        hex(&k),
        "ea6c014dc72d6f8ccd1ed92ace1d41f0d8de8957cae93136266537a8d7bf4b76c51094cc1ae010b1"
    );
}

#[test]
fn hkdf_vectors() {
    let cases: &[(&str, u64, &str)] = &[
        ("sha256", 42, "fe8f9615d2374c0d17f77d1aeaf408c2e75fe0466073d0def23c733e2f862dfd6814c9254418fa112fe8"),
        ("sha1", 20, "f8ce116ebe7b55fa12601b349f421fae54edddab"),
        ("sha3-256", 64, "0a35ce133619c6dda6c47247ba3a65352b8fa7313a3ccddfc707ea425085517cbcaa618df8674ec883418dd1ee1863214223b4116e2632abfe396a7e366b2b02"),
        ("md5", 16, "5c12d4b902235278c26f174a54ff1b11"),
        ("sha512", 0, ""),
    ];
    for (alg, len, want) in cases {
        let k = hkdf(alg, b"ikm", b"salt", b"info", *len).unwrap();
        assert_eq!(hex(&k), *want, "{alg}");
    }
    let k = hkdf("sha256", b"ikm", b"", b"", 16).unwrap();
    assert_eq!(hex(&k), "d58e7c1c4394984eb3ca168ff7b709d4");
}

#[test]
fn hkdf_errors() {
    let code = |r: Result<Vec<u8>, node_core::NodeError>| r.unwrap_err().code().to_owned();
    assert_eq!(
        code(hkdf("sha256", b"k", b"", b"", 255 * 32 + 1)),
        "ERR_CRYPTO_INVALID_KEYLEN"
    );
    assert_eq!(
        code(hkdf("nope", b"k", b"", b"", 1)),
        "ERR_CRYPTO_INVALID_DIGEST"
    );
    assert_eq!(
        code(hkdf("sha256", b"k", b"", &[0; 1025], 1)),
        "ERR_OUT_OF_RANGE"
    );
    let e = hkdf("sha256", b"k", b"", &[0; 1025], 1).unwrap_err();
    assert_eq!(
        e.message(),
        "The value of \"info\" is out of range. It must be must not contain more than 1024 bytes. Received 1025"
    );
}
