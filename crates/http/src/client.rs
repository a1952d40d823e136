//! [`ClientRequest`], [`request`] and [`get`]: Node's HTTP client.

use std::time::Duration;

use bytes::BytesMut;
use node_net::{ConnectOptions, Socket, SocketWriteHalf};
use tokio::io::AsyncWriteExt;
use tokio::sync::OwnedSemaphorePermit;
use tokio::time::Instant;

use crate::agent::{global_agent, Agent};
use crate::body::{push_chunk_header, BodyDecoder};
use crate::conn::{ReadSide, READ_CHUNK};
use crate::errors::{Error, Result};
use crate::headers::HeaderValue;
use crate::incoming::IncomingMessage;
use crate::outgoing::{store_header, trailers_bytes, HeadCtx, OutgoingHeaders};
use crate::parser::{take_response_head, Framing, ParserOptions, ResponseHead};
use crate::request_options::{AgentChoice, RequestOptions};
use crate::validate::{invalid_token, is_token};

/// A client connection: read side with its buffer, write half, and pool bookkeeping.
#[derive(Debug)]
pub(crate) struct ClientConn {
    pub(crate) read: ReadSide,
    write: SocketWriteHalf,
    pool: Option<(Agent, String)>,
    keep_alive: bool,
    permit: Option<OwnedSemaphorePermit>,
    /// The response switched protocols; the socket belongs to the caller.
    upgraded: bool,
}

impl ClientConn {
    /// The body is done: back to the agent's pool, or closed.
    pub(crate) fn release(mut self: Box<Self>) {
        let reusable = self.keep_alive
            && self.read.buf.is_empty()
            && !self.read.eof
            && self.read.error.is_none();
        if let (true, Some((agent, key))) = (reusable, self.pool.take()) {
            self.permit = None;
            agent.put_free(&key, self);
        }
    }

    pub(crate) fn is_upgrade(&self) -> bool {
        self.upgraded
    }

    /// The raw socket and the bytes read past the response head.
    pub(crate) fn into_upgraded(mut self: Box<Self>) -> Option<crate::server::Upgraded> {
        let head = self.read.buf.split().freeze();
        let r = self.read.stream.take()?;
        let this = *self;
        let socket = r.reunite(this.write).ok()?;
        Some(crate::server::Upgraded { socket, head })
    }

    /// Whether a pooled connection is still open (no EOF or stray bytes waiting).
    async fn alive(&mut self) -> bool {
        self.read.deadline = None;
        tokio::time::timeout(Duration::ZERO, self.read.fill())
            .await
            .is_err()
    }
}

/// Reads response heads until a final one (or, with `stop_at_100`, a `100 Continue`),
/// skipping other 1xx as Node does without an `'information'` listener.
async fn read_response_head(
    conn: &mut ClientConn,
    is_head: bool,
    timeout: Option<Duration>,
    stop_at_100: bool,
) -> Result<ResponseHead> {
    let opts = ParserOptions::default();
    conn.read.deadline = timeout.map(|t| Instant::now() + t);
    let head = loop {
        match take_response_head(&mut conn.read.buf, &opts, is_head) {
            Ok(Some(h)) if h.status == 100 && stop_at_100 => break h,
            Ok(Some(h)) if (100..200).contains(&h.status) && h.status != 101 => continue,
            Ok(Some(h)) => break h,
            Ok(None) => {}
            Err(e) => return Err(e.into()),
        }
        match conn.read.fill().await {
            Ok(0) => return Err(Error::socket_hang_up()),
            Ok(_) => {}
            Err(e) => return Err(Error::io(&e, "read")),
        }
    };
    conn.read.deadline = None;
    Ok(head)
}

/// An outgoing request: Node's
/// [`http.ClientRequest`](https://nodejs.org/api/http.html#class-httpclientrequest).
///
/// # Examples
/// ```
/// # #[tokio::main(flavor = "current_thread")] async fn main() -> node_http::Result<()> {
/// # let server = node_http::create_server(|mut req: node_http::IncomingMessage, mut res: node_http::ServerResponse| async move {
/// #     let token = req.headers().get("x-token").and_then(|v| v.as_str()).map(str::to_owned);
/// #     let body = req.body().await.unwrap_or_default();
/// #     if let Some(t) = token { let _ = res.set_header("X-Token", t.as_str()); }
/// #     let _ = res.end(Some(&body)).await;
/// # });
/// # let port = server.listen(node_net::ListenOptions::port(0).host("127.0.0.1")).await?.as_inet().unwrap().port;
/// # let opts = node_http::RequestOptions { port, host: "127.0.0.1".into(), method: "POST".into(), ..Default::default() };
/// let mut req = node_http::request(node_http::RequestOptions { method: "POST".into(), ..opts })?;
/// req.set_header("Content-Type", "text/plain")?;
/// req.write(b"hello ").await?;
/// let mut res = req.end(Some(b"world")).await?;
/// assert_eq!(res.status_code(), 200);
/// assert_eq!(&res.body().await?[..], b"hello world");
/// # server.close(); Ok(()) }
/// ```
#[derive(Debug)]
pub struct ClientRequest {
    opts: RequestOptions,
    headers: OutgoingHeaders,
    conn: Option<Box<ClientConn>>,
    buf: BytesMut,
    head_built: bool,
    chunked: bool,
    keep_alive: bool,
    trailers: Vec<u8>,
    /// A final response that arrived while waiting for `100 Continue`.
    early: Option<ResponseHead>,
}

/// `http.request(options)`: a request to send with [`ClientRequest::write`] and
/// [`ClientRequest::end`].
///
/// # Errors
/// `ERR_INVALID_HTTP_TOKEN` for a bad method or header name, `ERR_INVALID_CHAR` for
/// header values.
///
/// # Examples
/// ```
/// let err = node_http::request(node_http::RequestOptions { method: "BAD METHOD".into(),
///     ..Default::default() }).unwrap_err();
/// assert_eq!(err.code(), "ERR_INVALID_HTTP_TOKEN");
/// ```
pub fn request(opts: RequestOptions) -> Result<ClientRequest> {
    if !is_token(&opts.method) {
        return Err(invalid_token("Method", &opts.method));
    }
    let mut headers = OutgoingHeaders::default();
    for (k, v) in &opts.headers {
        headers.set(k, v.clone())?;
    }
    if opts.set_host && headers.get("host").is_none() && opts.socket_path.is_none() {
        let host = if opts.host.contains(':') {
            format!("[{}]", opts.host)
        } else {
            opts.host.clone()
        };
        let value = if opts.port == 80 {
            host
        } else {
            format!("{host}:{}", opts.port)
        };
        headers.set("Host", HeaderValue::One(value))?;
    }
    let keep_alive = match &opts.agent {
        AgentChoice::Global => global_agent().options().keep_alive,
        AgentChoice::Agent(a) => a.options().keep_alive,
        AgentChoice::None => false,
    };
    Ok(ClientRequest {
        opts,
        headers,
        conn: None,
        buf: BytesMut::new(),
        head_built: false,
        chunked: false,
        keep_alive,
        trailers: Vec::new(),
        early: None,
    })
}

/// `http.get(url)`: a GET request, ended at once; resolves with the response.
///
/// # Errors
/// URL errors, connection errors (`ECONNREFUSED`), parse errors.
///
/// # Examples
/// ```
/// # #[tokio::main(flavor = "current_thread")] async fn main() -> node_http::Result<()> {
/// # let server = node_http::create_server(|mut req: node_http::IncomingMessage, mut res: node_http::ServerResponse| async move {
/// #     let token = req.headers().get("x-token").and_then(|v| v.as_str()).map(str::to_owned);
/// #     let body = req.body().await.unwrap_or_default();
/// #     if let Some(t) = token { let _ = res.set_header("X-Token", t.as_str()); }
/// #     let _ = res.end(Some(&body)).await;
/// # });
/// # let port = server.listen(node_net::ListenOptions::port(0).host("127.0.0.1")).await?.as_inet().unwrap().port;
/// # let opts = node_http::RequestOptions { port, host: "127.0.0.1".into(), method: "POST".into(), ..Default::default() };
/// let mut res = node_http::get(&format!("http://127.0.0.1:{port}/")).await?;
/// assert_eq!(res.status_code(), 200);
/// assert!(res.body().await?.is_empty());
/// # let _ = opts;
/// # server.close(); Ok(()) }
/// ```
pub async fn get(url: &str) -> Result<IncomingMessage> {
    request(RequestOptions::from_url(url)?)?.end(None).await
}

impl ClientRequest {
    fn agent(&self) -> Option<Agent> {
        match &self.opts.agent {
            AgentChoice::Global => Some(global_agent()),
            AgentChoice::Agent(a) => Some(a.clone()),
            AgentChoice::None => None,
        }
    }

    fn check_unsent(&self, action: &str) -> Result<()> {
        if self.head_built {
            Err(Error::headers_sent(action))
        } else {
            Ok(())
        }
    }

    /// `request.setHeader(name, value)`.
    ///
    /// # Errors
    /// `ERR_HTTP_HEADERS_SENT`, `ERR_INVALID_HTTP_TOKEN`, `ERR_INVALID_CHAR`.
    ///
    /// # Examples
    /// ```
    /// # #[tokio::main(flavor = "current_thread")] async fn main() -> node_http::Result<()> {
    /// # let server = node_http::create_server(|mut req: node_http::IncomingMessage, mut res: node_http::ServerResponse| async move {
    /// #     let token = req.headers().get("x-token").and_then(|v| v.as_str()).map(str::to_owned);
    /// #     let body = req.body().await.unwrap_or_default();
    /// #     if let Some(t) = token { let _ = res.set_header("X-Token", t.as_str()); }
    /// #     let _ = res.end(Some(&body)).await;
    /// # });
    /// # let port = server.listen(node_net::ListenOptions::port(0).host("127.0.0.1")).await?.as_inet().unwrap().port;
    /// # let opts = node_http::RequestOptions { port, host: "127.0.0.1".into(), method: "POST".into(), ..Default::default() };
    /// let mut req = node_http::request(opts)?;
    /// req.set_header("X-Token", "abc")?;
    /// let res = req.end(None).await?;
    /// assert_eq!(res.headers().get("x-token").and_then(|v| v.as_str()), Some("abc"));
    /// # server.close(); Ok(()) }
    /// ```
    #[doc(alias = "setHeader")]
    pub fn set_header(&mut self, name: &str, value: impl Into<HeaderValue>) -> Result<&mut Self> {
        self.check_unsent("set")?;
        self.headers.set(name, value.into())?;
        Ok(self)
    }

    /// `request.getHeader(name)`.
    ///
    /// # Examples
    /// ```
    /// let req = node_http::request(Default::default()).unwrap();
    /// assert_eq!(req.get_header("host").and_then(|v| v.as_str()), Some("localhost"));
    /// ```
    #[doc(alias = "getHeader")]
    pub fn get_header(&self, name: &str) -> Option<&HeaderValue> {
        self.headers.get(name)
    }

    /// `request.removeHeader(name)`.
    ///
    /// # Errors
    /// `ERR_HTTP_HEADERS_SENT`.
    ///
    /// # Examples
    /// ```
    /// let mut req = node_http::request(Default::default()).unwrap();
    /// req.remove_header("host").unwrap();
    /// assert!(req.get_header("host").is_none());
    /// ```
    #[doc(alias = "removeHeader")]
    pub fn remove_header(&mut self, name: &str) -> Result<()> {
        self.check_unsent("remove")?;
        self.headers.remove(name);
        Ok(())
    }

    /// `request.setTimeout(ms)`: time allowed for the response head.
    ///
    /// # Examples
    /// ```
    /// let mut req = node_http::request(Default::default()).unwrap();
    /// req.set_timeout(Some(std::time::Duration::from_secs(1)));
    /// ```
    #[doc(alias = "setTimeout")]
    pub fn set_timeout(&mut self, timeout: Option<Duration>) {
        self.opts.timeout = timeout;
    }

    /// `request.addTrailers(headers)` (sent after a chunked body).
    ///
    /// # Errors
    /// `ERR_INVALID_HTTP_TOKEN`, `ERR_INVALID_CHAR`.
    ///
    /// # Examples
    /// ```
    /// let mut req = node_http::request(Default::default()).unwrap();
    /// req.add_trailers(&[("X-Sum".into(), "1".into())]).unwrap();
    /// ```
    #[doc(alias = "addTrailers")]
    pub fn add_trailers(&mut self, trailers: &[(String, String)]) -> Result<()> {
        self.trailers.extend_from_slice(&trailers_bytes(trailers)?);
        Ok(())
    }

    async fn connect(&mut self) -> Result<()> {
        if self.conn.is_some() {
            return Ok(());
        }
        let key = self.opts.key();
        let agent = self.agent();
        let mut permit = None;
        if let Some(agent) = &agent {
            permit = agent.acquire(&key).await;
            while let Some(mut conn) = agent.take_free(&key) {
                if conn.alive().await {
                    conn.permit = permit;
                    conn.pool = Some((agent.clone(), key));
                    conn.keep_alive = self.keep_alive;
                    self.conn = Some(conn);
                    return Ok(());
                }
            }
        }
        let socket = Socket::connect_with(ConnectOptions {
            port: self.opts.port,
            host: self.opts.host.clone(),
            path: self.opts.socket_path.clone(),
            no_delay: true,
            keep_alive: agent
                .as_ref()
                .filter(|a| a.options().keep_alive)
                .map(|a| a.options().keep_alive_msecs),
            ..Default::default()
        })
        .await?;
        let socket = match &self.opts.tls {
            Some(tls) => node_net::tls::connect(socket, tls, &self.opts.host).await?,
            None => socket,
        };
        let (r, w) = socket.into_split();
        self.conn = Some(Box::new(ClientConn {
            read: ReadSide {
                stream: Some(r),
                buf: BytesMut::with_capacity(READ_CHUNK),
                body: BodyDecoder::done(),
                deadline: None,
                error: None,
                timed_out: false,
                eof: false,
                generation: 0,
                consuming: false,
                trailers: None,
            },
            write: w,
            pool: agent.map(|a| (a, key)),
            keep_alive: self.keep_alive,
            permit,
            upgraded: false,
        }));
        Ok(())
    }

    fn build_head(&mut self, content_length: Option<u64>) {
        let m = self.opts.method.as_str();
        let chunked_default = !matches!(
            m,
            "GET" | "HEAD" | "DELETE" | "OPTIONS" | "TRACE" | "CONNECT"
        );
        let line = format!("{} {} HTTP/1.1\r\n", m, self.opts.path);
        let ctx = HeadCtx {
            send_date: false,
            should_keep_alive: self.keep_alive,
            keep_alive_timeout_secs: None,
            use_chunked_by_default: chunked_default,
            has_body: true,
            content_length,
            agent: !matches!(self.opts.agent, AgentChoice::None),
            has_trailer_header: self.headers.get("trailer").is_some(),
        };
        let out = store_header(&mut self.buf, line.as_bytes(), &self.headers, ctx);
        self.chunked = out.chunked;
        if out.conn_close {
            self.keep_alive = false;
        }
        self.head_built = true;
    }

    async fn flush(&mut self) -> Result<()> {
        self.connect().await?;
        let Some(conn) = self.conn.as_mut() else {
            return Err(Error::socket_hang_up());
        };
        let res = conn.write.write_all(&self.buf).await;
        self.buf.clear();
        res.map_err(|e| Error::io(&e, "write"))
    }

    fn push(&mut self, data: &[u8]) {
        if data.is_empty() {
            return;
        }
        if self.chunked {
            push_chunk_header(&mut self.buf, data.len());
        }
        self.buf.extend_from_slice(data);
        if self.chunked {
            self.buf.extend_from_slice(b"\r\n");
        }
    }

    /// `request.flushHeaders()`: connects and sends the head now.
    ///
    /// # Errors
    /// Connection errors.
    ///
    /// # Examples
    /// ```
    /// # #[tokio::main(flavor = "current_thread")] async fn main() -> node_http::Result<()> {
    /// # let (tx, mut rx) = tokio::sync::mpsc::unbounded_channel();
    /// # let server = node_http::create_server(move |req: node_http::IncomingMessage, res: node_http::ServerResponse| {
    /// #     let tx = tx.clone();
    /// #     async move { let _ = tx.send((req, res)); }
    /// # });
    /// # let port = server.listen(node_net::ListenOptions::port(0).host("127.0.0.1")).await?.as_inet().unwrap().port;
    /// let mut req = node_http::request(node_http::RequestOptions {
    ///     port, host: "127.0.0.1".into(), method: "POST".into(), ..Default::default() })?;
    /// req.flush_headers().await?;
    /// // The server sees the request before any body is sent.
    /// let (req_seen, mut res) = rx.recv().await.unwrap();
    /// assert_eq!(req_seen.method(), "POST");
    /// # res.end(None).await?; req.end(None).await?;
    /// # server.close(); Ok(()) }
    /// ```
    #[doc(alias = "flushHeaders")]
    pub async fn flush_headers(&mut self) -> Result<()> {
        if !self.head_built {
            self.build_head(None);
        }
        self.flush().await
    }

    /// Waits for the server's answer to `Expect: 100-continue` (Node's `'continue'`
    /// event): sends the head if needed, then resolves `true` on `100 Continue`, or
    /// `false` when the server answered with a final response instead, which
    /// [`ClientRequest::end`] then returns without sending a body.
    ///
    /// # Errors
    /// Connection errors, parse errors, `ETIMEDOUT` after the `timeout`.
    ///
    /// # Examples
    /// ```
    /// # #[tokio::main(flavor = "current_thread")] async fn main() -> node_http::Result<()> {
    /// # let server = node_http::create_server(|mut req: node_http::IncomingMessage, mut res: node_http::ServerResponse| async move {
    /// #     let token = req.headers().get("x-token").and_then(|v| v.as_str()).map(str::to_owned);
    /// #     let body = req.body().await.unwrap_or_default();
    /// #     if let Some(t) = token { let _ = res.set_header("X-Token", t.as_str()); }
    /// #     let _ = res.end(Some(&body)).await;
    /// # });
    /// # let port = server.listen(node_net::ListenOptions::port(0).host("127.0.0.1")).await?.as_inet().unwrap().port;
    /// # let opts = node_http::RequestOptions { port, host: "127.0.0.1".into(), method: "POST".into(), ..Default::default() };
    /// let mut req = node_http::request(node_http::RequestOptions {
    ///     headers: vec![("Expect".into(), "100-continue".into())],
    ///     ..opts
    /// })?;
    /// assert!(req.continued().await?); // the server answered 100 Continue
    /// let mut res = req.end(Some(b"hello")).await?;
    /// assert_eq!(&res.body().await?[..], b"hello");
    /// # server.close(); Ok(()) }
    /// ```
    pub async fn continued(&mut self) -> Result<bool> {
        self.flush_headers().await?;
        let is_head = self.opts.method == "HEAD";
        let timeout = self.opts.timeout;
        let Some(conn) = self.conn.as_mut() else {
            return Err(Error::socket_hang_up());
        };
        let head = read_response_head(conn, is_head, timeout, true).await?;
        if head.status == 100 {
            return Ok(true);
        }
        self.early = Some(head);
        Ok(false)
    }

    /// `request.write(chunk)`: sends a body chunk (chunked unless a Content-Length was
    /// set). Resolves once the data is handed to the socket.
    ///
    /// # Errors
    /// Connection and socket errors.
    ///
    /// # Examples
    /// ```
    /// # #[tokio::main(flavor = "current_thread")] async fn main() -> node_http::Result<()> {
    /// # let server = node_http::create_server(|mut req: node_http::IncomingMessage, mut res: node_http::ServerResponse| async move {
    /// #     let token = req.headers().get("x-token").and_then(|v| v.as_str()).map(str::to_owned);
    /// #     let body = req.body().await.unwrap_or_default();
    /// #     if let Some(t) = token { let _ = res.set_header("X-Token", t.as_str()); }
    /// #     let _ = res.end(Some(&body)).await;
    /// # });
    /// # let port = server.listen(node_net::ListenOptions::port(0).host("127.0.0.1")).await?.as_inet().unwrap().port;
    /// # let opts = node_http::RequestOptions { port, host: "127.0.0.1".into(), method: "POST".into(), ..Default::default() };
    /// let mut req = node_http::request(opts)?;
    /// req.write(b"ab").await?;
    /// req.write(b"cd").await?;
    /// let mut res = req.end(None).await?;
    /// assert_eq!(&res.body().await?[..], b"abcd");
    /// # server.close(); Ok(()) }
    /// ```
    pub async fn write(&mut self, data: &[u8]) -> Result<()> {
        if !self.head_built {
            self.build_head(None);
        }
        self.push(data);
        if self.buf.len() >= 16 * 1024 || self.conn.is_none() {
            self.flush().await?;
        }
        Ok(())
    }

    /// `request.end([data])` and the `'response'` event: finishes the request and
    /// resolves with the response head (the body is read from the returned message).
    ///
    /// # Errors
    /// Connection errors (`ECONNREFUSED` with address/port), `ECONNRESET`
    /// (`socket hang up`) when the server closes without answering, parse errors,
    /// `ETIMEDOUT` after the `timeout`.
    ///
    /// # Examples
    /// ```
    /// # #[tokio::main(flavor = "current_thread")] async fn main() -> node_http::Result<()> {
    /// # let server = node_http::create_server(|mut req: node_http::IncomingMessage, mut res: node_http::ServerResponse| async move {
    /// #     let token = req.headers().get("x-token").and_then(|v| v.as_str()).map(str::to_owned);
    /// #     let body = req.body().await.unwrap_or_default();
    /// #     if let Some(t) = token { let _ = res.set_header("X-Token", t.as_str()); }
    /// #     let _ = res.end(Some(&body)).await;
    /// # });
    /// # let port = server.listen(node_net::ListenOptions::port(0).host("127.0.0.1")).await?.as_inet().unwrap().port;
    /// # let opts = node_http::RequestOptions { port, host: "127.0.0.1".into(), method: "POST".into(), ..Default::default() };
    /// let req = node_http::request(opts)?;
    /// let mut res = req.end(Some(b"last")).await?;
    /// assert_eq!(res.status_code(), 200);
    /// assert_eq!(&res.body().await?[..], b"last");
    /// # server.close(); Ok(()) }
    /// ```
    pub async fn end(mut self, data: Option<&[u8]>) -> Result<IncomingMessage> {
        self.send_end(data).await?;
        self.read_response().await
    }

    /// The sending half of [`ClientRequest::end`]: the last chunk and trailers (Node's
    /// `'finish'` follows it). Then call [`ClientRequest::read_response`].
    ///
    /// # Errors
    /// Connection and socket errors.
    ///
    /// # Examples
    /// ```
    /// # #[tokio::main(flavor = "current_thread")] async fn main() -> node_http::Result<()> {
    /// # let server = node_http::create_server(|mut req: node_http::IncomingMessage, mut res: node_http::ServerResponse| async move {
    /// #     let token = req.headers().get("x-token").and_then(|v| v.as_str()).map(str::to_owned);
    /// #     let body = req.body().await.unwrap_or_default();
    /// #     if let Some(t) = token { let _ = res.set_header("X-Token", t.as_str()); }
    /// #     let _ = res.end(Some(&body)).await;
    /// # });
    /// # let port = server.listen(node_net::ListenOptions::port(0).host("127.0.0.1")).await?.as_inet().unwrap().port;
    /// # let opts = node_http::RequestOptions { port, host: "127.0.0.1".into(), method: "POST".into(), ..Default::default() };
    /// let mut req = node_http::request(opts)?;
    /// req.send_end(Some(b"body")).await?;
    /// let mut res = req.read_response().await?;
    /// assert_eq!(&res.body().await?[..], b"body");
    /// # server.close(); Ok(()) }
    /// ```
    pub async fn send_end(&mut self, data: Option<&[u8]>) -> Result<()> {
        // The server already answered (see `continued`): nothing more is sent, and the
        // connection is not reused.
        if self.early.is_none() {
            let data = data.unwrap_or(&[]);
            if !self.head_built {
                self.build_head(Some(data.len() as u64));
            }
            self.push(data);
            if self.chunked {
                let trailers = std::mem::take(&mut self.trailers);
                self.buf.extend_from_slice(b"0\r\n");
                self.buf.extend_from_slice(&trailers);
                self.buf.extend_from_slice(b"\r\n");
            }
            self.flush().await?;
        }
        Ok(())
    }

    /// The receiving half of [`ClientRequest::end`]: the response head (`'response'`).
    ///
    /// # Errors
    /// As [`ClientRequest::end`].
    ///
    /// # Examples
    /// ```
    /// # #[tokio::main(flavor = "current_thread")] async fn main() -> node_http::Result<()> {
    /// # let server = node_http::create_server(|mut req: node_http::IncomingMessage, mut res: node_http::ServerResponse| async move {
    /// #     let token = req.headers().get("x-token").and_then(|v| v.as_str()).map(str::to_owned);
    /// #     let body = req.body().await.unwrap_or_default();
    /// #     if let Some(t) = token { let _ = res.set_header("X-Token", t.as_str()); }
    /// #     let _ = res.end(Some(&body)).await;
    /// # });
    /// # let port = server.listen(node_net::ListenOptions::port(0).host("127.0.0.1")).await?.as_inet().unwrap().port;
    /// # let opts = node_http::RequestOptions { port, host: "127.0.0.1".into(), method: "POST".into(), ..Default::default() };
    /// let mut req = node_http::request(opts)?;
    /// req.send_end(Some(b"sent")).await?;
    /// let mut res = req.read_response().await?;
    /// assert_eq!(&res.body().await?[..], b"sent");
    /// # server.close(); Ok(()) }
    /// ```
    pub async fn read_response(mut self) -> Result<IncomingMessage> {
        let answered = self.early.is_some();
        let is_head = self.opts.method == "HEAD";
        let timeout = self.opts.timeout;
        let Some(mut conn) = self.conn.take() else {
            return Err(Error::socket_hang_up());
        };
        let opts = ParserOptions::default();
        let head = match self.early.take() {
            Some(h) => h,
            None => read_response_head(&mut conn, is_head, timeout, false).await?,
        };
        conn.read.deadline = None;
        let is_connect = self.opts.method.eq_ignore_ascii_case("CONNECT");
        if head.status == 101 || (is_connect && (200..300).contains(&head.status)) {
            // Node's 'upgrade'/'connect' on the request: the socket leaves the agent.
            conn.keep_alive = false;
            conn.pool = None;
            conn.upgraded = true;
            return Ok(IncomingMessage::for_client_upgrade(head, conn));
        }
        conn.keep_alive &= !answered && head.info.keep_alive && head.info.framing != Framing::Close;
        conn.read.body = BodyDecoder::new(head.info.framing, false, opts.max_header_size);
        if conn.read.body.is_done() {
            conn.release();
            return Ok(IncomingMessage::for_client(head, None));
        }
        Ok(IncomingMessage::for_client(head, Some(conn)))
    }

    /// `request.destroy()` / `abort()`: drops the connection without a response.
    ///
    /// # Examples
    /// ```
    /// node_http::request(Default::default()).unwrap().destroy();
    /// ```
    #[doc(alias = "abort")]
    pub fn destroy(self) {
        drop(self);
    }
}
