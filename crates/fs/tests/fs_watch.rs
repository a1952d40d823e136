//! watch (inotify) and watchFile (stat polling).

use std::time::Duration;

use futures::StreamExt;
use node_fs::{watch, watch_file, WatchEventType, WatchFileOptions, WatchOptions};

fn rt() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_current_thread()
        .build()
        .unwrap()
}

#[test]
fn file_events_match_node() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("wf");
    std::fs::write(&p, "a").unwrap();
    rt().block_on(async {
        let mut w = watch(&p, Default::default()).unwrap();
        // node: [["change","wf"],["rename","wf"]]
        use std::io::Write;
        std::fs::OpenOptions::new()
            .append(true)
            .open(&p)
            .unwrap()
            .write_all(b"b")
            .unwrap();
        let ev = w.next().await.unwrap().unwrap();
        assert_eq!(
            (ev.event_type, ev.filename.as_deref()),
            (WatchEventType::Change, Some("wf"))
        );
        std::fs::rename(&p, dir.path().join("wf2")).unwrap();
        let ev = w.next().await.unwrap().unwrap();
        assert_eq!(
            (ev.event_type, ev.filename.as_deref()),
            (WatchEventType::Rename, Some("wf"))
        );
        w.close();
        assert!(w.next().await.is_none());
    });
}

#[test]
fn directory_events_match_node() {
    let dir = tempfile::tempdir().unwrap();
    rt().block_on(async {
        let mut w = watch(dir.path(), Default::default()).unwrap();
        std::fs::write(dir.path().join("x"), "1").unwrap();
        std::fs::remove_file(dir.path().join("x")).unwrap();
        let mut seen = Vec::new();
        while seen.len() < 3 {
            let ev = w.next().await.unwrap().unwrap();
            seen.push((ev.event_type.as_str(), ev.filename.unwrap()));
        }
        // node: [["rename","x"],["change","x"],["rename","x"]]
        assert_eq!(
            seen,
            [
                ("rename", "x".into()),
                ("change", "x".into()),
                ("rename", "x".into())
            ]
        );
    });
}

#[test]
fn watch_errors() {
    let err = watch("/nope", Default::default()).unwrap_err();
    assert_eq!(err.code(), "ENOENT");
    assert_eq!(err.syscall(), Some("watch"));
    assert_eq!(
        err.message(),
        "ENOENT: no such file or directory, watch '/nope'"
    );
    let err = watch("/", WatchOptions { recursive: true }).unwrap_err();
    assert_eq!(err.code(), "ERR_NOT_IMPLEMENTED");
}

#[test]
fn watch_file_reports_creation_after_zeroed_stats() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("nf");
    rt().block_on(async {
        let opts = WatchFileOptions {
            interval: Duration::from_millis(5),
        };
        let mut w = watch_file(&p, opts).unwrap();
        // node: [[0,0,0,0],[3,0,<mtime>,0]]
        let first = w.next().await.unwrap();
        assert_eq!(
            (
                first.current.size,
                first.previous.size,
                first.current.mtime_ms
            ),
            (0, 0, 0.0)
        );
        // Write then rename, so that no poll sees a half-written file.
        let put = |text: &str| {
            let tmp = dir.path().join("tmp");
            std::fs::write(&tmp, text).unwrap();
            std::fs::rename(&tmp, &p).unwrap();
        };
        put("123");
        let second = w.next().await.unwrap();
        assert_eq!((second.current.size, second.previous.size), (3, 0));
        assert!(second.current.mtime_ms > 0.0);
        put("12345");
        let third = w.next().await.unwrap();
        assert_eq!((third.current.size, third.previous.size), (5, 3));
        w.stop();
        assert!(w.next().await.is_none());
    });
}

#[test]
fn watchers_share_one_inotify_instance() {
    // More watchers than the kernel's default 128 inotify instances per user.
    let dir = tempfile::tempdir().unwrap();
    rt().block_on(async {
        let mut all: Vec<_> = (0..200)
            .map(|_| watch(dir.path(), WatchOptions::default()).unwrap())
            .collect();
        // Closing some leaves the others on the same watch descriptor working.
        for w in all.drain(..150) {
            w.close();
        }
        std::fs::write(dir.path().join("n"), "").unwrap();
        for w in &mut all {
            let ev = w.next().await.unwrap().unwrap();
            assert_eq!(
                (ev.event_type, ev.filename.as_deref()),
                (WatchEventType::Rename, Some("n"))
            );
        }
    });
}
