//! Wire compatibility of the fork channel with node: nrt forks `node`, and node forks
//! `nrt`; both sides exchange JSON messages and disconnect. Without `node` on PATH the
//! tests print why they are skipped.

use std::process::Command;

const CHILD: &str = r#"
process.on('message', (m) => {
  process.send({ got: m, from: typeof process.versions.nrt === 'string' ? 'nrt' : 'node' });
});
"#;

const PARENT: &str = r#"
const { fork } = require('child_process');
const c = fork(process.argv[2], [], { execPath: process.argv[3] });
c.on('message', (m) => {
  console.log(JSON.stringify(m));
  c.disconnect();
});
c.on('exit', (code, signal) => console.log('exit', code, signal));
c.send({ n: 1, s: 'two\nlines', list: [true, null] });
"#;

fn have_node() -> bool {
    Command::new("node")
        .arg("--version")
        .output()
        .map(|o| o.status.success())
        .unwrap_or(false)
}

fn run(parent_runtime: &str, child_runtime: &str) -> String {
    let dir = tempfile::tempdir().expect("temp dir");
    let child = dir.path().join("child.js");
    let parent = dir.path().join("parent.js");
    std::fs::write(&child, CHILD).expect("write child");
    std::fs::write(&parent, PARENT).expect("write parent");
    let out = Command::new(parent_runtime)
        .arg(&parent)
        .arg(&child)
        .arg(child_runtime)
        .output()
        .expect("run parent");
    assert!(out.status.success(), "{out:?}");
    String::from_utf8(out.stdout).expect("utf-8")
}

const EXPECTED: &str = "{\"got\":{\"n\":1,\"s\":\"two\\nlines\",\"list\":[true,null]},\"from\":\"FROM\"}\nexit 0 null\n";

#[test]
fn nrt_forks_node() {
    if !have_node() {
        println!("skipped: node is not on PATH");
        return;
    }
    let got = run(env!("CARGO_BIN_EXE_nrt"), "node");
    assert_eq!(got, EXPECTED.replace("FROM", "node"));
}

#[test]
fn node_forks_nrt() {
    if !have_node() {
        println!("skipped: node is not on PATH");
        return;
    }
    let got = run("node", env!("CARGO_BIN_EXE_nrt"));
    assert_eq!(got, EXPECTED.replace("FROM", "nrt"));
}
