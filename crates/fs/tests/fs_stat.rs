//! stat / lstat / fstat.

use std::os::unix::fs::MetadataExt;
use std::time::{Duration, UNIX_EPOCH};

use node_fs::{close_sync, fstat, fstat_sync, lstat_sync, open_sync, stat, stat_sync};

#[test]
fn fields_match_the_kernel() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("f");
    std::fs::write(&p, "hello").unwrap();
    let t = UNIX_EPOCH + Duration::new(1_700_000_000, 123_456_789);
    node_fs::utimes_sync(&p, t, t).unwrap();
    let st = stat_sync(&p).unwrap();
    let m = std::fs::metadata(&p).unwrap();
    assert_eq!(
        (st.dev, st.ino, st.mode, st.nlink, st.uid, st.gid, st.rdev),
        (
            m.dev(),
            m.ino(),
            m.mode(),
            m.nlink(),
            m.uid(),
            m.gid(),
            m.rdev()
        )
    );
    assert_eq!(
        (st.size, st.blksize, st.blocks),
        (5, m.blksize(), m.blocks())
    );
    assert_eq!(st.mtime_ns, 1_700_000_000_123_456_789);
    // Node: sec * 1e3 + nsec / 1e6 (node prints 1700000000123.4568).
    let ms = 1_700_000_000.0 * 1e3 + 123_456_789.0 / 1e6;
    assert_eq!(st.mtime_ms, ms);
    assert_eq!(st.atime_ms, ms);
    assert_eq!(format!("{ms}"), "1700000000123.4568");
    assert_eq!(st.mtime(), t);
    assert!(st.ctime_ms > 1_700_000_000_000.0);
    assert!(st.is_file() && !st.is_directory() && !st.is_symbolic_link());
    assert!(!st.is_fifo() && !st.is_socket() && !st.is_block_device() && !st.is_character_device());
    assert!(st.birthtime_ms >= 0.0);
}

#[test]
fn lstat_sees_links_and_stat_follows_them() {
    let dir = tempfile::tempdir().unwrap();
    let link = dir.path().join("l");
    std::os::unix::fs::symlink(dir.path(), &link).unwrap();
    assert!(lstat_sync(&link).unwrap().is_symbolic_link());
    assert!(stat_sync(&link).unwrap().is_directory());
    let dangling = dir.path().join("d");
    std::os::unix::fs::symlink("missing", &dangling).unwrap();
    assert!(lstat_sync(&dangling).is_ok());
    assert_eq!(stat_sync(&dangling).unwrap_err().code(), "ENOENT");
}

#[test]
fn special_files() {
    assert!(stat_sync("/dev/null").unwrap().is_character_device());
    let st = stat_sync("/").unwrap();
    assert!(st.is_directory());
}

#[test]
fn fstat_of_open_file() {
    let fd = open_sync("/dev/null", "r", 0).unwrap();
    assert!(fstat_sync(fd).unwrap().is_character_device());
    let rt = tokio::runtime::Builder::new_current_thread()
        .build()
        .unwrap();
    assert!(rt.block_on(fstat(fd)).unwrap().is_character_device());
    close_sync(fd).unwrap();
}

#[test]
fn errors() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("nope");
    let err = stat_sync(&p).unwrap_err();
    assert_eq!(err.code(), "ENOENT");
    assert_eq!(err.syscall(), Some("stat"));
    assert_eq!(err.path(), p.to_str());
    assert_eq!(
        err.message(),
        format!("ENOENT: no such file or directory, stat '{}'", p.display())
    );
    let err = lstat_sync(&p).unwrap_err();
    assert_eq!(err.syscall(), Some("lstat"));
    let err = fstat_sync(99_999).unwrap_err();
    assert_eq!(err.message(), "EBADF: bad file descriptor, fstat");
    assert_eq!(fstat_sync(-1).unwrap_err().code(), "ERR_OUT_OF_RANGE");
    // A file used as a directory.
    let f = dir.path().join("f");
    std::fs::write(&f, "").unwrap();
    let err = stat_sync(f.join("x")).unwrap_err();
    assert_eq!(err.code(), "ENOTDIR");
    // A symlink loop.
    let lp = dir.path().join("loop");
    std::os::unix::fs::symlink("loop", &lp).unwrap();
    let err = stat_sync(&lp).unwrap_err();
    assert_eq!(
        err.message(),
        format!(
            "ELOOP: too many symbolic links encountered, stat '{}'",
            lp.display()
        )
    );
    let rt = tokio::runtime::Builder::new_current_thread()
        .build()
        .unwrap();
    assert_eq!(rt.block_on(stat(&p)).unwrap_err().code(), "ENOENT");
}
