//! [`ServerResponse`]: Node's `http.ServerResponse`.

use std::sync::Arc;

use bytes::{Bytes, BytesMut};

use crate::body::push_chunk_header;
use crate::conn::{done, ConnShared, WriteSide};
use crate::errors::{Error, Result};
use crate::incoming::IncomingMessage;
use crate::outgoing::{push_u64, store_header, trailers_bytes, HeadCtx, OutgoingHeaders};
use crate::server::ServerOptions;
use crate::status::status_text;

/// Writes above this are sent straight to the socket instead of being copied.
const COPY_LIMIT: usize = 16 * 1024;
/// Node's default `highWaterMark` for writable streams.
const HIGH_WATER_MARK: usize = 16 * 1024;

/// The response to one request: Node's
/// [`http.ServerResponse`](https://nodejs.org/api/http.html#class-httpserverresponse).
///
/// Headers are staged until the first write; `end(data)` without earlier writes sends a
/// `Content-Length`, otherwise the body is chunked (HTTP/1.1).
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
/// let (_req, mut res) = rx.recv().await.unwrap();
/// res.set_header("Content-Type", "text/plain")?;
/// res.set_status_code(201);
/// res.end(Some(b"created")).await?;
/// let (client_res, body) = client.await.unwrap()?;
/// assert_eq!(client_res.status_code(), 201);
/// assert_eq!(client_res.headers().get("content-type").and_then(|v| v.as_str()), Some("text/plain"));
/// assert_eq!(&body[..], b"created");
/// # server.close(); Ok(()) }
/// ```
#[derive(Debug)]
pub struct ServerResponse {
    pub(crate) shared: Arc<ConnShared>,
    /// The connection's write side, lent by the driver until the response ends.
    pub(crate) writer: Option<WriteSide>,
    pub(crate) status_code: u16,
    pub(crate) status_message: Option<String>,
    pub(crate) headers: OutgoingHeaders,
    /// Node's `_header`: the head has been serialised.
    pub(crate) head_built: bool,
    pub(crate) chunked: bool,
    pub(crate) last: bool,
    pub(crate) finished: bool,
    pub(crate) has_body: bool,
    pub(crate) keep_alive: bool,
    pub(crate) http10: bool,
    pub(crate) is_head: bool,
    pub(crate) send_date: bool,
    pub(crate) keep_alive_secs: Option<u64>,
    pub(crate) trailers: Vec<u8>,
}

impl ServerResponse {
    pub(crate) fn new(
        shared: Arc<ConnShared>,
        writer: WriteSide,
        req: &IncomingMessage,
        keep_alive: bool,
        opts: &ServerOptions,
    ) -> Self {
        let is_head = req.method() == "HEAD";
        // Node: `Keep-Alive: timeout=${floor(ms / 1000)}` whenever the timeout is set.
        let ka = opts.keep_alive_timeout;
        ServerResponse {
            shared,
            writer: Some(writer),
            status_code: 200,
            status_message: None,
            headers: OutgoingHeaders::default(),
            head_built: false,
            chunked: false,
            last: !keep_alive,
            finished: false,
            has_body: !is_head,
            keep_alive,
            http10: req.http_version() == "1.0",
            is_head,
            send_date: opts.send_date,
            keep_alive_secs: (!ka.is_zero()).then_some(ka.as_secs()),
            trailers: Vec::new(),
        }
    }

    /// `response.statusCode`.
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
    /// let (_req, mut res) = rx.recv().await.unwrap();
    /// assert_eq!(res.status_code(), 200);
    /// res.set_status_code(404);
    /// assert_eq!(res.status_code(), 404);
    /// res.end(None).await?;
    /// assert_eq!(client.await.unwrap()?.0.status_code(), 404);
    /// # server.close(); Ok(()) }
    /// ```
    #[doc(alias = "statusCode")]
    pub fn status_code(&self) -> u16 {
        self.status_code
    }

    /// Sets `response.statusCode` (checked when the head is written).
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
    /// let (_req, mut res) = rx.recv().await.unwrap();
    /// res.set_status_code(201);
    /// res.end(None).await?;
    /// let (client_res, _) = client.await.unwrap()?;
    /// assert_eq!((client_res.status_code(), client_res.status_message()), (201, "Created"));
    /// # server.close(); Ok(()) }
    /// ```
    pub fn set_status_code(&mut self, code: u16) {
        self.status_code = code;
    }

    /// `response.statusMessage` (defaults to Node's reason phrase for the code).
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
    /// let (_req, mut res) = rx.recv().await.unwrap();
    /// assert_eq!(res.status_message(), "OK");
    /// res.set_status_code(404);
    /// assert_eq!(res.status_message(), "Not Found");
    /// res.set_status_message("Fine");
    /// assert_eq!(res.status_message(), "Fine");
    /// # res.end(None).await?; client.await.unwrap()?;
    /// # server.close(); Ok(()) }
    /// ```
    #[doc(alias = "statusMessage")]
    pub fn status_message(&self) -> &str {
        self.status_message
            .as_deref()
            .unwrap_or_else(|| status_text(self.status_code))
    }

    /// Sets `response.statusMessage`.
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
    /// let (_req, mut res) = rx.recv().await.unwrap();
    /// res.set_status_message("Made It");
    /// res.end(None).await?;
    /// assert_eq!(client.await.unwrap()?.0.status_message(), "Made It");
    /// # server.close(); Ok(()) }
    /// ```
    pub fn set_status_message(&mut self, msg: impl Into<String>) {
        self.status_message = Some(msg.into());
    }

    /// `response.headersSent`.
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
    /// let (_req, mut res) = rx.recv().await.unwrap();
    /// assert!(!res.headers_sent());
    /// res.write(b"x").await?;
    /// assert!(res.headers_sent());
    /// # res.end(None).await?; client.await.unwrap()?;
    /// # server.close(); Ok(()) }
    /// ```
    #[doc(alias = "headersSent")]
    pub fn headers_sent(&self) -> bool {
        self.head_built
    }

    /// `response.writableEnded` / `finished`.
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
    /// let (_req, mut res) = rx.recv().await.unwrap();
    /// assert!(!res.finished());
    /// res.end(None).await?;
    /// assert!(res.finished());
    /// # client.await.unwrap()?;
    /// # server.close(); Ok(()) }
    /// ```
    #[doc(alias = "writableEnded")]
    pub fn finished(&self) -> bool {
        self.finished
    }

    /// Serialises the head into the write buffer (Node's `_storeHeader`).
    pub(crate) fn build_head(&mut self, content_length: Option<u64>) {
        let status = self.status_code;
        if status == 204 || status == 304 || (100..200).contains(&status) {
            self.has_body = false;
        }
        let mut line = BytesMut::with_capacity(64);
        line.extend_from_slice(b"HTTP/1.1 ");
        push_u64(&mut line, u64::from(status));
        line.extend_from_slice(b" ");
        line.extend_from_slice(&crate::outgoing::latin1_bytes(self.status_message()));
        line.extend_from_slice(b"\r\n");
        let ctx = HeadCtx {
            send_date: self.send_date,
            should_keep_alive: self.keep_alive,
            keep_alive_timeout_secs: self.keep_alive_secs,
            use_chunked_by_default: !self.http10,
            has_body: self.has_body,
            content_length,
            agent: false,
            has_trailer_header: self.headers.get("trailer").is_some(),
        };
        let Some(w) = self.writer.as_mut() else {
            return;
        };
        let out = store_header(&mut w.buf, &line, &self.headers, ctx);
        self.chunked = out.chunked;
        self.last |= out.last;
        self.head_built = true;
    }

    fn fast_head(&mut self, content_length: usize) {
        // The common case (no staged headers, 200 OK, keep-alive) without the general
        // serialiser.
        let Some(w) = self.writer.as_mut() else {
            return;
        };
        let buf: &mut BytesMut = &mut w.buf;
        buf.extend_from_slice(b"HTTP/1.1 200 OK\r\n");
        if self.send_date {
            buf.extend_from_slice(b"Date: ");
            crate::date::push_date(buf);
            buf.extend_from_slice(b"\r\n");
        }
        buf.extend_from_slice(b"Connection: keep-alive\r\n");
        if let Some(t) = self.keep_alive_secs {
            buf.extend_from_slice(b"Keep-Alive: timeout=");
            push_u64(buf, t);
            buf.extend_from_slice(b"\r\n");
        }
        buf.extend_from_slice(b"Content-Length: ");
        push_u64(buf, content_length as u64);
        buf.extend_from_slice(b"\r\n\r\n");
        self.head_built = true;
    }

    fn writer(&mut self) -> Result<&mut WriteSide> {
        match self.writer.as_mut() {
            Some(w) => Ok(w),
            None => Err(Error::write_after_end()),
        }
    }

    /// Appends body bytes (chunk-framed when chunked), sending large ones directly.
    async fn push_body(&mut self, data: &[u8]) -> Result<()> {
        if !self.has_body || data.is_empty() {
            return Ok(());
        }
        let chunked = self.chunked;
        let w = self.writer()?;
        if chunked {
            push_chunk_header(&mut w.buf, data.len());
        }
        if data.len() > COPY_LIMIT {
            w.write_direct(data)
                .await
                .map_err(|e| Error::io(&e, "write"))?;
        } else {
            w.buf.extend_from_slice(data);
        }
        if chunked {
            w.buf.extend_from_slice(b"\r\n");
        }
        Ok(())
    }

    /// `response.flushHeaders()`: sends the head now.
    ///
    /// # Errors
    /// Socket errors (`EPIPE`, `ECONNRESET`).
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
    /// let (_req, mut res) = rx.recv().await.unwrap();
    /// res.flush_headers().await?;
    /// assert!(res.headers_sent());
    /// // The staged head is fixed now.
    /// assert_eq!(res.set_header("X-Late", "1").unwrap_err().code(), "ERR_HTTP_HEADERS_SENT");
    /// # res.end(None).await?; client.await.unwrap()?;
    /// # server.close(); Ok(()) }
    /// ```
    #[doc(alias = "flushHeaders")]
    pub async fn flush_headers(&mut self) -> Result<()> {
        if !self.head_built {
            self.build_head(None);
        }
        self.flush().await
    }

    async fn flush(&mut self) -> Result<()> {
        let w = self.writer()?;
        w.flush_buf().await.map_err(|e| Error::io(&e, "write"))
    }

    /// `response.write(chunk)`: sends the head if needed and a body chunk. Resolves once
    /// the data is buffered below the high-water mark (Node's `write()` returning `false`
    /// and `'drain'`, awaited).
    ///
    /// # Errors
    /// `ERR_STREAM_WRITE_AFTER_END` after `end`, socket errors.
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
    /// let (_req, mut res) = rx.recv().await.unwrap();
    /// res.write(b"part 1, ").await?;
    /// res.end(Some(b"part 2")).await?;
    /// let (client_res, body) = client.await.unwrap()?;
    /// assert_eq!(client_res.headers().get("transfer-encoding").and_then(|v| v.as_str()), Some("chunked"));
    /// assert_eq!(&body[..], b"part 1, part 2");
    /// # server.close(); Ok(()) }
    /// ```
    pub async fn write(&mut self, data: &[u8]) -> Result<()> {
        if self.finished {
            return Err(Error::write_after_end());
        }
        if !self.head_built {
            self.build_head(None);
        }
        self.push_body(data).await?;
        if self.writer()?.buf.len() >= HIGH_WATER_MARK {
            self.flush().await?;
        }
        Ok(())
    }

    /// Node's synchronous `response.write(chunk)`: buffers the head and the chunk without
    /// waiting and returns `false` once the buffer is at the high-water mark (16 KiB),
    /// the point where Node's `write()` returns `false`. Call [`ServerResponse::drain`]
    /// (Node's `'drain'`) before writing more.
    ///
    /// # Errors
    /// `ERR_STREAM_WRITE_AFTER_END` after `end`.
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
    /// let (_req, mut res) = rx.recv().await.unwrap();
    /// if !res.try_write(b"chunk")? {
    ///     res.drain().await?;
    /// }
    /// res.end(None).await?;
    /// assert_eq!(&client.await.unwrap()?.1[..], b"chunk");
    /// # server.close(); Ok(()) }
    /// ```
    pub fn try_write(&mut self, data: &[u8]) -> Result<bool> {
        if self.finished {
            return Err(Error::write_after_end());
        }
        if !self.head_built {
            self.build_head(None);
        }
        if self.has_body && !data.is_empty() {
            let chunked = self.chunked;
            let w = self.writer()?;
            if chunked {
                push_chunk_header(&mut w.buf, data.len());
            }
            w.buf.extend_from_slice(data);
            if chunked {
                w.buf.extend_from_slice(b"\r\n");
            }
        }
        Ok(self.writable_length() < HIGH_WATER_MARK)
    }

    /// Sends everything buffered (Node's `'drain'`).
    ///
    /// # Errors
    /// Socket errors (`EPIPE`, `ECONNRESET`).
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
    /// let (_req, mut res) = rx.recv().await.unwrap();
    /// assert!(res.try_write(b"part")?);
    /// res.drain().await?;
    /// assert_eq!(res.writable_length(), 0);
    /// res.end(None).await?;
    /// assert_eq!(&client.await.unwrap()?.1[..], b"part");
    /// # server.close(); Ok(()) }
    /// ```
    pub async fn drain(&mut self) -> Result<()> {
        self.flush().await
    }

    /// `response.setTimeout(ms)`: the connection's idle timeout; when it passes, the
    /// connection is destroyed (Node's behaviour without a `'timeout'` listener).
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
    /// let (_req, res) = rx.recv().await.unwrap();
    /// res.set_timeout(Some(std::time::Duration::from_millis(10)));
    /// // Nothing is sent: after 10 ms idle the connection is destroyed.
    /// assert_eq!(client.await.unwrap().unwrap_err().code(), "ECONNRESET");
    /// # drop(res); server.close(); Ok(()) }
    /// ```
    #[doc(alias = "setTimeout")]
    pub fn set_timeout(&self, timeout: Option<std::time::Duration>) {
        self.shared.set_timeout(timeout);
    }

    /// `response.writableLength`: bytes buffered and not yet sent.
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
    /// let (_req, mut res) = rx.recv().await.unwrap();
    /// assert_eq!(res.writable_length(), 0);
    /// res.try_write(b"abc")?;
    /// assert!(res.writable_length() > 3); // the head and the chunk wait to be sent
    /// res.drain().await?;
    /// assert_eq!(res.writable_length(), 0);
    /// # res.end(None).await?; client.await.unwrap()?;
    /// # server.close(); Ok(()) }
    /// ```
    #[doc(alias = "writableLength")]
    pub fn writable_length(&self) -> usize {
        self.writer.as_ref().map_or(0, |w| w.buf.len())
    }

    /// `response.writeContinue()`: sends `HTTP/1.1 100 Continue` now.
    ///
    /// # Errors
    /// Socket errors.
    ///
    /// # Examples
    /// ```
    /// # #[tokio::main(flavor = "current_thread")] async fn main() -> node_http::Result<()> {
    /// # use node_http::{Handler, IncomingMessage, ServerResponse};
    /// # struct Pass(tokio::sync::mpsc::UnboundedSender<(IncomingMessage, ServerResponse)>);
    /// # impl Handler for Pass {
    /// #     async fn request(&self, req: IncomingMessage, res: ServerResponse) { let _ = self.0.send((req, res)); }
    /// #     fn handles_check_continue(&self) -> bool { true }
    /// # }
    /// # let (tx, mut rx) = tokio::sync::mpsc::unbounded_channel();
    /// # let server = node_http::create_server(Pass(tx));
    /// # let port = server.listen(node_net::ListenOptions::port(0).host("127.0.0.1")).await?.as_inet().unwrap().port;
    /// # let client = tokio::spawn(async move {
    /// #     let mut req = node_http::request(node_http::RequestOptions { port, host: "127.0.0.1".into(), method: "POST".into(),
    /// #         headers: vec![("Expect".into(), "100-continue".into())], ..Default::default() })?;
    /// #     let continued = req.continued().await?;
    /// #     let mut res = req.end(Some(b"hello")).await?;
    /// #     let body = res.body().await?;
    /// #     Ok::<_, node_http::Error>((continued, body))
    /// # });
    /// // A 'checkContinue' handler: the client waits for this before sending its body.
    /// let (mut req, mut res) = rx.recv().await.unwrap();
    /// res.write_continue().await?;
    /// assert_eq!(&req.body().await?[..], b"hello");
    /// res.end(Some(b"thanks")).await?;
    /// let (continued, body) = client.await.unwrap()?;
    /// assert!(continued);
    /// assert_eq!(&body[..], b"thanks");
    /// # server.close(); Ok(()) }
    /// ```
    #[doc(alias = "writeContinue")]
    pub async fn write_continue(&mut self) -> Result<()> {
        let w = self.writer()?;
        w.write_direct(b"HTTP/1.1 100 Continue\r\n\r\n")
            .await
            .map_err(|e| Error::io(&e, "write"))
    }

    /// `response.addTrailers(headers)`: trailers sent after a chunked body.
    ///
    /// # Errors
    /// `ERR_INVALID_HTTP_TOKEN` (`Trailer name must be a valid HTTP token`),
    /// `ERR_INVALID_CHAR` (`Invalid character in trailer content`).
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
    /// let (_req, mut res) = rx.recv().await.unwrap();
    /// res.write(b"body").await?; // chunked, so trailers can follow
    /// res.add_trailers(&[("Content-MD5".into(), "abc".into())])?;
    /// res.end(None).await?;
    /// let (client_res, _) = client.await.unwrap()?;
    /// assert_eq!(client_res.trailers().get("content-md5").and_then(|v| v.as_str()), Some("abc"));
    /// # server.close(); Ok(()) }
    /// ```
    #[doc(alias = "addTrailers")]
    pub fn add_trailers(&mut self, trailers: &[(String, String)]) -> Result<()> {
        let bytes = trailers_bytes(trailers)?;
        self.trailers.extend_from_slice(&bytes);
        Ok(())
    }

    /// `response.end([data])`: finishes the response. Without earlier writes it sends a
    /// `Content-Length`; a chunked body gets its last chunk and trailers.
    ///
    /// # Errors
    /// Socket errors; ending twice is a no-op, as in Node.
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
    /// let (_req, mut res) = rx.recv().await.unwrap();
    /// res.end(Some(b"done")).await?;
    /// assert!(res.finished());
    /// let (client_res, body) = client.await.unwrap()?;
    /// assert_eq!(client_res.headers().get("content-length").and_then(|v| v.as_str()), Some("4"));
    /// assert_eq!(&body[..], b"done");
    /// # server.close(); Ok(()) }
    /// ```
    pub async fn end(&mut self, data: Option<&[u8]>) -> Result<()> {
        if self.finished {
            return Ok(());
        }
        let data = data.unwrap_or(&[]);
        if !self.head_built {
            if self.headers.is_empty()
                && self.status_code == 200
                && self.status_message.is_none()
                && self.keep_alive
                && !self.http10
                && self.has_body
            {
                self.fast_head(data.len());
            } else {
                self.build_head(Some(data.len() as u64));
            }
        }
        self.push_body(data).await?;
        if self.chunked && self.has_body {
            let trailers = std::mem::take(&mut self.trailers);
            let w = self.writer()?;
            w.buf.extend_from_slice(b"0\r\n");
            w.buf.extend_from_slice(&trailers);
            w.buf.extend_from_slice(b"\r\n");
        }
        let res = self.flush().await;
        self.finished = true;
        if let Some(w) = self.writer.take() {
            self.shared.put_write(w);
        }
        let state = if res.is_err() || self.last {
            done::CLOSE
        } else {
            done::KEEP
        };
        self.shared.finish_response(state);
        res
    }

    /// `response.end(string)` for text.
    ///
    /// # Errors
    /// As [`ServerResponse::end`].
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
    /// let (_req, mut res) = rx.recv().await.unwrap();
    /// res.end_str("hello").await?;
    /// assert_eq!(&client.await.unwrap()?.1[..], b"hello");
    /// # server.close(); Ok(()) }
    /// ```
    pub async fn end_str(&mut self, data: &str) -> Result<()> {
        self.end(Some(data.as_bytes())).await
    }

    /// `response.end(Buffer)` taking owned bytes.
    ///
    /// # Errors
    /// As [`ServerResponse::end`].
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
    /// let (_req, mut res) = rx.recv().await.unwrap();
    /// res.end_bytes(bytes::Bytes::from_static(b"hi")).await?;
    /// assert_eq!(&client.await.unwrap()?.1[..], b"hi");
    /// # server.close(); Ok(()) }
    /// ```
    pub async fn end_bytes(&mut self, data: Bytes) -> Result<()> {
        self.end(Some(&data)).await
    }

    /// Whether this response is for a HEAD request (no body is sent).
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
    /// let (_req, mut res) = rx.recv().await.unwrap();
    /// assert!(!res.is_head()); // a POST
    /// # res.end(None).await?; client.await.unwrap()?;
    /// # server.close(); Ok(()) }
    /// ```
    pub fn is_head(&self) -> bool {
        self.is_head
    }

    /// `response.destroy()`: closes the connection without finishing the response.
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
    /// let (_req, res) = rx.recv().await.unwrap();
    /// res.destroy();
    /// assert_eq!(client.await.unwrap().unwrap_err().code(), "ECONNRESET");
    /// # server.close(); Ok(()) }
    /// ```
    pub fn destroy(self) {
        self.shared.destroy();
    }
}

impl Drop for ServerResponse {
    fn drop(&mut self) {
        if let Some(w) = self.writer.take() {
            self.shared.put_write(w);
        }
        if !self.finished {
            let state = if self.head_built {
                done::DROPPED_SENT
            } else {
                done::DROPPED_UNSENT
            };
            self.shared.finish_response(state);
        }
    }
}
