//! TCP and Unix servers and sockets: addresses, Node's errors, limits, half-close, fds.

use std::time::Duration;

use node_net::{ConnectOptions, ListenOptions, Server, ServerAddress, Socket};
use tokio::io::{AsyncReadExt, AsyncWriteExt};

async fn local() -> (Server, u16) {
    let s = Server::listen(ListenOptions::port(0).host("127.0.0.1"))
        .await
        .unwrap();
    let port = s.address().unwrap().as_inet().unwrap().port;
    (s, port)
}

#[tokio::test]
async fn connect_refused_has_address_and_port() {
    let (s, port) = local().await;
    s.close();
    let err = Socket::connect(port, "127.0.0.1").await.unwrap_err();
    assert_eq!(err.code(), "ECONNREFUSED");
    let node_net::Error::System(sys) = &err else {
        panic!("{err:?}")
    };
    assert_eq!(
        sys.message(),
        format!("connect ECONNREFUSED 127.0.0.1:{port}")
    );
    assert_eq!(
        (sys.address(), sys.port(), sys.errno()),
        (Some("127.0.0.1"), Some(port), -111)
    );
}

#[tokio::test]
async fn listen_in_use_has_node_message() {
    let (_s, port) = local().await;
    let err = Server::listen(ListenOptions::port(port).host("127.0.0.1"))
        .await
        .unwrap_err();
    assert_eq!(err.code(), "EADDRINUSE");
    assert_eq!(
        err.to_string(),
        format!("Error: listen EADDRINUSE: address already in use 127.0.0.1:{port}")
    );
}

#[tokio::test]
async fn ipv6_and_default_host() {
    if let Ok(s) = Server::listen(ListenOptions::port(0).host("::1")).await {
        let a = s.address().unwrap();
        assert_eq!(a.as_inet().unwrap().family, "IPv6");
        assert_eq!(a.as_inet().unwrap().address, "::1");
    }
    let s = Server::listen(ListenOptions::port(0)).await.unwrap();
    let info = s.address().unwrap().as_inet().unwrap().clone();
    // Node binds :: (dual stack) without a host.
    assert!(info.address == "::" || info.address == "0.0.0.0");
    let c = Socket::connect(info.port, "127.0.0.1").await.unwrap();
    assert_eq!(c.remote_address().as_deref(), Some("127.0.0.1"));
}

#[tokio::test]
async fn socket_addresses_and_counters() {
    let (s, port) = local().await;
    let mut c = Socket::connect(port, "127.0.0.1").await.unwrap();
    let mut a = s.accept().await.unwrap();
    assert_eq!(a.local_port(), Some(port));
    assert_eq!(a.remote_port(), c.local_port());
    assert_eq!(c.remote_family(), Some("IPv4"));
    c.set_no_delay(true).unwrap();
    c.set_keep_alive(true, Duration::from_secs(10)).unwrap();
    c.write_all(b"hello").await.unwrap();
    let mut buf = [0u8; 5];
    a.read_exact(&mut buf).await.unwrap();
    assert_eq!((c.bytes_written(), a.bytes_read()), (5, 5));
    assert_eq!(s.get_connections(), 1);
    drop(a);
    assert_eq!(s.get_connections(), 0);
}

#[tokio::test]
async fn half_close_keeps_the_other_direction() {
    let (s, port) = local().await;
    let mut c = Socket::connect_with(ConnectOptions {
        port,
        host: "127.0.0.1".into(),
        allow_half_open: true,
        ..Default::default()
    })
    .await
    .unwrap();
    let mut a = s.accept().await.unwrap();
    a.set_allow_half_open(true);
    c.write_all(b"req").await.unwrap();
    c.end().await.unwrap();
    let mut got = Vec::new();
    a.read_to_end(&mut got).await.unwrap();
    assert_eq!(got, b"req");
    // The accepted side may still write after the peer's end.
    a.write_all(b"reply").await.unwrap();
    a.end().await.unwrap();
    let mut back = Vec::new();
    c.read_to_end(&mut back).await.unwrap();
    assert_eq!(back, b"reply");
}

#[tokio::test]
async fn without_half_open_the_write_side_ends_on_peer_end() {
    let (s, port) = local().await;
    let mut c = Socket::connect(port, "127.0.0.1").await.unwrap();
    let mut a = s.accept().await.unwrap();
    c.end().await.unwrap();
    let mut got = Vec::new();
    a.read_to_end(&mut got).await.unwrap();
    // `a` ended its write side automatically: the client sees EOF.
    let mut back = Vec::new();
    c.read_to_end(&mut back).await.unwrap();
    assert!(back.is_empty());
}

#[tokio::test]
async fn max_connections_closes_excess() {
    let (s, port) = local().await;
    s.set_max_connections(Some(1));
    let _c1 = Socket::connect(port, "127.0.0.1").await.unwrap();
    let first = s.accept().await.unwrap();
    let mut c2 = Socket::connect(port, "127.0.0.1").await.unwrap();
    let accept = tokio::time::timeout(Duration::from_millis(200), s.accept()).await;
    assert!(
        accept.is_err(),
        "the second connection must not be accepted"
    );
    let mut buf = [0u8; 1];
    assert_eq!(c2.read(&mut buf).await.unwrap_or(0), 0);
    drop(first);
    let _c3 = Socket::connect(port, "127.0.0.1").await.unwrap();
    let _third = s.accept().await.unwrap();
}

#[tokio::test]
async fn unix_sockets() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.sock");
    let s = Server::listen(ListenOptions::path(&path)).await.unwrap();
    assert_eq!(
        s.address().unwrap(),
        ServerAddress::Unix(path.to_string_lossy().into())
    );
    let err = Server::listen(ListenOptions::path(&path))
        .await
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        format!(
            "Error: listen EADDRINUSE: address already in use {}",
            path.display()
        )
    );
    let mut c = Socket::connect_with(ConnectOptions {
        path: Some(path.clone()),
        ..Default::default()
    })
    .await
    .unwrap();
    let mut a = s.accept().await.unwrap();
    c.write_all(b"x").await.unwrap();
    let mut b = [0u8; 1];
    a.read_exact(&mut b).await.unwrap();
    assert_eq!(c.remote_port(), None);
    s.close();
    assert!(!path.exists());
    let missing = dir.path().join("missing.sock");
    let err = Socket::connect_with(ConnectOptions {
        path: Some(missing.clone()),
        ..Default::default()
    })
    .await
    .unwrap_err();
    assert_eq!(
        err.to_string(),
        format!("Error: connect ENOENT {}", missing.display())
    );
}

#[tokio::test]
async fn servers_and_sockets_from_fds() {
    let std = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = std.local_addr().unwrap().port();
    let s = Server::from_fd(std.into()).unwrap();
    let c = std::net::TcpStream::connect(("127.0.0.1", port)).unwrap();
    let accepted = s.accept().await.unwrap();
    assert_eq!(accepted.local_port(), Some(port));
    let mut sock = Socket::from_fd(c.into()).unwrap();
    sock.write_all(b"fd").await.unwrap();
    let (mut r, _w) = accepted.into_split();
    let mut b = [0u8; 2];
    r.read_exact(&mut b).await.unwrap();
    assert_eq!(&b, b"fd");
    let (a, _b) = std::os::unix::net::UnixStream::pair().unwrap();
    assert!(Socket::from_fd(a.into()).is_ok());
}

#[tokio::test]
async fn idle_timeout_and_ref_state() {
    let (s, port) = local().await;
    let c = Socket::connect(port, "127.0.0.1").await.unwrap();
    let _a = s.accept().await.unwrap();
    c.set_timeout(Some(Duration::from_millis(20)));
    tokio::time::timeout(Duration::from_secs(5), c.timed_out())
        .await
        .unwrap();
    c.unref();
    assert!(!c.has_ref());
    s.unref();
    assert!(!s.has_ref());
    c.set_timeout(None);
    assert_eq!(c.timeout(), None);
}

#[tokio::test]
async fn connect_binds_local_address_and_filters_family() {
    let (s, port) = local().await;
    let c = Socket::connect_with(ConnectOptions {
        port,
        host: "127.0.0.1".into(),
        local_address: Some("127.0.0.1".into()),
        family: 4,
        ..Default::default()
    })
    .await
    .unwrap();
    let a = s.accept().await.unwrap();
    assert_eq!(c.local_address().as_deref(), Some("127.0.0.1"));
    assert_eq!(a.remote_port(), c.local_port());
    // No IPv6 address for an IPv4 literal: nothing to try.
    let err = Socket::connect_with(ConnectOptions {
        port,
        host: "127.0.0.1".into(),
        family: 6,
        ..Default::default()
    })
    .await
    .unwrap_err();
    assert_eq!(err.code(), "ENOTFOUND");
}
