//! open / read / write / close with positions, flags and argument checks.

use node_fs::{
    close, close_sync, constants, open, open_sync, read, read_sync, write, write_sync, OpenFlags,
};

#[test]
fn flag_strings_match_node() {
    use constants::*;
    let cases: &[(&'static str, i32)] = &[
        ("r", O_RDONLY),
        ("rs", O_RDONLY | O_SYNC),
        ("sr", O_RDONLY | O_SYNC),
        ("r+", O_RDWR),
        ("rs+", O_RDWR | O_SYNC),
        ("sr+", O_RDWR | O_SYNC),
        ("w", O_TRUNC | O_CREAT | O_WRONLY),
        ("wx", O_TRUNC | O_CREAT | O_WRONLY | O_EXCL),
        ("xw", O_TRUNC | O_CREAT | O_WRONLY | O_EXCL),
        ("w+", O_TRUNC | O_CREAT | O_RDWR),
        ("wx+", O_TRUNC | O_CREAT | O_RDWR | O_EXCL),
        ("a", O_APPEND | O_CREAT | O_WRONLY),
        ("ax", O_APPEND | O_CREAT | O_WRONLY | O_EXCL),
        ("as", O_APPEND | O_CREAT | O_WRONLY | O_SYNC),
        ("a+", O_APPEND | O_CREAT | O_RDWR),
        ("ax+", O_APPEND | O_CREAT | O_RDWR | O_EXCL),
        ("as+", O_APPEND | O_CREAT | O_RDWR | O_SYNC),
    ];
    for (s, bits) in cases {
        assert_eq!(
            OpenFlags::from(*s).to_raw().unwrap(),
            bits | libc::O_CLOEXEC,
            "{s}"
        );
    }
    for bad in ["", "R", "rw", "x", "+"] {
        let err = OpenFlags::from(bad.to_string()).to_raw().unwrap_err();
        assert_eq!(err.code(), "ERR_INVALID_ARG_VALUE", "{bad}");
    }
    assert_eq!(
        OpenFlags::from(O_RDWR | O_CREAT).to_raw().unwrap(),
        O_RDWR | O_CREAT | libc::O_CLOEXEC
    );
}

#[test]
fn positioned_and_sequential_io() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("f");
    let fd = open_sync(&p, "w+", 0o644).unwrap();
    assert_eq!(write_sync(fd, b"hello world", 0, 11, None).unwrap(), 11);
    assert_eq!(write_sync(fd, b"W", 0, 1, Some(6)).unwrap(), 1);
    let mut buf = [0u8; 5];
    assert_eq!(read_sync(fd, &mut buf, 0, 5, Some(6)).unwrap(), 5);
    assert_eq!(&buf, b"World");
    // Positioned I/O leaves the file position at the end of the sequential write.
    assert_eq!(read_sync(fd, &mut buf, 0, 5, None).unwrap(), 0);
    let mut big = [0u8; 8];
    assert_eq!(read_sync(fd, &mut big, 2, 3, Some(0)).unwrap(), 3);
    assert_eq!(&big, b"\0\0hel\0\0\0");
    close_sync(fd).unwrap();
}

#[test]
fn async_forms() {
    let rt = tokio::runtime::Builder::new_current_thread()
        .build()
        .unwrap();
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("f");
    rt.block_on(async {
        let fd = open(&p, "w+", 0o644).await.unwrap();
        assert_eq!(write(fd, "abcdef", 1, 4, Some(0)).await.unwrap(), 4);
        let (n, buf) = read(fd, vec![0; 4], 0, 4, Some(0)).await.unwrap();
        assert_eq!((n, &buf[..]), (4, &b"bcde"[..]));
        close(fd).await.unwrap();
        // A closed number may be reused at once by another test thread: use one never open.
        assert_eq!(close(99_999).await.unwrap_err().code(), "EBADF");
    });
}

#[test]
fn open_errors() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("nope");
    let err = open_sync(&missing, "r", 0o666).unwrap_err();
    assert_eq!(err.code(), "ENOENT");
    assert_eq!(err.syscall(), Some("open"));
    assert_eq!(err.path(), missing.to_str());
    let err = open_sync(dir.path(), "w", 0o666).unwrap_err();
    assert_eq!(
        err.message(),
        format!(
            "EISDIR: illegal operation on a directory, open '{}'",
            dir.path().display()
        )
    );
    let f = dir.path().join("f");
    std::fs::write(&f, "").unwrap();
    let err = open_sync(&f, "wx", 0o666).unwrap_err();
    assert_eq!(err.code(), "EEXIST");
    let err = open_sync(&f, "bogus", 0o666).unwrap_err();
    assert_eq!(
        err.message(),
        "The argument 'flags' is invalid. Received 'bogus'"
    );
    let err = open_sync("", "r", 0o666).unwrap_err();
    assert_eq!(err.message(), "ENOENT: no such file or directory, open ''");
    let long = "a".repeat(300);
    assert_eq!(open_sync(&long, "r", 0).unwrap_err().code(), "ENAMETOOLONG");
    // Opening a directory read-only succeeds, reading it fails with EISDIR.
    let fd = open_sync(dir.path(), "r", 0).unwrap();
    let err = read_sync(fd, &mut [0; 4], 0, 4, None).unwrap_err();
    assert_eq!(
        err.message(),
        "EISDIR: illegal operation on a directory, read"
    );
    close_sync(fd).unwrap();
}

#[test]
fn fd_errors() {
    let err = read_sync(99_999, &mut [0; 4], 0, 4, Some(0)).unwrap_err();
    assert_eq!(err.message(), "EBADF: bad file descriptor, read");
    assert_eq!(err.path(), None);
    let err = close_sync(99_999).unwrap_err();
    assert_eq!(err.message(), "EBADF: bad file descriptor, close");
    let err = close_sync(-1).unwrap_err();
    assert_eq!(err.code(), "ERR_OUT_OF_RANGE");
    assert_eq!(
        err.message(),
        "The value of \"fd\" is out of range. It must be >= 0 && <= 2147483647. Received -1"
    );
    // Write on a read-only descriptor and read on a write-only one: EBADF even for root.
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("f");
    std::fs::write(&p, "x").unwrap();
    let ro = open_sync(&p, "r", 0).unwrap();
    assert_eq!(
        write_sync(ro, b"x", 0, 1, Some(0)).unwrap_err().message(),
        "EBADF: bad file descriptor, write"
    );
    close_sync(ro).unwrap();
    let wo = open_sync(&p, "a", 0).unwrap();
    assert_eq!(
        read_sync(wo, &mut [0; 1], 0, 1, None).unwrap_err().code(),
        "EBADF"
    );
    close_sync(wo).unwrap();
}

#[test]
fn range_errors() {
    let fd = open_sync("/dev/zero", "r", 0).unwrap();
    let mut buf = [0u8; 4];
    let err = read_sync(fd, &mut buf, 0, 5, Some(0)).unwrap_err();
    assert_eq!(
        err.message(),
        "The value of \"length\" is out of range. It must be <= 4. Received 5"
    );
    let err = read_sync(fd, &mut buf, 2, 3, Some(0)).unwrap_err();
    assert_eq!(
        err.message(),
        "The value of \"length\" is out of range. It must be <= 2. Received 3"
    );
    let err = read_sync(fd, &mut buf, 0, 1, Some(1 << 60)).unwrap_err();
    assert_eq!(err.code(), "ERR_OUT_OF_RANGE");
    close_sync(fd).unwrap();
    let fd = open_sync("/dev/null", "w", 0).unwrap();
    let err = write_sync(fd, &[0; 4], 5, 1, None).unwrap_err();
    assert_eq!(
        err.message(),
        "The value of \"offset\" is out of range. It must be <= 4. Received 5"
    );
    let err = write_sync(fd, &[0; 4], 0, 5, None).unwrap_err();
    assert_eq!(
        err.message(),
        "The value of \"length\" is out of range. It must be <= 4. Received 5"
    );
    close_sync(fd).unwrap();
}
