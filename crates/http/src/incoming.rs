//! [`IncomingMessage`]: a request on the server or a response on the client.

use std::sync::atomic::Ordering;
use std::sync::{Arc, OnceLock};

use bytes::{Bytes, BytesMut};

use crate::body::Step;
use crate::client::ClientConn;
use crate::conn::{ConnShared, ReadSide};
use crate::errors::{Error, Result};
use crate::headers::{Headers, RawHeaders};
use crate::parser::{RequestHead, ResponseHead};

#[derive(Debug)]
enum Source {
    /// The body is read from a server connection (for the request with this generation).
    Server(Arc<ConnShared>, u64),
    /// The body is read from a client connection (returned to its agent when done).
    Client(Box<ClientConn>),
    /// No body (upgrades, finished messages).
    None,
}

#[derive(Debug)]
enum Line {
    Request(RequestHead),
    Response {
        status: u16,
        reason: String,
        minor: u8,
    },
}

/// An HTTP message being received: Node's
/// [`http.IncomingMessage`](https://nodejs.org/api/http.html#class-httpincomingmessage).
///
/// On the server it is the request, on the client the response. The body is read with
/// [`IncomingMessage::read`] (one chunk at a time, never buffered whole) or
/// [`IncomingMessage::body`].
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
/// # let opts = node_http::RequestOptions {
/// #     port, host: "127.0.0.1".into(), method: "POST".into(), path: "/path?q=1".into(),
/// #     headers: vec![("X-Tag".into(), vec!["a", "b"].into())], ..Default::default() };
/// # let client = tokio::spawn(async move {
/// #     let mut res = node_http::request(opts)?.end(Some(b"hello")).await?;
/// #     let body = res.body().await?;
/// #     Ok::<_, node_http::Error>((res, body))
/// # });
/// let (mut req, mut res) = rx.recv().await.unwrap();
/// assert_eq!((req.method(), req.url(), req.http_version()), ("POST", "/path?q=1", "1.1"));
/// let mut body = Vec::new();
/// while let Some(chunk) = req.read().await? {
///     body.extend_from_slice(&chunk);
/// }
/// assert_eq!(body, b"hello");
/// assert!(req.complete());
/// # res.end(None).await?; client.await.unwrap()?;
/// # server.close(); Ok(()) }
/// ```
#[derive(Debug)]
pub struct IncomingMessage {
    line: Line,
    raw: RawHeaders,
    join_duplicates: bool,
    headers: OnceLock<Headers>,
    source: Source,
    complete: bool,
    aborted: bool,
    trailers: Option<RawHeaders>,
    /// The server connection, for socket facts.
    peer: Option<Arc<ConnShared>>,
}

impl IncomingMessage {
    pub(crate) fn for_server(
        mut head: RequestHead,
        shared: Arc<ConnShared>,
        generation: u64,
    ) -> Self {
        let framing_done = matches!(head.info.framing, crate::parser::Framing::Length(0));
        let raw = std::mem::take(&mut head.raw);
        let join = head.join_duplicates;
        IncomingMessage {
            line: Line::Request(head),
            raw,
            join_duplicates: join,
            headers: OnceLock::new(),
            source: if framing_done {
                Source::None
            } else {
                Source::Server(shared.clone(), generation)
            },
            complete: framing_done,
            aborted: false,
            trailers: None,
            peer: Some(shared),
        }
    }

    pub(crate) fn for_upgrade(mut head: RequestHead) -> Self {
        let raw = std::mem::take(&mut head.raw);
        let join = head.join_duplicates;
        IncomingMessage {
            line: Line::Request(head),
            raw,
            join_duplicates: join,
            headers: OnceLock::new(),
            source: Source::None,
            complete: true,
            aborted: false,
            trailers: None,
            peer: None,
        }
    }

    pub(crate) fn for_client(head: ResponseHead, conn: Option<Box<ClientConn>>) -> Self {
        let complete = conn.is_none();
        IncomingMessage {
            line: Line::Response {
                status: head.status,
                reason: head.reason,
                minor: head.minor,
            },
            raw: head.raw,
            join_duplicates: false,
            headers: OnceLock::new(),
            source: conn.map_or(Source::None, Source::Client),
            complete,
            aborted: false,
            trailers: None,
            peer: None,
        }
    }

    pub(crate) fn for_client_upgrade(head: ResponseHead, conn: Box<ClientConn>) -> Self {
        let mut msg = Self::for_client(head, Some(conn));
        msg.complete = true;
        msg
    }

    /// The socket of a `101 Switching Protocols` (or successful CONNECT) response, with
    /// the bytes already read past its head: Node's `'upgrade'`/`'connect'` event on the
    /// client request. `None` for other responses.
    ///
    /// # Examples
    /// ```
    /// # #[tokio::main(flavor = "current_thread")] async fn main() -> node_http::Result<()> {
    /// # use tokio::io::{AsyncReadExt, AsyncWriteExt};
    /// # struct Echo;
    /// # impl node_http::Handler for Echo {
    /// #     async fn request(&self, _req: node_http::IncomingMessage, _res: node_http::ServerResponse) {}
    /// #     fn handles_upgrade(&self) -> bool { true }
    /// #     async fn upgrade(&self, _req: node_http::IncomingMessage, up: node_http::Upgraded) {
    /// #         let node_http::Upgraded { mut socket, head } = up;
    /// #         let _ = socket.write_all(b"HTTP/1.1 101 Switching Protocols\r\nConnection: Upgrade\r\nUpgrade: echo\r\n\r\n").await;
    /// #         let mut msg = head.to_vec();
    /// #         msg.resize(4, 0);
    /// #         let _ = socket.read_exact(&mut msg[head.len().min(4)..]).await;
    /// #         let _ = socket.write_all(&msg).await;
    /// #     }
    /// # }
    /// # let server = node_http::create_server(Echo);
    /// # let port = server.listen(node_net::ListenOptions::port(0).host("127.0.0.1")).await?.as_inet().unwrap().port;
    /// let res = node_http::request(node_http::RequestOptions {
    ///     port, host: "127.0.0.1".into(),
    ///     headers: vec![("Connection".into(), "Upgrade".into()), ("Upgrade".into(), "echo".into())],
    ///     ..Default::default()
    /// })?.end(None).await?;
    /// assert_eq!(res.status_code(), 101);
    /// let node_http::Upgraded { mut socket, head } = res.into_upgraded().unwrap();
    /// socket.write_all(b"ping").await.unwrap();
    /// let mut echoed = head.to_vec();
    /// socket.read_to_end(&mut echoed).await.unwrap();
    /// assert_eq!(echoed, b"ping");
    /// # server.close(); Ok(()) }
    /// ```
    pub fn into_upgraded(mut self) -> Option<crate::server::Upgraded> {
        match std::mem::replace(&mut self.source, Source::None) {
            Source::Client(conn) if conn.is_upgrade() => conn.into_upgraded(),
            _ => None,
        }
    }

    /// `message.method` (requests; empty on responses).
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
    /// # let opts = node_http::RequestOptions { port, host: "127.0.0.1".into(), method: "POST".into(), path: "/path?q=1".into(), ..Default::default() };
    /// # let client = tokio::spawn(async move {
    /// #     let mut res = node_http::request(opts)?.end(Some(b"hello")).await?;
    /// #     let body = res.body().await?;
    /// #     Ok::<_, node_http::Error>((res, body))
    /// # });
    /// let (req, mut res) = rx.recv().await.unwrap();
    /// assert_eq!(req.method(), "POST");
    /// res.end(None).await?;
    /// let (client_res, _) = client.await.unwrap()?;
    /// assert_eq!(client_res.method(), ""); // a response has no method
    /// # server.close(); Ok(()) }
    /// ```
    pub fn method(&self) -> &str {
        match &self.line {
            Line::Request(h) => h.method(),
            Line::Response { .. } => "",
        }
    }

    /// `message.url` (requests; empty on responses).
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
    /// # let opts = node_http::RequestOptions { port, host: "127.0.0.1".into(), method: "POST".into(), path: "/path?q=1".into(), ..Default::default() };
    /// # let client = tokio::spawn(async move {
    /// #     let mut res = node_http::request(opts)?.end(Some(b"hello")).await?;
    /// #     let body = res.body().await?;
    /// #     Ok::<_, node_http::Error>((res, body))
    /// # });
    /// let (req, mut res) = rx.recv().await.unwrap();
    /// assert_eq!(req.url(), "/path?q=1");
    /// # res.end(None).await?; client.await.unwrap()?;
    /// # server.close(); Ok(()) }
    /// ```
    pub fn url(&self) -> &str {
        match &self.line {
            Line::Request(h) => h.url(),
            Line::Response { .. } => "",
        }
    }

    /// `message.statusCode` (responses; 0 on requests).
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
    /// let res = node_http::request(opts)?.end(None).await?;
    /// assert_eq!(res.status_code(), 200);
    /// # server.close(); Ok(()) }
    /// ```
    #[doc(alias = "statusCode")]
    pub fn status_code(&self) -> u16 {
        match &self.line {
            Line::Response { status, .. } => *status,
            Line::Request(_) => 0,
        }
    }

    /// `message.statusMessage` (responses).
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
    /// let res = node_http::request(opts)?.end(None).await?;
    /// assert_eq!(res.status_message(), "OK");
    /// # server.close(); Ok(()) }
    /// ```
    #[doc(alias = "statusMessage")]
    pub fn status_message(&self) -> &str {
        match &self.line {
            Line::Response { reason, .. } => reason,
            Line::Request(_) => "",
        }
    }

    /// `message.httpVersion`.
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
    /// # let opts = node_http::RequestOptions { port, host: "127.0.0.1".into(), method: "POST".into(), path: "/path?q=1".into(), ..Default::default() };
    /// # let client = tokio::spawn(async move {
    /// #     let mut res = node_http::request(opts)?.end(Some(b"hello")).await?;
    /// #     let body = res.body().await?;
    /// #     Ok::<_, node_http::Error>((res, body))
    /// # });
    /// let (req, mut res) = rx.recv().await.unwrap();
    /// assert_eq!(req.http_version(), "1.1");
    /// res.end(None).await?;
    /// assert_eq!(client.await.unwrap()?.0.http_version(), "1.1");
    /// # server.close(); Ok(()) }
    /// ```
    #[doc(alias = "httpVersion")]
    pub fn http_version(&self) -> &'static str {
        let minor = match &self.line {
            Line::Request(h) => h.minor,
            Line::Response { minor, .. } => *minor,
        };
        if minor == 0 {
            "1.0"
        } else {
            "1.1"
        }
    }

    /// `message.headers`, joined by Node's rules (computed once).
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
    /// # let opts = node_http::RequestOptions {
    /// #     port, host: "127.0.0.1".into(), method: "POST".into(), path: "/path?q=1".into(),
    /// #     headers: vec![("X-Tag".into(), vec!["a", "b"].into())], ..Default::default() };
    /// # let client = tokio::spawn(async move {
    /// #     let mut res = node_http::request(opts)?.end(Some(b"hello")).await?;
    /// #     let body = res.body().await?;
    /// #     Ok::<_, node_http::Error>((res, body))
    /// # });
    /// let (req, mut res) = rx.recv().await.unwrap();
    /// let host = req.headers().get("host").and_then(|v| v.as_str());
    /// assert_eq!(host, Some(format!("127.0.0.1:{port}").as_str()));
    /// // Repeated fields are joined, as in Node.
    /// assert_eq!(req.headers().get("x-tag").and_then(|v| v.as_str()), Some("a, b"));
    /// # res.end(None).await?; client.await.unwrap()?;
    /// # server.close(); Ok(()) }
    /// ```
    pub fn headers(&self) -> &Headers {
        self.headers
            .get_or_init(|| self.raw.joined(self.join_duplicates))
    }

    /// `message.headersDistinct`: each lower-cased name with all its values.
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
    /// # let opts = node_http::RequestOptions {
    /// #     port, host: "127.0.0.1".into(), method: "POST".into(), path: "/path?q=1".into(),
    /// #     headers: vec![("X-Tag".into(), vec!["a", "b"].into())], ..Default::default() };
    /// # let client = tokio::spawn(async move {
    /// #     let mut res = node_http::request(opts)?.end(Some(b"hello")).await?;
    /// #     let body = res.body().await?;
    /// #     Ok::<_, node_http::Error>((res, body))
    /// # });
    /// let (req, mut res) = rx.recv().await.unwrap();
    /// let distinct = req.headers_distinct();
    /// assert!(distinct.contains(&("x-tag".to_string(), vec!["a".to_string(), "b".to_string()])));
    /// # res.end(None).await?; client.await.unwrap()?;
    /// # server.close(); Ok(()) }
    /// ```
    #[doc(alias = "headersDistinct")]
    pub fn headers_distinct(&self) -> Vec<(String, Vec<String>)> {
        self.raw.distinct()
    }

    /// `message.rawHeaders`.
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
    /// # let opts = node_http::RequestOptions {
    /// #     port, host: "127.0.0.1".into(), method: "POST".into(), path: "/path?q=1".into(),
    /// #     headers: vec![("X-Tag".into(), vec!["a", "b"].into())], ..Default::default() };
    /// # let client = tokio::spawn(async move {
    /// #     let mut res = node_http::request(opts)?.end(Some(b"hello")).await?;
    /// #     let body = res.body().await?;
    /// #     Ok::<_, node_http::Error>((res, body))
    /// # });
    /// let (req, mut res) = rx.recv().await.unwrap();
    /// let flat = req.raw_headers().to_flat();
    /// // Name, value, name, value, … in wire order, names as sent.
    /// let i = flat.iter().position(|s| s == "X-Tag").unwrap();
    /// assert_eq!(&flat[i..i + 4], ["X-Tag", "a", "X-Tag", "b"]);
    /// # res.end(None).await?; client.await.unwrap()?;
    /// # server.close(); Ok(()) }
    /// ```
    #[doc(alias = "rawHeaders")]
    pub fn raw_headers(&self) -> &RawHeaders {
        &self.raw
    }

    /// `message.trailers` (after the body has been read).
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
    /// # let opts = node_http::RequestOptions {
    /// #     port, host: "127.0.0.1".into(), method: "POST".into(), path: "/path?q=1".into(),
    /// #     headers: vec![("X-Tag".into(), vec!["a", "b"].into())], ..Default::default() };
    /// # let client = tokio::spawn(async move {
    /// #     let mut req = node_http::request(opts)?;
    /// #     req.add_trailers(&[("X-Sum".into(), "5".into())])?;
    /// #     req.write(b"hello").await?;
    /// #     let mut res = req.end(None).await?;
    /// #     let body = res.body().await?;
    /// #     Ok::<_, node_http::Error>((res, body))
    /// # });
    /// let (mut req, mut res) = rx.recv().await.unwrap();
    /// req.body().await?; // trailers arrive after the body
    /// assert_eq!(req.trailers().get("x-sum").and_then(|v| v.as_str()), Some("5"));
    /// # res.end(None).await?; client.await.unwrap()?;
    /// # server.close(); Ok(()) }
    /// ```
    pub fn trailers(&self) -> Headers {
        self.trailers
            .as_ref()
            .map(|t| t.joined(false))
            .unwrap_or_default()
    }

    /// `message.trailersDistinct`.
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
    /// # let opts = node_http::RequestOptions {
    /// #     port, host: "127.0.0.1".into(), method: "POST".into(), path: "/path?q=1".into(),
    /// #     headers: vec![("X-Tag".into(), vec!["a", "b"].into())], ..Default::default() };
    /// # let client = tokio::spawn(async move {
    /// #     let mut req = node_http::request(opts)?;
    /// #     req.add_trailers(&[("X-Sum".into(), "5".into())])?;
    /// #     req.write(b"hello").await?;
    /// #     let mut res = req.end(None).await?;
    /// #     let body = res.body().await?;
    /// #     Ok::<_, node_http::Error>((res, body))
    /// # });
    /// let (mut req, mut res) = rx.recv().await.unwrap();
    /// req.body().await?;
    /// assert_eq!(req.trailers_distinct(), [("x-sum".to_string(), vec!["5".to_string()])]);
    /// # res.end(None).await?; client.await.unwrap()?;
    /// # server.close(); Ok(()) }
    /// ```
    #[doc(alias = "trailersDistinct")]
    pub fn trailers_distinct(&self) -> Vec<(String, Vec<String>)> {
        self.trailers
            .as_ref()
            .map(RawHeaders::distinct)
            .unwrap_or_default()
    }

    /// `message.rawTrailers`.
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
    /// # let opts = node_http::RequestOptions {
    /// #     port, host: "127.0.0.1".into(), method: "POST".into(), path: "/path?q=1".into(),
    /// #     headers: vec![("X-Tag".into(), vec!["a", "b"].into())], ..Default::default() };
    /// # let client = tokio::spawn(async move {
    /// #     let mut req = node_http::request(opts)?;
    /// #     req.add_trailers(&[("X-Sum".into(), "5".into())])?;
    /// #     req.write(b"hello").await?;
    /// #     let mut res = req.end(None).await?;
    /// #     let body = res.body().await?;
    /// #     Ok::<_, node_http::Error>((res, body))
    /// # });
    /// let (mut req, mut res) = rx.recv().await.unwrap();
    /// assert!(req.raw_trailers().is_none()); // not yet read
    /// req.body().await?;
    /// assert_eq!(req.raw_trailers().unwrap().to_flat(), ["X-Sum", "5"]);
    /// # res.end(None).await?; client.await.unwrap()?;
    /// # server.close(); Ok(()) }
    /// ```
    #[doc(alias = "rawTrailers")]
    pub fn raw_trailers(&self) -> Option<&RawHeaders> {
        self.trailers.as_ref()
    }

    /// `message.socket.remoteAddress` (server side; `None` for Unix sockets).
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
    /// # let opts = node_http::RequestOptions {
    /// #     port, host: "127.0.0.1".into(), method: "POST".into(), path: "/path?q=1".into(),
    /// #     headers: vec![("X-Tag".into(), vec!["a", "b"].into())], ..Default::default() };
    /// # let client = tokio::spawn(async move {
    /// #     let mut res = node_http::request(opts)?.end(Some(b"hello")).await?;
    /// #     let body = res.body().await?;
    /// #     Ok::<_, node_http::Error>((res, body))
    /// # });
    /// let (req, mut res) = rx.recv().await.unwrap();
    /// assert_eq!(req.remote_address().as_deref(), Some("127.0.0.1"));
    /// # res.end(None).await?; client.await.unwrap()?;
    /// # server.close(); Ok(()) }
    /// ```
    pub fn remote_address(&self) -> Option<String> {
        self.peer
            .as_ref()
            .and_then(|h| h.handle.as_ref()?.remote_address())
    }

    /// The server connection's number (see [`crate::Handler::connection`]); `None` on
    /// the client side.
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
    /// # let opts = node_http::RequestOptions {
    /// #     port, host: "127.0.0.1".into(), method: "POST".into(), path: "/path?q=1".into(),
    /// #     headers: vec![("X-Tag".into(), vec!["a", "b"].into())], ..Default::default() };
    /// # let client = tokio::spawn(async move {
    /// #     let mut res = node_http::request(opts)?.end(Some(b"hello")).await?;
    /// #     let body = res.body().await?;
    /// #     Ok::<_, node_http::Error>((res, body))
    /// # });
    /// let (req, mut res) = rx.recv().await.unwrap();
    /// assert!(req.connection_id().is_some());
    /// res.end(None).await?;
    /// let (client_res, _) = client.await.unwrap()?;
    /// assert_eq!(client_res.connection_id(), None); // client side
    /// # server.close(); Ok(()) }
    /// ```
    pub fn connection_id(&self) -> Option<u64> {
        self.peer.as_ref().map(|p| p.id)
    }

    /// `message.socket.remotePort` (server side).
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
    /// # let opts = node_http::RequestOptions {
    /// #     port, host: "127.0.0.1".into(), method: "POST".into(), path: "/path?q=1".into(),
    /// #     headers: vec![("X-Tag".into(), vec!["a", "b"].into())], ..Default::default() };
    /// # let client = tokio::spawn(async move {
    /// #     let mut res = node_http::request(opts)?.end(Some(b"hello")).await?;
    /// #     let body = res.body().await?;
    /// #     Ok::<_, node_http::Error>((res, body))
    /// # });
    /// let (req, mut res) = rx.recv().await.unwrap();
    /// let client_port = req.remote_port().unwrap();
    /// assert_ne!(client_port, port);
    /// # res.end(None).await?; client.await.unwrap()?;
    /// # server.close(); Ok(()) }
    /// ```
    pub fn remote_port(&self) -> Option<u16> {
        self.peer
            .as_ref()
            .and_then(|h| h.handle.as_ref()?.remote_port())
    }

    /// `message.setTimeout(ms)` on a server request: the connection's idle timeout (see
    /// [`crate::ServerResponse::set_timeout`]). No effect on client responses, whose
    /// timeout is [`crate::RequestOptions::timeout`].
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
    /// # let opts = node_http::RequestOptions {
    /// #     port, host: "127.0.0.1".into(), method: "POST".into(), path: "/path?q=1".into(),
    /// #     headers: vec![("X-Tag".into(), vec!["a", "b"].into())], ..Default::default() };
    /// # let client = tokio::spawn(async move {
    /// #     let mut res = node_http::request(opts)?.end(Some(b"hello")).await?;
    /// #     let body = res.body().await?;
    /// #     Ok::<_, node_http::Error>((res, body))
    /// # });
    /// let (req, res) = rx.recv().await.unwrap();
    /// req.set_timeout(Some(std::time::Duration::from_millis(10)));
    /// // Nothing is sent: after 10 ms idle the connection is destroyed.
    /// let err = client.await.unwrap().unwrap_err();
    /// assert_eq!(err.code(), "ECONNRESET");
    /// # drop(res); server.close(); Ok(()) }
    /// ```
    #[doc(alias = "setTimeout")]
    pub fn set_timeout(&self, timeout: Option<std::time::Duration>) {
        if let Some(p) = &self.peer {
            p.set_timeout(timeout);
        }
    }

    /// `message.complete`: the whole body has been received.
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
    /// # let opts = node_http::RequestOptions { port, host: "127.0.0.1".into(), method: "POST".into(), path: "/path?q=1".into(), ..Default::default() };
    /// # let client = tokio::spawn(async move {
    /// #     let mut res = node_http::request(opts)?.end(Some(b"hello")).await?;
    /// #     let body = res.body().await?;
    /// #     Ok::<_, node_http::Error>((res, body))
    /// # });
    /// let (mut req, mut res) = rx.recv().await.unwrap();
    /// req.body().await?;
    /// assert!(req.complete());
    /// # res.end(None).await?; client.await.unwrap()?;
    /// # server.close(); Ok(()) }
    /// ```
    pub fn complete(&self) -> bool {
        self.complete
    }

    /// `message.aborted`: the connection ended before the body was complete.
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
    /// # let opts = node_http::RequestOptions {
    /// #     port, host: "127.0.0.1".into(), method: "POST".into(), path: "/path?q=1".into(),
    /// #     headers: vec![("X-Tag".into(), vec!["a", "b"].into())], ..Default::default() };
    /// # let client = tokio::spawn(async move {
    /// #     let mut res = node_http::request(opts)?.end(Some(b"hello")).await?;
    /// #     let body = res.body().await?;
    /// #     Ok::<_, node_http::Error>((res, body))
    /// # });
    /// let (mut req, mut res) = rx.recv().await.unwrap();
    /// req.body().await?;
    /// assert!(!req.aborted());
    /// # res.end(None).await?; client.await.unwrap()?;
    /// # server.close(); Ok(()) }
    /// ```
    pub fn aborted(&self) -> bool {
        self.aborted
    }

    /// Reads the next body chunk; `None` at the end (Node's `'end'`).
    ///
    /// # Errors
    /// `ECONNRESET` (`aborted`) if the peer closes mid-body, a parse error (`HPE_*`) for
    /// a malformed chunked body, `ETIMEDOUT` after `requestTimeout`.
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
    /// # let opts = node_http::RequestOptions { port, host: "127.0.0.1".into(), method: "POST".into(), path: "/path?q=1".into(), ..Default::default() };
    /// # let client = tokio::spawn(async move {
    /// #     let mut res = node_http::request(opts)?.end(Some(b"hello")).await?;
    /// #     let body = res.body().await?;
    /// #     Ok::<_, node_http::Error>((res, body))
    /// # });
    /// let (mut req, mut res) = rx.recv().await.unwrap();
    /// let mut body = Vec::new();
    /// while let Some(chunk) = req.read().await? {
    ///     body.extend_from_slice(&chunk);
    /// }
    /// assert_eq!(body, b"hello");
    /// assert_eq!(req.read().await?, None); // ended
    /// # res.end(None).await?; client.await.unwrap()?;
    /// # server.close(); Ok(()) }
    /// ```
    pub async fn read(&mut self) -> Result<Option<Bytes>> {
        if self.complete {
            return Ok(None);
        }
        let res = match &mut self.source {
            Source::None => Ok(Chunk::End(None)),
            Source::Server(shared, generation) => match Lent::take(shared, *generation) {
                // The connection moved on: the rest was dumped (Node's `_dump()`).
                None => Ok(Chunk::End(None)),
                Some(mut lent) => match lent.side.as_mut() {
                    Some(rs) => {
                        rs.consuming = true;
                        rs.next_chunk().await
                    }
                    None => Ok(Chunk::End(None)),
                },
            },
            Source::Client(conn) => conn.read.next_chunk().await,
        };
        match res {
            Ok(Chunk::Data(b)) => Ok(Some(b)),
            Ok(Chunk::End(trailers)) => {
                self.complete = true;
                self.trailers = trailers;
                if let Source::Client(conn) = std::mem::replace(&mut self.source, Source::None) {
                    conn.release();
                }
                Ok(None)
            }
            Err(e) => {
                self.aborted = true;
                self.source = Source::None;
                Err(e)
            }
        }
    }

    /// Reads the whole remaining body into one buffer.
    ///
    /// # Errors
    /// As [`IncomingMessage::read`].
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
    /// # let opts = node_http::RequestOptions {
    /// #     port, host: "127.0.0.1".into(), method: "POST".into(), path: "/path?q=1".into(),
    /// #     headers: vec![("X-Tag".into(), vec!["a", "b"].into())], ..Default::default() };
    /// # let client = tokio::spawn(async move {
    /// #     let mut res = node_http::request(opts)?.end(Some(b"hello")).await?;
    /// #     let body = res.body().await?;
    /// #     Ok::<_, node_http::Error>((res, body))
    /// # });
    /// let (mut req, mut res) = rx.recv().await.unwrap();
    /// assert_eq!(&req.body().await?[..], b"hello");
    /// # res.end(None).await?; client.await.unwrap()?;
    /// # server.close(); Ok(()) }
    /// ```
    pub async fn body(&mut self) -> Result<Bytes> {
        let mut out = BytesMut::new();
        while let Some(chunk) = self.read().await? {
            if out.is_empty() && self.complete {
                return Ok(chunk);
            }
            out.extend_from_slice(&chunk);
        }
        Ok(out.freeze())
    }

    /// Reads and discards the rest of the body (Node's `message.resume()` with no
    /// listener).
    ///
    /// # Errors
    /// As [`IncomingMessage::read`].
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
    /// # let opts = node_http::RequestOptions {
    /// #     port, host: "127.0.0.1".into(), method: "POST".into(), path: "/path?q=1".into(),
    /// #     headers: vec![("X-Tag".into(), vec!["a", "b"].into())], ..Default::default() };
    /// # let client = tokio::spawn(async move {
    /// #     let mut res = node_http::request(opts)?.end(Some(b"hello")).await?;
    /// #     let body = res.body().await?;
    /// #     Ok::<_, node_http::Error>((res, body))
    /// # });
    /// let (mut req, mut res) = rx.recv().await.unwrap();
    /// req.resume().await?; // the body is read and dropped
    /// assert!(req.complete());
    /// # res.end(None).await?; client.await.unwrap()?;
    /// # server.close(); Ok(()) }
    /// ```
    pub async fn resume(&mut self) -> Result<()> {
        while self.read().await?.is_some() {}
        Ok(())
    }
}

/// The connection's read side borrowed by a request for one read; it goes back (and the
/// driver is woken) even if the read is cancelled.
struct Lent<'a> {
    shared: &'a ConnShared,
    side: Option<ReadSide>,
}

impl<'a> Lent<'a> {
    /// The read side, if it is parked for the request of `generation`.
    fn take(shared: &'a ConnShared, generation: u64) -> Option<Self> {
        let side = shared.take_read()?;
        if side.generation != generation {
            shared.park_read(side);
            shared.body_done.notify_one();
            return None;
        }
        Some(Lent {
            shared,
            side: Some(side),
        })
    }
}

impl Drop for Lent<'_> {
    fn drop(&mut self) {
        if let Some(side) = self.side.take() {
            self.shared.park_read(side);
        }
        self.shared.body_done.notify_one();
    }
}

/// One result of reading a body.
#[derive(Debug)]
pub(crate) enum Chunk {
    Data(Bytes),
    End(Option<RawHeaders>),
}

impl ReadSide {
    /// Decodes the next body piece, reading from the socket as needed.
    pub(crate) async fn next_chunk(&mut self) -> Result<Chunk> {
        loop {
            match self.body.decode(&mut self.buf) {
                Ok(Step::Data(b)) => return Ok(Chunk::Data(b)),
                Ok(Step::Done(t)) => return Ok(Chunk::End(t)),
                Ok(Step::NeedMore) => {}
                Err(e) => {
                    self.error = Some(e);
                    return Err(e.into());
                }
            }
            if self.eof {
                return match self.body.eof() {
                    Ok(()) => Ok(Chunk::End(None)),
                    Err(_) => Err(Error::aborted()),
                };
            }
            if let Err(e) = self.fill().await {
                return Err(Error::io(&e, "read"));
            }
        }
    }
}

impl Drop for IncomingMessage {
    fn drop(&mut self) {
        if let Source::Server(shared, generation) = &self.source {
            shared.reader_gone.store(*generation, Ordering::Release);
            shared.body_done.notify_one();
        }
    }
}
