//! The WHATWG `URL` class: parse with a base, every getter and setter.

use node_core::{ErrorClass, NodeError};

/// A parsed WHATWG URL, with Node's `URL` getters and setters.
///
/// Mirrors <https://nodejs.org/api/url.html#class-url>. Setters follow the URL
/// Standard: an invalid value leaves the URL unchanged, as in Node.
///
/// # Examples
/// ```
/// use node_stdlib::url::Url;
/// let mut u = Url::parse("../b?x=1#h", Some("https://user:pw@example.org:8080/a/c")).unwrap();
/// assert_eq!(u.href(), "https://user:pw@example.org:8080/b?x=1#h");
/// assert_eq!(u.origin(), "https://example.org:8080");
/// u.set_port("443");
/// assert_eq!(u.host(), "example.org");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Url {
    inner: url::Url,
}

/// `ERR_INVALID_URL` (`TypeError: Invalid URL`).
fn invalid_url() -> NodeError {
    NodeError::new(ErrorClass::TypeError, "ERR_INVALID_URL", "Invalid URL")
}

impl Url {
    /// Parses `input` against an optional `base`: `new URL(input, base)`.
    ///
    /// Mirrors <https://nodejs.org/api/url.html#new-urlinput-base>.
    ///
    /// # Errors
    /// `ERR_INVALID_URL` when the input (or the base) does not parse.
    ///
    /// # Examples
    /// ```
    /// use node_stdlib::url::Url;
    /// assert_eq!(Url::parse("HTTP://EXAMPLE.com/%7e", None).unwrap().href(), "http://example.com/%7e");
    /// assert_eq!(Url::parse("/x", None).unwrap_err().code(), "ERR_INVALID_URL");
    /// ```
    pub fn parse(input: &str, base: Option<&str>) -> Result<Url, NodeError> {
        let parsed = match base {
            Some(b) => {
                let base = url::Url::parse(b).map_err(|_| invalid_url())?;
                base.join(input)
            }
            None => url::Url::parse(input),
        };
        parsed.map(|inner| Url { inner }).map_err(|_| invalid_url())
    }

    /// Whether `input` (against `base`) parses: `URL.canParse(input, base)`.
    ///
    /// Mirrors <https://nodejs.org/api/url.html#urlcanparseinput-base>.
    ///
    /// # Examples
    /// ```
    /// use node_stdlib::url::Url;
    /// assert!(Url::can_parse("x", Some("http://a/")));
    /// assert!(!Url::can_parse("x", None));
    /// ```
    #[doc(alias = "canParse")]
    pub fn can_parse(input: &str, base: Option<&str>) -> bool {
        Url::parse(input, base).is_ok()
    }

    /// The serialised URL (`url.href`, also `toString()` and `toJSON()`).
    ///
    /// # Examples
    /// ```
    /// assert_eq!(node_stdlib::url::Url::parse("http://a", None).unwrap().href(), "http://a/");
    /// ```
    pub fn href(&self) -> &str {
        url::quirks::href(&self.inner)
    }

    /// Replaces the whole URL (`url.href = value`).
    ///
    /// # Errors
    /// `ERR_INVALID_URL` when `value` does not parse; the URL is left unchanged.
    ///
    /// # Examples
    /// ```
    /// let mut u = node_stdlib::url::Url::parse("http://a", None).unwrap();
    /// u.set_href("https://b/").unwrap();
    /// assert_eq!(u.hostname(), "b");
    /// ```
    pub fn set_href(&mut self, value: &str) -> Result<(), NodeError> {
        url::quirks::set_href(&mut self.inner, value).map_err(|_| invalid_url())
    }

    /// The ASCII serialisation of the origin (`"null"` for opaque origins).
    ///
    /// # Examples
    /// ```
    /// assert_eq!(node_stdlib::url::Url::parse("blob:https://a.com/x", None).unwrap().origin(), "https://a.com");
    /// ```
    pub fn origin(&self) -> String {
        url::quirks::origin(&self.inner)
    }

    /// The scheme followed by `:` (`url.protocol`).
    ///
    /// # Examples
    /// ```
    /// assert_eq!(node_stdlib::url::Url::parse("ws://a", None).unwrap().protocol(), "ws:");
    /// ```
    pub fn protocol(&self) -> &str {
        url::quirks::protocol(&self.inner)
    }

    /// Sets the scheme; switching between special and non-special schemes is ignored.
    ///
    /// # Examples
    /// ```
    /// let mut u = node_stdlib::url::Url::parse("http://a/", None).unwrap();
    /// u.set_protocol("https");
    /// u.set_protocol("foo");
    /// assert_eq!(u.href(), "https://a/");
    /// ```
    pub fn set_protocol(&mut self, value: &str) {
        let _ignored = url::quirks::set_protocol(&mut self.inner, value);
    }

    /// The percent-encoded user name (`url.username`).
    ///
    /// # Examples
    /// ```
    /// assert_eq!(node_stdlib::url::Url::parse("http://a b@h", None).unwrap().username(), "a%20b");
    /// ```
    pub fn username(&self) -> &str {
        url::quirks::username(&self.inner)
    }

    /// Sets the user name (ignored for URLs that cannot have credentials).
    ///
    /// # Examples
    /// ```
    /// let mut u = node_stdlib::url::Url::parse("http://h/", None).unwrap();
    /// u.set_username("me");
    /// assert_eq!(u.href(), "http://me@h/");
    /// ```
    pub fn set_username(&mut self, value: &str) {
        let _ignored = url::quirks::set_username(&mut self.inner, value);
    }

    /// The percent-encoded password (`url.password`).
    ///
    /// # Examples
    /// ```
    /// assert_eq!(node_stdlib::url::Url::parse("http://u:p@h", None).unwrap().password(), "p");
    /// ```
    pub fn password(&self) -> &str {
        url::quirks::password(&self.inner)
    }

    /// Sets the password (ignored for URLs that cannot have credentials).
    ///
    /// # Examples
    /// ```
    /// let mut u = node_stdlib::url::Url::parse("http://u@h/", None).unwrap();
    /// u.set_password("p");
    /// assert_eq!(u.href(), "http://u:p@h/");
    /// ```
    pub fn set_password(&mut self, value: &str) {
        let _ignored = url::quirks::set_password(&mut self.inner, value);
    }

    /// Host and port (`url.host`).
    ///
    /// # Examples
    /// ```
    /// assert_eq!(node_stdlib::url::Url::parse("http://h:81/", None).unwrap().host(), "h:81");
    /// ```
    pub fn host(&self) -> &str {
        url::quirks::host(&self.inner)
    }

    /// Sets host and optionally port.
    ///
    /// # Examples
    /// ```
    /// let mut u = node_stdlib::url::Url::parse("http://h/", None).unwrap();
    /// u.set_host("x.org:8080");
    /// assert_eq!(u.href(), "http://x.org:8080/");
    /// ```
    pub fn set_host(&mut self, value: &str) {
        let _ignored = url::quirks::set_host(&mut self.inner, value);
    }

    /// The host without port (`url.hostname`; IPv6 in brackets).
    ///
    /// # Examples
    /// ```
    /// assert_eq!(node_stdlib::url::Url::parse("http://[::1]:3/", None).unwrap().hostname(), "[::1]");
    /// ```
    pub fn hostname(&self) -> &str {
        url::quirks::hostname(&self.inner)
    }

    /// Sets the host without touching the port.
    ///
    /// # Examples
    /// ```
    /// let mut u = node_stdlib::url::Url::parse("http://h:81/", None).unwrap();
    /// u.set_hostname("x");
    /// assert_eq!(u.host(), "x:81");
    /// ```
    pub fn set_hostname(&mut self, value: &str) {
        let _ignored = url::quirks::set_hostname(&mut self.inner, value);
    }

    /// The port, empty when it is the scheme's default (`url.port`).
    ///
    /// # Examples
    /// ```
    /// assert_eq!(node_stdlib::url::Url::parse("https://h:443/", None).unwrap().port(), "");
    /// ```
    pub fn port(&self) -> &str {
        url::quirks::port(&self.inner)
    }

    /// Sets the port from the leading digits of `value`; empty removes it.
    ///
    /// # Examples
    /// ```
    /// let mut u = node_stdlib::url::Url::parse("http://h/", None).unwrap();
    /// u.set_port("8080abc");
    /// assert_eq!(u.port(), "8080");
    /// u.set_port("99999");
    /// assert_eq!(u.port(), "8080");
    /// ```
    pub fn set_port(&mut self, value: &str) {
        let _ignored = url::quirks::set_port(&mut self.inner, value);
    }

    /// The path (`url.pathname`).
    ///
    /// # Examples
    /// ```
    /// assert_eq!(node_stdlib::url::Url::parse("http://h/a/../b c", None).unwrap().pathname(), "/b%20c");
    /// ```
    pub fn pathname(&self) -> &str {
        url::quirks::pathname(&self.inner)
    }

    /// Sets the path (ignored for opaque paths).
    ///
    /// # Examples
    /// ```
    /// let mut u = node_stdlib::url::Url::parse("http://h/", None).unwrap();
    /// u.set_pathname("x/y");
    /// assert_eq!(u.href(), "http://h/x/y");
    /// ```
    pub fn set_pathname(&mut self, value: &str) {
        url::quirks::set_pathname(&mut self.inner, value);
    }

    /// `?` and the query, or empty (`url.search`).
    ///
    /// # Examples
    /// ```
    /// assert_eq!(node_stdlib::url::Url::parse("http://h/?", None).unwrap().search(), "");
    /// ```
    pub fn search(&self) -> &str {
        url::quirks::search(&self.inner)
    }

    /// Sets the query (a leading `?` is optional; empty removes it).
    ///
    /// # Examples
    /// ```
    /// let mut u = node_stdlib::url::Url::parse("http://h/", None).unwrap();
    /// u.set_search("a=b c");
    /// assert_eq!(u.href(), "http://h/?a=b%20c");
    /// ```
    pub fn set_search(&mut self, value: &str) {
        url::quirks::set_search(&mut self.inner, value);
    }

    /// `#` and the fragment, or empty (`url.hash`).
    ///
    /// # Examples
    /// ```
    /// assert_eq!(node_stdlib::url::Url::parse("http://h/#x y", None).unwrap().hash(), "#x%20y");
    /// ```
    pub fn hash(&self) -> &str {
        url::quirks::hash(&self.inner)
    }

    /// Sets the fragment (a leading `#` is optional; empty removes it).
    ///
    /// # Examples
    /// ```
    /// let mut u = node_stdlib::url::Url::parse("http://h/", None).unwrap();
    /// u.set_hash("top");
    /// assert_eq!(u.href(), "http://h/#top");
    /// ```
    pub fn set_hash(&mut self, value: &str) {
        url::quirks::set_hash(&mut self.inner, value);
    }

    /// The query without `?`, parsed as `application/x-www-form-urlencoded`
    /// (`url.searchParams`).
    ///
    /// # Examples
    /// ```
    /// let u = node_stdlib::url::Url::parse("http://h/?a=1&b=x+y", None).unwrap();
    /// assert_eq!(u.search_params().get("b"), Some("x y"));
    /// ```
    #[doc(alias = "searchParams")]
    pub fn search_params(&self) -> super::UrlSearchParams {
        super::UrlSearchParams::parse(self.inner.query().unwrap_or(""))
    }

    /// Writes `params` back as the query (`URLSearchParams` update steps: an empty
    /// list removes the query).
    ///
    /// # Examples
    /// ```
    /// use node_stdlib::url::Url;
    /// let mut u = Url::parse("http://h/?a=1", None).unwrap();
    /// let mut p = u.search_params();
    /// p.append("b", "x y");
    /// u.set_search_params(&p);
    /// assert_eq!(u.href(), "http://h/?a=1&b=x+y");
    /// ```
    pub fn set_search_params(&mut self, params: &super::UrlSearchParams) {
        let s = params.to_string();
        self.inner
            .set_query(if s.is_empty() { None } else { Some(&s) });
    }

    /// The underlying `url::Url`.
    ///
    /// # Examples
    /// ```
    /// let u = node_stdlib::url::Url::parse("http://h/", None).unwrap();
    /// assert_eq!(u.as_url().scheme(), "http");
    /// ```
    pub fn as_url(&self) -> &url::Url {
        &self.inner
    }
}

impl std::fmt::Display for Url {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.href())
    }
}

/// The ASCII (punycode) form of a domain, or `""` when it is invalid.
///
/// Mirrors <https://nodejs.org/api/url.html#urldomaintoasciidomain>.
///
/// # Examples
/// ```
/// use node_stdlib::url::domain_to_ascii;
/// assert_eq!(domain_to_ascii("español.com"), "xn--espaol-zwa.com");
/// assert_eq!(domain_to_ascii("xn--iñvalid.com"), "");
/// ```
#[doc(alias = "domainToASCII")]
pub fn domain_to_ascii(domain: &str) -> String {
    host_via_setter(domain).unwrap_or_default()
}

/// Node's binding sets `domain` as the hostname of `ws://x` and reads it back, so IPv4
/// and IPv6 literals come back normalised and anything the setter rejects is `""`.
fn host_via_setter(domain: &str) -> Option<String> {
    if domain.is_empty() {
        return None;
    }
    let mut u = url::Url::parse("ws://x").ok()?;
    url::quirks::set_hostname(&mut u, domain).ok()?;
    Some(url::quirks::hostname(&u).to_owned())
}

/// The Unicode form of a domain, or `""` when it is invalid.
///
/// Mirrors <https://nodejs.org/api/url.html#urldomaintounicodedomain>.
///
/// # Examples
/// ```
/// use node_stdlib::url::domain_to_unicode;
/// assert_eq!(domain_to_unicode("xn--espaol-zwa.com"), "español.com");
/// ```
#[doc(alias = "domainToUnicode")]
pub fn domain_to_unicode(domain: &str) -> String {
    match host_via_setter(domain) {
        Some(h) => idna::domain_to_unicode(&h).0,
        None => String::new(),
    }
}
