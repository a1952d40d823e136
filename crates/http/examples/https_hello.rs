//! Hello-world server over TLS with the test certificates:
//! `cargo run --release -p node-http --example https_hello` (PORT, default 3443).

use node_http::{create_server_with, IncomingMessage, ServerOptions, ServerResponse};

#[tokio::main]
async fn main() -> node_http::Result<()> {
    let port = std::env::var("PORT")
        .ok()
        .and_then(|p| p.parse().ok())
        .unwrap_or(3443);
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/fixtures/tls/");
    let read = |f: &str| std::fs::read(format!("{dir}{f}")).expect("fixture");
    let tls = node_net::tls::ServerOptions {
        cert: Some(read("server.pem")),
        key: Some(read("server-key.pem")),
        ..Default::default()
    }
    .build()?;
    let server = create_server_with(
        ServerOptions {
            tls: Some(tls),
            ..Default::default()
        },
        |_req: IncomingMessage, mut res: ServerResponse| async move {
            let _ = res.end(Some(b"hello")).await;
        },
    );
    let addr = server
        .listen(node_net::ListenOptions::port(port).host("127.0.0.1"))
        .await?;
    println!("listening on {addr:?}");
    std::future::pending::<()>().await;
    Ok(())
}
