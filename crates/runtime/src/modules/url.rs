//! Native side of `url`: node-stdlib's `url` module (the WHATWG-conformant `url` crate for
//! `URL`/`URLSearchParams`, and node's legacy `url.parse`/`format`/`resolve`). url.js keeps
//! only the class shapes; every parse, setter and serialisation happens here.
//!
//! A WHATWG URL crosses as its components, `[href, origin, protocol, username, password,
//! host, hostname, port, pathname, search, hash]`, so getters never call back into Rust.
//! A legacy `Url` crosses as its twelve fields in node's order (`protocol` … `href`).

use node_stdlib::querystring::ParsedValue;
use node_stdlib::url::{
    domain_to_ascii, domain_to_unicode, file_url_to_path, path_to_file_url, url_format, url_parse,
    url_resolve_object, url_to_http_options, LegacyQuery, LegacyUrl, Url, UrlFormatOptions,
    UrlSearchParams,
};
use rquickjs::{Ctx, Function, Object, Result, Value};

use crate::modules::throw_node;

/// Builds the `url` binding object.
pub(crate) fn binding<'js>(ctx: &Ctx<'js>) -> Result<Object<'js>> {
    let o = Object::new(ctx.clone())?;
    o.set("parse", Function::new(ctx.clone(), parse)?)?;
    o.set("canParse", Function::new(ctx.clone(), can_parse)?)?;
    o.set("set", Function::new(ctx.clone(), set)?)?;
    o.set("format", Function::new(ctx.clone(), format)?)?;
    o.set("fileURLToPath", Function::new(ctx.clone(), to_path)?)?;
    o.set("pathToFileURL", Function::new(ctx.clone(), from_path)?)?;
    o.set("toHttpOptions", Function::new(ctx.clone(), http_options)?)?;
    o.set(
        "domainToASCII",
        Function::new(ctx.clone(), |d: String| domain_to_ascii(&d))?,
    )?;
    o.set(
        "domainToUnicode",
        Function::new(ctx.clone(), |d: String| domain_to_unicode(&d))?,
    )?;
    o.set("paramsParse", Function::new(ctx.clone(), params_parse)?)?;
    o.set(
        "paramsStringify",
        Function::new(ctx.clone(), params_stringify)?,
    )?;
    o.set("legacyParse", Function::new(ctx.clone(), legacy_parse)?)?;
    o.set("legacyFormat", Function::new(ctx.clone(), legacy_format)?)?;
    o.set(
        "legacyResolveObject",
        Function::new(ctx.clone(), legacy_resolve_object)?,
    )?;
    Ok(o)
}

/// The components url.js reads its getters from.
fn components(u: &Url) -> Vec<String> {
    vec![
        u.href().to_owned(),
        u.origin(),
        u.protocol().to_owned(),
        u.username().to_owned(),
        u.password().to_owned(),
        u.host().to_owned(),
        u.hostname().to_owned(),
        u.port().to_owned(),
        u.pathname().to_owned(),
        u.search().to_owned(),
        u.hash().to_owned(),
    ]
}

/// `new URL(input, base)`: the components, or `undefined` when either does not parse (url.js
/// throws `ERR_INVALID_URL` with `input` and `base` attached, as node).
fn parse(input: String, base: Option<String>) -> Option<Vec<String>> {
    Url::parse(&input, base.as_deref())
        .ok()
        .map(|u| components(&u))
}

fn can_parse(input: String, base: Option<String>) -> bool {
    Url::can_parse(&input, base.as_deref())
}

/// A setter on the URL `href`: `field` is the component's index in [`components`]. Returns
/// the new components, or `undefined` for an `href` that does not parse (node throws then; the
/// other setters ignore invalid values, as the URL Standard says).
fn set(href: String, field: u32, value: String) -> Option<Vec<String>> {
    let mut u = Url::parse(&href, None).ok()?;
    match field {
        0 => u.set_href(&value).ok()?,
        2 => u.set_protocol(&value),
        3 => u.set_username(&value),
        4 => u.set_password(&value),
        5 => u.set_host(&value),
        6 => u.set_hostname(&value),
        7 => u.set_port(&value),
        8 => u.set_pathname(&value),
        9 => u.set_search(&value),
        10 => u.set_hash(&value),
        _ => {}
    }
    Some(components(&u))
}

/// `url.format(URL, { fragment, unicode, search, auth })`.
fn format(href: String, fragment: bool, unicode: bool, search: bool, auth: bool) -> String {
    let options = UrlFormatOptions {
        fragment,
        unicode,
        search,
        auth,
    };
    Url::parse(&href, None).map_or(href, |u| u.format(&options))
}

fn to_path(ctx: Ctx<'_>, href: String, windows: bool) -> Result<String> {
    file_url_to_path(&href, windows).map_err(|e| throw_node(&ctx, e))
}

fn from_path(ctx: Ctx<'_>, path: String, windows: bool, cwd: String) -> Result<Vec<String>> {
    path_to_file_url(&path, windows, &cwd)
        .map(|u| components(&u))
        .map_err(|e| throw_node(&ctx, e))
}

/// `url.urlToHttpOptions(url)`, keys in node's order (`port`/`auth` only when present).
fn http_options<'js>(ctx: Ctx<'js>, href: String) -> Result<Object<'js>> {
    let url = Url::parse(&href, None).map_err(|e| throw_node(&ctx, e))?;
    let h = url_to_http_options(&url).map_err(|e| throw_node(&ctx, e))?;
    let o = Object::new(ctx.clone())?;
    o.set_prototype(None)?;
    o.set("protocol", h.protocol)?;
    o.set("hostname", h.hostname)?;
    o.set("hash", h.hash)?;
    o.set("search", h.search)?;
    o.set("pathname", h.pathname)?;
    o.set("path", h.path)?;
    o.set("href", h.href)?;
    if let Some(port) = h.port {
        o.set("port", port)?;
    }
    if let Some(auth) = h.auth {
        o.set("auth", auth)?;
    }
    Ok(o)
}

/// `application/x-www-form-urlencoded` parsing: names and values, flattened.
fn params_parse(query: String) -> Vec<String> {
    let params = UrlSearchParams::parse(&query);
    let mut out = Vec::with_capacity(params.size() * 2);
    for (k, v) in params.pairs() {
        out.push(k.clone());
        out.push(v.clone());
    }
    out
}

/// The serialisation of flattened name/value pairs.
fn params_stringify(flat: Vec<String>) -> String {
    let mut pairs = Vec::with_capacity(flat.len() / 2);
    let mut it = flat.into_iter();
    while let (Some(k), Some(v)) = (it.next(), it.next()) {
        pairs.push((k, v));
    }
    UrlSearchParams::from_pairs(pairs).to_string()
}

/// A legacy `Url`'s fields in node's key order, for url_legacy.js to copy onto `this`.
fn legacy_fields<'js>(ctx: &Ctx<'js>, u: LegacyUrl) -> Result<Vec<Value<'js>>> {
    let s = |v: Option<String>| -> Result<Value<'js>> {
        match v {
            Some(s) => Ok(rquickjs::String::from_str(ctx.clone(), &s)?.into_value()),
            None => Ok(Value::new_null(ctx.clone())),
        }
    };
    let slashes = match u.slashes {
        Some(b) => Value::new_bool(ctx.clone(), b),
        None => Value::new_null(ctx.clone()),
    };
    let query = match u.query {
        LegacyQuery::Null => Value::new_null(ctx.clone()),
        LegacyQuery::Str(q) => rquickjs::String::from_str(ctx.clone(), &q)?.into_value(),
        LegacyQuery::Parsed(pairs) => {
            // querystring.parse()'s shape: a null-prototype object, arrays for repeats.
            let o = Object::new(ctx.clone())?;
            o.set_prototype(None)?;
            for (k, v) in pairs {
                match v {
                    ParsedValue::Single(v) => o.set(k, v)?,
                    ParsedValue::Multiple(vs) => o.set(k, vs)?,
                }
            }
            o.into_value()
        }
    };
    Ok(vec![
        s(u.protocol)?,
        slashes,
        s(u.auth)?,
        s(u.host)?,
        s(u.port)?,
        s(u.hostname)?,
        s(u.hash)?,
        s(u.search)?,
        query,
        s(u.pathname)?,
        s(u.path)?,
        s(u.href)?,
    ])
}

/// A field of a legacy URL object as node's format reads it: `null`/`undefined` are absent,
/// anything else its string form.
fn field(o: &Object<'_>, key: &str) -> Result<Option<String>> {
    let v: Value<'_> = o.get(key)?;
    if v.is_undefined() || v.is_null() {
        return Ok(None);
    }
    if let Some(s) = v.as_string() {
        return Ok(Some(s.to_string()?));
    }
    if let Some(b) = v.as_bool() {
        // node tests these fields for truthiness: `false` reads as absent.
        return Ok(b.then(|| "true".to_owned()));
    }
    let s: rquickjs::convert::Coerced<String> = rquickjs::FromJs::from_js(o.ctx(), v)?;
    Ok(Some(s.0))
}

/// A legacy URL object (a `Url` or any object with its fields) read into the crate's
/// struct; url_legacy.js has already turned an object `query` into `search`.
fn legacy_from_js(o: &Object<'_>) -> Result<LegacyUrl> {
    let slashes: Value<'_> = o.get("slashes")?;
    let query = match field(o, "query")? {
        Some(q) => LegacyQuery::Str(q),
        None => LegacyQuery::Null,
    };
    Ok(LegacyUrl {
        protocol: field(o, "protocol")?,
        slashes: if slashes.is_undefined() || slashes.is_null() {
            None
        } else {
            Some(slashes.as_bool().unwrap_or(true))
        },
        auth: field(o, "auth")?,
        host: field(o, "host")?,
        port: field(o, "port")?,
        hostname: field(o, "hostname")?,
        hash: field(o, "hash")?,
        search: field(o, "search")?,
        query,
        pathname: field(o, "pathname")?,
        path: field(o, "path")?,
        href: field(o, "href")?,
    })
}

fn legacy_parse<'js>(
    ctx: Ctx<'js>,
    url: String,
    parse_query: bool,
    slashes_denote_host: bool,
) -> Result<Vec<Value<'js>>> {
    let u = url_parse(&url, parse_query, slashes_denote_host).map_err(|e| throw_node(&ctx, e))?;
    legacy_fields(&ctx, u)
}

fn legacy_format(o: Object<'_>) -> Result<String> {
    Ok(url_format(&legacy_from_js(&o)?))
}

fn legacy_resolve_object<'js>(
    ctx: Ctx<'js>,
    source: Object<'js>,
    relative: Object<'js>,
) -> Result<Vec<Value<'js>>> {
    let out = url_resolve_object(&legacy_from_js(&source)?, legacy_from_js(&relative)?);
    legacy_fields(&ctx, out)
}
