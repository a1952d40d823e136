//! Header values as Node sees them: trimmed, latin1-decoded, empty allowed.

use node_http::{parse_request_head, ParserOptions};

#[test]
fn values_are_trimmed_and_latin1() {
    let head = parse_request_head(
        b"GET / HTTP/1.1\r\nHost: h\r\nX-Z:  sp  \r\nX-L: a\tb\x80\r\nX-E:\r\n\r\n",
        &ParserOptions::default(),
    )
    .unwrap()
    .unwrap();
    let h = head.headers();
    assert_eq!(h.get("x-z").and_then(|v| v.as_str()), Some("sp"));
    assert_eq!(h.get("x-l").and_then(|v| v.as_str()), Some("a\tb\u{80}"));
    assert_eq!(h.get("x-e").and_then(|v| v.as_str()), Some(""));
    assert_eq!(head.raw_headers().len(), 4);
}

#[test]
fn join_duplicate_headers_option() {
    let opts = ParserOptions {
        join_duplicate_headers: true,
        ..Default::default()
    };
    let head = parse_request_head(
        b"GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\nContent-Type: x\r\ncontent-type: y\r\n\r\n",
        &opts,
    )
    .unwrap()
    .unwrap();
    let h = head.headers();
    assert_eq!(h.get("host").and_then(|v| v.as_str()), Some("a, b"));
    assert_eq!(h.get("content-type").and_then(|v| v.as_str()), Some("x, y"));
}

#[test]
fn max_headers_count_drops_extra_fields() {
    let opts = ParserOptions {
        max_headers_count: Some(2),
        ..Default::default()
    };
    let head = parse_request_head(
        b"POST / HTTP/1.1\r\nHost: a\r\nX: 1\r\nContent-Length: 0\r\n\r\n",
        &opts,
    )
    .unwrap()
    .unwrap();
    assert_eq!(head.raw_headers().to_flat(), ["Host", "a", "X", "1"]);
}
