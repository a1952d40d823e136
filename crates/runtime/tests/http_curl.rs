//! The http binding driven by a real client: `nrt` runs a server script and `curl` checks
//! keep-alive, chunked upload and download, and `Expect: 100-continue`. Without curl on
//! PATH the test prints why it is skipped.

use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};

const SERVER: &str = r#"
const http = require('http');
const server = http.createServer((req, res) => {
  if (req.url === '/chunked') {
    res.writeHead(200, { 'Content-Type': 'text/plain' });
    res.write('one,');
    setTimeout(() => { res.write('two,'); res.end('three'); }, 5);
    return;
  }
  let n = 0;
  req.on('data', (c) => { n += c.length; });
  req.on('end', () => res.end(`${req.method} ${req.url} ${n} ${req.headers['transfer-encoding'] || '-'}`));
});
server.listen(0, '127.0.0.1', () => console.log(server.address().port));
"#;

/// The server process, killed on drop.
struct Server(Child);

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn curl(args: &[&str]) -> (String, String) {
    let out = Command::new("curl")
        .args(["-s", "--max-time", "10"])
        .args(args)
        .output()
        .expect("run curl");
    assert!(out.status.success(), "curl {args:?} failed: {out:?}");
    (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn curl_drives_the_server() {
    if Command::new("curl").arg("--version").output().is_err() {
        println!("skipped: curl is not on PATH (install curl to run this test)");
        return;
    }
    let dir = tempfile::tempdir().expect("tempdir");
    let script = dir.path().join("server.js");
    std::fs::write(&script, SERVER).expect("write script");
    let upload = dir.path().join("upload.bin");
    std::fs::write(&upload, vec![b'x'; 1 << 20]).expect("write upload");
    let mut child = Command::new(env!("CARGO_BIN_EXE_nrt"))
        .arg(&script)
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .expect("spawn nrt");
    let stdout = child.stdout.take().expect("stdout");
    let _server = Server(child);
    let mut line = String::new();
    BufReader::new(stdout)
        .read_line(&mut line)
        .expect("read port");
    let port: u16 = line.trim().parse().expect("port number");
    let base = format!("http://127.0.0.1:{port}");
    let file = format!("@{}", upload.display());

    // Keep-alive: the second transfer reuses the first connection.
    let (out, _) = curl(&[
        "-w",
        " connects=%{num_connects}\n",
        &format!("{base}/a"),
        &format!("{base}/b"),
    ]);
    assert_eq!(out, "GET /a 0 - connects=1\nGET /b 0 - connects=0\n");

    // Chunked upload of 1 MiB.
    let (out, _) = curl(&[
        "-H",
        "Transfer-Encoding: chunked",
        "--data-binary",
        &file,
        &format!("{base}/up"),
    ]);
    assert_eq!(out, "POST /up 1048576 chunked");

    // Expect: 100-continue is answered before the body is sent.
    let (out, err) = curl(&[
        "-v",
        "-H",
        "Expect: 100-continue",
        "--data-binary",
        &file,
        &format!("{base}/cont"),
    ]);
    assert_eq!(out, "POST /cont 1048576 -");
    assert!(err.contains("HTTP/1.1 100 Continue"), "{err}");

    // Chunked download, with its framing.
    let (out, _) = curl(&["--raw", "-i", &format!("{base}/chunked")]);
    assert!(out.contains("Transfer-Encoding: chunked\r\n"), "{out}");
    assert!(
        out.ends_with("\r\n\r\n4\r\none,\r\n4\r\ntwo,\r\n5\r\nthree\r\n0\r\n\r\n"),
        "{out}"
    );
    let (out, _) = curl(&[&format!("{base}/chunked")]);
    assert_eq!(out, "one,two,three");
}
