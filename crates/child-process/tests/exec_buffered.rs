//! exec / execFile: buffering, maxBuffer, failures.

use node_child_process::{exec, exec_file, Error, ExecOptions};

#[tokio::test(flavor = "current_thread")]
async fn exec_collects_both_streams() {
    let out = exec("echo hi; echo err >&2", ExecOptions::default())
        .await
        .unwrap();
    assert_eq!(out.stdout, b"hi\n");
    assert_eq!(out.stderr, b"err\n");
}

#[tokio::test(flavor = "current_thread")]
async fn exec_failure_carries_status_and_output() {
    let e = exec("echo o; echo e >&2; exit 3", ExecOptions::default())
        .await
        .unwrap_err();
    assert_eq!(
        e.to_string(),
        "Command failed: echo o; echo e >&2; exit 3\ne\n"
    );
    match e {
        Error::CommandFailed {
            status,
            killed,
            stdout,
            ..
        } => {
            assert_eq!(status.code(), Some(3));
            assert!(!killed);
            assert_eq!(stdout, b"o\n");
        }
        other => panic!("{other:?}"),
    }
}

#[tokio::test(flavor = "current_thread")]
async fn max_buffer_kills_the_child() {
    let opts = ExecOptions {
        max_buffer: 4,
        ..Default::default()
    };
    let e = exec_file("echo", &["hello world".into()], opts)
        .await
        .unwrap_err();
    assert_eq!(e.code(), "ERR_CHILD_PROCESS_STDIO_MAXBUFFER");
    assert_eq!(e.to_string(), "stdout maxBuffer length exceeded");
}

#[tokio::test(flavor = "current_thread")]
async fn exec_bad_cwd_names_the_shell() {
    let mut opts = ExecOptions::default();
    opts.spawn.cwd = Some("/nonexistent-dir-xyz".into());
    let e = exec("true", opts).await.unwrap_err();
    assert_eq!(e.to_string(), "spawn /bin/sh ENOENT");
}
