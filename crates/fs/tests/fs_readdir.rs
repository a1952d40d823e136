//! readdir (names, dirents, recursive) and opendir/Dir.

use node_fs::{
    opendir, opendir_sync, readdir, readdir_sync, readdir_with_file_types_sync, OpendirOptions,
    ReaddirOptions,
};

fn tree() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let r = dir.path();
    for d in ["s/t", "a"] {
        std::fs::create_dir_all(r.join(d)).unwrap();
    }
    for f in ["z", "s/y", "a/q", "b", "C", "_", "10", "9"] {
        std::fs::write(r.join(f), "").unwrap();
    }
    dir
}

#[test]
fn names_are_sorted_by_bytes() {
    let dir = tree();
    // As node prints: [ '10', '9', 'C', '_', 'a', 'b', 's', 'z' ]
    assert_eq!(
        readdir_sync(dir.path(), Default::default()).unwrap(),
        ["10", "9", "C", "_", "a", "b", "s", "z"]
    );
}

#[test]
fn recursive_is_breadth_first_like_node() {
    let dir = tree();
    let opts = ReaddirOptions { recursive: true };
    assert_eq!(
        readdir_sync(dir.path(), opts.clone()).unwrap(),
        ["10", "9", "C", "_", "a", "b", "s", "z", "a/q", "s/t", "s/y"]
    );
    let dirents = readdir_with_file_types_sync(dir.path(), opts).unwrap();
    let q = dirents.iter().find(|d| d.name == "q").unwrap();
    assert_eq!(q.parent_path, dir.path().join("a"));
    assert!(q.is_file());
    let t = dirents.iter().find(|d| d.name == "t").unwrap();
    assert!(t.is_directory());
    assert_eq!(t.path(), dir.path().join("s/t"));
}

#[test]
fn dirent_types() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("d")).unwrap();
    std::fs::write(dir.path().join("f"), "").unwrap();
    std::os::unix::fs::symlink("d", dir.path().join("l")).unwrap();
    nix::unistd::mkfifo(
        &dir.path().join("p"),
        nix::sys::stat::Mode::from_bits_truncate(0o644),
    )
    .unwrap();
    let e = readdir_with_file_types_sync(dir.path(), Default::default()).unwrap();
    let kinds: Vec<_> = e
        .iter()
        .map(|d| {
            (
                d.name.as_str(),
                d.is_directory(),
                d.is_file(),
                d.is_symbolic_link(),
                d.is_fifo(),
            )
        })
        .collect();
    assert_eq!(
        kinds,
        [
            ("d", true, false, false, false),
            ("f", false, true, false, false),
            ("l", false, false, true, false),
            ("p", false, false, false, true)
        ]
    );
}

#[test]
fn errors_use_scandir() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("nope");
    let err = readdir_sync(&missing, Default::default()).unwrap_err();
    assert_eq!(err.code(), "ENOENT");
    assert_eq!(err.syscall(), Some("scandir"));
    assert_eq!(err.path(), missing.to_str());
    assert_eq!(
        err.message(),
        format!(
            "ENOENT: no such file or directory, scandir '{}'",
            missing.display()
        )
    );
    let f = dir.path().join("f");
    std::fs::write(&f, "").unwrap();
    let err = readdir_sync(&f, Default::default()).unwrap_err();
    assert_eq!(
        err.message(),
        format!("ENOTDIR: not a directory, scandir '{}'", f.display())
    );
    let rt = tokio::runtime::Builder::new_current_thread()
        .build()
        .unwrap();
    assert_eq!(
        rt.block_on(readdir(&f, Default::default()))
            .unwrap_err()
            .code(),
        "ENOTDIR"
    );
}

#[test]
fn dir_reads_every_entry_then_closes() {
    let dir = tree();
    let d = opendir_sync(dir.path(), Default::default()).unwrap();
    let mut names = Vec::new();
    while let Some(e) = d.read_sync().unwrap() {
        names.push(e.name);
    }
    names.sort();
    assert_eq!(names, ["10", "9", "C", "_", "a", "b", "s", "z"]);
    d.close_sync().unwrap();
    let err = d.close_sync().unwrap_err();
    assert_eq!(err.code(), "ERR_DIR_CLOSED");
    assert_eq!(err.message(), "Directory handle was closed");
    assert_eq!(d.read_sync().unwrap_err().code(), "ERR_DIR_CLOSED");
}

#[test]
fn dir_async_with_small_buffer() {
    let dir = tree();
    let rt = tokio::runtime::Builder::new_current_thread()
        .build()
        .unwrap();
    rt.block_on(async {
        let opts = OpendirOptions {
            buffer_size: 3,
            ..Default::default()
        };
        let d = opendir(dir.path(), opts).await.unwrap();
        let mut n = 0;
        while d.read().await.unwrap().is_some() {
            n += 1;
        }
        assert_eq!(n, 8);
        d.close().await.unwrap();
        assert_eq!(d.read().await.unwrap_err().code(), "ERR_DIR_CLOSED");
    });
}

#[test]
fn opendir_errors() {
    let err = opendir_sync("/nope", Default::default()).unwrap_err();
    assert_eq!(err.message(), "ENOENT: no such file or directory, opendir");
    assert_eq!(err.path(), None);
    let err = opendir_sync("/dev/null", Default::default()).unwrap_err();
    assert_eq!(err.message(), "ENOTDIR: not a directory, opendir");
    let opts = OpendirOptions {
        buffer_size: 0,
        ..Default::default()
    };
    let err = opendir_sync("/", opts).unwrap_err();
    assert_eq!(
        err.message(),
        "The value of \"options.bufferSize\" is out of range. It must be >= 1 && <= 4294967295. Received 0"
    );
    let opts = OpendirOptions {
        recursive: true,
        ..Default::default()
    };
    assert_eq!(
        opendir_sync("/", opts).unwrap_err().code(),
        "ERR_NOT_IMPLEMENTED"
    );
}

#[test]
fn dir_entries_stream() {
    use futures::StreamExt;
    let dir = tree();
    let rt = tokio::runtime::Builder::new_current_thread()
        .build()
        .unwrap();
    let mut names: Vec<String> = rt.block_on(async {
        let d = opendir(dir.path(), Default::default()).await.unwrap();
        d.entries().map(|e| e.unwrap().name).collect().await
    });
    names.sort();
    assert_eq!(names, ["10", "9", "C", "_", "a", "b", "s", "z"]);
}
