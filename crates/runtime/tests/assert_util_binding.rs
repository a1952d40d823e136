//! assert and util through the binary: what the conformance suite cannot set up (the
//! environment, code without a source file).

mod common;
use common::{nrt, run_js};
use std::process::Command;

#[test]
fn debuglog_prints_enabled_sections_with_the_pid() {
    let out = Command::new(env!("CARGO_BIN_EXE_nrt"))
        .args([
            "-e",
            "const u = require('util'); const a = u.debuglog('foo'); const b = u.debuglog('bar'); \
             console.log(a.enabled, b.enabled); a('hello %s', 'world', { x: 1 }); b('hidden'); \
             u.debuglog('foo-x')('wild'); console.log(process.pid)",
        ])
        .env("NODE_DEBUG", "foo,FOO-*")
        .output()
        .expect("run nrt");
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    let pid = stdout.lines().nth(1).expect("pid line");
    assert_eq!(stdout.lines().next(), Some("true false"));
    assert_eq!(
        stderr,
        format!("FOO {pid}: hello world {{ x: 1 }}\nFOO-X {pid}: wild\n")
    );
}

#[test]
fn ok_without_a_source_file_shows_the_value() {
    // node cannot read `-e` code back either: it prints `value == true`.
    let r = nrt(&[
        "-e",
        "try { require('assert').ok(0) } catch (e) { console.log(e.message, e.generatedMessage) }",
    ]);
    assert_eq!(r.stdout, "0 == true true\n");
}

#[test]
fn ok_quotes_the_call_from_the_source() {
    let r = run_js(
        "const assert = require('assert');\nconst n = 0;\ntry {\n  assert(n > 1 && [1, 2].includes(n));\n} catch (e) {\n  console.log(JSON.stringify(e.message));\n}\n",
    );
    assert_eq!(
        r.stdout,
        "\"The expression evaluated to a falsy value:\\n\\n  assert(n > 1 && [1, 2].includes(n))\\n\"\n"
    );
}

#[test]
fn types_tell_iterators_and_generators_apart() {
    let r = run_js(
        "const t = require('util').types;\n\
         function* g() {}\n\
         console.log(t.isMapIterator(new Map().keys()), t.isSetIterator(new Map().keys()), \
         t.isGeneratorObject(g()), t.isGeneratorObject({ next() {} }), \
         t.isArgumentsObject((function () { return arguments; })()), t.isArgumentsObject([]), \
         t.isNativeError(Object.create(Error.prototype)), t.isNativeError(new RangeError()));\n",
    );
    assert_eq!(r.stdout, "true false true false true false false true\n");
}
