//! Incoming headers: [`RawHeaders`] (original case and order) and Node's joined
//! [`Headers`] view.

use std::borrow::Cow;

use bytes::Bytes;

/// A header value as Node stores it: one string, or an array (`set-cookie`, or values
/// given as an array to `setHeader`).
///
/// # Examples
/// ```
/// use node_http::HeaderValue;
/// assert_eq!(HeaderValue::from("a").as_str(), Some("a"));
/// assert_eq!(HeaderValue::from(vec!["a", "b"]).to_vec(), ["a", "b"]);
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HeaderValue {
    /// A single string.
    One(String),
    /// An array of strings.
    Many(Vec<String>),
}

impl HeaderValue {
    /// The value if it is a single string.
    ///
    /// # Examples
    /// ```
    /// use node_http::HeaderValue;
    /// assert_eq!(HeaderValue::from("a").as_str(), Some("a"));
    /// assert_eq!(HeaderValue::from(vec!["a", "b"]).as_str(), None);
    /// ```
    pub fn as_str(&self) -> Option<&str> {
        match self {
            HeaderValue::One(s) => Some(s),
            HeaderValue::Many(_) => None,
        }
    }

    /// All values as a list.
    ///
    /// # Examples
    /// ```
    /// use node_http::HeaderValue;
    /// assert_eq!(HeaderValue::from("a").to_vec(), ["a"]);
    /// assert_eq!(HeaderValue::from(vec!["a", "b"]).to_vec(), ["a", "b"]);
    /// ```
    pub fn to_vec(&self) -> Vec<String> {
        match self {
            HeaderValue::One(s) => vec![s.clone()],
            HeaderValue::Many(v) => v.clone(),
        }
    }

    pub(crate) fn values(&self) -> &[String] {
        match self {
            HeaderValue::One(s) => std::slice::from_ref(s),
            HeaderValue::Many(v) => v,
        }
    }
}

impl From<&str> for HeaderValue {
    fn from(s: &str) -> Self {
        HeaderValue::One(s.to_owned())
    }
}

impl From<String> for HeaderValue {
    fn from(s: String) -> Self {
        HeaderValue::One(s)
    }
}

impl From<u64> for HeaderValue {
    fn from(n: u64) -> Self {
        HeaderValue::One(n.to_string())
    }
}

impl From<Vec<&str>> for HeaderValue {
    fn from(v: Vec<&str>) -> Self {
        HeaderValue::Many(v.into_iter().map(str::to_owned).collect())
    }
}

impl From<Vec<String>> for HeaderValue {
    fn from(v: Vec<String>) -> Self {
        HeaderValue::Many(v)
    }
}

/// Header fields in wire order and case: Node's `message.rawHeaders` as pairs.
///
/// Values are decoded as latin1, as Node does.
///
/// # Examples
/// ```
/// # #[tokio::main(flavor = "current_thread")] async fn main() {
/// let head = node_http::parse_request_head(b"GET / HTTP/1.1\r\nHost: a\r\nX-A: 1\r\n\r\n",
///     &Default::default()).unwrap().unwrap();
/// let raw = head.raw_headers();
/// assert_eq!(raw.len(), 2);
/// assert_eq!(raw.get(1), Some(("X-A", "1".into())));
/// # }
/// ```
#[derive(Debug, Clone, Default)]
pub struct RawHeaders {
    buf: Bytes,
    /// name start, name end, value start, value end (offsets in `buf`).
    spans: Vec<[u32; 4]>,
}

impl RawHeaders {
    pub(crate) fn new(buf: Bytes, spans: Vec<[u32; 4]>) -> Self {
        RawHeaders { buf, spans }
    }

    /// Number of fields.
    ///
    /// # Examples
    /// ```
    /// let head = node_http::parse_request_head(
    ///     b"GET /a?b=1 HTTP/1.1\r\nHost: h\r\nX-Id: 7\r\nAccept: x\r\nAccept: y\r\n\r\n",
    ///     &Default::default(),
    /// ).unwrap().unwrap();
    /// assert_eq!(head.raw_headers().len(), 4);
    /// ```
    pub fn len(&self) -> usize {
        self.spans.len()
    }

    /// Whether there are no fields.
    ///
    /// # Examples
    /// ```
    /// assert!(node_http::RawHeaders::default().is_empty());
    /// ```
    pub fn is_empty(&self) -> bool {
        self.spans.is_empty()
    }

    fn name_at(&self, s: &[u32; 4]) -> &str {
        std::str::from_utf8(&self.buf[s[0] as usize..s[1] as usize]).unwrap_or("")
    }

    pub(crate) fn spans_owned(self) -> Vec<[u32; 4]> {
        self.spans
    }

    /// The `i`th field: its name as sent and its value.
    ///
    /// # Examples
    /// ```
    /// let head = node_http::parse_request_head(
    ///     b"GET /a?b=1 HTTP/1.1\r\nHost: h\r\nX-Id: 7\r\nAccept: x\r\nAccept: y\r\n\r\n",
    ///     &Default::default(),
    /// ).unwrap().unwrap();
    /// let (name, value) = head.raw_headers().get(1).unwrap();
    /// assert_eq!((name, &*value), ("X-Id", "7"));
    /// assert!(head.raw_headers().get(4).is_none());
    /// ```
    pub fn get(&self, i: usize) -> Option<(&str, Cow<'_, str>)> {
        let s = self.spans.get(i)?;
        Some((
            self.name_at(s),
            latin1(&self.buf[s[2] as usize..s[3] as usize]),
        ))
    }

    /// Iterates fields in wire order.
    ///
    /// # Examples
    /// ```
    /// let head = node_http::parse_request_head(b"GET / HTTP/1.1\r\nHost: a\r\n\r\n",
    ///     &Default::default()).unwrap().unwrap();
    /// let names: Vec<_> = head.raw_headers().iter().map(|(n, _)| n).collect();
    /// assert_eq!(names, ["Host"]);
    /// ```
    pub fn iter(&self) -> impl Iterator<Item = (&str, Cow<'_, str>)> + '_ {
        (0..self.spans.len()).filter_map(move |i| self.get(i))
    }

    /// The flat `[name, value, name, value, …]` array of Node's `rawHeaders`.
    ///
    /// # Examples
    /// ```
    /// let head = node_http::parse_request_head(b"GET / HTTP/1.1\r\nHost: a\r\n\r\n",
    ///     &Default::default()).unwrap().unwrap();
    /// assert_eq!(head.raw_headers().to_flat(), ["Host", "a"]);
    /// ```
    pub fn to_flat(&self) -> Vec<String> {
        self.iter()
            .flat_map(|(n, v)| [n.to_owned(), v.into_owned()])
            .collect()
    }

    /// Node's `headers` view (see [`Headers`]).
    pub(crate) fn joined(&self, join_duplicates: bool) -> Headers {
        let mut out = Headers::default();
        for (name, value) in self.iter() {
            out.add(name, value.into_owned(), join_duplicates);
        }
        out
    }

    /// Node's `headersDistinct` view: every name with all its values.
    pub(crate) fn distinct(&self) -> Vec<(String, Vec<String>)> {
        let mut out: Vec<(String, Vec<String>)> = Vec::new();
        for (name, value) in self.iter() {
            let key = name.to_ascii_lowercase();
            match out.iter_mut().find(|(k, _)| *k == key) {
                Some((_, v)) => v.push(value.into_owned()),
                None => out.push((key, vec![value.into_owned()])),
            }
        }
        out
    }
}

/// Decodes latin1 (Node's `'latin1'` header decoding).
pub(crate) fn latin1(b: &[u8]) -> Cow<'_, str> {
    if b.is_ascii() {
        Cow::Borrowed(std::str::from_utf8(b).unwrap_or(""))
    } else {
        Cow::Owned(b.iter().map(|&c| char::from(c)).collect())
    }
}

// lib/_http_incoming.js matchKnownFields: duplicates of these are dropped.
const DROP_DUPLICATES: &[&str] = &[
    "age",
    "authorization",
    "content-length",
    "content-type",
    "etag",
    "expires",
    "from",
    "host",
    "if-modified-since",
    "if-unmodified-since",
    "last-modified",
    "location",
    "max-forwards",
    "proxy-authorization",
    "referer",
    "retry-after",
    "server",
    "user-agent",
];

/// Node's `message.headers`: lower-cased names in first-seen order, duplicates joined by
/// Node's rules (`set-cookie` → array, `cookie` → `; `, a fixed list keeps the first,
/// others → `, `).
///
/// Mirrors [`message.headers`](https://nodejs.org/api/http.html#messageheaders).
///
/// # Examples
/// ```
/// let head = node_http::parse_request_head(
///     b"GET / HTTP/1.1\r\nHost: a\r\nX: 1\r\nx: 2\r\nSet-Cookie: a\r\nSet-Cookie: b\r\nHost: b\r\n\r\n",
///     &Default::default()).unwrap().unwrap();
/// let h = head.headers();
/// assert_eq!(h.get("x").and_then(|v| v.as_str()), Some("1, 2"));
/// assert_eq!(h.get("host").and_then(|v| v.as_str()), Some("a"));
/// assert_eq!(h.get("set-cookie").unwrap().to_vec(), ["a", "b"]);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Headers {
    entries: Vec<(String, HeaderValue)>,
}

impl Headers {
    fn add(&mut self, name: &str, value: String, join_duplicates: bool) {
        let key = name.to_ascii_lowercase();
        let Some(pos) = self.entries.iter().position(|(k, _)| *k == key) else {
            let v = if key == "set-cookie" {
                HeaderValue::Many(vec![value])
            } else {
                HeaderValue::One(value)
            };
            self.entries.push((key, v));
            return;
        };
        match &mut self.entries[pos].1 {
            HeaderValue::Many(v) => v.push(value),
            HeaderValue::One(s) => {
                if join_duplicates {
                    s.push_str(", ");
                    s.push_str(&value);
                } else if key == "cookie" {
                    s.push_str("; ");
                    s.push_str(&value);
                } else if !DROP_DUPLICATES.contains(&key.as_str()) {
                    s.push_str(", ");
                    s.push_str(&value);
                }
            }
        }
    }

    /// The value of `name` (case-insensitive).
    ///
    /// # Examples
    /// ```
    /// let head = node_http::parse_request_head(
    ///     b"GET /a?b=1 HTTP/1.1\r\nHost: h\r\nX-Id: 7\r\nAccept: x\r\nAccept: y\r\n\r\n",
    ///     &Default::default(),
    /// ).unwrap().unwrap();
    /// let headers = head.headers();
    /// assert_eq!(headers.get("x-id").and_then(|v| v.as_str()), Some("7"));
    /// // Duplicates are joined by Node's rules.
    /// assert_eq!(headers.get("ACCEPT").and_then(|v| v.as_str()), Some("x, y"));
    /// assert!(headers.get("cookie").is_none());
    /// ```
    pub fn get(&self, name: &str) -> Option<&HeaderValue> {
        self.entries
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v)
    }

    /// Entries in order.
    ///
    /// # Examples
    /// ```
    /// let head = node_http::parse_request_head(b"GET / HTTP/1.1\r\nHost: a\r\n\r\n",
    ///     &Default::default()).unwrap().unwrap();
    /// assert_eq!(head.headers().iter().count(), 1);
    /// ```
    pub fn iter(&self) -> impl Iterator<Item = (&str, &HeaderValue)> {
        self.entries.iter().map(|(k, v)| (k.as_str(), v))
    }

    /// Number of distinct names.
    ///
    /// # Examples
    /// ```
    /// assert_eq!(node_http::Headers::default().len(), 0);
    /// ```
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether there are none.
    ///
    /// # Examples
    /// ```
    /// assert!(node_http::Headers::default().is_empty());
    /// ```
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}
