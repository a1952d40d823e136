//! Uncaught errors print as node prints them and exit 1.

mod common;
use common::run_js;

#[test]
fn uncaught_error_report() {
    let r = run_js("function foo() {\n  throw new Error('boom');\n}\nfoo();\n");
    assert_eq!(r.code, 1);
    let expected_head = "main.js:2\n  throw new Error('boom');\n  ^\n\nError: boom\n    at foo (main.js:2:9)\n    at Object.<anonymous> (main.js:4:1)\n";
    assert!(r.stderr.starts_with(expected_head), "{}", r.stderr);
    assert!(r.stderr.ends_with("\nNode.js v20.20.2\n"), "{}", r.stderr);
}

#[test]
fn thrown_primitive_and_object() {
    let r = run_js("throw 'text'");
    assert_eq!(r.code, 1);
    assert!(
        r.stderr
            .contains("\ntext\n(Use `node --trace-uncaught ...`"),
        "{}",
        r.stderr
    );
    let r = run_js("throw { a: 1 }");
    assert_eq!(r.code, 1);
    assert!(r.stderr.contains("{ a: 1 }"), "{}", r.stderr);
}

#[test]
fn syntax_error() {
    let r = run_js("let x = (;\n");
    assert_eq!(r.code, 1);
    assert!(
        r.stderr.starts_with(
            "main.js:1\nlet x = (;\n         ^\n\nSyntaxError: Unexpected token ';'\n"
        ),
        "{}",
        r.stderr
    );
}

#[test]
fn unhandled_rejections_exit_1() {
    let r = run_js("Promise.reject(new Error('nope'))");
    assert_eq!(r.code, 1);
    assert!(r.stderr.contains("Error: nope"), "{}", r.stderr);
    let r = run_js("Promise.reject(42)");
    assert_eq!(r.code, 1);
    assert!(
        r.stderr
            .contains("The promise rejected with the reason \"42\"."),
        "{}",
        r.stderr
    );
    assert!(r.stderr.contains("code: 'ERR_UNHANDLED_REJECTION'"));
}

#[test]
fn handlers_keep_the_process_alive() {
    let r = run_js(
        "process.on('uncaughtException', (e) => console.log('caught', e.message));\n\
         setTimeout(() => console.log('after'), 1);\nthrow new Error('x');",
    );
    assert_eq!((r.stdout.as_str(), r.code), ("caught x\nafter\n", 0));
}

#[test]
fn exit_event_sees_code_1() {
    let r = run_js("process.on('exit', (c) => console.log('exit', c));\nnull.x;");
    assert_eq!(r.stdout, "exit 1\n");
    assert!(r
        .stderr
        .contains("TypeError: Cannot read properties of null (reading 'x')"));
}

#[test]
fn error_inside_the_exception_handler_exits_7() {
    let r = run_js("process.on('uncaughtException', () => { throw new Error('again') });\nthrow new Error('first');");
    assert_eq!(r.code, 7, "{}", r.stderr);
}
