//! Protocol fidelity of cluster with node: an nrt primary serves round-robin through node
//! workers, and a node primary through nrt workers (queryServer, newconn handles and
//! acks, listening, disconnect). Without `node` on PATH the tests print why they are
//! skipped.

use std::process::Command;

// The primary forks `process.execPath`, so setting it picks the workers' runtime.
const APP: &str = r#"
const cluster = require('cluster');
const net = require('net');
if (cluster.isPrimary) {
  process.execPath = process.argv[2];
  const ports = [];
  cluster.on('listening', (w, a) => {
    ports.push(a.port);
    if (ports.length === 2) run();
  });
  cluster.fork();
  cluster.fork();
  async function run() {
    const counts = {};
    for (let i = 0; i < 6; i++) {
      const who = await new Promise((resolve) => {
        let d = '';
        net.connect(ports[0], '127.0.0.1')
          .on('data', (x) => { d += x; })
          .on('end', () => resolve(d));
      });
      counts[who] = (counts[who] || 0) + 1;
    }
    console.log(ports[0] === ports[1], JSON.stringify(Object.entries(counts).sort()));
    cluster.on('exit', (w, code, signal) => console.log('exit', w.id, code, signal));
    cluster.disconnect(() => console.log('disconnected'));
  }
} else {
  const from = typeof process.versions.nrt === 'string' ? 'nrt' : 'node';
  net.createServer((s) => s.end(`${from} worker ${cluster.worker.id}`)).listen(0);
}
"#;

fn have_node() -> bool {
    Command::new("node")
        .arg("--version")
        .output()
        .map(|o| o.status.success())
        .unwrap_or(false)
}

fn run(primary: &str, workers: &str) -> String {
    let dir = tempfile::tempdir().expect("temp dir");
    let app = dir.path().join("app.js");
    std::fs::write(&app, APP).expect("write app");
    let out = Command::new(primary)
        .arg(&app)
        .arg(workers)
        .output()
        .expect("run primary");
    assert!(out.status.success(), "{out:?}");
    let text = String::from_utf8(out.stdout).expect("utf-8");
    // The two exits may come in either order.
    let mut lines: Vec<&str> = text.lines().collect();
    lines.sort_unstable();
    lines.join("\n")
}

fn expected(from: &str) -> String {
    let mut lines = [
        format!("true [[\"{from} worker 1\",3],[\"{from} worker 2\",3]]"),
        "disconnected".to_string(),
        "exit 1 0 null".to_string(),
        "exit 2 0 null".to_string(),
    ];
    lines.sort_unstable();
    lines.join("\n")
}

#[test]
fn nrt_primary_node_workers() {
    if !have_node() {
        println!("skipped: node is not on PATH");
        return;
    }
    assert_eq!(run(env!("CARGO_BIN_EXE_nrt"), "node"), expected("node"));
}

#[test]
fn node_primary_nrt_workers() {
    if !have_node() {
        println!("skipped: node is not on PATH");
        return;
    }
    assert_eq!(run("node", env!("CARGO_BIN_EXE_nrt")), expected("nrt"));
}
