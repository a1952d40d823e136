//! zlib round trips and Node's error codes (checked with node v20's zlib).

use node_streams::zlib::*;

const TEXT: &[u8] = b"hello world hello world hello world";

#[test]
fn round_trips() {
    let o = ZlibOptions::default();
    assert_eq!(
        gunzip_sync(&gzip_sync(TEXT, &o).unwrap(), &o).unwrap(),
        TEXT
    );
    assert_eq!(
        inflate_sync(&deflate_sync(TEXT, &o).unwrap(), &o).unwrap(),
        TEXT
    );
    assert_eq!(
        inflate_raw_sync(&deflate_raw_sync(TEXT, &o).unwrap(), &o).unwrap(),
        TEXT
    );
    assert_eq!(unzip_sync(&gzip_sync(TEXT, &o).unwrap(), &o).unwrap(), TEXT);
    assert_eq!(
        unzip_sync(&deflate_sync(TEXT, &o).unwrap(), &o).unwrap(),
        TEXT
    );
    let b = BrotliOptions::default();
    assert_eq!(
        brotli_decompress_sync(&brotli_compress_sync(TEXT, &b).unwrap(), &b).unwrap(),
        TEXT
    );
}

#[test]
fn gzip_header_matches_node() {
    // node: zlib.gzipSync('abc').toString('hex') == 1f8b08000000000000034b4c4a0600c241243503000000
    let out = gzip_sync(b"abc", &Default::default()).unwrap();
    let hex: String = out.iter().map(|b| format!("{b:02x}")).collect();
    assert_eq!(hex, "1f8b08000000000000034b4c4a0600c241243503000000");
}

#[test]
fn not_gzip_is_data_error() {
    // node: gunzipSync('hello world') -> Z_DATA_ERROR -3 "incorrect header check"
    let e = gunzip_sync(b"hello world", &Default::default()).unwrap_err();
    assert_eq!((e.code(), e.errno()), ("Z_DATA_ERROR", Some(-3)));
    assert_eq!(e.message(), "incorrect header check");
    let e = unzip_sync(b"xyzxyz", &Default::default()).unwrap_err();
    assert_eq!(e.code(), "Z_DATA_ERROR");
}

#[test]
fn truncated_gzip_is_buf_error() {
    // node: gunzipSync(gzipSync(...).subarray(0, 15)) -> Z_BUF_ERROR -5 "unexpected end of file"
    let full = gzip_sync(b"hello world hello world", &Default::default()).unwrap();
    let e = gunzip_sync(&full[..15], &Default::default()).unwrap_err();
    assert_eq!((e.code(), e.errno()), ("Z_BUF_ERROR", Some(-5)));
    assert_eq!(e.message(), "unexpected end of file");
}

#[test]
fn bad_stored_block() {
    // node: inflateRawSync([0,5,0,0,0]) -> Z_DATA_ERROR "invalid stored block lengths"
    let e = inflate_raw_sync(&[0, 5, 0, 0, 0], &Default::default()).unwrap_err();
    assert_eq!(e.code(), "Z_DATA_ERROR");
    assert_eq!(e.message(), "invalid stored block lengths");
}

#[test]
fn brotli_garbage() {
    // node: brotliDecompressSync('plain text here') -> ERR__ERROR_FORMAT_HUFFMAN_SPACE, -7
    let e = brotli_decompress_sync(b"plain text here", &Default::default()).unwrap_err();
    assert_eq!(
        (e.code(), e.errno()),
        ("ERR__ERROR_FORMAT_HUFFMAN_SPACE", Some(-7))
    );
    assert_eq!(e.message(), "Decompression failed");
}

#[test]
fn dictionary_round_trip() {
    let o = ZlibOptions {
        dictionary: Some(bytes::Bytes::from_static(b"hello world")),
        ..Default::default()
    };
    let packed = deflate_sync(TEXT, &o).unwrap();
    assert_eq!(inflate_sync(&packed, &o).unwrap(), TEXT);
    let e = inflate_sync(&packed, &ZlibOptions::default()).unwrap_err();
    assert_eq!(e.code(), "Z_NEED_DICT");
}

#[test]
fn options_are_checked() {
    let o = ZlibOptions {
        level: 10,
        ..Default::default()
    };
    assert_eq!(gzip_sync(b"", &o).unwrap_err().code(), "ERR_OUT_OF_RANGE");
    let o = ZlibOptions {
        mem_level: 0,
        ..Default::default()
    };
    assert_eq!(gzip_sync(b"", &o).unwrap_err().code(), "ERR_OUT_OF_RANGE");
    // node: gzipSync('', {strategy: Z_RLE}) -> 1f8b0800000000000403 0300 00000000 00000000
    let o = ZlibOptions {
        strategy: Strategy::Rle,
        ..Default::default()
    };
    let hex: String = gzip_sync(b"", &o)
        .unwrap()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    assert_eq!(hex, "1f8b080000000000040303000000000000000000");
}

#[test]
fn crc32_matches_node() {
    assert_eq!(crc32(b"hello", 0), 907060870);
}

#[test]
fn gunzip_stream_reports_data_error() {
    futures::executor::block_on(async {
        let src = node_streams::Readable::from_iter(vec![b"definitely not gzip".to_vec()]);
        let gz = create_gunzip(&Default::default()).unwrap();
        let dst = node_streams::Writable::new(node_streams::sink_fn(|_| Ok(())));
        let err = node_streams::pipeline(&[&src, &gz, &dst])
            .await
            .unwrap_err();
        assert_eq!(err.code(), "Z_DATA_ERROR");
        assert_eq!(errno_for_code(err.code()), Some(-3));
    });
}

#[test]
fn gzip_stream_round_trip() {
    futures::executor::block_on(async {
        use futures::StreamExt;
        let data: Vec<Vec<u8>> = (0..50)
            .map(|i| format!("line {i}\n").repeat(100).into_bytes())
            .collect();
        let expected: Vec<u8> = data.concat();
        let src = node_streams::Readable::from_iter(data);
        let gz = create_gzip(&Default::default()).unwrap();
        src.pipe(&gz.writable(), true);
        let gun = create_gunzip(&Default::default()).unwrap();
        gz.readable().pipe(&gun.writable(), true);
        let mut out = Vec::new();
        let mut s = gun.readable().into_stream();
        while let Some(c) = s.next().await {
            out.extend_from_slice(c.unwrap().as_bytes().unwrap());
        }
        assert_eq!(out, expected);
    });
}

#[test]
fn gunzip_reads_every_member() {
    // node: gunzipSync(Buffer.concat([gzipSync('ab'), gzipSync('cd')])) -> 'abcd'
    let o = ZlibOptions::default();
    let mut two = gzip_sync(b"ab", &o).unwrap();
    two.extend(gzip_sync(b"cd", &o).unwrap());
    assert_eq!(gunzip_sync(&two, &o).unwrap(), b"abcd");
    assert_eq!(unzip_sync(&two, &o).unwrap(), b"abcd");
}

#[test]
fn flush_emits_a_sync_point() {
    let z = create_deflate(&Default::default()).unwrap();
    z.writable().write("hello".into()).unwrap();
    assert_eq!(z.readable().readable_length(), 2); // just the zlib header so far
    z.flush(Flush::Sync).unwrap();
    let mut out = Vec::new();
    while let Some(c) = z.readable().read(None) {
        out.extend_from_slice(c.as_bytes().unwrap());
    }
    // A sync flush ends with an empty stored block: 00 00 ff ff.
    assert_eq!(&out[out.len() - 4..], &[0, 0, 0xff, 0xff]);
    let o = ZlibOptions {
        finish_flush: Flush::Sync,
        ..Default::default()
    };
    assert_eq!(inflate_sync(&out, &o).unwrap(), b"hello");
}

#[test]
fn params_changes_level() {
    let z = create_deflate(&Default::default()).unwrap();
    z.params(0, Strategy::Default).unwrap();
    z.writable().write(vec![b'a'; 1000].into()).unwrap();
    z.writable().end().unwrap();
    let mut out = Vec::new();
    while let Some(c) = z.readable().read(None) {
        out.extend_from_slice(c.as_bytes().unwrap());
    }
    assert!(z.errored().is_none(), "{:?}", z.errored());
    // Level 0 stores: the output is larger than the input.
    assert!(out.len() > 1000, "{}", out.len());
    assert_eq!(
        inflate_sync(&out, &Default::default()).unwrap(),
        vec![b'a'; 1000]
    );
    assert_eq!(
        z.params(10, Strategy::Default).unwrap_err().code(),
        "ERR_OUT_OF_RANGE"
    );
    // After end(), params() writes its marker after the end, as in Node.
    assert_eq!(
        z.params(5, Strategy::Default).unwrap_err().code(),
        "ERR_STREAM_WRITE_AFTER_END"
    );
}

#[test]
fn brotli_params_and_stream() {
    let o = BrotliOptions {
        quality: 4,
        mode: BrotliMode::Text,
        size_hint: TEXT.len(),
        ..Default::default()
    };
    let packed = brotli_compress_sync(TEXT, &o).unwrap();
    assert_eq!(brotli_decompress_sync(&packed, &o).unwrap(), TEXT);
    // node clamps a quality of 12 to 11 (brotli's encoder does).
    let high = BrotliOptions {
        quality: 12,
        ..Default::default()
    };
    assert_eq!(
        brotli_compress_sync(TEXT, &high).unwrap(),
        brotli_compress_sync(TEXT, &Default::default()).unwrap()
    );
    futures::executor::block_on(async {
        use futures::StreamExt;
        let src = node_streams::Readable::from_iter(vec![TEXT.to_vec(), TEXT.to_vec()]);
        let enc = create_brotli_compress(&o).unwrap();
        let dec = create_brotli_decompress(&o).unwrap();
        src.pipe(&enc.writable(), true);
        enc.readable().pipe(&dec.writable(), true);
        let mut out = Vec::new();
        let mut s = dec.readable().into_stream();
        while let Some(c) = s.next().await {
            out.extend_from_slice(c.unwrap().as_bytes().unwrap());
        }
        assert_eq!(out, [TEXT, TEXT].concat());
    });
}

fn radix36(mut n: u64) -> String {
    let digits = b"0123456789abcdefghijklmnopqrstuvwxyz";
    let mut out = Vec::new();
    loop {
        out.push(digits[(n % 36) as usize]);
        n /= 36;
        if n == 0 {
            break;
        }
    }
    out.reverse();
    String::from_utf8(out).unwrap()
}

#[test]
fn output_chunks_match_node() {
    // node: t = ((i*48271) % 2147483647).toString(36) + ' ' for i = 0.. up to 100000 bytes;
    // createGzip({chunkSize: 1024}); write(t[0..60000], () => end(t[60000..]))
    // -> data sizes 1024 x30, 561, 463, 1024 x29, 339, 220: each write's output is cut
    // where Node's 1024-byte buffers end. (zlib-rs's last block is one byte shorter than
    // node's zlib here: 219.)
    let mut t = String::new();
    let mut i: u64 = 0;
    while t.len() < 100_000 {
        t.push_str(&radix36(i * 48271 % 2147483647));
        t.push(' ');
        i += 1;
    }
    let buf = &t.as_bytes()[..100_000];
    let gz = create_gzip(&ZlibOptions {
        chunk_size: 1024,
        ..Default::default()
    })
    .unwrap();
    let sizes = std::rc::Rc::new(std::cell::RefCell::new(Vec::new()));
    let s2 = sizes.clone();
    gz.readable()
        .on_data(move |c| s2.borrow_mut().push(c.byte_len()))
        .unwrap();
    gz.writable().write(buf[..60_000].to_vec().into()).unwrap();
    node_streams::LocalScheduler::current().run_until_stalled();
    gz.writable()
        .end_with(Some(buf[60_000..].to_vec().into()), |_| {})
        .unwrap();
    node_streams::LocalScheduler::current().run_until_stalled();
    let mut expected = vec![1024; 30];
    expected.extend([561, 463]);
    expected.extend([1024; 29]);
    expected.extend([339, 219]);
    assert_eq!(*sizes.borrow(), expected);
}

#[test]
fn bytes_written_counts_input() {
    let packed = gzip_sync(TEXT, &Default::default()).unwrap();
    let z = create_unzip(&Default::default()).unwrap();
    z.writable().write(packed[..1].to_vec().into()).unwrap();
    z.writable().write(packed[1..].to_vec().into()).unwrap();
    assert_eq!(z.bytes_written(), packed.len() as u64);
}

#[test]
fn params_mid_stream_round_trips() {
    // node: deflate.write(a); deflate.params(9, Z_FILTERED); deflate.end(b) inflates to a+b.
    let z = create_deflate(&Default::default()).unwrap();
    z.writable().write(vec![b'a'; 1000].into()).unwrap();
    z.params(9, Strategy::Filtered).unwrap();
    z.writable().write(vec![b'b'; 1000].into()).unwrap();
    z.writable().end().unwrap();
    let mut out = Vec::new();
    while let Some(c) = z.readable().read(None) {
        out.extend_from_slice(c.as_bytes().unwrap());
    }
    assert!(z.errored().is_none(), "{:?}", z.errored());
    let back = inflate_sync(&out, &Default::default()).unwrap();
    assert_eq!(back, [vec![b'a'; 1000], vec![b'b'; 1000]].concat());
}

#[test]
fn max_output_length_stops_a_bomb_early() {
    // 8 MiB of zeros compress to a few hundred bytes; a 1 KiB limit fails at once.
    let zeros = vec![0u8; 8 << 20];
    let o = ZlibOptions {
        max_output_length: 1024,
        ..Default::default()
    };
    let packed = gzip_sync(&zeros, &Default::default()).unwrap();
    let e = gunzip_sync(&packed, &o).unwrap_err();
    assert_eq!(e.code(), "ERR_BUFFER_TOO_LARGE");
    assert_eq!(e.message(), "Cannot create a Buffer larger than 1024 bytes");
    let b = BrotliOptions {
        quality: 1,
        ..Default::default()
    };
    let packed = brotli_compress_sync(&zeros, &b).unwrap();
    let limited = BrotliOptions {
        max_output_length: 1024,
        ..Default::default()
    };
    let e = brotli_decompress_sync(&packed, &limited).unwrap_err();
    assert_eq!(e.code(), "ERR_BUFFER_TOO_LARGE");
}
