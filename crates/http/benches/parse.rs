//! Request-head parsing and a keep-alive request/response round trip (parse + serialise).

use std::hint::black_box;
use std::io::{Read, Write};

use criterion::{criterion_main, Criterion, Throughput};
use node_http::{
    create_server, parse_request_head, IncomingMessage, ParserOptions, ServerResponse,
};

const SMALL: &[u8] =
    b"GET /index.html HTTP/1.1\r\nHost: localhost:3000\r\nUser-Agent: bench\r\nAccept: */*\r\n\r\n";

const BROWSER: &[u8] = b"GET /wp-content/uploads/2010/03/hello-kitty-darth-vader-pink.jpg HTTP/1.1\r\n\
Host: www.kittyhell.com\r\n\
User-Agent: Mozilla/5.0 (Macintosh; U; Intel Mac OS X 10.6; ja-JP-mac; rv:1.9.2.3) Gecko/20100401 Firefox/3.6.3 Pathtraq/0.9\r\n\
Accept: text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8\r\n\
Accept-Language: ja,en-us;q=0.7,en;q=0.3\r\n\
Accept-Encoding: gzip,deflate\r\n\
Accept-Charset: Shift_JIS,utf-8;q=0.7,*;q=0.7\r\n\
Keep-Alive: 115\r\n\
Connection: keep-alive\r\n\
Cookie: wp_ozh_wsa_visits=2; wp_ozh_wsa_visit_lasttime=xxxxxxxxxx; __utma=xxxxxxxxx.xxxxxxxxxx.xxxxxxxxxx.xxxxxxxxxx.xxxxxxxxxx.x; __utmz=xxxxxxxxx.xxxxxxxxxx.x.x.utmccn=(referral)|utmcsr=reader.livedoor.com|utmcct=/reader/|utmcmd=referral\r\n\r\n";

fn parse(c: &mut Criterion) {
    let opts = ParserOptions::default();
    let mut g = c.benchmark_group("parse");
    for (name, req) in [
        ("request_head_small", SMALL),
        ("request_head_browser", BROWSER),
    ] {
        g.throughput(Throughput::Bytes(req.len() as u64));
        g.bench_function(name, |b| {
            b.iter(|| parse_request_head(black_box(req), &opts).unwrap().unwrap())
        });
    }
    g.bench_function("headers_joined_browser", |b| {
        let head = parse_request_head(BROWSER, &opts).unwrap().unwrap();
        b.iter(|| black_box(head.headers()))
    });
    g.finish();
}

fn roundtrip(c: &mut Criterion) {
    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(1)
        .enable_all()
        .build()
        .unwrap();
    let port = rt.block_on(async {
        let server = create_server(
            |_req: IncomingMessage, mut res: ServerResponse| async move {
                let _ = res.end(Some(b"hello")).await;
            },
        );
        let addr = server
            .listen(node_net::ListenOptions::port(0).host("127.0.0.1"))
            .await
            .unwrap();
        addr.as_inet().unwrap().port
    });
    let mut s = std::net::TcpStream::connect(("127.0.0.1", port)).unwrap();
    s.set_nodelay(true).unwrap();
    let mut buf = vec![0u8; 4096];
    c.bench_function("roundtrip/hello_keepalive", |b| {
        b.iter(|| {
            s.write_all(SMALL).unwrap();
            let mut got = 0;
            // Response ends with the 5-byte body "hello".
            loop {
                got += s.read(&mut buf[got..]).unwrap();
                if got >= 5 && &buf[got - 5..got] == b"hello" {
                    break;
                }
            }
            black_box(got)
        })
    });
}

#[allow(missing_docs)]
mod group {
    criterion::criterion_group!(benches, super::parse, super::roundtrip);
}
use group::benches;

criterion_main!(benches);
