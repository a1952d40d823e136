//! Node's argument-validation errors (`ERR_INVALID_ARG_TYPE`, `ERR_OUT_OF_RANGE`, …) with
//! the exact message format of `lib/internal/errors.js`.

use crate::error::{ErrorClass, NodeError};

/// What a caller received, described the way Node's `determineSpecificType` does.
///
/// The binding layer fills it in from a JS value; `inspected` strings are `util.inspect`
/// output.
///
/// # Examples
/// ```
/// use node_core::Received;
/// assert_eq!(Received::Undefined.describe(), "undefined");
/// assert_eq!(Received::Instance("Object").describe(), "an instance of Object");
/// assert_eq!(Received::Primitive { type_of: "number", inspected: "1" }.describe(),
///            "type number (1)");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Received<'a> {
    /// `undefined`.
    Undefined,
    /// `null`.
    Null,
    /// A function, with its name if it has one.
    Function(Option<&'a str>),
    /// An object whose `constructor.name` is known.
    Instance(&'a str),
    /// An object without a constructor name, with its `inspect(value, { depth: -1 })`.
    Object(&'a str),
    /// A primitive: its `typeof` and its `inspect()` output.
    Primitive {
        /// `typeof value`.
        type_of: &'a str,
        /// `util.inspect(value)`.
        inspected: &'a str,
    },
}

impl Received<'_> {
    /// The phrase Node puts after `Received `.
    ///
    /// # Examples
    /// ```
    /// use node_core::Received;
    /// assert_eq!(Received::Function(Some("f")).describe(), "function f");
    /// ```
    pub fn describe(&self) -> String {
        match *self {
            Received::Undefined => "undefined".into(),
            Received::Null => "null".into(),
            Received::Function(Some(name)) if !name.is_empty() => format!("function {name}"),
            Received::Function(_) => "type function ([Function (anonymous)])".into(),
            Received::Instance(name) => format!("an instance of {name}"),
            Received::Object(inspected) => inspected.into(),
            Received::Primitive { type_of, inspected } => {
                let shown = if inspected.chars().count() > 28 {
                    let cut: String = inspected.chars().take(25).collect();
                    format!("{cut}...")
                } else {
                    inspected.to_owned()
                };
                format!("type {type_of} ({shown})")
            }
        }
    }
}

const KTYPES: &[&str] = &[
    "string", "function", "number", "object", "Function", "Object", "boolean", "bigint", "symbol",
];

fn is_class_name(s: &str) -> bool {
    // Node: /^([A-Z][a-z0-9]*)+$/
    let mut chars = s.chars();
    matches!(chars.next(), Some(c) if c.is_ascii_uppercase())
        && s.chars().all(|c| c.is_ascii_alphanumeric())
}

fn join_list(items: &[String], one: &str, many: &str) -> String {
    match items.len() {
        0 => String::new(),
        1 => format!("{one}{}", items[0]),
        2 => format!("{many}{} or {}", items[0], items[1]),
        n => format!("{many}{}, or {}", items[..n - 1].join(", "), items[n - 1]),
    }
}

fn arg_label(name: &str) -> String {
    if name.ends_with(" argument") {
        format!("The {name}")
    } else {
        let kind = if name.contains('.') {
            "property"
        } else {
            "argument"
        };
        format!("The \"{name}\" {kind}")
    }
}

impl NodeError {
    /// `ERR_INVALID_ARG_TYPE` (a `TypeError`), worded exactly as Node words it.
    ///
    /// `expected` holds type names (`"string"`), class names (`"Buffer"`) or other phrases.
    ///
    /// # Examples
    /// ```
    /// use node_core::{NodeError, Received};
    /// let err = NodeError::invalid_arg_type("path", &["string", "Buffer", "URL"], Received::Undefined);
    /// assert_eq!(err.message(),
    ///   "The \"path\" argument must be of type string or an instance of Buffer or URL. Received undefined");
    /// ```
    pub fn invalid_arg_type(name: &str, expected: &[&str], actual: Received<'_>) -> Self {
        let mut msg = invalid_arg_type_expectation(name, expected);
        msg += &format!(". Received {}", actual.describe());
        NodeError::new(ErrorClass::TypeError, "ERR_INVALID_ARG_TYPE", msg)
    }

    /// `ERR_INVALID_ARG_VALUE` (a `TypeError`): `The argument 'x' is invalid. Received …`.
    /// `inspected` is `util.inspect(value)`; Node cuts it at 128 characters.
    ///
    /// # Examples
    /// ```
    /// let err = node_core::NodeError::invalid_arg_value("encoding", "'nope'", "is invalid encoding");
    /// assert_eq!(err.message(), "The argument 'encoding' is invalid encoding. Received 'nope'");
    /// ```
    pub fn invalid_arg_value(name: &str, inspected: &str, reason: &str) -> Self {
        let shown = if inspected.chars().count() > 128 {
            let cut: String = inspected.chars().take(128).collect();
            format!("{cut}...")
        } else {
            inspected.to_owned()
        };
        let kind = if name.contains('.') {
            "property"
        } else {
            "argument"
        };
        NodeError::new(
            ErrorClass::TypeError,
            "ERR_INVALID_ARG_VALUE",
            format!("The {kind} '{name}' {reason}. Received {shown}"),
        )
    }

    /// `ERR_OUT_OF_RANGE` (a `RangeError`). `received` is what Node prints: use
    /// [`format_received_number`] for numbers.
    ///
    /// # Examples
    /// ```
    /// use node_core::{format_received_number, NodeError};
    /// let err = NodeError::out_of_range("offset", ">= 0 && <= 3", &format_received_number(5.0));
    /// assert_eq!(err.message(),
    ///   "The value of \"offset\" is out of range. It must be >= 0 && <= 3. Received 5");
    /// ```
    pub fn out_of_range(name: &str, range: &str, received: &str) -> Self {
        NodeError::new(
            ErrorClass::RangeError,
            "ERR_OUT_OF_RANGE",
            format!(
                "The value of \"{name}\" is out of range. It must be {range}. Received {received}"
            ),
        )
    }

    /// `ERR_MISSING_ARGS` (a `TypeError`).
    ///
    /// # Examples
    /// ```
    /// let err = node_core::NodeError::missing_args(&["a", "b"]);
    /// assert_eq!(err.message(), "The \"a\" and \"b\" arguments must be specified");
    /// ```
    pub fn missing_args(names: &[&str]) -> Self {
        let quoted: Vec<String> = names.iter().map(|n| format!("\"{n}\"")).collect();
        let msg = match quoted.len() {
            0 => "Arguments must be specified".to_owned(),
            1 => format!("The {} argument must be specified", quoted[0]),
            2 => format!(
                "The {} and {} arguments must be specified",
                quoted[0], quoted[1]
            ),
            n => format!(
                "The {}, and {} arguments must be specified",
                quoted[..n - 1].join(", "),
                quoted[n - 1]
            ),
        };
        NodeError::new(ErrorClass::TypeError, "ERR_MISSING_ARGS", msg)
    }

    /// `ERR_METHOD_NOT_IMPLEMENTED` (an `Error`): `The _read() method is not implemented`.
    ///
    /// # Examples
    /// ```
    /// let err = node_core::NodeError::method_not_implemented("_read()");
    /// assert_eq!(err.message(), "The _read() method is not implemented");
    /// ```
    pub fn method_not_implemented(method: &str) -> Self {
        NodeError::new(
            ErrorClass::Error,
            "ERR_METHOD_NOT_IMPLEMENTED",
            format!("The {method} method is not implemented"),
        )
    }

    /// `ERR_NOT_IMPLEMENTED` (an `Error`): an API nrt does not support yet. Node has no such
    /// code; nrt uses it so that a missing feature fails loudly and names itself.
    ///
    /// # Examples
    /// ```
    /// let err = node_core::NodeError::not_implemented("fs.watch");
    /// assert_eq!(err.message(), "fs.watch is not implemented in nrt yet");
    /// ```
    pub fn not_implemented(api: &str) -> Self {
        NodeError::new(
            ErrorClass::Error,
            "ERR_NOT_IMPLEMENTED",
            format!("{api} is not implemented in nrt yet"),
        )
    }

    /// `ERR_UNHANDLED_ERROR` (an `Error`), raised when `'error'` is emitted with a non-Error
    /// value and no listener. `inspected` is `util.inspect(value)`, or `None` for no value.
    ///
    /// # Examples
    /// ```
    /// let err = node_core::NodeError::unhandled_error(Some("'boom'"));
    /// assert_eq!(err.message(), "Unhandled error. ('boom')");
    /// ```
    pub fn unhandled_error(inspected: Option<&str>) -> Self {
        let msg = match inspected {
            Some(v) => format!("Unhandled error. ({v})"),
            None => "Unhandled error.".to_owned(),
        };
        NodeError::new(ErrorClass::Error, "ERR_UNHANDLED_ERROR", msg)
    }
}

/// `util.inspect` of a string, as Node quotes it inside error messages: single quotes, or
/// double quotes / backticks when the text holds single quotes, and `\xNN` escapes for
/// control characters (`\b \t \n \f \r` keep their short forms).
///
/// # Examples
/// ```
/// assert_eq!(node_core::inspect_string("a\nb"), "'a\\nb'");
/// assert_eq!(node_core::inspect_string("it's"), "\"it's\"");
/// assert_eq!(node_core::inspect_string("it's \"q\""), "`it's \"q\"`");
/// assert_eq!(node_core::inspect_string("\u{b}\u{7f}\u{85}"), "'\\x0B\\x7F\\x85'");
/// ```
pub fn inspect_string(s: &str) -> String {
    let quote = if !s.contains('\'') {
        '\''
    } else if !s.contains('"') {
        '"'
    } else if !s.contains('`') && !s.contains("${") {
        '`'
    } else {
        '\''
    };
    let mut out = String::with_capacity(s.len() + 2);
    out.push(quote);
    for c in s.chars() {
        match c {
            '\u{8}' => out.push_str("\\b"),
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            '\u{c}' => out.push_str("\\f"),
            '\r' => out.push_str("\\r"),
            '\\' => out.push_str("\\\\"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c if (c as u32) < 0x20 || (0x7f..=0x9f).contains(&(c as u32)) => {
                out.push_str(&format!("\\x{:02X}", c as u32));
            }
            c => out.push(c),
        }
    }
    out.push(quote);
    out
}

/// Formats a number as Node's `ERR_OUT_OF_RANGE` prints it: integers above 2³² in magnitude
/// get `_` separators (`4_294_967_297`), everything else as JavaScript prints it.
///
/// # Examples
/// ```
/// assert_eq!(node_core::format_received_number(4294967297.0), "4_294_967_297");
/// assert_eq!(node_core::format_received_number(-1.5), "-1.5");
/// assert_eq!(node_core::format_received_number(f64::NAN), "NaN");
/// ```
pub fn format_received_number(n: f64) -> String {
    if n.fract() == 0.0 && n.is_finite() && n.abs() > 4_294_967_296.0 {
        return add_numerical_separator(&format!("{n:.0}"));
    }
    // `util.inspect` shows the sign of -0, unlike `String()`.
    if n == 0.0 && n.is_sign_negative() {
        return "-0".to_owned();
    }
    js_number_to_string(n)
}

/// Inserts `_` every three digits from the right, as Node's `addNumericalSeparator`.
fn add_numerical_separator(digits: &str) -> String {
    let (sign, body) = match digits.strip_prefix('-') {
        Some(rest) => ("-", rest),
        None => ("", digits),
    };
    let mut out = String::new();
    for (i, c) in body.chars().enumerate() {
        if i > 0 && (body.len() - i) % 3 == 0 {
            out.push('_');
        }
        out.push(c);
    }
    format!("{sign}{out}")
}

/// JavaScript's `String(n)` (ECMAScript Number::toString, radix 10): shortest round-trip
/// digits, exponent form below 1e-6 and from 1e21 (`1e-7`, `1e+21`), `-0` as `0`.
///
/// # Examples
/// ```
/// use node_core::js_number_to_string as s;
/// assert_eq!(s(1e21), "1e+21");
/// assert_eq!(s(1.5e-7), "1.5e-7");
/// assert_eq!(s(0.000123), "0.000123");
/// assert_eq!(s(-0.0), "0");
/// ```
pub fn js_number_to_string(v: f64) -> String {
    if v.is_nan() {
        return "NaN".to_owned();
    }
    if v.is_infinite() {
        return if v > 0.0 { "Infinity" } else { "-Infinity" }.to_owned();
    }
    if v == 0.0 {
        return "0".to_owned();
    }
    let sign = if v < 0.0 { "-" } else { "" };
    // `{:e}` gives the shortest round-tripping digits, as ECMAScript requires.
    let e = format!("{:e}", v.abs());
    let (mantissa, exp) = e.split_once('e').unwrap_or((&e, "0"));
    let digits: String = mantissa.chars().filter(char::is_ascii_digit).collect();
    let k = digits.len() as i32;
    let n = exp.parse::<i32>().unwrap_or(0) + 1;
    let body = if k <= n && n <= 21 {
        format!("{digits}{}", "0".repeat((n - k) as usize))
    } else if 0 < n && n <= 21 {
        format!("{}.{}", &digits[..n as usize], &digits[n as usize..])
    } else if -6 < n && n <= 0 {
        format!("0.{}{digits}", "0".repeat((-n) as usize))
    } else {
        let e = n - 1;
        let es = if e >= 0 {
            format!("+{e}")
        } else {
            e.to_string()
        };
        if k == 1 {
            format!("{digits}e{es}")
        } else {
            format!("{}.{}e{es}", &digits[..1], &digits[1..])
        }
    };
    format!("{sign}{body}")
}

/// The first half of an `ERR_INVALID_ARG_TYPE` message, up to (not including)
/// `. Received …`: `The "path" argument must be of type string or an instance of URL`.
/// Bindings that describe the received value themselves (the runtime's JS) share Node's
/// wording through it.
///
/// # Examples
/// ```
/// assert_eq!(node_core::invalid_arg_type_expectation("path", &["string", "URL"]),
///   "The \"path\" argument must be of type string or an instance of URL");
/// assert_eq!(node_core::invalid_arg_type_expectation("options.fd", &["number", "string"]),
///   "The \"options.fd\" property must be one of type number or string");
/// ```
pub fn invalid_arg_type_expectation(name: &str, expected: &[&str]) -> String {
    let mut types: Vec<String> = Vec::new();
    let mut instances: Vec<String> = Vec::new();
    let mut other: Vec<String> = Vec::new();
    for &value in expected {
        if KTYPES.contains(&value) {
            types.push(value.to_ascii_lowercase());
        } else if is_class_name(value) {
            instances.push(value.to_owned());
        } else {
            other.push(value.to_owned());
        }
    }
    if !instances.is_empty() {
        if let Some(pos) = types.iter().position(|t| t == "object") {
            types.remove(pos);
            instances.push("Object".into());
        }
    }
    let mut msg = format!("{} must be ", arg_label(name));
    if !types.is_empty() {
        msg += &join_list(&types, "of type ", "one of type ");
        if !instances.is_empty() || !other.is_empty() {
            msg += " or ";
        }
    }
    if !instances.is_empty() {
        if instances.len() > 2 {
            msg += &join_list(&instances, "", "an instance of ");
        } else {
            msg += &format!("an instance of {}", instances.join(" or "));
        }
        if !other.is_empty() {
            msg += " or ";
        }
    }
    if !other.is_empty() {
        if other.len() == 1 {
            if other[0].to_lowercase() != other[0] {
                msg += "an ";
            }
            msg += &other[0];
        } else {
            msg += &join_list(&other, "", "one of ");
        }
    }
    msg
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arg_type_lists_match_node() {
        let e = NodeError::invalid_arg_type("cb", &["function"], Received::Null);
        assert_eq!(
            e.message(),
            "The \"cb\" argument must be of type function. Received null"
        );
        let e = NodeError::invalid_arg_type(
            "options.fd",
            &["number", "string", "boolean"],
            Received::Instance("Object"),
        );
        assert_eq!(
            e.message(),
            "The \"options.fd\" property must be one of type number, string, or boolean. Received an instance of Object"
        );
        let e = NodeError::invalid_arg_type(
            "first argument",
            &[
                "string",
                "Buffer",
                "ArrayBuffer",
                "Array",
                "Array-like Object",
            ],
            Received::Primitive {
                type_of: "number",
                inspected: "1",
            },
        );
        assert_eq!(
            e.message(),
            "The first argument must be of type string or an instance of Buffer, ArrayBuffer, or Array or an Array-like Object. Received type number (1)"
        );
        let e = NodeError::invalid_arg_type(
            "x",
            &["object", "Buffer"],
            Received::Primitive {
                type_of: "string",
                inspected: "'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa'",
            },
        );
        assert_eq!(
            e.message(),
            "The \"x\" argument must be an instance of Buffer or Object. Received type string ('aaaaaaaaaaaaaaaaaaaaaaaa...)"
        );
    }

    #[test]
    fn out_of_range_numbers() {
        assert_eq!(format_received_number(8589934592.0), "8_589_934_592");
        assert_eq!(format_received_number(-4294967297.0), "-4_294_967_297");
        assert_eq!(format_received_number(3.0), "3");
        assert_eq!(format_received_number(-0.0), "-0");
        assert_eq!(format_received_number(1e-7), "1e-7");
    }

    #[test]
    fn strings_inspect_as_node() {
        assert_eq!(inspect_string("a\0b"), "'a\\x00b'");
        assert_eq!(inspect_string("it's"), "\"it's\"");
        assert_eq!(inspect_string("x\n"), "'x\\n'");
    }

    #[test]
    fn numbers_print_as_javascript() {
        let cases: &[(f64, &str)] = &[
            (0.0, "0"),
            (-0.0, "0"),
            (1.0, "1"),
            (-1.5, "-1.5"),
            (0.1, "0.1"),
            (1e21, "1e+21"),
            (1e20, "100000000000000000000"),
            (123456789012345680000.0, "123456789012345680000"),
            (1e-6, "0.000001"),
            (1e-7, "1e-7"),
            (1.5e-7, "1.5e-7"),
            (0.000123, "0.000123"),
            (1.7976931348623157e308, "1.7976931348623157e+308"),
            (5e-324, "5e-324"),
            (2.5e25, "2.5e+25"),
            (123.456, "123.456"),
            (f64::NAN, "NaN"),
            (f64::NEG_INFINITY, "-Infinity"),
        ];
        for (v, want) in cases {
            assert_eq!(js_number_to_string(*v), *want, "{v}");
        }
    }
}
