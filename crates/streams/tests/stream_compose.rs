//! compose(), async iteration, and the tokio adapters.

use futures::StreamExt;
use node_streams::{compose, zlib, PassThrough, Readable};

#[test]
fn compose_gzip_gunzip() {
    futures::executor::block_on(async {
        let gz = zlib::create_gzip(&Default::default()).unwrap();
        let gun = zlib::create_gunzip(&Default::default()).unwrap();
        let both = compose(&[&gz, &gun]).unwrap();
        let input: Vec<Vec<u8>> = (0..100)
            .map(|i| format!("{i} ").repeat(300).into_bytes())
            .collect();
        let expected = input.concat();
        Readable::from_iter(input).pipe(&both.writable(), true);
        let mut out = Vec::new();
        let mut s = both.readable().into_stream();
        while let Some(c) = s.next().await {
            out.extend_from_slice(c.unwrap().as_bytes().unwrap());
        }
        assert_eq!(out, expected);
    });
}

#[test]
fn compose_propagates_errors() {
    futures::executor::block_on(async {
        let gun = zlib::create_gunzip(&Default::default()).unwrap();
        let both = compose(&[&PassThrough::new(), &gun]).unwrap();
        both.writable().write("not gzip at all".into()).unwrap();
        both.writable().end().unwrap();
        let mut s = both.readable().into_stream();
        let mut err = None;
        while let Some(c) = s.next().await {
            if let Err(e) = c {
                err = Some(e);
            }
        }
        assert_eq!(err.unwrap().code(), "Z_DATA_ERROR");
        assert!(both.destroyed());
    });
}

#[test]
fn compose_needs_streams() {
    assert_eq!(compose(&[]).unwrap_err().code(), "ERR_MISSING_ARGS");
}

#[test]
fn breaking_out_of_iteration_destroys() {
    futures::executor::block_on(async {
        let r = Readable::from_iter(["a", "b", "c"]);
        let mut s = r.clone().into_stream();
        assert!(s.next().await.is_some());
        drop(s);
        assert!(r.destroyed());
    });
}

#[tokio::test(flavor = "current_thread")]
async fn tokio_file_round_trip() {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("data.bin");
    let data: Vec<u8> = (0..200_000u32).map(|i| (i % 251) as u8).collect();
    // AsyncWrite side: a Writable over a file, used through tokio's AsyncWrite.
    let file = tokio::fs::File::create(&path).await.unwrap();
    let w = node_streams::Writable::from_async_write(file, Default::default());
    let mut sink = w.clone().into_sink();
    sink.write_all(&data).await.unwrap();
    sink.shutdown().await.unwrap();
    assert!(w.writable_finished());
    // AsyncRead side: a Readable over the file, read back through AsyncRead.
    let file = tokio::fs::File::open(&path).await.unwrap();
    let r = Readable::from_async_read(
        file,
        node_streams::ReadableOptions {
            high_water_mark: Some(64 * 1024),
            ..Default::default()
        },
    );
    let mut back = Vec::new();
    r.into_stream().read_to_end(&mut back).await.unwrap();
    assert_eq!(back, data);
}
