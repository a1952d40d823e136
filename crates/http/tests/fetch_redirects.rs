//! `node_http::fetch` against a local server: redirects, method rewriting, header
//! stripping across origins, content decoding, streamed bodies and network errors.

use bytes::Bytes;
use node_http::{
    create_server, fetch, FetchBody, FetchRequest, IncomingMessage, RedirectMode, ServerResponse,
};
use node_streams::zlib;

/// Answers each path: `/to?N` redirects with status N to `/echo`, `/loop` to itself,
/// `/far` to the same server as `localhost`, `/gz`, `/br`, `/deflate`, `/raw` are
/// encoded bodies, everything else echoes the method, URL, auth/cookie and body.
async fn handler(mut req: IncomingMessage, mut res: ServerResponse) {
    let url = req.url().to_owned();
    let port = req
        .headers()
        .get("host")
        .and_then(|h| h.as_str())
        .unwrap_or("")
        .to_owned();
    let port = port.rsplit(':').next().unwrap_or("").to_owned();
    let body = req.body().await.unwrap_or_default();
    let redirect = |res: &mut ServerResponse, status: u16, to: &str| {
        res.set_status_code(status);
        res.set_header("Location", to).unwrap();
    };
    let encoded = |res: &mut ServerResponse, coding: &str, data: Vec<u8>| {
        res.set_header("Content-Encoding", coding).unwrap();
        data
    };
    let text = b"hello hello hello".to_vec();
    let out: Vec<u8> = match url.as_str() {
        u if u.starts_with("/to?") => {
            redirect(&mut res, u[4..].parse().unwrap(), "/echo");
            Vec::new()
        }
        "/loop" => {
            redirect(&mut res, 302, "/loop");
            Vec::new()
        }
        "/far" => {
            redirect(&mut res, 307, &format!("http://localhost:{port}/echo"));
            Vec::new()
        }
        "/ftp" => {
            redirect(&mut res, 302, "ftp://x/");
            Vec::new()
        }
        "/gz" => encoded(
            &mut res,
            "gzip",
            zlib::gzip_sync(&text, &Default::default()).unwrap(),
        ),
        "/deflate" => encoded(
            &mut res,
            "deflate",
            zlib::deflate_sync(&text, &Default::default()).unwrap(),
        ),
        "/rawdeflate" => encoded(
            &mut res,
            "deflate",
            zlib::deflate_raw_sync(&text, &Default::default()).unwrap(),
        ),
        "/br" => encoded(
            &mut res,
            "br",
            zlib::brotli_compress_sync(&text, &Default::default()).unwrap(),
        ),
        "/twice" => {
            let inner = zlib::deflate_sync(&text, &Default::default()).unwrap();
            encoded(
                &mut res,
                "deflate, gzip",
                zlib::gzip_sync(&inner, &Default::default()).unwrap(),
            )
        }
        "/unknown" => encoded(&mut res, "zstd", text.clone()),
        "/bad" => encoded(&mut res, "gzip", b"not gzip".to_vec()),
        _ => {
            let h = |n: &str| {
                req.headers()
                    .get(n)
                    .and_then(|v| v.as_str())
                    .unwrap_or("-")
                    .to_owned()
            };
            format!(
                "{} {} auth={} cookie={} type={} body={}",
                req.method(),
                url,
                h("authorization"),
                h("cookie"),
                h("content-type"),
                String::from_utf8_lossy(&body)
            )
            .into_bytes()
        }
    };
    let _ = res.end(Some(&out)).await;
}

async fn text(req: FetchRequest) -> node_http::Result<(u16, bool, String)> {
    let mut res = fetch(req).await?;
    let body = res.bytes().await?;
    Ok((
        res.status(),
        res.redirected(),
        String::from_utf8_lossy(&body).into_owned(),
    ))
}

#[tokio::test(flavor = "current_thread")]
async fn redirects_rewrite_methods_and_strip_credentials() {
    let server = create_server(handler);
    let addr = server
        .listen(node_net::ListenOptions::port(0).host("127.0.0.1"))
        .await
        .unwrap();
    let base = format!("http://127.0.0.1:{}", addr.as_inet().unwrap().port);
    let post = |path: &str| {
        FetchRequest::new("POST", &format!("{base}{path}"))
            .header("content-type", "text/plain")
            .header("authorization", "secret")
            .body("data")
    };
    for (status, expect) in [
        (301, "GET /echo auth=secret cookie=- type=- body="),
        (302, "GET /echo auth=secret cookie=- type=- body="),
        (303, "GET /echo auth=secret cookie=- type=- body="),
        (
            307,
            "POST /echo auth=secret cookie=- type=text/plain body=data",
        ),
        (
            308,
            "POST /echo auth=secret cookie=- type=text/plain body=data",
        ),
    ] {
        let (code, redirected, body) = text(post(&format!("/to?{status}"))).await.unwrap();
        assert_eq!(
            (code, redirected, body.as_str()),
            (200, true, expect),
            "{status}"
        );
    }
    // 303 keeps HEAD; 301 keeps PUT.
    let (_, _, body) = text(FetchRequest::new("PUT", &format!("{base}/to?301")).body("x"))
        .await
        .unwrap();
    assert_eq!(body, "PUT /echo auth=- cookie=- type=- body=x");

    // Cross-origin: authorization and cookie are dropped.
    let req = post("/far").header("cookie", "c=1");
    let mut res = fetch(req).await.unwrap();
    assert!(res.url().starts_with("http://localhost:"));
    assert_eq!(res.url_list().len(), 2);
    let body = res.bytes().await.unwrap();
    assert_eq!(
        &body[..],
        b"POST /echo auth=- cookie=- type=text/plain body=data"
    );

    // Manual returns the redirect; error fails; a loop stops after 20.
    let res = fetch(post("/to?302").redirect(RedirectMode::Manual))
        .await
        .unwrap();
    assert_eq!(
        (res.status(), res.header("location").as_deref()),
        (302, Some("/echo"))
    );
    let err = fetch(post("/to?302").redirect(RedirectMode::Error))
        .await
        .unwrap_err();
    assert_eq!(
        (err.code(), err.to_string().as_str()),
        ("ERR_FETCH_NETWORK", "unexpected redirect")
    );
    let err = fetch(FetchRequest::new("GET", &format!("{base}/loop")))
        .await
        .unwrap_err();
    assert_eq!(err.to_string(), "redirect count exceeded");
    let err = fetch(FetchRequest::new("GET", &format!("{base}/ftp")))
        .await
        .unwrap_err();
    assert_eq!(err.to_string(), "URL scheme must be a HTTP(S) scheme");

    // A streamed body cannot be replayed by a 307, but a 303 drops it.
    let stream = || {
        FetchBody::Stream(Box::pin(futures::stream::iter(vec![
            Bytes::from("a"),
            Bytes::from("b"),
        ])))
    };
    let err = fetch(FetchRequest::new("POST", &format!("{base}/to?307")).body(stream()))
        .await
        .unwrap_err();
    assert_eq!(err.code(), "ERR_FETCH_NETWORK");
    let (_, _, body) = text(FetchRequest::new("POST", &format!("{base}/echo")).body(stream()))
        .await
        .unwrap();
    assert_eq!(body, "POST /echo auth=- cookie=- type=- body=ab");
    server.close();
}

#[tokio::test(flavor = "current_thread")]
async fn bodies_are_decoded() {
    let server = create_server(handler);
    let addr = server
        .listen(node_net::ListenOptions::port(0).host("127.0.0.1"))
        .await
        .unwrap();
    let base = format!("http://127.0.0.1:{}", addr.as_inet().unwrap().port);
    for path in [
        "/gz",
        "/deflate",
        "/rawdeflate",
        "/br",
        "/twice",
        "/unknown",
    ] {
        let (_, _, body) = text(FetchRequest::new("GET", &format!("{base}{path}")))
            .await
            .unwrap();
        assert_eq!(body, "hello hello hello", "{path}");
    }
    let mut res = fetch(FetchRequest::new("GET", &format!("{base}/gz")))
        .await
        .unwrap();
    assert_eq!(res.header("content-encoding").as_deref(), Some("gzip"));
    let _ = res.bytes().await.unwrap();
    let mut res = fetch(FetchRequest::new("GET", &format!("{base}/bad")))
        .await
        .unwrap();
    assert_eq!(res.bytes().await.unwrap_err().code(), "Z_DATA_ERROR");
    server.close();
}

#[tokio::test(flavor = "current_thread")]
async fn network_errors() {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    drop(listener);
    let err = fetch(FetchRequest::new(
        "GET",
        &format!("http://127.0.0.1:{port}/"),
    ))
    .await
    .unwrap_err();
    assert_eq!(err.code(), "ECONNREFUSED");
    let err = fetch(FetchRequest::new("GET", "http://127.0.0.1:1/"))
        .await
        .unwrap_err();
    assert_eq!(err.to_string(), "bad port");
    let err = fetch(FetchRequest::new("GET", "ftp://x/"))
        .await
        .unwrap_err();
    assert_eq!(err.to_string(), "unknown scheme");
    let err = fetch(FetchRequest::new("GET", "not a url"))
        .await
        .unwrap_err();
    assert_eq!(err.code(), "ERR_INVALID_URL");
    let err = fetch(FetchRequest::new("GET", "data:nocomma"))
        .await
        .unwrap_err();
    assert_eq!(err.to_string(), "failed to fetch the data URL");
}
