//! Native side of `querystring`: node-stdlib's `querystring`. querystring.js resolves the
//! option objects (separators, `maxKeys`, a custom encode/decode function) and passes them
//! here as plain values; a custom function is called back from the crate's algorithm.

use node_stdlib::querystring::{
    escape, parse, parse_with, stringify, stringify_with, unescape, unescape_buffer, ParseOptions,
    ParsedValue, StringifyOptions, StringifyValue,
};
use rquickjs::convert::Coerced;
use rquickjs::function::Opt;
use rquickjs::{Ctx, Error, FromJs, Function, Object, Result, Value};

/// Builds the `querystring` binding object.
pub(crate) fn binding<'js>(ctx: &Ctx<'js>) -> Result<Object<'js>> {
    let o = Object::new(ctx.clone())?;
    o.set(
        "escape",
        Function::new(ctx.clone(), |s: String| escape(&s))?,
    )?;
    o.set(
        "unescape",
        Function::new(ctx.clone(), |s: String, spaces: bool| unescape(&s, spaces))?,
    )?;
    // unescapeBuffer(s, decodeSpaces) -> ArrayBuffer (querystring.js makes it a Buffer)
    o.set(
        "unescapeBuffer",
        Function::new(ctx.clone(), |ctx: Ctx<'js>, s: String, spaces: bool| {
            rquickjs::ArrayBuffer::new(ctx, unescape_buffer(&s, spaces))
        })?,
    )?;
    o.set("parse", Function::new(ctx.clone(), parse_fn)?)?;
    o.set("stringify", Function::new(ctx.clone(), stringify_fn)?)?;
    Ok(o)
}

/// `(qs, sep, eq, maxKeys, decode?)`: `maxKeys` 0 means unlimited; `decode` is the caller's
/// `options.decodeURIComponent` (its exceptions fall back to `unescape`, as in node).
fn parse_fn<'js>(
    ctx: Ctx<'js>,
    qs: String,
    sep: String,
    eq: String,
    max_keys: f64,
    decode: Opt<Function<'js>>,
) -> Result<Object<'js>> {
    let options = ParseOptions {
        sep: &sep,
        eq: &eq,
        max_keys: max_keys as usize,
    };
    let pairs =
        match decode.0 {
            None => parse(&qs, &options),
            Some(f) => parse_with(&qs, &options, &mut |s: &str| match f
                .call::<_, Coerced<String>>((s,))
            {
                Ok(v) => Some(v.0),
                Err(Error::Exception) => {
                    drop(ctx.catch());
                    None
                }
                Err(_) => None,
            }),
        };
    let out = Object::new(ctx.clone())?;
    out.set_prototype(None)?;
    for (key, value) in pairs {
        match value {
            ParsedValue::Single(v) => out.set(key, v)?,
            ParsedValue::Multiple(vs) => out.set(key, vs)?,
        }
    }
    Ok(out)
}

/// A value of the object being stringified, owned until the crate borrows it.
enum Owned {
    Str(String),
    Number(f64),
    BigInt(String),
    Bool(bool),
    Array(Vec<Owned>),
    Other,
}

impl Owned {
    fn from_js(v: &Value<'_>, nested: bool) -> Result<Owned> {
        Ok(if let Some(s) = v.as_string() {
            Owned::Str(s.to_string()?)
        } else if let Some(n) = v.as_number() {
            Owned::Number(n)
        } else if let Some(b) = v.as_bool() {
            Owned::Bool(b)
        } else if v.is_big_int() {
            Owned::BigInt(Coerced::<String>::from_js(v.ctx(), v.clone())?.0)
        } else if let (false, Some(arr)) = (nested, v.as_array()) {
            // Nested arrays serialise as empty values (node's encodeStringified).
            let mut items = Vec::with_capacity(arr.len());
            for item in arr.iter::<Value<'_>>() {
                items.push(Owned::from_js(&item?, true)?);
            }
            Owned::Array(items)
        } else {
            Owned::Other
        })
    }

    fn borrow(&self) -> StringifyValue<'_> {
        match self {
            Owned::Str(s) => StringifyValue::Str(s),
            Owned::Number(n) => StringifyValue::Number(*n),
            Owned::BigInt(s) => StringifyValue::BigInt(s),
            Owned::Bool(b) => StringifyValue::Bool(*b),
            Owned::Array(items) => StringifyValue::Array(items.iter().map(Owned::borrow).collect()),
            Owned::Other => StringifyValue::Other,
        }
    }
}

/// `(obj, sep, eq, encode?)`: `obj`'s own enumerable keys in order; `encode` is a custom
/// `encodeURIComponent` whose first exception stops the walk and propagates.
fn stringify_fn<'js>(
    obj: Object<'js>,
    sep: String,
    eq: String,
    encode: Opt<Function<'js>>,
) -> Result<String> {
    let mut owned: Vec<(String, Owned)> = Vec::new();
    for key in obj.keys::<String>() {
        let key = key?;
        let value: Value<'js> = obj.get(key.as_str())?;
        let value = Owned::from_js(&value, false)?;
        owned.push((key, value));
    }
    let pairs: Vec<(&str, StringifyValue<'_>)> = owned
        .iter()
        .map(|(k, v)| (k.as_str(), v.borrow()))
        .collect();
    let options = StringifyOptions { sep: &sep, eq: &eq };
    let Some(f) = encode.0 else {
        return Ok(stringify(&pairs, &options));
    };
    let mut failed: Option<Error> = None;
    let out = stringify_with(&pairs, &options, &mut |s: &str| {
        if failed.is_some() {
            return String::new();
        }
        match f.call::<_, Coerced<String>>((s,)) {
            Ok(v) => v.0,
            Err(e) => {
                failed = Some(e);
                String::new()
            }
        }
    });
    match failed {
        Some(e) => Err(e),
        None => Ok(out),
    }
}
