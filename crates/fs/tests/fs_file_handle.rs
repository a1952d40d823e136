//! fsPromises FileHandle.

use std::time::{Duration, UNIX_EPOCH};

use node_fs::FileHandle;

fn rt() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_current_thread()
        .build()
        .unwrap()
}

#[test]
fn every_method() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("f");
    rt().block_on(async {
        let mut fh = FileHandle::open(&p, "w+", 0o644).await.unwrap();
        assert!(fh.fd() >= 0);
        assert_eq!(fh.write("hello world", None).await.unwrap(), 11);
        assert_eq!(fh.write("W", Some(6)).await.unwrap(), 1);
        let (n, buf) = fh.read(vec![0; 16], 2, 5, Some(6)).await.unwrap();
        assert_eq!((n, &buf[2..7]), (5, &b"World"[..]));
        assert_eq!(
            fh.read(vec![0; 4], 0, 5, None).await.unwrap_err().code(),
            "ERR_OUT_OF_RANGE"
        );
        fh.append_file("!").await.unwrap();
        let all = FileHandle::open(&p, "r", 0)
            .await
            .unwrap()
            .read_file()
            .await
            .unwrap();
        assert_eq!(all, b"hello World!");
        assert_eq!(fh.stat().await.unwrap().size, 12);
        fh.truncate(5).await.unwrap();
        fh.sync().await.unwrap();
        fh.datasync().await.unwrap();
        fh.chmod(0o600).await.unwrap();
        let st = fh.stat().await.unwrap();
        assert_eq!((st.size, st.mode & 0o777), (5, 0o600));
        fh.chown(st.uid, st.gid).await.unwrap();
        let t = UNIX_EPOCH + Duration::from_secs(42);
        fh.utimes(t, t).await.unwrap();
        assert_eq!(fh.stat().await.unwrap().mtime_ms, 42_000.0);
        fh.close().await.unwrap();
        assert_eq!(fh.fd(), -1);
        let err = fh.stat().await.unwrap_err();
        assert_eq!(
            (err.code(), err.message()),
            ("EBADF", "file closed".to_string())
        );
        assert_eq!(fh.close().await.unwrap_err().code(), "EBADF");
    });
}

#[test]
fn write_file_writes_at_the_position() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("f");
    std::fs::write(&p, "0123456789").unwrap();
    rt().block_on(async {
        let fh = FileHandle::open(&p, "r+", 0).await.unwrap();
        fh.write_file("ab").await.unwrap();
        fh.write_file("cd").await.unwrap();
        let rest = fh.read_file().await.unwrap();
        assert_eq!(rest, b"456789");
    });
    assert_eq!(std::fs::read(&p).unwrap(), b"abcd456789");
}

#[test]
fn open_errors() {
    rt().block_on(async {
        let err = FileHandle::open("/nope/x", "r", 0).await.unwrap_err();
        assert_eq!(
            err.message(),
            "ENOENT: no such file or directory, open '/nope/x'"
        );
        let err = FileHandle::open("/", "bogus", 0).await.unwrap_err();
        assert_eq!(err.code(), "ERR_INVALID_ARG_VALUE");
        let fh = FileHandle::open("/", "r", 0).await.unwrap();
        let err = fh.read_file().await.unwrap_err();
        assert_eq!(
            err.message(),
            "EISDIR: illegal operation on a directory, read"
        );
    });
}
