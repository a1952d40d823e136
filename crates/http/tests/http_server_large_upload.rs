//! A 256 MiB upload streams through the handler chunk by chunk; it never sits in memory.

mod common;

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;

use common::{opts, start};
use node_http::{IncomingMessage, ServerResponse};
use tokio::io::{AsyncReadExt, AsyncWriteExt};

const TOTAL: usize = 256 * 1024 * 1024;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn large_upload_is_streamed() {
    let largest = Arc::new(AtomicUsize::new(0));
    let chunks = Arc::new(AtomicUsize::new(0));
    let (l, c) = (largest.clone(), chunks.clone());
    let h = move |mut req: IncomingMessage, mut res: ServerResponse| {
        let (l, c) = (l.clone(), c.clone());
        async move {
            let mut n = 0usize;
            while let Some(chunk) = req.read().await.unwrap() {
                n += chunk.len();
                l.fetch_max(chunk.len(), Ordering::Relaxed);
                c.fetch_add(1, Ordering::Relaxed);
            }
            res.end(Some(n.to_string().as_bytes())).await.unwrap();
        }
    };
    let (server, port) = start(opts(), h).await;
    let mut s = node_net::Socket::connect(port, "127.0.0.1").await.unwrap();
    let head = format!(
        "POST /big HTTP/1.1\r\nHost: a\r\nContent-Length: {TOTAL}\r\nConnection: close\r\n\r\n"
    );
    s.write_all(head.as_bytes()).await.unwrap();
    let block = vec![7u8; 1024 * 1024];
    for _ in 0..TOTAL / block.len() {
        s.write_all(&block).await.unwrap();
    }
    let mut resp = String::new();
    s.read_to_string(&mut resp).await.unwrap();
    assert!(resp.ends_with(&format!("\r\n\r\n{TOTAL}")), "{resp}");
    // Chunks are bounded by the 64 KiB read buffer, so the body was never held whole.
    assert!(largest.load(Ordering::Relaxed) <= 128 * 1024);
    assert!(chunks.load(Ordering::Relaxed) >= TOTAL / (128 * 1024));
    server.close();
}
