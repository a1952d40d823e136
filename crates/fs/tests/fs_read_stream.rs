//! createReadStream.

use futures::StreamExt;
use tokio::io::AsyncReadExt;

use node_fs::{create_read_stream, open_sync, ReadStreamOptions};

fn rt() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_current_thread()
        .build()
        .unwrap()
}

fn sizes(p: &std::path::Path, opts: ReadStreamOptions) -> Vec<usize> {
    rt().block_on(async {
        let mut s = create_read_stream(p, opts).unwrap();
        let mut out = Vec::new();
        while let Some(chunk) = s.next().await {
            out.push(chunk.unwrap().len());
        }
        out
    })
}

#[test]
fn one_mib_is_sixteen_chunks_of_64k() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("f");
    std::fs::write(&p, vec![1u8; 1 << 20]).unwrap();
    assert_eq!(sizes(&p, Default::default()), vec![65536; 16]);
}

#[test]
fn start_and_end_are_inclusive() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("f");
    std::fs::write(&p, "0123456789").unwrap();
    let data = rt().block_on(async {
        let opts = ReadStreamOptions {
            start: Some(2),
            end: Some(5),
            high_water_mark: 3,
            ..Default::default()
        };
        let s = create_read_stream(&p, opts).unwrap();
        s.map(|c| c.unwrap()).collect::<Vec<_>>().await
    });
    assert_eq!(
        data.iter().map(|b| &b[..]).collect::<Vec<_>>(),
        [&b"234"[..], b"5"]
    );
    let opts = ReadStreamOptions {
        start: Some(3),
        end: Some(3),
        ..Default::default()
    };
    assert_eq!(sizes(&p, opts), [1]);
    let opts = ReadStreamOptions {
        start: Some(20),
        ..Default::default()
    };
    assert_eq!(sizes(&p, opts), Vec::<usize>::new());
    let opts = ReadStreamOptions {
        end: Some(3),
        ..Default::default()
    };
    assert_eq!(sizes(&p, opts), [4]);
}

#[test]
fn async_read_adapter() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("f");
    let data: Vec<u8> = (0..200_000u32).map(|i| i as u8).collect();
    std::fs::write(&p, &data).unwrap();
    let got = rt().block_on(async {
        let mut s = create_read_stream(&p, Default::default()).unwrap();
        let mut out = Vec::new();
        s.read_to_end(&mut out).await.unwrap();
        assert_eq!(s.bytes_read(), 200_000);
        out
    });
    assert_eq!(got, data);
}

#[test]
fn fd_reuse_without_auto_close() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("f");
    std::fs::write(&p, "abcdef").unwrap();
    let fd = open_sync(&p, "r", 0).unwrap();
    let opts = ReadStreamOptions {
        fd: Some(fd),
        auto_close: false,
        start: Some(1),
        end: Some(2),
        ..Default::default()
    };
    assert_eq!(sizes(&p, opts), [2]);
    // The descriptor is still open and usable.
    let mut buf = [0u8; 3];
    assert_eq!(node_fs::read_sync(fd, &mut buf, 0, 3, Some(3)).unwrap(), 3);
    assert_eq!(&buf, b"def");
    // With autoClose the stream takes it over and closes it at the end. (Not checked by
    // closing `fd` again: another test thread may already have been given that number.)
    let opts = ReadStreamOptions {
        fd: Some(fd),
        ..Default::default()
    };
    assert_eq!(sizes(&p, opts), [6]);
}

#[test]
fn errors_arrive_as_items() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("nope");
    rt().block_on(async {
        let mut s = create_read_stream(&missing, Default::default()).unwrap();
        let err = s.next().await.unwrap().unwrap_err();
        assert_eq!(
            err.message(),
            format!(
                "ENOENT: no such file or directory, open '{}'",
                missing.display()
            )
        );
        assert!(s.next().await.is_none());
        let mut s = create_read_stream(dir.path(), Default::default()).unwrap();
        let err = s.next().await.unwrap().unwrap_err();
        assert_eq!(
            err.message(),
            "EISDIR: illegal operation on a directory, read"
        );
    });
}

#[test]
fn option_validation() {
    let opts = ReadStreamOptions {
        start: Some(5),
        end: Some(2),
        ..Default::default()
    };
    let err = create_read_stream("f", opts).unwrap_err();
    assert_eq!(
        err.message(),
        "The value of \"start\" is out of range. It must be <= \"end\" (here: 2). Received 5"
    );
    let opts = ReadStreamOptions {
        start: Some(1 << 60),
        ..Default::default()
    };
    assert_eq!(
        create_read_stream("f", opts).unwrap_err().code(),
        "ERR_OUT_OF_RANGE"
    );
    let opts = ReadStreamOptions {
        flags: "nope".into(),
        ..Default::default()
    };
    assert_eq!(
        create_read_stream("f", opts).unwrap_err().code(),
        "ERR_INVALID_ARG_VALUE"
    );
    let opts = ReadStreamOptions {
        fd: Some(-1),
        ..Default::default()
    };
    assert_eq!(
        create_read_stream("f", opts).unwrap_err().code(),
        "ERR_OUT_OF_RANGE"
    );
}

#[test]
fn works_on_multi_thread_runtime() {
    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .build()
        .unwrap();
    let n = rt.block_on(async {
        let s = create_read_stream("/proc/self/status", Default::default()).unwrap();
        s.count().await
    });
    assert_eq!(n, 1);
}
