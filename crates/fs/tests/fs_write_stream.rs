//! createWriteStream.

use futures::SinkExt;
use tokio::io::AsyncWriteExt;

use node_fs::{create_write_stream, open_sync, WriteStreamOptions};

fn rt() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_current_thread()
        .build()
        .unwrap()
}

#[test]
fn write_end_and_counts() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("f");
    rt().block_on(async {
        let mut ws = create_write_stream(&p, Default::default()).unwrap();
        for _ in 0..100 {
            ws.write(vec![7u8; 1000]).await.unwrap();
        }
        ws.end().await.unwrap();
        assert_eq!(ws.bytes_written(), 100_000);
        assert_eq!(
            ws.write("x").await.unwrap_err().code(),
            "ERR_STREAM_WRITE_AFTER_END"
        );
    });
    assert_eq!(std::fs::read(&p).unwrap(), vec![7u8; 100_000]);
}

#[test]
fn sink_and_async_write_adapters() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = (dir.path().join("a"), dir.path().join("b"));
    rt().block_on(async {
        let mut ws = create_write_stream(&a, Default::default()).unwrap();
        ws.send(bytes::Bytes::from_static(b"one ")).await.unwrap();
        ws.send(bytes::Bytes::from_static(b"two")).await.unwrap();
        SinkExt::close(&mut ws).await.unwrap();
        let mut ws = create_write_stream(&b, Default::default()).unwrap();
        ws.write_all(b"three").await.unwrap();
        ws.shutdown().await.unwrap();
    });
    assert_eq!(std::fs::read(&a).unwrap(), b"one two");
    assert_eq!(std::fs::read(&b).unwrap(), b"three");
}

#[test]
fn start_flags_and_fd() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("f");
    std::fs::write(&p, "0123456789").unwrap();
    rt().block_on(async {
        let opts = WriteStreamOptions {
            flags: "r+".into(),
            start: Some(3),
            ..Default::default()
        };
        let mut ws = create_write_stream(&p, opts).unwrap();
        ws.write("ab").await.unwrap();
        ws.write("c").await.unwrap();
        ws.end().await.unwrap();
    });
    assert_eq!(std::fs::read(&p).unwrap(), b"012abc6789");
    let fd = open_sync(&p, "a", 0).unwrap();
    rt().block_on(async {
        let opts = WriteStreamOptions {
            fd: Some(fd),
            auto_close: false,
            ..Default::default()
        };
        let mut ws = create_write_stream("ignored", opts).unwrap();
        ws.write("!").await.unwrap();
        ws.end().await.unwrap();
    });
    node_fs::close_sync(fd).unwrap();
    assert_eq!(std::fs::read(&p).unwrap(), b"012abc6789!");
}

#[test]
fn end_creates_an_empty_file_and_errors_surface() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("empty");
    rt().block_on(async {
        let mut ws = create_write_stream(&p, Default::default()).unwrap();
        ws.end().await.unwrap();
        let opts = WriteStreamOptions {
            flags: "wx".into(),
            ..Default::default()
        };
        let mut ws = create_write_stream(&p, opts).unwrap();
        let err = ws.write("x").await.unwrap_err();
        assert_eq!(
            err.message(),
            format!("EEXIST: file already exists, open '{}'", p.display())
        );
        assert_eq!(
            ws.write("x").await.unwrap_err().code(),
            "ERR_STREAM_DESTROYED"
        );
        let mut ws = create_write_stream(dir.path(), Default::default()).unwrap();
        assert_eq!(ws.end().await.unwrap_err().code(), "EISDIR");
    });
    assert_eq!(std::fs::metadata(&p).unwrap().len(), 0);
    let opts = WriteStreamOptions {
        flags: "bogus".into(),
        ..Default::default()
    };
    assert_eq!(
        create_write_stream(&p, opts).unwrap_err().code(),
        "ERR_INVALID_ARG_VALUE"
    );
}
