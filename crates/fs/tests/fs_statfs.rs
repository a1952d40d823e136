//! statfs.

#[test]
fn statfs_reports_the_file_system() {
    let dir = tempfile::tempdir().unwrap();
    let s = node_fs::statfs_sync(dir.path()).unwrap();
    assert!(s.bsize > 0);
    assert!(s.bfree <= s.blocks && s.bavail <= s.blocks);
    assert!(s.ffree <= s.files);
    let err = node_fs::statfs_sync(dir.path().join("missing")).unwrap_err();
    assert_eq!((err.code(), err.syscall()), ("ENOENT", Some("statfs")));
    assert_eq!(
        node_fs::statfs_sync("a\0b").unwrap_err().code(),
        "ERR_INVALID_ARG_VALUE"
    );
}

#[tokio::test(flavor = "current_thread")]
async fn statfs_async_matches_sync() {
    let a = node_fs::statfs("/").await.unwrap();
    let b = node_fs::statfs_sync("/").unwrap();
    assert_eq!((a.r#type, a.bsize, a.blocks), (b.r#type, b.bsize, b.blocks));
    assert_eq!(node_fs::statfs("/nope").await.unwrap_err().code(), "ENOENT");
}
