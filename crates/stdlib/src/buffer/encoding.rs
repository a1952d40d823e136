//! Node's encoding names (`normalizeEncoding` in `lib/internal/util.js`).

use node_core::{ErrorClass, NodeError};

/// A Buffer encoding, as named by Node.
///
/// Mirrors <https://nodejs.org/api/buffer.html#buffers-and-character-encodings>.
///
/// # Examples
/// ```
/// use node_stdlib::buffer::Encoding;
/// assert_eq!(Encoding::from_name("UTF-8"), Some(Encoding::Utf8));
/// assert_eq!(Encoding::from_name("binary"), Some(Encoding::Latin1));
/// assert_eq!(Encoding::Utf16le.name(), "utf16le");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[non_exhaustive]
pub enum Encoding {
    /// `utf8` / `utf-8` (the default).
    #[default]
    Utf8,
    /// `utf16le` / `utf-16le` / `ucs2` / `ucs-2`.
    Utf16le,
    /// `latin1` / `binary`.
    Latin1,
    /// `ascii`: encodes as latin1, decodes with the high bit masked.
    Ascii,
    /// `base64` (lenient decoder, padded encoder).
    Base64,
    /// `base64url` (lenient decoder, unpadded encoder).
    Base64url,
    /// `hex`.
    Hex,
}

impl Encoding {
    /// Normalises an encoding name case-insensitively; `None` for unknown names.
    ///
    /// Mirrors Node's internal `normalizeEncoding` (what `Buffer.isEncoding` checks).
    ///
    /// # Examples
    /// ```
    /// use node_stdlib::buffer::Encoding;
    /// assert_eq!(Encoding::from_name("UCS-2"), Some(Encoding::Utf16le));
    /// assert_eq!(Encoding::from_name("utf16"), None);
    /// ```
    pub fn from_name(name: &str) -> Option<Encoding> {
        if name.len() > 9 {
            return None;
        }
        Some(match name.to_ascii_lowercase().as_str() {
            "utf8" | "utf-8" => Encoding::Utf8,
            "ucs2" | "ucs-2" | "utf16le" | "utf-16le" => Encoding::Utf16le,
            "latin1" | "binary" => Encoding::Latin1,
            "ascii" => Encoding::Ascii,
            "base64" => Encoding::Base64,
            "base64url" => Encoding::Base64url,
            "hex" => Encoding::Hex,
            _ => return None,
        })
    }

    /// Like [`Encoding::from_name`] but with Node's error for unknown names.
    ///
    /// # Errors
    /// `ERR_UNKNOWN_ENCODING` (`TypeError`, `Unknown encoding: <name>`).
    ///
    /// # Examples
    /// ```
    /// use node_stdlib::buffer::Encoding;
    /// let err = Encoding::parse("nope").unwrap_err();
    /// assert_eq!(err.code(), "ERR_UNKNOWN_ENCODING");
    /// assert_eq!(err.message(), "Unknown encoding: nope");
    /// ```
    pub fn parse(name: &str) -> Result<Encoding, NodeError> {
        Encoding::from_name(name).ok_or_else(|| unknown_encoding(name))
    }

    /// Node's canonical name (`'utf8'`, `'utf16le'`, `'latin1'`, …).
    ///
    /// # Examples
    /// ```
    /// assert_eq!(node_stdlib::buffer::Encoding::Latin1.name(), "latin1");
    /// ```
    pub fn name(self) -> &'static str {
        match self {
            Encoding::Utf8 => "utf8",
            Encoding::Utf16le => "utf16le",
            Encoding::Latin1 => "latin1",
            Encoding::Ascii => "ascii",
            Encoding::Base64 => "base64",
            Encoding::Base64url => "base64url",
            Encoding::Hex => "hex",
        }
    }
}

/// `ERR_UNKNOWN_ENCODING` for `name`.
pub(crate) fn unknown_encoding(name: &str) -> NodeError {
    NodeError::new(
        ErrorClass::TypeError,
        "ERR_UNKNOWN_ENCODING",
        format!("Unknown encoding: {name}"),
    )
}

/// Whether `name` is an encoding Node supports (`Buffer.isEncoding`).
///
/// Mirrors <https://nodejs.org/api/buffer.html#static-method-bufferisencodingencoding>.
///
/// # Examples
/// ```
/// use node_stdlib::buffer::is_encoding;
/// assert!(is_encoding("Hex"));
/// assert!(!is_encoding(""));
/// ```
#[doc(alias = "isEncoding")]
pub fn is_encoding(name: &str) -> bool {
    Encoding::from_name(name).is_some()
}
