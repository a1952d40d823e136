//! A child starts with default signal actions even when this process ignores a signal
//! (as libuv resets them). Alone in its file: it changes this test process's SIGINT.

use node_child_process::{exec, Error, ExecOptions};

#[tokio::test(flavor = "current_thread")]
async fn an_ignored_signal_is_default_again_in_the_child() {
    // SAFETY: plain sigaction call; no handler is installed, only SIG_IGN.
    unsafe {
        let mut act: libc::sigaction = std::mem::zeroed();
        act.sa_sigaction = libc::SIG_IGN;
        libc::sigaction(libc::SIGINT, &act, std::ptr::null_mut());
    }
    let e = exec("kill -INT $$; echo survived", ExecOptions::default())
        .await
        .unwrap_err();
    match e {
        Error::CommandFailed { status, stdout, .. } => {
            assert_eq!(status.signal_name(), Some("SIGINT"));
            assert!(stdout.is_empty());
        }
        other => panic!("{other:?}"),
    }
}
