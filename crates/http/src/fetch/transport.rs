//! One HTTP exchange of a fetch over this crate's client: undici's request head (header
//! order and defaults) and fetch's own keep-alive pool.

use std::cell::OnceCell;
use std::sync::OnceLock;

use url::Url;

use super::request::{FetchBody, FetchRequest};
use crate::agent::{Agent, AgentOptions};
use crate::errors::Result;
use crate::headers::HeaderValue;
use crate::incoming::IncomingMessage;
use crate::request_options::{AgentChoice, RequestOptions};

/// fetch's connection pool (undici's dispatcher is separate from `http.globalAgent`).
fn agent() -> Agent {
    static AGENT: OnceLock<Agent> = OnceLock::new();
    AGENT
        .get_or_init(|| Agent::new(AgentOptions::default()))
        .clone()
}

thread_local! {
    /// node's default TLS context (Mozilla's roots), built once per thread.
    static TLS: OnceCell<node_net::tls::ClientConfig> = const { OnceCell::new() };
}

fn tls() -> Result<node_net::tls::ClientConfig> {
    TLS.with(|c| {
        if let Some(t) = c.get() {
            return Ok(t.clone());
        }
        let t = node_net::tls::ClientOptions::default().build()?;
        Ok(c.get_or_init(|| t).clone())
    })
}

/// The head undici sends: `host`, `connection`, the program's headers in order, the
/// defaults it did not set, then `content-length` (or `transfer-encoding`).
fn head(req: &FetchRequest, url: &Url) -> Vec<(String, HeaderValue)> {
    let mut out: Vec<(String, HeaderValue)> = Vec::new();
    let one = |k: &str, v: String| (k.to_owned(), HeaderValue::One(v));
    if !req.has_header("host") {
        let host = url.host_str().unwrap_or_default();
        let host = match url.port() {
            Some(p) => format!("{host}:{p}"),
            None => host.to_owned(),
        };
        out.push(one("host", host));
    }
    if !req.has_header("connection") {
        out.push(one("connection", "keep-alive".into()));
    }
    // Names repeat when a program appends: they go out as one line, joined as Headers does.
    for (k, v) in &req.headers {
        if k.eq_ignore_ascii_case("content-length") || k.eq_ignore_ascii_case("transfer-encoding") {
            continue;
        }
        match out.iter_mut().find(|(n, _)| n.eq_ignore_ascii_case(k)) {
            Some((_, HeaderValue::One(prev))) => {
                prev.push_str(", ");
                prev.push_str(v);
            }
            _ => out.push(one(k, v.clone())),
        }
    }
    for (k, v) in [
        ("accept", "*/*"),
        ("accept-language", "*"),
        ("sec-fetch-mode", "cors"),
        ("user-agent", req.user_agent.as_str()),
        ("accept-encoding", "gzip, deflate"),
    ] {
        if !req.has_header(k) {
            out.push(one(k, v.to_owned()));
        }
    }
    match &req.body {
        FetchBody::Bytes(b) => out.push(one("content-length", b.len().to_string())),
        FetchBody::Stream(_) => out.push(one("transfer-encoding", "chunked".into())),
        // undici sends `content-length: 0` for the methods that expect a payload.
        FetchBody::Empty if matches!(req.method.as_str(), "POST" | "PUT" | "PATCH") => {
            out.push(one("content-length", "0".into()));
        }
        FetchBody::Empty => {}
    }
    out
}

/// Sends `req` to `url` (http or https) and waits for the response head. A streamed body
/// is consumed (a redirect cannot send it again).
pub(super) async fn send(req: &mut FetchRequest, url: &Url) -> Result<IncomingMessage> {
    let host = match url.host() {
        Some(url::Host::Ipv6(a)) => a.to_string(),
        Some(h) => h.to_string(),
        None => String::new(),
    };
    let https = url.scheme() == "https";
    let opts = RequestOptions {
        host,
        port: url.port_or_known_default().unwrap_or(80),
        path: url[url::Position::BeforePath..url::Position::AfterQuery].to_owned(),
        method: req.method.clone(),
        headers: head(req, url),
        agent: AgentChoice::Agent(agent()),
        set_host: false,
        tls: if https { Some(tls()?) } else { None },
        ..Default::default()
    };
    let mut creq = crate::client::request(opts)?;
    match std::mem::take(&mut req.body) {
        FetchBody::Empty => creq.end(None).await,
        FetchBody::Bytes(b) => {
            req.body = FetchBody::Bytes(b.clone());
            creq.end(Some(&b)).await
        }
        FetchBody::Stream(mut s) => {
            use futures::StreamExt;
            while let Some(chunk) = s.next().await {
                if !chunk.is_empty() {
                    creq.write(&chunk).await?;
                }
            }
            req.body = FetchBody::Stream(Box::pin(futures::stream::empty()));
            creq.end(None).await
        }
    }
}
