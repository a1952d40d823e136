// cpSync/cp/fsPromises.cp, lchownSync/fchownSync (to the same owner), futimesSync/lutimesSync.
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
fs.mkdirSync(tmp + '/src/sub', { recursive: true });
fs.writeFileSync(tmp + '/src/a.txt', 'A');
fs.writeFileSync(tmp + '/src/sub/b.txt', 'B');
attempt(() => fs.cpSync(tmp + '/src/a.txt', tmp + '/a-copy.txt'));
console.log(fs.readFileSync(tmp + '/a-copy.txt', 'utf8'));
attempt(() => fs.cpSync(tmp + '/src', tmp + '/dst'));
attempt(() => fs.cpSync(tmp + '/src', tmp + '/dst', { recursive: true }));
console.log(fs.readdirSync(tmp + '/dst', { recursive: true }).sort());
attempt(() => fs.cpSync(tmp + '/src/a.txt', tmp + '/a-copy.txt', { force: false, errorOnExist: true }));
attempt(() => fs.cpSync(tmp + '/none', tmp + '/x'));
attempt(() => fs.cpSync(tmp + '/src', tmp + '/dst2', { recursive: 'yes' }));
const fd = fs.openSync(tmp + '/src/a.txt', 'r+');
const st = fs.fstatSync(fd);
attempt(() => fs.fchownSync(fd, st.uid, st.gid));
attempt(() => fs.futimesSync(fd, 100, 200));
console.log(fs.fstatSync(fd).atimeMs, fs.fstatSync(fd).mtimeMs);
fs.closeSync(fd);
fs.symlinkSync('a.txt', tmp + '/src/link');
attempt(() => fs.lchownSync(tmp + '/src/link', st.uid, st.gid));
attempt(() => fs.lutimesSync(tmp + '/src/link', 300, 400));
console.log(fs.lstatSync(tmp + '/src/link').mtimeMs, fs.statSync(tmp + '/src/link').mtimeMs);
attempt(() => fs.lutimesSync(tmp + '/none', 1, 1));
fs.cp(tmp + '/src', tmp + '/dst3', { recursive: true }, (...a) => {
  console.log('cp', a.length, a[0], fs.readdirSync(tmp + '/dst3').sort());
  require('fs/promises').cp(tmp + '/none', tmp + '/x').catch((e) => {
    console.log('promises cp', e.code, rel(e.message));
    fs.rmSync(tmp, { recursive: true });
    console.log(fs.existsSync(tmp));
  });
});
