//! `querystring` pieces the conformance goldens do not cover.

mod common;
use common::nrt;

#[test]
fn unescape_buffer_decodes_into_a_buffer() {
    // Malformed escapes stay as they are, as node's unescapeBuffer leaves them.
    let r = nrt(&[
        "-e",
        "const b = require('querystring').unescapeBuffer('a%20b%zz%41'); \
         console.log(Buffer.isBuffer(b), JSON.stringify(b.toString('latin1')));",
    ]);
    assert_eq!(r.stdout, "true \"a b%zzA\"\n", "{}", r.stderr);
}

#[test]
fn custom_decoder_exceptions_fall_back_and_encoder_exceptions_propagate() {
    let script = "const qs = require('querystring');
let calls = 0;
const o = qs.parse('a=%41&b=c', null, null, { decodeURIComponent(s) { calls++; throw new Error(s); } });
console.log(JSON.stringify(o), calls);
try { qs.stringify({ a: 1 }, null, null, { encodeURIComponent() { throw new RangeError('no'); } }); }
catch (e) { console.log(e.name, e.message); }";
    let r = nrt(&["-e", script]);
    assert_eq!(
        r.stdout, "{\"a\":\"A\",\"b\":\"c\"} 4\nRangeError no\n",
        "{}",
        r.stderr
    );
}
