//! Node's `url` module, WHATWG part: [`Url`] (`URL`), [`UrlSearchParams`]
//! (`URLSearchParams`), `fileURLToPath`, `pathToFileURL`, `domainToASCII`,
//! `domainToUnicode`, on the WHATWG-conformant `url` crate; and the legacy
//! `url.parse()`/`url.format()`/`url.resolve()` ([`url_parse`], [`url_format`],
//! [`url_resolve`]).

mod file;
mod legacy;
mod legacy_format;
mod legacy_resolve;
mod node_format;
mod search_params;
mod whatwg;

pub use self::file::{file_url_to_path, file_url_to_path_of, path_to_file_url};
pub use self::legacy::{url_parse, LegacyQuery, LegacyUrl};
pub use self::legacy_format::url_format;
pub use self::legacy_resolve::{url_resolve, url_resolve_object};
pub use self::node_format::{url_to_http_options, HttpOptions, UrlFormatOptions};
pub use self::search_params::UrlSearchParams;
pub use self::whatwg::{domain_to_ascii, domain_to_unicode, Url};
