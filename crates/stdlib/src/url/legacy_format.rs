//! Legacy `url.format(urlObject)` (a port of `Url.prototype.format` in `lib/url.js`).

use super::legacy::{is_slashed, LegacyQuery, LegacyUrl};
use crate::querystring::{self, ParsedValue, StringifyOptions, StringifyValue};

/// `encodeStr(auth, noEscapeAuth)`: like `querystring.escape` but keeps `:`.
fn escape_auth(auth: &str) -> String {
    let mut out = String::with_capacity(auth.len());
    for part in auth.split(':') {
        out.push_str(&querystring::escape(part));
        out.push(':');
    }
    out.pop();
    out
}

/// Formats a legacy URL object: `url.format(urlObject)` (also sets `href` in
/// [`url_parse`](super::url_parse)).
///
/// Mirrors <https://nodejs.org/api/url.html#urlformaturlobject>.
///
/// # Examples
/// ```
/// use node_stdlib::url::{url_format, LegacyUrl};
/// let u = LegacyUrl { protocol: Some("https".into()), hostname: Some("example.com".into()),
///     pathname: Some("/some/path".into()), search: Some("?page=1".into()), ..Default::default() };
/// assert_eq!(url_format(&u), "https://example.com/some/path?page=1");
/// ```
#[doc(alias = "format")]
pub fn url_format(u: &LegacyUrl) -> String {
    let mut auth = u.auth.clone().unwrap_or_default();
    if !auth.is_empty() {
        auth = escape_auth(&auth);
        auth.push('@');
    }
    let mut protocol = u.protocol.clone().unwrap_or_default();
    let mut pathname = u.pathname.clone().unwrap_or_default();
    let mut hash = u.hash.clone().unwrap_or_default();
    let mut host = String::new();
    if let Some(h) = u.host.as_deref().filter(|h| !h.is_empty()) {
        host = format!("{auth}{h}");
    } else if let Some(hn) = u.hostname.as_deref().filter(|h| !h.is_empty()) {
        let bracket = hn.contains(':') && !(hn.starts_with('[') && hn.ends_with(']'));
        host = if bracket {
            format!("{auth}[{hn}]")
        } else {
            format!("{auth}{hn}")
        };
        if let Some(p) = u.port.as_deref().filter(|p| !p.is_empty()) {
            host.push(':');
            host.push_str(p);
        }
    }
    let query = match &u.query {
        LegacyQuery::Parsed(pairs) => {
            let values: Vec<(&str, StringifyValue<'_>)> = pairs
                .iter()
                .map(|(k, v)| {
                    let v = match v {
                        ParsedValue::Single(s) => StringifyValue::Str(s),
                        ParsedValue::Multiple(v) => StringifyValue::Array(
                            v.iter().map(|s| StringifyValue::Str(s)).collect(),
                        ),
                    };
                    (k.as_str(), v)
                })
                .collect();
            querystring::stringify(&values, &StringifyOptions::default())
        }
        _ => String::new(),
    };
    let mut search = match u.search.as_deref().filter(|s| !s.is_empty()) {
        Some(s) => s.to_owned(),
        None if !query.is_empty() => format!("?{query}"),
        None => String::new(),
    };
    if !protocol.is_empty() && !protocol.ends_with(':') {
        protocol.push(':');
    }
    if pathname.contains(['#', '?']) {
        pathname = pathname.replace('#', "%23").replace('?', "%3F");
    }
    let slashes = u.slashes == Some(true);
    if slashes || is_slashed(&protocol) {
        if slashes || !host.is_empty() {
            if !pathname.is_empty() && !pathname.starts_with('/') {
                pathname.insert(0, '/');
            }
            host = format!("//{host}");
        } else if protocol.starts_with("file") {
            host = "//".to_owned();
        }
    }
    search = search.replace('#', "%23");
    if !hash.is_empty() && !hash.starts_with('#') {
        hash.insert(0, '#');
    }
    if !search.is_empty() && !search.starts_with('?') {
        search.insert(0, '?');
    }
    format!("{protocol}{host}{pathname}{search}{hash}")
}
