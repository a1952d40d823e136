//! `http.validateHeaderName` / `http.validateHeaderValue` and Node's token rules.

use node_core::{ErrorClass, NodeError};

use crate::errors::{Error, Result};

/// RFC 7230 `tchar`.
pub(crate) fn is_token_byte(c: u8) -> bool {
    c.is_ascii_alphanumeric()
        || matches!(
            c,
            b'!' | b'#'
                | b'$'
                | b'%'
                | b'&'
                | b'\''
                | b'*'
                | b'+'
                | b'-'
                | b'.'
                | b'^'
                | b'_'
                | b'`'
                | b'|'
                | b'~'
        )
}

pub(crate) fn is_token(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(is_token_byte)
}

/// Node's `checkInvalidHeaderChar`: anything outside `\t`, `0x20-0x7e`, `0x80-0xff`.
pub(crate) fn has_invalid_header_char(s: &str) -> bool {
    s.chars()
        .any(|c| !(c == '\t' || (' '..='~').contains(&c) || ('\u{80}'..='\u{ff}').contains(&c)))
}

pub(crate) fn invalid_token(what: &str, name: &str) -> Error {
    Error::Node(NodeError::new(
        ErrorClass::TypeError,
        "ERR_INVALID_HTTP_TOKEN",
        format!("{what} must be a valid HTTP token [\"{name}\"]"),
    ))
}

pub(crate) fn invalid_char(what: &str, name: &str) -> Error {
    Error::Node(NodeError::new(
        ErrorClass::TypeError,
        "ERR_INVALID_CHAR",
        format!("Invalid character in {what} [\"{name}\"]"),
    ))
}

/// Checks a header name as Node's
/// [`http.validateHeaderName`](https://nodejs.org/api/http.html#httpvalidateheadernamename-label).
///
/// # Errors
/// `ERR_INVALID_HTTP_TOKEN` (a `TypeError`) when `name` is empty or not a token.
///
/// # Examples
/// ```
/// assert!(node_http::validate_header_name("x-ok").is_ok());
/// assert_eq!(node_http::validate_header_name("").unwrap_err().code(), "ERR_INVALID_HTTP_TOKEN");
/// ```
#[doc(alias = "validateHeaderName")]
pub fn validate_header_name(name: &str) -> Result<()> {
    if is_token(name) {
        Ok(())
    } else {
        Err(invalid_token("Header name", name))
    }
}

/// Checks a header value as Node's
/// [`http.validateHeaderValue`](https://nodejs.org/api/http.html#httpvalidateheadervaluename-value).
///
/// # Errors
/// `ERR_INVALID_CHAR` (a `TypeError`) when `value` holds a control character or a
/// character above U+00FF.
///
/// # Examples
/// ```
/// assert!(node_http::validate_header_value("x", "a\tb").is_ok());
/// assert_eq!(node_http::validate_header_value("x", "a\nb").unwrap_err().code(), "ERR_INVALID_CHAR");
/// ```
#[doc(alias = "validateHeaderValue")]
pub fn validate_header_value(name: &str, value: &str) -> Result<()> {
    if has_invalid_header_char(value) {
        Err(invalid_char("header content", name))
    } else {
        Ok(())
    }
}

pub(crate) fn invalid_status(code: u16) -> Error {
    Error::Node(NodeError::new(
        ErrorClass::RangeError,
        "ERR_HTTP_INVALID_STATUS_CODE",
        format!("Invalid status code: {code}"),
    ))
}
