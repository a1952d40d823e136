//! copyFile.

use std::os::unix::fs::PermissionsExt;

use node_fs::constants::{COPYFILE_EXCL, COPYFILE_FICLONE, COPYFILE_FICLONE_FORCE};
use node_fs::{copy_file, copy_file_sync};

#[test]
fn copies_data_and_mode() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = (dir.path().join("a"), dir.path().join("b"));
    std::fs::write(&a, vec![9u8; 200_000]).unwrap();
    std::fs::set_permissions(&a, std::fs::Permissions::from_mode(0o640)).unwrap();
    std::fs::write(
        &b,
        "a longer old content that must be truncated away entirely.",
    )
    .unwrap();
    copy_file_sync(&a, &b, 0).unwrap();
    assert_eq!(std::fs::read(&b).unwrap(), vec![9u8; 200_000]);
    assert_eq!(
        std::fs::metadata(&b).unwrap().permissions().mode() & 0o777,
        0o640
    );
    // FICLONE falls back to a copy where reflinks are unsupported.
    let c = dir.path().join("c");
    copy_file_sync(&a, &c, COPYFILE_FICLONE).unwrap();
    assert_eq!(std::fs::read(&c).unwrap().len(), 200_000);
    // Copying a file onto itself is a no-op, as in libuv.
    copy_file_sync(&a, &a, 0).unwrap();
    assert_eq!(std::fs::read(&a).unwrap().len(), 200_000);
}

#[test]
fn errors_name_both_paths() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = (dir.path().join("a"), dir.path().join("b"));
    let err = copy_file_sync(&a, &b, 0).unwrap_err();
    assert_eq!(err.code(), "ENOENT");
    assert_eq!(err.syscall(), Some("copyfile"));
    assert_eq!((err.path(), err.dest()), (a.to_str(), b.to_str()));
    assert_eq!(
        err.message(),
        format!(
            "ENOENT: no such file or directory, copyfile '{}' -> '{}'",
            a.display(),
            b.display()
        )
    );
    std::fs::write(&a, "x").unwrap();
    std::fs::write(&b, "y").unwrap();
    let err = copy_file_sync(&a, &b, COPYFILE_EXCL).unwrap_err();
    assert_eq!(
        err.message(),
        format!(
            "EEXIST: file already exists, copyfile '{}' -> '{}'",
            a.display(),
            b.display()
        )
    );
    assert_eq!(std::fs::read(&b).unwrap(), b"y");
    let err = copy_file_sync(dir.path(), dir.path().join("z"), 0).unwrap_err();
    assert_eq!(err.code(), "EISDIR");
    let err = copy_file_sync(&a, dir.path(), 0).unwrap_err();
    assert_eq!(err.code(), "EISDIR");
    assert_eq!(err.syscall(), Some("copyfile"));
    let err = copy_file_sync(&a, &b, 8).unwrap_err();
    assert_eq!(err.code(), "ERR_OUT_OF_RANGE");
    assert_eq!(err.message(), "mode is out of range: >= 0 && <= 7");
}

#[test]
fn ficlone_force_fails_without_reflinks() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = (dir.path().join("a"), dir.path().join("b"));
    std::fs::write(&a, "x").unwrap();
    match copy_file_sync(&a, &b, COPYFILE_FICLONE_FORCE) {
        Ok(()) => println!("skipped: this file system supports reflinks"),
        Err(err) => {
            assert_eq!(err.syscall(), Some("copyfile"));
            assert!(
                ["ENOTSUP", "EXDEV", "EINVAL", "ENOTTY"].contains(&err.code()),
                "{}",
                err.code()
            );
            assert!(!b.exists(), "a failed copy leaves no destination");
        }
    }
}

#[test]
fn async_form() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = (dir.path().join("a"), dir.path().join("b"));
    std::fs::write(&a, "hello").unwrap();
    let rt = tokio::runtime::Builder::new_current_thread()
        .build()
        .unwrap();
    rt.block_on(copy_file(&a, &b, COPYFILE_EXCL)).unwrap();
    assert_eq!(std::fs::read(&b).unwrap(), b"hello");
    assert_eq!(
        rt.block_on(copy_file(&a, &b, COPYFILE_EXCL))
            .unwrap_err()
            .code(),
        "EEXIST"
    );
}
