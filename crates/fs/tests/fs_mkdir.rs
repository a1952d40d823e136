//! mkdir (plain and recursive) and mkdtemp.

use std::os::unix::fs::PermissionsExt;

use node_fs::{mkdir, mkdir_sync, mkdtemp_sync, MkdirOptions};

fn rec() -> MkdirOptions {
    MkdirOptions {
        recursive: true,
        ..Default::default()
    }
}

#[test]
fn recursive_returns_first_created() {
    let dir = tempfile::tempdir().unwrap();
    let r = dir.path();
    assert_eq!(
        mkdir_sync(r.join("n1/n2/n3"), rec()).unwrap(),
        Some(r.join("n1"))
    );
    assert_eq!(
        mkdir_sync(r.join("n1/n2/n4/n5"), rec()).unwrap(),
        Some(r.join("n1/n2/n4"))
    );
    assert_eq!(mkdir_sync(r.join("n1/n2"), rec()).unwrap(), None);
    assert!(r.join("n1/n2/n4/n5").is_dir());
}

#[test]
fn recursive_relative_path_is_spelled_as_given() {
    let dir = tempfile::tempdir().unwrap();
    std::env::set_current_dir(dir.path()).unwrap();
    let first = mkdir_sync("rel/a/b", rec()).unwrap();
    assert_eq!(first.as_deref(), Some(std::path::Path::new("rel")));
}

#[test]
fn recursive_errors_name_the_given_path() {
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("f");
    std::fs::write(&f, "").unwrap();
    let err = mkdir_sync(&f, rec()).unwrap_err();
    assert_eq!(err.code(), "EEXIST");
    assert_eq!(
        err.message(),
        format!("EEXIST: file already exists, mkdir '{}'", f.display())
    );
    let deep = f.join("a/b");
    let err = mkdir_sync(&deep, rec()).unwrap_err();
    assert_eq!(err.code(), "ENOTDIR");
    assert_eq!(err.syscall(), Some("mkdir"));
    assert_eq!(err.path(), deep.to_str());
}

#[test]
fn plain_errors() {
    let dir = tempfile::tempdir().unwrap();
    let err = mkdir_sync(dir.path(), Default::default()).unwrap_err();
    assert_eq!(
        err.message(),
        format!(
            "EEXIST: file already exists, mkdir '{}'",
            dir.path().display()
        )
    );
    let p = dir.path().join("q/w");
    let err = mkdir_sync(&p, Default::default()).unwrap_err();
    assert_eq!(
        err.message(),
        format!("ENOENT: no such file or directory, mkdir '{}'", p.display())
    );
    // /proc refuses new directories even for root.
    let err = mkdir_sync("/proc/nrt-test", Default::default()).unwrap_err();
    assert_eq!(err.code(), "ENOENT");
    assert_eq!(
        mkdir_sync("a\0b", Default::default()).unwrap_err().code(),
        "ERR_INVALID_ARG_VALUE"
    );
}

#[test]
fn mode_and_async() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("m");
    let rt = tokio::runtime::Builder::new_current_thread()
        .build()
        .unwrap();
    let opts = MkdirOptions {
        mode: 0o700,
        ..Default::default()
    };
    assert_eq!(rt.block_on(mkdir(&p, opts)).unwrap(), None);
    assert_eq!(
        std::fs::metadata(&p).unwrap().permissions().mode() & 0o777,
        0o700
    );
    assert_eq!(
        rt.block_on(mkdir(&p, Default::default()))
            .unwrap_err()
            .code(),
        "EEXIST"
    );
}

#[test]
fn mkdtemp_makes_unique_dirs() {
    let dir = tempfile::tempdir().unwrap();
    let prefix = dir.path().join("tmp-");
    let a = mkdtemp_sync(&prefix).unwrap();
    let b = mkdtemp_sync(&prefix).unwrap();
    assert_ne!(a, b);
    let name = a.file_name().unwrap().to_str().unwrap();
    assert!(name.starts_with("tmp-") && name.len() == 10, "{name}");
    let bad = dir.path().join("nope/x-");
    let err = mkdtemp_sync(&bad).unwrap_err();
    assert_eq!(err.syscall(), Some("mkdtemp"));
    assert_eq!(
        err.message(),
        format!(
            "ENOENT: no such file or directory, mkdtemp '{}XXXXXX'",
            bad.display()
        )
    );
}
