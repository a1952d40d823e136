//! The one blocking-pool hop every async fs call makes.

use node_core::NodeError;

use crate::errors::Result;

/// Runs `f` on tokio's blocking pool and waits for it. Works on any tokio runtime,
/// `current_thread` included. A panic in `f` resumes on the caller.
pub(crate) async fn hop<T, F>(f: F) -> Result<T>
where
    F: FnOnce() -> Result<T> + Send + 'static,
    T: Send + 'static,
{
    match tokio::task::spawn_blocking(f).await {
        Ok(result) => result,
        Err(err) if err.is_panic() => std::panic::resume_unwind(err.into_panic()),
        // The runtime is shutting down: libuv reports a cancelled request the same way.
        Err(_) => Err(NodeError::from_errno(libc::ECANCELED, "spawn_blocking")),
    }
}

/// Polls a blocking task started with `spawn_blocking`, with [`hop`]'s error mapping.
pub(crate) fn poll_task<T>(
    task: &mut tokio::task::JoinHandle<T>,
    cx: &mut std::task::Context<'_>,
) -> std::task::Poll<Result<T>> {
    use std::future::Future;
    std::pin::Pin::new(task).poll(cx).map(|res| match res {
        Ok(v) => Ok(v),
        Err(err) if err.is_panic() => std::panic::resume_unwind(err.into_panic()),
        Err(_) => Err(NodeError::from_errno(libc::ECANCELED, "spawn_blocking")),
    })
}
