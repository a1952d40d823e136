//! The `buffer` binding's edges the conformance goldens do not reach: payloads past the pool,
//! native calls given the wrong objects, and what crosses to stdout.

mod common;
use common::nrt;

#[test]
fn large_payloads_round_trip_in_every_encoding() {
    let script = "const big = Buffer.alloc(3 << 20);
for (let i = 0; i < big.length; i++) big[i] = (i * 7919) & 255;
const ok = ['base64', 'base64url', 'hex', 'latin1', 'ucs2'].every((e) => Buffer.from(big.toString(e), e).equals(big));
const text = 'héllo 😀 '.repeat(200000);
console.log(ok, Buffer.from(text).toString() === text, Buffer.byteLength(text), big.indexOf(big.subarray(5000, 5100)));";
    let r = nrt(&["-e", script]);
    // The byte pattern repeats every 256 bytes: the first match is at 5000 % 256.
    assert_eq!(r.stdout, "true true 2400000 136\n", "{}", r.stderr);
}

#[test]
fn methods_on_foreign_objects_throw_instead_of_crashing() {
    let script = "for (const [name, args] of [['toString', []], ['write', ['x']], ['fill', ['ab']], ['indexOf', ['a']], ['swap16', []], ['equals', [Buffer.alloc(0)]]]) {
  try { Buffer.prototype[name].apply({ length: 4 }, args); console.log(name, 'returned'); }
  catch (e) { console.log(name, e instanceof TypeError || e instanceof RangeError); }
}";
    let r = nrt(&["-e", script]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(!r.stdout.contains("false"), "{}", r.stdout);
    assert!(!r.stderr.contains("internal error"), "{}", r.stderr);
}

#[test]
fn lone_surrogates_print_as_replacement_characters() {
    let r = nrt(&[
        "-e",
        "console.log('a\\ud800b'); process.stdout.write('\\udc00\\n');",
    ]);
    assert_eq!(r.stdout, "a\u{fffd}b\n\u{fffd}\n", "{}", r.stderr);
}
