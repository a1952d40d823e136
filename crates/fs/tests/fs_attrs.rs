//! chmod/chown/utimes (+ f*/l* forms), truncate, fsync, access/exists.

use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::time::{Duration, UNIX_EPOCH};

use node_fs::constants::{F_OK, R_OK, W_OK, X_OK};
use node_fs::*;

#[test]
fn chmod_family() {
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("f");
    std::fs::write(&f, "").unwrap();
    chmod_sync(&f, 0o600).unwrap();
    assert_eq!(
        std::fs::metadata(&f).unwrap().permissions().mode() & 0o7777,
        0o600
    );
    let fd = open_sync(&f, "r", 0).unwrap();
    fchmod_sync(fd, 0o640).unwrap();
    assert_eq!(fstat_sync(fd).unwrap().mode & 0o7777, 0o640);
    close_sync(fd).unwrap();
    let err = chmod_sync(dir.path().join("nope"), 0o600).unwrap_err();
    assert_eq!((err.code(), err.syscall()), ("ENOENT", Some("chmod")));
    assert_eq!(
        fchmod_sync(99_999, 0o600).unwrap_err().message(),
        "EBADF: bad file descriptor, fchmod"
    );
    let err = lchmod_sync(&f, 0o600).unwrap_err();
    assert_eq!(err.code(), "ERR_METHOD_NOT_IMPLEMENTED");
    assert_eq!(err.message(), "The lchmod() method is not implemented");
    let rt = tokio::runtime::Builder::new_current_thread()
        .build()
        .unwrap();
    rt.block_on(chmod(&f, 0o644)).unwrap();
    assert_eq!(
        rt.block_on(lchmod(&f, 0o644)).unwrap_err().code(),
        "ERR_METHOD_NOT_IMPLEMENTED"
    );
}

#[test]
fn chown_family() {
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("f");
    std::fs::write(&f, "").unwrap();
    let m = std::fs::metadata(&f).unwrap();
    chown_sync(&f, m.uid(), m.gid()).unwrap();
    // u32::MAX (Node's -1) keeps the value.
    chown_sync(&f, u32::MAX, u32::MAX).unwrap();
    let l = dir.path().join("l");
    std::os::unix::fs::symlink("f", &l).unwrap();
    lchown_sync(&l, m.uid(), m.gid()).unwrap();
    let fd = open_sync(&f, "r", 0).unwrap();
    fchown_sync(fd, m.uid(), m.gid()).unwrap();
    close_sync(fd).unwrap();
    let err = chown_sync(dir.path().join("nope"), 0, 0).unwrap_err();
    assert_eq!(
        err.message(),
        format!(
            "ENOENT: no such file or directory, chown '{}'",
            dir.path().join("nope").display()
        )
    );
    assert_eq!(
        lchown_sync(dir.path().join("nope"), 0, 0)
            .unwrap_err()
            .syscall(),
        Some("lchown")
    );
    assert_eq!(fchown_sync(99_999, 0, 0).unwrap_err().code(), "EBADF");
}

#[test]
fn utimes_family() {
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("f");
    std::fs::write(&f, "").unwrap();
    let a = UNIX_EPOCH + Duration::new(100, 500_000_000);
    let m = UNIX_EPOCH + Duration::new(200, 0);
    utimes_sync(&f, a, m).unwrap();
    let st = stat_sync(&f).unwrap();
    assert_eq!((st.atime_ms, st.mtime_ms), (100_500.0, 200_000.0));
    let before_epoch = UNIX_EPOCH - Duration::from_millis(1500);
    utimes_sync(&f, before_epoch, before_epoch).unwrap();
    assert_eq!(stat_sync(&f).unwrap().mtime_ms, -1500.0);
    let l = dir.path().join("l");
    std::os::unix::fs::symlink("f", &l).unwrap();
    lutimes_sync(&l, a, a).unwrap();
    assert_eq!(lstat_sync(&l).unwrap().mtime_ms, 100_500.0);
    assert_eq!(stat_sync(&f).unwrap().mtime_ms, -1500.0);
    let fd = open_sync(&f, "r", 0).unwrap();
    futimes_sync(fd, m, m).unwrap();
    assert_eq!(fstat_sync(fd).unwrap().mtime_ms, 200_000.0);
    close_sync(fd).unwrap();
    let nope = dir.path().join("nope");
    let err = utimes_sync(&nope, a, a).unwrap_err();
    assert_eq!(
        err.message(),
        format!(
            "ENOENT: no such file or directory, utime '{}'",
            nope.display()
        )
    );
    assert_eq!(
        lutimes_sync(&nope, a, a).unwrap_err().syscall(),
        Some("lutime")
    );
    assert_eq!(
        futimes_sync(99_999, a, a).unwrap_err().syscall(),
        Some("futime")
    );
}

#[test]
fn truncate_family() {
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("f");
    std::fs::write(&f, "hello").unwrap();
    truncate_sync(&f, 2).unwrap();
    assert_eq!(std::fs::read(&f).unwrap(), b"he");
    truncate_sync(&f, 4).unwrap();
    assert_eq!(std::fs::read(&f).unwrap(), b"he\0\0");
    let fd = open_sync(&f, "r+", 0).unwrap();
    ftruncate_sync(fd, 1).unwrap();
    fsync_sync(fd).unwrap();
    fdatasync_sync(fd).unwrap();
    close_sync(fd).unwrap();
    assert_eq!(std::fs::read(&f).unwrap(), b"h");
    let err = truncate_sync(dir.path(), 1).unwrap_err();
    assert_eq!(
        err.message(),
        format!(
            "EISDIR: illegal operation on a directory, open '{}'",
            dir.path().display()
        )
    );
    let err = truncate_sync(dir.path().join("nope"), 1).unwrap_err();
    assert_eq!((err.code(), err.syscall()), ("ENOENT", Some("open")));
    assert_eq!(
        ftruncate_sync(99_999, 0).unwrap_err().message(),
        "EBADF: bad file descriptor, ftruncate"
    );
    assert_eq!(
        truncate_sync(&f, 1 << 60).unwrap_err().code(),
        "ERR_OUT_OF_RANGE"
    );
    let ro = open_sync(&f, "r", 0).unwrap();
    assert_eq!(ftruncate_sync(ro, 0).unwrap_err().code(), "EINVAL");
    close_sync(ro).unwrap();
    assert_eq!(
        fsync_sync(99_999).unwrap_err().message(),
        "EBADF: bad file descriptor, fsync"
    );
    assert_eq!(
        fdatasync_sync(99_999).unwrap_err().message(),
        "EBADF: bad file descriptor, fdatasync"
    );
    let rt = tokio::runtime::Builder::new_current_thread()
        .build()
        .unwrap();
    rt.block_on(truncate(&f, 0)).unwrap();
    assert_eq!(std::fs::metadata(&f).unwrap().len(), 0);
}

#[test]
fn access_and_exists() {
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("f");
    std::fs::write(&f, "").unwrap();
    std::fs::set_permissions(&f, std::fs::Permissions::from_mode(0o644)).unwrap();
    access_sync(&f, F_OK).unwrap();
    access_sync(&f, R_OK | W_OK).unwrap();
    // Without any execute bit, X_OK fails even for root.
    let err = access_sync(&f, X_OK).unwrap_err();
    assert_eq!(err.code(), "EACCES");
    assert_eq!(
        err.message(),
        format!("EACCES: permission denied, access '{}'", f.display())
    );
    let err = access_sync(dir.path().join("nope"), F_OK).unwrap_err();
    assert_eq!(err.syscall(), Some("access"));
    let err = access_sync(&f, 8).unwrap_err();
    assert_eq!(err.message(), "mode is out of range: >= 0 && <= 7");
    assert!(exists_sync(&f));
    assert!(!exists_sync(dir.path().join("nope")));
    assert!(!exists_sync("a\0b"));
    let rt = tokio::runtime::Builder::new_current_thread()
        .build()
        .unwrap();
    assert!(rt.block_on(exists(&f)));
    assert_eq!(rt.block_on(access(&f, X_OK)).unwrap_err().code(), "EACCES");
}
