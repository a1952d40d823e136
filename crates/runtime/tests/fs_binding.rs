//! The fs binding (fs.js over node-fs): what the conformance goldens cannot show, such as
//! the APIs nrt does not have yet and callbacks surviving garbage collection.

mod common;
use common::{nrt, nrt_in};

fn eval(src: &str) -> String {
    let r = nrt(&["-e", src]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    r.stdout
}

#[test]
fn unbound_apis_throw_not_implemented() {
    let out = eval(
        "const fs = require('fs');
         try { fs.cpSync('a', 'b', { filter: () => true }); } catch (e) { console.log(e.code, e.message); }",
    );
    assert_eq!(
        out,
        "ERR_NOT_IMPLEMENTED fs.cp with a filter is not implemented in nrt yet\n"
    );
}

#[test]
fn watchers_survive_gc_and_unwatched_ones_let_the_loop_end() {
    let dir = tempfile::tempdir().expect("tempdir");
    // Only the watcher and the StatWatcher hold their listeners; after gc() they still fire.
    let src = "const fs = require('fs');
         fs.watch('.', (type, name) => { console.log('watch', type, name); fs.unwatchFile('late'); })
           .on('change', function () { this.close(); });
         fs.watchFile('late', { interval: 5 }, (curr) => {
           console.log('watchFile', curr.size);
           fs.writeFileSync('new', '');
         });
         gc();
         process.on('exit', () => console.log('exit'));";
    let r = nrt_in(dir.path(), &["--expose-gc", "-e", src], "");
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(r.stdout, "watchFile 0\nwatch rename new\nexit\n");
}

#[test]
fn callbacks_survive_gc_and_run_after_sync_code() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(dir.path().join("data.txt"), "payload").expect("fixture");
    let src = "const fs = require('fs');
         let n = 0;
         for (let i = 0; i < 50; i++) {
           fs.readFile('data.txt', 'utf8', (err, d) => { if (!err && d === 'payload') n++; });
         }
         gc();
         process.on('exit', () => console.log('done', n));
         console.log('sync');";
    let r = nrt_in(dir.path(), &["--expose-gc", "-e", src], "");
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(r.stdout, "sync\ndone 50\n");
}

#[test]
fn uncaught_async_error_prints_like_node() {
    let r = nrt(&[
        "-e",
        "require('fs').stat('/nonexistent-nrt', (err) => { throw err; });",
    ]);
    assert_eq!(r.code, 1);
    assert!(
        r.stderr
            .contains("Error: ENOENT: no such file or directory, stat '/nonexistent-nrt'"),
        "{}",
        r.stderr
    );
    assert!(r.stderr.contains("syscall: 'stat'"), "{}", r.stderr);
}

#[test]
fn system_errors_inspect_like_node() {
    // Recorded from node v20: SystemError shows its errno/syscall/path getters' values.
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::create_dir(dir.path().join("sd")).expect("fixture");
    let src = "const fs = require('fs');
         for (const f of [() => fs.rmSync('sd'), () => fs.cpSync('sd', 'sd2')]) {
           try { f(); } catch (e) {
             e.stack = e.stack.split('\\n')[0];
             console.log(e, String(e));
           }
         }";
    let r = nrt_in(dir.path(), &["-e", src], "");
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(
        r.stdout,
        "[SystemError [ERR_FS_EISDIR]: Path is a directory: rm returned EISDIR (is a directory) sd] {
  code: 'ERR_FS_EISDIR',
  info: {
    code: 'EISDIR',
    message: 'is a directory',
    path: 'sd',
    syscall: 'rm',
    errno: 21
  },
  errno: [Getter/Setter: 21],
  syscall: [Getter/Setter: 'rm'],
  path: [Getter/Setter: 'sd']
} SystemError [ERR_FS_EISDIR]: Path is a directory: rm returned EISDIR (is a directory) sd
[SystemError [ERR_FS_EISDIR]: Path is a directory: cp returned EISDIR (sd is a directory (not copied)) sd] {
  code: 'ERR_FS_EISDIR',
  info: {
    message: 'sd is a directory (not copied)',
    path: 'sd',
    syscall: 'cp',
    errno: 22,
    code: 'EISDIR'
  },
  errno: [Getter/Setter: 22],
  syscall: [Getter/Setter: 'cp'],
  path: [Getter/Setter: 'sd']
} SystemError [ERR_FS_EISDIR]: Path is a directory: cp returned EISDIR (sd is a directory (not copied)) sd
"
    );
}
