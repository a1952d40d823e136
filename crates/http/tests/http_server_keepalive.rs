//! Keep-alive, pipelining (responses in request order), HTTP/1.0, HEAD/204/304 and the
//! default response head.

mod common;

use common::{echo, no_date, opts, raw, start};
use node_http::{IncomingMessage, ServerResponse};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn pipelined_requests_answer_in_order() {
    let (server, port) = start(opts(), echo).await;
    let got = raw(
        port,
        b"GET /1 HTTP/1.1\r\nHost: a\r\n\r\nPOST /2 HTTP/1.1\r\nHost: a\r\nContent-Length: 3\r\n\r\nabcGET /3 HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n",
    )
    .await;
    let text = no_date(&got);
    let expect = concat!(
        "HTTP/1.1 200 OK\r\nConnection: keep-alive\r\nKeep-Alive: timeout=5\r\nContent-Length: 30\r\n\r\nGET /1 len=0 body= trailers=[]",
        "HTTP/1.1 200 OK\r\nConnection: keep-alive\r\nKeep-Alive: timeout=5\r\nContent-Length: 34\r\n\r\nPOST /2 len=3 body=abc trailers=[]",
        "HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 30\r\n\r\nGET /3 len=0 body= trailers=[]",
    );
    assert_eq!(text, expect);
    server.close();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn unread_bodies_are_dumped_between_requests() {
    let ignore = |_req: IncomingMessage, mut res: ServerResponse| async move {
        let _ = res.end(Some(b"x")).await;
    };
    let (server, port) = start(opts(), ignore).await;
    let got = raw(
        port,
        b"POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\nGET / HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n",
    )
    .await;
    assert_eq!(no_date(&got).matches("HTTP/1.1 200 OK").count(), 2);
    server.close();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn http10_closes_and_head_has_no_body() {
    let (server, port) = start(opts(), echo).await;
    let got = no_date(&raw(port, b"GET / HTTP/1.0\r\n\r\n").await);
    assert_eq!(
        got,
        "HTTP/1.1 200 OK\r\nConnection: close\r\n\r\nGET / len=0 body= trailers=[]"
    );
    let got = no_date(
        &raw(
            port,
            b"HEAD / HTTP/1.1\r\nHost: h\r\nConnection: close\r\n\r\n",
        )
        .await,
    );
    assert_eq!(got, "HTTP/1.1 200 OK\r\nConnection: close\r\n\r\n");
    server.close();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn no_body_statuses() {
    let h = |req: IncomingMessage, mut res: ServerResponse| async move {
        let code = req.url()[1..].parse().unwrap();
        res.set_status_code(code);
        let _ = res.end(Some(b"ignored")).await;
    };
    let (server, port) = start(opts(), h).await;
    for code in ["204 No Content", "304 Not Modified"] {
        let req = format!(
            "GET /{} HTTP/1.1\r\nHost: h\r\nConnection: close\r\n\r\n",
            &code[..3]
        );
        let got = no_date(&raw(port, req.as_bytes()).await);
        assert_eq!(got, format!("HTTP/1.1 {code}\r\nConnection: close\r\n\r\n"));
    }
    server.close();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn keep_alive_timeout_closes_idle_connection() {
    let mut o = opts();
    o.keep_alive_timeout = std::time::Duration::from_millis(100);
    let (server, port) = start(o, echo).await;
    // raw() reads until the server closes: the idle timeout ends it.
    let got = no_date(&raw(port, b"GET / HTTP/1.1\r\nHost: h\r\n\r\n").await);
    assert!(
        got.starts_with("HTTP/1.1 200 OK\r\nConnection: keep-alive\r\nKeep-Alive: timeout=0\r\n")
            || got.starts_with("HTTP/1.1 200 OK\r\nConnection: keep-alive\r\n"),
        "{got}"
    );
    assert!(got.ends_with("GET / len=0 body= trailers=[]"));
    server.close();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn close_idle_connections_and_counts() {
    let (server, port) = start(opts(), echo).await;
    let s2 = server.clone();
    let got = tokio::task::spawn_blocking(move || {
        use std::io::{Read, Write};
        let mut s = std::net::TcpStream::connect(("127.0.0.1", port)).unwrap();
        s.write_all(b"GET / HTTP/1.1\r\nHost: h\r\n\r\n").unwrap();
        let mut buf = [0u8; 4096];
        let n = s.read(&mut buf).unwrap();
        assert!(n > 0);
        let rt = tokio::runtime::Handle::current();
        assert_eq!(s2.get_connections(), 1);
        rt.block_on(async {
            tokio::time::sleep(std::time::Duration::from_millis(50)).await;
        });
        s2.close_idle_connections();
        // The server closes: read sees EOF.
        s.set_read_timeout(Some(std::time::Duration::from_secs(3)))
            .unwrap();
        s.read(&mut buf).unwrap_or(1)
    })
    .await
    .unwrap();
    assert_eq!(got, 0);
    server.close();
    server.closed().await;
    assert_eq!(server.get_connections(), 0);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn request_knows_the_peer() {
    let h = |req: IncomingMessage, mut res: ServerResponse| async move {
        let peer = format!("{:?} {}", req.remote_address(), req.remote_port().is_some());
        let _ = res.end(Some(peer.as_bytes())).await;
    };
    let (server, port) = start(opts(), h).await;
    let got = no_date(
        &raw(
            port,
            b"GET / HTTP/1.1\r\nHost: h\r\nConnection: close\r\n\r\n",
        )
        .await,
    );
    assert!(got.ends_with("Some(\"127.0.0.1\") true"), "{got}");
    server.close();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn max_connections_closes_excess() {
    let (server, port) = start(opts(), echo).await;
    server.set_max_connections(Some(1));
    let s2 = server.clone();
    let (first, second) = tokio::task::spawn_blocking(move || {
        use std::io::{Read, Write};
        let mut a = std::net::TcpStream::connect(("127.0.0.1", port)).unwrap();
        a.write_all(b"GET / HTTP/1.1\r\nHost: h\r\n\r\n").unwrap();
        let mut buf = [0u8; 4096];
        let n = a.read(&mut buf).unwrap();
        assert_eq!(s2.get_connections(), 1);
        // The second connection is accepted and closed without an answer.
        let second = common::raw_blocking(
            port,
            b"GET / HTTP/1.1\r\nHost: h\r\n\r\n",
            std::time::Duration::from_secs(5),
        );
        (n, second)
    })
    .await
    .unwrap();
    assert!(first > 0);
    assert!(second.is_empty());
    server.close();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_body_read_after_the_response_is_not_dumped() {
    // The handler answers first and reads the upload afterwards in another task: the
    // connection waits for that reader (Node's `_consuming`) before the next request.
    let h = |mut req: IncomingMessage, mut res: ServerResponse| async move {
        tokio::spawn(async move {
            let first = req.read().await.unwrap();
            res.end(Some(b"early")).await.unwrap();
            let mut n = first.map_or(0, |b| b.len());
            while let Some(b) = req.read().await.unwrap() {
                n += b.len();
            }
            assert_eq!(n, 6);
        });
    };
    let (server, port) = start(opts(), h).await;
    let got = no_date(
        &raw(
            port,
            b"POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 6\r\n\r\nabcdefPOST / HTTP/1.1\r\nHost: h\r\nContent-Length: 2\r\nConnection: close\r\n\r\nxy",
        )
        .await,
    );
    assert_eq!(got.matches("early").count(), 2, "{got}");
    server.close();
}
