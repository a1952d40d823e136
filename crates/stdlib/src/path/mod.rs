//! Node's `path` module: [`posix`] and [`win32`] flavours, ported from `lib/path.js`.
//!
//! Node works on UTF-16 strings; every separator, dot and colon is ASCII, so the byte
//! indices used here always fall on character boundaries and give the same results.

mod common;
mod parsed;
mod posix_impl;
mod win32_impl;
mod win32_parts;

pub use self::parsed::ParsedPath;

/// `path.posix`: POSIX path functions, as Node runs them on Linux.
///
/// Mirrors <https://nodejs.org/api/path.html#pathposix>.
///
/// # Examples
/// ```
/// use node_stdlib::path::posix;
/// assert_eq!(posix::join(&["/a", "b/../c", ""]), "/a/c");
/// assert_eq!(posix::SEP, "/");
/// ```
pub mod posix {
    pub use super::posix_impl::{
        basename, dirname, extname, format, is_absolute, join, normalize, parse, relative, resolve,
        to_namespaced_path, DELIMITER, SEP,
    };
}

/// `path.win32`: Windows path functions (usable on any platform, as in Node).
///
/// Mirrors <https://nodejs.org/api/path.html#pathwin32>.
///
/// # Examples
/// ```
/// use node_stdlib::path::win32;
/// assert_eq!(win32::join(&["C:\\a", "b/../c"]), "C:\\a\\c");
/// assert_eq!(win32::SEP, "\\");
/// ```
pub mod win32 {
    pub use super::win32_impl::{is_absolute, join, normalize, relative, resolve, DELIMITER, SEP};
    pub use super::win32_parts::{basename, dirname, extname, format, parse, to_namespaced_path};
}
