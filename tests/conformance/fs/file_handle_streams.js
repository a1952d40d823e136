// FileHandle.createReadStream / createWriteStream (the stream closes the handle), the
// `fs` option of the stream constructors.
const fs = require('fs');
const fsp = require('fs/promises');
const os = require('os');
const path = require('path');

(async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nrt-fhs-'));
  const file = path.join(dir, 'f.txt');
  fs.writeFileSync(file, 'line one\nline two\nline three\n');

  const h = await fsp.open(file);
  const r = h.createReadStream({ start: 5, end: 12, highWaterMark: 4 });
  console.log('read', typeof r.fd, r.fd === h.fd, r.pending, r.path);
  for (const ev of ['open', 'ready', 'end']) r.on(ev, () => console.log('read', ev));
  const chunks = [];
  r.on('data', (c) => chunks.push(c.toString()));
  await new Promise((resolve) => r.on('close', resolve));
  console.log('read chunks', chunks, 'handle fd', h.fd);

  const wh = await fsp.open(path.join(dir, 'w.txt'), 'w');
  const w = wh.createWriteStream();
  for (const ev of ['open', 'ready', 'finish']) w.on(ev, () => console.log('write', ev));
  w.write('via ');
  w.end('handle');
  await new Promise((resolve) => w.on('close', resolve));
  console.log('write result', fs.readFileSync(path.join(dir, 'w.txt'), 'utf8'), w.bytesWritten, 'handle fd', wh.fd);

  // Closing the handle ends its stream.
  const ch = await fsp.open(file);
  const cs = ch.createReadStream();
  cs.on('close', () => console.log('stream closed with its handle', cs.destroyed));
  await ch.close();
  await new Promise((resolve) => setTimeout(resolve, 10));

  // A custom `fs`: the stream calls its open/read/close.
  const calls = [];
  const custom = {
    open(p, flags, mode, cb) { calls.push(`open ${path.basename(p)} ${flags} ${mode}`); fs.open(p, flags, mode, cb); },
    read(fd, buf, off, len, pos, cb) { calls.push(`read ${off} ${len} ${pos}`); fs.read(fd, buf, off, len, pos, cb); },
    close(fd, cb) { calls.push('close'); fs.close(fd, cb); },
  };
  const cr = fs.createReadStream(file, { fs: custom, start: 0, end: 7 });
  const got = [];
  cr.on('data', (c) => got.push(c.toString()));
  await new Promise((resolve) => cr.on('close', resolve));
  console.log('custom fs', got, calls);

  const wcalls = [];
  const wcustom = {
    open(p, flags, mode, cb) { wcalls.push(`open ${flags}`); fs.open(p, flags, mode, cb); },
    write(fd, buf, off, len, pos, cb) { wcalls.push(`write ${buf.toString()} ${off} ${len} ${pos}`); fs.write(fd, buf, off, len, pos, cb); },
    close(fd, cb) { wcalls.push('close'); fs.close(fd, cb); },
  };
  const cw = fs.createWriteStream(path.join(dir, 'c.txt'), { fs: wcustom });
  cw.write('a');
  await new Promise((resolve) => cw.end('b', resolve));
  await new Promise((resolve) => cw.on('close', resolve));
  console.log('custom write fs', wcalls, fs.readFileSync(path.join(dir, 'c.txt'), 'utf8'));

  fs.rmSync(dir, { recursive: true });
})();
