//! `os` values that depend on the environment, and the options nrt does not support.

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
fn user_info_buffer_encoding_is_not_implemented() {
    let dir = tempfile::tempdir().expect("tempdir");
    let script = "const os = require('os');
try { os.userInfo({ encoding: 'buffer' }); } catch (e) { console.log(e.code); }
console.log(os.userInfo().uid === process.getuid(), os.homedir().length > 0);";
    let r = nrt_in(dir.path(), &["-e", script], "");
    assert_eq!(r.stdout, "ERR_NOT_IMPLEMENTED\ntrue true\n", "{}", r.stderr);
}
