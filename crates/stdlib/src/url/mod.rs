//! Node's `url` module, WHATWG part: [`Url`] (`URL`), [`UrlSearchParams`]
//! (`URLSearchParams`), `fileURLToPath`, `pathToFileURL`, `domainToASCII`,
//! `domainToUnicode`, on the WHATWG-conformant `url` crate.

mod file;
mod search_params;
mod whatwg;

pub use self::file::{file_url_to_path, file_url_to_path_of, path_to_file_url};
pub use self::search_params::UrlSearchParams;
pub use self::whatwg::{domain_to_ascii, domain_to_unicode, Url};
