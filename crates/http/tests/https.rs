//! HTTP over TLS: node-http's server and client on a TLS stream, fixture certificates.

use node_http::{
    create_server_with, IncomingMessage, RequestOptions, ServerOptions, ServerResponse,
};
use node_net::tls;

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(format!(
        "{}/../../tests/fixtures/tls/{name}",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap()
}

fn server_tls() -> tls::ServerConfig {
    tls::ServerOptions {
        cert: Some(fixture("server.pem")),
        key: Some(fixture("server-key.pem")),
        ..Default::default()
    }
    .build()
    .unwrap()
}

#[derive(Clone, Default)]
struct Errors(std::sync::Arc<std::sync::Mutex<Vec<String>>>);

struct Echo(Errors);

impl node_http::Handler for Echo {
    async fn request(&self, mut req: IncomingMessage, mut res: ServerResponse) {
        let body = req.body().await.unwrap_or_default();
        let _ = res
            .end(Some(&[req.url().as_bytes(), b" ", &body].concat()))
            .await;
    }

    fn tls_client_error(&self, err: node_net::Error) {
        self.0 .0.lock().unwrap().push(err.code().to_owned());
    }
}

async fn start(errors: Errors) -> (node_http::Server<Echo>, u16) {
    let server = create_server_with(
        ServerOptions {
            tls: Some(server_tls()),
            ..Default::default()
        },
        Echo(errors),
    );
    let addr = server
        .listen(node_net::ListenOptions::port(0).host("127.0.0.1"))
        .await
        .unwrap();
    let port = addr.as_inet().unwrap().port;
    (server, port)
}

#[tokio::test]
async fn request_over_tls_with_a_trusted_ca() {
    let (server, port) = start(Errors::default()).await;
    let client = tls::ClientOptions {
        ca: Some(vec![fixture("ca.pem")]),
        ..Default::default()
    }
    .build()
    .unwrap();
    for i in 0..2 {
        let mut req = node_http::request(RequestOptions {
            port,
            host: "localhost".into(),
            method: "POST".into(),
            path: format!("/n{i}"),
            tls: Some(client.clone()),
            ..Default::default()
        })
        .unwrap();
        req.write(b"secret").await.unwrap();
        let mut res = req.end(None).await.unwrap();
        assert_eq!(res.status_code(), 200);
        assert_eq!(
            &res.body().await.unwrap()[..],
            format!("/n{i} secret").as_bytes()
        );
    }
    server.close();
}

#[tokio::test]
async fn untrusted_server_fails_the_request_and_the_server_sees_it() {
    let errors = Errors::default();
    let (server, port) = start(errors.clone()).await;
    let url = format!("https://localhost:{port}/");
    let err = node_http::get(&url).await.unwrap_err();
    assert_eq!(err.code(), "UNABLE_TO_VERIFY_LEAF_SIGNATURE");
    for _ in 0..100 {
        if !errors.0.lock().unwrap().is_empty() {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(5)).await;
    }
    assert_eq!(errors.0.lock().unwrap().len(), 1);
    server.close();
}
