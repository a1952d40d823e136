//! [`ResponseWritable`] and [`RequestWritable`]: a [`ServerResponse`] or a
//! [`ClientRequest`] as a node-streams [`Writable`].

use std::cell::{RefCell, RefMut};
use std::fmt;
use std::ops::Deref;
use std::rc::Rc;
use std::task::{Context, Poll, Waker};

use bytes::Bytes;
use futures::future::LocalBoxFuture;
use futures::FutureExt;
use node_core::NodeError;
use node_streams::{
    Chunk, Emitter, LocalScheduler, Scheduler, Sink, StreamEvent, Writable, WritableOptions,
};

use crate::client::ClientRequest;
use crate::errors::{Error, Result};
use crate::incoming::IncomingMessage;
use crate::response::ServerResponse;

type Op<T> = LocalBoxFuture<'static, (T, Result<()>)>;

/// What the sink drives: the async API of a response or a request, by value.
trait Outgoing: Sized + 'static {
    fn write_op(self, data: Bytes) -> Op<Self>;
    fn end_op(self, data: Option<Bytes>) -> Op<Self>;
    fn destroy_now(self);
}

impl Outgoing for ServerResponse {
    fn write_op(mut self, data: Bytes) -> Op<Self> {
        async move {
            let r = self.write(&data).await;
            (self, r)
        }
        .boxed_local()
    }
    fn end_op(mut self, data: Option<Bytes>) -> Op<Self> {
        async move {
            let r = self.end(data.as_deref()).await;
            (self, r)
        }
        .boxed_local()
    }
    fn destroy_now(self) {
        if !self.finished() {
            self.destroy();
        }
    }
}

impl Outgoing for ClientRequest {
    fn write_op(mut self, data: Bytes) -> Op<Self> {
        async move {
            let r = self.write(&data).await;
            (self, r)
        }
        .boxed_local()
    }
    fn end_op(mut self, data: Option<Bytes>) -> Op<Self> {
        async move {
            let r = self.send_end(data.as_deref()).await;
            (self, r)
        }
        .boxed_local()
    }
    fn destroy_now(self) {
        self.destroy();
    }
}

/// The response or request between operations, and what `end()` staged.
struct Slot<T> {
    target: Option<T>,
    /// A body chunk reached the sink (so `end(data)` cannot send a Content-Length).
    wrote: bool,
    /// `end(data)` with nothing written: sent by `_final` as one Content-Length body.
    end_data: Option<Bytes>,
    /// The client response, once it arrived.
    response: Option<Result<IncomingMessage>>,
    awaiting: bool,
    waker: Option<Waker>,
}

impl<T> Default for Slot<T> {
    fn default() -> Self {
        Slot {
            target: None,
            wrote: false,
            end_data: None,
            response: None,
            awaiting: false,
            waker: None,
        }
    }
}

type AfterEnd<T> = Box<dyn FnOnce(T)>;

/// Node's `OutgoingMessage` `_write`/`_final` over the async API: each operation owns the
/// message while it runs.
struct OutSink<T: Outgoing> {
    slot: Rc<RefCell<Slot<T>>>,
    op: Option<Op<T>>,
    /// Runs with the message once `_final` succeeded (the client reads its response).
    after_end: Option<AfterEnd<T>>,
}

fn bytes_of(chunk: &Chunk) -> std::result::Result<Bytes, NodeError> {
    match chunk {
        Chunk::Bytes(b) => Ok(b.clone()),
        Chunk::Str(s) => Ok(Bytes::copy_from_slice(s.as_bytes())),
        Chunk::Value(_) => Err(NodeError::new(
            node_core::ErrorClass::TypeError,
            "ERR_INVALID_ARG_TYPE",
            "The \"chunk\" argument must be of type string or an instance of Buffer or Uint8Array",
        )),
    }
}

impl<T: Outgoing> OutSink<T> {
    fn drive(
        &mut self,
        cx: &mut Context<'_>,
        start: impl FnOnce(T) -> Op<T>,
    ) -> Poll<std::result::Result<(), NodeError>> {
        let op = match &mut self.op {
            Some(op) => op,
            None => {
                let Some(t) = self.slot.borrow_mut().target.take() else {
                    return Poll::Ready(Err(NodeError::new(
                        node_core::ErrorClass::Error,
                        "ERR_STREAM_DESTROYED",
                        "Cannot call write after a stream was destroyed",
                    )));
                };
                self.op.insert(start(t))
            }
        };
        let Poll::Ready((t, res)) = op.poll_unpin(cx) else {
            return Poll::Pending;
        };
        self.op = None;
        self.slot.borrow_mut().target = Some(t);
        Poll::Ready(res.map_err(|e| e.to_node()))
    }
}

impl<T: Outgoing> Sink for OutSink<T> {
    fn poll_write(
        &mut self,
        cx: &mut Context<'_>,
        chunk: &Chunk,
    ) -> Poll<std::result::Result<(), NodeError>> {
        let data = bytes_of(chunk)?;
        self.slot.borrow_mut().wrote = true;
        self.drive(cx, |t| t.write_op(data))
    }

    fn poll_final(&mut self, cx: &mut Context<'_>) -> Poll<std::result::Result<(), NodeError>> {
        let data = self.slot.borrow_mut().end_data.take();
        let res = self.drive(cx, |t| t.end_op(data));
        if let Poll::Ready(Ok(())) = res {
            let t = self.slot.borrow_mut().target.take();
            match (t, self.after_end.take()) {
                (Some(t), Some(f)) => f(t),
                (Some(t), None) => self.slot.borrow_mut().target = Some(t),
                _ => {}
            }
        }
        res
    }

    fn destroy(&mut self, _: Option<&NodeError>) -> std::result::Result<(), NodeError> {
        // Dropping an operation drops the message it owns (the connection is closed).
        self.op = None;
        if let Some(t) = self.slot.borrow_mut().target.take() {
            t.destroy_now();
        }
        Ok(())
    }
}

fn build<T: Outgoing>(
    target: T,
    mut options: WritableOptions,
    after_end: Option<AfterEnd<T>>,
    slot: Rc<RefCell<Slot<T>>>,
) -> Writable {
    slot.borrow_mut().target = Some(target);
    options
        .events
        .get_or_insert_with(|| Rc::new(Emitter::new()));
    let sink = OutSink {
        slot,
        op: None,
        after_end,
    };
    Writable::with_options(sink, options)
}

/// Node's `outgoing.end(data)`: without earlier writes the data goes out with a
/// `Content-Length`, as `ServerResponse::end(data)` does; otherwise it is the last chunk.
fn end_outgoing<T>(
    w: &Writable,
    slot: &RefCell<Slot<T>>,
    data: Option<Chunk>,
) -> std::result::Result<(), NodeError> {
    let fresh = !slot.borrow().wrote && w.writable_length() == 0 && !w.writable_ended();
    match data {
        Some(c) if fresh => {
            slot.borrow_mut().end_data = Some(bytes_of(&c)?);
            w.end()
        }
        Some(c) => w.end_with(Some(c), |_| {}),
        None => w.end(),
    }
}

/// A [`ServerResponse`] as a node-streams [`Writable`]: Node's
/// [`http.ServerResponse`](https://nodejs.org/api/http.html#class-httpserverresponse)
/// seen as the `stream.Writable` it is. Made by [`ServerResponse::into_writable`]; it
/// derefs to the [`Writable`].
///
/// Headers stay staged until the first write (set them before, or through
/// [`response`](Self::response)); written chunks go out chunked (HTTP/1.1), while
/// [`end(Some(data))`](Self::end) with nothing written sends one `Content-Length` body,
/// as in Node. `write()` returns `false` past the stream's highWaterMark, then
/// `'drain'`; `'finish'` follows once the last byte is handed to the socket, then
/// `'close'`.
///
/// # Examples
/// ```
/// # #[tokio::main(flavor = "current_thread")] async fn main() -> node_http::Result<()> {
/// use node_http::{create_server, IncomingMessage, ServerResponse};
/// let (tx, mut rx) = tokio::sync::mpsc::unbounded_channel();
/// let server = create_server(move |_req: IncomingMessage, res: ServerResponse| {
///     let tx = tx.clone();
///     async move { let _ = tx.send(res); }
/// });
/// let addr = server.listen(node_net::ListenOptions::port(0).host("127.0.0.1")).await?;
/// let url = format!("http://127.0.0.1:{}/", addr.as_inet().unwrap().port);
/// let client = tokio::spawn(async move { node_http::get(&url).await?.body().await });
/// // Streams are single-threaded: the response is streamed from this task.
/// let res = rx.recv().await.unwrap().into_writable();
/// res.response().unwrap().set_header("Content-Type", "text/plain")?;
/// res.write("hello ".into())?;
/// res.end(Some("world".into()))?;
/// node_streams::LocalScheduler::current().run().await;
/// assert!(res.writable_finished());
/// assert_eq!(&client.await.unwrap()?[..], b"hello world");
/// server.close();
/// # Ok(()) }
/// ```
pub struct ResponseWritable {
    writable: Writable,
    slot: Rc<RefCell<Slot<ServerResponse>>>,
}

impl fmt::Debug for ResponseWritable {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ResponseWritable")
            .field("writable", &self.writable)
            .finish_non_exhaustive()
    }
}

impl Deref for ResponseWritable {
    type Target = Writable;
    fn deref(&self) -> &Writable {
        &self.writable
    }
}

impl ServerResponse {
    /// This response as a node-streams [`Writable`] ([`ResponseWritable`]) with Node's
    /// defaults (16 KiB highWaterMark).
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
    /// let (_req, res) = rx.recv().await.unwrap();
    /// let res = res.into_writable();
    /// res.end(Some("bye".into()))?;
    /// node_streams::LocalScheduler::current().run().await;
    /// assert!(res.writable_finished());
    /// assert_eq!(&client.await.unwrap()?.1[..], b"bye");
    /// # server.close(); Ok(()) }
    /// ```
    pub fn into_writable(self) -> ResponseWritable {
        self.into_writable_with(WritableOptions::default())
    }

    /// As [`ServerResponse::into_writable`], with explicit stream options.
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
    /// let w = res.into_writable_with(node_streams::WritableOptions {
    ///     high_water_mark: Some(1024),
    ///     ..Default::default()
    /// });
    /// assert_eq!(w.writable_high_water_mark(), 1024);
    /// w.end(Some("ok".into()))?;
    /// node_streams::LocalScheduler::current().run().await;
    /// assert_eq!(&client.await.unwrap()?.1[..], b"ok");
    /// # server.close(); Ok(()) }
    /// ```
    pub fn into_writable_with(self, options: WritableOptions) -> ResponseWritable {
        let slot = Rc::new(RefCell::new(Slot::default()));
        ResponseWritable {
            writable: build(self, options, None, slot.clone()),
            slot,
        }
    }
}

impl ResponseWritable {
    /// The stream (also reachable through `Deref`).
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
    /// let (_req, res) = rx.recv().await.unwrap();
    /// let res = res.into_writable();
    /// assert_eq!(res.writable().writable_high_water_mark(), 16 * 1024);
    /// res.writable().end()?;
    /// node_streams::LocalScheduler::current().run().await;
    /// assert!(res.writable().writable_finished());
    /// # client.await.unwrap()?;
    /// # server.close(); Ok(()) }
    /// ```
    pub fn writable(&self) -> &Writable {
        &self.writable
    }

    /// The response, to stage headers and the status (`setHeader`, `statusCode`);
    /// `None` while a write is in flight or after `destroy`.
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
    /// let (_req, res) = rx.recv().await.unwrap();
    /// let res = res.into_writable();
    /// res.response().unwrap().set_status_code(201);
    /// res.end(None)?;
    /// node_streams::LocalScheduler::current().run().await;
    /// assert_eq!(client.await.unwrap()?.0.status_code(), 201);
    /// # server.close(); Ok(()) }
    /// ```
    pub fn response(&self) -> Option<RefMut<'_, ServerResponse>> {
        RefMut::filter_map(self.slot.borrow_mut(), |s| s.target.as_mut()).ok()
    }

    /// `response.end([data])`: with nothing written, `data` is sent with a
    /// `Content-Length`; otherwise as the last chunk. `'finish'` follows.
    ///
    /// # Errors
    /// `ERR_STREAM_WRITE_AFTER_END` (through `'error'` too) when already ended,
    /// `ERR_INVALID_ARG_TYPE` for objectMode values.
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
    /// let (_req, res) = rx.recv().await.unwrap();
    /// let res = res.into_writable();
    /// res.write("a".into())?;
    /// res.end(Some("b".into()))?;
    /// node_streams::LocalScheduler::current().run().await;
    /// assert!(res.writable_ended());
    /// assert_eq!(&client.await.unwrap()?.1[..], b"ab");
    /// # server.close(); Ok(()) }
    /// ```
    pub fn end(&self, data: Option<Chunk>) -> std::result::Result<(), NodeError> {
        end_outgoing(&self.writable, &self.slot, data)
    }
}

/// A [`ClientRequest`] as a node-streams [`Writable`]: Node's
/// [`http.ClientRequest`](https://nodejs.org/api/http.html#class-httpclientrequest)
/// seen as the `stream.Writable` it is. Made by [`ClientRequest::into_writable`]; it
/// derefs to the [`Writable`].
///
/// Writes send body chunks (chunked unless a `Content-Length` was set; `end(data)` with
/// nothing written sends a `Content-Length`). `'finish'` follows once the request is
/// sent; then the response head is read in the background, a custom `'response'` event
/// is emitted and [`response`](Self::response) resolves with it.
///
/// # Examples
/// ```
/// # #[tokio::main(flavor = "current_thread")] async fn main() -> node_http::Result<()> {
/// use node_http::{create_server, IncomingMessage, ServerResponse};
/// let server = create_server(|mut req: IncomingMessage, mut res: ServerResponse| async move {
///     let body = req.body().await.unwrap_or_default();
///     let _ = res.end(Some(&body)).await;
/// });
/// let addr = server.listen(node_net::ListenOptions::port(0).host("127.0.0.1")).await?;
/// let req = node_http::request(node_http::RequestOptions {
///     port: addr.as_inet().unwrap().port, host: "127.0.0.1".into(), method: "POST".into(),
///     ..Default::default() })?.into_writable();
/// req.write("ping ".into())?;
/// req.end(Some("pong".into()))?;
/// let mut res = req.response().await?;
/// assert_eq!(&res.body().await?[..], b"ping pong");
/// server.close();
/// # Ok(()) }
/// ```
pub struct RequestWritable {
    writable: Writable,
    slot: Rc<RefCell<Slot<ClientRequest>>>,
    sched: Rc<dyn Scheduler>,
}

impl fmt::Debug for RequestWritable {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("RequestWritable")
            .field("writable", &self.writable)
            .finish_non_exhaustive()
    }
}

impl Deref for RequestWritable {
    type Target = Writable;
    fn deref(&self) -> &Writable {
        &self.writable
    }
}

impl ClientRequest {
    /// This request as a node-streams [`Writable`] ([`RequestWritable`]) with Node's
    /// defaults (16 KiB highWaterMark).
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
    /// let req = node_http::request(opts)?.into_writable();
    /// req.end(Some("hi".into()))?;
    /// let mut res = req.response().await?;
    /// assert_eq!(&res.body().await?[..], b"hi");
    /// # server.close(); Ok(()) }
    /// ```
    pub fn into_writable(self) -> RequestWritable {
        self.into_writable_with(WritableOptions::default())
    }

    /// As [`ClientRequest::into_writable`], with explicit stream options.
    ///
    /// # Examples
    /// ```
    /// let req = node_http::request(Default::default()).unwrap();
    /// let w = req.into_writable_with(node_streams::WritableOptions {
    ///     high_water_mark: Some(1024),
    ///     ..Default::default()
    /// });
    /// assert_eq!(w.writable_high_water_mark(), 1024);
    /// ```
    pub fn into_writable_with(self, mut options: WritableOptions) -> RequestWritable {
        let sched = options
            .scheduler
            .get_or_insert_with(|| Rc::new(LocalScheduler::current()))
            .clone();
        let events = options
            .events
            .get_or_insert_with(|| Rc::new(Emitter::new()))
            .clone();
        let slot: Rc<RefCell<Slot<ClientRequest>>> = Rc::default();
        let (s2, sched2) = (slot.clone(), sched.clone());
        let after_end: AfterEnd<ClientRequest> = Box::new(move |req| {
            s2.borrow_mut().awaiting = true;
            sched2.spawn_io(
                async move {
                    let res = req.read_response().await;
                    Box::new(move || {
                        let waker = {
                            let mut s = s2.borrow_mut();
                            s.response = Some(res);
                            s.awaiting = false;
                            s.waker.take()
                        };
                        if let Some(w) = waker {
                            w.wake();
                        }
                        events.emit(&StreamEvent::Custom("response".into(), None));
                    }) as Box<dyn FnOnce()>
                }
                .boxed_local(),
            );
        });
        RequestWritable {
            writable: build(self, options, Some(after_end), slot.clone()),
            slot,
            sched,
        }
    }
}

impl RequestWritable {
    /// The stream (also reachable through `Deref`).
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
    /// let req = node_http::request(opts)?.into_writable();
    /// req.writable().write("x".into())?;
    /// req.writable().end()?;
    /// let mut res = req.response().await?;
    /// assert!(req.writable().writable_finished());
    /// assert_eq!(&res.body().await?[..], b"x");
    /// # server.close(); Ok(()) }
    /// ```
    pub fn writable(&self) -> &Writable {
        &self.writable
    }

    /// The request, to stage headers before the first write; `None` while a write is in
    /// flight and after `end`.
    ///
    /// # Examples
    /// ```
    /// let req = node_http::request(Default::default()).unwrap().into_writable();
    /// req.request().unwrap().set_header("X-Trace", "1").unwrap();
    /// ```
    pub fn request(&self) -> Option<RefMut<'_, ClientRequest>> {
        RefMut::filter_map(self.slot.borrow_mut(), |s| s.target.as_mut()).ok()
    }

    /// `request.end([data])`: with nothing written, `data` is sent with a
    /// `Content-Length`; otherwise as the last chunk.
    ///
    /// # Errors
    /// As [`ResponseWritable::end`].
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
    /// let req = node_http::request(opts)?.into_writable();
    /// req.write("a".into())?;
    /// req.end(Some("b".into()))?;
    /// assert!(req.writable_ended());
    /// let mut res = req.response().await?;
    /// assert_eq!(&res.body().await?[..], b"ab");
    /// # server.close(); Ok(()) }
    /// ```
    pub fn end(&self, data: Option<Chunk>) -> std::result::Result<(), NodeError> {
        end_outgoing(&self.writable, &self.slot, data)
    }

    /// Node's `'response'`: resolves with the response once the request has been sent
    /// (after [`end`](Self::end)) and the response head has arrived, driving the stream's
    /// scheduler meanwhile. Takes the response: a second call waits for none.
    ///
    /// # Errors
    /// The stream's error (connection errors such as `ECONNREFUSED`, `EPIPE`), or the
    /// response's (`ECONNRESET` `socket hang up`, parse errors, `ETIMEDOUT`).
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
    /// let req = node_http::request(opts)?.into_writable();
    /// req.request().unwrap().set_header("X-Token", "t1")?;
    /// req.end(None)?;
    /// let res = req.response().await?;
    /// assert_eq!(res.status_code(), 200);
    /// assert_eq!(res.headers().get("x-token").and_then(|v| v.as_str()), Some("t1"));
    /// # server.close(); Ok(()) }
    /// ```
    pub async fn response(&self) -> Result<IncomingMessage> {
        futures::future::poll_fn(|cx| loop {
            {
                let mut s = self.slot.borrow_mut();
                if let Some(r) = s.response.take() {
                    return Poll::Ready(r);
                }
                if !s.awaiting {
                    if let Some(e) = self.writable.errored() {
                        return Poll::Ready(Err(Error::Node(e)));
                    }
                    if self.writable.destroyed() {
                        return Poll::Ready(Err(Error::socket_hang_up()));
                    }
                }
                s.waker = Some(cx.waker().clone());
            }
            if !self.sched.run_pending(cx) {
                return Poll::Pending;
            }
        })
        .await
    }
}
