//! `os` values that depend on the environment.

mod common;
use common::nrt_in;

#[test]
fn tmpdir_follows_the_environment() {
    let dir = tempfile::tempdir().expect("tempdir");
    let script = "const os = require('os');
console.log(os.tmpdir());
process.env.TMPDIR = '/var/x/';
console.log(os.tmpdir(), `${os.tmpdir}`);
delete process.env.TMPDIR;
process.env.TMP = '/t';
console.log(os.tmpdir());";
    let r = nrt_in(dir.path(), &["-e", script], "");
    let first = std::env::var("TMPDIR").unwrap_or_else(|_| "/tmp".into());
    let first = if first.len() > 1 {
        first.trim_end_matches('/').to_string()
    } else {
        first
    };
    assert_eq!(
        r.stdout,
        format!("{first}\n/var/x /var/x\n/t\n"),
        "{}",
        r.stderr
    );
}

#[test]
fn user_info_buffer_encoding_gives_buffers() {
    let dir = tempfile::tempdir().expect("tempdir");
    let script = "const os = require('os');
const b = os.userInfo({ encoding: 'buffer' });
console.log(Buffer.isBuffer(b.username), b.homedir.toString() === os.userInfo().homedir);
console.log(os.userInfo().uid === process.getuid(), os.homedir().length > 0);";
    let r = nrt_in(dir.path(), &["-e", script], "");
    assert_eq!(r.stdout, "true true\ntrue true\n", "{}", r.stderr);
}
