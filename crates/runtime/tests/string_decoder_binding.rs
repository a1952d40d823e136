//! `string_decoder` output that a Rust `String` cannot hold (lone surrogates).

mod common;
use common::nrt;

#[test]
fn utf16le_keeps_lone_surrogates() {
    let script = "const { StringDecoder } = require('string_decoder');
const d = new StringDecoder('utf16le');
const s = d.write(new Uint8Array([0x00, 0xdc, 0x41, 0x00]));
console.log(s.length, s.charCodeAt(0).toString(16), s[1]);
console.log(d.write(new Uint8Array([0x3d, 0xd8])).length, d.lastNeed, d.end().charCodeAt(0).toString(16));";
    let r = nrt(&["-e", script]);
    assert_eq!(r.stdout, "2 dc00 A\n0 2 d83d\n", "{}", r.stderr);
}
