//! A UDP echo round trip through the public API, IPv4 and IPv6, with a second socket
//! sharing the port under `reuse_addr`.

use node_net::{UdpBindOptions, UdpSocket};

async fn echo_once(bind: &str) {
    let opts = UdpBindOptions::default();
    let server = UdpSocket::bind(bind.parse().unwrap(), &opts).unwrap();
    let client = UdpSocket::bind(bind.parse().unwrap(), &opts).unwrap();
    let port = server.address().unwrap().port;
    let mut to = bind.parse::<std::net::SocketAddr>().unwrap();
    to.set_port(port);
    client.connect(to).unwrap();
    client.send(b"marco").await.unwrap();
    let mut buf = [0u8; 64];
    let (n, from) = server.recv_from(&mut buf).await.unwrap();
    assert_eq!(&buf[..n], b"marco");
    server.send_to(b"polo", from).await.unwrap();
    let (n, back) = client.recv_from(&mut buf).await.unwrap();
    assert_eq!((&buf[..n], back), (&b"polo"[..], to));
    assert_eq!(client.remote_address().unwrap().port, port);
}

#[tokio::test(flavor = "current_thread")]
async fn echo_over_ipv4() {
    echo_once("127.0.0.1:0").await;
}

#[tokio::test(flavor = "current_thread")]
async fn echo_over_ipv6() {
    echo_once("[::1]:0").await;
}

#[tokio::test(flavor = "current_thread")]
async fn bind_errors_carry_address_and_port() {
    let a = UdpSocket::bind("127.0.0.1:0".parse().unwrap(), &UdpBindOptions::default()).unwrap();
    let port = a.address().unwrap().port;
    let taken = format!("127.0.0.1:{port}").parse().unwrap();
    let err = UdpSocket::bind(taken, &UdpBindOptions::default()).unwrap_err();
    assert_eq!(err.code(), "EADDRINUSE");
    assert_eq!(
        err.to_string(),
        format!("Error: bind EADDRINUSE 127.0.0.1:{port}")
    );
}
