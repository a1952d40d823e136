//! `fs.watchFile`: polling `stat` changes (libuv's `uv_fs_poll`).

use std::path::Path;
use std::pin::Pin;
use std::sync::mpsc::{channel, RecvTimeoutError, Sender};
use std::task::{Context, Poll};
use std::time::Duration;

use futures::Stream;
use node_core::NodeError;
use tokio::sync::mpsc::{unbounded_channel, UnboundedReceiver};

use crate::errors::{check_path, Result};
use crate::stats::{stat_path, Stats};

/// Options of [`watch_file`]: Node's `{ interval }` (default 5007 ms). `persistent` has no
/// meaning without Node's event loop; `bigint` stats are always available through the
/// `*_ns` fields.
///
/// # Examples
/// ```
/// assert_eq!(node_fs::WatchFileOptions::default().interval.as_millis(), 5007);
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WatchFileOptions {
    /// How often to `stat` the file.
    pub interval: Duration,
}

impl Default for WatchFileOptions {
    fn default() -> Self {
        WatchFileOptions {
            interval: Duration::from_millis(5007),
        }
    }
}

/// One change seen by [`watch_file`]: the new and the previous stats (all zeros while
/// the file is missing).
///
/// # Examples
/// ```
/// let c = node_fs::StatChange { current: Default::default(), previous: Default::default() };
/// assert_eq!(c.current.size, 0);
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct StatChange {
    /// The stats now (`curr`).
    pub current: Stats,
    /// The stats before (`prev`).
    pub previous: Stats,
}

/// A running stat poller, as a [`futures::Stream`] of [`StatChange`]s. Dropping it (or
/// [`stop`](StatWatcher::stop)) ends the polling, like `fs.unwatchFile`.
///
/// Mirrors [`fs.StatWatcher`](https://nodejs.org/api/fs.html#class-fsstatwatcher).
///
/// # Examples
/// ```
/// # #[tokio::main(flavor = "current_thread")] async fn main() {
/// use futures::StreamExt;
/// let dir = tempfile::tempdir().unwrap();
/// let p = dir.path().join("later");
/// let opts = node_fs::WatchFileOptions { interval: std::time::Duration::from_millis(10) };
/// let mut w = node_fs::watch_file(&p, opts).unwrap();
/// // A missing file reports zeroed stats once.
/// assert_eq!(w.next().await.unwrap().current.size, 0);
/// std::fs::write(&p, "abc").unwrap();
/// assert_eq!(w.next().await.unwrap().current.size, 3);
/// w.stop();
/// # }
/// ```
#[derive(Debug)]
pub struct StatWatcher {
    rx: UnboundedReceiver<StatChange>,
    stop: Option<Sender<()>>,
}

/// libuv's `statbuf_eq`.
fn same(a: &Stats, b: &Stats) -> bool {
    a.ctime_ns == b.ctime_ns
        && a.mtime_ns == b.mtime_ns
        && a.birthtime_ns == b.birthtime_ns
        && a.size == b.size
        && a.mode == b.mode
        && a.uid == b.uid
        && a.gid == b.gid
        && a.ino == b.ino
        && a.dev == b.dev
}

/// Starts polling a file's stats every `interval`.
///
/// Mirrors [`fs.watchFile(filename[, options], listener)`](https://nodejs.org/api/fs.html#fswatchfilefilename-options-listener):
/// the first poll sets the baseline; a change yields `(current, previous)`; a missing file
/// yields zeroed stats once per new error, as libuv's `uv_fs_poll` does.
///
/// # Errors
/// `ERR_INVALID_ARG_VALUE` for a path with NUL bytes; an error starting the poll thread.
///
/// # Examples
/// ```
/// let w = node_fs::watch_file("/", Default::default()).unwrap();
/// drop(w);
/// ```
#[doc(alias = "watchFile")]
pub fn watch_file(path: impl AsRef<Path>, options: WatchFileOptions) -> Result<StatWatcher> {
    let path = path.as_ref().to_owned();
    check_path(&path, "filename")?;
    let (tx, rx) = unbounded_channel();
    let (stop_tx, stop_rx) = channel::<()>();
    let interval = options.interval;
    std::thread::Builder::new()
        .name("nrt-fs-watchfile".into())
        .spawn(move || {
            let mut last = Stats::default();
            // 0: no poll yet, 1: last poll succeeded, < 0: last poll's errno.
            let mut status: i32 = 0;
            loop {
                match stat_path(&path) {
                    Err(e) => {
                        let errno = e.errno().unwrap_or(-1);
                        if status != errno {
                            let change = StatChange {
                                current: Stats::default(),
                                previous: last,
                            };
                            if tx.send(change).is_err() {
                                return;
                            }
                            status = errno;
                        }
                    }
                    Ok(now) => {
                        if status < 0 || (status != 0 && !same(&last, &now)) {
                            let change = StatChange {
                                current: now,
                                previous: last,
                            };
                            if tx.send(change).is_err() {
                                return;
                            }
                        }
                        last = now;
                        status = 1;
                    }
                }
                match stop_rx.recv_timeout(interval) {
                    Err(RecvTimeoutError::Timeout) => {}
                    _ => return,
                }
            }
        })
        .map_err(|e| NodeError::from_io(&e, "watchFile"))?;
    Ok(StatWatcher {
        rx,
        stop: Some(stop_tx),
    })
}

impl StatWatcher {
    /// Stops polling; the stream then ends (`watcher.stop()` / `fs.unwatchFile`).
    ///
    /// # Examples
    /// ```
    /// let mut w = node_fs::watch_file("/", Default::default()).unwrap();
    /// w.stop();
    /// ```
    #[doc(alias = "unwatchFile")]
    pub fn stop(&mut self) {
        self.stop.take();
        self.rx.close();
    }
}

impl Stream for StatWatcher {
    type Item = StatChange;

    fn poll_next(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<StatChange>> {
        if self.stop.is_none() {
            return Poll::Ready(None);
        }
        self.rx.poll_recv(cx)
    }
}
