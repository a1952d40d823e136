//! `fs.watch`: inotify events as Node names them (`'rename'`, `'change'`).

use std::collections::HashMap;
use std::path::Path;
use std::pin::Pin;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex, OnceLock};
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

/// One watcher's place in the registry: where its events go and the name a watched file's
/// own events carry.
#[derive(Debug)]
struct Entry {
    id: u64,
    tx: UnboundedSender<Result<WatchEvent>>,
    base: Option<String>,
}

/// The process's one inotify instance (libuv keeps one per loop; the kernel allows only 128
/// per user), its reader thread, and the watchers of each watch descriptor (watches of the
/// same inode share one).
#[derive(Debug)]
struct Registry {
    inotify: Arc<Inotify>,
    watches: Mutex<HashMap<WatchDescriptor, Vec<Entry>>>,
}

static REGISTRY: OnceLock<std::result::Result<Registry, Errno>> = OnceLock::new();
static NEXT_ID: AtomicU64 = AtomicU64::new(1);

fn registry() -> std::result::Result<&'static Registry, Errno> {
    let r = REGISTRY.get_or_init(|| {
        let inotify = Arc::new(Inotify::init(InitFlags::IN_CLOEXEC)?);
        let reader = inotify.clone();
        std::thread::Builder::new()
            .name("nrt-fs-watch".into())
            .spawn(move || pump(&reader))
            .map_err(|_| Errno::EAGAIN)?;
        Ok(Registry {
            inotify,
            watches: Mutex::new(HashMap::new()),
        })
    });
    r.as_ref().map_err(|e| *e)
}

/// A watcher's handle on its registry entry.
#[derive(Debug)]
struct Shared {
    id: u64,
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
    let reg = registry().map_err(|e| nix_sys(e, "watch", path))?;
    let (tx, rx) = unbounded_channel();
    let base = path.file_name().map(|n| n.to_string_lossy().into_owned());
    let id = NEXT_ID.fetch_add(1, Ordering::Relaxed);
    // Registering under the lock: the reader cannot see this descriptor's first event
    // before its entry exists.
    let mut watches = reg.watches.lock().unwrap_or_else(|e| e.into_inner());
    let wd = reg
        .inotify
        .add_watch(path, mask())
        .map_err(|e| nix_sys(e, "watch", path))?;
    watches.entry(wd).or_default().push(Entry { id, tx, base });
    drop(watches);
    let shared = Arc::new(Shared {
        id,
        wd,
        closed: AtomicBool::new(false),
    });
    Ok(FsWatcher { rx, shared })
}

/// The reader thread: hands each event to the watchers of its descriptor.
fn pump(inotify: &Inotify) {
    let change = AddWatchFlags::IN_ATTRIB | AddWatchFlags::IN_MODIFY;
    loop {
        let events = match inotify.read_events() {
            Ok(events) => events,
            Err(Errno::EINTR) => continue,
            Err(e) => {
                let Ok(reg) = registry() else { return };
                let mut watches = reg.watches.lock().unwrap_or_else(|e| e.into_inner());
                for entry in watches.drain().flat_map(|(_, v)| v) {
                    let _ = entry.tx.send(Err(NodeError::from_nix(e, "watch")));
                }
                return;
            }
        };
        let Ok(reg) = registry() else { return };
        let mut watches = reg.watches.lock().unwrap_or_else(|e| e.into_inner());
        for ev in events {
            if ev.mask.contains(AddWatchFlags::IN_IGNORED) {
                // The watch is gone (removed, or its file deleted): its streams end.
                watches.remove(&ev.wd);
                continue;
            }
            let Some(entries) = watches.get_mut(&ev.wd) else {
                continue;
            };
            let event_type = if ev.mask.intersects(!change) {
                WatchEventType::Rename
            } else {
                WatchEventType::Change
            };
            let name = ev.name.as_ref().map(|n| n.to_string_lossy().into_owned());
            entries.retain(|entry| {
                let filename = name.clone().or_else(|| entry.base.clone());
                entry
                    .tx
                    .send(Ok(WatchEvent {
                        event_type,
                        filename,
                    }))
                    .is_ok()
            });
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
        if self.shared.closed.swap(true, Ordering::AcqRel) {
            return;
        }
        let Ok(reg) = registry() else { return };
        let mut watches = reg.watches.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(entries) = watches.get_mut(&self.shared.wd) {
            entries.retain(|e| e.id != self.shared.id);
            if entries.is_empty() {
                watches.remove(&self.shared.wd);
                // The kernel then queues IN_IGNORED, which the reader skips.
                let _ = reg.inotify.rm_watch(self.shared.wd);
            }
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
