//! spawn: pipes, exit status, signals, errors, options.

use node_child_process::{spawn, SpawnOptions, Stdio};
use tokio::io::{AsyncReadExt, AsyncWriteExt};

fn s(v: &[&str]) -> Vec<String> {
    v.iter().map(|x| x.to_string()).collect()
}

#[tokio::test(flavor = "current_thread")]
async fn stdin_to_stdout_through_cat() {
    let mut child = spawn("cat", &[], SpawnOptions::default()).unwrap();
    let mut stdin = child.take_stdin().unwrap();
    stdin.write_all(b"hello").await.unwrap();
    drop(stdin);
    let mut out = String::new();
    child
        .take_stdout()
        .unwrap()
        .read_to_string(&mut out)
        .await
        .unwrap();
    assert_eq!(out, "hello");
    let st = child.wait().await.unwrap();
    assert_eq!(st.code(), Some(0));
    assert!(child.pid() > 0);
}

#[tokio::test(flavor = "current_thread")]
async fn exit_code_and_signal() {
    let mut c = spawn("sh", &s(&["-c", "exit 7"]), SpawnOptions::default()).unwrap();
    assert_eq!(c.wait().await.unwrap().code(), Some(7));
    let mut c = spawn("sleep", &s(&["10"]), SpawnOptions::default()).unwrap();
    assert!(c.kill(libc::SIGKILL));
    assert!(c.killed());
    let st = c.wait().await.unwrap();
    assert_eq!((st.code(), st.signal_name()), (None, Some("SIGKILL")));
    assert!(!c.kill(libc::SIGTERM));
}

#[tokio::test(flavor = "current_thread")]
async fn spawn_errors_are_nodes() {
    let e = spawn("nonexistent-xyz", &s(&["a"]), SpawnOptions::default()).unwrap_err();
    assert_eq!(e.code(), "ENOENT");
    assert_eq!(e.errno(), Some(-2));
    assert_eq!(e.to_string(), "spawn nonexistent-xyz ENOENT");
    let e = spawn("/etc/passwd", &[], SpawnOptions::default()).unwrap_err();
    assert_eq!(e.code(), "EACCES");
    let opts = SpawnOptions {
        cwd: Some("/nonexistent-dir-xyz".into()),
        ..Default::default()
    };
    let e = spawn("true", &[], opts).unwrap_err();
    assert_eq!(e.to_string(), "spawn true ENOENT");
}

#[tokio::test(flavor = "current_thread")]
async fn cwd_env_argv0_shell() {
    let opts = SpawnOptions {
        cwd: Some("/".into()),
        env: Some(vec![
            ("FOO".into(), "bar".into()),
            ("PATH".into(), std::env::var_os("PATH").unwrap()),
        ]),
        shell: Some("/bin/sh".into()),
        ..Default::default()
    };
    let mut c = spawn("echo", &s(&["$FOO", "$(pwd)", "$0"]), opts).unwrap();
    assert_eq!(c.spawnfile(), "/bin/sh");
    assert_eq!(
        c.spawnargs(),
        &s(&["/bin/sh", "-c", "echo $FOO $(pwd) $0"])[..]
    );
    let mut out = String::new();
    c.take_stdout()
        .unwrap()
        .read_to_string(&mut out)
        .await
        .unwrap();
    assert_eq!(out, "bar / /bin/sh\n");
    c.wait().await.unwrap();
}

#[tokio::test(flavor = "current_thread")]
async fn ignore_and_extra_pipe() {
    let opts = SpawnOptions {
        stdio: vec![Stdio::Ignore, Stdio::Ignore, Stdio::Ignore, Stdio::Pipe],
        ..Default::default()
    };
    let mut c = spawn("sh", &s(&["-c", "echo three >&3"]), opts).unwrap();
    assert!(c.take_stdout().is_none());
    let mut out = String::new();
    c.take_stdio(3)
        .unwrap()
        .read_to_string(&mut out)
        .await
        .unwrap();
    assert_eq!(out, "three\n");
    c.wait().await.unwrap();
}

#[tokio::test(flavor = "current_thread")]
async fn timeout_sends_kill_signal() {
    let opts = SpawnOptions {
        timeout: Some(std::time::Duration::from_millis(50)),
        kill_signal: libc::SIGINT,
        ..Default::default()
    };
    let mut c = spawn("sleep", &s(&["10"]), opts).unwrap();
    assert_eq!(c.wait().await.unwrap().signal_name(), Some("SIGINT"));
}

#[tokio::test(flavor = "current_thread")]
async fn detached_child_leads_its_session() {
    let opts = SpawnOptions {
        detached: true,
        ..Default::default()
    };
    let mut c = spawn(
        "sh",
        &s(&["-c", "ps -o sid= -p $$ 2>/dev/null || echo none"]),
        opts,
    )
    .unwrap();
    let mut out = String::new();
    c.take_stdout()
        .unwrap()
        .read_to_string(&mut out)
        .await
        .unwrap();
    let pid = c.pid().to_string();
    c.wait().await.unwrap();
    let got = out.trim();
    assert!(got == pid || got == "none", "sid {got} pid {pid}");
}
