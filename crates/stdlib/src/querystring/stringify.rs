//! `querystring.stringify` (a port of `stringify` in `lib/querystring.js`).

use super::escape;
use node_core::js_number_to_string;

/// A value of the object `querystring.stringify` serialises.
///
/// # Examples
/// ```
/// use node_stdlib::querystring::StringifyValue;
/// let v = StringifyValue::Array(vec![StringifyValue::Number(1.0), StringifyValue::Bool(true)]);
/// assert!(matches!(v, StringifyValue::Array(_)));
/// ```
#[derive(Debug, Clone, PartialEq)]
pub enum StringifyValue<'a> {
    /// A string.
    Str(&'a str),
    /// A number (non-finite numbers serialise as an empty string).
    Number(f64),
    /// A BigInt, as its decimal digits.
    BigInt(&'a str),
    /// A boolean.
    Bool(bool),
    /// An array: one `key=value` pair per element (nested arrays give empty values).
    Array(Vec<StringifyValue<'a>>),
    /// Anything else (`undefined`, `null`, objects, functions, symbols): empty value.
    Other,
}

/// Options of `querystring.stringify(obj, sep, eq)`.
///
/// # Examples
/// ```
/// use node_stdlib::querystring::StringifyOptions;
/// assert_eq!(StringifyOptions::default().sep, "&");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StringifyOptions<'a> {
    /// The pair separator; empty means `&`.
    pub sep: &'a str,
    /// The key/value separator; empty means `=`.
    pub eq: &'a str,
}

impl Default for StringifyOptions<'_> {
    fn default() -> Self {
        StringifyOptions { sep: "&", eq: "=" }
    }
}

/// Serialises an object's own enumerable properties (in their order) as a query string.
///
/// Mirrors <https://nodejs.org/api/querystring.html#querystringstringifyobj-sep-eq-options>:
/// keys and values are escaped with [`escape`], arrays repeat the key, an empty array
/// is skipped, numbers print as JavaScript prints them.
///
/// # Examples
/// ```
/// use node_stdlib::querystring::{stringify, StringifyOptions, StringifyValue as V};
/// let s = stringify(
///     &[("foo", V::Str("bar")), ("baz", V::Array(vec![V::Str("qux"), V::Str("quux")])), ("corge", V::Str(""))],
///     &StringifyOptions::default(),
/// );
/// assert_eq!(s, "foo=bar&baz=qux&baz=quux&corge=");
/// ```
pub fn stringify(pairs: &[(&str, StringifyValue<'_>)], options: &StringifyOptions<'_>) -> String {
    stringify_impl(pairs, options, None)
}

/// [`stringify()`] with a custom `encodeURIComponent` (`options.encodeURIComponent`).
///
/// Node then passes every key and stringified primitive (including empty ones) to it.
///
/// # Examples
/// ```
/// use node_stdlib::querystring::{stringify_with, StringifyOptions, StringifyValue as V};
/// let s = stringify_with(&[("a", V::Number(1.0))], &StringifyOptions::default(), &mut |s: &str| format!("<{s}>"));
/// assert_eq!(s, "<a>=<1>");
/// ```
pub fn stringify_with(
    pairs: &[(&str, StringifyValue<'_>)],
    options: &StringifyOptions<'_>,
    encode: &mut dyn FnMut(&str) -> String,
) -> String {
    stringify_impl(pairs, options, Some(encode))
}

/// `encodeStringified` / `encodeStringifiedCustom`.
fn convert(v: &StringifyValue<'_>, encode: &mut Option<&mut dyn FnMut(&str) -> String>) -> String {
    match encode {
        Some(f) => {
            let prim = match v {
                StringifyValue::Str(s) => (*s).to_owned(),
                StringifyValue::Number(n) if n.is_finite() => js_number_to_string(*n),
                StringifyValue::BigInt(s) => (*s).to_owned(),
                StringifyValue::Bool(b) => b.to_string(),
                _ => String::new(),
            };
            f(&prim)
        }
        None => match v {
            StringifyValue::Str(s) => escape(s),
            // From 1e21 JavaScript switches to exponent notation, whose `+` needs escaping.
            StringifyValue::Number(n) if n.is_finite() => {
                let s = js_number_to_string(*n);
                if n.abs() < 1e21 {
                    s
                } else {
                    escape(&s)
                }
            }
            StringifyValue::BigInt(s) => (*s).to_owned(),
            StringifyValue::Bool(b) => b.to_string(),
            _ => String::new(),
        },
    }
}

fn stringify_impl(
    pairs: &[(&str, StringifyValue<'_>)],
    options: &StringifyOptions<'_>,
    mut encode: Option<&mut dyn FnMut(&str) -> String>,
) -> String {
    let sep = if options.sep.is_empty() {
        "&"
    } else {
        options.sep
    };
    let eq = if options.eq.is_empty() {
        "="
    } else {
        options.eq
    };
    let mut fields = String::new();
    for (k, v) in pairs {
        let mut ks = convert(&StringifyValue::Str(k), &mut encode);
        ks.push_str(eq);
        if let StringifyValue::Array(items) = v {
            if items.is_empty() {
                continue;
            }
            if !fields.is_empty() {
                fields.push_str(sep);
            }
            for (j, item) in items.iter().enumerate() {
                if j > 0 {
                    fields.push_str(sep);
                }
                fields.push_str(&ks);
                let item = if matches!(item, StringifyValue::Array(_)) {
                    &StringifyValue::Other
                } else {
                    item
                };
                fields.push_str(&convert(item, &mut encode));
            }
        } else {
            if !fields.is_empty() {
                fields.push_str(sep);
            }
            fields.push_str(&ks);
            fields.push_str(&convert(v, &mut encode));
        }
    }
    fields
}
