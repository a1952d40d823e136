// util.promisify over the fs callback forms, including fs's custom ones (exists, read, write).
const fs = require('fs');
const util = require('util');
(async () => {
  const tmp = await util.promisify(fs.mkdtemp)((process.env.TMPDIR || '/tmp') + '/nrt-fs-');
  await util.promisify(fs.writeFile)(tmp + '/f', 'promisified');
  console.log(await util.promisify(fs.readFile)(tmp + '/f', 'utf8'));
  console.log((await util.promisify(fs.stat)(tmp + '/f')).size);
  console.log(await util.promisify(fs.exists)(tmp + '/f'), await util.promisify(fs.exists)(tmp + '/none'));
  const fd = await util.promisify(fs.open)(tmp + '/f', 'r+');
  const r = await util.promisify(fs.read)(fd, new Uint8Array(4), 0, 4, 0);
  console.log(r.bytesRead, Array.from(r.buffer), Object.keys(r));
  const w = await util.promisify(fs.write)(fd, 'P', 0);
  console.log(w.bytesWritten, w.buffer, Object.keys(w));
  await util.promisify(fs.close)(fd);
  console.log(await util.promisify(fs.readFile)(tmp + '/f', 'utf8'));
  try {
    await util.promisify(fs.readFile)(tmp + '/none');
  } catch (e) {
    console.log(e.code, e.syscall);
  }
  await util.promisify(fs.rm)(tmp, { recursive: true });
  console.log(fs.existsSync(tmp));
})();
