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
/// ```no_run
/// # #[allow(dead_code)]
/// # async fn f(mut req: node_http::IncomingMessage) -> node_http::Result<()> {
/// println!("{} {} HTTP/{}", req.method(), req.url(), req.http_version());
/// while let Some(chunk) = req.read().await? {
///     println!("{} bytes", chunk.len());
/// }
/// assert!(req.complete());
/// # Ok(()) }
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
    /// ```no_run
    /// # #[allow(dead_code)]
    /// # async fn f(res: node_http::IncomingMessage) {
    /// if let Some(up) = res.into_upgraded() {
    ///     let (_socket, _head) = (up.socket, up.head);
    /// }
    /// # }
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
    /// ```no_run
    /// # #[allow(dead_code)]
    /// # async fn f(res: node_http::IncomingMessage) { assert_eq!(res.status_code(), 200); }
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
    /// ```no_run
    /// # #[allow(dead_code)]
    /// # async fn f(res: node_http::IncomingMessage) { assert_eq!(res.status_message(), "OK"); }
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
    /// ```no_run
    /// # #[allow(dead_code)]
    /// # async fn f(req: node_http::IncomingMessage) {
    /// let _host = req.headers().get("host").and_then(|v| v.as_str());
    /// # }
    /// ```
    pub fn headers(&self) -> &Headers {
        self.headers
            .get_or_init(|| self.raw.joined(self.join_duplicates))
    }

    /// `message.headersDistinct`: each lower-cased name with all its values.
    ///
    /// # Examples
    /// ```no_run
    /// # #[allow(dead_code)]
    /// # async fn f(req: node_http::IncomingMessage) { let _ = req.headers_distinct(); }
    /// ```
    #[doc(alias = "headersDistinct")]
    pub fn headers_distinct(&self) -> Vec<(String, Vec<String>)> {
        self.raw.distinct()
    }

    /// `message.rawHeaders`.
    ///
    /// # Examples
    /// ```no_run
    /// # #[allow(dead_code)]
    /// # async fn f(req: node_http::IncomingMessage) { let _ = req.raw_headers().to_flat(); }
    /// ```
    #[doc(alias = "rawHeaders")]
    pub fn raw_headers(&self) -> &RawHeaders {
        &self.raw
    }

    /// `message.trailers` (after the body has been read).
    ///
    /// # Examples
    /// ```no_run
    /// # #[allow(dead_code)]
    /// # async fn f(req: node_http::IncomingMessage) { let _ = req.trailers(); }
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
    /// ```no_run
    /// # #[allow(dead_code)]
    /// # async fn f(req: node_http::IncomingMessage) { let _ = req.trailers_distinct(); }
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
    /// ```no_run
    /// # #[allow(dead_code)]
    /// # async fn f(req: node_http::IncomingMessage) { let _ = req.raw_trailers(); }
    /// ```
    #[doc(alias = "rawTrailers")]
    pub fn raw_trailers(&self) -> Option<&RawHeaders> {
        self.trailers.as_ref()
    }

    /// `message.socket.remoteAddress` (server side; `None` for Unix sockets).
    ///
    /// # Examples
    /// ```no_run
    /// # #[allow(dead_code)]
    /// # async fn f(req: node_http::IncomingMessage) { let _ip = req.remote_address(); }
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
    /// ```no_run
    /// # #[allow(dead_code)]
    /// # async fn f(req: node_http::IncomingMessage) { let _id = req.connection_id(); }
    /// ```
    pub fn connection_id(&self) -> Option<u64> {
        self.peer.as_ref().map(|p| p.id)
    }

    /// `message.socket.remotePort` (server side).
    ///
    /// # Examples
    /// ```no_run
    /// # #[allow(dead_code)]
    /// # async fn f(req: node_http::IncomingMessage) { let _port = req.remote_port(); }
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
    /// ```no_run
    /// # #[allow(dead_code)]
    /// # fn f(req: node_http::IncomingMessage) {
    /// req.set_timeout(Some(std::time::Duration::from_secs(30)));
    /// # }
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
    /// ```no_run
    /// # #[allow(dead_code)]
    /// # async fn f(req: node_http::IncomingMessage) { assert!(!req.aborted()); }
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
    /// ```no_run
    /// # #[allow(dead_code)]
    /// # async fn f(mut req: node_http::IncomingMessage) -> node_http::Result<()> {
    /// let _body = req.body().await?;
    /// # Ok(()) }
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
    /// ```no_run
    /// # #[allow(dead_code)]
    /// # async fn f(mut req: node_http::IncomingMessage) -> node_http::Result<()> {
    /// req.resume().await?;
    /// # Ok(()) }
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
