//! Response heads byte for byte as node 20 writes them (recorded with `node -e`).

mod common;

use common::{no_date, opts, raw_until, start};
use node_http::{IncomingMessage, ServerResponse, WriteHeadHeaders};

async fn handler(req: IncomingMessage, mut res: ServerResponse) {
    match req.url() {
        "/a" => {
            res.set_header("X-Foo", "1").unwrap();
            res.set_status_code(404);
            res.end(Some(b"nope")).await.unwrap();
        }
        "/b" => {
            res.write_head(
                200,
                None,
                WriteHeadHeaders::Map(vec![
                    ("Content-Type".into(), "text/plain".into()),
                    ("Content-Length".into(), "2".into()),
                ]),
            )
            .unwrap();
            res.end(Some(b"ok")).await.unwrap();
        }
        "/c" => {
            res.set_header("Connection", "close").unwrap();
            res.end(None).await.unwrap();
        }
        _ => {
            res.write_head(
                200,
                Some("Yay"),
                WriteHeadHeaders::Raw(vec![
                    "Set-Cookie".into(),
                    "a".into(),
                    "Set-Cookie".into(),
                    "b".into(),
                ]),
            )
            .unwrap();
            res.end(None).await.unwrap();
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn heads_match_node() {
    let (server, port) = start(opts(), handler).await;
    let cases: [(&str, &str, &[u8]); 4] = [
        (
            "/a",
            "HTTP/1.1 404 Not Found\r\nX-Foo: 1\r\nConnection: keep-alive\r\nKeep-Alive: timeout=5\r\nContent-Length: 4\r\n\r\nnope",
            b"nope",
        ),
        (
            "/b",
            "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 2\r\nConnection: keep-alive\r\nKeep-Alive: timeout=5\r\n\r\nok",
            b"ok",
        ),
        (
            "/c",
            "HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 0\r\n\r\n",
            b"\r\n\r\n",
        ),
        (
            "/d",
            "HTTP/1.1 200 Yay\r\nSet-Cookie: a\r\nSet-Cookie: b\r\nConnection: keep-alive\r\nKeep-Alive: timeout=5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n",
            b"0\r\n\r\n",
        ),
    ];
    for (path, want, end) in cases {
        let req = format!("GET {path} HTTP/1.1\r\nHost: h\r\n\r\n");
        let got = raw_until(port, req.as_bytes(), end).await;
        assert_eq!(no_date(&got), want, "{path}");
        assert!(String::from_utf8_lossy(&got).contains("\r\nDate: "));
    }
    server.close();
}
