// opendirSync/opendir/fsPromises.opendir and Dir: readSync, read (callback and promise),
// async iteration, close, ERR_DIR_CLOSED.
const fs = require('fs');
const tmp = fs.mkdtempSync((process.env.TMPDIR || '/tmp') + '/nrt-fs-');
const rel = (s) => (typeof s === 'string' ? s.split(tmp).join('<tmp>') : s);
for (const n of ['a', 'b', 'c']) fs.writeFileSync(`${tmp}/${n}`, n);
fs.mkdirSync(tmp + '/sub');
const names = [];
const d = fs.opendirSync(tmp);
console.log(d.constructor.name, d instanceof fs.Dir, rel(d.path));
let e;
while ((e = d.readSync()) !== null) names.push(`${e.name}:${e.isDirectory()}:${rel(e.parentPath)}`);
console.log(names.sort());
console.log(d.readSync());
d.closeSync();
for (const f of [() => d.readSync(), () => d.closeSync()]) {
  try {
    f();
  } catch (err) {
    console.log(err.name, err.code, err.message);
  }
}
try {
  fs.opendirSync(tmp + '/none');
} catch (err) {
  console.log(err.code, err.syscall, err.message, rel(err.path));
}
try {
  fs.opendirSync(tmp, { bufferSize: 0 });
} catch (err) {
  console.log(err.code, err.message);
}
fs.opendir(tmp, (err, dir) => {
  console.log('opendir', err, dir instanceof fs.Dir);
  dir.read((err, ent) => {
    console.log('read', err, ent instanceof fs.Dirent);
    dir.close((...a) => {
      console.log('close', a.length, a[0]);
      dir.close((err2) => {
        console.log('close again', err2.code);
        next();
      });
    });
  });
});
async function next() {
  const dir = await fs.promises.opendir(tmp);
  const seen = [];
  for await (const ent of dir) seen.push(ent.name);
  console.log('iterated', seen.sort());
  await dir.close().catch((err) => console.log('closed by iteration', err.code));
  const dir2 = await fs.promises.opendir(tmp, { bufferSize: 2 });
  console.log((await dir2.read()) !== null);
  console.log(await dir2.close());
  fs.opendir(tmp + '/none', (err) => {
    console.log('opendir missing', err.code, rel(err.message), rel(err.path), err.syscall, err.errno);
    fs.rmSync(tmp, { recursive: true });
    console.log(fs.existsSync(tmp));
  });
}
