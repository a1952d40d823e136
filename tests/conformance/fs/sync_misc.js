// linkSync, truncateSync, utimesSync, mkdtempSync, chownSync (to the same owner), fsync.
const fs = require('fs');
const tmp = fs.mkdtempSync((process.env.TMPDIR || '/tmp') + '/nrt-fs-');
const rel = (s) => (typeof s === 'string' ? s.split(tmp).join('<tmp>') : s);
function attempt(f) {
  try {
    console.log('ok', rel(f()));
  } catch (e) {
    console.log(e.name, e.code, rel(e.message), e.errno, e.syscall, rel(e.path), rel(e.dest));
  }
}
const f = tmp + '/f.txt';
fs.writeFileSync(f, 'abcdef');
attempt(() => fs.linkSync(f, tmp + '/hard'));
console.log(fs.statSync(f).nlink, fs.readFileSync(tmp + '/hard', 'utf8'));
attempt(() => fs.linkSync(f, tmp + '/hard'));
attempt(() => fs.linkSync(tmp + '/none', tmp + '/hard2'));
attempt(() => fs.truncateSync(f, 3));
console.log(fs.readFileSync(f, 'utf8'));
attempt(() => fs.truncateSync(f));
console.log(fs.statSync(f).size);
attempt(() => fs.truncateSync(tmp + '/none'));
attempt(() => fs.truncateSync(f, -1));
attempt(() => fs.utimesSync(f, 1000, new Date(2000000)));
const st = fs.statSync(f);
console.log(st.atimeMs, st.mtimeMs, st.atime.toISOString(), st.mtime.toISOString());
attempt(() => fs.utimesSync(f, '1500', 1600.5));
console.log(fs.statSync(f).atimeMs, fs.statSync(f).mtimeMs);
attempt(() => fs.utimesSync(tmp + '/none', 1, 1));
attempt(() => fs.utimesSync(f, {}, 1));
const st2 = fs.statSync(f);
attempt(() => fs.chownSync(f, st2.uid, st2.gid));
attempt(() => fs.chownSync(tmp + '/none', st2.uid, st2.gid));
attempt(() => fs.chownSync(f, 'a', 1));
const d = fs.mkdtempSync(tmp + '/pre-');
console.log(rel(d).slice(0, 10), d.length - tmp.length, fs.statSync(d).isDirectory());
attempt(() => fs.mkdtempSync(tmp + '/none/pre-'));
attempt(() => fs.mkdtempSync(5));
fs.rmSync(tmp, { recursive: true });
console.log(fs.existsSync(tmp));
