//! `IncomingMessage::into_readable`, `ServerResponse::into_writable`,
//! `ClientRequest::into_writable`: event orders compared with node v20 (each test
//! quotes the `node` output of the equivalent script).

mod common;

use std::cell::RefCell;
use std::rc::Rc;
use std::task::Poll;
use std::time::Duration;

use common::start;
use node_http::{IncomingMessage, RequestOptions, ServerOptions, ServerResponse};
use node_streams::{Chunk, LocalScheduler, Scheduler, StreamEvent};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::sync::mpsc;

type Log = Rc<RefCell<Vec<String>>>;

fn text(c: &Chunk) -> String {
    String::from_utf8_lossy(c.as_bytes().unwrap()).into_owned()
}

/// Records `prefix:event[=data]`; consecutive data chunks are merged.
fn recorder(log: &Log, prefix: &'static str) -> impl Fn(&StreamEvent) + 'static + use<> {
    let log = log.clone();
    move |ev| {
        let mut l = log.borrow_mut();
        let data_tag = format!("{prefix}:data=");
        match ev {
            StreamEvent::Data(c) => match l.last_mut() {
                Some(last) if last.starts_with(&data_tag) => last.push_str(&text(c)),
                _ => l.push(format!("{data_tag}{}", text(c))),
            },
            StreamEvent::Error(e) => l.push(format!("{prefix}:error:{}", e.code())),
            _ => l.push(format!("{prefix}:{}", ev.name())),
        }
    }
}

fn joined(log: &Log) -> String {
    log.borrow().join(" ")
}

async fn drive_until(mut cond: impl FnMut() -> bool) {
    let sched = LocalScheduler::current();
    let fut = futures::future::poll_fn(|cx| loop {
        let progressed = sched.run_pending(cx);
        if cond() {
            return Poll::Ready(());
        }
        if !progressed {
            return Poll::Pending;
        }
    });
    tokio::time::timeout(Duration::from_secs(10), fut)
        .await
        .expect("condition not reached");
}

type Exchange = (IncomingMessage, ServerResponse);

/// A server whose handler hands each exchange to this (single-threaded) test task.
async fn channel_server() -> (
    node_http::Server<impl node_http::Handler>,
    u16,
    mpsc::UnboundedReceiver<Exchange>,
) {
    let (tx, rx) = mpsc::unbounded_channel();
    let (server, port) = start(
        ServerOptions::default(),
        move |req: IncomingMessage, res: ServerResponse| {
            let tx = tx.clone();
            async move {
                let _ = tx.send((req, res));
            }
        },
    )
    .await;
    (server, port, rx)
}

async fn raw_client(port: u16, bytes: &'static [u8]) -> tokio::task::JoinHandle<Vec<u8>> {
    let mut s = tokio::net::TcpStream::connect(("127.0.0.1", port))
        .await
        .unwrap();
    s.write_all(bytes).await.unwrap();
    tokio::spawn(async move {
        let mut out = Vec::new();
        let _ = s.read_to_end(&mut out).await;
        out
    })
}

#[tokio::test]
async fn request_readable_and_response_writable() {
    // req.on('end', () => { res.setHeader('x','y'); res.write('a'); res.end('b') }) with a
    // POST of write('hello ') + end('world')
    // node: "req:data=hello world req:end complete=true trailers={} write=true
    //        res:finish res:close req:close" (nrt: the request's 'close' comes from its own
    //        autoDestroy after 'end', not from the response's end; see the crate docs)
    let (server, port, mut rx) = channel_server().await;
    let client = tokio::spawn(async move {
        let mut req = node_http::request(RequestOptions {
            port,
            host: "127.0.0.1".into(),
            method: "POST".into(),
            ..Default::default()
        })
        .unwrap();
        req.write(b"hello ").await.unwrap();
        let mut res = req.end(Some(b"world")).await.unwrap();
        let te = res
            .headers()
            .get("transfer-encoding")
            .and_then(|v| v.as_str().map(str::to_owned));
        (te, res.body().await.unwrap())
    });
    let (req, res) = rx.recv().await.unwrap();
    let req = req.into_readable();
    let res = res.into_writable();
    let l: Log = Rc::default();
    for e in ["data", "end", "close", "error"] {
        req.on(e, recorder(&l, "req")).unwrap();
    }
    for e in ["finish", "close", "error"] {
        res.on(e, recorder(&l, "res")).unwrap();
    }
    let (req2, res2, l2) = (req.clone(), res.writable().clone(), l.clone());
    let res_slot = Rc::new(res);
    let rs = res_slot.clone();
    req.on("end", move |_| {
        l2.borrow_mut().push(format!(
            "complete={} trailers={}",
            req2.complete(),
            req2.trailers().len()
        ));
        rs.response().unwrap().set_header("x", "y").unwrap();
        let ok = res2.write("a".into()).unwrap();
        l2.borrow_mut().push(format!("write={ok}"));
        rs.end(Some("b".into())).unwrap();
    })
    .unwrap();
    drive_until(|| joined(&l).contains("res:close") && joined(&l).contains("req:close")).await;
    assert_eq!(
        joined(&l),
        "req:data=hello world req:end complete=true trailers=0 write=true res:finish \
         req:close res:close"
    );
    let (te, body) = client.await.unwrap();
    assert_eq!(te.as_deref(), Some("chunked"));
    assert_eq!(&body[..], b"ab");
    server.close();
}

#[tokio::test]
async fn end_with_data_sends_content_length() {
    // res.end('whole') with nothing written -> Content-Length: 5 (node: same)
    let (server, port, mut rx) = channel_server().await;
    let out = raw_client(
        port,
        b"GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
    )
    .await;
    let (_req, res) = rx.recv().await.unwrap();
    let res = res.into_writable();
    res.end(Some("whole".into())).unwrap();
    drive_until(|| res.closed()).await;
    let out = String::from_utf8(out.await.unwrap()).unwrap();
    assert!(out.contains("Content-Length: 5\r\n"), "{out}");
    assert!(!out.contains("Transfer-Encoding"), "{out}");
    assert!(out.ends_with("\r\n\r\nwhole"), "{out}");
    server.close();
}

#[tokio::test]
async fn trailers_are_set_at_end() {
    // chunked POST with trailer X-T: 1
    // node: "req:data=abc req:end complete=true trailers={"x-t":"1"}"
    let (server, port, mut rx) = channel_server().await;
    let _out = raw_client(
        port,
        b"POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n0\r\nX-T: 1\r\n\r\n",
    )
    .await;
    let (req, res) = rx.recv().await.unwrap();
    let req = req.into_readable();
    let l: Log = Rc::default();
    req.on("data", recorder(&l, "req")).unwrap();
    let (r2, l2) = (req.clone(), l.clone());
    req.on("end", move |_| {
        let t = r2.trailers();
        l2.borrow_mut().push(format!(
            "req:end complete={} x-t={}",
            r2.complete(),
            t.get("x-t")
                .and_then(|v| v.as_str().map(str::to_owned))
                .unwrap_or_default()
        ));
    })
    .unwrap();
    drive_until(|| req.closed()).await;
    assert_eq!(joined(&l), "req:data=abc req:end complete=true x-t=1");
    assert!(req.message().unwrap().raw_trailers().is_some());
    drop(res);
    server.close();
}

#[tokio::test]
async fn aborted_request_errors_with_econnreset() {
    // Content-Length: 10, 3 bytes sent, then the client goes away
    // node: "req:data=abc req:aborted req:error:ECONNRESET req:close"
    //       (aborted=true complete=false)
    let (server, port, mut rx) = channel_server().await;
    let mut s = tokio::net::TcpStream::connect(("127.0.0.1", port))
        .await
        .unwrap();
    s.write_all(b"POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n\r\nabc")
        .await
        .unwrap();
    let (req, _res) = rx.recv().await.unwrap();
    let req = req.into_readable();
    let l: Log = Rc::default();
    for e in ["data", "aborted", "end", "error", "close"] {
        req.on(e, recorder(&l, "req")).unwrap();
    }
    drive_until(|| joined(&l).contains("data=abc")).await;
    drop(s);
    drive_until(|| req.closed() && joined(&l).ends_with("close")).await;
    assert_eq!(
        joined(&l),
        "req:data=abc req:aborted req:error:ECONNRESET req:close"
    );
    assert!(req.aborted());
    assert!(!req.complete());
    assert_eq!(req.errored().unwrap().code(), "ECONNRESET");
    server.close();
}

#[tokio::test]
async fn client_request_writable_then_response() {
    // req.write('hello '); req.end('world'); on 'response' read the body
    // node: "creq:finish creq:response cres:data=ab cres:end creq:close cres:close"
    //       (nrt: the request's 'close' follows 'finish', see the crate docs)
    let (server, port) = start(
        ServerOptions::default(),
        |mut req: IncomingMessage, mut res: ServerResponse| async move {
            let body = req.body().await.unwrap();
            assert_eq!(&body[..], b"hello world");
            res.write(b"a").await.unwrap();
            res.end(Some(b"b")).await.unwrap();
        },
    )
    .await;
    let req = node_http::request(RequestOptions {
        port,
        host: "127.0.0.1".into(),
        method: "POST".into(),
        ..Default::default()
    })
    .unwrap()
    .into_writable();
    let l: Log = Rc::default();
    for e in ["finish", "close", "error", "response"] {
        req.on(e, recorder(&l, "creq")).unwrap();
    }
    req.write("hello ".into()).unwrap();
    req.end(Some("world".into())).unwrap();
    let res = req.response().await.unwrap();
    assert_eq!(res.status_code(), 200);
    let res = res.into_readable();
    for e in ["data", "end", "close"] {
        res.on(e, recorder(&l, "cres")).unwrap();
    }
    drive_until(|| res.closed() && joined(&l).ends_with("cres:close")).await;
    assert_eq!(
        joined(&l),
        "creq:finish creq:close creq:response cres:data=ab cres:end cres:close"
    );
    server.close();
}

#[tokio::test]
async fn client_request_connection_error_is_the_stream_error() {
    let port = {
        let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        l.local_addr().unwrap().port()
    };
    let req = node_http::request(RequestOptions {
        port,
        host: "127.0.0.1".into(),
        method: "POST".into(),
        ..Default::default()
    })
    .unwrap()
    .into_writable();
    let l: Log = Rc::default();
    for e in ["finish", "close", "error"] {
        req.on(e, recorder(&l, "creq")).unwrap();
    }
    req.end(Some("x".into())).unwrap();
    let err = req.response().await.unwrap_err();
    assert_eq!(err.code(), "ECONNREFUSED");
    drive_until(|| joined(&l).ends_with("close")).await;
    assert_eq!(joined(&l), "creq:error:ECONNREFUSED creq:close");
}

#[tokio::test]
async fn response_write_backpressure_and_drain() {
    // A slow reader: writes past highWaterMark return false, then 'drain'.
    let (server, port, mut rx) = channel_server().await;
    let mut s = tokio::net::TcpStream::connect(("127.0.0.1", port))
        .await
        .unwrap();
    s.write_all(b"GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
        .await
        .unwrap();
    let (_req, res) = rx.recv().await.unwrap();
    let res = res.into_writable();
    let drained = Rc::new(std::cell::Cell::new(false));
    let d = drained.clone();
    res.on("drain", move |_| d.set(true)).unwrap();
    let mut sent = 0usize;
    while res.write(Chunk::from(vec![b'x'; 64 << 10])).unwrap() {
        sent += 64 << 10;
        drive_for(Duration::from_millis(1)).await;
        assert!(sent < 256 << 20, "write() never returned false");
    }
    sent += 64 << 10;
    assert!(res.writable_need_drain());
    let reader = tokio::spawn(async move {
        let mut out = Vec::new();
        s.read_to_end(&mut out).await.unwrap();
        out.len()
    });
    drive_until(|| drained.get()).await;
    res.end(None).unwrap();
    drive_until(|| res.closed()).await;
    let got = reader.await.unwrap();
    assert!(got > sent, "{got} <= {sent}");
    server.close();
}

async fn drive_for(d: Duration) {
    let _ = tokio::time::timeout(d, drive_until(|| false)).await;
}
