//! `fs.watch`: inotify events as Node names them (`'rename'`, `'change'`).

use std::path::Path;
use std::pin::Pin;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::task::{Context, Poll};

use futures::Stream;
use nix::errno::Errno;
use nix::sys::inotify::{AddWatchFlags, InitFlags, Inotify, WatchDescriptor};
use node_core::NodeError;
use tokio::sync::mpsc::{unbounded_channel, UnboundedReceiver, UnboundedSender};

use crate::errors::{check_path, nix_sys, Result};

/// Options of [`watch`]: Node's `{ recursive }`. (`persistent` has no meaning without
/// Node's event loop: the watcher lives as long as the [`FsWatcher`] value.)
///
/// # Examples
/// ```
/// assert!(!node_fs::WatchOptions::default().recursive);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct WatchOptions {
    /// Watch subdirectories too; not supported yet (`ERR_NOT_IMPLEMENTED`).
    pub recursive: bool,
}

/// The kind of a watch event (`eventType` of the `'change'` listener).
///
/// # Examples
/// ```
/// assert_eq!(node_fs::WatchEventType::Rename.as_str(), "rename");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum WatchEventType {
    /// A file appeared, disappeared or was renamed (`'rename'`).
    Rename,
    /// Contents or attributes changed (`'change'`).
    Change,
}

impl WatchEventType {
    /// Node's string for the event type.
    ///
    /// # Examples
    /// ```
    /// assert_eq!(node_fs::WatchEventType::Change.as_str(), "change");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            WatchEventType::Rename => "rename",
            WatchEventType::Change => "change",
        }
    }
}

/// One event: its type and the file name it concerns.
///
/// # Examples
/// ```
/// let ev = node_fs::WatchEvent { event_type: node_fs::WatchEventType::Change, filename: Some("a".into()) };
/// assert_eq!(ev.event_type.as_str(), "change");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WatchEvent {
    /// `'rename'` or `'change'`.
    pub event_type: WatchEventType,
    /// The entry's name in a watched directory, or the watched file's base name.
    pub filename: Option<String>,
}

#[derive(Debug)]
struct Shared {
    inotify: Inotify,
    wd: WatchDescriptor,
    closed: AtomicBool,
}

/// A running watch, as a [`futures::Stream`] of events. Dropping it stops the watch.
///
/// Mirrors [`fs.FSWatcher`](https://nodejs.org/api/fs.html#class-fsfswatcher).
///
/// # Examples
/// ```
/// # #[tokio::main(flavor = "current_thread")] async fn main() {
/// use futures::StreamExt;
/// let dir = tempfile::tempdir().unwrap();
/// let mut watcher = node_fs::watch(dir.path(), Default::default()).unwrap();
/// std::fs::write(dir.path().join("new"), "").unwrap();
/// let ev = watcher.next().await.unwrap().unwrap();
/// assert_eq!((ev.event_type.as_str(), ev.filename.as_deref()), ("rename", Some("new")));
/// watcher.close();
/// # }
/// ```
#[derive(Debug)]
pub struct FsWatcher {
    rx: UnboundedReceiver<Result<WatchEvent>>,
    shared: Arc<Shared>,
}

/// libuv's inotify mask (src/unix/linux.c).
fn mask() -> AddWatchFlags {
    AddWatchFlags::IN_ATTRIB
        | AddWatchFlags::IN_CREATE
        | AddWatchFlags::IN_MODIFY
        | AddWatchFlags::IN_DELETE
        | AddWatchFlags::IN_DELETE_SELF
        | AddWatchFlags::IN_MOVE_SELF
        | AddWatchFlags::IN_MOVED_FROM
        | AddWatchFlags::IN_MOVED_TO
}

/// Starts watching a file or directory.
///
/// Mirrors [`fs.watch(filename[, options])`](https://nodejs.org/api/fs.html#fswatchfilename-options-listener)
/// on Linux: a modification or attribute change is `'change'`, anything else
/// (create, delete, move) `'rename'`, as libuv maps inotify events.
///
/// # Errors
/// `ENOENT: no such file or directory, watch 'p'` and other system errors with syscall
/// `watch`; `ERR_NOT_IMPLEMENTED` for `recursive`.
///
/// # Examples
/// ```
/// let err = node_fs::watch("/nope", Default::default()).unwrap_err();
/// assert_eq!(err.message(), "ENOENT: no such file or directory, watch '/nope'");
/// ```
pub fn watch(path: impl AsRef<Path>, options: WatchOptions) -> Result<FsWatcher> {
    let path = path.as_ref();
    check_path(path, "filename")?;
    if options.recursive {
        return Err(NodeError::not_implemented("fs.watch with recursive: true"));
    }
    let inotify = Inotify::init(InitFlags::IN_CLOEXEC).map_err(|e| nix_sys(e, "watch", path))?;
    let wd = inotify
        .add_watch(path, mask())
        .map_err(|e| nix_sys(e, "watch", path))?;
    let shared = Arc::new(Shared {
        inotify,
        wd,
        closed: AtomicBool::new(false),
    });
    let (tx, rx) = unbounded_channel();
    let base = path.file_name().map(|n| n.to_string_lossy().into_owned());
    let reader = shared.clone();
    std::thread::Builder::new()
        .name("nrt-fs-watch".into())
        .spawn(move || pump(&reader, &tx, base))
        .map_err(|e| NodeError::from_io(&e, "watch"))?;
    Ok(FsWatcher { rx, shared })
}

fn pump(shared: &Shared, tx: &UnboundedSender<Result<WatchEvent>>, base: Option<String>) {
    let change = AddWatchFlags::IN_ATTRIB | AddWatchFlags::IN_MODIFY;
    loop {
        let events = match shared.inotify.read_events() {
            Ok(events) => events,
            Err(Errno::EINTR) => continue,
            Err(e) => {
                let _ = tx.send(Err(NodeError::from_nix(e, "watch")));
                return;
            }
        };
        for ev in events {
            if shared.closed.load(Ordering::Acquire) || ev.mask.contains(AddWatchFlags::IN_IGNORED)
            {
                return;
            }
            let event_type = if ev.mask.intersects(!change) {
                WatchEventType::Rename
            } else {
                WatchEventType::Change
            };
            let filename = match &ev.name {
                Some(name) => Some(name.to_string_lossy().into_owned()),
                None => base.clone(),
            };
            if tx
                .send(Ok(WatchEvent {
                    event_type,
                    filename,
                }))
                .is_err()
            {
                return;
            }
        }
    }
}

impl FsWatcher {
    /// Stops watching; the stream then ends (`watcher.close()`).
    ///
    /// # Examples
    /// ```
    /// let w = node_fs::watch("/", Default::default()).unwrap();
    /// w.close();
    /// w.close();
    /// ```
    pub fn close(&self) {
        if !self.shared.closed.swap(true, Ordering::AcqRel) {
            // The IN_IGNORED event this queues wakes the reader thread, which then exits.
            let _ = self.shared.inotify.rm_watch(self.shared.wd);
        }
    }
}

impl Drop for FsWatcher {
    fn drop(&mut self) {
        self.close();
    }
}

impl Stream for FsWatcher {
    type Item = Result<WatchEvent>;

    fn poll_next(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        if self.shared.closed.load(Ordering::Acquire) {
            return Poll::Ready(None);
        }
        self.rx.poll_recv(cx)
    }
}
