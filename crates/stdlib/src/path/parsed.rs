//! The object `path.parse()` returns and `path.format()` takes.

/// The parts of a path: Node's `path.parse()` result / `path.format()` argument.
///
/// Mirrors <https://nodejs.org/api/path.html#pathparsepath>.
///
/// # Examples
/// ```
/// use node_stdlib::path::{posix, ParsedPath};
/// let p = posix::parse("/home/user/file.txt");
/// assert_eq!(p, ParsedPath {
///     root: "/".into(), dir: "/home/user".into(), base: "file.txt".into(),
///     ext: ".txt".into(), name: "file".into(),
/// });
/// assert_eq!(posix::format(&p), "/home/user/file.txt");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ParsedPath {
    /// The root (`/`, `C:\`, `\\server\share\`), or empty.
    pub root: String,
    /// The directory part.
    pub dir: String,
    /// The last component, with its extension.
    pub base: String,
    /// The extension including its dot, or empty.
    pub ext: String,
    /// The last component without its extension.
    pub name: String,
}
