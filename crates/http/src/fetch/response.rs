//! [`FetchResponse`]: the response of [`fetch`](crate::fetch), with a body that streams
//! and is decoded as it arrives.

use std::fmt;

use bytes::Bytes;
use node_core::{ErrorClass, NodeError};
use node_streams::zlib::{Flush, Mode, Processor};

use crate::errors::{Error, Result};
use crate::incoming::IncomingMessage;

/// A response from [`fetch`](crate::fetch): status, status text, the header list as
/// received (order, case and duplicates kept), the URL list (one entry per redirect
/// followed) and the body.
///
/// The body is pulled with [`FetchResponse::chunk`]; nothing is read from the socket
/// until asked. `Content-Encoding: gzip`, `x-gzip`, `deflate` and `br` are decoded (several
/// codings are undone in reverse order; an unknown coding leaves the body as sent), the
/// way undici decodes. Dropping the response cancels the body.
///
/// # Examples
/// ```
/// # #[tokio::main(flavor = "current_thread")] async fn main() -> node_http::Result<()> {
/// let mut res = node_http::fetch(node_http::FetchRequest::new("GET", "data:text/plain,hi%21")).await?;
/// assert_eq!((res.status(), res.status_text()), (200, "OK"));
/// assert_eq!(res.header("Content-Type").as_deref(), Some("text/plain"));
/// assert_eq!(&res.bytes().await?[..], b"hi!");
/// # Ok(()) }
/// ```
pub struct FetchResponse {
    pub(crate) status: u16,
    pub(crate) status_text: String,
    pub(crate) headers: Vec<(String, String)>,
    pub(crate) url_list: Vec<String>,
    pub(crate) body: Body,
}

pub(crate) enum Body {
    /// A body known up front (`data:` URLs); `None` once read.
    Bytes(Option<Bytes>),
    /// An HTTP message and the decoders its content codings need, outermost last.
    Http {
        msg: Box<IncomingMessage>,
        decoders: Vec<Processor>,
        /// The `deflate` decoder, which becomes raw inflate if its first byte is not a
        /// zlib header.
        sniff_deflate: Option<usize>,
    },
}

impl fmt::Debug for FetchResponse {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("FetchResponse")
            .field("status", &self.status)
            .field("status_text", &self.status_text)
            .field("headers", &self.headers)
            .field("url_list", &self.url_list)
            .finish_non_exhaustive()
    }
}

impl FetchResponse {
    /// The status code.
    ///
    /// # Examples
    /// ```
    /// # #[tokio::main(flavor = "current_thread")] async fn main() -> node_http::Result<()> {
    /// let res = node_http::fetch(node_http::FetchRequest::new("GET", "data:,")).await?;
    /// assert_eq!(res.status(), 200);
    /// # Ok(()) }
    /// ```
    pub fn status(&self) -> u16 {
        self.status
    }

    /// The status text as the server sent it (`statusText`).
    ///
    /// # Examples
    /// ```
    /// # #[tokio::main(flavor = "current_thread")] async fn main() -> node_http::Result<()> {
    /// let res = node_http::fetch(node_http::FetchRequest::new("GET", "data:,")).await?;
    /// assert_eq!(res.status_text(), "OK");
    /// # Ok(()) }
    /// ```
    #[doc(alias = "statusText")]
    pub fn status_text(&self) -> &str {
        &self.status_text
    }

    /// The header list: (name, value) pairs as received.
    ///
    /// # Examples
    /// ```
    /// # #[tokio::main(flavor = "current_thread")] async fn main() -> node_http::Result<()> {
    /// let res = node_http::fetch(node_http::FetchRequest::new("GET", "data:image/png;base64,")).await?;
    /// assert_eq!(res.headers(), [("content-type".to_string(), "image/png".to_string())]);
    /// # Ok(()) }
    /// ```
    pub fn headers(&self) -> &[(String, String)] {
        &self.headers
    }

    /// The values of header `name` (any case) joined with `, `, as `Headers.get` joins.
    ///
    /// # Examples
    /// ```
    /// # #[tokio::main(flavor = "current_thread")] async fn main() -> node_http::Result<()> {
    /// let res = node_http::fetch(node_http::FetchRequest::new("GET", "data:,")).await?;
    /// assert_eq!(res.header("x-missing"), None);
    /// # Ok(()) }
    /// ```
    pub fn header(&self, name: &str) -> Option<String> {
        let values: Vec<&str> = self
            .headers
            .iter()
            .filter(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
            .collect();
        (!values.is_empty()).then(|| values.join(", "))
    }

    /// The final URL (`response.url`, without its fragment).
    ///
    /// # Examples
    /// ```
    /// # #[tokio::main(flavor = "current_thread")] async fn main() -> node_http::Result<()> {
    /// let res = node_http::fetch(node_http::FetchRequest::new("GET", "data:,x#frag")).await?;
    /// assert_eq!(res.url(), "data:,x");
    /// # Ok(()) }
    /// ```
    pub fn url(&self) -> &str {
        self.url_list.last().map_or("", String::as_str)
    }

    /// Every URL the request visited, the first request's URL first.
    ///
    /// # Examples
    /// ```
    /// # #[tokio::main(flavor = "current_thread")] async fn main() -> node_http::Result<()> {
    /// let res = node_http::fetch(node_http::FetchRequest::new("GET", "data:,x")).await?;
    /// assert_eq!(res.url_list(), ["data:,x"]);
    /// # Ok(()) }
    /// ```
    pub fn url_list(&self) -> &[String] {
        &self.url_list
    }

    /// Whether a redirect was followed (`response.redirected`).
    ///
    /// # Examples
    /// ```
    /// # #[tokio::main(flavor = "current_thread")] async fn main() -> node_http::Result<()> {
    /// let res = node_http::fetch(node_http::FetchRequest::new("GET", "data:,x")).await?;
    /// assert!(!res.redirected());
    /// # Ok(()) }
    /// ```
    pub fn redirected(&self) -> bool {
        self.url_list.len() > 1
    }

    /// The next piece of the decoded body, `None` at its end.
    ///
    /// # Errors
    /// Socket errors while reading (`ECONNRESET`, `aborted`), zlib's and brotli's errors
    /// for a body that does not decode (`Z_DATA_ERROR`, …).
    ///
    /// # Examples
    /// ```
    /// # #[tokio::main(flavor = "current_thread")] async fn main() -> node_http::Result<()> {
    /// let mut res = node_http::fetch(node_http::FetchRequest::new("GET", "data:,abc")).await?;
    /// assert_eq!(res.chunk().await?.as_deref(), Some(&b"abc"[..]));
    /// assert_eq!(res.chunk().await?, None);
    /// # Ok(()) }
    /// ```
    pub async fn chunk(&mut self) -> Result<Option<Bytes>> {
        match &mut self.body {
            Body::Bytes(b) => Ok(b.take().filter(|b| !b.is_empty())),
            Body::Http {
                msg,
                decoders,
                sniff_deflate,
            } => loop {
                let Some(raw) = msg.read().await? else {
                    return Ok(None);
                };
                if raw.is_empty() {
                    continue;
                }
                let mut data = raw;
                for (i, d) in decoders.iter_mut().enumerate() {
                    if *sniff_deflate == Some(i) {
                        // A zlib stream starts with CM = 8 in the low nibble; anything
                        // else is raw deflate, which servers send as `deflate` too.
                        *sniff_deflate = None;
                        if data[0] & 0x0f != 8 {
                            *d = Processor::new(Mode::InflateRaw, &Default::default())
                                .map_err(zlib_error)?;
                        }
                    }
                    // undici decodes with Z_SYNC_FLUSH and finishes the same way, so a
                    // truncated compressed body ends quietly instead of failing.
                    let out = d.write(&data, Flush::Sync).map_err(zlib_error)?;
                    data = match out.len() {
                        0 => Bytes::new(),
                        1 => out.into_iter().next().unwrap_or_default(),
                        _ => Bytes::from(out.concat()),
                    };
                    if data.is_empty() {
                        break;
                    }
                }
                if !data.is_empty() {
                    return Ok(Some(data));
                }
            },
        }
    }

    /// The rest of the decoded body in one piece.
    ///
    /// # Errors
    /// As [`FetchResponse::chunk`].
    ///
    /// # Examples
    /// ```
    /// # #[tokio::main(flavor = "current_thread")] async fn main() -> node_http::Result<()> {
    /// let mut res = node_http::fetch(node_http::FetchRequest::new("GET", "data:;base64,aGk=")).await?;
    /// assert_eq!(&res.bytes().await?[..], b"hi");
    /// # Ok(()) }
    /// ```
    pub async fn bytes(&mut self) -> Result<Bytes> {
        let mut all = Vec::new();
        while let Some(c) = self.chunk().await? {
            if all.is_empty() && matches!(self.body, Body::Bytes(_)) {
                return Ok(c);
            }
            all.extend_from_slice(&c);
        }
        Ok(Bytes::from(all))
    }
}

/// The decoders for a `Content-Encoding` value, applied in reverse order of the codings.
/// An unknown coding means the body is passed through as sent (undici's rule).
pub(crate) fn decoders_for(content_encoding: &str) -> Result<(Vec<Processor>, Option<usize>)> {
    let mut out = Vec::new();
    let mut sniff = None;
    for coding in content_encoding.rsplit(',') {
        let coding = coding.trim().to_ascii_lowercase();
        let mode = match coding.as_str() {
            "gzip" | "x-gzip" => Mode::Gunzip,
            "deflate" => {
                sniff = Some(out.len());
                Mode::Inflate
            }
            "br" => Mode::BrotliDecode,
            _ => return Ok((Vec::new(), None)),
        };
        let p = if mode == Mode::BrotliDecode {
            Processor::new_brotli(false, &Default::default())
        } else {
            Processor::new(mode, &Default::default())
        };
        out.push(p.map_err(zlib_error)?);
    }
    Ok((out, sniff))
}

fn zlib_error(e: node_streams::zlib::Error) -> Error {
    Error::Node(NodeError::new(ErrorClass::Error, e.code(), e.message()))
}
