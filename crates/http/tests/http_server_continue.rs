//! `Expect: 100-continue`, upgrades and CONNECT, and head timeouts.

mod common;

use std::time::Duration;

use common::{echo, no_date, opts, raw, start};
use node_http::{Handler, IncomingMessage, ServerResponse, Upgraded};
use tokio::io::AsyncWriteExt;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn automatic_100_continue() {
    let (server, port) = start(opts(), echo).await;
    let got = no_date(
        &raw(
            port,
            b"PUT /c HTTP/1.1\r\nHost: h\r\nExpect: 100-continue\r\nContent-Length: 2\r\nConnection: close\r\n\r\nab",
        )
        .await,
    );
    assert!(
        got.starts_with("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200 OK\r\n"),
        "{got}"
    );
    assert!(got.ends_with("PUT /c len=2 body=ab trailers=[]"));
    server.close();
}

struct Custom;

impl Handler for Custom {
    async fn request(&self, req: IncomingMessage, res: ServerResponse) {
        echo(req, res).await;
    }
    fn handles_check_continue(&self) -> bool {
        true
    }
    async fn check_continue(&self, _req: IncomingMessage, mut res: ServerResponse) {
        res.set_status_code(417);
        let _ = res.end(None).await;
    }
    fn handles_upgrade(&self) -> bool {
        true
    }
    async fn upgrade(&self, req: IncomingMessage, up: Upgraded) {
        let Upgraded { mut socket, head } = up;
        let mut msg =
            format!("HTTP/1.1 101 Switching Protocols\r\n\r\n{}|", req.url()).into_bytes();
        msg.extend_from_slice(&head);
        socket.write_all(&msg).await.unwrap();
        socket.end().await.unwrap();
    }
    fn handles_connect(&self) -> bool {
        true
    }
    async fn connect(&self, req: IncomingMessage, up: Upgraded) {
        let mut socket = up.socket;
        let msg = format!("HTTP/1.1 200 Connection Established\r\n\r\n{}", req.url());
        socket.write_all(msg.as_bytes()).await.unwrap();
        socket.end().await.unwrap();
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn check_continue_hook_replaces_automatic_100() {
    let (server, port) = start(opts(), Custom).await;
    let got = no_date(
        &raw(
            port,
            b"PUT / HTTP/1.1\r\nHost: h\r\nExpect: 100-continue\r\nContent-Length: 2\r\nConnection: close\r\n\r\n",
        )
        .await,
    );
    assert_eq!(
        got,
        "HTTP/1.1 417 Expectation Failed\r\nConnection: close\r\nContent-Length: 0\r\n\r\n"
    );
    server.close();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn upgrade_hands_over_socket_and_head() {
    let (server, port) = start(opts(), Custom).await;
    let got = raw(
        port,
        b"GET /ws HTTP/1.1\r\nHost: h\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\r\nEARLYhello",
    )
    .await;
    // "hello" may land in the head or be read after; either way it is echoed once read.
    let text = String::from_utf8_lossy(&got);
    assert!(
        text.starts_with("HTTP/1.1 101 Switching Protocols\r\n\r\n/ws|EARLY"),
        "{text}"
    );
    assert!(text.ends_with("hello"), "{text}");
    let got = raw(
        port,
        b"CONNECT example.com:443 HTTP/1.1\r\nHost: example.com:443\r\n\r\n",
    )
    .await;
    assert_eq!(
        String::from_utf8_lossy(&got),
        "HTTP/1.1 200 Connection Established\r\n\r\nexample.com:443"
    );
    server.close();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn connect_without_handler_closes() {
    let (server, port) = start(opts(), echo).await;
    let got = raw(port, b"CONNECT a:1 HTTP/1.1\r\nHost: a\r\n\r\n").await;
    assert!(got.is_empty());
    server.close();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn slow_head_gets_408() {
    let mut o = opts();
    o.headers_timeout = Some(Duration::from_millis(150));
    let (server, port) = start(o, echo).await;
    let got = raw(port, b"GET / HTTP/1.1\r\nHost: a\r\n").await;
    assert_eq!(
        &got[..],
        b"HTTP/1.1 408 Request Timeout\r\nConnection: close\r\n\r\n"
    );
    server.close();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn slow_body_gets_408() {
    let mut o = opts();
    o.request_timeout = Some(Duration::from_millis(200));
    let (server, port) = start(o, echo).await;
    let got = raw(
        port,
        b"POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\n\r\nab",
    )
    .await;
    assert_eq!(
        &got[..],
        b"HTTP/1.1 408 Request Timeout\r\nConnection: close\r\n\r\n"
    );
    server.close();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn response_set_timeout_destroys_an_idle_connection() {
    let h = |req: IncomingMessage, mut res: ServerResponse| async move {
        res.set_timeout(Some(Duration::from_millis(100)));
        // The client never sends the promised body: the connection goes idle.
        let mut req = req;
        let _ = req.body().await;
        let _ = res.end(Some(b"late")).await;
    };
    let (server, port) = start(opts(), h).await;
    let got = raw(
        port,
        b"POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\n\r\nab",
    )
    .await;
    assert!(got.is_empty(), "{}", String::from_utf8_lossy(&got));
    server.close();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn unknown_expectation_gets_417() {
    let (server, port) = start(opts(), echo).await;
    let got = no_date(
        &raw(
            port,
            b"GET / HTTP/1.1\r\nHost: h\r\nExpect: foo\r\nConnection: close\r\n\r\n",
        )
        .await,
    );
    assert_eq!(
        got,
        "HTTP/1.1 417 Expectation Failed\r\nConnection: close\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n"
    );
    server.close();
}
