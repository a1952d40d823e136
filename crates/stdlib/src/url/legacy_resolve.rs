//! Legacy `url.resolve()` / `Url.prototype.resolveObject` (a port of `lib/url.js`).

use node_core::NodeError;

use super::legacy::{is_hostless, is_slashed, url_parse, LegacyUrl};
use super::url_format;

/// Resolves `to` against `from` the way a browser resolves an anchor: `url.resolve(from, to)`.
///
/// Mirrors <https://nodejs.org/api/url.html#urlresolvefrom-to>.
///
/// # Errors
/// `ERR_INVALID_URL` when either URL has an invalid host (see [`url_parse`]).
///
/// # Examples
/// ```
/// use node_stdlib::url::url_resolve;
/// assert_eq!(url_resolve("/one/two/three", "four").unwrap(), "/one/two/four");
/// assert_eq!(url_resolve("http://example.com/", "/one").unwrap(), "http://example.com/one");
/// assert_eq!(url_resolve("http://example.com/one", "/two").unwrap(), "http://example.com/two");
/// ```
#[doc(alias = "resolve")]
pub fn url_resolve(from: &str, to: &str) -> Result<String, NodeError> {
    let source = url_parse(from, false, true)?;
    let relative = url_parse(to, false, true)?;
    Ok(url_format(&resolve_object(&source, relative)))
}

fn nonempty(s: &Option<String>) -> bool {
    s.as_deref().is_some_and(|v| !v.is_empty())
}

fn starts_with_slash(s: &Option<String>) -> bool {
    s.as_deref().is_some_and(|v| v.starts_with('/'))
}

fn split_path(p: &Option<String>) -> Vec<String> {
    match p.as_deref() {
        Some(v) if !v.is_empty() => v.split('/').map(str::to_owned).collect(),
        _ => Vec::new(),
    }
}

fn set_path(result: &mut LegacyUrl) {
    if result.pathname.is_some() || result.search.is_some() {
        result.path = Some(format!(
            "{}{}",
            result.pathname.as_deref().unwrap_or(""),
            result.search.as_deref().unwrap_or("")
        ));
    }
}

/// `result.host.indexOf('@') > 0 && result.host.split('@')`: move `user@` into `auth`.
fn split_auth_in_host(result: &mut LegacyUrl) {
    let Some(host) = result.host.clone() else {
        return;
    };
    if host.find('@').is_some_and(|i| i > 0) {
        let mut parts = host.split('@');
        result.auth = parts.next().map(str::to_owned);
        let h = parts.next().map(str::to_owned);
        result.host = h.clone();
        result.hostname = h;
    }
}

fn finish(mut result: LegacyUrl) -> LegacyUrl {
    result.href = Some(url_format(&result));
    result
}

/// `Url.prototype.resolveObject(relative)`: `source` resolved by `relative`.
///
/// Mirrors <https://nodejs.org/api/url.html#urlresolvefrom-to> (object form,
/// `url.resolveObject`). JavaScript `undefined` fields come back as `None`, like `null`.
///
/// # Examples
/// ```
/// use node_stdlib::url::{url_parse, url_resolve_object};
/// let base = url_parse("http://a/b/c/d;p?q", false, true).unwrap();
/// let rel = url_parse("../g", false, true).unwrap();
/// assert_eq!(url_resolve_object(&base, rel).href.as_deref(), Some("http://a/b/g"));
/// ```
#[doc(alias = "resolveObject")]
pub fn url_resolve_object(source: &LegacyUrl, relative: LegacyUrl) -> LegacyUrl {
    resolve_object(source, relative)
}

#[allow(clippy::too_many_lines)]
fn resolve_object(source: &LegacyUrl, mut relative: LegacyUrl) -> LegacyUrl {
    let mut result = source.clone();
    result.hash = relative.hash.clone();
    if relative.href.as_deref() == Some("") {
        return finish(result);
    }
    if relative.slashes == Some(true) && !nonempty(&relative.protocol) {
        let protocol = result.protocol.take();
        result = LegacyUrl {
            protocol,
            ..relative
        };
        if is_slashed(result.protocol.as_deref().unwrap_or(""))
            && nonempty(&result.hostname)
            && !nonempty(&result.pathname)
        {
            result.pathname = Some("/".to_owned());
            result.path = Some("/".to_owned());
        }
        return finish(result);
    }
    let rel_proto = relative.protocol.clone().filter(|p| !p.is_empty());
    if let Some(rp) = rel_proto
        .as_deref()
        .filter(|rp| Some(*rp) != result.protocol.as_deref())
    {
        if !is_slashed(rp) {
            return finish(relative);
        }
        result.protocol = Some(rp.to_owned());
        if !nonempty(&relative.host) && rp != "file" && rp != "file:" && !is_hostless(rp) {
            let mut rel_path: Vec<String> = relative
                .pathname
                .as_deref()
                .unwrap_or("")
                .split('/')
                .map(str::to_owned)
                .collect();
            relative.host = None;
            while !rel_path.is_empty() {
                let h = rel_path.remove(0);
                if !h.is_empty() {
                    relative.host = Some(h);
                    break;
                }
                relative.host = Some(h);
            }
            if !nonempty(&relative.host) {
                relative.host = Some(String::new());
            }
            if !nonempty(&relative.hostname) {
                relative.hostname = Some(String::new());
            }
            if rel_path.first().map(String::as_str) != Some("") {
                rel_path.insert(0, String::new());
            }
            if rel_path.len() < 2 {
                rel_path.insert(0, String::new());
            }
            result.pathname = Some(rel_path.join("/"));
        } else {
            result.pathname = relative.pathname.clone();
        }
        result.search = relative.search.clone();
        result.query = relative.query.clone();
        result.host = Some(
            relative
                .host
                .clone()
                .filter(|h| !h.is_empty())
                .unwrap_or_default(),
        );
        result.auth = relative.auth.clone();
        result.hostname = if nonempty(&relative.hostname) {
            relative.hostname.clone()
        } else {
            relative.host.clone()
        };
        result.port = relative.port.clone();
        if nonempty(&result.pathname) || nonempty(&result.search) {
            result.path = Some(format!(
                "{}{}",
                result.pathname.as_deref().unwrap_or(""),
                result.search.as_deref().unwrap_or("")
            ));
        }
        result.slashes = if result.slashes == Some(true) {
            Some(true)
        } else {
            relative.slashes
        };
        return finish(result);
    }

    let is_source_abs = starts_with_slash(&result.pathname);
    let is_rel_abs = nonempty(&relative.host) || starts_with_slash(&relative.pathname);
    let mut must_end_abs =
        is_rel_abs || is_source_abs || (nonempty(&result.host) && nonempty(&relative.pathname));
    let remove_all_dots = must_end_abs;
    let mut src_path = split_path(&result.pathname);
    let mut rel_path = split_path(&relative.pathname);
    let no_leading_slashes =
        nonempty(&result.protocol) && !is_slashed(result.protocol.as_deref().unwrap_or(""));

    if no_leading_slashes {
        result.hostname = Some(String::new());
        result.port = None;
        if let Some(h) = result.host.clone().filter(|h| !h.is_empty()) {
            if src_path.first().map(String::as_str) == Some("") {
                src_path[0] = h;
            } else {
                src_path.insert(0, h);
            }
        }
        result.host = Some(String::new());
        if nonempty(&relative.protocol) {
            relative.hostname = None;
            relative.port = None;
            result.auth = None;
            if let Some(h) = relative.host.clone().filter(|h| !h.is_empty()) {
                if rel_path.first().map(String::as_str) == Some("") {
                    rel_path[0] = h;
                } else {
                    rel_path.insert(0, h);
                }
            }
            relative.host = None;
        }
        must_end_abs = must_end_abs
            && (rel_path.first().map(String::as_str) == Some("")
                || src_path.first().map(String::as_str) == Some(""));
    }

    if is_rel_abs {
        if let Some(h) = relative.host.clone() {
            if result.host.as_deref() != Some(h.as_str()) {
                result.auth = None;
            }
            result.host = Some(h);
            result.port = relative.port.clone();
        }
        if let Some(h) = relative.hostname.clone() {
            if result.hostname.as_deref() != Some(h.as_str()) {
                result.auth = None;
            }
            result.hostname = Some(h);
        }
        result.search = relative.search.clone();
        result.query = relative.query.clone();
        src_path = rel_path;
    } else if !rel_path.is_empty() {
        src_path.pop();
        src_path.extend(rel_path);
        result.search = relative.search.clone();
        result.query = relative.query.clone();
    } else if relative.search.is_some() {
        if no_leading_slashes {
            let h = (!src_path.is_empty()).then(|| src_path.remove(0));
            result.hostname = h.clone();
            result.host = h;
            split_auth_in_host(&mut result);
        }
        result.search = relative.search.clone();
        result.query = relative.query.clone();
        set_path(&mut result);
        return finish(result);
    }

    if src_path.is_empty() {
        result.pathname = None;
        result.path = result
            .search
            .as_deref()
            .filter(|s| !s.is_empty())
            .map(|s| format!("/{s}"));
        return finish(result);
    }

    let last = src_path.last().cloned().unwrap_or_default();
    let has_trailing_slash =
        ((nonempty(&result.host) || nonempty(&relative.host) || src_path.len() > 1)
            && (last == "." || last == ".."))
            || last.is_empty();
    let mut up = 0usize;
    let mut i = src_path.len();
    while i > 0 {
        i -= 1;
        let seg = src_path[i].as_str();
        if seg == "." {
            src_path.remove(i);
        } else if seg == ".." {
            src_path.remove(i);
            up += 1;
        } else if up > 0 {
            src_path.remove(i);
            up -= 1;
        }
    }
    if !must_end_abs && !remove_all_dots {
        for _ in 0..up {
            src_path.insert(0, "..".to_owned());
        }
    }
    if must_end_abs
        && src_path.first().map(String::as_str) != Some("")
        && !src_path.first().is_some_and(|s| s.starts_with('/'))
    {
        src_path.insert(0, String::new());
    }
    if has_trailing_slash && !src_path.join("/").ends_with('/') {
        src_path.push(String::new());
    }
    let is_absolute = src_path
        .first()
        .is_some_and(|s| s.is_empty() || s.starts_with('/'));
    if no_leading_slashes {
        let h = if is_absolute {
            String::new()
        } else if !src_path.is_empty() {
            src_path.remove(0)
        } else {
            String::new()
        };
        result.hostname = Some(h.clone());
        result.host = Some(h);
        split_auth_in_host(&mut result);
    }
    must_end_abs = must_end_abs || (nonempty(&result.host) && !src_path.is_empty());
    if must_end_abs && !is_absolute {
        src_path.insert(0, String::new());
    }
    if src_path.is_empty() {
        result.pathname = None;
        result.path = None;
    } else {
        result.pathname = Some(src_path.join("/"));
    }
    set_path(&mut result);
    if nonempty(&relative.auth) {
        result.auth = relative.auth.clone();
    }
    result.slashes = if result.slashes == Some(true) {
        Some(true)
    } else {
        relative.slashes
    };
    finish(result)
}
