//! `path` against the working directory and the APIs nrt does not have.

mod common;
use common::nrt_in;

#[test]
fn resolve_and_relative_use_process_cwd() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::create_dir(dir.path().join("sub")).expect("mkdir");
    let cwd = dir.path().canonicalize().expect("canonicalize");
    let script = "const path = require('path');
console.log(path.resolve('a', 'b'));
console.log(path.relative('x', path.resolve('..')));
process.chdir('sub');
console.log(path.resolve());
console.log(path.win32.resolve('c') === path.win32.resolve(process.cwd(), 'c'));
process.cwd = () => '/mocked';
console.log(path.resolve('z'), path.resolve('/abs', 'z'));";
    let r = nrt_in(&cwd, &["-e", script], "");
    let c = cwd.display();
    assert_eq!(
        r.stdout,
        format!("{c}/a/b\n../..\n{c}/sub\ntrue\n/mocked/z /abs/z\n"),
        "{}",
        r.stderr
    );
}

#[test]
fn matches_glob_is_not_implemented() {
    let dir = tempfile::tempdir().expect("tempdir");
    let script =
        "try { require('path').matchesGlob('a.js', '*.js'); } catch (e) { console.log(e.code); }
try { require('path').matchesGlob(1, '*.js'); } catch (e) { console.log(e.code); }";
    let r = nrt_in(dir.path(), &["-e", script], "");
    assert_eq!(
        r.stdout, "ERR_NOT_IMPLEMENTED\nERR_INVALID_ARG_TYPE\n",
        "{}",
        r.stderr
    );
}
