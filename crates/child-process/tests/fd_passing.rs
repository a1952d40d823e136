//! A connection's descriptor passed over an IPC channel (what a cluster primary does in
//! round-robin mode) still talks to the same client on the receiving side.

use std::io::{Read, Write};
use std::os::fd::AsRawFd;

use node_child_process::IpcChannel;

#[tokio::test(flavor = "current_thread")]
async fn a_passed_connection_reaches_the_same_client() {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let mut client = std::net::TcpStream::connect(listener.local_addr().unwrap()).unwrap();
    let (accepted, _) = listener.accept().unwrap();

    let (primary, worker) = IpcChannel::pair().unwrap();
    let (_pr, mut pw) = primary.into_split();
    let (mut wr, _ww) = worker.into_split();
    let msg =
        r#"{"cmd":"NODE_HANDLE","type":"net.Native","msg":{"cmd":"NODE_CLUSTER","act":"newconn"}}"#;
    pw.send_with_fds(msg, &[accepted.as_raw_fd()])
        .await
        .unwrap();
    pw.send(r#"{"after":true}"#).await.unwrap();
    // The primary's copy can go at once: the worker has its own.
    drop(accepted);

    let mut lines = Vec::new();
    let mut fds = Vec::new();
    while lines.len() < 2 {
        let (l, f) = wr.recv_batch_with_fds().await.unwrap();
        assert!(!l.is_empty(), "channel closed early");
        lines.extend(l);
        fds.extend(f);
    }
    assert_eq!(
        lines,
        vec![msg.to_string(), r#"{"after":true}"#.to_string()]
    );
    assert_eq!(fds.len(), 1);

    let mut conn = std::net::TcpStream::from(fds.pop().unwrap());
    conn.write_all(b"from the worker").unwrap();
    drop(conn);
    let mut got = String::new();
    client.read_to_string(&mut got).unwrap();
    assert_eq!(got, "from the worker");
}

#[tokio::test(flavor = "current_thread")]
async fn descriptors_of_several_messages_keep_their_order() {
    let (a, b) = IpcChannel::pair().unwrap();
    let (_ar, mut aw) = a.into_split();
    let (mut br, _bw) = b.into_split();
    let f1 = std::fs::File::open("/dev/null").unwrap();
    let (s1, _s2) = std::os::unix::net::UnixStream::pair().unwrap();
    aw.send_with_fds(r#"{"n":1}"#, &[f1.as_raw_fd()])
        .await
        .unwrap();
    aw.send_with_fds(r#"{"n":2}"#, &[s1.as_raw_fd()])
        .await
        .unwrap();
    drop(aw);
    let mut fds = Vec::new();
    loop {
        let (l, f) = br.recv_batch_with_fds().await.unwrap();
        fds.extend(f);
        if l.is_empty() {
            break;
        }
    }
    assert_eq!(fds.len(), 2);
    // The second is the socket: getsockname works on it only.
    let sock = socket_kind(&fds[1]);
    assert!(sock && !socket_kind(&fds[0]));
}

fn socket_kind(fd: &std::os::fd::OwnedFd) -> bool {
    let mut ty: libc::c_int = 0;
    let mut len = std::mem::size_of::<libc::c_int>() as libc::socklen_t;
    // SAFETY: a valid fd and an out-parameter of the right size.
    let r = unsafe {
        libc::getsockopt(
            fd.as_raw_fd(),
            libc::SOL_SOCKET,
            libc::SO_TYPE,
            (&mut ty as *mut libc::c_int).cast(),
            &mut len,
        )
    };
    r == 0
}
