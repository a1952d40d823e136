//! The head parser: `httparse` plus llhttp's strictness (bare LF, CL+TE, duplicate
//! Content-Length, unknown methods, oversized heads).

use std::mem::MaybeUninit;

use bytes::{Bytes, BytesMut};

use crate::errors::ParseError;
use crate::headers::{Headers, RawHeaders};
use crate::status::is_known_method;

/// How a message body is delimited.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Framing {
    /// `Content-Length: n` (0 for requests without a body).
    Length(u64),
    /// `Transfer-Encoding: chunked`.
    Chunked,
    /// Until the peer closes (responses without a length).
    Close,
}

/// Parser settings: Node's `maxHeaderSize`, `insecureHTTPParser`, `requireHostHeader`,
/// `joinDuplicateHeaders`.
///
/// # Examples
/// ```
/// let opts = node_http::ParserOptions::default();
/// assert_eq!(opts.max_header_size, 16 * 1024);
/// ```
#[derive(Debug, Clone)]
pub struct ParserOptions {
    /// Largest head accepted, in bytes (Node's `--max-http-header-size`, 16 KiB).
    pub max_header_size: usize,
    /// Relax llhttp's checks (bare LF, CL with TE, non-final codings, chunk extension
    /// characters), as Node's `insecureHTTPParser`.
    pub insecure: bool,
    /// Reject HTTP/1.1 requests without `Host` (Node's `requireHostHeader`, default true).
    pub require_host_header: bool,
    /// Join every duplicate header with `, ` (Node's `joinDuplicateHeaders`).
    pub join_duplicate_headers: bool,
    /// Fields kept in `headers`/`rawHeaders` (Node's `maxHeadersCount`, 2000; `None` =
    /// no limit). Fields past it still count for framing, as in Node.
    pub max_headers_count: Option<usize>,
}

impl Default for ParserOptions {
    fn default() -> Self {
        ParserOptions {
            max_header_size: 16 * 1024,
            insecure: false,
            require_host_header: true,
            join_duplicate_headers: false,
            max_headers_count: Some(2000),
        }
    }
}

/// A parsed request head: method, URL, version and headers, with the framing facts the
/// connection needs.
///
/// # Examples
/// ```
/// let head = node_http::parse_request_head(
///     b"POST /up HTTP/1.1\r\nHost: h\r\nContent-Length: 3\r\n\r\n", &Default::default())
///     .unwrap().unwrap();
/// assert_eq!((head.method(), head.url(), head.http_version()), ("POST", "/up", "1.1"));
/// assert!(head.should_keep_alive());
/// ```
#[derive(Debug, Clone)]
pub struct RequestHead {
    pub(crate) buf: Bytes,
    method: [u32; 2],
    url: [u32; 2],
    pub(crate) minor: u8,
    pub(crate) raw: RawHeaders,
    pub(crate) info: HeadInfo,
    pub(crate) join_duplicates: bool,
}

/// A parsed response head (client side).
#[derive(Debug, Clone)]
pub(crate) struct ResponseHead {
    pub(crate) status: u16,
    pub(crate) reason: String,
    pub(crate) minor: u8,
    pub(crate) raw: RawHeaders,
    pub(crate) info: HeadInfo,
}

/// Facts gathered from the headers.
#[derive(Debug, Clone, Copy)]
pub(crate) struct HeadInfo {
    pub(crate) framing: Framing,
    pub(crate) keep_alive: bool,
    pub(crate) upgrade: bool,
    pub(crate) expect_continue: bool,
    /// An `Expect` other than `100-continue` (Node's `'checkExpectation'`).
    pub(crate) expect_other: bool,
    pub(crate) has_host: bool,
}

impl RequestHead {
    fn slice(&self, s: [u32; 2]) -> &str {
        std::str::from_utf8(&self.buf[s[0] as usize..s[1] as usize]).unwrap_or("")
    }

    /// `message.method`.
    ///
    /// # Examples
    /// ```
    /// let head = node_http::parse_request_head(
    ///     b"GET /a?b=1 HTTP/1.1\r\nHost: h\r\nX-Id: 7\r\nAccept: x\r\nAccept: y\r\n\r\n",
    ///     &Default::default(),
    /// ).unwrap().unwrap();
    /// assert_eq!(head.method(), "GET");
    /// ```
    pub fn method(&self) -> &str {
        self.slice(self.method)
    }

    /// `message.url`: the request target as sent.
    ///
    /// # Examples
    /// ```
    /// let head = node_http::parse_request_head(
    ///     b"GET /a?b=1 HTTP/1.1\r\nHost: h\r\nX-Id: 7\r\nAccept: x\r\nAccept: y\r\n\r\n",
    ///     &Default::default(),
    /// ).unwrap().unwrap();
    /// assert_eq!(head.url(), "/a?b=1");
    /// ```
    pub fn url(&self) -> &str {
        self.slice(self.url)
    }

    /// `message.httpVersion` (`"1.1"` or `"1.0"`).
    ///
    /// # Examples
    /// ```
    /// let head = node_http::parse_request_head(
    ///     b"GET /a?b=1 HTTP/1.1\r\nHost: h\r\nX-Id: 7\r\nAccept: x\r\nAccept: y\r\n\r\n",
    ///     &Default::default(),
    /// ).unwrap().unwrap();
    /// assert_eq!(head.http_version(), "1.1");
    /// let old = node_http::parse_request_head(b"GET / HTTP/1.0\r\n\r\n", &Default::default()).unwrap().unwrap();
    /// assert_eq!(old.http_version(), "1.0");
    /// ```
    pub fn http_version(&self) -> &'static str {
        if self.minor == 0 {
            "1.0"
        } else {
            "1.1"
        }
    }

    /// `message.rawHeaders`.
    ///
    /// # Examples
    /// ```
    /// let head = node_http::parse_request_head(
    ///     b"GET /a?b=1 HTTP/1.1\r\nHost: h\r\nX-Id: 7\r\nAccept: x\r\nAccept: y\r\n\r\n",
    ///     &Default::default(),
    /// ).unwrap().unwrap();
    /// let names: Vec<_> = head.raw_headers().iter().map(|(name, _)| name).collect();
    /// assert_eq!(names, ["Host", "X-Id", "Accept", "Accept"]);
    /// ```
    pub fn raw_headers(&self) -> &RawHeaders {
        &self.raw
    }

    /// `message.headers`, joined by Node's rules.
    ///
    /// # Examples
    /// ```
    /// let head = node_http::parse_request_head(
    ///     b"GET /a?b=1 HTTP/1.1\r\nHost: h\r\nX-Id: 7\r\nAccept: x\r\nAccept: y\r\n\r\n",
    ///     &Default::default(),
    /// ).unwrap().unwrap();
    /// let headers = head.headers();
    /// assert_eq!(headers.get("host").and_then(|v| v.as_str()), Some("h"));
    /// assert_eq!(headers.get("accept").and_then(|v| v.as_str()), Some("x, y"));
    /// ```
    pub fn headers(&self) -> Headers {
        self.raw.joined(self.join_duplicates)
    }

    /// Whether the connection may carry another request after this one.
    ///
    /// # Examples
    /// ```
    /// let head = node_http::parse_request_head(
    ///     b"GET /a?b=1 HTTP/1.1\r\nHost: h\r\nX-Id: 7\r\nAccept: x\r\nAccept: y\r\n\r\n",
    ///     &Default::default(),
    /// ).unwrap().unwrap();
    /// assert!(head.should_keep_alive()); // HTTP/1.1 default
    /// let close = node_http::parse_request_head(
    ///     b"GET / HTTP/1.1\r\nHost: h\r\nConnection: close\r\n\r\n", &Default::default()).unwrap().unwrap();
    /// assert!(!close.should_keep_alive());
    /// ```
    pub fn should_keep_alive(&self) -> bool {
        self.info.keep_alive
    }

    /// Whether this is an `Upgrade` or `CONNECT` request.
    ///
    /// # Examples
    /// ```
    /// let head = node_http::parse_request_head(
    ///     b"CONNECT a:1 HTTP/1.1\r\nHost: a\r\n\r\n", &Default::default()).unwrap().unwrap();
    /// assert!(head.upgrade());
    /// ```
    pub fn upgrade(&self) -> bool {
        self.info.upgrade
    }

    /// Whether the client sent `Expect: 100-continue`.
    ///
    /// # Examples
    /// ```
    /// let head = node_http::parse_request_head(
    ///     b"PUT / HTTP/1.1\r\nHost: a\r\nExpect: 100-continue\r\nContent-Length: 1\r\n\r\n",
    ///     &Default::default()).unwrap().unwrap();
    /// assert!(head.expect_continue());
    /// ```
    pub fn expect_continue(&self) -> bool {
        self.info.expect_continue
    }
}

fn map_err(e: httparse::Error) -> ParseError {
    match e {
        httparse::Error::HeaderName => ParseError::InvalidHeaderToken,
        httparse::Error::HeaderValue => ParseError::InvalidHeaderValue,
        httparse::Error::NewLine => ParseError::LfExpected,
        httparse::Error::Status => ParseError::InvalidConstant,
        httparse::Error::Token => ParseError::InvalidMethod,
        httparse::Error::Version => ParseError::InvalidVersion,
        httparse::Error::TooManyHeaders => ParseError::HeaderOverflow,
    }
}

/// Every LF must follow a CR (llhttp's `HPE_LF_EXPECTED`).
fn check_crlf(head: &[u8]) -> Result<(), ParseError> {
    for i in memchr::memchr_iter(b'\n', head) {
        if i == 0 || head[i - 1] != b'\r' {
            return Err(ParseError::LfExpected);
        }
    }
    Ok(())
}

fn off(base: &[u8], part: &[u8]) -> u32 {
    (part.as_ptr() as usize - base.as_ptr() as usize) as u32
}

fn spans(base: &[u8], headers: &[httparse::Header<'_>], max: Option<usize>) -> Vec<[u32; 4]> {
    headers
        .iter()
        .take(max.filter(|&m| m > 0).unwrap_or(usize::MAX))
        .map(|h| {
            let n = off(base, h.name.as_bytes());
            let v = off(base, h.value);
            [n, n + h.name.len() as u32, v, v + h.value.len() as u32]
        })
        .collect()
}

fn has_token(value: &[u8], token: &[u8]) -> bool {
    value
        .split(|&c| c == b',')
        .any(|t| t.trim_ascii().eq_ignore_ascii_case(token))
}

/// Gathers framing facts with llhttp's rules.
fn head_info(
    headers: &[httparse::Header<'_>],
    minor: u8,
    is_request: bool,
    opts: &ParserOptions,
) -> Result<HeadInfo, ParseError> {
    let mut content_length: Option<u64> = None;
    let mut te_seen = false;
    let mut chunked_last = false;
    let mut te_bad = false;
    let (mut close, mut ka, mut conn_upgrade, mut has_upgrade) = (false, false, false, false);
    let mut expect_continue = false;
    let mut expect_other = false;
    let mut has_host = false;
    for h in headers {
        let name = h.name.as_bytes();
        let value = h.value.trim_ascii();
        if !opts.insecure
            && h.value
                .iter()
                .any(|&c| (c < 0x20 && c != b'\t') || c == 0x7f)
        {
            return Err(ParseError::InvalidHeaderValue);
        }
        if name.eq_ignore_ascii_case(b"content-length") {
            if content_length.is_some() || value.is_empty() || !value.iter().all(u8::is_ascii_digit)
            {
                return Err(ParseError::InvalidContentLength);
            }
            let n = std::str::from_utf8(value)
                .ok()
                .and_then(|s| s.parse::<u64>().ok())
                .ok_or(ParseError::InvalidContentLength)?;
            content_length = Some(n);
        } else if name.eq_ignore_ascii_case(b"transfer-encoding") {
            te_seen = true;
            for t in value.split(|&c| c == b',') {
                let t = t.trim_ascii();
                if chunked_last {
                    // A coding after `chunked` (llhttp rejects it for requests).
                    te_bad = true;
                }
                chunked_last = t.eq_ignore_ascii_case(b"chunked");
            }
        } else if name.eq_ignore_ascii_case(b"connection") {
            close |= has_token(value, b"close");
            ka |= has_token(value, b"keep-alive");
            conn_upgrade |= has_token(value, b"upgrade");
        } else if name.eq_ignore_ascii_case(b"upgrade") {
            has_upgrade = true;
        } else if name.eq_ignore_ascii_case(b"expect") {
            if value.eq_ignore_ascii_case(b"100-continue") {
                expect_continue = true;
            } else {
                expect_other = true;
            }
        } else if name.eq_ignore_ascii_case(b"host") {
            has_host = true;
        }
    }
    let framing = if te_seen {
        if content_length.is_some() && !opts.insecure {
            return Err(ParseError::InvalidTransferEncoding);
        }
        if chunked_last && !te_bad {
            Framing::Chunked
        } else if is_request && !opts.insecure {
            return Err(ParseError::InvalidTransferEncoding);
        } else if chunked_last {
            Framing::Chunked
        } else {
            Framing::Close
        }
    } else if let Some(n) = content_length {
        Framing::Length(n)
    } else if is_request {
        Framing::Length(0)
    } else {
        Framing::Close
    };
    let keep_alive = if minor == 0 { ka && !close } else { !close };
    Ok(HeadInfo {
        framing,
        keep_alive,
        upgrade: has_upgrade && conn_upgrade,
        expect_continue,
        expect_other,
        has_host,
    })
}

fn header_cap(buf_len: usize) -> usize {
    // Each field needs at least "a:\r\n".
    buf_len / 4 + 1
}

type Parsed<T> = Result<Option<(usize, T)>, ParseError>;

fn parse_req_with<'b>(
    buf: &'b [u8],
    hdrs: &mut [MaybeUninit<httparse::Header<'b>>],
    opts: &ParserOptions,
) -> Parsed<RequestHead> {
    let mut req = httparse::Request::new(&mut []);
    let len = match req.parse_with_uninit_headers(buf, hdrs) {
        Ok(httparse::Status::Complete(len)) => len,
        Ok(httparse::Status::Partial) => {
            if buf.len() > opts.max_header_size {
                return Err(ParseError::HeaderOverflow);
            }
            return Ok(None);
        }
        Err(e) => return Err(map_err(e)),
    };
    if len > opts.max_header_size {
        return Err(ParseError::HeaderOverflow);
    }
    if !opts.insecure {
        check_crlf(&buf[..len])?;
    }
    let method = req.method.unwrap_or("");
    if !is_known_method(method.as_bytes()) {
        return Err(ParseError::InvalidMethod);
    }
    let path = req.path.unwrap_or("");
    let minor = req.version.unwrap_or(1);
    let mut info = head_info(req.headers, minor, true, opts)?;
    if method == "CONNECT" {
        info.upgrade = true;
        info.framing = Framing::Length(0);
    }
    let m = off(buf, method.as_bytes());
    let u = off(buf, path.as_bytes());
    let head = RequestHead {
        buf: Bytes::new(),
        method: [m, m + method.len() as u32],
        url: [u, u + path.len() as u32],
        minor,
        raw: RawHeaders::new(
            Bytes::new(),
            spans(buf, req.headers, opts.max_headers_count),
        ),
        info,
        join_duplicates: opts.join_duplicate_headers,
    };
    Ok(Some((len, head)))
}

fn parse_req(buf: &[u8], opts: &ParserOptions) -> Parsed<RequestHead> {
    // Uninitialised slots: httparse writes only what it parses (no 2 KiB memset).
    let mut stack = [MaybeUninit::<httparse::Header<'_>>::uninit(); 64];
    match parse_req_with(buf, &mut stack, opts) {
        Err(ParseError::HeaderOverflow) if buf.len() <= opts.max_header_size => {
            let mut heap = vec![MaybeUninit::uninit(); header_cap(buf.len())];
            parse_req_with(buf, &mut heap, opts)
        }
        other => other,
    }
}

/// Parses a complete request head from `buf`: the sync half of the server's state
/// machine, usable without sockets.
///
/// Returns `Ok(None)` while the head is incomplete.
///
/// # Errors
/// A [`ParseError`] for anything llhttp would reject: bare LF, unknown method,
/// Content-Length with Transfer-Encoding, duplicate or invalid Content-Length, control
/// characters, heads above `max_header_size` (`HPE_HEADER_OVERFLOW`).
///
/// # Examples
/// ```
/// use node_http::{parse_request_head, ParseError, ParserOptions};
/// let opts = ParserOptions::default();
/// assert!(parse_request_head(b"GET / HTTP/1.1\r\nHost: a\r\n", &opts).unwrap().is_none());
/// let err = parse_request_head(b"GET / HTTP/1.1\nHost: a\n\n", &opts).unwrap_err();
/// assert_eq!(err, ParseError::LfExpected);
/// ```
pub fn parse_request_head(
    buf: &[u8],
    opts: &ParserOptions,
) -> Result<Option<RequestHead>, ParseError> {
    let Some((len, mut head)) = parse_req(buf, opts)? else {
        return Ok(None);
    };
    head.buf = Bytes::copy_from_slice(&buf[..len]);
    head.raw = RawHeaders::new(head.buf.clone(), std::mem::take(&mut head.raw).into_spans());
    Ok(Some(head))
}

/// Parses a request head at the front of `buf`, splitting it off without copying.
pub(crate) fn take_request_head(
    buf: &mut BytesMut,
    opts: &ParserOptions,
) -> Result<Option<RequestHead>, ParseError> {
    let Some((len, mut head)) = parse_req(buf, opts)? else {
        return Ok(None);
    };
    head.buf = buf.split_to(len).freeze();
    head.raw = RawHeaders::new(head.buf.clone(), std::mem::take(&mut head.raw).into_spans());
    Ok(Some(head))
}

/// Parses a response head at the front of `buf`; `head_request` says whether the
/// request was HEAD (no body follows).
pub(crate) fn take_response_head(
    buf: &mut BytesMut,
    opts: &ParserOptions,
    head_request: bool,
) -> Result<Option<ResponseHead>, ParseError> {
    let mut stack = [httparse::EMPTY_HEADER; 128];
    let mut res = httparse::Response::new(&mut stack);
    let len = match res.parse(buf) {
        Ok(httparse::Status::Complete(len)) => len,
        Ok(httparse::Status::Partial) => {
            if buf.len() > opts.max_header_size {
                return Err(ParseError::HeaderOverflow);
            }
            return Ok(None);
        }
        Err(e) => return Err(map_err(e)),
    };
    if len > opts.max_header_size {
        return Err(ParseError::HeaderOverflow);
    }
    if !opts.insecure {
        check_crlf(&buf[..len])?;
    }
    let status = res.code.unwrap_or(0);
    let minor = res.version.unwrap_or(1);
    let reason = res.reason.unwrap_or("").to_owned();
    let mut info = head_info(res.headers, minor, false, opts)?;
    if head_request || (100..200).contains(&status) || status == 204 || status == 304 {
        info.framing = Framing::Length(0);
    }
    let sp = spans(buf, res.headers, opts.max_headers_count);
    let bytes = buf.split_to(len).freeze();
    Ok(Some(ResponseHead {
        status,
        reason,
        minor,
        raw: RawHeaders::new(bytes, sp),
        info,
    }))
}

impl RawHeaders {
    fn into_spans(self) -> Vec<[u32; 4]> {
        self.spans_owned()
    }
}
