// fs/promises and fs.promises: results, rejections with node's error properties,
// validation errors as rejections.
const fs = require('fs');
const fsp = require('fs/promises');
const rel = (s) => (typeof s === 'string' ? s.split(tmp).join('<tmp>') : s);
let tmp;
function show(label, e) {
  console.log(label, e.name, e.code, rel(e.message), e.errno, e.syscall, rel(e.path), rel(e.dest));
}
(async () => {
  console.log(fs.promises === fsp, require('node:fs/promises') === fsp, require('node:fs') === fs);
  console.log(fsp.constants === fs.constants);
  tmp = await fsp.mkdtemp((process.env.TMPDIR || '/tmp') + '/nrt-fs-');
  console.log(await fsp.writeFile(tmp + '/a.txt', 'one'));
  console.log(await fsp.appendFile(tmp + '/a.txt', new Uint8Array([50])));
  console.log(await fsp.readFile(tmp + '/a.txt', 'utf8'));
  console.log(await fsp.readFile(tmp + '/a.txt', { encoding: 'hex' }));
  const bytes = await fsp.readFile(tmp + '/a.txt');
  console.log(bytes instanceof Uint8Array, bytes.length);
  const st = await fsp.stat(tmp + '/a.txt');
  console.log(st.constructor.name, st.size, st.isFile(), st.mtime instanceof Date);
  console.log((await fsp.lstat(tmp)).isDirectory());
  console.log(rel(await fsp.mkdir(tmp + '/x/y', { recursive: true })), await fsp.mkdir(tmp + '/z'));
  console.log(await fsp.readdir(tmp));
  console.log((await fsp.readdir(tmp, { withFileTypes: true })).map((d) => d.name + (d.isFile() ? ':f' : ':d')));
  console.log(await fsp.copyFile(tmp + '/a.txt', tmp + '/b.txt'), await fsp.rename(tmp + '/b.txt', tmp + '/c.txt'));
  console.log(await fsp.access(tmp + '/c.txt'), await fsp.chmod(tmp + '/c.txt', 0o644));
  console.log(await fsp.symlink('c.txt', tmp + '/l'), await fsp.readlink(tmp + '/l'));
  console.log(rel(await fsp.realpath(tmp + '/l')) === rel(fs.realpathSync(tmp + '/c.txt')));
  console.log(await fsp.truncate(tmp + '/c.txt', 2), await fsp.readFile(tmp + '/c.txt', 'utf8'));
  console.log(await fsp.unlink(tmp + '/l'), await fsp.rmdir(tmp + '/z'));
  for (const [label, p] of [
    ['readFile', () => fsp.readFile(tmp + '/none')],
    ['writeFile', () => fsp.writeFile(tmp + '/a.txt', 'x', { flag: 'wx' })],
    ['stat', () => fsp.stat(tmp + '/none')],
    ['mkdir', () => fsp.mkdir(tmp + '/x')],
    ['readdir', () => fsp.readdir(tmp + '/a.txt')],
    ['rm', () => fsp.rm(tmp + '/x')],
    ['rmdir', () => fsp.rmdir(tmp + '/x')],
    ['unlink', () => fsp.unlink(tmp + '/none')],
    ['rename', () => fsp.rename(tmp + '/none', tmp + '/n2')],
    ['copyFile', () => fsp.copyFile(tmp + '/none', tmp + '/n2')],
    ['access', () => fsp.access(tmp + '/none')],
    ['readFile type', () => fsp.readFile(42)],
    ['readFile enc', () => fsp.readFile(tmp + '/a.txt', 'nope')],
  ]) {
    const r = p();
    console.log(label, r instanceof Promise);
    try {
      await r;
      console.log('resolved?');
    } catch (e) {
      show(label, e);
    }
  }
  await fsp.rm(tmp, { recursive: true, force: true });
  console.log(fs.existsSync(tmp));
})();
