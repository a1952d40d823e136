//! `querystring.parse` (a port of `parse` and `addKeyVal` in `lib/querystring.js`).

use super::unescape;

/// Options of `querystring.parse(str, sep, eq, options)`.
///
/// # Examples
/// ```
/// use node_stdlib::querystring::ParseOptions;
/// let o = ParseOptions { sep: ";", ..Default::default() };
/// assert_eq!((o.eq, o.max_keys), ("=", 1000));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ParseOptions<'a> {
    /// The pair separator; empty means the default `&`.
    pub sep: &'a str,
    /// The key/value separator; empty means the default `=`.
    pub eq: &'a str,
    /// The most pairs to read; 0 means no limit (Node: `maxKeys <= 0`).
    pub max_keys: usize,
}

impl Default for ParseOptions<'_> {
    fn default() -> Self {
        ParseOptions {
            sep: "&",
            eq: "=",
            max_keys: 1000,
        }
    }
}

/// The value of a parsed key: a string, or an array when the key repeats.
///
/// # Examples
/// ```
/// use node_stdlib::querystring::ParsedValue;
/// assert_ne!(ParsedValue::Single("a".into()), ParsedValue::Multiple(vec!["a".into()]));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ParsedValue {
    /// The key appeared once.
    Single(String),
    /// The key appeared several times, values in order.
    Multiple(Vec<String>),
}

/// Parses a query string into keys and values, in first-appearance order.
///
/// Mirrors <https://nodejs.org/api/querystring.html#querystringparsestr-sep-eq-options>:
/// `+` is a space, percent-escapes are decoded with `decodeURIComponent` and fall back to
/// `querystring.unescape` when malformed, repeated keys collect into arrays, at most
/// `max_keys` pairs are read. The returned order is insertion order; a JavaScript object
/// built from it orders integer-like keys first, as Node's does.
///
/// # Examples
/// ```
/// use node_stdlib::querystring::{parse, ParseOptions, ParsedValue};
/// let p = parse("w=%D6%D0%CE%C4&foo=bar+baz", &ParseOptions::default());
/// assert_eq!(p[1].1, ParsedValue::Single("bar baz".into()));
/// assert_eq!(p[0].1, ParsedValue::Single("\u{fffd}\u{fffd}\u{fffd}\u{fffd}".into()));
/// ```
pub fn parse(qs: &str, options: &ParseOptions<'_>) -> Vec<(String, ParsedValue)> {
    parse_impl(qs, options, None)
}

/// [`parse`] with a custom `decodeURIComponent` (`options.decodeURIComponent`).
///
/// `decode` returns `None` where the JavaScript function would throw; Node then falls
/// back to `querystring.unescape(s, true)`. With a custom decoder, `+` reaches it as
/// `%20` and every non-empty key and value is passed to it, as in Node.
///
/// # Examples
/// ```
/// use node_stdlib::querystring::{parse_with, ParseOptions, ParsedValue};
/// let p = parse_with("a=b+c", &ParseOptions::default(), &mut |s: &str| Some(s.to_uppercase()));
/// assert_eq!(p, [("A".to_string(), ParsedValue::Single("B%20C".into()))]);
/// ```
pub fn parse_with(
    qs: &str,
    options: &ParseOptions<'_>,
    decode: &mut dyn FnMut(&str) -> Option<String>,
) -> Vec<(String, ParsedValue)> {
    parse_impl(qs, options, Some(decode))
}

/// A caller's `decodeURIComponent`: `None` where it would throw.
type Decoder<'d> = &'d mut dyn FnMut(&str) -> Option<String>;

struct Out<'d> {
    pairs: Vec<(String, ParsedValue)>,
    index: std::collections::HashMap<String, usize>,
    decode: Option<Decoder<'d>>,
}

impl Out<'_> {
    fn decode_str(&mut self, s: &str) -> String {
        match self.decode.as_mut() {
            None => unescape(s, false),
            Some(d) => d(s).unwrap_or_else(|| unescape(s, true)),
        }
    }

    /// `addKeyVal`.
    fn add(&mut self, key: Vec<u16>, value: Vec<u16>, key_encoded: bool, val_encoded: bool) {
        let mut key = String::from_utf16_lossy(&key);
        let mut value = String::from_utf16_lossy(&value);
        if !key.is_empty() && key_encoded {
            key = self.decode_str(&key);
        }
        if !value.is_empty() && val_encoded {
            value = self.decode_str(&value);
        }
        match self.index.get(&key) {
            None => {
                self.index.insert(key.clone(), self.pairs.len());
                self.pairs.push((key, ParsedValue::Single(value)));
            }
            Some(&at) => match &mut self.pairs[at].1 {
                ParsedValue::Multiple(v) => v.push(value),
                slot @ ParsedValue::Single(_) => {
                    let ParsedValue::Single(first) =
                        std::mem::replace(slot, ParsedValue::Multiple(Vec::new()))
                    else {
                        return;
                    };
                    *slot = ParsedValue::Multiple(vec![first, value]);
                }
            },
        }
    }
}

fn is_hex(c: u16) -> bool {
    u8::try_from(c).is_ok_and(|b| b.is_ascii_hexdigit())
}

#[allow(clippy::too_many_lines)]
fn parse_impl(
    qs: &str,
    options: &ParseOptions<'_>,
    decode: Option<Decoder<'_>>,
) -> Vec<(String, ParsedValue)> {
    let custom = decode.is_some();
    let mut out = Out {
        pairs: Vec::new(),
        index: std::collections::HashMap::new(),
        decode,
    };
    if qs.is_empty() {
        return out.pairs;
    }
    let s: Vec<u16> = qs.encode_utf16().collect();
    let sep: Vec<u16> = if options.sep.is_empty() {
        vec![u16::from(b'&')]
    } else {
        options.sep.encode_utf16().collect()
    };
    let eq: Vec<u16> = if options.eq.is_empty() {
        vec![u16::from(b'=')]
    } else {
        options.eq.encode_utf16().collect()
    };
    let (sep_len, eq_len) = (sep.len(), eq.len());
    let mut pairs: i64 = if options.max_keys > 0 {
        options.max_keys as i64
    } else {
        -1
    };
    let plus: &[u16] = if custom { &[0x25, 0x32, 0x30] } else { &[0x20] };
    let (mut last_pos, mut sep_idx, mut eq_idx) = (0usize, 0usize, 0usize);
    let mut key: Vec<u16> = Vec::new();
    let mut value: Vec<u16> = Vec::new();
    let mut key_encoded = custom;
    let mut val_encoded = custom;
    let mut encode_check = 0;
    let plus_code = u16::from(b'+');
    let pct = u16::from(b'%');
    for i in 0..s.len() {
        let code = s[i];
        if sep.get(sep_idx) == Some(&code) {
            sep_idx += 1;
            if sep_idx == sep_len {
                let end = i + 1 - sep_idx;
                if eq_idx < eq_len {
                    if last_pos < end {
                        key.extend_from_slice(&s[last_pos..end]);
                    } else if key.is_empty() {
                        pairs -= 1;
                        if pairs == 0 {
                            return out.pairs;
                        }
                        last_pos = i + 1;
                        sep_idx = 0;
                        eq_idx = 0;
                        continue;
                    }
                } else if last_pos < end {
                    value.extend_from_slice(&s[last_pos..end]);
                }
                out.add(
                    std::mem::take(&mut key),
                    std::mem::take(&mut value),
                    key_encoded,
                    val_encoded,
                );
                pairs -= 1;
                if pairs == 0 {
                    return out.pairs;
                }
                key_encoded = custom;
                val_encoded = custom;
                encode_check = 0;
                last_pos = i + 1;
                sep_idx = 0;
                eq_idx = 0;
            }
            continue;
        }
        sep_idx = 0;
        if eq_idx < eq_len {
            if code == eq[eq_idx] {
                eq_idx += 1;
                if eq_idx == eq_len {
                    let end = i + 1 - eq_idx;
                    if last_pos < end {
                        key.extend_from_slice(&s[last_pos..end]);
                    }
                    encode_check = 0;
                    last_pos = i + 1;
                }
                continue;
            }
            eq_idx = 0;
            if !key_encoded {
                if code == pct {
                    encode_check = 1;
                    continue;
                } else if encode_check > 0 {
                    if is_hex(code) {
                        encode_check += 1;
                        if encode_check == 3 {
                            key_encoded = true;
                        }
                        continue;
                    }
                    encode_check = 0;
                }
            }
            if code == plus_code {
                if last_pos < i {
                    key.extend_from_slice(&s[last_pos..i]);
                }
                key.extend_from_slice(plus);
                last_pos = i + 1;
                continue;
            }
        }
        if code == plus_code {
            if last_pos < i {
                value.extend_from_slice(&s[last_pos..i]);
            }
            value.extend_from_slice(plus);
            last_pos = i + 1;
        } else if !val_encoded {
            if code == pct {
                encode_check = 1;
            } else if encode_check > 0 {
                if is_hex(code) {
                    encode_check += 1;
                    if encode_check == 3 {
                        val_encoded = true;
                    }
                } else {
                    encode_check = 0;
                }
            }
        }
    }
    if last_pos < s.len() {
        if eq_idx < eq_len {
            key.extend_from_slice(&s[last_pos..]);
        } else if sep_idx < sep_len {
            value.extend_from_slice(&s[last_pos..]);
        }
    } else if eq_idx == 0 && key.is_empty() {
        return out.pairs;
    }
    out.add(key, value, key_encoded, val_encoded);
    out.pairs
}
