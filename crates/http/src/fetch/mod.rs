//! [`fetch`]: the WHATWG Fetch standard's HTTP fetch as node's `fetch` (undici) performs
//! it, over this crate's client: redirects, `data:` URLs, content decoding.

mod data_url;
mod request;
mod response;
mod transport;

use bytes::Bytes;
use node_core::{ErrorClass, NodeError};
use url::Url;

pub use self::request::{FetchBody, FetchRequest, RedirectMode};
pub use self::response::FetchResponse;
use self::response::{decoders_for, Body};
use crate::errors::{Error, Result};

/// At most this many redirects are followed (the Fetch standard's limit).
const MAX_REDIRECTS: usize = 20;

/// `fetch(request)`: sends the request, follows redirects as its [`RedirectMode`] says
/// and resolves with the response once its head has arrived; the body streams from
/// [`FetchResponse::chunk`].
///
/// Redirects follow the standard: at most 20; a 301/302 turns `POST` into `GET` and a 303
/// turns every method but `GET`/`HEAD` into `GET`, dropping the body and its headers;
/// `Authorization`, `Cookie`, `Proxy-Authorization` and `Host` are dropped when the
/// redirect leaves the origin. `data:` URLs are answered without the network.
/// Connections are pooled with keep-alive in a pool of fetch's own (undici's is separate
/// from `http.globalAgent` too). To cancel, drop the future or the response.
///
/// # Errors
/// Network errors, which node reports as `TypeError: fetch failed` with the error as
/// `cause`: socket errors (`ECONNREFUSED`, `ENOTFOUND`, TLS errors) as
/// [`Error::Net`], and fetch's own as [`Error::Fetch`] (`redirect count exceeded`,
/// `unexpected redirect`, `bad port`, `unknown scheme`, …). A URL that does not parse is
/// `ERR_INVALID_URL`.
///
/// # Examples
/// ```
/// # #[tokio::main(flavor = "current_thread")] async fn main() -> node_http::Result<()> {
/// use node_http::{create_server, fetch, FetchRequest, IncomingMessage, ServerResponse};
///
/// let server = create_server(|req: IncomingMessage, mut res: ServerResponse| async move {
///     if req.url() == "/old" {
///         res.set_header("Location", "/new").unwrap();
///         res.set_status_code(302);
///         let _ = res.end(None).await;
///     } else {
///         let _ = res.end(Some(format!("{} {}", req.method(), req.url()).as_bytes())).await;
///     }
/// });
/// let addr = server.listen(node_net::ListenOptions::port(0).host("127.0.0.1")).await?;
/// let url = format!("http://127.0.0.1:{}/old", addr.as_inet().unwrap().port);
///
/// let mut res = fetch(FetchRequest::new("POST", &url).body("data")).await?;
/// assert!(res.redirected());
/// assert!(res.url().ends_with("/new"));
/// assert_eq!(&res.bytes().await?[..], b"GET /new");
/// server.close();
/// # Ok(()) }
/// ```
pub async fn fetch(mut req: FetchRequest) -> Result<FetchResponse> {
    let mut url = Url::parse(&req.url).map_err(|_| invalid_url())?;
    url.set_fragment(None);
    let mut url_list = vec![url.to_string()];
    loop {
        match url.scheme() {
            "http" | "https" => {}
            "data" => return data_response(&url, url_list),
            "about" => return Err(Error::Fetch("about scheme is not supported".into())),
            "file" => return Err(Error::Fetch("not implemented... yet...".into())),
            _ => return Err(Error::Fetch("unknown scheme".into())),
        }
        if url.port_or_known_default().is_some_and(is_bad_port) {
            return Err(Error::Fetch("bad port".into()));
        }
        let msg = transport::send(&mut req, &url).await?;
        let status = msg.status_code();
        let location = match status {
            301 | 302 | 303 | 307 | 308 => msg.headers().get("location").and_then(|v| v.as_str()),
            _ => None,
        };
        let Some(location) = location else {
            return http_response(&req, msg, url_list);
        };
        let mut next = url.join(location).map_err(|_| invalid_url())?;
        match req.redirect {
            RedirectMode::Manual => return http_response(&req, msg, url_list),
            RedirectMode::Error => return Err(Error::Fetch("unexpected redirect".into())),
            RedirectMode::Follow => {}
        }
        if !matches!(next.scheme(), "http" | "https") {
            return Err(Error::Fetch("URL scheme must be a HTTP(S) scheme".into()));
        }
        if url_list.len() > MAX_REDIRECTS {
            return Err(Error::Fetch("redirect count exceeded".into()));
        }
        if status != 303 && matches!(req.body, FetchBody::Stream(_)) {
            // A stream was sent once and cannot be replayed.
            return Err(Error::Fetch(
                "Cannot follow a redirect with a streamed body".into(),
            ));
        }
        drop(msg);
        let to_get = (matches!(status, 301 | 302) && req.method == "POST")
            || (status == 303 && !matches!(req.method.as_str(), "GET" | "HEAD"));
        if to_get {
            req.method = "GET".into();
            req.body = FetchBody::Empty;
            for h in [
                "content-encoding",
                "content-language",
                "content-location",
                "content-type",
                "content-length",
            ] {
                req.remove_header(h);
            }
        }
        if next.origin() != url.origin() {
            for h in ["authorization", "cookie", "proxy-authorization", "host"] {
                req.remove_header(h);
            }
        }
        next.set_fragment(None);
        url_list.push(next.to_string());
        url = next;
    }
}

fn invalid_url() -> Error {
    Error::Node(NodeError::new(
        ErrorClass::TypeError,
        "ERR_INVALID_URL",
        "Invalid URL",
    ))
}

fn data_response(url: &Url, url_list: Vec<String>) -> Result<FetchResponse> {
    let (mime, body): (String, Bytes) =
        data_url::parse(url).ok_or_else(|| Error::Fetch("failed to fetch the data URL".into()))?;
    Ok(FetchResponse {
        status: 200,
        status_text: "OK".into(),
        headers: vec![("content-type".into(), mime)],
        url_list,
        body: Body::Bytes(Some(body)),
    })
}

fn http_response(
    req: &FetchRequest,
    msg: crate::IncomingMessage,
    url_list: Vec<String>,
) -> Result<FetchResponse> {
    let status = msg.status_code();
    let headers: Vec<(String, String)> = msg
        .raw_headers()
        .iter()
        .map(|(k, v)| (k.to_owned(), v.into_owned()))
        .collect();
    let null_body = matches!(status, 101 | 204 | 205 | 304);
    let decode = !null_body && !matches!(req.method.as_str(), "HEAD" | "CONNECT");
    let coding = headers
        .iter()
        .filter(|(k, _)| k.eq_ignore_ascii_case("content-encoding"))
        .map(|(_, v)| v.as_str())
        .collect::<Vec<_>>()
        .join(", ");
    let (decoders, sniff_deflate) = if decode && !coding.is_empty() {
        decoders_for(&coding)?
    } else {
        (Vec::new(), None)
    };
    Ok(FetchResponse {
        status,
        status_text: msg.status_message().to_owned(),
        headers,
        url_list,
        body: Body::Http {
            msg: Box::new(msg),
            decoders,
            sniff_deflate,
        },
    })
}

/// The Fetch standard's *bad port* list: fetching these fails without connecting.
fn is_bad_port(port: u16) -> bool {
    const BAD: &[u16] = &[
        1, 7, 9, 11, 13, 15, 17, 19, 20, 21, 22, 23, 25, 37, 42, 43, 53, 69, 77, 79, 87, 95, 101,
        102, 103, 104, 109, 110, 111, 113, 115, 117, 119, 123, 135, 137, 139, 143, 161, 179, 389,
        427, 465, 512, 513, 514, 515, 526, 530, 531, 532, 540, 548, 554, 556, 563, 587, 601, 636,
        989, 990, 993, 995, 1719, 1720, 1723, 2049, 3659, 4045, 4190, 5060, 5061, 6000, 6566, 6665,
        6666, 6667, 6668, 6669, 6679, 6697, 10080,
    ];
    BAD.binary_search(&port).is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bad_ports() {
        assert!(is_bad_port(1) && is_bad_port(6697) && is_bad_port(10080));
        assert!(!is_bad_port(80) && !is_bad_port(8080) && !is_bad_port(443));
    }
}
