//! # node-fs
//!
//! Node's `fs` module as a Rust library: the same operations, options, defaults and
//! errors (`code`, `errno`, `syscall`, `path`, `dest`, libuv's wording), with Rust-cased
//! names. Each Node call `fs.fooSync` is [`foo_sync`](read_file_sync)-style and runs on
//! the calling thread; `fs.foo`/`fsPromises.foo` is an `async fn foo` that makes exactly
//! one hop to tokio's blocking pool (any tokio runtime, `current_thread` included).
//! Node's option objects are `FooOptions` structs implementing `Default`.
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

mod blocking;
pub mod constants;
mod errors;
mod fd;
mod flags;
mod read_file;
mod stats;

pub use self::errors::Result;
pub use self::fd::{close, close_sync, open, open_sync, read, read_sync, write, write_sync, Fd};
pub use self::flags::OpenFlags;
pub use self::read_file::{
    append_file, append_file_sync, read_file, read_file_string, read_file_string_sync,
    read_file_sync, write_file, write_file_sync, AppendFileOptions, ReadFileOptions,
    WriteFileOptions,
};
pub use self::stats::{fstat, fstat_sync, lstat, lstat_sync, stat, stat_sync, Stats};
pub use node_core::NodeError;
