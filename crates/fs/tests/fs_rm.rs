//! rm, rmdir, unlink.

use node_fs::{rm, rm_sync, rmdir_sync, unlink, unlink_sync, RmOptions, RmdirOptions};

#[test]
fn rm_file_and_tree() {
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("f");
    std::fs::write(&f, "").unwrap();
    rm_sync(&f, Default::default()).unwrap();
    assert!(!f.exists());
    let t = dir.path().join("t");
    std::fs::create_dir_all(t.join("a/b/c")).unwrap();
    std::fs::write(t.join("a/b/c/x"), "").unwrap();
    std::os::unix::fs::symlink("/", t.join("a/link")).unwrap();
    rm_sync(
        &t,
        RmOptions {
            recursive: true,
            ..Default::default()
        },
    )
    .unwrap();
    assert!(!t.exists());
}

#[test]
fn rm_errors() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("nope");
    let err = rm_sync(&missing, Default::default()).unwrap_err();
    assert_eq!(err.code(), "ENOENT");
    assert_eq!(err.syscall(), Some("lstat"));
    assert_eq!(
        err.message(),
        format!(
            "ENOENT: no such file or directory, lstat '{}'",
            missing.display()
        )
    );
    rm_sync(
        &missing,
        RmOptions {
            force: true,
            ..Default::default()
        },
    )
    .unwrap();
    rm_sync(
        &missing,
        RmOptions {
            force: true,
            recursive: true,
            ..Default::default()
        },
    )
    .unwrap();
    let err = rm_sync(dir.path(), Default::default()).unwrap_err();
    assert_eq!(err.code(), "ERR_FS_EISDIR");
    assert_eq!(err.class().name(), "SystemError");
    // Node's rm reports the positive errno (lib/internal/fs/rimraf.js).
    assert_eq!(err.errno(), Some(libc::EISDIR));
    assert_eq!(err.syscall(), Some("rm"));
    assert_eq!(err.path(), Some(&*dir.path().to_string_lossy()));
    assert_eq!(err.info_code(), Some("EISDIR"));
    assert_eq!(err.info_message(), Some("is a directory"));
    assert_eq!(
        err.message(),
        format!(
            "Path is a directory: rm returned EISDIR (is a directory) {}",
            dir.path().display()
        )
    );
    let f = dir.path().join("f");
    std::fs::write(&f, "").unwrap();
    let err = rm_sync(f.join("x"), Default::default()).unwrap_err();
    assert_eq!(err.code(), "ENOTDIR");
    assert_eq!(err.syscall(), Some("lstat"));
    let rt = tokio::runtime::Builder::new_current_thread()
        .build()
        .unwrap();
    assert_eq!(
        rt.block_on(rm(&missing, Default::default()))
            .unwrap_err()
            .code(),
        "ENOENT"
    );
}

#[test]
fn rmdir_cases() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path().join("d");
    std::fs::create_dir(&d).unwrap();
    std::fs::write(d.join("x"), "").unwrap();
    let err = rmdir_sync(&d, Default::default()).unwrap_err();
    assert_eq!(err.code(), "ENOTEMPTY");
    assert_eq!(
        err.message(),
        format!("ENOTEMPTY: directory not empty, rmdir '{}'", d.display())
    );
    let err = rmdir_sync(d.join("x"), Default::default()).unwrap_err();
    assert_eq!(err.code(), "ENOTDIR");
    assert_eq!(err.syscall(), Some("rmdir"));
    let err = rmdir_sync(dir.path().join("nope"), Default::default()).unwrap_err();
    assert_eq!(err.code(), "ENOENT");
    rmdir_sync(
        &d,
        RmdirOptions {
            recursive: true,
            ..Default::default()
        },
    )
    .unwrap();
    assert!(!d.exists());
    // Even root may not remove a process directory.
    let err = rmdir_sync("/proc/1", Default::default()).unwrap_err();
    assert_eq!(
        err.message(),
        "EPERM: operation not permitted, rmdir '/proc/1'"
    );
}

#[test]
fn unlink_cases() {
    let dir = tempfile::tempdir().unwrap();
    let err = unlink_sync(dir.path()).unwrap_err();
    assert_eq!(err.code(), "EISDIR");
    assert_eq!(
        err.message(),
        format!(
            "EISDIR: illegal operation on a directory, unlink '{}'",
            dir.path().display()
        )
    );
    let f = dir.path().join("f");
    std::fs::write(&f, "").unwrap();
    let rt = tokio::runtime::Builder::new_current_thread()
        .build()
        .unwrap();
    rt.block_on(unlink(&f)).unwrap();
    assert!(!f.exists());
    let err = unlink_sync(&f).unwrap_err();
    assert_eq!(
        err.message(),
        format!(
            "ENOENT: no such file or directory, unlink '{}'",
            f.display()
        )
    );
}

#[test]
fn rm_retries_are_bounded() {
    let dir = tempfile::tempdir().unwrap();
    let opts = RmOptions {
        max_retries: 2,
        retry_delay: std::time::Duration::from_millis(1),
        ..Default::default()
    };
    // ENOENT is not retried.
    let err = rm_sync("/proc/1/nrt-none", opts.clone()).unwrap_err();
    assert_eq!(err.code(), "ENOENT");
    let f = dir.path().join("f");
    std::fs::write(&f, "").unwrap();
    rm_sync(&f, opts).unwrap();
}
