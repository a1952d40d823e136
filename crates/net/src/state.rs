//! State shared by a socket and its halves: counters, ref, idle timeout.

use std::sync::atomic::{AtomicBool, AtomicU64, AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use tokio::sync::Notify;

/// Counts a server's live connections; decrements when the socket goes away.
#[derive(Debug)]
pub(crate) struct ConnGuard(pub(crate) Arc<AtomicUsize>);

impl Drop for ConnGuard {
    fn drop(&mut self) {
        self.0.fetch_sub(1, Ordering::AcqRel);
    }
}

#[derive(Debug)]
pub(crate) struct SocketState {
    pub(crate) bytes_read: AtomicU64,
    pub(crate) bytes_written: AtomicU64,
    pub(crate) refed: AtomicBool,
    pub(crate) allow_half_open: AtomicBool,
    /// Idle timeout in ms; 0 = none (Node's `socket.setTimeout(0)`).
    timeout_ms: AtomicU64,
    /// Last read/write, in ms since `epoch`.
    last_active_ms: AtomicU64,
    epoch: Instant,
    /// Wakes `idle()` when the timeout changes.
    changed: Notify,
    _guard: Option<ConnGuard>,
    /// The TLS session, once a handshake over this socket has finished.
    pub(crate) tls: std::sync::OnceLock<Arc<crate::tls::TlsSession>>,
}

impl SocketState {
    pub(crate) fn new(guard: Option<ConnGuard>) -> Arc<Self> {
        Arc::new(SocketState {
            bytes_read: AtomicU64::new(0),
            bytes_written: AtomicU64::new(0),
            refed: AtomicBool::new(true),
            allow_half_open: AtomicBool::new(false),
            timeout_ms: AtomicU64::new(0),
            last_active_ms: AtomicU64::new(0),
            epoch: Instant::now(),
            changed: Notify::new(),
            _guard: guard,
            tls: std::sync::OnceLock::new(),
        })
    }

    fn now_ms(&self) -> u64 {
        u64::try_from(self.epoch.elapsed().as_millis()).unwrap_or(u64::MAX)
    }

    pub(crate) fn touch(&self) {
        if self.timeout_ms.load(Ordering::Relaxed) != 0 {
            self.last_active_ms.store(self.now_ms(), Ordering::Relaxed);
        }
    }

    pub(crate) fn read(&self, n: usize) {
        self.bytes_read.fetch_add(n as u64, Ordering::Relaxed);
        self.touch();
    }

    pub(crate) fn wrote(&self, n: usize) {
        self.bytes_written.fetch_add(n as u64, Ordering::Relaxed);
        self.touch();
    }

    pub(crate) fn set_timeout(&self, timeout: Option<Duration>) {
        let ms = timeout.map_or(0, |d| {
            u64::try_from(d.as_millis()).unwrap_or(u64::MAX).max(1)
        });
        self.last_active_ms.store(self.now_ms(), Ordering::Relaxed);
        self.timeout_ms.store(ms, Ordering::Relaxed);
        self.changed.notify_waiters();
    }

    pub(crate) fn timeout(&self) -> Option<Duration> {
        match self.timeout_ms.load(Ordering::Relaxed) {
            0 => None,
            ms => Some(Duration::from_millis(ms)),
        }
    }

    /// Resolves once the socket has been idle for the timeout; while none is set it waits
    /// for one (`setTimeout` can arm it later).
    pub(crate) async fn idle(&self) {
        loop {
            let changed = self.changed.notified();
            tokio::pin!(changed);
            changed.as_mut().enable();
            let timeout = self.timeout_ms.load(Ordering::Relaxed);
            if timeout == 0 {
                changed.await;
                continue;
            }
            let deadline = self
                .last_active_ms
                .load(Ordering::Relaxed)
                .saturating_add(timeout);
            let now = self.now_ms();
            if now >= deadline {
                // Re-arm, as Node does after emitting 'timeout'.
                self.last_active_ms.store(now, Ordering::Relaxed);
                return;
            }
            tokio::select! {
                () = tokio::time::sleep(Duration::from_millis(deadline - now)) => {}
                () = &mut changed => {}
            }
        }
    }
}
