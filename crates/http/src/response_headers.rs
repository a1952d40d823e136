//! Staged headers of a [`ServerResponse`]: `setHeader`, `getHeader`, `appendHeader`,
//! `writeHead`, …

use crate::errors::{Error, Result};
use crate::headers::HeaderValue;
use crate::outgoing::check_header;
use crate::response::ServerResponse;
use crate::validate::invalid_status;

/// Headers for [`ServerResponse::write_head`]: an object-like list, or Node's flat raw
/// array `[name, value, name, value, …]`.
///
/// # Examples
/// ```
/// let h = node_http::WriteHeadHeaders::Raw(vec!["X-A".into(), "1".into()]);
/// assert!(matches!(h, node_http::WriteHeadHeaders::Raw(_)));
/// ```
#[derive(Debug, Clone)]
pub enum WriteHeadHeaders {
    /// No extra headers.
    None,
    /// `{ name: value }` pairs: each is `setHeader`.
    Map(Vec<(String, HeaderValue)>),
    /// `[name, value, …]`: replaces same-named headers, keeps duplicates in the list.
    Raw(Vec<String>),
}

impl ServerResponse {
    pub(crate) fn check_unsent(&self, action: &str) -> Result<()> {
        if self.head_built {
            Err(Error::headers_sent(action))
        } else {
            Ok(())
        }
    }

    /// `response.setHeader(name, value)`.
    ///
    /// # Errors
    /// `ERR_HTTP_HEADERS_SENT` after the head went out, `ERR_INVALID_HTTP_TOKEN` for a bad
    /// name, `ERR_INVALID_CHAR` for a bad value.
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
    /// res.set_header("Set-Cookie", vec!["a=1", "b=2"])?;
    /// assert!(res.has_header("set-cookie"));
    /// res.end(None).await?;
    /// let (client_res, _) = client.await.unwrap()?;
    /// assert_eq!(client_res.headers().get("set-cookie").unwrap().to_vec(), ["a=1", "b=2"]);
    /// # server.close(); Ok(()) }
    /// ```
    #[doc(alias = "setHeader")]
    pub fn set_header(&mut self, name: &str, value: impl Into<HeaderValue>) -> Result<&mut Self> {
        self.check_unsent("set")?;
        self.headers.set(name, value.into())?;
        Ok(self)
    }

    /// `response.appendHeader(name, value)`.
    ///
    /// # Errors
    /// As [`ServerResponse::set_header`].
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
    /// res.append_header("Vary", "a")?.append_header("Vary", "b")?;
    /// assert_eq!(res.get_header("vary").unwrap().to_vec(), ["a", "b"]);
    /// res.end(None).await?;
    /// let (client_res, _) = client.await.unwrap()?;
    /// assert_eq!(client_res.headers().get("vary").and_then(|v| v.as_str()), Some("a, b"));
    /// # server.close(); Ok(()) }
    /// ```
    #[doc(alias = "appendHeader")]
    pub fn append_header(
        &mut self,
        name: &str,
        value: impl Into<HeaderValue>,
    ) -> Result<&mut Self> {
        self.check_unsent("append")?;
        self.headers.append(name, value.into())?;
        Ok(self)
    }

    /// `response.getHeader(name)`.
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
    /// res.set_header("X-Count", "1")?;
    /// assert_eq!(res.get_header("x-count").and_then(|v| v.as_str()), Some("1"));
    /// assert!(res.get_header("x-other").is_none());
    /// # res.end(None).await?; client.await.unwrap()?;
    /// # server.close(); Ok(()) }
    /// ```
    #[doc(alias = "getHeader")]
    pub fn get_header(&self, name: &str) -> Option<&HeaderValue> {
        self.headers.get(name)
    }

    /// `response.getHeaders()`: lower-cased names with their values.
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
    /// res.set_header("X-A", "1")?;
    /// assert_eq!(res.get_headers(), [("x-a".to_string(), node_http::HeaderValue::from("1"))]);
    /// # res.end(None).await?; client.await.unwrap()?;
    /// # server.close(); Ok(()) }
    /// ```
    #[doc(alias = "getHeaders")]
    pub fn get_headers(&self) -> Vec<(String, HeaderValue)> {
        self.headers.to_map()
    }

    /// `response.getHeaderNames()`.
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
    /// res.set_header("X-A", "1")?.set_header("Content-Type", "text/plain")?;
    /// assert_eq!(res.get_header_names(), ["x-a", "content-type"]);
    /// # res.end(None).await?; client.await.unwrap()?;
    /// # server.close(); Ok(()) }
    /// ```
    #[doc(alias = "getHeaderNames")]
    pub fn get_header_names(&self) -> Vec<String> {
        self.headers.names()
    }

    /// `response.getRawHeaderNames()`.
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
    /// res.set_header("X-A", "1")?.set_header("Content-Type", "text/plain")?;
    /// assert_eq!(res.get_raw_header_names(), ["X-A", "Content-Type"]);
    /// # res.end(None).await?; client.await.unwrap()?;
    /// # server.close(); Ok(()) }
    /// ```
    #[doc(alias = "getRawHeaderNames")]
    pub fn get_raw_header_names(&self) -> Vec<String> {
        self.headers.raw_names()
    }

    /// `response.hasHeader(name)`.
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
    /// assert!(!res.has_header("content-type"));
    /// res.set_header("Content-Type", "text/plain")?;
    /// assert!(res.has_header("CONTENT-TYPE"));
    /// # res.end(None).await?; client.await.unwrap()?;
    /// # server.close(); Ok(()) }
    /// ```
    #[doc(alias = "hasHeader")]
    pub fn has_header(&self, name: &str) -> bool {
        self.headers.get(name).is_some()
    }

    /// `response.removeHeader(name)`.
    ///
    /// # Errors
    /// `ERR_HTTP_HEADERS_SENT` after the head went out.
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
    /// res.set_header("X-A", "1")?;
    /// res.remove_header("x-a")?;
    /// assert!(!res.has_header("x-a"));
    /// res.remove_header("date")?; // also turns off the automatic Date
    /// res.end(None).await?;
    /// assert!(client.await.unwrap()?.0.headers().get("date").is_none());
    /// # server.close(); Ok(()) }
    /// ```
    #[doc(alias = "removeHeader")]
    pub fn remove_header(&mut self, name: &str) -> Result<()> {
        self.check_unsent("remove")?;
        if name.eq_ignore_ascii_case("date") {
            self.send_date = false;
        }
        self.headers.remove(name);
        Ok(())
    }

    /// `response.sendDate`: whether a `Date` header is added.
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
    /// res.set_send_date(false);
    /// res.end(None).await?;
    /// assert!(client.await.unwrap()?.0.headers().get("date").is_none());
    /// # server.close(); Ok(()) }
    /// ```
    #[doc(alias = "sendDate")]
    pub fn set_send_date(&mut self, send: bool) {
        self.send_date = send;
    }
    /// `response.writeHead(statusCode[, statusMessage][, headers])`. The head is
    /// serialised now and sent with the first body write.
    ///
    /// # Errors
    /// `ERR_HTTP_HEADERS_SENT`, `ERR_HTTP_INVALID_STATUS_CODE` (outside 100–999),
    /// `ERR_INVALID_ARG_VALUE` for a raw array of odd length, header validation errors.
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
    /// use node_http::WriteHeadHeaders;
    /// res.write_head(202, Some("Later"), WriteHeadHeaders::Raw(vec!["X-A".into(), "1".into(), "X-A".into(), "2".into()]))?;
    /// res.end(None).await?;
    /// let (client_res, _) = client.await.unwrap()?;
    /// assert_eq!((client_res.status_code(), client_res.status_message()), (202, "Later"));
    /// assert_eq!(client_res.headers().get("x-a").and_then(|v| v.as_str()), Some("1, 2"));
    /// # server.close(); Ok(()) }
    /// ```
    #[doc(alias = "writeHead")]
    pub fn write_head(
        &mut self,
        status: u16,
        message: Option<&str>,
        headers: WriteHeadHeaders,
    ) -> Result<&mut Self> {
        self.check_unsent("write")?;
        if !(100..=999).contains(&status) {
            return Err(invalid_status(status));
        }
        self.status_code = status;
        if let Some(m) = message {
            if crate::validate::has_invalid_header_char(m) {
                return Err(crate::validate::invalid_char("statusMessage", m));
            }
            self.status_message = Some(m.to_owned());
        }
        match headers {
            WriteHeadHeaders::None => {}
            WriteHeadHeaders::Map(pairs) => {
                for (k, v) in pairs {
                    self.headers.set(&k, v)?;
                }
            }
            WriteHeadHeaders::Raw(flat) => {
                if flat.len() % 2 != 0 {
                    return Err(Error::Node(node_core::NodeError::invalid_arg_value(
                        "headers",
                        &format!("{flat:?}"),
                        "is invalid",
                    )));
                }
                for pair in flat.chunks(2) {
                    check_header(&pair[0], &HeaderValue::One(pair[1].clone()))?;
                }
                for pair in flat.chunks(2) {
                    self.headers.remove(&pair[0]);
                }
                for pair in flat.chunks(2) {
                    self.headers
                        .append(&pair[0], HeaderValue::One(pair[1].clone()))?;
                }
            }
        }
        self.build_head(None);
        Ok(self)
    }
}
