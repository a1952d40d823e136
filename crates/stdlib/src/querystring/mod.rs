//! Node's `querystring` module (a port of `lib/querystring.js`).
//!
//! # Examples
//! ```
//! use node_stdlib::querystring::{parse, stringify, ParseOptions, ParsedValue, StringifyOptions, StringifyValue};
//! let parsed = parse("a=1&b=x%20y&a=2", &ParseOptions::default());
//! assert_eq!(parsed[0], ("a".to_string(), ParsedValue::Multiple(vec!["1".into(), "2".into()])));
//! let s = stringify(&[("b", StringifyValue::Str("x y"))], &StringifyOptions::default());
//! assert_eq!(s, "b=x%20y");
//! ```

mod escape;
mod parse;
mod stringify;

pub use self::escape::{decode_uri_component, escape, unescape, unescape_buffer};
pub use self::parse::{parse, parse_with, ParseOptions, ParsedValue};
pub use self::stringify::{stringify, stringify_with, StringifyOptions, StringifyValue};
