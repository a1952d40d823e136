//! process events, exit codes and output flushing.

mod common;
use common::{nrt_in, run_js};

#[test]
fn exit_code_and_events() {
    let r = run_js(
        "process.on('beforeExit', (c) => console.log('beforeExit', c));\n\
         process.on('exit', (c) => console.log('exit', c));\nprocess.exitCode = 4;",
    );
    assert_eq!((r.stdout.as_str(), r.code), ("beforeExit 4\nexit 4\n", 4));
}

#[test]
fn process_exit_keeps_all_output() {
    let r = run_js("for (let i = 0; i < 5000; i++) console.log(i);\nprocess.exit(3);");
    assert_eq!(r.code, 3);
    assert_eq!(r.stdout.lines().count(), 5000);
}

#[test]
fn tick_and_microtask_order() {
    let r = run_js(
        "setTimeout(() => console.log('timeout'));\n\
         Promise.resolve().then(() => console.log('micro'));\n\
         process.nextTick(() => console.log('tick'));\nconsole.log('sync');",
    );
    assert_eq!(r.stdout, "sync\ntick\nmicro\ntimeout\n");
}

#[test]
fn stdin_is_readable() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("main.js"),
        "let s = ''; process.stdin.setEncoding('utf8');\n\
         process.stdin.on('data', (d) => s += d).on('end', () => console.log(s.toUpperCase()));",
    )
    .unwrap();
    let r = nrt_in(dir.path(), &["main.js"], "abc\n");
    assert_eq!(r.stdout, "ABC\n\n");
}

#[test]
fn stdin_stops_reading_while_its_stream_is_full() {
    // Nobody reads for a while: the reader thread must stop near the highWaterMark instead
    // of buffering the whole input; then everything still arrives.
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("main.js"),
        "const s = process.stdin; let n = 0;\n\
         s.on('readable', function first() {\n\
           s.removeListener('readable', first);\n\
           setTimeout(() => {\n\
             console.log('bounded', s.readableLength <= 2 * s.readableHighWaterMark);\n\
             s.on('data', (d) => { n += d.length; });\n\
             s.on('end', () => console.log('total', n));\n\
             s.resume();\n\
           }, 200);\n\
         });",
    )
    .unwrap();
    let input = "x".repeat(2_000_000);
    let r = nrt_in(dir.path(), &["main.js"], &input);
    assert_eq!(r.stdout, "bounded true\ntotal 2000000\n", "{}", r.stderr);
}
