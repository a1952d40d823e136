//! # node-child-process
//!
//! Node's [`child_process`](https://nodejs.org/api/child_process.html) for Rust, on tokio:
//! [`spawn`] (pipes, inherited or ignored fds, `cwd`, `env`, `argv0`, `detached`,
//! `uid`/`gid`, `shell`, `timeout` + `killSignal`), the buffered [`exec_file`]/[`exec`]
//! with `maxBuffer`, [`spawn_sync`], and Node's IPC channel ([`IpcChannel`]: JSON lines
//! over a Unix socket on `NODE_CHANNEL_FD`), byte-compatible with node's `fork()`.
//!
//! Errors carry Node's codes: a missing program is `spawn nonexistent ENOENT`
//! (errno -2), a non-zero exit of `exec` is `Command failed: <cmd>`.
//!
//! Processes are started with `std::process::Command` (fork + exec with a pre-exec hook
//! that moves fds 3 and up into place and calls `setsid`) and watched by tokio's SIGCHLD
//! reaper, so the exit arrives as a future on the caller's runtime.
//!
//! ```no_run
//! # #[tokio::main(flavor = "current_thread")] async fn main() -> node_child_process::Result<()> {
//! use node_child_process::{exec, spawn, SpawnOptions};
//! use tokio::io::AsyncReadExt;
//!
//! let mut child = spawn("sh", &["-c".into(), "echo out; exit 3".into()], SpawnOptions::default())?;
//! let mut out = String::new();
//! child.take_stdout().unwrap().read_to_string(&mut out).await?;
//! let status = child.wait().await?;
//! assert_eq!((out.as_str(), status.code()), ("out\n", Some(3)));
//!
//! let err = exec("exit 2", Default::default()).await.unwrap_err();
//! assert_eq!(err.to_string(), "Command failed: exit 2\n");
//! # Ok(()) }
//! ```
#![doc(test(attr(deny(warnings))))]

mod command;
mod errors;
mod exec;
mod exit;
mod ipc;
mod options;
mod signals;
mod spawn;
mod sync;

pub use self::errors::{Error, Result};
pub use self::exec::{exec, exec_file, ExecOptions, Output};
pub use self::exit::ExitStatus;
pub use self::ipc::{channel_closed, recv_with_fds, IpcChannel, IpcReader, IpcWriter, LineDecoder};
pub use self::options::{SpawnOptions, Stdio};
pub use self::signals::{signal_name, signal_number};
pub use self::spawn::{spawn, ChildProcess, Killer};
pub use self::sync::{spawn_sync, SpawnSyncOptions, SpawnSyncOutput};
