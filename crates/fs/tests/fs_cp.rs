//! cp (Node 20's JavaScript cpSync).

use std::os::unix::fs::PermissionsExt;

use node_fs::{cp, cp_sync, CpOptions};

fn rec() -> CpOptions {
    CpOptions {
        recursive: true,
        ..Default::default()
    }
}

#[test]
fn copies_a_tree_with_modes_and_links() {
    let dir = tempfile::tempdir().unwrap();
    let src = dir.path().join("src");
    std::fs::create_dir_all(src.join("sub/deeper")).unwrap();
    std::fs::write(src.join("sub/deeper/f"), "deep").unwrap();
    std::fs::write(src.join("top"), "top").unwrap();
    std::fs::set_permissions(src.join("top"), std::fs::Permissions::from_mode(0o751)).unwrap();
    std::os::unix::fs::symlink("top", src.join("link")).unwrap();
    let dest = dir.path().join("out/nested/dest");
    cp_sync(&src, &dest, rec()).unwrap();
    assert_eq!(std::fs::read(dest.join("sub/deeper/f")).unwrap(), b"deep");
    assert_eq!(
        std::fs::metadata(dest.join("top"))
            .unwrap()
            .permissions()
            .mode()
            & 0o777,
        0o751
    );
    // Relative link targets are resolved against the source, as Node does.
    assert_eq!(
        std::fs::read_link(dest.join("link")).unwrap(),
        src.join("top")
    );
    let verbatim = dir.path().join("verbatim");
    cp_sync(
        &src,
        &verbatim,
        CpOptions {
            verbatim_symlinks: true,
            ..rec()
        },
    )
    .unwrap();
    assert_eq!(
        std::fs::read_link(verbatim.join("link")).unwrap(),
        std::path::Path::new("top")
    );
}

#[test]
fn force_and_error_on_exist() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = (dir.path().join("a"), dir.path().join("b"));
    std::fs::write(&a, "new").unwrap();
    std::fs::write(&b, "old").unwrap();
    cp_sync(
        &a,
        &b,
        CpOptions {
            force: false,
            ..Default::default()
        },
    )
    .unwrap();
    assert_eq!(std::fs::read(&b).unwrap(), b"old");
    let err = cp_sync(
        &a,
        &b,
        CpOptions {
            force: false,
            error_on_exist: true,
            ..Default::default()
        },
    )
    .unwrap_err();
    assert_eq!(err.code(), "ERR_FS_CP_EEXIST");
    assert_eq!(
        (err.errno(), err.syscall(), err.path(), err.info_code()),
        (
            Some(libc::EEXIST),
            Some("cp"),
            Some(&*b.to_string_lossy()),
            Some("EEXIST")
        )
    );
    assert_eq!(
        err.message(),
        format!(
            "Target already exists: cp returned EEXIST ({0} already exists) {0}",
            b.display()
        )
    );
    cp_sync(&a, &b, Default::default()).unwrap();
    assert_eq!(std::fs::read(&b).unwrap(), b"new");
}

#[test]
fn node_system_errors() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path().join("d");
    let e = dir.path().join("e");
    let f = dir.path().join("f");
    std::fs::create_dir(&d).unwrap();
    std::fs::create_dir(&e).unwrap();
    std::fs::write(d.join("x"), "").unwrap();
    std::fs::write(&f, "").unwrap();
    let (ds, es, fs_) = (d.display(), e.display(), f.display());

    let err = cp_sync(
        dir.path().join("nope"),
        dir.path().join("c"),
        Default::default(),
    )
    .unwrap_err();
    assert_eq!((err.code(), err.syscall()), ("ENOENT", Some("lstat")));

    let err = cp_sync(&d, dir.path().join("c"), Default::default()).unwrap_err();
    assert_eq!(err.code(), "ERR_FS_EISDIR");
    // Node's cp reports this EISDIR with EINVAL's errno (lib/internal/fs/cp/cp-sync.js).
    assert_eq!(
        (err.errno(), err.syscall(), err.path(), err.info_code()),
        (
            Some(libc::EINVAL),
            Some("cp"),
            Some(&*d.to_string_lossy()),
            Some("EISDIR")
        )
    );
    assert_eq!(
        err.message(),
        format!("Path is a directory: cp returned EISDIR ({ds} is a directory (not copied)) {ds}")
    );

    let err = cp_sync(&f, &f, Default::default()).unwrap_err();
    assert_eq!(err.code(), "ERR_FS_CP_EINVAL");
    assert_eq!(
        (err.errno(), err.syscall(), err.path(), err.info_code()),
        (
            Some(libc::EINVAL),
            Some("cp"),
            Some(&*f.to_string_lossy()),
            Some("EINVAL")
        )
    );
    assert_eq!(
        err.message(),
        format!("Invalid src or dest: cp returned EINVAL (src and dest cannot be the same) {fs_}")
    );

    let err = cp_sync(&d, &f, rec()).unwrap_err();
    assert_eq!(err.code(), "ERR_FS_CP_DIR_TO_NON_DIR");
    assert_eq!(
        (err.errno(), err.syscall(), err.path(), err.info_code()),
        (
            Some(libc::EISDIR),
            Some("cp"),
            Some(&*f.to_string_lossy()),
            Some("EISDIR")
        )
    );
    assert_eq!(
        err.message(),
        format!("Cannot overwrite non-directory with directory: cp returned EISDIR (cannot overwrite non-directory {fs_} with directory {ds}) {fs_}")
    );

    let err = cp_sync(&f, &e, Default::default()).unwrap_err();
    assert_eq!(err.code(), "ERR_FS_CP_NON_DIR_TO_DIR");
    assert_eq!(
        (err.errno(), err.syscall(), err.path(), err.info_code()),
        (
            Some(libc::ENOTDIR),
            Some("cp"),
            Some(&*e.to_string_lossy()),
            Some("ENOTDIR")
        )
    );
    assert_eq!(
        err.message(),
        format!("Cannot overwrite directory with non-directory: cp returned ENOTDIR (cannot overwrite directory {es} with non-directory {fs_}) {es}")
    );

    let sub = d.join("sub");
    let err = cp_sync(&d, &sub, rec()).unwrap_err();
    assert_eq!(err.code(), "ERR_FS_CP_EINVAL");
    assert_eq!(
        (err.errno(), err.syscall(), err.path(), err.info_code()),
        (
            Some(libc::EINVAL),
            Some("cp"),
            Some(&*sub.to_string_lossy()),
            Some("EINVAL")
        )
    );
    assert_eq!(
        err.message(),
        format!("Invalid src or dest: cp returned EINVAL (cannot copy {ds} to a subdirectory of self {}) {}", sub.display(), sub.display())
    );

    let fifo = dir.path().join("p");
    nix::unistd::mkfifo(&fifo, nix::sys::stat::Mode::from_bits_truncate(0o644)).unwrap();
    let err = cp_sync(&fifo, dir.path().join("p2"), Default::default()).unwrap_err();
    assert_eq!(err.code(), "ERR_FS_CP_FIFO_PIPE");
    assert_eq!(
        (err.errno(), err.syscall(), err.path(), err.info_code()),
        (
            Some(libc::EINVAL),
            Some("cp"),
            Some(&*dir.path().join("p2").to_string_lossy()),
            Some("EINVAL")
        )
    );

    let err = cp_sync(
        &f,
        e.join("x"),
        CpOptions {
            mode: 9,
            ..Default::default()
        },
    )
    .unwrap_err();
    assert_eq!(err.code(), "ERR_OUT_OF_RANGE");
}

#[test]
fn preserve_timestamps_and_async() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = (dir.path().join("a"), dir.path().join("b"));
    std::fs::write(&a, "x").unwrap();
    let t = std::time::UNIX_EPOCH + std::time::Duration::from_secs(1_000_000);
    node_fs::utimes_sync(&a, t, t).unwrap();
    let rt = tokio::runtime::Builder::new_current_thread()
        .build()
        .unwrap();
    rt.block_on(cp(
        &a,
        &b,
        CpOptions {
            preserve_timestamps: true,
            ..Default::default()
        },
    ))
    .unwrap();
    assert_eq!(std::fs::metadata(&b).unwrap().modified().unwrap(), t);
}
