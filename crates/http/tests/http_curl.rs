//! curl as an independent client (skipped when curl is not installed).

mod common;

use common::{echo, opts, start};

fn curl() -> bool {
    let ok = std::process::Command::new("curl")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    if !ok {
        println!("skipped: curl is not installed");
    }
    ok
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn curl_get_and_chunked_post() {
    if !curl() {
        return;
    }
    let (server, port) = start(opts(), echo).await;
    let url = format!("http://127.0.0.1:{port}/c");
    let out = tokio::task::spawn_blocking(move || {
        let get = std::process::Command::new("curl")
            .args(["-s", "-i", &url])
            .output()
            .unwrap();
        let post = std::process::Command::new("curl")
            .args([
                "-s",
                "-H",
                "Transfer-Encoding: chunked",
                "--data-binary",
                "hello",
                &url,
            ])
            .output()
            .unwrap();
        (get.stdout, post.stdout)
    })
    .await
    .unwrap();
    let get = String::from_utf8_lossy(&out.0);
    assert!(get.starts_with("HTTP/1.1 200 OK\r\n"), "{get}");
    assert!(get.ends_with("GET /c len=0 body= trailers=[]"), "{get}");
    assert_eq!(
        String::from_utf8_lossy(&out.1),
        "POST /c len=5 body=hello trailers=[]"
    );
    server.close();
}
