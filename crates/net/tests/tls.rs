//! TLS client and server over loopback sockets with the fixture certificates.

use node_net::tls::{self, ClientOptions, ServerOptions, TlsVersion};
use node_net::{ListenOptions, Server, Socket};
use tokio::io::{AsyncReadExt, AsyncWriteExt};

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(format!(
        "{}/../../tests/fixtures/tls/{name}",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap()
}

fn server(cert: &str, key: &str) -> ServerOptions {
    ServerOptions {
        cert: Some(fixture(cert)),
        key: Some(fixture(key)),
        alpn_protocols: vec![b"h2".to_vec(), b"http/1.1".to_vec()],
        ..Default::default()
    }
}

fn with_ca() -> ClientOptions {
    ClientOptions {
        ca: Some(vec![fixture("ca.pem")]),
        ..Default::default()
    }
}

/// Connects a client with `client` to a server with `server`; the client's result and
/// the server's.
async fn pair(
    server: ServerOptions,
    client: ClientOptions,
    host: &str,
) -> (node_net::Result<Socket>, node_net::Result<Socket>) {
    let scfg = server.build().unwrap();
    let ccfg = client.build().unwrap();
    let listener = Server::listen(ListenOptions::port(0).host("127.0.0.1"))
        .await
        .unwrap();
    let port = listener.address().unwrap().as_inet().unwrap().port;
    tokio::join!(
        async {
            let s = Socket::connect(port, "127.0.0.1").await?;
            tls::connect(s, &ccfg, host).await
        },
        async { tls::accept(listener.accept().await?, &scfg).await },
    )
}

#[tokio::test]
async fn trusted_ca_and_data_both_ways() {
    let (c, s) = pair(
        server("server.pem", "server-key.pem"),
        with_ca(),
        "localhost",
    )
    .await;
    let (mut c, mut s) = (c.unwrap(), s.unwrap());
    let session = c.tls_session().unwrap();
    assert!(session.authorized);
    assert_eq!(session.protocol, Some("TLSv1.3"));
    assert_eq!(
        session.cipher.as_ref().unwrap().name,
        "TLS_AES_256_GCM_SHA384"
    );
    assert_eq!(session.alpn_protocol, None);
    let leaf = tls::PeerCertificate::parse(&session.peer_certificates[0]).unwrap();
    assert_eq!(leaf.subject_value("CN"), Some("localhost"));
    assert_eq!(
        s.tls_session().unwrap().servername.as_deref(),
        Some("localhost")
    );
    c.write_all(b"ping").await.unwrap();
    let mut buf = [0u8; 4];
    s.read_exact(&mut buf).await.unwrap();
    assert_eq!(&buf, b"ping");
    s.write_all(b"pong").await.unwrap();
    s.shutdown().await.unwrap();
    let mut got = Vec::new();
    c.read_to_end(&mut got).await.unwrap();
    assert_eq!(got, b"pong");
    // Counters see the application bytes.
    assert_eq!(c.bytes_written(), 4);
}

#[tokio::test]
async fn ip_host_matches_ip_altname() {
    let (c, _s) = pair(
        server("server.pem", "server-key.pem"),
        with_ca(),
        "127.0.0.1",
    )
    .await;
    assert!(c.unwrap().tls_session().unwrap().authorized);
}

async fn rejected(cert: &str, key: &str, client: ClientOptions, host: &str) -> (String, String) {
    let (c, _s) = pair(server(cert, key), client, host).await;
    let e = c.unwrap_err();
    let node_net::Error::Node(n) = &e else {
        panic!("{e:?}")
    };
    (n.code().to_owned(), n.message())
}

#[tokio::test]
async fn verify_codes_match_node() {
    let plain = ClientOptions::default;
    assert_eq!(
        rejected("server.pem", "server-key.pem", plain(), "localhost").await,
        (
            "UNABLE_TO_VERIFY_LEAF_SIGNATURE".into(),
            "unable to verify the first certificate".into()
        )
    );
    assert_eq!(
        rejected(
            "self-signed.pem",
            "self-signed-key.pem",
            plain(),
            "localhost"
        )
        .await,
        (
            "DEPTH_ZERO_SELF_SIGNED_CERT".into(),
            "self-signed certificate".into()
        )
    );
    assert_eq!(
        rejected("server-chain.pem", "server-key.pem", plain(), "localhost")
            .await
            .0,
        "SELF_SIGNED_CERT_IN_CHAIN"
    );
    assert_eq!(
        rejected("expired.pem", "expired-key.pem", with_ca(), "localhost").await,
        ("CERT_HAS_EXPIRED".into(), "certificate has expired".into())
    );
    let (code, msg) = rejected("server.pem", "server-key.pem", with_ca(), "foo.test").await;
    assert_eq!(code, "ERR_TLS_CERT_ALTNAME_INVALID");
    assert_eq!(
        msg,
        "Hostname/IP does not match certificate's altnames: Host: foo.test. is not in the cert's altnames: DNS:localhost, IP Address:127.0.0.1"
    );
}

#[tokio::test]
async fn unauthorized_is_recorded_when_not_rejected() {
    let lax = ClientOptions {
        reject_unauthorized: false,
        ..Default::default()
    };
    let (c, _s) = pair(
        server("self-signed.pem", "self-signed-key.pem"),
        lax.clone(),
        "localhost",
    )
    .await;
    let session = c.unwrap().tls_session().unwrap();
    assert!(!session.authorized);
    assert_eq!(
        session.authorization_error.as_deref(),
        Some("DEPTH_ZERO_SELF_SIGNED_CERT")
    );
    let lax_ca = ClientOptions {
        reject_unauthorized: false,
        ..with_ca()
    };
    let (c, _s) = pair(server("server.pem", "server-key.pem"), lax_ca, "foo.test").await;
    let session = c.unwrap().tls_session().unwrap();
    assert_eq!(
        session.authorization_error.as_deref(),
        Some("ERR_TLS_CERT_ALTNAME_INVALID")
    );
}

#[tokio::test]
async fn alpn_and_versions() {
    let client = ClientOptions {
        alpn_protocols: vec![b"http/1.1".to_vec()],
        max_version: TlsVersion::V1_2,
        ..with_ca()
    };
    let (c, s) = pair(server("server.pem", "server-key.pem"), client, "localhost").await;
    let session = c.unwrap().tls_session().unwrap();
    assert_eq!(session.alpn_protocol.as_deref(), Some(&b"http/1.1"[..]));
    assert_eq!(session.protocol, Some("TLSv1.2"));
    assert_eq!(
        session.cipher.as_ref().unwrap().name,
        "ECDHE-RSA-AES256-GCM-SHA384"
    );
    assert_eq!(s.unwrap().tls_session().unwrap().protocol, Some("TLSv1.2"));
}

#[tokio::test]
async fn client_certificates() {
    let srv = ServerOptions {
        request_cert: true,
        reject_unauthorized: false,
        ca: Some(vec![fixture("ca.pem")]),
        ..server("server.pem", "server-key.pem")
    };
    let client = ClientOptions {
        cert: Some(fixture("client.pem")),
        key: Some(fixture("client-key.pem")),
        ..with_ca()
    };
    let (c, s) = pair(srv.clone(), client, "localhost").await;
    c.unwrap();
    let session = s.unwrap().tls_session().unwrap();
    assert!(session.authorized);
    assert_eq!(session.peer_certificates.len(), 1);
    let (c, s) = pair(srv, with_ca(), "localhost").await;
    c.unwrap();
    let session = s.unwrap().tls_session().unwrap();
    assert!(!session.authorized && session.peer_certificates.is_empty());
}

#[test]
fn bad_material_errors() {
    let e = ServerOptions {
        cert: Some(b"nope".to_vec()),
        key: Some(fixture("server-key.pem")),
        ..Default::default()
    }
    .build()
    .unwrap_err();
    assert_eq!(e.code(), "ERR_OSSL_PEM_NO_START_LINE");
    let e = ServerOptions {
        cert: Some(fixture("server.pem")),
        key: Some(b"nope".to_vec()),
        ..Default::default()
    }
    .build()
    .unwrap_err();
    assert_eq!(e.code(), "ERR_OSSL_UNSUPPORTED");
    let e = ServerOptions {
        cert: Some(fixture("server.pem")),
        key: Some(fixture("client-key.pem")),
        ..Default::default()
    }
    .build()
    .unwrap_err();
    assert_eq!(e.code(), "ERR_OSSL_X509_KEY_VALUES_MISMATCH");
}

#[tokio::test]
async fn a_self_signed_certificate_given_as_ca_is_trusted() {
    let client = ClientOptions {
        ca: Some(vec![fixture("self-signed.pem")]),
        ..Default::default()
    };
    let (c, _s) = pair(
        server("self-signed.pem", "self-signed-key.pem"),
        client,
        "localhost",
    )
    .await;
    assert!(c.unwrap().tls_session().unwrap().authorized);
}
