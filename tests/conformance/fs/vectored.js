// readv/writev (sync, callback, util.promisify, FileHandle) and their argument checks.
const fs = require('fs');
const util = require('util');
const tmp = fs.mkdtempSync((process.env.TMPDIR || '/tmp') + '/nrt-fs-');
const f = tmp + '/v.txt';
const fd = fs.openSync(f, 'w+');
console.log(fs.writevSync(fd, [new Uint8Array([97, 98]), new Uint8Array([99])]));
console.log(fs.writevSync(fd, [new Uint8Array([120])], 0));
const a = new Uint8Array(1);
const b = new Uint8Array(5);
console.log(fs.readvSync(fd, [a, b], 0), Array.from(a), Array.from(b));
console.log(fs.readvSync(fd, [new Uint8Array(2)]));
for (const f2 of [() => fs.readvSync(fd, 'x'), () => fs.writevSync(fd, [1]), () => fs.readvSync('1', [])]) {
  try {
    f2();
  } catch (e) {
    console.log(e.code, e.message);
  }
}
fs.writev(fd, [new Uint8Array([100]), new Uint8Array([101, 102])], (...x) => {
  console.log('writev', x.length, x[0], x[1], x[2].length);
  fs.readv(fd, [new Uint8Array(2), new Uint8Array(10)], 0, async (...y) => {
    console.log('readv', y.length, y[0], y[1], Array.from(y[2][0]));
    const r = await util.promisify(fs.readv)(fd, [new Uint8Array(3)], 1);
    console.log(r.bytesRead, Array.from(r.buffers[0]), Object.keys(r));
    const w = await util.promisify(fs.writev)(fd, [new Uint8Array([33])], 6);
    console.log(w.bytesWritten, Object.keys(w));
    fs.closeSync(fd);
    const fh = await fs.promises.open(f, 'r+');
    const hr = await fh.readv([new Uint8Array(4)], 0);
    console.log(hr.bytesRead, Array.from(hr.buffers[0]), Object.getPrototypeOf(hr) === null);
    const hw = await fh.writev([new Uint8Array([63])], 0);
    console.log(hw.bytesWritten, Object.getPrototypeOf(hw) === null);
    await fh.close();
    console.log(fs.readFileSync(f, 'utf8'));
    fs.rmSync(tmp, { recursive: true });
  });
});
