//! Helpers shared by the HTTP integration tests.
#![allow(dead_code, unreachable_pub)]

use std::io::{Read, Write};
use std::net::TcpStream;
use std::time::Duration;

use node_http::{
    create_server_with, Handler, IncomingMessage, Server, ServerOptions, ServerResponse,
};

/// Starts `handler` on 127.0.0.1:0 and returns the server and its port.
pub async fn start<H: Handler>(opts: ServerOptions, handler: H) -> (Server<H>, u16) {
    let server = create_server_with(opts, handler);
    let addr = server
        .listen(node_net::ListenOptions::port(0).host("127.0.0.1"))
        .await
        .unwrap();
    let port = addr.as_inet().unwrap().port;
    (server, port)
}

/// Sends raw bytes and returns everything the server sends until it closes (or 3 s of
/// silence). Runs on a blocking thread so the server keeps running.
pub async fn raw(port: u16, bytes: &[u8]) -> Vec<u8> {
    let bytes = bytes.to_vec();
    tokio::task::spawn_blocking(move || raw_blocking(port, &bytes, Duration::from_secs(3)))
        .await
        .unwrap()
}

/// Like [`raw`], but stops as soon as the received bytes end with `suffix` (for
/// responses on connections the server keeps open).
pub async fn raw_until(port: u16, bytes: &[u8], suffix: &'static [u8]) -> Vec<u8> {
    let bytes = bytes.to_vec();
    tokio::task::spawn_blocking(move || {
        let mut s = TcpStream::connect(("127.0.0.1", port)).unwrap();
        s.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
        s.write_all(&bytes).unwrap();
        let mut out = Vec::new();
        let mut buf = [0u8; 65536];
        while !out.ends_with(suffix) {
            match s.read(&mut buf) {
                Ok(0) | Err(_) => break,
                Ok(n) => out.extend_from_slice(&buf[..n]),
            }
        }
        out
    })
    .await
    .unwrap()
}

pub fn raw_blocking(port: u16, bytes: &[u8], idle: Duration) -> Vec<u8> {
    let mut s = TcpStream::connect(("127.0.0.1", port)).unwrap();
    s.set_read_timeout(Some(idle)).unwrap();
    let _ = s.write_all(bytes);
    let mut out = Vec::new();
    let mut buf = [0u8; 65536];
    loop {
        match s.read(&mut buf) {
            Ok(0) | Err(_) => break,
            Ok(n) => out.extend_from_slice(&buf[..n]),
        }
    }
    out
}

/// Reads the body and answers `method url len=N trailers=[..]`; on a body error the
/// response is dropped so the server answers the error itself.
pub async fn echo(mut req: IncomingMessage, mut res: ServerResponse) {
    let mut n = 0usize;
    let mut body = Vec::new();
    loop {
        match req.read().await {
            Ok(Some(chunk)) => {
                n += chunk.len();
                if body.len() < 1024 {
                    body.extend_from_slice(&chunk);
                }
            }
            Ok(None) => break,
            Err(_) => return,
        }
    }
    let trailers: Vec<String> = req.raw_trailers().map(|t| t.to_flat()).unwrap_or_default();
    let text = format!(
        "{} {} len={} body={} trailers={:?}",
        req.method(),
        req.url(),
        n,
        String::from_utf8_lossy(&body),
        trailers
    );
    let _ = res.end(Some(text.as_bytes())).await;
}

/// Strips `Date: …\r\n` lines so responses can be compared byte for byte.
pub fn no_date(resp: &[u8]) -> String {
    let s = String::from_utf8_lossy(resp).into_owned();
    s.split("\r\n")
        .filter(|l| !l.starts_with("Date: "))
        .collect::<Vec<_>>()
        .join("\r\n")
}

pub fn opts() -> ServerOptions {
    ServerOptions::default()
}
