//! readFile / writeFile / appendFile.

use node_fs::{
    append_file, append_file_sync, read_file, read_file_string_sync, read_file_sync, write_file,
    write_file_sync, AppendFileOptions, ReadFileOptions, WriteFileOptions,
};
use std::os::unix::fs::PermissionsExt;

fn rt() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_current_thread()
        .build()
        .unwrap()
}

#[test]
fn round_trip_sync_and_async() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("f");
    write_file_sync(&p, b"abc", Default::default()).unwrap();
    assert_eq!(read_file_sync(&p, Default::default()).unwrap(), b"abc");
    rt().block_on(async {
        write_file(&p, vec![1u8, 2, 3], Default::default())
            .await
            .unwrap();
        assert_eq!(read_file(&p, Default::default()).await.unwrap(), [1, 2, 3]);
        append_file(&p, "x", Default::default()).await.unwrap();
        assert_eq!(
            read_file(&p, Default::default()).await.unwrap(),
            [1, 2, 3, b'x']
        );
    });
}

#[test]
fn large_file_is_read_whole() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("big");
    let data: Vec<u8> = (0..3_000_000u32).map(|i| (i % 251) as u8).collect();
    write_file_sync(&p, &data, Default::default()).unwrap();
    assert_eq!(read_file_sync(&p, Default::default()).unwrap(), data);
    let got = rt().block_on(read_file(&p, Default::default())).unwrap();
    assert_eq!(got.len(), data.len());
}

#[test]
fn proc_files_with_zero_size_are_read() {
    let text = read_file_string_sync("/proc/self/status", Default::default()).unwrap();
    assert!(text.contains("Name:"));
}

#[test]
fn invalid_utf8_becomes_replacement_chars() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("f");
    std::fs::write(&p, [b'a', 0xff, b'b']).unwrap();
    assert_eq!(
        read_file_string_sync(&p, Default::default()).unwrap(),
        "a\u{fffd}b"
    );
}

#[test]
fn missing_file() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("nope");
    let err = read_file_sync(&p, Default::default()).unwrap_err();
    assert_eq!(err.code(), "ENOENT");
    assert_eq!(err.errno(), Some(-2));
    assert_eq!(err.syscall(), Some("open"));
    assert_eq!(err.path(), p.to_str());
    assert_eq!(
        err.message(),
        format!("ENOENT: no such file or directory, open '{}'", p.display())
    );
    let err = rt()
        .block_on(read_file(&p, Default::default()))
        .unwrap_err();
    assert_eq!(err.code(), "ENOENT");
}

#[test]
fn directory_fails_in_read_without_path() {
    let dir = tempfile::tempdir().unwrap();
    let err = read_file_sync(dir.path(), Default::default()).unwrap_err();
    assert_eq!(err.code(), "EISDIR");
    assert_eq!(err.syscall(), Some("read"));
    assert_eq!(err.path(), None);
    assert_eq!(
        err.message(),
        "EISDIR: illegal operation on a directory, read"
    );
}

#[test]
fn write_to_directory_fails_in_open() {
    let dir = tempfile::tempdir().unwrap();
    let err = write_file_sync(dir.path(), "x", Default::default()).unwrap_err();
    assert_eq!(err.code(), "EISDIR");
    assert_eq!(err.syscall(), Some("open"));
    let err = append_file_sync(dir.path(), "x", Default::default()).unwrap_err();
    assert_eq!(
        err.message(),
        format!(
            "EISDIR: illegal operation on a directory, open '{}'",
            dir.path().display()
        )
    );
}

#[test]
fn wx_on_existing_file() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("f");
    std::fs::write(&p, "old").unwrap();
    let opts = WriteFileOptions {
        flag: "wx".into(),
        ..Default::default()
    };
    let err = write_file_sync(&p, "new", opts).unwrap_err();
    assert_eq!(err.code(), "EEXIST");
    assert_eq!(
        err.message(),
        format!("EEXIST: file already exists, open '{}'", p.display())
    );
    assert_eq!(std::fs::read(&p).unwrap(), b"old");
}

#[test]
fn mode_applies_to_created_files() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("f");
    let opts = WriteFileOptions {
        mode: 0o600,
        ..Default::default()
    };
    write_file_sync(&p, "x", opts).unwrap();
    assert_eq!(
        std::fs::metadata(&p).unwrap().permissions().mode() & 0o777,
        0o600
    );
}

#[test]
fn append_flag_option() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("f");
    let opts = AppendFileOptions {
        flag: "ax".into(),
        ..Default::default()
    };
    append_file_sync(&p, "1", opts.clone()).unwrap();
    assert_eq!(
        append_file_sync(&p, "2", opts).unwrap_err().code(),
        "EEXIST"
    );
}

#[test]
fn bad_flag_and_nul_path() {
    let err = read_file_sync(
        "/x",
        ReadFileOptions {
            flag: "bogus".into(),
        },
    )
    .unwrap_err();
    assert_eq!(err.code(), "ERR_INVALID_ARG_VALUE");
    assert_eq!(
        err.message(),
        "The argument 'flags' is invalid. Received 'bogus'"
    );
    let err = read_file_sync("a\0b", Default::default()).unwrap_err();
    assert_eq!(err.code(), "ERR_INVALID_ARG_VALUE");
    assert_eq!(
        err.message(),
        "The argument 'path' must be a string, Uint8Array, or URL without null bytes. Received 'a\\x00b'"
    );
}

#[test]
fn permission_denied_even_for_root() {
    // sysfs refuses to create files, whoever asks.
    let err = write_file_sync("/sys/kernel/nrt-test", "x", Default::default()).unwrap_err();
    if err.code() != "EACCES" {
        println!("skipped: /sys gave {} here", err.code());
        return;
    }
    assert_eq!(
        err.message(),
        "EACCES: permission denied, open '/sys/kernel/nrt-test'"
    );
}

#[test]
fn works_on_a_multi_thread_runtime() {
    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(1)
        .build()
        .unwrap();
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("f");
    rt.block_on(async {
        write_file(&p, "mt", Default::default()).await.unwrap();
        assert_eq!(read_file(&p, Default::default()).await.unwrap(), b"mt");
    });
}

#[test]
fn fifo_is_read_until_end_of_file() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("fifo");
    nix::unistd::mkfifo(&p, nix::sys::stat::Mode::from_bits_truncate(0o644)).unwrap();
    let writer_path = p.clone();
    let writer = std::thread::spawn(move || {
        std::fs::write(writer_path, vec![5u8; 200_000]).unwrap();
    });
    let data = read_file_sync(&p, Default::default()).unwrap();
    writer.join().unwrap();
    assert_eq!(data, vec![5u8; 200_000]);
}

#[test]
fn flush_writes_and_syncs() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("f");
    let opts = WriteFileOptions {
        flush: true,
        ..Default::default()
    };
    write_file_sync(&p, "a", opts).unwrap();
    let opts = AppendFileOptions {
        flush: true,
        ..Default::default()
    };
    append_file_sync(&p, "b", opts).unwrap();
    assert_eq!(std::fs::read(&p).unwrap(), b"ab");
}
