//! Raw file descriptors as Node hands them out: `open`, `close`, `read`, `write`.
#![allow(unsafe_code)]

use std::fs::File;
use std::mem::ManuallyDrop;
use std::os::fd::{FromRawFd, IntoRawFd, OwnedFd, RawFd};
use std::os::unix::fs::FileExt;
use std::path::Path;

use bytes::Bytes;
use nix::fcntl::OFlag;
use nix::sys::stat::Mode;
use node_core::NodeError;

use crate::blocking::hop;
use crate::errors::{check_path, nix_sys, out_of_range, Result};
use crate::flags::OpenFlags;

/// A raw file descriptor, as Node's `fs.open` returns it. The caller closes it with
/// [`close`]/[`close_sync`].
///
/// # Examples
/// ```
/// # fn main() -> node_fs::Result<()> {
/// let dir = tempfile::tempdir().unwrap();
/// let path = dir.path().join("f.txt");
/// let fd: node_fs::Fd = node_fs::open_sync(&path, "w+", 0o644)?;
/// assert!(fd >= 0);
/// node_fs::write_sync(fd, b"abc", 0, 3, None)?;
/// let mut buf = [0u8; 3];
/// assert_eq!(node_fs::read_sync(fd, &mut buf, 0, 3, Some(0))?, 3);
/// assert_eq!(&buf, b"abc");
/// node_fs::close_sync(fd)?;
/// # Ok(()) }
/// ```
pub type Fd = RawFd;

/// Node's largest safe integer, the upper bound of `position`.
const MAX_SAFE_INTEGER: u64 = (1 << 53) - 1;

/// Node validates `fd` as an int32 `>= 0` before any syscall.
fn validate_fd(fd: Fd) -> Result<()> {
    if fd < 0 {
        return Err(out_of_range("fd", ">= 0 && <= 2147483647", fd.into()));
    }
    Ok(())
}

/// Runs `f` on a borrowed [`File`] view of `fd`, never closing it.
pub(crate) fn with_fd<T>(fd: Fd, f: impl FnOnce(&File) -> T) -> Result<T> {
    validate_fd(fd)?;
    // SAFETY: Node's fd API hands out plain integers, so ownership cannot be proven here.
    // The `File` is wrapped in `ManuallyDrop` and so never closes `fd`; `File` holds no
    // state beside the integer, and a descriptor that is not open only makes the kernel
    // answer `EBADF`, which is what Node reports.
    let file = ManuallyDrop::new(unsafe { File::from_raw_fd(fd) });
    Ok(f(&file))
}

/// Opens `path` with raw `open(2)` flags, reporting Node's `open 'path'` errors.
pub(crate) fn open_file(path: &Path, flags: i32, mode: u32) -> Result<File> {
    check_path(path, "path")?;
    nix::fcntl::open(
        path,
        OFlag::from_bits_retain(flags),
        Mode::from_bits_retain(mode),
    )
    .map(File::from)
    .map_err(|e| nix_sys(e, "open", path))
}

/// Closes a file, reporting `close` errors (dropping a `File` ignores them).
pub(crate) fn close_file(file: File) -> Result<()> {
    nix::unistd::close(OwnedFd::from(file)).map_err(|e| NodeError::from_nix(e, "close"))
}

/// Opens a file and returns its descriptor.
///
/// Mirrors [`fs.openSync(path[, flags[, mode]])`](https://nodejs.org/api/fs.html#fsopensyncpath-flags-mode).
/// Node's defaults are `"r"` and `0o666`.
///
/// # Errors
/// `ERR_INVALID_ARG_VALUE` for unknown flag strings or NUL bytes in `path`; system errors
/// with syscall `open` and the path (`ENOENT: no such file or directory, open 'x'`).
///
/// # Examples
/// ```
/// let fd = node_fs::open_sync("/dev/null", "r", 0o666).unwrap();
/// node_fs::close_sync(fd).unwrap();
/// ```
#[doc(alias = "openSync")]
pub fn open_sync(path: impl AsRef<Path>, flags: impl Into<OpenFlags>, mode: u32) -> Result<Fd> {
    let flags = flags.into().to_raw()?;
    Ok(open_file(path.as_ref(), flags, mode)?.into_raw_fd())
}

/// Opens a file on the blocking pool and returns its descriptor.
///
/// Mirrors [`fs.open(path[, flags[, mode]], callback)`](https://nodejs.org/api/fs.html#fsopenpath-flags-mode-callback).
///
/// # Errors
/// As [`open_sync`].
///
/// # Examples
/// ```
/// # #[tokio::main(flavor = "current_thread")] async fn main() {
/// let fd = node_fs::open("/dev/null", "r", 0o666).await.unwrap();
/// node_fs::close(fd).await.unwrap();
/// # }
/// ```
pub async fn open(path: impl AsRef<Path>, flags: impl Into<OpenFlags>, mode: u32) -> Result<Fd> {
    let path = path.as_ref().to_owned();
    let flags = flags.into().to_raw()?;
    hop(move || Ok(open_file(&path, flags, mode)?.into_raw_fd())).await
}

/// Closes a descriptor.
///
/// Mirrors [`fs.closeSync(fd)`](https://nodejs.org/api/fs.html#fsclosesyncfd).
///
/// # Errors
/// `EBADF: bad file descriptor, close` for a descriptor that is not open;
/// `ERR_OUT_OF_RANGE` for a negative one.
///
/// # Examples
/// ```
/// assert_eq!(node_fs::close_sync(9999).unwrap_err().code(), "EBADF");
/// ```
#[doc(alias = "closeSync")]
pub fn close_sync(fd: Fd) -> Result<()> {
    validate_fd(fd)?;
    // SAFETY: the caller hands the descriptor over to be closed, as with Node's
    // `fs.closeSync`; it is consumed by `close` and never used again here.
    let owned = unsafe { OwnedFd::from_raw_fd(fd) };
    nix::unistd::close(owned).map_err(|e| NodeError::from_nix(e, "close"))
}

/// Closes a descriptor on the blocking pool.
///
/// Mirrors [`fs.close(fd, callback)`](https://nodejs.org/api/fs.html#fsclosefd-callback).
///
/// # Errors
/// As [`close_sync`].
///
/// # Examples
/// ```
/// # #[tokio::main(flavor = "current_thread")] async fn main() {
/// assert_eq!(node_fs::close(9999).await.unwrap_err().code(), "EBADF");
/// # }
/// ```
pub async fn close(fd: Fd) -> Result<()> {
    validate_fd(fd)?;
    hop(move || close_sync(fd)).await
}

/// Node's `validateOffsetLengthRead`.
fn check_read_range(buf_len: usize, offset: usize, length: usize) -> Result<()> {
    if offset.checked_add(length).is_none_or(|end| end > buf_len) {
        let limit = buf_len as i128 - offset as i128;
        return Err(out_of_range(
            "length",
            &format!("<= {limit}"),
            length as i128,
        ));
    }
    Ok(())
}

/// Node's `validateOffsetLengthWrite`.
fn check_write_range(buf_len: usize, offset: usize, length: usize) -> Result<()> {
    if offset > buf_len {
        return Err(out_of_range(
            "offset",
            &format!("<= {buf_len}"),
            offset as i128,
        ));
    }
    if length > buf_len - offset {
        let limit = buf_len - offset;
        return Err(out_of_range(
            "length",
            &format!("<= {limit}"),
            length as i128,
        ));
    }
    Ok(())
}

fn check_position(position: Option<u64>) -> Result<()> {
    match position {
        Some(p) if p > MAX_SAFE_INTEGER => Err(out_of_range(
            "position",
            ">= -1 && <= 9007199254740991",
            p.into(),
        )),
        _ => Ok(()),
    }
}

/// `read(2)`/`pread(2)` into `buf[offset..offset + length]`.
pub(crate) fn read_at(file: &File, buf: &mut [u8], position: Option<u64>) -> Result<usize> {
    use std::io::Read;
    let res = match position {
        Some(pos) => file.read_at(buf, pos),
        None => (&*file).read(buf),
    };
    res.map_err(|e| NodeError::from_io(&e, "read"))
}

/// `write(2)`/`pwrite(2)` of `buf`.
pub(crate) fn write_at(file: &File, buf: &[u8], position: Option<u64>) -> Result<usize> {
    use std::io::Write;
    let res = match position {
        Some(pos) => file.write_at(buf, pos),
        None => (&*file).write(buf),
    };
    res.map_err(|e| NodeError::from_io(&e, "write"))
}

/// Reads up to `length` bytes into `buf[offset..]`, at `position` or (with `None`) at the
/// current file position. Returns the number of bytes read (0 at end of file).
///
/// Mirrors [`fs.readSync(fd, buffer, offset, length, position)`](https://nodejs.org/api/fs.html#fsreadsyncfd-buffer-offset-length-position).
///
/// # Errors
/// `ERR_OUT_OF_RANGE` when `offset + length` passes the end of `buf` or `position` is
/// above 2⁵³−1; `EBADF: bad file descriptor, read`; `EISDIR: illegal operation on a
/// directory, read`.
///
/// # Examples
/// ```
/// let fd = node_fs::open_sync("/dev/zero", "r", 0o666).unwrap();
/// let mut buf = [1u8; 4];
/// assert_eq!(node_fs::read_sync(fd, &mut buf, 0, 4, None).unwrap(), 4);
/// assert_eq!(buf, [0; 4]);
/// node_fs::close_sync(fd).unwrap();
/// ```
#[doc(alias = "readSync")]
pub fn read_sync(
    fd: Fd,
    buf: &mut [u8],
    offset: usize,
    length: usize,
    position: Option<u64>,
) -> Result<usize> {
    validate_fd(fd)?;
    check_read_range(buf.len(), offset, length)?;
    check_position(position)?;
    with_fd(fd, |f| {
        read_at(f, &mut buf[offset..offset + length], position)
    })?
}

/// Reads on the blocking pool into an owned buffer, returned with the byte count.
///
/// Mirrors [`fs.read(fd, buffer, offset, length, position, callback)`](https://nodejs.org/api/fs.html#fsreadfd-buffer-offset-length-position-callback).
///
/// # Errors
/// As [`read_sync`].
///
/// # Examples
/// ```
/// # #[tokio::main(flavor = "current_thread")] async fn main() {
/// let fd = node_fs::open("/dev/zero", "r", 0o666).await.unwrap();
/// let (n, buf) = node_fs::read(fd, vec![1u8; 8], 0, 8, Some(0)).await.unwrap();
/// assert_eq!((n, buf), (8, vec![0u8; 8]));
/// node_fs::close(fd).await.unwrap();
/// # }
/// ```
pub async fn read(
    fd: Fd,
    mut buf: Vec<u8>,
    offset: usize,
    length: usize,
    position: Option<u64>,
) -> Result<(usize, Vec<u8>)> {
    validate_fd(fd)?;
    check_read_range(buf.len(), offset, length)?;
    check_position(position)?;
    hop(move || {
        let n = with_fd(fd, |f| {
            read_at(f, &mut buf[offset..offset + length], position)
        })??;
        Ok((n, buf))
    })
    .await
}

/// Writes `buf[offset..offset + length]` at `position` or (with `None`) at the current
/// file position. Returns the number of bytes written.
///
/// Mirrors [`fs.writeSync(fd, buffer, offset, length, position)`](https://nodejs.org/api/fs.html#fswritesyncfd-buffer-offset-length-position).
///
/// # Errors
/// `ERR_OUT_OF_RANGE` for `offset`/`length` past the buffer or a `position` above
/// 2⁵³−1; `EBADF: bad file descriptor, write` for a read-only descriptor.
///
/// # Examples
/// ```
/// let fd = node_fs::open_sync("/dev/null", "w", 0o666).unwrap();
/// assert_eq!(node_fs::write_sync(fd, b"hello", 1, 3, None).unwrap(), 3);
/// node_fs::close_sync(fd).unwrap();
/// ```
#[doc(alias = "writeSync")]
pub fn write_sync(
    fd: Fd,
    buf: &[u8],
    offset: usize,
    length: usize,
    position: Option<u64>,
) -> Result<usize> {
    validate_fd(fd)?;
    check_write_range(buf.len(), offset, length)?;
    check_position(position)?;
    with_fd(fd, |f| write_at(f, &buf[offset..offset + length], position))?
}

/// Writes on the blocking pool. `buf` is any owned byte buffer (`Vec<u8>`, `Bytes`,
/// `String` via `Bytes::from`).
///
/// Mirrors [`fs.write(fd, buffer, offset, length, position, callback)`](https://nodejs.org/api/fs.html#fswritefd-buffer-offset-length-position-callback).
///
/// # Errors
/// As [`write_sync`].
///
/// # Examples
/// ```
/// # #[tokio::main(flavor = "current_thread")] async fn main() {
/// let fd = node_fs::open("/dev/null", "w", 0o666).await.unwrap();
/// assert_eq!(node_fs::write(fd, b"hello".to_vec(), 0, 5, None).await.unwrap(), 5);
/// node_fs::close(fd).await.unwrap();
/// # }
/// ```
pub async fn write(
    fd: Fd,
    buf: impl Into<Bytes>,
    offset: usize,
    length: usize,
    position: Option<u64>,
) -> Result<usize> {
    let buf = buf.into();
    validate_fd(fd)?;
    check_write_range(buf.len(), offset, length)?;
    check_position(position)?;
    hop(move || with_fd(fd, |f| write_at(f, &buf[offset..offset + length], position))?).await
}

/// `ioctl(dst, FICLONE, src)`: a copy-on-write reflink of `src` into `dst`.
pub(crate) fn ficlone(dst: &File, src: &File) -> std::io::Result<()> {
    use std::os::fd::AsRawFd;
    // SAFETY: both descriptors are open for the duration of the call (borrowed from live
    // `File`s), and FICLONE takes the source descriptor as its integer argument.
    let rc = unsafe { libc::ioctl(dst.as_raw_fd(), libc::FICLONE, src.as_raw_fd()) };
    if rc == -1 {
        return Err(std::io::Error::last_os_error());
    }
    Ok(())
}

/// Reads up to `max` bytes into the spare capacity of `buf` (no zeroing), at `position`
/// or at the current file position. Returns the byte count; 0 at end of file.
pub(crate) fn read_into_spare(
    file: &File,
    buf: &mut Vec<u8>,
    max: usize,
    position: Option<u64>,
) -> std::io::Result<usize> {
    use std::os::fd::AsRawFd;
    buf.reserve(max);
    let spare = &mut buf.spare_capacity_mut()[..max];
    let ptr = spare.as_mut_ptr().cast::<libc::c_void>();
    loop {
        // SAFETY: `ptr` points to `max` writable bytes of `buf`'s spare capacity, which
        // stay allocated and unaliased for the call; the descriptor is borrowed from a live
        // `File`. The kernel writes at most `max` bytes.
        let rc = unsafe {
            match position {
                Some(pos) => libc::pread(file.as_raw_fd(), ptr, max, pos as libc::off_t),
                None => libc::read(file.as_raw_fd(), ptr, max),
            }
        };
        if rc < 0 {
            let err = std::io::Error::last_os_error();
            if err.kind() == std::io::ErrorKind::Interrupted {
                continue;
            }
            return Err(err);
        }
        let n = rc as usize;
        // SAFETY: the kernel initialised the first `n <= max` bytes of the spare capacity.
        unsafe { buf.set_len(buf.len() + n) };
        return Ok(n);
    }
}

/// Takes ownership of a descriptor a caller handed over (`options.fd` with `autoClose`).
pub(crate) fn adopt_fd(fd: Fd) -> Result<File> {
    validate_fd(fd)?;
    // SAFETY: the caller passed `fd` with `autoClose: true`, which in Node transfers the
    // duty to close it to the stream; it is closed exactly once, by this `File`.
    Ok(unsafe { File::from_raw_fd(fd) })
}

/// Asks for transparent huge pages behind a large buffer about to be filled: one fault
/// per 2 MiB instead of per 4 KiB (a 256 MiB `readFile` spends much of its time in
/// page faults otherwise).
pub(crate) fn advise_huge_pages(buf: &mut Vec<u8>) {
    const PAGE: usize = 4096;
    let spare = buf.spare_capacity_mut();
    if spare.len() < (4 << 20) {
        return;
    }
    let start = spare.as_mut_ptr() as usize;
    let aligned = (start + PAGE - 1) & !(PAGE - 1);
    let len = (start + spare.len() - aligned) & !(PAGE - 1);
    // SAFETY: `[aligned, aligned + len)` lies inside the vector's own allocation;
    // MADV_HUGEPAGE only changes how the kernel backs those pages, never their contents
    // or validity. A failure (THP disabled) is harmless and ignored.
    unsafe {
        libc::madvise(aligned as *mut libc::c_void, len, libc::MADV_HUGEPAGE);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranges_match_node_messages() {
        assert_eq!(
            check_read_range(4, 5, 1).unwrap_err().message(),
            "The value of \"length\" is out of range. It must be <= -1. Received 1"
        );
        assert_eq!(
            check_write_range(4, 5, 1).unwrap_err().message(),
            "The value of \"offset\" is out of range. It must be <= 4. Received 5"
        );
    }
}
