//! # node-fs
//!
//! Node's `fs` module as a Rust library: the same operations, options, defaults and
//! errors (`code`, `errno`, `syscall`, `path`, `dest`, libuv's wording), with Rust-cased
//! names. Each Node call `fs.fooSync` is [`foo_sync`](read_file_sync)-style and runs on
//! the calling thread; `fs.foo`/`fsPromises.foo` is an `async fn foo` that makes exactly
//! one hop to tokio's blocking pool (any tokio runtime, `current_thread` included).
//! Node's option objects are `FooOptions` structs implementing `Default`.
//!
//! | Node | here |
//! | --- | --- |
//! | `readFile`, `writeFile`, `appendFile` | [`read_file`], [`read_file_string`], [`write_file`], [`append_file`] |
//! | `open`, `read`, `write`, `close` (raw fds) | [`open`], [`read`], [`write`](fn@write), [`close`], [`Fd`] |
//! | `fsPromises.open` → `FileHandle` | [`FileHandle::open`] |
//! | `stat`, `lstat`, `fstat` | [`stat`], [`lstat`], [`fstat`] → [`Stats`] |
//! | `statfs` | [`statfs`] → [`StatFs`] |
//! | `readdir` (`withFileTypes`, `recursive`), `opendir` | [`readdir`], [`readdir_with_file_types`] → [`Dirent`], [`opendir`] → [`Dir`] |
//! | `mkdir`, `mkdtemp`, `rm`, `rmdir`, `unlink` | [`mkdir`], [`mkdtemp`], [`rm`], [`rmdir`], [`unlink`] |
//! | `rename`, `copyFile`, `cp`, `link`, `symlink`, `readlink`, `realpath` | [`rename`], [`copy_file`], [`cp`], [`link`], [`symlink`], [`readlink`], [`realpath`], [`realpath_native`] |
//! | `chmod`/`chown`/`utimes` and `f*`/`l*` forms, `truncate`, `fsync`, `access`, `exists` | [`chmod`], [`chown`], [`utimes`], …, [`truncate`], [`fsync`], [`access`], [`exists`] |
//! | `createReadStream`, `createWriteStream` | [`create_read_stream`] → [`ReadStream`], [`create_write_stream`] → [`WriteStream`] |
//! | `watch`, `watchFile` | [`watch`] → [`FsWatcher`], [`watch_file`] → [`StatWatcher`] |
//! | `fs.constants` | [`constants`] |
//!
//! Errors are [`NodeError`]s: `code()`, `errno()`, `syscall()` (Node's names: `scandir`
//! for readdir, `copyfile`, `utime`, …), `path()`, `dest()` and `message()` as Node
//! prints it.
//!
//! ```
//! # #[tokio::main(flavor = "current_thread")] async fn main() -> node_fs::Result<()> {
//! let dir = tempfile::tempdir().unwrap();
//! let file = dir.path().join("hello.txt");
//! node_fs::write_file(&file, "hello", Default::default()).await?;
//! assert_eq!(node_fs::read_file(&file, Default::default()).await?, b"hello");
//! assert_eq!(node_fs::stat_sync(&file)?.size, 5);
//!
//! let err = node_fs::read_file_sync(dir.path().join("nope"), Default::default()).unwrap_err();
//! assert_eq!(err.code(), "ENOENT");
//! assert_eq!(err.syscall(), Some("open"));
//! # Ok(()) }
//! ```
#![deny(unsafe_code)]
#![doc(test(attr(deny(warnings))))]

mod attrs;
mod blocking;
pub mod constants;
mod copy_file;
mod cp;
mod dir;
mod dirent;
mod errors;
mod fd;
mod file_handle;
mod flags;
mod links;
mod mkdir;
mod read_file;
mod read_stream;
mod readdir;
mod rm;
mod statfs;
mod stats;
mod stream_source;
mod sync_ops;
mod watch;
mod watch_file;
mod write_stream;

pub use self::attrs::{
    chmod, chmod_sync, chown, chown_sync, fchmod, fchmod_sync, fchown, fchown_sync, futimes,
    futimes_sync, lchmod, lchmod_sync, lchown, lchown_sync, lutimes, lutimes_sync, utimes,
    utimes_sync,
};
pub use self::copy_file::{copy_file, copy_file_sync};
pub use self::cp::{cp, cp_sync, CpOptions};
pub use self::dir::{opendir, opendir_sync, Dir, OpendirOptions};
pub use self::dirent::Dirent;
pub use self::errors::Result;
pub use self::fd::{close, close_sync, open, open_sync, read, read_sync, write, write_sync, Fd};
pub use self::file_handle::FileHandle;
pub use self::flags::OpenFlags;
pub use self::links::{
    link, link_sync, readlink, readlink_sync, realpath, realpath_native, realpath_native_sync,
    realpath_sync, rename, rename_sync, symlink, symlink_sync,
};
pub use self::mkdir::{mkdir, mkdir_sync, mkdtemp, mkdtemp_sync, MkdirOptions};
pub use self::read_file::{
    append_file, append_file_sync, read_file, read_file_string, read_file_string_sync,
    read_file_sync, write_file, write_file_sync, AppendFileOptions, ReadFileOptions,
    WriteFileOptions,
};
pub use self::read_stream::{create_read_stream, ReadStream, ReadStreamOptions};
pub use self::readdir::{
    readdir, readdir_sync, readdir_with_file_types, readdir_with_file_types_sync, ReaddirOptions,
};
pub use self::rm::{rm, rm_sync, rmdir, rmdir_sync, unlink, unlink_sync, RmOptions, RmdirOptions};
pub use self::statfs::{statfs, statfs_sync, StatFs};
pub use self::stats::{fstat, fstat_sync, lstat, lstat_sync, stat, stat_sync, Stats};
pub use self::sync_ops::{
    access, access_sync, exists, exists_sync, fdatasync, fdatasync_sync, fsync, fsync_sync,
    ftruncate, ftruncate_sync, truncate, truncate_sync,
};
pub use self::watch::{watch, FsWatcher, WatchEvent, WatchEventType, WatchOptions};
pub use self::watch_file::{watch_file, StatChange, StatWatcher, WatchFileOptions};
pub use self::write_stream::{create_write_stream, WriteStream, WriteStreamOptions};
pub use node_core::NodeError;
