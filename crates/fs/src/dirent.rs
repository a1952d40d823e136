//! `fs.Dirent`: a directory entry with its type.

use std::fs::FileType;
use std::os::unix::fs::FileTypeExt;
use std::path::PathBuf;

/// A directory entry: its name, the directory it was found in, and its type.
///
/// Mirrors [`fs.Dirent`](https://nodejs.org/api/fs.html#class-fsdirent). The type comes
/// from `d_type`, or from `lstat` where the file system leaves it unknown (as Node does),
/// so a symbolic link is reported as a link, not as its target.
///
/// # Examples
/// ```
/// let dir = tempfile::tempdir().unwrap();
/// std::fs::write(dir.path().join("a"), "").unwrap();
/// let entries = node_fs::readdir_with_file_types_sync(dir.path(), Default::default()).unwrap();
/// assert_eq!(entries[0].name, "a");
/// assert!(entries[0].is_file());
/// assert_eq!(entries[0].parent_path, dir.path());
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Dirent {
    /// The entry's file name (`dirent.name`), decoded as UTF-8 like Node's default.
    pub name: String,
    /// The directory holding the entry, as given to the call (`dirent.parentPath`).
    pub parent_path: PathBuf,
    kind: Kind,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    File,
    Directory,
    Symlink,
    Fifo,
    Socket,
    Block,
    Char,
    Unknown,
}

impl Dirent {
    pub(crate) fn new(name: String, parent_path: PathBuf, ft: Option<FileType>) -> Dirent {
        let kind = match ft {
            Some(t) if t.is_file() => Kind::File,
            Some(t) if t.is_dir() => Kind::Directory,
            Some(t) if t.is_symlink() => Kind::Symlink,
            Some(t) if t.is_fifo() => Kind::Fifo,
            Some(t) if t.is_socket() => Kind::Socket,
            Some(t) if t.is_block_device() => Kind::Block,
            Some(t) if t.is_char_device() => Kind::Char,
            _ => Kind::Unknown,
        };
        Dirent {
            name,
            parent_path,
            kind,
        }
    }

    /// The full path of the entry (`path.join(dirent.parentPath, dirent.name)`).
    ///
    /// # Examples
    /// ```
    /// let entries = node_fs::readdir_with_file_types_sync("/", Default::default()).unwrap();
    /// assert!(entries.iter().all(|e| e.path().starts_with("/")));
    /// ```
    pub fn path(&self) -> PathBuf {
        self.parent_path.join(&self.name)
    }

    /// Whether the entry is a regular file (`dirent.isFile()`).
    ///
    /// # Examples
    /// ```
    /// let e = node_fs::readdir_with_file_types_sync("/", Default::default()).unwrap();
    /// assert!(e.iter().any(|d| !d.is_file()));
    /// ```
    pub fn is_file(&self) -> bool {
        self.kind == Kind::File
    }

    /// Whether the entry is a directory (`dirent.isDirectory()`).
    ///
    /// # Examples
    /// ```
    /// let e = node_fs::readdir_with_file_types_sync("/", Default::default()).unwrap();
    /// assert!(e.iter().any(|d| d.is_directory()));
    /// ```
    pub fn is_directory(&self) -> bool {
        self.kind == Kind::Directory
    }

    /// Whether the entry is a symbolic link (`dirent.isSymbolicLink()`).
    ///
    /// # Examples
    /// ```
    /// let e = node_fs::readdir_with_file_types_sync("/dev/fd/..", Default::default()).unwrap();
    /// assert!(e.iter().any(|d| d.is_symbolic_link()));
    /// ```
    pub fn is_symbolic_link(&self) -> bool {
        self.kind == Kind::Symlink
    }

    /// Whether the entry is a FIFO (`dirent.isFIFO()`).
    ///
    /// # Examples
    /// ```
    /// let e = node_fs::readdir_with_file_types_sync("/", Default::default()).unwrap();
    /// assert!(e.iter().all(|d| !d.is_fifo()));
    /// ```
    #[doc(alias = "isFIFO")]
    pub fn is_fifo(&self) -> bool {
        self.kind == Kind::Fifo
    }

    /// Whether the entry is a socket (`dirent.isSocket()`).
    ///
    /// # Examples
    /// ```
    /// let e = node_fs::readdir_with_file_types_sync("/", Default::default()).unwrap();
    /// assert!(e.iter().all(|d| !d.is_socket()));
    /// ```
    pub fn is_socket(&self) -> bool {
        self.kind == Kind::Socket
    }

    /// Whether the entry is a block device (`dirent.isBlockDevice()`).
    ///
    /// # Examples
    /// ```
    /// let e = node_fs::readdir_with_file_types_sync("/", Default::default()).unwrap();
    /// assert!(e.iter().all(|d| !d.is_block_device()));
    /// ```
    pub fn is_block_device(&self) -> bool {
        self.kind == Kind::Block
    }

    /// Whether the entry is a character device (`dirent.isCharacterDevice()`).
    ///
    /// # Examples
    /// ```
    /// let e = node_fs::readdir_with_file_types_sync("/dev", Default::default()).unwrap();
    /// assert!(e.iter().any(|d| d.is_character_device()));
    /// ```
    pub fn is_character_device(&self) -> bool {
        self.kind == Kind::Char
    }
}
