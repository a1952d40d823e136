//! zlib binding behaviour the conformance goldens cannot pin down: the work runs off the JS
//! thread, and handles closed or abandoned mid-write end cleanly.

mod common;
use common::nrt;

#[test]
fn callback_work_runs_off_the_js_thread() {
    // 8 MiB takes tens of milliseconds to compress: the loop turns meanwhile, so the
    // immediate runs first (node runs it first too).
    let script = "const zlib = require('zlib');
const data = Buffer.alloc(8 << 20, 'abcdefgh');
zlib.gzip(data, (err, out) => {
  console.log('gzip', err, zlib.gunzipSync(out).length);
});
setImmediate(() => console.log('immediate'));";
    let r = nrt(&["-e", script]);
    assert_eq!(r.stdout, "immediate\ngzip null 8388608\n", "{}", r.stderr);
    assert_eq!(r.code, 0);
}

#[test]
fn streams_closed_or_abandoned_mid_write_exit_cleanly() {
    // One stream is closed while its write is on the blocking pool, another is left with a
    // write in flight when the program ends; neither may leak into the exit (QuickJS
    // aborts on a leaked JS value).
    let script = "const zlib = require('zlib');
const a = zlib.createDeflate();
a.write(Buffer.alloc(4 << 20, 'x'));
a.close(() => console.log('closed', a.destroyed));
const b = zlib.createGzip();
b.write(Buffer.alloc(1 << 20, 'y'), () => console.log('written'));";
    let r = nrt(&["-e", script]);
    // As node: the close completes at once, the other write when its work is back.
    assert_eq!(r.stdout, "closed true\nwritten\n", "{}", r.stderr);
    assert_eq!(r.code, 0, "{}", r.stderr);
}

#[test]
fn sync_forms_reject_bad_input_without_panicking() {
    let script = "const zlib = require('zlib');
for (const f of ['inflateSync', 'gunzipSync', 'inflateRawSync', 'unzipSync', 'brotliDecompressSync']) {
  for (const input of [Buffer.alloc(0), Buffer.from([0x1f, 0x8b, 8, 0xff]), Buffer.alloc(64, 0xff)]) {
    try { zlib[f](input); console.log(f, 'ok'); } catch (e) { console.log(f, e.code); }
  }
}";
    let r = nrt(&["-e", script]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(r.stdout.lines().count(), 15, "{}", r.stdout);
    assert!(!r.stdout.contains("undefined"), "{}", r.stdout);
}
