//! [`RequestParser`]: the server's parser as a sync, push-based state machine, for hosts
//! that drive their own I/O and emit Node's events themselves.

use bytes::{Bytes, BytesMut};

use crate::body::{BodyDecoder, Step};
use crate::errors::ParseError;
use crate::headers::RawHeaders;
use crate::parser::{take_request_head, ParserOptions, RequestHead};

/// One thing the parser found, in wire order.
///
/// # Examples
/// ```
/// use node_http::{ParserEvent, RequestParser};
/// let mut p = RequestParser::new(Default::default());
/// p.push(b"GET / HTTP/1.1\r\nHost: h\r\n\r\n");
/// match p.next_event().unwrap() {
///     Some(ParserEvent::Request(head)) => assert_eq!(head.method(), "GET"),
///     other => panic!("{other:?}"),
/// }
/// // A GET without a body ends at once, with no trailers.
/// assert!(matches!(p.next_event().unwrap(), Some(ParserEvent::End(None))));
/// ```
#[derive(Debug)]
#[non_exhaustive]
pub enum ParserEvent {
    /// A request head (Node's `'request'`, or `'checkContinue'` when
    /// [`RequestHead::expect_continue`]).
    Request(RequestHead),
    /// A piece of the current body (`'data'`).
    Data(Bytes),
    /// The current body ended, with any trailers (`'end'`).
    End(Option<RawHeaders>),
    /// An `Upgrade`/`CONNECT` request: the parser stops; the rest of the bytes belong to
    /// the new protocol (`'upgrade'`/`'connect'` with `head`).
    Upgrade(RequestHead, Bytes),
}

#[derive(Debug)]
enum State {
    Head,
    Body,
    Upgraded,
    Failed,
}

/// The HTTP/1.1 request parser as a sync state machine: push bytes in, pull
/// [`ParserEvent`]s out. This is what the async server runs per connection.
///
/// # Examples
/// ```
/// use node_http::{ParserEvent, RequestParser};
/// let mut p = RequestParser::new(Default::default());
/// p.push(b"POST /a HTTP/1.1\r\nHost: h\r\nContent-Length: 3\r\n\r\nab");
/// let Ok(Some(ParserEvent::Request(head))) = p.next_event() else { panic!() };
/// assert_eq!(head.url(), "/a");
/// assert!(matches!(p.next_event(), Ok(Some(ParserEvent::Data(d))) if &d[..] == b"ab"));
/// assert!(p.next_event().unwrap().is_none()); // needs more bytes
/// p.push(b"cGET /b HTTP/1.1\r\nHost: h\r\n\r\n");
/// assert!(matches!(p.next_event(), Ok(Some(ParserEvent::Data(_)))));
/// assert!(matches!(p.next_event(), Ok(Some(ParserEvent::End(None)))));
/// assert!(matches!(p.next_event(), Ok(Some(ParserEvent::Request(_)))));
/// ```
#[derive(Debug)]
pub struct RequestParser {
    opts: ParserOptions,
    buf: BytesMut,
    body: BodyDecoder,
    state: State,
}

impl RequestParser {
    /// A parser with the given limits.
    ///
    /// # Examples
    /// ```
    /// use node_http::{ParserOptions, RequestParser};
    /// let mut p = RequestParser::new(ParserOptions::default());
    /// assert!(p.is_idle());
    /// assert!(p.next_event().unwrap().is_none()); // nothing pushed yet
    /// ```
    pub fn new(opts: ParserOptions) -> Self {
        RequestParser {
            opts,
            buf: BytesMut::new(),
            body: BodyDecoder::done(),
            state: State::Head,
        }
    }

    /// Appends received bytes.
    ///
    /// # Examples
    /// ```
    /// use node_http::{ParserEvent, RequestParser};
    /// let mut p = RequestParser::new(Default::default());
    /// p.push(b"GET /x HTTP/1.1\r\nHo");
    /// assert!(p.next_event().unwrap().is_none()); // the head is incomplete
    /// p.push(b"st: h\r\n\r\n");
    /// assert!(matches!(p.next_event().unwrap(), Some(ParserEvent::Request(h)) if h.url() == "/x"));
    /// ```
    pub fn push(&mut self, data: &[u8]) {
        self.buf.extend_from_slice(data);
    }

    /// Whether the parser waits for a new request with nothing buffered (an idle
    /// keep-alive connection).
    ///
    /// # Examples
    /// ```
    /// assert!(node_http::RequestParser::new(Default::default()).is_idle());
    /// ```
    pub fn is_idle(&self) -> bool {
        matches!(self.state, State::Head) && self.buf.is_empty()
    }

    /// The next event, or `None` when more bytes are needed.
    ///
    /// # Errors
    /// A [`ParseError`]; the parser then stays failed and parses nothing more (the
    /// connection must answer 400/431 and close).
    ///
    /// # Examples
    /// ```
    /// let mut p = node_http::RequestParser::new(Default::default());
    /// p.push(b"GET / HTTP/1.1\nHost: a\n\nGET /smuggled HTTP/1.1\r\n\r\n");
    /// assert_eq!(p.next_event().unwrap_err().code(), "HPE_LF_EXPECTED");
    /// assert!(p.next_event().is_err());
    /// ```
    pub fn next_event(&mut self) -> Result<Option<ParserEvent>, ParseError> {
        match self.state {
            State::Failed => Err(ParseError::InvalidConstant),
            State::Upgraded => Ok(None),
            State::Head => {
                if self.buf.is_empty() {
                    return Ok(None);
                }
                let head = match take_request_head(&mut self.buf, &self.opts) {
                    Ok(Some(h)) => h,
                    Ok(None) => return Ok(None),
                    Err(e) => return Err(self.fail(e)),
                };
                if self.opts.require_host_header && head.minor == 1 && !head.info.has_host {
                    return Err(self.fail(ParseError::MissingHost));
                }
                if head.info.upgrade {
                    self.state = State::Upgraded;
                    let rest = self.buf.split().freeze();
                    return Ok(Some(ParserEvent::Upgrade(head, rest)));
                }
                self.body = BodyDecoder::new(
                    head.info.framing,
                    self.opts.insecure,
                    self.opts.max_header_size,
                );
                // A body-less request still ends: emit End on the next call.
                self.state = State::Body;
                Ok(Some(ParserEvent::Request(head)))
            }
            State::Body => match self.body.decode(&mut self.buf) {
                Ok(Step::Data(b)) => Ok(Some(ParserEvent::Data(b))),
                Ok(Step::NeedMore) => Ok(None),
                Ok(Step::Done(t)) => {
                    self.state = State::Head;
                    Ok(Some(ParserEvent::End(t)))
                }
                Err(e) => Err(self.fail(e)),
            },
        }
    }

    /// The peer closed: `Err` if a request was cut short (Node's
    /// `HPE_INVALID_EOF_STATE`).
    ///
    /// # Errors
    /// [`ParseError::InvalidEof`] inside a head or a length-delimited body.
    ///
    /// # Examples
    /// ```
    /// let mut p = node_http::RequestParser::new(Default::default());
    /// p.push(b"GET / HT");
    /// assert!(p.next_event().unwrap().is_none());
    /// assert!(p.finish().is_err());
    /// ```
    pub fn finish(&mut self) -> Result<(), ParseError> {
        match self.state {
            State::Head if self.buf.is_empty() => Ok(()),
            State::Upgraded => Ok(()),
            State::Body => self.body.eof().map_err(|e| self.fail(e)),
            _ => Err(self.fail(ParseError::InvalidEof)),
        }
    }

    fn fail(&mut self, e: ParseError) -> ParseError {
        self.state = State::Failed;
        self.buf.clear();
        e
    }
}
