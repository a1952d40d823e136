// fsPromises.open → FileHandle: read/write/readFile/writeFile/appendFile/stat/truncate/close.
const fs = require('fs');
const fsp = require('fs/promises');
const rel = (s) => (typeof s === 'string' ? s.split(tmp).join('<tmp>') : s);
let tmp;
(async () => {
  tmp = await fsp.mkdtemp((process.env.TMPDIR || '/tmp') + '/nrt-fs-');
  const f = tmp + '/h.txt';
  const fh = await fsp.open(f, 'w+');
  console.log(fh.constructor.name, typeof fh.fd, fh.fd > 2);
  console.log(await fh.writeFile('hello world'));
  const w = await fh.write(new Uint8Array([33]), 0, 1, 11);
  console.log(w.bytesWritten, w.buffer instanceof Uint8Array, Object.getPrototypeOf(w));
  const ws = await fh.write('?', 12);
  console.log(ws.bytesWritten, ws.buffer);
  const buf = new Uint8Array(5);
  const r = await fh.read(buf, 0, 5, 0);
  console.log(r.bytesRead, r.buffer === buf, new TextDecoder().decode(buf));
  const r2 = await fh.read({ buffer: new Uint8Array(3), position: 6 });
  console.log(r2.bytesRead, new TextDecoder().decode(r2.buffer));
  console.log((await fh.stat()).size, (await fh.stat()).isFile());
  console.log(await fh.truncate(5), await fh.sync(), await fh.datasync());
  console.log(await fh.appendFile('!'));
  console.log(await fh.close(), fh.fd, await fh.close());
  try {
    await fh.stat();
  } catch (e) {
    console.log(e.message, e.code, e.syscall);
  }
  const rh = await fsp.open(f);
  console.log(await rh.readFile('utf8'));
  console.log(await rh.readFile({ encoding: 'utf8' }));
  await rh.close();
  try {
    await fsp.open(tmp + '/none');
  } catch (e) {
    console.log(e.code, rel(e.message), e.syscall);
  }
  try {
    await fsp.open(f, 'bogus');
  } catch (e) {
    console.log(e.code, e.message);
  }
  await fsp.rm(tmp, { recursive: true });
  console.log(fs.existsSync(tmp));
})();
