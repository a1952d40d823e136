//! The client against hand-written servers: close-delimited bodies, 1xx skipping,
//! hang-ups, timeouts, malformed responses.

use std::time::Duration;

use node_http::{request, AgentChoice, RequestOptions};
use tokio::io::{AsyncReadExt, AsyncWriteExt};

/// Serves one connection: reads a request head, then writes `reply` and closes
/// (or stays silent when `reply` is `None`).
async fn one_shot(reply: Option<&'static [u8]>) -> u16 {
    let l = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let port = l.local_addr().unwrap().port();
    tokio::spawn(async move {
        let (mut s, _) = l.accept().await.unwrap();
        let mut buf = vec![0u8; 4096];
        let mut got = Vec::new();
        while !got.windows(4).any(|w| w == b"\r\n\r\n") {
            let n = s.read(&mut buf).await.unwrap();
            if n == 0 {
                return;
            }
            got.extend_from_slice(&buf[..n]);
        }
        match reply {
            Some(r) => {
                s.write_all(r).await.unwrap();
                s.shutdown().await.unwrap();
            }
            None => tokio::time::sleep(Duration::from_secs(5)).await,
        }
    });
    port
}

fn opts(port: u16) -> RequestOptions {
    RequestOptions {
        host: "127.0.0.1".into(),
        port,
        agent: AgentChoice::None,
        ..Default::default()
    }
}

#[tokio::test]
async fn close_delimited_body_and_1xx() {
    let port = one_shot(Some(
        b"HTTP/1.1 100 Continue\r\n\r\nHTTP/1.0 200 Fine\r\nX-A: 1\r\n\r\nuntil close",
    ))
    .await;
    let mut res = request(opts(port)).unwrap().end(None).await.unwrap();
    assert_eq!((res.status_code(), res.status_message()), (200, "Fine"));
    assert_eq!(res.http_version(), "1.0");
    assert_eq!(&res.body().await.unwrap()[..], b"until close");
    assert!(res.complete());
}

#[tokio::test]
async fn chunked_response_with_trailers() {
    let port = one_shot(Some(
        b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nhi\r\n0\r\nX-Done: yes\r\n\r\n",
    ))
    .await;
    let mut res = request(opts(port)).unwrap().end(None).await.unwrap();
    assert_eq!(&res.body().await.unwrap()[..], b"hi");
    assert_eq!(
        res.trailers().get("x-done").and_then(|v| v.as_str()),
        Some("yes")
    );
}

#[tokio::test]
async fn truncated_body_is_aborted() {
    let port = one_shot(Some(b"HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nshort")).await;
    let mut res = request(opts(port)).unwrap().end(None).await.unwrap();
    let err = res.body().await.unwrap_err();
    assert_eq!(err.code(), "ECONNRESET");
    assert!(res.aborted());
}

#[tokio::test]
async fn hang_up_and_bad_response() {
    let port = one_shot(Some(b"")).await;
    let err = request(opts(port)).unwrap().end(None).await.unwrap_err();
    assert_eq!(err.code(), "ECONNRESET");
    assert_eq!(err.to_string(), "Error: socket hang up"); // as node prints it
    let port = one_shot(Some(b"HTTP/1.1 200 OK\nBare: lf\n\n")).await;
    let err = request(opts(port)).unwrap().end(None).await.unwrap_err();
    assert_eq!(err.code(), "HPE_LF_EXPECTED");
}

#[tokio::test]
async fn timeout_waiting_for_the_head() {
    let port = one_shot(None).await;
    let mut o = opts(port);
    o.timeout = Some(Duration::from_millis(100));
    let err = request(o).unwrap().end(None).await.unwrap_err();
    assert_eq!(err.code(), "ETIMEDOUT");
}
