//! Chunked coding in and out, trailers, write_head with raw arrays.

mod common;

use common::{echo, no_date, opts, raw, raw_until, start};
use node_http::{IncomingMessage, ServerResponse, WriteHeadHeaders};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn chunked_upload_with_trailers() {
    let (server, port) = start(opts(), echo).await;
    let got = no_date(
        &raw(
            port,
            b"POST /up HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n3;ext=1\r\nabc\r\nA\r\n0123456789\r\n0\r\nX-Sum: 42\r\nx-sum: 43\r\n\r\n",
        )
        .await,
    );
    assert!(
        got.ends_with(
            r#"POST /up len=13 body=abc0123456789 trailers=["X-Sum", "42", "x-sum", "43"]"#
        ),
        "{got}"
    );
    server.close();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn chunked_download_with_trailers() {
    let h = |_req: IncomingMessage, mut res: ServerResponse| async move {
        res.set_header("Content-Type", "text/plain").unwrap();
        res.write(b"hello ").await.unwrap();
        res.add_trailers(&[("X-Trailer".into(), "done".into())])
            .unwrap();
        res.end(Some(b"world")).await.unwrap();
    };
    let (server, port) = start(opts(), h).await;
    let got = no_date(
        &raw(
            port,
            b"GET / HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n",
        )
        .await,
    );
    assert_eq!(
        got,
        "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nConnection: close\r\nTransfer-Encoding: chunked\r\n\r\n6\r\nhello \r\n5\r\nworld\r\n0\r\nX-Trailer: done\r\n\r\n"
    );
    server.close();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn write_head_raw_array_and_end_after_write_head_is_chunked() {
    let h = |_req: IncomingMessage, mut res: ServerResponse| async move {
        res.set_header("X-A", "old").unwrap();
        res.set_header("X-B", "b").unwrap();
        res.write_head(
            201,
            Some("Made"),
            WriteHeadHeaders::Raw(vec!["X-A".into(), "1".into(), "x-a".into(), "2".into()]),
        )
        .unwrap();
        assert_eq!(
            res.set_header("X-C", "c").unwrap_err().code(),
            "ERR_HTTP_HEADERS_SENT"
        );
        res.end(Some(b"ok")).await.unwrap();
    };
    let (server, port) = start(opts(), h).await;
    let got = no_date(&raw_until(port, b"GET / HTTP/1.1\r\nHost: a\r\n\r\n", b"0\r\n\r\n").await);
    // Node: writeHead stores the head before end(), so the body is chunked.
    assert_eq!(
        got,
        "HTTP/1.1 201 Made\r\nX-B: b\r\nX-A: 1\r\nX-A: 2\r\nConnection: keep-alive\r\nKeep-Alive: timeout=5\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nok\r\n0\r\n\r\n"
    );
    server.close();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn request_headers_keep_case_order_and_node_joining() {
    let h = |req: IncomingMessage, mut res: ServerResponse| async move {
        let h = req.headers();
        let out = format!(
            "{:?}|{:?}|{:?}|{:?}|{:?}|{:?}",
            req.raw_headers().to_flat(),
            h.get("a").and_then(|v| v.as_str()),
            h.get("set-cookie").map(|v| v.to_vec()),
            h.get("content-type").and_then(|v| v.as_str()),
            h.get("cookie").and_then(|v| v.as_str()),
            req.headers_distinct()
                .iter()
                .find(|(k, _)| k == "host")
                .map(|(_, v)| v.clone()),
        );
        res.end(Some(out.as_bytes())).await.unwrap();
    };
    let (server, port) = start(opts(), h).await;
    let got = no_date(
        &raw(
            port,
            b"GET / HTTP/1.1\r\nHost: h1\r\nA: 1\r\na: 2\r\nSet-Cookie: x\r\nset-cookie: y\r\nContent-Type: a\r\ncontent-type: b\r\nCookie: c1\r\nCookie: c2\r\nHost: h2\r\nConnection: close\r\n\r\n",
        )
        .await,
    );
    let body = got.split("\r\n\r\n").nth(1).unwrap();
    assert_eq!(
        body,
        r#"["Host", "h1", "A", "1", "a", "2", "Set-Cookie", "x", "set-cookie", "y", "Content-Type", "a", "content-type", "b", "Cookie", "c1", "Cookie", "c2", "Host", "h2", "Connection", "close"]|Some("1, 2")|Some(["x", "y"])|Some("a")|Some("c1; c2")|Some(["h1", "h2"])"#
    );
    server.close();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn response_api_errors_have_node_codes() {
    let h = |_req: IncomingMessage, mut res: ServerResponse| async move {
        let codes = [
            res.set_header("bad name", "x")
                .unwrap_err()
                .code()
                .to_owned(),
            res.set_header("x", "a\r\nb").unwrap_err().code().to_owned(),
            res.write_head(99, None, WriteHeadHeaders::None)
                .unwrap_err()
                .code()
                .to_owned(),
            res.add_trailers(&[("bad name".into(), "v".into())])
                .unwrap_err()
                .code()
                .to_owned(),
        ];
        res.append_header("Vary", "a").unwrap();
        res.append_header("vary", "b").unwrap();
        assert_eq!(res.get_header("VARY").unwrap().to_vec(), ["a", "b"]);
        assert!(res.has_header("vary"));
        res.remove_header("Vary").unwrap();
        assert!(!res.has_header("vary"));
        assert!(!res.headers_sent());
        res.end(Some(codes.join(",").as_bytes())).await.unwrap();
        assert!(res.headers_sent());
        assert_eq!(
            res.remove_header("x").unwrap_err().code(),
            "ERR_HTTP_HEADERS_SENT"
        );
    };
    let (server, port) = start(opts(), h).await;
    let got = no_date(
        &raw(
            port,
            b"GET / HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n",
        )
        .await,
    );
    assert!(
        got.ends_with("ERR_INVALID_HTTP_TOKEN,ERR_INVALID_CHAR,ERR_HTTP_INVALID_STATUS_CODE,ERR_INVALID_HTTP_TOKEN"),
        "{got}"
    );
    server.close();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn try_write_reports_the_high_water_mark() {
    let h = |_req: IncomingMessage, mut res: ServerResponse| async move {
        let mut results = Vec::new();
        for _ in 0..3 {
            results.push(res.try_write(&[b'x'; 6000]).unwrap());
        }
        assert_eq!(results, [true, true, false]);
        res.drain().await.unwrap();
        assert_eq!(res.writable_length(), 0);
        res.end(None).await.unwrap();
    };
    let (server, port) = start(opts(), h).await;
    let got = no_date(
        &raw(
            port,
            b"GET / HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n",
        )
        .await,
    );
    assert_eq!(got.matches("1770\r\n").count(), 3);
    assert!(got.ends_with("0\r\n\r\n"));
    server.close();
}
