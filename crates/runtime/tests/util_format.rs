//! util.format, inherits, promisify and deprecate (util.js), as node 20.

mod common;
use common::nrt;

fn eval(src: &str) -> String {
    let r = nrt(&["-e", src]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    r.stdout
}

#[test]
fn placeholders() {
    let out = eval(
        "const { format } = require('util');
         const c = { n: 1 }; c.c = c;
         console.log([format('%s|%d|%i|%f', 10n, '0x10', -1.9, '1.5x'), format('%j', c), format('%% %s', 'a', { b: 1 }),
           format('%s', { a: { b: 1 } }), format('%d', {}), format(1, 'a'), format('%s %s', 'x')].join(' / '));",
    );
    assert_eq!(
        out,
        "10n|16|-1|1.5 / [Circular] / % a { b: 1 } / { a: [Object] } / NaN / 1 a / x %s\n"
    );
}

#[test]
fn promisify_and_inherits() {
    let out = eval(
        "const util = require('util');
         function A() {} function B() {} util.inherits(B, A);
         const add = util.promisify((a, b, cb) => cb(null, a + b));
         add(1, 2).then((v) => console.log(v, B.super_ === A, add[util.promisify.custom] === add));
         try { util.promisify(1); } catch (e) { console.log(e.code); }",
    );
    assert_eq!(out, "ERR_INVALID_ARG_TYPE\n3 true true\n");
}

#[test]
fn deprecate_warns_once_per_code() {
    let out = eval(
        "const util = require('util'); process.removeAllListeners('warning');
         process.on('warning', (w) => console.log(w.name, w.code));
         const a = util.deprecate(() => 1, 'a', 'DEP_X'); const b = util.deprecate(() => 2, 'b', 'DEP_X');
         console.log(a() + a() + b());",
    );
    assert_eq!(out, "4\nDeprecationWarning DEP_X\n");
}
