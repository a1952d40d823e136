// fs.statfs in every form, writeFile/appendFile's flush option, lchmod on Linux.
const fs = require('fs');
const fsp = require('fs/promises');
const os = require('os');
const path = require('path');

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nrt-statfs-'));

function show(label, s) {
  const keys = Object.keys(s);
  console.log(label, s.constructor.name, keys.join(','), [...new Set(keys.map((k) => typeof s[k]))].join(','));
  console.log('  sane', s.bsize > 0, s.bfree <= s.blocks, s.bavail <= s.blocks, s.ffree <= s.files);
}
show('statfsSync', fs.statfsSync(dir));
show('statfsSync bigint', fs.statfsSync(dir, { bigint: true }));
try {
  fs.statfsSync(path.join(dir, 'missing'));
} catch (e) {
  console.log(e.message.replace(dir, '<dir>'), e.code, e.errno, e.syscall, Object.keys(e).join(','));
}
try {
  fs.statfsSync(42);
} catch (e) {
  console.log(e.name, e.code, e.message);
}
try {
  fs.statfs(dir);
} catch (e) {
  console.log(e.name, e.code, e.message);
}

console.log('lchmod', fs.lchmod, fs.lchmodSync, 'lchmod' in fs, typeof fs._toUnixTimestamp);
console.log('_toUnixTimestamp', fs._toUnixTimestamp(new Date(1500)), fs._toUnixTimestamp('12'));

const file = path.join(dir, 'f.txt');
fs.writeFileSync(file, 'a', { flush: true });
fs.appendFileSync(file, 'b', { flush: true });
const fd = fs.openSync(file, 'a');
fs.writeFileSync(fd, 'c', { flush: true });
fs.closeSync(fd);
console.log('sync flush', fs.readFileSync(file, 'utf8'));
try {
  fs.writeFileSync(file, 'x', { flush: 'yes' });
} catch (e) {
  console.log(e.code, e.message);
}

fs.statfs(dir, (err, s) => {
  show('statfs cb', s);
  fs.statfs(dir, { bigint: true }, (err2, b) => {
    show('statfs cb bigint', b);
    fs.statfs(path.join(dir, 'missing'), (err3) => {
      console.log('cb error', err3.code, err3.syscall);
      fs.writeFile(file, 'd', { flush: true }, (err4) => {
        fs.appendFile(file, 'e', { flush: true }, async (err5) => {
          console.log('cb flush', err4, err5, fs.readFileSync(file, 'utf8'));
          show('promises.statfs', await fsp.statfs(dir));
          show('promises.statfs bigint', await fsp.statfs(dir, { bigint: true }));
          await fsp.writeFile(file, 'f', { flush: true });
          await fsp.appendFile(file, 'g', { flush: true });
          console.log('promise flush', await fsp.readFile(file, 'utf8'));
          await fsp.lchmod(file, 0o600).catch((e) => console.log(e.name, e.code, e.message));
          fs.rmSync(dir, { recursive: true });
        });
      });
    });
  });
});
