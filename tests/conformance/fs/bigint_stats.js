// { bigint: true } stats in every form: BigIntStats with bigint fields, *Ns times, Dates.
const fs = require('fs');
const fsp = require('fs/promises');
const os = require('os');
const path = require('path');

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nrt-bigint-'));
const file = path.join(dir, 'f.txt');
fs.writeFileSync(file, 'hello');
fs.utimesSync(file, 1700000000.123, 1700000001.5);
fs.symlinkSync(file, path.join(dir, 'link'));

function show(label, s) {
  console.log(label, s.constructor.name, Object.keys(s).join(','));
  console.log('  types', [...new Set(Object.keys(s).map((k) => typeof s[k]))].join(','));
  console.log('  size', s.size, 'mode', s.mode & 0o777n, 'nlink', s.nlink);
  if (s.isFile()) {
    console.log('  atimeMs', s.atimeMs, 'atimeNs', s.atimeNs, 'atime', s.atime.toISOString());
    console.log('  mtimeMs', s.mtimeMs, 'mtimeNs', s.mtimeNs, 'mtime', s.mtime.toISOString());
  }
  console.log('  isFile', s.isFile(), 'isDirectory', s.isDirectory(), 'isSymbolicLink', s.isSymbolicLink());
  console.log('  ctime>=mtime', s.ctimeNs >= s.mtimeNs, 'ctimeMs', s.ctimeMs === s.ctimeNs / 1000000n);
}

fs.chmodSync(file, 0o640);
show('statSync', fs.statSync(file, { bigint: true }));
show('lstatSync', fs.lstatSync(path.join(dir, 'link'), { bigint: true }));
const fd = fs.openSync(file, 'r');
show('fstatSync', fs.fstatSync(fd, { bigint: true }));
fs.closeSync(fd);
show('dir', fs.statSync(dir, { bigint: true }));
console.log('plain', fs.statSync(file, { bigint: false }).constructor.name, typeof fs.statSync(file).size);
console.log('missing', fs.statSync(path.join(dir, 'none'), { bigint: true, throwIfNoEntry: false }));
try {
  fs.statSync(path.join(dir, 'none'), { bigint: true });
} catch (e) {
  console.log(e.code, e.syscall);
}

fs.stat(file, { bigint: true }, (err, s) => {
  show('stat cb', s);
  fs.lstat(path.join(dir, 'link'), { bigint: true }, (err2, l) => {
    show('lstat cb', l);
    const fd2 = fs.openSync(file, 'r');
    fs.fstat(fd2, { bigint: true }, async (err3, f) => {
      show('fstat cb', f);
      fs.closeSync(fd2);
      show('promises.stat', await fsp.stat(file, { bigint: true }));
      show('promises.lstat', await fsp.lstat(path.join(dir, 'link'), { bigint: true }));
      const h = await fsp.open(file);
      show('FileHandle.stat', await h.stat({ bigint: true }));
      console.log('FileHandle plain', (await h.stat()).constructor.name);
      await h.close();
      fs.rmSync(dir, { recursive: true });
    });
  });
});
