//! Open flags given as Node strings (`'r'`, `'wx+'`, …) or numbers.

use std::borrow::Cow;

use node_core::NodeError;

use crate::errors::Result;

/// The `flags` argument of `fs.open` and the `flag` option of `readFile`/`writeFile`: a
/// Node flag string or a raw `O_*` number.
///
/// Mirrors Node's [file system flags](https://nodejs.org/api/fs.html#file-system-flags).
/// A string is checked when the call using it runs, so a bad one fails that call with
/// `ERR_INVALID_ARG_VALUE`, as in Node.
///
/// # Examples
/// ```
/// use node_fs::{constants, OpenFlags};
/// assert_eq!(OpenFlags::from("wx").to_raw().unwrap() & constants::O_EXCL, constants::O_EXCL);
/// assert_eq!(OpenFlags::from(constants::O_RDONLY).to_raw().unwrap() & 3, 0);
/// assert_eq!(OpenFlags::from("bogus").to_raw().unwrap_err().code(), "ERR_INVALID_ARG_VALUE");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum OpenFlags {
    /// A Node flag string such as `"r+"` or `"ax"`.
    Str(Cow<'static, str>),
    /// Raw `O_*` bits.
    Num(i32),
}

impl OpenFlags {
    /// The `open(2)` bits (with `O_CLOEXEC`, as libuv adds it).
    ///
    /// # Errors
    /// `ERR_INVALID_ARG_VALUE` for a string Node does not know:
    /// `The argument 'flags' is invalid. Received 'bogus'`.
    ///
    /// # Examples
    /// ```
    /// let raw = node_fs::OpenFlags::from("a+").to_raw().unwrap();
    /// assert_eq!(raw & node_fs::constants::O_APPEND, node_fs::constants::O_APPEND);
    /// ```
    pub fn to_raw(&self) -> Result<i32> {
        let bits = match self {
            OpenFlags::Num(n) => *n,
            OpenFlags::Str(s) => string_to_flags(s).ok_or_else(|| {
                NodeError::invalid_arg_value("flags", &node_core::inspect_string(s), "is invalid")
            })?,
        };
        Ok(bits | libc::O_CLOEXEC)
    }
}

/// Node's `stringToFlags` (lib/internal/fs/utils.js).
fn string_to_flags(s: &str) -> Option<i32> {
    use libc::{O_APPEND, O_CREAT, O_EXCL, O_RDONLY, O_RDWR, O_SYNC, O_TRUNC, O_WRONLY};
    Some(match s {
        "r" => O_RDONLY,
        "rs" | "sr" => O_RDONLY | O_SYNC,
        "r+" => O_RDWR,
        "rs+" | "sr+" => O_RDWR | O_SYNC,
        "w" => O_TRUNC | O_CREAT | O_WRONLY,
        "wx" | "xw" => O_TRUNC | O_CREAT | O_WRONLY | O_EXCL,
        "w+" => O_TRUNC | O_CREAT | O_RDWR,
        "wx+" | "xw+" => O_TRUNC | O_CREAT | O_RDWR | O_EXCL,
        "a" => O_APPEND | O_CREAT | O_WRONLY,
        "ax" | "xa" => O_APPEND | O_CREAT | O_WRONLY | O_EXCL,
        "as" | "sa" => O_APPEND | O_CREAT | O_WRONLY | O_SYNC,
        "a+" => O_APPEND | O_CREAT | O_RDWR,
        "ax+" | "xa+" => O_APPEND | O_CREAT | O_RDWR | O_EXCL,
        "as+" | "sa+" => O_APPEND | O_CREAT | O_RDWR | O_SYNC,
        _ => return None,
    })
}

impl From<&'static str> for OpenFlags {
    fn from(s: &'static str) -> Self {
        OpenFlags::Str(Cow::Borrowed(s))
    }
}

impl From<String> for OpenFlags {
    fn from(s: String) -> Self {
        OpenFlags::Str(Cow::Owned(s))
    }
}

impl From<i32> for OpenFlags {
    fn from(n: i32) -> Self {
        OpenFlags::Num(n)
    }
}
