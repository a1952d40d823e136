//! The IPC channel: JSON lines across a real child, and fds over SCM_RIGHTS.

use std::os::fd::AsRawFd;

use node_child_process::{spawn, IpcChannel, LineDecoder, SpawnOptions, Stdio};

#[tokio::test(flavor = "current_thread")]
async fn child_echoes_json_lines_on_fd3() {
    let opts = SpawnOptions {
        stdio: vec![Stdio::Ignore, Stdio::Inherit, Stdio::Inherit, Stdio::Ipc],
        ..Default::default()
    };
    // The child's fd 3 is the socket: `cat` copies what it reads back to it.
    let mut c = spawn("sh", &["-c".into(), "cat <&3 >&3".into()], opts).unwrap();
    let (mut r, mut w) = c.take_ipc().unwrap().into_split();
    w.send(r#"{"n":1}"#).await.unwrap();
    w.send(r#"{"n":2}"#).await.unwrap();
    assert_eq!(r.recv().await.unwrap().as_deref(), Some(r#"{"n":1}"#));
    assert_eq!(r.recv().await.unwrap().as_deref(), Some(r#"{"n":2}"#));
    w.close().await.unwrap();
    assert_eq!(r.recv().await.unwrap(), None);
    c.wait().await.unwrap();
}

#[tokio::test(flavor = "current_thread")]
async fn fds_travel_with_a_message() {
    let (a, b) = IpcChannel::pair().unwrap();
    let (_ra, mut wa) = a.into_split();
    let file = std::fs::File::open("/dev/null").unwrap();
    wa.send_with_fds(r#"{"cmd":"NODE_HANDLE"}"#, &[file.as_raw_fd()])
        .await
        .unwrap();
    let mut buf = [0u8; 64];
    let (n, fds) = loop {
        match node_child_process::recv_with_fds(b.as_raw_fd(), &mut buf) {
            Err(e) if e.kind() == std::io::ErrorKind::WouldBlock => {
                tokio::time::sleep(std::time::Duration::from_millis(1)).await
            }
            r => break r.unwrap(),
        }
    };
    assert_eq!(fds.len(), 1);
    let mut d = LineDecoder::default();
    assert_eq!(
        d.push(&buf[..n]),
        vec![r#"{"cmd":"NODE_HANDLE"}"#.to_string()]
    );
}
