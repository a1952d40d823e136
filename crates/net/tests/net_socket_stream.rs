//! `Socket::into_duplex`: event orders compared with node v20 (each test quotes the
//! `node` output of the equivalent script).

mod common;

use std::cell::Cell;
use std::rc::Rc;
use std::time::Duration;

use common::*;
use node_net::{ConnectOptions, ListenOptions, Server, Socket, SocketStream};
use node_streams::{Chunk, DuplexOptions, StreamEvent};

const EVENTS: [&str; 5] = ["data", "end", "finish", "close", "error"];

async fn pair(allow_half_open: bool) -> (Server, SocketStream, SocketStream) {
    let server = Server::listen(ListenOptions::port(0).host("127.0.0.1"))
        .await
        .unwrap();
    let port = server.address().unwrap().as_inet().unwrap().port;
    let client = Socket::connect(port, "127.0.0.1").await.unwrap();
    let conn = server.accept().await.unwrap();
    client.set_allow_half_open(allow_half_open);
    conn.set_allow_half_open(allow_half_open);
    (server, client.into_duplex(), conn.into_duplex())
}

fn record(s: &SocketStream) -> Log {
    let l = log();
    for e in EVENTS {
        s.on(e, recorder(&l)).unwrap();
    }
    l
}

#[tokio::test]
async fn echo_then_end_orders() {
    // net.createServer(c => c.on('data', d => c.write(upper(d)))); client.write('ping');
    // client.end()
    // node: client "connect ready finish data:PING end close"
    //       server "data:ping end finish close"
    let (_server, client, conn) = pair(false).await;
    let cl = record(&client);
    let w = conn.writable();
    conn.on("data", move |ev| {
        if let StreamEvent::Data(c) = ev {
            w.write(Chunk::from(text(c).to_uppercase())).unwrap();
        }
    })
    .unwrap();
    let sl = record(&conn);
    client.writable().write("ping".into()).unwrap();
    client.writable().end().unwrap();
    drive_until(|| client.closed() && conn.closed()).await;
    drive_until(|| joined(&cl).ends_with("close") && joined(&sl).ends_with("close")).await;
    assert_eq!(joined(&cl), "finish data:PING end close");
    assert_eq!(joined(&sl), "data:ping end finish close");
    assert_eq!(client.bytes_written(), 4);
    assert_eq!(conn.bytes_read(), 4);
}

#[tokio::test]
async fn half_open_keeps_writing_after_end() {
    // both sides allowHalfOpen; client.end('bye'); server on 'end': write('late'); end('!')
    // node: client "connect ready finish data:late! end close"
    //       server "data:bye end finish close"
    let (_server, client, conn) = pair(true).await;
    assert!(client.allow_half_open());
    let cl = record(&client);
    let sl = record(&conn);
    let w = conn.writable();
    conn.on("end", move |_| {
        w.write("late".into()).unwrap();
        w.end_with(Some("!".into()), |_| {}).unwrap();
    })
    .unwrap();
    client
        .writable()
        .end_with(Some("bye".into()), |_| {})
        .unwrap();
    drive_until(|| joined(&cl).ends_with("close") && joined(&sl).ends_with("close")).await;
    assert_eq!(joined(&cl), "finish data:late! end close");
    assert_eq!(joined(&sl), "data:bye end finish close");
}

#[tokio::test]
async fn peer_reset_is_econnreset_then_close() {
    // server: c.on('data', () => c.resetAndDestroy()); client.write('x')
    // node: client "connect ready error:ECONNRESET close" (syscall 'read')
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let port = listener.local_addr().unwrap().port();
    let client = Socket::connect(port, "127.0.0.1")
        .await
        .unwrap()
        .into_duplex();
    let cl = record(&client);
    let err = Rc::new(std::cell::RefCell::new(None));
    let e2 = err.clone();
    client
        .on("error", move |ev| {
            if let StreamEvent::Error(e) = ev {
                *e2.borrow_mut() = Some(e.clone());
            }
        })
        .unwrap();
    client.writable().write("x".into()).unwrap();
    let (mut peer, _) = listener.accept().await.unwrap();
    let mut one = [0u8; 1];
    tokio::io::AsyncReadExt::read_exact(&mut peer, &mut one)
        .await
        .unwrap();
    socket2::SockRef::from(&peer)
        .set_linger(Some(Duration::ZERO))
        .unwrap();
    drop(peer);
    drive_until(|| client.closed() && joined(&cl).ends_with("close")).await;
    assert_eq!(joined(&cl), "error:ECONNRESET close");
    let e = err.borrow().clone().unwrap();
    assert_eq!(e.code(), "ECONNRESET");
    assert_eq!(e.syscall(), Some("read"));
    assert_eq!(client.errored().unwrap().code(), "ECONNRESET");
}

#[tokio::test]
async fn destroy_closes_and_peer_ends() {
    // client.on('connect', () => client.destroy())
    // node: client "connect ready close"; server "end finish close"
    let (_server, client, conn) = pair(false).await;
    let cl = record(&client);
    let sl = record(&conn);
    client.destroy(None);
    assert!(client.destroyed());
    drive_until(|| joined(&cl).ends_with("close") && joined(&sl).ends_with("close")).await;
    assert_eq!(joined(&cl), "close");
    assert_eq!(joined(&sl), "end finish close");
}

#[tokio::test]
async fn write_returns_false_once_the_kernel_is_full_then_drain() {
    // A write the kernel takes at once completes synchronously and returns true even
    // past highWaterMark (node: s.write(Buffer.alloc(20000)) -> true, no 'drain'); once
    // the peer stops reading, writes queue: `while (s.write(buf));` ends with false,
    // and 'drain' follows when the peer reads.
    // node: "write:true write:false drain"
    let (_server, client, conn) = pair(false).await;
    let l = log();
    let l2 = l.clone();
    client
        .on("drain", move |_| l2.borrow_mut().push("drain".into()))
        .unwrap();
    let w = client.writable();
    let ok = w.write(Chunk::from(vec![0u8; 20_000])).unwrap();
    l.borrow_mut().push(format!("write:{ok}"));
    assert!(!w.writable_need_drain());
    conn.readable().pause();
    let mut sent = 20_000usize;
    loop {
        drive_for(Duration::from_millis(1)).await;
        sent += 64 << 10;
        if !w.write(Chunk::from(vec![1u8; 64 << 10])).unwrap() {
            break;
        }
    }
    l.borrow_mut().push("write:false".into());
    assert!(w.writable_need_drain());
    conn.readable().resume();
    drive_until(|| joined(&l).contains("drain")).await;
    assert_eq!(joined(&l), "write:true write:false drain");
    drive_until(|| conn.bytes_read() as usize == sent).await;
}

#[tokio::test]
async fn paused_socket_stops_reading_from_the_kernel() {
    // A paused socket holds at most highWaterMark (+ one 64 KiB read) in its buffer; the
    // rest stays in the kernel and the writer's queue, then flows once resumed.
    const TOTAL: usize = 24 << 20;
    let (_server, client, conn) = pair(false).await;
    conn.readable().pause();
    let w = client.writable();
    for _ in 0..TOTAL / (64 << 10) {
        w.write(Chunk::from(vec![7u8; 64 << 10])).unwrap();
    }
    let mut last = u64::MAX;
    for _ in 0..20 {
        drive_for(Duration::from_millis(20)).await;
        let now = client.bytes_written();
        if now == last {
            break;
        }
        last = now;
    }
    assert!(
        conn.readable().readable_length()
            <= conn.readable().readable_high_water_mark() + (64 << 10)
    );
    assert!((conn.bytes_read() as usize) < TOTAL);
    assert!(w.writable_length() > 0);
    let got = Rc::new(Cell::new(0usize));
    let g = got.clone();
    conn.on("data", move |ev| {
        if let StreamEvent::Data(c) = ev {
            g.set(g.get() + c.byte_len());
        }
    })
    .unwrap();
    conn.readable().resume();
    drive_until(|| got.get() == TOTAL).await;
    assert_eq!(client.bytes_written() as usize, TOTAL);
}

/// Drives the streams for a while (I/O keeps flowing).
async fn drive_for(d: Duration) {
    let _ = tokio::time::timeout(d, drive_until(|| false)).await;
}

#[tokio::test]
async fn unix_socket_pair_as_duplex() {
    let (a, b) = std::os::unix::net::UnixStream::pair().unwrap();
    let a = Socket::from_fd(a.into()).unwrap().into_duplex();
    let b = Socket::from_fd(b.into()).unwrap().into_duplex();
    assert!(a.address().is_none());
    let bl = record(&b);
    a.writable()
        .end_with(Some("over unix".into()), |_| {})
        .unwrap();
    drive_until(|| joined(&bl).ends_with("close")).await;
    assert_eq!(joined(&bl), "data:over unix end finish close");
}

#[tokio::test]
async fn options_are_the_stream_options() {
    let (_server, client, _conn) = pair(false).await;
    assert!(!client.allow_half_open());
    assert_eq!(client.writable().writable_high_water_mark(), 16 * 1024);
    let server = Server::listen(ListenOptions::port(0).host("127.0.0.1"))
        .await
        .unwrap();
    let port = server.address().unwrap().as_inet().unwrap().port;
    let mut o = DuplexOptions::default();
    o.readable.high_water_mark = Some(1);
    let s = Socket::connect(port, "127.0.0.1")
        .await
        .unwrap()
        .into_duplex_with(o);
    assert!(s.allow_half_open());
    assert_eq!(s.readable().readable_high_water_mark(), 1);
}

#[tokio::test]
async fn connect_emits_connect_ready_then_the_exchange() {
    // const s = net.connect(port); s.write('ping'); s.end() against the echo server
    // node: client "connect ready finish data:PING end close"
    let server = Server::listen(ListenOptions::port(0).host("127.0.0.1"))
        .await
        .unwrap();
    let port = server.address().unwrap().as_inet().unwrap().port;
    let client = SocketStream::connect(ConnectOptions {
        port,
        host: "127.0.0.1".into(),
        ..Default::default()
    });
    let cl = log();
    for e in ["connect", "ready"] {
        client.on(e, recorder(&cl)).unwrap();
    }
    for e in EVENTS {
        client.on(e, recorder(&cl)).unwrap();
    }
    assert!(client.writable().write("ping".into()).unwrap());
    client.writable().end().unwrap();
    // The connection is made by the stream's scheduler: drive it, then accept.
    drive_until(|| joined(&cl).contains("ready")).await;
    let conn = server.accept().await.unwrap().into_duplex();
    let w = conn.writable();
    conn.on("data", move |ev| {
        if let StreamEvent::Data(c) = ev {
            w.write(Chunk::from(text(c).to_uppercase())).unwrap();
        }
    })
    .unwrap();
    let sl = record(&conn);
    drive_until(|| joined(&cl).ends_with("close")).await;
    drive_until(|| joined(&sl).ends_with("close")).await;
    assert_eq!(joined(&sl), "data:ping end finish close");
    assert_eq!(joined(&cl), "connect ready finish data:PING end close");
    assert_eq!(client.remote_address().unwrap().port, port);
    assert_eq!(client.bytes_written(), 4);
}

#[tokio::test]
async fn connect_refused_is_error_then_close() {
    // net.connect(1, '127.0.0.1'); s.write('x')
    // node: "w:true error:ECONNREFUSED close" (syscall 'connect')
    let port = {
        let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        l.local_addr().unwrap().port()
    };
    let client = SocketStream::connect(ConnectOptions {
        port,
        host: "127.0.0.1".into(),
        ..Default::default()
    });
    let cl = log();
    for e in ["connect", "ready"] {
        client.on(e, recorder(&cl)).unwrap();
    }
    for e in EVENTS {
        client.on(e, recorder(&cl)).unwrap();
    }
    let ok = client.writable().write("x".into()).unwrap();
    cl.borrow_mut().push(format!("w:{ok}"));
    drive_until(|| joined(&cl).ends_with("close")).await;
    assert_eq!(joined(&cl), "w:true error:ECONNREFUSED close");
    let e = client.errored().unwrap();
    assert_eq!(e.syscall(), Some("connect"));
}
