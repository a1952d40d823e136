//! rename, link, symlink, readlink, realpath.

use std::path::Path;

use node_fs::{
    link_sync, readlink_sync, realpath, realpath_native_sync, realpath_sync, rename, rename_sync,
    symlink_sync,
};

#[test]
fn rename_cases() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = (dir.path().join("a"), dir.path().join("b"));
    let err = rename_sync(&a, &b).unwrap_err();
    assert_eq!((err.code(), err.syscall()), ("ENOENT", Some("rename")));
    assert_eq!((err.path(), err.dest()), (a.to_str(), b.to_str()));
    assert_eq!(
        err.message(),
        format!(
            "ENOENT: no such file or directory, rename '{}' -> '{}'",
            a.display(),
            b.display()
        )
    );
    std::fs::write(&a, "x").unwrap();
    rename_sync(&a, &b).unwrap();
    assert!(b.exists() && !a.exists());
    let rt = tokio::runtime::Builder::new_current_thread()
        .build()
        .unwrap();
    rt.block_on(rename(&b, &a)).unwrap();
    // Across file systems even root gets EXDEV.
    let err = rename_sync("/proc/version", dir.path().join("v")).unwrap_err();
    assert_eq!(err.code(), "EXDEV");
}

#[test]
fn link_and_symlink() {
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("f");
    std::fs::write(&f, "x").unwrap();
    let h = dir.path().join("h");
    link_sync(&f, &h).unwrap();
    assert_eq!(std::fs::read(&h).unwrap(), b"x");
    let err = link_sync(&f, &h).unwrap_err();
    assert_eq!(
        err.message(),
        format!(
            "EEXIST: file already exists, link '{}' -> '{}'",
            f.display(),
            h.display()
        )
    );
    // Hard links to directories are refused even for root.
    let err = link_sync(dir.path(), dir.path().join("dl")).unwrap_err();
    assert_eq!(err.code(), "EPERM");
    let l = dir.path().join("l");
    symlink_sync("f", &l).unwrap();
    assert_eq!(readlink_sync(&l).unwrap(), Path::new("f"));
    let err = symlink_sync("f", &l).unwrap_err();
    assert_eq!(
        err.message(),
        format!(
            "EEXIST: file already exists, symlink 'f' -> '{}'",
            l.display()
        )
    );
    let err = readlink_sync(&f).unwrap_err();
    assert_eq!(
        err.message(),
        format!("EINVAL: invalid argument, readlink '{}'", f.display())
    );
    assert_eq!(
        readlink_sync(dir.path().join("nope")).unwrap_err().code(),
        "ENOENT"
    );
}

#[test]
fn realpath_follows_node_js_rules() {
    let dir = tempfile::tempdir().unwrap();
    let root = std::fs::canonicalize(dir.path()).unwrap();
    std::fs::create_dir_all(root.join("a/b")).unwrap();
    std::fs::write(root.join("a/b/f"), "").unwrap();
    std::os::unix::fs::symlink("a/b", root.join("lb")).unwrap();
    std::os::unix::fs::symlink(root.join("lb/f"), root.join("abs")).unwrap();
    assert_eq!(
        realpath_sync(root.join("lb/f")).unwrap(),
        root.join("a/b/f")
    );
    assert_eq!(realpath_sync(root.join("abs")).unwrap(), root.join("a/b/f"));
    // `..` is folded before links are followed (native realpath would go to `a`).
    assert_eq!(realpath_sync(root.join("lb/..")).unwrap(), root);
    assert_eq!(
        realpath_native_sync(root.join("lb/..")).unwrap(),
        root.join("a")
    );
    let missing = root.join("nope/x");
    let err = realpath_sync(&missing).unwrap_err();
    assert_eq!(err.syscall(), Some("lstat"));
    assert_eq!(
        err.message(),
        format!(
            "ENOENT: no such file or directory, lstat '{}'",
            root.join("nope").display()
        )
    );
    let err = realpath_native_sync(&missing).unwrap_err();
    assert_eq!(err.syscall(), Some("realpath"));
    assert_eq!(err.path(), missing.to_str());
    std::os::unix::fs::symlink("loop", root.join("loop")).unwrap();
    let err = realpath_sync(root.join("loop")).unwrap_err();
    assert_eq!(
        err.message(),
        format!(
            "ELOOP: too many symbolic links encountered, stat '{}'",
            root.join("loop").display()
        )
    );
    let rt = tokio::runtime::Builder::new_current_thread()
        .build()
        .unwrap();
    assert_eq!(
        rt.block_on(realpath(root.join("lb"))).unwrap(),
        root.join("a/b")
    );
}
