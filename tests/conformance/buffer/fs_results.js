// fs reads return Buffers (readFile in every form, encodings, readdir/realpath as buffers, fs.read without a buffer).
const fs = require('fs');
const os = require('os');
const path = require('path');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bt-'));
const f = path.join(dir, 'a.txt');
fs.writeFileSync(f, 'héllo');
const b = fs.readFileSync(f);
console.log(b, Buffer.isBuffer(b), fs.readFileSync(f, 'hex'), fs.readFileSync(f, 'latin1'), fs.readFileSync(f, { encoding: 'base64' }));
fs.writeFileSync(f, 'aGk=', 'base64'); console.log(fs.readFileSync(f, 'utf8'));
fs.writeFileSync(f, Buffer.from('buf')); console.log(fs.readFileSync(f));
console.log(fs.readdirSync(dir, 'buffer'), fs.readdirSync(dir, { encoding: 'hex' }));
const fd = fs.openSync(f, 'r'); console.log(fs.readFileSync(fd)); fs.closeSync(fd);
fs.readFile(f, (err, d) => {
  console.log('cb', d, Buffer.isBuffer(d));
  fs.promises.readFile(f).then(async (d2) => {
    console.log('promise', d2, Buffer.isBuffer(d2));
    const h = await fs.promises.open(f);
    const r = await h.read();
    console.log('handle read', r.bytesRead, Buffer.isBuffer(r.buffer), r.buffer.length);
    console.log('handle readFile', await h.readFile());
    await h.close();
    fs.read(fs.openSync(f), (e, n, buf) => { console.log('fs.read', n, Buffer.isBuffer(buf), buf.length); fs.rmSync(dir, { recursive: true }); });
  });
});
console.log(fs.realpathSync(dir, 'buffer') instanceof Buffer, fs.writeSync(1, 'é\n'));
