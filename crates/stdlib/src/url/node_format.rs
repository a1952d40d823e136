//! `url.format(URL, options)` and `url.urlToHttpOptions(URL)` for WHATWG URLs.

use node_core::{ErrorClass, NodeError};

use super::{domain_to_unicode, Url};
use crate::querystring::decode_uri_component;

/// Options of `url.format(URL, options)`.
///
/// # Examples
/// ```
/// let o = node_stdlib::url::UrlFormatOptions::default();
/// assert!(o.fragment && o.search && o.auth && !o.unicode);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct UrlFormatOptions {
    /// Keep the fragment.
    pub fragment: bool,
    /// Show the host in Unicode instead of punycode.
    pub unicode: bool,
    /// Keep the query.
    pub search: bool,
    /// Keep user name and password.
    pub auth: bool,
}

impl Default for UrlFormatOptions {
    fn default() -> Self {
        UrlFormatOptions {
            fragment: true,
            unicode: false,
            search: true,
            auth: true,
        }
    }
}

impl Url {
    /// Serialises with parts left out: `url.format(URL, options)`.
    ///
    /// Mirrors <https://nodejs.org/api/url.html#urlformaturl-options>.
    ///
    /// # Examples
    /// ```
    /// use node_stdlib::url::{Url, UrlFormatOptions};
    /// let u = Url::parse("https://a:b@xn--mnchen-3ya.de/p?q#h", None).unwrap();
    /// let o = UrlFormatOptions { fragment: false, unicode: true, search: false, auth: false };
    /// assert_eq!(u.format(&o), "https://münchen.de/p");
    /// ```
    pub fn format(&self, options: &UrlFormatOptions) -> String {
        let mut u = self.as_url().clone();
        if !options.fragment {
            u.set_fragment(None);
        }
        if !options.search {
            u.set_query(None);
        }
        if !options.auth {
            let _ = u.set_username("");
            let _ = u.set_password(None);
        }
        if options.unicode {
            if let Some(url::Host::Domain(d)) = u.host() {
                let host = domain_to_unicode(d);
                let s = u.as_str();
                return format!(
                    "{}{host}{}",
                    &s[..u[..url::Position::BeforeHost].len()],
                    &s[u[..url::Position::AfterHost].len()..]
                );
            }
        }
        u.into()
    }
}

/// The options object `http.request` takes, built from a URL: `url.urlToHttpOptions(url)`.
///
/// # Examples
/// ```
/// let o = node_stdlib::url::url_to_http_options(&node_stdlib::url::Url::parse("http://[::1]:8080/x?y", None).unwrap()).unwrap();
/// assert_eq!((o.hostname.as_str(), o.port, o.path.as_str()), ("::1", Some(8080), "/x?y"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HttpOptions {
    /// `url.protocol`.
    pub protocol: String,
    /// `url.hostname` without IPv6 brackets.
    pub hostname: String,
    /// `url.hash`.
    pub hash: String,
    /// `url.search`.
    pub search: String,
    /// `url.pathname`.
    pub pathname: String,
    /// Pathname and search.
    pub path: String,
    /// `url.href`.
    pub href: String,
    /// The port as a number, when the URL has one.
    pub port: Option<u16>,
    /// `user:password`, percent-decoded, when either is set.
    pub auth: Option<String>,
}

/// Builds [`HttpOptions`] from a URL.
///
/// Mirrors <https://nodejs.org/api/url.html#urlurltohttpoptionsurl>.
///
/// # Errors
/// Code `ERR_INVALID_URI` where Node throws an uncoded `URIError: URI malformed`
/// (malformed percent-escapes in the credentials).
///
/// # Examples
/// ```
/// use node_stdlib::url::{url_to_http_options, Url};
/// let o = url_to_http_options(&Url::parse("https://u:p%40@h/", None).unwrap()).unwrap();
/// assert_eq!(o.auth.as_deref(), Some("u:p@"));
/// ```
#[doc(alias = "urlToHttpOptions")]
pub fn url_to_http_options(url: &Url) -> Result<HttpOptions, NodeError> {
    let hostname = url.hostname();
    let hostname = if hostname.starts_with('[') {
        hostname.get(1..hostname.len() - 1).unwrap_or("")
    } else {
        hostname
    };
    let malformed = || NodeError::new(ErrorClass::Error, "ERR_INVALID_URI", "URI malformed");
    let auth = if url.username().is_empty() && url.password().is_empty() {
        None
    } else {
        Some(format!(
            "{}:{}",
            decode_uri_component(url.username()).ok_or_else(malformed)?,
            decode_uri_component(url.password()).ok_or_else(malformed)?
        ))
    };
    Ok(HttpOptions {
        protocol: url.protocol().to_owned(),
        hostname: hostname.to_owned(),
        hash: url.hash().to_owned(),
        search: url.search().to_owned(),
        pathname: url.pathname().to_owned(),
        path: format!("{}{}", url.pathname(), url.search()),
        href: url.href().to_owned(),
        port: url.port().parse().ok(),
        auth,
    })
}
