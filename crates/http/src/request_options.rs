//! [`RequestOptions`] and [`AgentChoice`]: what `http.request(options)` takes.

use std::path::PathBuf;
use std::time::Duration;

use node_core::{ErrorClass, NodeError};

use crate::agent::Agent;
use crate::errors::{Error, Result};
use crate::headers::HeaderValue;

/// Which agent a request uses (Node's `agent` option).
///
/// # Examples
/// ```
/// assert!(matches!(node_http::AgentChoice::default(), node_http::AgentChoice::Global));
/// ```
#[derive(Debug, Clone, Default)]
pub enum AgentChoice {
    /// `http.globalAgent`.
    #[default]
    Global,
    /// A specific agent.
    Agent(Agent),
    /// `agent: false`: a fresh connection with `Connection: close`.
    None,
}

/// Options of [`crate::request`]: Node's `http.request(options)`.
///
/// # Examples
/// ```
/// let opts = node_http::RequestOptions::from_url("http://127.0.0.1:8080/a?b=c").unwrap();
/// assert_eq!((opts.host.as_str(), opts.port, opts.path.as_str()), ("127.0.0.1", 8080, "/a?b=c"));
/// ```
#[derive(Debug, Clone)]
pub struct RequestOptions {
    /// Host name or IP (`"localhost"`).
    pub host: String,
    /// Port (80).
    pub port: u16,
    /// Request target (`"/"`).
    pub path: String,
    /// Method (`"GET"`).
    pub method: String,
    /// Headers, set in order with `setHeader`.
    pub headers: Vec<(String, HeaderValue)>,
    /// The agent.
    pub agent: AgentChoice,
    /// Time allowed for the response head (Node's `timeout`, which emits `'timeout'`;
    /// here the request fails with `ETIMEDOUT`).
    pub timeout: Option<Duration>,
    /// Unix socket to connect to (`socketPath`).
    pub socket_path: Option<PathBuf>,
    /// Add a `Host` header (`setHost`, true).
    pub set_host: bool,
    /// TLS for `https.request` (Node's TLS options, built once); `None` is plain HTTP.
    pub tls: Option<node_net::tls::ClientConfig>,
}

impl Default for RequestOptions {
    fn default() -> Self {
        RequestOptions {
            host: "localhost".into(),
            port: 80,
            path: "/".into(),
            method: "GET".into(),
            headers: Vec::new(),
            agent: AgentChoice::Global,
            timeout: None,
            socket_path: None,
            set_host: true,
            tls: None,
        }
    }
}

impl RequestOptions {
    /// Options from an `http://` or `https://` URL (the latter with node's default TLS
    /// options: Mozilla's roots, `rejectUnauthorized`, port 443).
    ///
    /// # Errors
    /// `ERR_INVALID_PROTOCOL` for other schemes, `ERR_INVALID_URL` for malformed URLs.
    ///
    /// # Examples
    /// ```
    /// let err = node_http::RequestOptions::from_url("ftp://x/").unwrap_err();
    /// assert_eq!(err.code(), "ERR_INVALID_PROTOCOL");
    /// let secure = node_http::RequestOptions::from_url("https://x/").unwrap();
    /// assert_eq!((secure.port, secure.tls.is_some()), (443, true));
    /// ```
    pub fn from_url(url: &str) -> Result<Self> {
        let invalid = || {
            Error::Node(NodeError::new(
                ErrorClass::TypeError,
                "ERR_INVALID_URL",
                "Invalid URL",
            ))
        };
        let (scheme, rest) = url.split_once("://").ok_or_else(invalid)?;
        let https = scheme.eq_ignore_ascii_case("https");
        if !scheme.eq_ignore_ascii_case("http") && !https {
            return Err(Error::Node(NodeError::new(
                ErrorClass::TypeError,
                "ERR_INVALID_PROTOCOL",
                format!(
                    "Protocol \"{}:\" not supported. Expected \"http:\"",
                    scheme.to_ascii_lowercase()
                ),
            )));
        }
        let default_port = if https { 443 } else { 80 };
        let (authority, path) = match rest.find(['/', '?']) {
            Some(i) => (&rest[..i], &rest[i..]),
            None => (rest, "/"),
        };
        let path = if path.starts_with('?') {
            format!("/{path}")
        } else {
            path.split('#').next().unwrap_or("/").to_owned()
        };
        let authority = authority.rsplit('@').next().unwrap_or(authority);
        let (host, port) = if let Some(v6) = authority.strip_prefix('[') {
            let (h, rest) = v6.split_once(']').ok_or_else(invalid)?;
            let port = match rest.strip_prefix(':') {
                Some(p) => p.parse().map_err(|_| invalid())?,
                None => default_port,
            };
            (h.to_owned(), port)
        } else {
            match authority.rsplit_once(':') {
                Some((h, p)) => (h.to_owned(), p.parse().map_err(|_| invalid())?),
                None => (authority.to_owned(), default_port),
            }
        };
        if host.is_empty() {
            return Err(invalid());
        }
        let tls = if https {
            Some(node_net::tls::ClientOptions::default().build()?)
        } else {
            None
        };
        Ok(RequestOptions {
            host,
            port,
            path,
            tls,
            ..Default::default()
        })
    }

    pub(crate) fn key(&self) -> String {
        let base = match &self.socket_path {
            Some(p) => format!("{}:", p.display()),
            None => format!("{}:{}", self.host, self.port),
        };
        // Node's https Agent names its pools by the TLS options too.
        match &self.tls {
            Some(t) => format!("{base}:{}", t.cache_key()),
            None => base,
        }
    }
}
