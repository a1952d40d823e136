// statSync/lstatSync (Stats), symlinkSync/readlinkSync/realpathSync, chmodSync.
const fs = require('fs');
const tmp = fs.realpathSync(fs.mkdtempSync((process.env.TMPDIR || '/tmp') + '/nrt-fs-'));
const rel = (s) => (typeof s === 'string' ? s.split(tmp).join('<tmp>') : s);
function attempt(f) {
  try {
    console.log('ok', rel(f()));
  } catch (e) {
    console.log(e.name, e.code, rel(e.message), e.errno, e.syscall, rel(e.path), rel(e.dest));
  }
}
const f = tmp + '/file.txt';
fs.writeFileSync(f, '12345');
const st = fs.statSync(f);
console.log(st.constructor.name, st instanceof fs.Stats, Object.keys(st).join(','));
console.log(st.size, st.isFile(), st.isDirectory(), st.isSymbolicLink(), st.isFIFO(), st.isSocket(),
  st.isBlockDevice(), st.isCharacterDevice(), st.nlink);
console.log(st.mtime instanceof Date, typeof st.mtimeMs, st.mtime.getTime() === Math.round(st.mtimeMs));
console.log(typeof st.dev, typeof st.ino, typeof st.mode, typeof st.blksize, typeof st.blocks);
console.log(Math.abs(st.mtimeMs - Date.now()) < 60000);
const ds = fs.statSync(tmp);
console.log(ds.isDirectory(), ds.isFile());
attempt(() => fs.symlinkSync('file.txt', tmp + '/link'));
attempt(() => fs.symlinkSync('file.txt', tmp + '/link'));
console.log(fs.lstatSync(tmp + '/link').isSymbolicLink(), fs.statSync(tmp + '/link').isSymbolicLink());
console.log(fs.statSync(tmp + '/link').size, fs.lstatSync(tmp + '/link').size);
attempt(() => fs.readlinkSync(tmp + '/link'));
attempt(() => fs.readlinkSync(f));
attempt(() => fs.realpathSync(tmp + '/link'));
attempt(() => fs.realpathSync(tmp + '/./link/'));
attempt(() => fs.realpathSync(tmp + '/missing'));
attempt(() => fs.statSync(tmp + '/missing'));
attempt(() => fs.lstatSync(tmp + '/missing'));
attempt(() => fs.statSync(f + '/sub'));
attempt(() => fs.symlinkSync('nowhere', tmp + '/dangling'));
console.log(fs.existsSync(tmp + '/dangling'), fs.lstatSync(tmp + '/dangling').isSymbolicLink());
attempt(() => fs.statSync(tmp + '/dangling'));
attempt(() => fs.chmodSync(f, 0o640));
console.log((fs.statSync(f).mode & 0o777).toString(8));
attempt(() => fs.chmodSync(f, '755'));
console.log((fs.statSync(f).mode & 0o777).toString(8));
attempt(() => fs.chmodSync(f, 'abc'));
attempt(() => fs.chmodSync(tmp + '/missing', 0o600));
attempt(() => fs.chmodSync(f));
attempt(() => fs.statSync());
attempt(() => fs.statSync(12));
fs.rmSync(tmp, { recursive: true });
console.log(fs.existsSync(tmp));
const t2 = fs.mkdtempSync((process.env.TMPDIR || '/tmp') + '/nrt-fs-');
fs.writeFileSync(t2 + '/f', '');
fs.symlinkSync('f', t2 + '/l');
console.log(typeof fs.realpathSync.native, typeof fs.realpath.native, JSON.stringify(fs.realpathSync.native.name));
console.log(fs.realpathSync.native(t2 + '/l') === fs.realpathSync(t2 + '/f'));
try {
  fs.realpathSync.native(t2 + '/missing');
} catch (e) {
  console.log(e.code, e.syscall, e.message.split(t2).join('<tmp>'));
}
fs.realpath.native(t2 + '/l', (err, p) => {
  console.log('native cb', err, p === fs.realpathSync(t2 + '/f'));
  fs.rmSync(t2, { recursive: true });
});
console.log(fs.statSync('missing-file', { throwIfNoEntry: false }));
console.log(fs.lstatSync('missing-dir/x', { throwIfNoEntry: false }));
console.log(fs.statSync('file.txt', { throwIfNoEntry: false }).isFile());
try {
  fs.statSync('missing-file', { throwIfNoEntry: true });
} catch (e) {
  console.log(e.code);
}
