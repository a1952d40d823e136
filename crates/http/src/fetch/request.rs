//! [`FetchRequest`]: what `fetch(input, init)` sends.

use std::fmt;

use bytes::Bytes;
use futures::stream::LocalBoxStream;

/// What a redirect response does (the Fetch standard's request *redirect mode*).
///
/// # Examples
/// ```
/// assert_eq!(node_http::RedirectMode::default(), node_http::RedirectMode::Follow);
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum RedirectMode {
    /// Follow up to 20 redirects (`redirect: 'follow'`).
    #[default]
    Follow,
    /// Return the redirect response itself (`redirect: 'manual'`).
    Manual,
    /// Fail with `unexpected redirect` (`redirect: 'error'`).
    Error,
}

/// A request body.
///
/// # Examples
/// ```
/// let body = node_http::FetchBody::from("hello");
/// assert!(matches!(body, node_http::FetchBody::Bytes(ref b) if &b[..] == b"hello"));
/// ```
#[derive(Default)]
pub enum FetchBody {
    /// No body (a `null` body).
    #[default]
    Empty,
    /// Bytes known up front: sent with `Content-Length`, and sent again on a 307/308
    /// redirect.
    Bytes(Bytes),
    /// A stream (`duplex: 'half'`): sent with `Transfer-Encoding: chunked`. It can be sent
    /// once, so a 307/308 redirect of it is a network error, as the standard says.
    Stream(LocalBoxStream<'static, Bytes>),
}

impl fmt::Debug for FetchBody {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FetchBody::Empty => f.write_str("Empty"),
            FetchBody::Bytes(b) => f.debug_tuple("Bytes").field(&b.len()).finish(),
            FetchBody::Stream(_) => f.write_str("Stream"),
        }
    }
}

impl From<&'static str> for FetchBody {
    fn from(s: &'static str) -> Self {
        FetchBody::Bytes(Bytes::from_static(s.as_bytes()))
    }
}

impl From<Vec<u8>> for FetchBody {
    fn from(v: Vec<u8>) -> Self {
        FetchBody::Bytes(Bytes::from(v))
    }
}

/// A request for [`fetch`](crate::fetch): the Fetch standard's request, reduced to what
/// undici (node's `fetch`) lets a program set.
///
/// Headers are sent in the given order with the given case. Those a program did not set
/// get undici's defaults after them: `accept: */*`, `accept-language: *`,
/// `sec-fetch-mode: cors`, `user-agent` ([`FetchRequest::user_agent`]) and
/// `accept-encoding: gzip, deflate`.
///
/// # Examples
/// ```
/// let req = node_http::FetchRequest::new("POST", "http://127.0.0.1:1/")
///     .header("content-type", "text/plain")
///     .body("hi");
/// assert_eq!(req.method, "POST");
/// assert_eq!(req.headers, [("content-type".to_string(), "text/plain".to_string())]);
/// ```
#[derive(Debug)]
pub struct FetchRequest {
    /// The method, already normalised (`GET`, `POST`, …).
    pub method: String,
    /// An absolute `http:`, `https:` or `data:` URL.
    pub url: String,
    /// Header (name, value) pairs in order.
    pub headers: Vec<(String, String)>,
    /// The body.
    pub body: FetchBody,
    /// What to do with redirects.
    pub redirect: RedirectMode,
    /// The default `user-agent` (`node`, as node's fetch).
    pub user_agent: String,
}

impl FetchRequest {
    /// A request with no headers and no body.
    ///
    /// # Examples
    /// ```
    /// let req = node_http::FetchRequest::new("GET", "data:,x");
    /// assert_eq!(req.redirect, node_http::RedirectMode::Follow);
    /// ```
    pub fn new(method: &str, url: &str) -> Self {
        FetchRequest {
            method: method.to_owned(),
            url: url.to_owned(),
            headers: Vec::new(),
            body: FetchBody::Empty,
            redirect: RedirectMode::Follow,
            user_agent: "node".to_owned(),
        }
    }

    /// Appends a header.
    ///
    /// # Examples
    /// ```
    /// let req = node_http::FetchRequest::new("GET", "data:,x").header("x-a", "1");
    /// assert_eq!(req.headers.len(), 1);
    /// ```
    #[must_use]
    pub fn header(mut self, name: &str, value: &str) -> Self {
        self.headers.push((name.to_owned(), value.to_owned()));
        self
    }

    /// Sets the body.
    ///
    /// # Examples
    /// ```
    /// let req = node_http::FetchRequest::new("PUT", "data:,x").body(vec![1, 2, 3]);
    /// assert!(matches!(req.body, node_http::FetchBody::Bytes(_)));
    /// ```
    #[must_use]
    pub fn body(mut self, body: impl Into<FetchBody>) -> Self {
        self.body = body.into();
        self
    }

    /// Sets the redirect mode.
    ///
    /// # Examples
    /// ```
    /// use node_http::{FetchRequest, RedirectMode};
    /// let req = FetchRequest::new("GET", "data:,x").redirect(RedirectMode::Manual);
    /// assert_eq!(req.redirect, RedirectMode::Manual);
    /// ```
    #[must_use]
    pub fn redirect(mut self, mode: RedirectMode) -> Self {
        self.redirect = mode;
        self
    }

    pub(crate) fn has_header(&self, name: &str) -> bool {
        self.headers
            .iter()
            .any(|(k, _)| k.eq_ignore_ascii_case(name))
    }

    pub(crate) fn remove_header(&mut self, name: &str) {
        self.headers.retain(|(k, _)| !k.eq_ignore_ascii_case(name));
    }
}
