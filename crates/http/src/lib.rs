//! # node-http
//!
//! Node's [`http`](https://nodejs.org/api/http.html) module for Rust: an HTTP/1.1 server
//! and client with Node's semantics — original header case and order
//! ([`IncomingMessage::raw_headers`]), Node's header joining rules, staged response
//! headers, chunked coding, trailers, keep-alive and pipelining, `Expect: 100-continue`,
//! raw-socket upgrades, and llhttp's strictness (400 for bare LF, CL with TE, bad chunk
//! sizes; 431 for oversized heads).
//!
//! ## How it is built
//!
//! Each connection runs one task. It parses a head, hands the request to the
//! [`Handler`] (Node's `'request'`), waits until the [`ServerResponse`] has ended, discards
//! any unread body (Node's `req._dump()`), and reads the next request, so pipelined
//! requests are answered in order. The request body is pulled from the socket by
//! [`IncomingMessage::read`] only when the handler asks for it, so uploads stream with
//! bounded memory. Timeouts (`headersTimeout`, `requestTimeout`, `keepAliveTimeout`) are
//! per-connection deadlines.
//!
//! Unlike Node, a pipelined request is handed to the handler only after the previous
//! response has ended (Node emits `'request'` early and queues the responses).
//!
//! ## As node-streams
//!
//! The async API above is the primary one. For code that wants Node's stream objects
//! (pipes, `'data'`/`'end'`/`'finish'` events, backpressure through `write()` returning
//! `false`), each message converts by value: [`IncomingMessage::into_readable`] gives an
//! [`IncomingStream`] (a node-streams `Readable` of the body), and
//! [`ServerResponse::into_writable`] / [`ClientRequest::into_writable`] give a
//! [`ResponseWritable`] / [`RequestWritable`] (node-streams `Writable`s). The wrappers
//! drive the same async methods, so framing, headers and errors are the async API's.
//! Streams are single-threaded: convert on a current-thread runtime or in a `LocalSet`.
//! The stream work runs on the streams' scheduler (node-streams' `LocalScheduler` unless
//! one is given in the options), which something must drive — the stream adapters,
//! `LocalScheduler::run`, or the nrt event loop.
//!
//! Known differences from Node in this mode: a request's `'close'` comes from its own
//! autoDestroy right after `'end'` (Node emits it once the response has finished), and a
//! `ClientRequest`'s `'close'` follows its `'finish'` (Node waits for the response to
//! end); `'response'` is a custom event without the message, which
//! [`RequestWritable::response`] returns.
//!
//! The protocol core is usable without sockets: [`RequestParser`] is a sync, push-based
//! state machine (bytes in, [`ParserEvent`]s out) for hosts that emit Node's events
//! themselves, and [`parse_request_head`] parses a single head.
//!
//! ```
//! # #[tokio::main(flavor = "current_thread")] async fn main() -> node_http::Result<()> {
//! use node_http::{create_server, IncomingMessage, ServerResponse};
//!
//! let server = create_server(|mut req: IncomingMessage, mut res: ServerResponse| async move {
//!     let body = req.body().await.unwrap_or_default();
//!     res.set_header("Content-Type", "text/plain").unwrap();
//!     let _ = res.end(Some(&body)).await;
//! });
//! let addr = server.listen(node_net::ListenOptions::port(0).host("127.0.0.1")).await?;
//! let port = addr.as_inet().unwrap().port;
//!
//! let mut req = node_http::request(node_http::RequestOptions {
//!     port, host: "127.0.0.1".into(), method: "POST".into(), ..Default::default() })?;
//! req.write(b"echo").await?;
//! let mut res = req.end(None).await?;
//! assert_eq!(res.status_code(), 200);
//! assert_eq!(&res.body().await?[..], b"echo");
//! server.close();
//! # Ok(()) }
//! ```
#![forbid(unsafe_code)]
#![doc(test(attr(deny(warnings))))]

mod agent;
mod body;
mod client;
mod conn;
mod date;
mod errors;
mod fetch;
mod headers;
mod incoming;
mod incoming_stream;
mod machine;
mod outgoing;
mod outgoing_stream;
mod parser;
mod request_options;
mod response;
mod response_headers;
mod server;
mod status;
mod validate;

pub use self::agent::{global_agent, Agent, AgentOptions};
pub use self::client::{get, request, ClientRequest};
pub use self::errors::{Error, ParseError, Result};
pub use self::fetch::{fetch, FetchBody, FetchRequest, FetchResponse, RedirectMode};
pub use self::headers::{HeaderValue, Headers, RawHeaders};
pub use self::incoming::IncomingMessage;
pub use self::incoming_stream::IncomingStream;
pub use self::machine::{ParserEvent, RequestParser};
pub use self::outgoing_stream::{RequestWritable, ResponseWritable};
pub use self::parser::{parse_request_head, ParserOptions, RequestHead};
pub use self::request_options::{AgentChoice, RequestOptions};
pub use self::response::ServerResponse;
pub use self::response_headers::WriteHeadHeaders;
pub use self::server::{
    create_server, create_server_with, Handler, Server, ServerOptions, Upgraded,
};
pub use self::status::{status_text, METHODS, STATUS_CODES};
pub use self::validate::{validate_header_name, validate_header_value};
