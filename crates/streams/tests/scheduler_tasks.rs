//! The default LocalScheduler driven by several tokio tasks on one thread.

use futures::StreamExt;
use node_streams::{Chunk, Readable};

#[tokio::test(flavor = "current_thread")]
async fn a_finished_task_does_not_strand_another() {
    let local = tokio::task::LocalSet::new();
    let got = local
        .run_until(async {
            let (tx, rx) =
                futures::channel::mpsc::unbounded::<Result<Chunk, node_core::NodeError>>();
            let a = tokio::task::spawn_local(async move {
                let mut s = Readable::from_stream(rx).into_stream();
                s.next().await.map(|c| c.map(|c| c.as_bytes().cloned()))
            });
            tokio::task::yield_now().await;
            // Task B drives the same scheduler last, then finishes.
            let b = tokio::task::spawn_local(async {
                Readable::from_iter(["x"])
                    .into_stream()
                    .collect::<Vec<_>>()
                    .await
                    .len()
            });
            assert_eq!(b.await.unwrap(), 1);
            tx.unbounded_send(Ok("hi".into())).unwrap();
            tokio::time::timeout(std::time::Duration::from_secs(5), a).await
        })
        .await;
    let chunk = got.expect("task A was never woken").unwrap();
    assert_eq!(chunk.unwrap().unwrap().unwrap().as_ref(), b"hi");
}
