//! `readFile`, `writeFile` and `appendFile`: whole-file reads and writes.

use std::fs::File;
use std::io::Write;
use std::path::Path;

use bytes::Bytes;
use node_core::NodeError;

use crate::blocking::hop;
use crate::errors::Result;
use crate::fd::{advise_huge_pages, close_file, open_file, read_into_spare};
use crate::flags::OpenFlags;

/// Options of [`read_file`]: Node's `{ flag }` (default `"r"`).
///
/// # Examples
/// ```
/// let opts = node_fs::ReadFileOptions { flag: "r+".into() };
/// assert!(node_fs::read_file_sync("/nope", opts).is_err());
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReadFileOptions {
    /// Open flags, `"r"` by default.
    pub flag: OpenFlags,
}

impl Default for ReadFileOptions {
    fn default() -> Self {
        ReadFileOptions { flag: "r".into() }
    }
}

/// Options of [`write_file`]: Node's `{ flag, mode }` (defaults `"w"`, `0o666`).
///
/// # Examples
/// ```
/// let opts = node_fs::WriteFileOptions { flag: "wx".into(), ..Default::default() };
/// assert_eq!(opts.mode, 0o666);
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WriteFileOptions {
    /// Open flags, `"w"` by default.
    pub flag: OpenFlags,
    /// Mode of a created file (before the umask), `0o666` by default.
    pub mode: u32,
    /// `fsync` the file before closing it (Node's `flush`), `false` by default.
    pub flush: bool,
}

impl Default for WriteFileOptions {
    fn default() -> Self {
        WriteFileOptions {
            flag: "w".into(),
            mode: 0o666,
            flush: false,
        }
    }
}

/// Options of [`append_file`]: Node's `{ flag, mode }` (defaults `"a"`, `0o666`).
///
/// # Examples
/// ```
/// assert_eq!(node_fs::AppendFileOptions::default().flag, node_fs::OpenFlags::from("a"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AppendFileOptions {
    /// Open flags, `"a"` by default.
    pub flag: OpenFlags,
    /// Mode of a created file (before the umask), `0o666` by default.
    pub mode: u32,
    /// `fsync` the file before closing it (Node's `flush`), `false` by default.
    pub flush: bool,
}

impl Default for AppendFileOptions {
    fn default() -> Self {
        AppendFileOptions {
            flag: "a".into(),
            mode: 0o666,
            flush: false,
        }
    }
}

/// Chunk size for files whose size `fstat` does not tell (Node's
/// `kReadFileUnknownBufferLength`).
const UNKNOWN_SIZE_CHUNK: usize = 64 * 1024;

/// Reads the rest of `file` as Node's `readFileSync` does: a regular file in one `read`
/// into a buffer sized from `fstat` (no zeroing, no probe read after it), anything else
/// (pipes, `/proc` files reporting size 0) in 64 KiB reads until end of file.
pub(crate) fn read_to_end(file: &File) -> Result<Vec<u8>> {
    let meta = file
        .metadata()
        .map_err(|e| NodeError::from_io(&e, "fstat"))?;
    let size = if meta.is_file() {
        usize::try_from(meta.len()).unwrap_or(usize::MAX)
    } else {
        0
    };
    let read = |buf: &mut Vec<u8>, max: usize| {
        read_into_spare(file, buf, max, None).map_err(|e| NodeError::from_io(&e, "read"))
    };
    let mut buf = Vec::new();
    if size > 0 {
        buf.try_reserve_exact(size)
            .map_err(|_| NodeError::from_errno(libc::ENOMEM, "read"))?;
        advise_huge_pages(&mut buf);
        while buf.len() < size {
            let left = size - buf.len();
            if read(&mut buf, left)? == 0 {
                break;
            }
        }
        return Ok(buf);
    }
    while read(&mut buf, UNKNOWN_SIZE_CHUNK)? > 0 {}
    Ok(buf)
}

pub(crate) fn read_file_core(path: &Path, flags: i32) -> Result<Vec<u8>> {
    let file = open_file(path, flags, 0o666)?;
    let data = read_to_end(&file)?;
    close_file(file)?;
    Ok(data)
}

pub(crate) fn write_all(file: &File, data: &[u8]) -> Result<()> {
    (&*file)
        .write_all(data)
        .map_err(|e| NodeError::from_io(&e, "write"))
}

fn write_file_core(path: &Path, data: &[u8], flags: i32, mode: u32, flush: bool) -> Result<()> {
    let file = open_file(path, flags, mode)?;
    write_all(&file, data)?;
    if flush {
        file.sync_all()
            .map_err(|e| NodeError::from_io(&e, "fsync"))?;
    }
    close_file(file)
}

/// Decodes UTF-8 as Node's default `'utf8'` decoding does (invalid bytes become U+FFFD),
/// without copying valid input.
pub(crate) fn utf8_lossy(bytes: Vec<u8>) -> String {
    String::from_utf8(bytes).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}

/// Reads a whole file.
///
/// Mirrors [`fs.readFileSync(path[, options])`](https://nodejs.org/api/fs.html#fsreadfilesyncpath-options)
/// without an encoding (a `Buffer`). One `open`, `fstat`, `read` (sized from `fstat`) and
/// `close`.
///
/// # Errors
/// `ENOENT: no such file or directory, open 'p'` and other `open` errors with the path;
/// `EISDIR: illegal operation on a directory, read` (no path) for a directory;
/// `ERR_INVALID_ARG_VALUE` for a bad flag.
///
/// # Examples
/// ```
/// let err = node_fs::read_file_sync("/", Default::default()).unwrap_err();
/// assert_eq!(err.message(), "EISDIR: illegal operation on a directory, read");
/// ```
#[doc(alias = "readFileSync")]
pub fn read_file_sync(path: impl AsRef<Path>, options: ReadFileOptions) -> Result<Vec<u8>> {
    read_file_core(path.as_ref(), options.flag.to_raw()?)
}

/// Reads a whole file in one blocking-pool hop (`open` + `fstat` + `read` + `close`).
///
/// Mirrors [`fs.readFile(path[, options], callback)`](https://nodejs.org/api/fs.html#fsreadfilepath-options-callback)
/// and `fsPromises.readFile` without an encoding.
///
/// # Errors
/// As [`read_file_sync`].
///
/// # Examples
/// ```
/// # #[tokio::main(flavor = "current_thread")] async fn main() {
/// let err = node_fs::read_file("/nope", Default::default()).await.unwrap_err();
/// assert_eq!(err.code(), "ENOENT");
/// # }
/// ```
pub async fn read_file(path: impl AsRef<Path>, options: ReadFileOptions) -> Result<Vec<u8>> {
    let path = path.as_ref().to_owned();
    let flags = options.flag.to_raw()?;
    hop(move || read_file_core(&path, flags)).await
}

/// Reads a whole file as UTF-8 text (Node's `readFileSync(path, 'utf8')`; invalid bytes
/// become U+FFFD).
///
/// # Errors
/// As [`read_file_sync`].
///
/// # Examples
/// ```
/// assert!(node_fs::read_file_string_sync("/proc/self/stat", Default::default()).is_ok());
/// ```
#[doc(alias = "readFileSync")]
pub fn read_file_string_sync(path: impl AsRef<Path>, options: ReadFileOptions) -> Result<String> {
    read_file_sync(path, options).map(utf8_lossy)
}

/// Reads a whole file as UTF-8 text in one blocking-pool hop (`readFile(path, 'utf8')`).
///
/// # Errors
/// As [`read_file_sync`].
///
/// # Examples
/// ```
/// # #[tokio::main(flavor = "current_thread")] async fn main() {
/// let text = node_fs::read_file_string("/proc/self/stat", Default::default()).await.unwrap();
/// assert!(!text.is_empty());
/// # }
/// ```
pub async fn read_file_string(path: impl AsRef<Path>, options: ReadFileOptions) -> Result<String> {
    read_file(path, options).await.map(utf8_lossy)
}

/// Writes `data` to a file, replacing it (or as `options.flag` says).
///
/// Mirrors [`fs.writeFileSync(file, data[, options])`](https://nodejs.org/api/fs.html#fswritefilesyncfile-data-options).
/// Text is written with `data.as_bytes()` or a `&str`.
///
/// # Errors
/// `open` errors with the path (`EEXIST` with `"wx"`, `EISDIR` for a directory),
/// `write` errors without one.
///
/// # Examples
/// ```
/// let dir = tempfile::tempdir().unwrap();
/// let p = dir.path().join("a.txt");
/// node_fs::write_file_sync(&p, "hi", Default::default()).unwrap();
/// assert_eq!(std::fs::read(&p).unwrap(), b"hi");
/// ```
#[doc(alias = "writeFileSync")]
pub fn write_file_sync(
    path: impl AsRef<Path>,
    data: impl AsRef<[u8]>,
    options: WriteFileOptions,
) -> Result<()> {
    let flags = options.flag.to_raw()?;
    write_file_core(
        path.as_ref(),
        data.as_ref(),
        flags,
        options.mode,
        options.flush,
    )
}

/// Writes a file in one blocking-pool hop. `data` moves to the pool without a copy
/// (`Vec<u8>`, `String`, `Bytes`, `&'static str`).
///
/// Mirrors [`fs.writeFile(file, data[, options], callback)`](https://nodejs.org/api/fs.html#fswritefilefile-data-options-callback).
///
/// # Errors
/// As [`write_file_sync`].
///
/// # Examples
/// ```
/// # #[tokio::main(flavor = "current_thread")] async fn main() {
/// let dir = tempfile::tempdir().unwrap();
/// let p = dir.path().join("a.txt");
/// node_fs::write_file(&p, "hi", Default::default()).await.unwrap();
/// assert_eq!(std::fs::read(&p).unwrap(), b"hi");
/// # }
/// ```
pub async fn write_file(
    path: impl AsRef<Path>,
    data: impl Into<Bytes>,
    options: WriteFileOptions,
) -> Result<()> {
    let path = path.as_ref().to_owned();
    let data = data.into();
    let flags = options.flag.to_raw()?;
    hop(move || write_file_core(&path, &data, flags, options.mode, options.flush)).await
}

/// Appends `data` to a file, creating it if needed.
///
/// Mirrors [`fs.appendFileSync(path, data[, options])`](https://nodejs.org/api/fs.html#fsappendfilesyncpath-data-options).
///
/// # Errors
/// As [`write_file_sync`].
///
/// # Examples
/// ```
/// let dir = tempfile::tempdir().unwrap();
/// let p = dir.path().join("log");
/// node_fs::append_file_sync(&p, "a", Default::default()).unwrap();
/// node_fs::append_file_sync(&p, "b", Default::default()).unwrap();
/// assert_eq!(std::fs::read(&p).unwrap(), b"ab");
/// ```
#[doc(alias = "appendFileSync")]
pub fn append_file_sync(
    path: impl AsRef<Path>,
    data: impl AsRef<[u8]>,
    options: AppendFileOptions,
) -> Result<()> {
    let flags = options.flag.to_raw()?;
    write_file_core(
        path.as_ref(),
        data.as_ref(),
        flags,
        options.mode,
        options.flush,
    )
}

/// Appends to a file in one blocking-pool hop.
///
/// Mirrors [`fs.appendFile(path, data[, options], callback)`](https://nodejs.org/api/fs.html#fsappendfilepath-data-options-callback).
///
/// # Errors
/// As [`write_file_sync`].
///
/// # Examples
/// ```
/// # #[tokio::main(flavor = "current_thread")] async fn main() {
/// let dir = tempfile::tempdir().unwrap();
/// let p = dir.path().join("log");
/// node_fs::append_file(&p, "ab", Default::default()).await.unwrap();
/// assert_eq!(std::fs::read(&p).unwrap(), b"ab");
/// # }
/// ```
pub async fn append_file(
    path: impl AsRef<Path>,
    data: impl Into<Bytes>,
    options: AppendFileOptions,
) -> Result<()> {
    let path = path.as_ref().to_owned();
    let data = data.into();
    let flags = options.flag.to_raw()?;
    hop(move || write_file_core(&path, &data, flags, options.mode, options.flush)).await
}
