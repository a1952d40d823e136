//! The client against the crate's own server: GET/POST, chunked bodies, agent pooling,
//! connection errors.

mod common;

use common::{echo, opts, start};
use node_http::{request, Agent, AgentChoice, AgentOptions, RequestOptions};

fn to(port: u16, method: &str, path: &str) -> RequestOptions {
    RequestOptions {
        host: "127.0.0.1".into(),
        port,
        method: method.into(),
        path: path.into(),
        ..Default::default()
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn get_and_post() {
    let (server, port) = start(opts(), echo).await;
    let mut res = node_http::get(&format!("http://127.0.0.1:{port}/x?y=1"))
        .await
        .unwrap();
    assert_eq!(res.status_code(), 200);
    assert_eq!(res.status_message(), "OK");
    assert_eq!(res.http_version(), "1.1");
    assert_eq!(
        res.headers().get("connection").and_then(|v| v.as_str()),
        Some("keep-alive")
    );
    assert_eq!(
        &res.body().await.unwrap()[..],
        b"GET /x?y=1 len=0 body= trailers=[]"
    );
    assert!(res.complete());

    let mut req = request(to(port, "POST", "/p")).unwrap();
    req.write(b"abc").await.unwrap();
    req.add_trailers(&[("X-T".into(), "1".into())]).unwrap();
    let mut res = req.end(Some(b"def")).await.unwrap();
    assert_eq!(
        &res.body().await.unwrap()[..],
        br#"POST /p len=6 body=abcdef trailers=["X-T", "1"]"#
    );
    server.close();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn agent_reuses_sockets() {
    let (server, port) = start(opts(), echo).await;
    let agent = Agent::new(AgentOptions {
        max_sockets: Some(1),
        ..Default::default()
    });
    for i in 0..3 {
        let mut o = to(port, "GET", &format!("/{i}"));
        o.agent = AgentChoice::Agent(agent.clone());
        let mut res = request(o).unwrap().end(None).await.unwrap();
        res.body().await.unwrap();
        assert_eq!(agent.free_sockets(&format!("127.0.0.1:{port}")), 1);
    }
    assert_eq!(server.get_connections(), 1);
    agent.destroy();
    assert_eq!(agent.free_sockets(&format!("127.0.0.1:{port}")), 0);
    server.close();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn no_agent_sends_connection_close() {
    let (server, port) = start(opts(), echo).await;
    let mut o = to(port, "PUT", "/");
    o.agent = AgentChoice::None;
    let mut res = request(o).unwrap().end(Some(b"xyz")).await.unwrap();
    assert_eq!(
        res.headers().get("connection").and_then(|v| v.as_str()),
        Some("close")
    );
    assert_eq!(
        &res.body().await.unwrap()[..],
        b"PUT / len=3 body=xyz trailers=[]"
    );
    server.close();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn connection_refused_has_node_message() {
    let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = l.local_addr().unwrap().port();
    drop(l);
    let err = request(to(port, "GET", "/"))
        .unwrap()
        .end(None)
        .await
        .unwrap_err();
    assert_eq!(err.code(), "ECONNREFUSED");
    assert_eq!(
        err.to_string(),
        format!("Error: connect ECONNREFUSED 127.0.0.1:{port}")
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn hyper_client_oracle_agrees() {
    use http_body_util::{BodyExt, Full};
    use hyper::body::Bytes;
    let (server, port) = start(opts(), echo).await;
    let stream = tokio::net::TcpStream::connect(("127.0.0.1", port))
        .await
        .unwrap();
    let (mut send, conn) =
        hyper::client::conn::http1::handshake(hyper_util::rt::TokioIo::new(stream))
            .await
            .unwrap();
    tokio::spawn(conn);
    for i in 0..3 {
        let req = hyper::Request::post(format!("/h{i}"))
            .header("host", "x")
            .body(Full::new(Bytes::from_static(b"payload")))
            .unwrap();
        send.ready().await.unwrap();
        let res = send.send_request(req).await.unwrap();
        assert_eq!(res.status(), 200);
        assert_eq!(res.headers()["connection"], "keep-alive");
        assert_eq!(res.headers()["keep-alive"], "timeout=5");
        assert!(res.headers().contains_key("date"));
        let body = res.into_body().collect().await.unwrap().to_bytes();
        assert_eq!(
            &body[..],
            format!("POST /h{i} len=7 body=payload trailers=[]").as_bytes()
        );
    }
    server.close();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn client_upgrade_hands_over_the_socket() {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    struct Up;
    impl node_http::Handler for Up {
        async fn request(&self, req: node_http::IncomingMessage, res: node_http::ServerResponse) {
            echo(req, res).await;
        }
        fn handles_upgrade(&self) -> bool {
            true
        }
        async fn upgrade(&self, _req: node_http::IncomingMessage, up: node_http::Upgraded) {
            let mut s = up.socket;
            s.write_all(b"HTTP/1.1 101 Switching Protocols\r\nUpgrade: echo\r\nConnection: Upgrade\r\n\r\nwelcome|")
                .await
                .unwrap();
            let mut buf = [0u8; 4];
            s.read_exact(&mut buf).await.unwrap();
            s.write_all(&buf).await.unwrap();
        }
    }
    let (server, port) = start(opts(), Up).await;
    let mut o = to(port, "GET", "/ws");
    o.headers = vec![
        ("Connection".into(), "Upgrade".into()),
        ("Upgrade".into(), "echo".into()),
    ];
    let res = request(o).unwrap().end(None).await.unwrap();
    assert_eq!(res.status_code(), 101);
    let up = res.into_upgraded().unwrap();
    let mut socket = up.socket;
    let mut early = up.head.to_vec();
    socket.write_all(b"ping").await.unwrap();
    let mut rest = vec![0u8; 8 + 4 - early.len()];
    socket.read_exact(&mut rest).await.unwrap();
    early.extend_from_slice(&rest);
    assert_eq!(early, b"welcome|ping");
    server.close();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn expect_continue_on_the_client() {
    struct Picky;
    impl node_http::Handler for Picky {
        async fn request(&self, req: node_http::IncomingMessage, res: node_http::ServerResponse) {
            echo(req, res).await;
        }
        fn handles_check_continue(&self) -> bool {
            true
        }
        async fn check_continue(
            &self,
            req: node_http::IncomingMessage,
            mut res: node_http::ServerResponse,
        ) {
            if req.url() == "/ok" {
                res.write_continue().await.unwrap();
                echo(req, res).await;
            } else {
                res.set_status_code(413);
                res.end(None).await.unwrap();
            }
        }
    }
    let (server, port) = start(opts(), Picky).await;
    for (path, want_continue, status) in [("/ok", true, 200), ("/big", false, 413)] {
        let mut o = to(port, "PUT", path);
        o.agent = AgentChoice::None;
        let mut req = request(o).unwrap();
        req.set_header("Expect", "100-continue").unwrap();
        assert_eq!(req.continued().await.unwrap(), want_continue);
        if want_continue {
            req.write(b"body").await.unwrap();
        }
        let mut res = req.end(None).await.unwrap();
        assert_eq!(res.status_code(), status);
        let body = res.body().await.unwrap();
        if want_continue {
            assert_eq!(&body[..], b"PUT /ok len=4 body=body trailers=[]");
        }
    }
    server.close();
}
