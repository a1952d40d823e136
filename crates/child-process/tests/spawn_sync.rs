//! spawnSync: input, output, timeout, maxBuffer, errors.

use std::time::Duration;

use node_child_process::{spawn_sync, SpawnSyncOptions};

#[test]
fn input_reaches_the_child() {
    let out = spawn_sync(
        "cat",
        &[],
        SpawnSyncOptions {
            input: Some(b"abc".to_vec()),
            ..Default::default()
        },
    );
    assert!(out.error.is_none());
    assert_eq!(out.stdout.as_deref(), Some(&b"abc"[..]));
    assert_eq!(out.stderr.as_deref(), Some(&b""[..]));
    assert_eq!(out.status.unwrap().code(), Some(0));
}

#[test]
fn timeout_is_etimedout() {
    let mut opts = SpawnSyncOptions::default();
    opts.spawn.timeout = Some(Duration::from_millis(50));
    let out = spawn_sync("sleep", &["10".into()], opts);
    let e = out.error.unwrap();
    assert_eq!(e.code(), "ETIMEDOUT");
    assert_eq!(e.to_string(), "spawnSync sleep ETIMEDOUT");
    assert_eq!(out.status.unwrap().signal_name(), Some("SIGTERM"));
}

#[test]
fn missing_file_is_enoent() {
    let out = spawn_sync("nonexistent-xyz", &[], SpawnSyncOptions::default());
    assert_eq!(out.pid, 0);
    assert!(out.status.is_none());
    assert_eq!(
        out.error.unwrap().to_string(),
        "spawnSync nonexistent-xyz ENOENT"
    );
}

#[test]
fn max_buffer_is_enobufs() {
    let out = spawn_sync(
        "echo",
        &["0123456789".into()],
        SpawnSyncOptions {
            max_buffer: Some(3),
            ..Default::default()
        },
    );
    assert_eq!(out.error.unwrap().code(), "ENOBUFS");
    assert_eq!(out.stdout.as_deref(), Some(&b"0123456789\n"[..]));
}
