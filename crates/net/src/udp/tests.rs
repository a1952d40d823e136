use std::net::SocketAddr;

use super::*;
use crate::UdpBindOptions;

fn local() -> SocketAddr {
    "127.0.0.1:0".parse().unwrap()
}

fn at(s: &UdpSocket) -> SocketAddr {
    format!("127.0.0.1:{}", s.address().unwrap().port)
        .parse()
        .unwrap()
}

#[tokio::test(flavor = "current_thread")]
async fn connected_socket_sends_without_address_and_hears_only_its_peer() {
    let opts = UdpBindOptions::default();
    let a = UdpSocket::bind(local(), &opts).unwrap();
    let b = UdpSocket::bind(local(), &opts).unwrap();
    let stranger = UdpSocket::bind(local(), &opts).unwrap();
    b.connect(at(&a)).unwrap();
    a.connect(at(&b)).unwrap();
    stranger.send_to(b"noise", at(&a)).await.unwrap();
    assert_eq!(b.send(b"hi").await.unwrap(), 2);
    let mut buf = [0u8; 8];
    let (n, from) = a.recv_from(&mut buf).await.unwrap();
    assert_eq!((&buf[..n], from), (&b"hi"[..], at(&b)));
}

#[tokio::test(flavor = "current_thread")]
async fn reuse_addr_lets_two_sockets_share_a_port() {
    let opts = UdpBindOptions {
        reuse_addr: true,
        ..Default::default()
    };
    let a = UdpSocket::bind(local(), &opts).unwrap();
    let again = UdpSocket::bind(at(&a), &opts).unwrap();
    assert_eq!(again.address().unwrap().port, a.address().unwrap().port);
    let plain = UdpSocket::bind(at(&a), &UdpBindOptions::default()).unwrap_err();
    assert_eq!(plain.code(), "EADDRINUSE");
    match plain {
        Error::System(e) => {
            assert_eq!(e.syscall(), "bind");
            assert_eq!(e.port(), Some(a.address().unwrap().port));
        }
        other => panic!("{other:?}"),
    }
}

#[tokio::test(flavor = "current_thread")]
async fn empty_datagrams_travel() {
    let opts = UdpBindOptions::default();
    let a = UdpSocket::bind(local(), &opts).unwrap();
    let b = UdpSocket::bind(local(), &opts).unwrap();
    assert_eq!(b.send_to(b"", at(&a)).await.unwrap(), 0);
    let mut buf = [0u8; 8];
    assert_eq!(a.recv_from(&mut buf).await.unwrap().0, 0);
}

#[tokio::test(flavor = "current_thread")]
async fn option_errors_name_nodes_method() {
    let s = UdpSocket::bind(local(), &UdpBindOptions::default()).unwrap();
    let e = s.set_multicast_interface("::1").unwrap_err();
    assert_eq!(e.code(), "ENOPROTOOPT");
    let Error::System(e) = s.set_multicast_interface("").unwrap_err() else {
        panic!()
    };
    assert_eq!(e.message(), "setMulticastInterface EINVAL");
    assert_eq!(s.set_ttl(256).unwrap_err().code(), "EINVAL");
    assert_eq!(s.remote_address().unwrap_err().code(), "ENOTCONN");
}

#[tokio::test(flavor = "current_thread")]
async fn ipv6_only_socket_reports_ipv6() {
    let opts = UdpBindOptions {
        ipv6_only: true,
        ..Default::default()
    };
    let s = UdpSocket::bind("[::]:0".parse().unwrap(), &opts).unwrap();
    assert!(s.is_ipv6());
    assert_eq!(s.address().unwrap().family, "IPv6");
    s.set_ttl(10).unwrap();
    s.set_multicast_ttl(3).unwrap();
    s.set_multicast_interface("::%1").unwrap();
    s.set_multicast_loopback(true).unwrap();
}

#[tokio::test(flavor = "current_thread")]
async fn ipv6_source_specific_membership_joins_and_leaves() {
    let s = UdpSocket::bind("[::]:0".parse().unwrap(), &UdpBindOptions::default()).unwrap();
    // A second leave finds no membership: proof the first join and leave reached the kernel.
    match s.add_source_specific_membership("::1", "ff3e::1234", Some("::%1")) {
        Ok(()) => {
            s.drop_source_specific_membership("::1", "ff3e::1234", Some("::%1"))
                .unwrap();
            let again = s.drop_source_specific_membership("::1", "ff3e::1234", Some("::%1"));
            assert!(again.is_err());
        }
        // Kernels without IPv6 multicast on lo refuse the join itself.
        Err(e) => assert_ne!(e.code(), "ERR_NOT_IMPLEMENTED"),
    }
    let bad = s
        .add_source_specific_membership("::1", "nope", None)
        .unwrap_err();
    assert_eq!(bad.code(), "EINVAL");
}

#[tokio::test(flavor = "current_thread")]
async fn a_refusal_on_a_connected_socket_is_a_receive_error() {
    let opts = UdpBindOptions::default();
    let closed = UdpSocket::bind(local(), &opts).unwrap();
    let to = at(&closed);
    drop(closed);
    let s = UdpSocket::bind(local(), &opts).unwrap();
    s.connect(to).unwrap();
    s.send(b"anyone?").await.unwrap();
    let mut buf = [0u8; 8];
    let err = tokio::time::timeout(std::time::Duration::from_secs(5), s.recv_from(&mut buf))
        .await
        .expect("the refusal arrives")
        .unwrap_err();
    assert_eq!(err.code(), "ECONNREFUSED");
    let Error::System(e) = err else { panic!() };
    assert_eq!(e.message(), "recvmsg ECONNREFUSED");
}
