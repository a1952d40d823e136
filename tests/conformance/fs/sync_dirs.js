// mkdirSync/readdirSync/rmSync/rmdirSync/unlinkSync/renameSync/copyFileSync/accessSync.
const fs = require('fs');
const tmp = fs.mkdtempSync((process.env.TMPDIR || '/tmp') + '/nrt-fs-');
const rel = (s) => (typeof s === 'string' ? s.split(tmp).join('<tmp>') : s);
function attempt(f) {
  try {
    console.log('ok', rel(f()));
  } catch (e) {
    console.log(e.name, e.code, rel(e.message), e.errno, e.syscall, rel(e.path), rel(e.dest));
  }
}
attempt(() => fs.mkdirSync(tmp + '/d'));
attempt(() => fs.mkdirSync(tmp + '/d'));
attempt(() => fs.mkdirSync(tmp + '/d', { recursive: true }));
attempt(() => fs.mkdirSync(tmp + '/r/s/t', { recursive: true }));
attempt(() => fs.mkdirSync(tmp + '/x/y'));
attempt(() => fs.mkdirSync(tmp + '/m', 0o700));
console.log((fs.statSync(tmp + '/m').mode & 0o777).toString(8));
attempt(() => fs.mkdirSync(tmp + '/q', { recursive: 'yes' }));
fs.writeFileSync(tmp + '/d/b.txt', 'b');
fs.writeFileSync(tmp + '/d/a.txt', 'a');
fs.mkdirSync(tmp + '/d/sub');
fs.writeFileSync(tmp + '/d/sub/c.txt', 'c');
console.log(fs.readdirSync(tmp + '/d'));
console.log(fs.readdirSync(tmp + '/d', { recursive: true }).sort());
for (const d of fs.readdirSync(tmp + '/d', { withFileTypes: true })) {
  console.log(d.constructor.name, d.name, rel(d.parentPath), rel(d.path), d.isFile(), d.isDirectory(),
    d.isSymbolicLink(), d.isFIFO(), d.isSocket(), d.isBlockDevice(), d.isCharacterDevice());
}
console.log(fs.readdirSync(tmp + '/d', { withFileTypes: true })[0] instanceof fs.Dirent);
attempt(() => fs.readdirSync(tmp + '/nope'));
attempt(() => fs.readdirSync(tmp + '/d/a.txt'));
attempt(() => fs.accessSync(tmp + '/d/a.txt'));
attempt(() => fs.accessSync(tmp + '/d/a.txt', fs.constants.R_OK | fs.constants.W_OK));
attempt(() => fs.accessSync(tmp + '/d/none'));
attempt(() => fs.copyFileSync(tmp + '/d/a.txt', tmp + '/d/copy.txt'));
console.log(fs.readFileSync(tmp + '/d/copy.txt', 'utf8'));
attempt(() => fs.copyFileSync(tmp + '/d/b.txt', tmp + '/d/copy.txt', fs.constants.COPYFILE_EXCL));
attempt(() => fs.copyFileSync(tmp + '/d/none', tmp + '/d/copy2.txt'));
attempt(() => fs.renameSync(tmp + '/d/copy.txt', tmp + '/d/moved.txt'));
console.log(fs.existsSync(tmp + '/d/copy.txt'), fs.readFileSync(tmp + '/d/moved.txt', 'utf8'));
attempt(() => fs.renameSync(tmp + '/d/none', tmp + '/d/x'));
attempt(() => fs.unlinkSync(tmp + '/d/moved.txt'));
attempt(() => fs.unlinkSync(tmp + '/d/moved.txt'));
attempt(() => fs.unlinkSync(tmp + '/d/sub'));
attempt(() => fs.rmdirSync(tmp + '/d/sub'));
attempt(() => fs.rmdirSync(tmp + '/d/a.txt'));
attempt(() => fs.rmdirSync(tmp + '/none'));
attempt(() => fs.rmSync(tmp + '/d/sub'));
attempt(() => fs.rmSync(tmp + '/none'));
attempt(() => fs.rmSync(tmp + '/none', { force: true }));
attempt(() => fs.rmSync(tmp + '/d/b.txt'));
attempt(() => fs.rmSync(tmp + '/d', { recursive: true }));
console.log(fs.readdirSync(tmp));
attempt(() => fs.rmSync(tmp + '/r', { recursive: true, force: true }));
attempt(() => fs.rmSync(tmp, { recursive: 1 }));
fs.rmSync(tmp, { recursive: true });
console.log(fs.existsSync(tmp));
