//! The command line, as node's.

mod common;
use common::{nrt, nrt_in};

#[test]
fn version_and_help() {
    let r = nrt(&["--version"]);
    assert_eq!(r.code, 0);
    assert!(
        r.stdout.starts_with("v20.") && r.stdout.contains("-nrt."),
        "{}",
        r.stdout
    );
    let r = nrt(&["--help"]);
    assert_eq!(r.code, 0);
    assert!(r.stdout.contains("--max-old-space-size"));
}

#[test]
fn bad_option_exits_9() {
    let r = nrt(&["--foo"]);
    assert_eq!(r.code, 9);
    assert_eq!(r.stderr, "nrt: bad option: --foo\n");
    let r = nrt(&["-e"]);
    assert_eq!(r.code, 9);
    assert_eq!(r.stderr, "nrt: -e requires an argument\n");
}

#[test]
fn eval_and_print() {
    let r = nrt(&["-e", "console.log(1 + 1, typeof require, __filename)"]);
    assert_eq!(r.stdout, "2 function [eval]\n");
    let r = nrt(&["-p", "({ a: [1, 2] })"]);
    assert_eq!(r.stdout, "{ a: [ 1, 2 ] }\n");
    let r = nrt(&["-p", "process.argv.slice(1)", "x", "--y"]);
    assert_eq!(r.stdout, "[ 'x', '--y' ]\n");
}

#[test]
fn script_from_stdin() {
    let dir = tempfile::tempdir().unwrap();
    let r = nrt_in(dir.path(), &[], "console.log('piped', __filename)");
    assert_eq!(r.stdout, "piped [stdin]\n");
    let r = nrt_in(
        dir.path(),
        &["-", "arg"],
        "console.log(process.argv.length)",
    );
    assert_eq!(r.stdout, "2\n");
}

#[test]
fn input_type_module() {
    let r = nrt(&[
        "--input-type=module",
        "-e",
        "import { once } from 'events'; await null; console.log(typeof once)",
    ]);
    assert_eq!(
        (r.stdout.as_str(), r.code),
        ("function\n", 0),
        "{}",
        r.stderr
    );
}

#[test]
fn expose_gc() {
    assert_eq!(
        nrt(&["--expose-gc", "-p", "gc(), typeof gc"]).stdout,
        "function\n"
    );
    assert_eq!(nrt(&["-p", "typeof gc"]).stdout, "undefined\n");
}

#[test]
fn memory_limit_ends_a_runaway_script() {
    let r = nrt(&[
        "--max-old-space-size=16",
        "-e",
        "const a = []; for (;;) a.push('x'.repeat(1024) + a.length)",
    ]);
    assert_eq!(r.code, 134);
    assert!(
        r.stderr.contains("JavaScript heap out of memory"),
        "{}",
        r.stderr
    );
}

#[test]
fn stack_size_limits_recursion() {
    let r = nrt(&[
        "--stack-size=200",
        "-e",
        "function f(n) { return f(n + 1) + 1 } try { f(0) } catch (e) { console.log(e.name, e.message) }",
    ]);
    assert_eq!(r.stdout, "RangeError Maximum call stack size exceeded\n");
}

#[test]
fn missing_main_module() {
    let r = nrt(&["no-such-file.js"]);
    assert_eq!(r.code, 1);
    assert!(
        r.stderr.contains("Error: Cannot find module"),
        "{}",
        r.stderr
    );
    assert!(r.stderr.contains("code: 'MODULE_NOT_FOUND'"));
}

#[test]
fn preload_modules() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("pre.js"), "globalThis.preloaded = 'yes';").unwrap();
    std::fs::write(
        dir.path().join("main.js"),
        "console.log(globalThis.preloaded);",
    )
    .unwrap();
    let r = nrt_in(dir.path(), &["-r", "./pre.js", "main.js"], "");
    assert_eq!((r.stdout.as_str(), r.code), ("yes\n", 0), "{}", r.stderr);
}

#[test]
fn warning_switches() {
    let r = nrt(&["--no-warnings", "-e", "process.emitWarning('w')"]);
    assert_eq!(r.stderr, "");
    let r = nrt(&["-e", "process.emitWarning('w')"]);
    assert!(r.stderr.contains("Warning: w"), "{}", r.stderr);
}

#[test]
fn unhandled_rejection_modes() {
    let script = "Promise.reject(new Error('r')); setTimeout(() => console.log('alive'), 5)";
    let r = nrt(&["--unhandled-rejections=none", "-e", script]);
    assert_eq!((r.stdout.as_str(), r.code), ("alive\n", 0));
    let r = nrt(&["--unhandled-rejections=warn", "-e", script]);
    assert_eq!((r.stdout.as_str(), r.code), ("alive\n", 0));
    assert!(
        r.stderr.contains("UnhandledPromiseRejectionWarning"),
        "{}",
        r.stderr
    );
    let r = nrt(&["--unhandled-rejections=warn-with-error-code", "-e", script]);
    assert_eq!((r.stdout.as_str(), r.code), ("alive\n", 1));
    let r = nrt(&["--unhandled-rejections=strict", "-e", script]);
    assert_eq!((r.stdout.as_str(), r.code), ("", 1));
}

#[test]
fn eval_errors_report_like_node() {
    let r = nrt(&["-e", "null.x"]);
    assert_eq!(r.code, 1);
    assert!(
        r.stderr.starts_with(
            "[eval]:1\nnull.x\n     ^\n\nTypeError: Cannot read properties of null (reading 'x')\n    at [eval]:1:6\n\nNode.js "
        ),
        "{}",
        r.stderr
    );
}

#[test]
fn repl_needs_a_terminal_otherwise_reads_stdin() {
    // Without a terminal, no script means "read the script from stdin" (node's rule).
    let dir = tempfile::tempdir().unwrap();
    let r = nrt_in(dir.path(), &[], "console.log(6 * 7)");
    assert_eq!(r.stdout, "42\n");
}

#[test]
fn warning_tracing_flags() {
    let script = "process.emitWarning('dep', 'DeprecationWarning', 'DEP0X')";
    let r = nrt(&["--trace-deprecation", "-e", script]);
    assert!(
        r.stderr
            .contains("DeprecationWarning: dep\n    at [eval]:1:9"),
        "{}",
        r.stderr
    );
    let r = nrt(&["--throw-deprecation", "-e", script]);
    assert_eq!(r.code, 1);
    // Thrown from inside nrt: no source header, the report starts with the warning.
    assert!(
        r.stderr
            .starts_with("DeprecationWarning: dep\n    at [eval]:1:9"),
        "{}",
        r.stderr
    );
    let r = nrt(&["--trace-warnings", "-e", "process.emitWarning('w')"]);
    assert!(
        r.stderr.contains("Warning: w\n    at [eval]:1:9"),
        "{}",
        r.stderr
    );
}
