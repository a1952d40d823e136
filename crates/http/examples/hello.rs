//! Hello-world server: `cargo run --release -p node-http --example hello` (PORT, default 3000).

use node_http::{create_server, IncomingMessage, ServerResponse};

#[tokio::main]
async fn main() -> node_http::Result<()> {
    let port = std::env::var("PORT")
        .ok()
        .and_then(|p| p.parse().ok())
        .unwrap_or(3000);
    let server = create_server(
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
