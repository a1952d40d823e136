// openSync/closeSync/readSync/writeSync/fstatSync/ftruncateSync on raw descriptors.
const fs = require('fs');
const tmp = fs.mkdtempSync((process.env.TMPDIR || '/tmp') + '/nrt-fs-');
const rel = (s) => (typeof s === 'string' ? s.split(tmp).join('<tmp>') : s);
function attempt(f) {
  try {
    console.log('ok', rel(f()));
  } catch (e) {
    console.log(e.name, e.code, rel(e.message), e.errno, e.syscall, rel(e.path));
  }
}
const f = tmp + '/fd.txt';
const fd = fs.openSync(f, 'w+');
console.log(typeof fd, fd > 2);
console.log(fs.writeSync(fd, 'hello '));
console.log(fs.writeSync(fd, new Uint8Array([119, 111, 114, 108, 100])));
console.log(fs.writeSync(fd, new Uint8Array([0, 33, 0]), 1, 1));
console.log(fs.writeSync(fd, 'XY', 0));
console.log(fs.fstatSync(fd).size, fs.fstatSync(fd).isFile());
const buf = new Uint8Array(32);
console.log(fs.readSync(fd, buf, 0, 32, 0), new TextDecoder().decode(buf.subarray(0, 12)));
const small = new Uint8Array(4);
console.log(fs.readSync(fd, small, 1, 3, 2), Array.from(small).join(','));
console.log(fs.readSync(fd, small, { position: 6 }), Array.from(small).join(','));
console.log(fs.readSync(fd, small, 0, 4, 100));
attempt(() => fs.readSync(fd, small, 0, 10, 0));
attempt(() => fs.readSync(fd, small, 5, 1, 0));
attempt(() => fs.readSync(fd, 'str', 0, 1, 0));
attempt(() => fs.ftruncateSync(fd, 5));
console.log(fs.readFileSync(f, 'utf8'));
attempt(() => fs.fsyncSync(fd));
attempt(() => fs.fdatasyncSync(fd));
attempt(() => fs.closeSync(fd));
attempt(() => fs.closeSync(fd));
attempt(() => fs.writeSync(fd, 'x'));
attempt(() => fs.readSync(fd, small, 0, 1, 0));
attempt(() => fs.fstatSync(fd));
attempt(() => fs.closeSync(-1));
attempt(() => fs.closeSync('1'));
attempt(() => fs.closeSync(1.5));
attempt(() => fs.openSync(tmp + '/missing'));
attempt(() => fs.openSync(tmp + '/missing', 'r+'));
attempt(() => fs.openSync(f, 'wx'));
attempt(() => fs.openSync(f, 'bad'));
attempt(() => fs.openSync(f, {}));
const ro = fs.openSync(f, 'r');
attempt(() => fs.writeSync(ro, 'nope'));
fs.closeSync(ro);
const dir = fs.openSync(tmp, 'r');
attempt(() => fs.readSync(dir, small, 0, 1, null));
fs.closeSync(dir);
const ap = fs.openSync(f, fs.constants.O_WRONLY | fs.constants.O_APPEND);
fs.writeSync(ap, '+');
fs.closeSync(ap);
console.log(fs.readFileSync(f, 'utf8'));
fs.rmSync(tmp, { recursive: true });
console.log(fs.existsSync(tmp));
