//! [`IncomingStream`]: an [`IncomingMessage`] as a node-streams [`Readable`] of its body.

use std::cell::{Ref, RefCell};
use std::fmt;
use std::ops::Deref;
use std::rc::Rc;
use std::task::{Context, Poll};

use bytes::Bytes;
use futures::future::LocalBoxFuture;
use futures::FutureExt;
use node_core::NodeError;
use node_streams::{Chunk, Emitter, EventSink, Readable, ReadableOptions, Source, StreamEvent};

use crate::errors::Result;
use crate::headers::Headers;
use crate::incoming::IncomingMessage;

type Read = LocalBoxFuture<'static, (IncomingMessage, Result<Option<Bytes>>)>;

/// The message between reads; `None` while a read owns it.
#[derive(Debug, Default)]
struct Slot {
    msg: Option<IncomingMessage>,
    complete: bool,
    aborted: bool,
}

/// Node's `IncomingMessage._read`: one [`IncomingMessage::read`] per pull; the message
/// moves into the read future and back.
struct BodySource {
    slot: Rc<RefCell<Slot>>,
    read: Option<Read>,
    events: Rc<dyn EventSink>,
}

impl Source for BodySource {
    fn poll_pull(
        &mut self,
        cx: &mut Context<'_>,
        _: usize,
    ) -> Poll<std::result::Result<Option<Chunk>, NodeError>> {
        let read = match &mut self.read {
            Some(r) => r,
            None => {
                let Some(mut msg) = self.slot.borrow_mut().msg.take() else {
                    return Poll::Ready(Ok(None));
                };
                self.read.insert(
                    async move {
                        let r = msg.read().await;
                        (msg, r)
                    }
                    .boxed_local(),
                )
            }
        };
        let Poll::Ready((msg, res)) = read.poll_unpin(cx) else {
            return Poll::Pending;
        };
        self.read = None;
        let mut slot = self.slot.borrow_mut();
        slot.complete = msg.complete();
        slot.aborted = msg.aborted();
        slot.msg = Some(msg);
        let aborted = slot.aborted;
        drop(slot);
        match res {
            Ok(chunk) => Poll::Ready(Ok(chunk.map(Chunk::Bytes))),
            Err(e) => {
                // Node emits the deprecated 'aborted' before 'error' (ECONNRESET `aborted`).
                if aborted {
                    self.events
                        .emit(&StreamEvent::Custom("aborted".into(), None));
                }
                Poll::Ready(Err(e.to_node()))
            }
        }
    }

    fn destroy(&mut self, _: Option<&NodeError>) -> std::result::Result<(), NodeError> {
        // A cancelled read gives the connection back; the rest of the body is dumped.
        self.read = None;
        Ok(())
    }
}

/// An [`IncomingMessage`] as a node-streams [`Readable`] of its body: Node's
/// [`http.IncomingMessage`](https://nodejs.org/api/http.html#class-httpincomingmessage)
/// seen as the `stream.Readable` it is. Made by [`IncomingMessage::into_readable`]; it
/// derefs to the [`Readable`].
///
/// `'data'` carries body chunks (de-chunked), `'end'` follows the last one with
/// [`complete`](Self::complete) set and the [`trailers`](Self::trailers) in place. A
/// connection lost mid-body emits `'aborted'`, then `'error'` (`ECONNRESET`, `aborted`)
/// and `'close'`. The body is read from the socket only while the stream wants data
/// (flowing, or below `highWaterMark`).
///
/// Streams are single-threaded (`!Send`): the server's handler futures are `Send`, so hand
/// the request to a local task (a `LocalSet` or a current-thread runtime) to stream it.
///
/// # Examples
/// ```
/// # #[tokio::main(flavor = "current_thread")] async fn main() -> node_http::Result<()> {
/// use futures::StreamExt;
/// use node_http::{create_server, IncomingMessage, ServerResponse};
/// let server = create_server(|_req: IncomingMessage, mut res: ServerResponse| async move {
///     let _ = res.end(Some(b"streamed")).await;
/// });
/// let addr = server.listen(node_net::ListenOptions::port(0).host("127.0.0.1")).await?;
/// let res = node_http::get(&format!("http://127.0.0.1:{}/", addr.as_inet().unwrap().port)).await?;
/// let body = res.into_readable();
/// let mut chunks = body.readable().clone().into_stream();
/// let mut got = Vec::new();
/// while let Some(c) = chunks.next().await {
///     got.extend_from_slice(c.unwrap().as_bytes().unwrap());
/// }
/// assert_eq!(got, b"streamed");
/// assert!(body.complete());
/// server.close();
/// # Ok(()) }
/// ```
#[derive(Clone)]
pub struct IncomingStream {
    readable: Readable,
    slot: Rc<RefCell<Slot>>,
}

impl fmt::Debug for IncomingStream {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("IncomingStream")
            .field("readable", &self.readable)
            .field("slot", &self.slot)
            .finish()
    }
}

impl Deref for IncomingStream {
    type Target = Readable;
    fn deref(&self) -> &Readable {
        &self.readable
    }
}

impl IncomingMessage {
    /// This message's body as a node-streams [`Readable`] ([`IncomingStream`]) with
    /// Node's defaults (16 KiB highWaterMark).
    ///
    /// # Examples
    /// ```
    /// # #[tokio::main(flavor = "current_thread")] async fn main() -> node_http::Result<()> {
    /// # let server = node_http::create_server(|_req, mut res: node_http::ServerResponse| async move {
    /// #     let _ = res.end(Some(b"streamed")).await;
    /// # });
    /// # let port = server.listen(node_net::ListenOptions::port(0).host("127.0.0.1")).await?.as_inet().unwrap().port;
    /// # let url = format!("http://127.0.0.1:{port}/");
    /// use futures::StreamExt;
    /// let body = node_http::get(&url).await?.into_readable();
    /// let chunks: Vec<_> = body.readable().clone().into_stream().collect().await;
    /// assert_eq!(chunks.len(), 1);
    /// assert_eq!(&chunks[0].as_ref().unwrap().as_bytes().unwrap()[..], b"streamed");
    /// # server.close(); Ok(()) }
    /// ```
    pub fn into_readable(self) -> IncomingStream {
        self.into_readable_with(ReadableOptions::default())
    }

    /// As [`IncomingMessage::into_readable`], with explicit stream options (scheduler,
    /// event sink, highWaterMark, encoding).
    ///
    /// # Examples
    /// ```
    /// # #[tokio::main(flavor = "current_thread")] async fn main() -> node_http::Result<()> {
    /// # let server = node_http::create_server(|_req, mut res: node_http::ServerResponse| async move {
    /// #     let _ = res.write(b"streamed").await;
    /// #     let _ = res.add_trailers(&[("X-Sum".into(), "8".into())]);
    /// #     let _ = res.end(None).await;
    /// # });
    /// # let port = server.listen(node_net::ListenOptions::port(0).host("127.0.0.1")).await?.as_inet().unwrap().port;
    /// # let url = format!("http://127.0.0.1:{port}/");
    /// let res = node_http::get(&url).await?;
    /// let body = res.into_readable_with(node_streams::ReadableOptions {
    ///     high_water_mark: Some(1024),
    ///     ..Default::default()
    /// });
    /// assert_eq!(body.readable_high_water_mark(), 1024);
    /// # server.close(); Ok(()) }
    /// ```
    pub fn into_readable_with(self, mut options: ReadableOptions) -> IncomingStream {
        let events = options
            .events
            .get_or_insert_with(|| Rc::new(Emitter::new()))
            .clone();
        let slot = Rc::new(RefCell::new(Slot {
            complete: self.complete(),
            aborted: self.aborted(),
            msg: Some(self),
        }));
        let source = BodySource {
            slot: slot.clone(),
            read: None,
            events,
        };
        IncomingStream {
            readable: Readable::with_options(source, options),
            slot,
        }
    }
}

impl IncomingStream {
    /// The body stream (also reachable through `Deref`).
    ///
    /// # Examples
    /// ```
    /// # #[tokio::main(flavor = "current_thread")] async fn main() -> node_http::Result<()> {
    /// # let server = node_http::create_server(|_req, mut res: node_http::ServerResponse| async move {
    /// #     let _ = res.end(Some(b"streamed")).await;
    /// # });
    /// # let port = server.listen(node_net::ListenOptions::port(0).host("127.0.0.1")).await?.as_inet().unwrap().port;
    /// # let url = format!("http://127.0.0.1:{port}/");
    /// use futures::StreamExt;
    /// let body = node_http::get(&url).await?.into_readable();
    /// let mut stream = body.readable().clone().into_stream();
    /// let mut got = Vec::new();
    /// while let Some(chunk) = stream.next().await {
    ///     got.extend_from_slice(chunk.unwrap().as_bytes().unwrap());
    /// }
    /// assert_eq!(got, b"streamed");
    /// assert!(body.readable().readable_ended());
    /// # server.close(); Ok(()) }
    /// ```
    pub fn readable(&self) -> &Readable {
        &self.readable
    }

    /// `message.complete`: the whole body was received.
    ///
    /// # Examples
    /// ```
    /// # #[tokio::main(flavor = "current_thread")] async fn main() -> node_http::Result<()> {
    /// # let server = node_http::create_server(|_req, mut res: node_http::ServerResponse| async move {
    /// #     let _ = res.end(Some(b"streamed")).await;
    /// # });
    /// # let port = server.listen(node_net::ListenOptions::port(0).host("127.0.0.1")).await?.as_inet().unwrap().port;
    /// # let url = format!("http://127.0.0.1:{port}/");
    /// use futures::StreamExt;
    /// let body = node_http::get(&url).await?.into_readable();
    /// let mut stream = body.readable().clone().into_stream();
    /// while stream.next().await.is_some() {}
    /// assert!(body.complete());
    /// # server.close(); Ok(()) }
    /// ```
    pub fn complete(&self) -> bool {
        self.slot.borrow().complete
    }

    /// `message.aborted`: the connection ended before the body was complete.
    ///
    /// # Examples
    /// ```
    /// # #[tokio::main(flavor = "current_thread")] async fn main() -> node_http::Result<()> {
    /// # let server = node_http::create_server(|_req, mut res: node_http::ServerResponse| async move {
    /// #     let _ = res.write(b"streamed").await;
    /// #     let _ = res.add_trailers(&[("X-Sum".into(), "8".into())]);
    /// #     let _ = res.end(None).await;
    /// # });
    /// # let port = server.listen(node_net::ListenOptions::port(0).host("127.0.0.1")).await?.as_inet().unwrap().port;
    /// # let url = format!("http://127.0.0.1:{port}/");
    /// use futures::StreamExt;
    /// let body = node_http::get(&url).await?.into_readable();
    /// let mut stream = body.readable().clone().into_stream();
    /// while stream.next().await.is_some() {}
    /// assert!(!body.aborted());
    /// # server.close(); Ok(()) }
    /// ```
    pub fn aborted(&self) -> bool {
        self.slot.borrow().aborted
    }

    /// `message.trailers`, set by `'end'` (empty before, or while a read is in flight).
    ///
    /// # Examples
    /// ```
    /// # #[tokio::main(flavor = "current_thread")] async fn main() -> node_http::Result<()> {
    /// # let server = node_http::create_server(|_req, mut res: node_http::ServerResponse| async move {
    /// #     let _ = res.write(b"streamed").await;
    /// #     let _ = res.add_trailers(&[("X-Sum".into(), "8".into())]);
    /// #     let _ = res.end(None).await;
    /// # });
    /// # let port = server.listen(node_net::ListenOptions::port(0).host("127.0.0.1")).await?.as_inet().unwrap().port;
    /// # let url = format!("http://127.0.0.1:{port}/");
    /// use futures::StreamExt;
    /// let body = node_http::get(&url).await?.into_readable();
    /// let mut stream = body.readable().clone().into_stream();
    /// while stream.next().await.is_some() {}
    /// assert_eq!(body.trailers().get("x-sum").and_then(|v| v.as_str()), Some("8"));
    /// # server.close(); Ok(()) }
    /// ```
    pub fn trailers(&self) -> Headers {
        self.slot
            .borrow()
            .msg
            .as_ref()
            .map(IncomingMessage::trailers)
            .unwrap_or_default()
    }

    /// The message (head, headers, raw trailers, socket facts); `None` only while a body
    /// read is in flight.
    ///
    /// # Examples
    /// ```
    /// # #[tokio::main(flavor = "current_thread")] async fn main() -> node_http::Result<()> {
    /// # let server = node_http::create_server(|_req, mut res: node_http::ServerResponse| async move {
    /// #     let _ = res.write(b"streamed").await;
    /// #     let _ = res.add_trailers(&[("X-Sum".into(), "8".into())]);
    /// #     let _ = res.end(None).await;
    /// # });
    /// # let port = server.listen(node_net::ListenOptions::port(0).host("127.0.0.1")).await?.as_inet().unwrap().port;
    /// # let url = format!("http://127.0.0.1:{port}/");
    /// let body = node_http::get(&url).await?.into_readable();
    /// let status = body.message().map(|m| m.status_code());
    /// assert_eq!(status, Some(200));
    /// # server.close(); Ok(()) }
    /// ```
    pub fn message(&self) -> Option<Ref<'_, IncomingMessage>> {
        Ref::filter_map(self.slot.borrow(), |s| s.msg.as_ref()).ok()
    }
}
