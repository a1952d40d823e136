//! `fs.constants`: access modes, copy flags, open flags and file-type bits, with Node's
//! names and Linux values.
//!
//! Mirrors [`fs.constants`](https://nodejs.org/api/fs.html#fs-constants).
//!
//! # Examples
//! ```
//! use node_fs::constants;
//! assert_eq!(constants::COPYFILE_EXCL, 1);
//! assert_eq!(constants::O_WRONLY | constants::O_CREAT, 0o101);
//! ```

/// File is visible (`access`).
pub const F_OK: u32 = 0;
/// File is readable (`access`).
pub const R_OK: u32 = 4;
/// File is writable (`access`).
pub const W_OK: u32 = 2;
/// File is executable (`access`).
pub const X_OK: u32 = 1;

/// `copy_file` fails if the destination exists.
pub const COPYFILE_EXCL: u32 = 1;
/// `copy_file` tries a copy-on-write reflink and falls back to copying.
pub const COPYFILE_FICLONE: u32 = 2;
/// `copy_file` makes a copy-on-write reflink or fails.
pub const COPYFILE_FICLONE_FORCE: u32 = 4;

/// Open for reading only.
pub const O_RDONLY: i32 = libc::O_RDONLY;
/// Open for writing only.
pub const O_WRONLY: i32 = libc::O_WRONLY;
/// Open for reading and writing.
pub const O_RDWR: i32 = libc::O_RDWR;
/// Create the file if missing.
pub const O_CREAT: i32 = libc::O_CREAT;
/// Fail if `O_CREAT` and the file exists.
pub const O_EXCL: i32 = libc::O_EXCL;
/// Do not make a terminal the controlling terminal.
pub const O_NOCTTY: i32 = libc::O_NOCTTY;
/// Truncate to zero length.
pub const O_TRUNC: i32 = libc::O_TRUNC;
/// Append every write.
pub const O_APPEND: i32 = libc::O_APPEND;
/// Fail unless the path is a directory.
pub const O_DIRECTORY: i32 = libc::O_DIRECTORY;
/// Do not update the access time.
pub const O_NOATIME: i32 = libc::O_NOATIME;
/// Fail if the path is a symbolic link.
pub const O_NOFOLLOW: i32 = libc::O_NOFOLLOW;
/// Synchronous writes (data and metadata).
pub const O_SYNC: i32 = libc::O_SYNC;
/// Synchronous writes (data only).
pub const O_DSYNC: i32 = libc::O_DSYNC;
/// Bypass the page cache.
pub const O_DIRECT: i32 = libc::O_DIRECT;
/// Non-blocking open.
pub const O_NONBLOCK: i32 = libc::O_NONBLOCK;

/// Mask of the file-type bits of a mode.
pub const S_IFMT: u32 = libc::S_IFMT;
/// Regular file.
pub const S_IFREG: u32 = libc::S_IFREG;
/// Directory.
pub const S_IFDIR: u32 = libc::S_IFDIR;
/// Character device.
pub const S_IFCHR: u32 = libc::S_IFCHR;
/// Block device.
pub const S_IFBLK: u32 = libc::S_IFBLK;
/// FIFO.
pub const S_IFIFO: u32 = libc::S_IFIFO;
/// Symbolic link.
pub const S_IFLNK: u32 = libc::S_IFLNK;
/// Socket.
pub const S_IFSOCK: u32 = libc::S_IFSOCK;
/// Owner read/write/execute.
pub const S_IRWXU: u32 = 0o700;
/// Owner read.
pub const S_IRUSR: u32 = 0o400;
/// Owner write.
pub const S_IWUSR: u32 = 0o200;
/// Owner execute.
pub const S_IXUSR: u32 = 0o100;
/// Group read/write/execute.
pub const S_IRWXG: u32 = 0o070;
/// Group read.
pub const S_IRGRP: u32 = 0o040;
/// Group write.
pub const S_IWGRP: u32 = 0o020;
/// Group execute.
pub const S_IXGRP: u32 = 0o010;
/// Others read/write/execute.
pub const S_IRWXO: u32 = 0o007;
/// Others read.
pub const S_IROTH: u32 = 0o004;
/// Others write.
pub const S_IWOTH: u32 = 0o002;
/// Others execute.
pub const S_IXOTH: u32 = 0o001;

/// `fs.watch` event type for content and attribute changes.
pub const UV_FS_EVENT_CHANGE: u32 = 2;
/// `fs.watch` event type for renames, creations and deletions.
pub const UV_FS_EVENT_RENAME: u32 = 1;
