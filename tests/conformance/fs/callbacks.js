// Callback forms: results, node's argument counts, and errors as the first argument.
const fs = require('fs');
const tmp = fs.mkdtempSync((process.env.TMPDIR || '/tmp') + '/nrt-fs-');
const rel = (s) => (typeof s === 'string' ? s.split(tmp).join('<tmp>') : s);
function report(name) {
  return function (err, ...rest) {
    if (err) {
      console.log(name, arguments.length, err.name, err.code, rel(err.message), err.errno, err.syscall, rel(err.path));
    } else {
      console.log(name, arguments.length, err, ...rest.map((v) => (typeof v === 'string' ? rel(v) : v)));
    }
  };
}
const steps = [
  (next) => fs.writeFile(tmp + '/a.txt', 'alpha', (err) => { report('writeFile')(err); next(); }),
  (next) => fs.appendFile(tmp + '/a.txt', '+beta', (err) => { report('appendFile')(err); next(); }),
  (next) => fs.readFile(tmp + '/a.txt', 'utf8', (err, d) => { report('readFile')(err, d); next(); }),
  (next) => fs.readFile(tmp + '/a.txt', (err, d) => { console.log('readFile bytes', err, d instanceof Uint8Array, d.length); next(); }),
  (next) => fs.readFile(tmp + '/none', { encoding: 'utf8' }, (err) => { report('readFile')(err); next(); }),
  (next) => fs.readFile(tmp, (err) => { report('readFile dir')(err); next(); }),
  (next) => fs.writeFile(tmp + '/a.txt', 'x', { flag: 'wx' }, (err) => { report('writeFile wx')(err); next(); }),
  (next) => fs.stat(tmp + '/a.txt', (err, st) => { console.log('stat', err, st.size, st.isFile(), st instanceof fs.Stats); next(); }),
  (next) => fs.lstat(tmp + '/none', (err) => { report('lstat')(err); next(); }),
  (next) => fs.mkdir(tmp + '/d', (...a) => { report('mkdir')(...a); next(); }),
  (next) => fs.mkdir(tmp + '/d', (err) => { report('mkdir again')(err); next(); }),
  (next) => fs.mkdir(tmp + '/d/e/f', { recursive: true }, (...a) => { report('mkdir recursive')(...a); next(); }),
  (next) => fs.readdir(tmp, (err, names) => { console.log('readdir', err, names); next(); }),
  (next) => fs.readdir(tmp, { withFileTypes: true }, (err, ents) => {
    console.log('readdir types', err, ents.map((e) => `${e.name}:${e.isDirectory()}`).join(' '));
    next();
  }),
  (next) => fs.readdir(tmp + '/none', (err) => { report('readdir')(err); next(); }),
  (next) => fs.access(tmp + '/a.txt', (...a) => { report('access')(...a); next(); }),
  (next) => fs.access(tmp + '/none', fs.constants.F_OK, (err) => { report('access')(err); next(); }),
  (next) => fs.exists(tmp + '/a.txt', (...a) => { console.log('exists', a.length, a[0]); next(); }),
  (next) => fs.exists(tmp + '/none', (...a) => { console.log('exists', a.length, a[0]); next(); }),
  (next) => fs.copyFile(tmp + '/a.txt', tmp + '/b.txt', (...a) => { report('copyFile')(...a); next(); }),
  (next) => fs.rename(tmp + '/b.txt', tmp + '/c.txt', (...a) => { report('rename')(...a); next(); }),
  (next) => fs.symlink('c.txt', tmp + '/l', (...a) => { report('symlink')(...a); next(); }),
  (next) => fs.readlink(tmp + '/l', (...a) => { report('readlink')(...a); next(); }),
  (next) => fs.realpath(tmp + '/l', (err, p) => { console.log('realpath', err, p === fs.realpathSync(tmp + '/c.txt')); next(); }),
  (next) => fs.chmod(tmp + '/c.txt', 0o600, (...a) => { report('chmod')(...a); next(); }),
  (next) => fs.unlink(tmp + '/l', (...a) => { report('unlink')(...a); next(); }),
  (next) => fs.unlink(tmp + '/l', (err) => { report('unlink')(err); next(); }),
  (next) => fs.rmdir(tmp + '/d', (err) => { report('rmdir')(err); next(); }),
  (next) => fs.rm(tmp + '/d', (err) => { report('rm')(err); next(); }),
  (next) => fs.rm(tmp + '/d', { recursive: true }, (...a) => { report('rm')(...a); next(); }),
  (next) => fs.open(tmp + '/c.txt', 'r+', (err, fd) => {
    console.log('open', err, typeof fd);
    const buf = new Uint8Array(5);
    fs.read(fd, buf, 0, 5, 0, (err, n, b) => {
      console.log('read', err, n, b === buf, new TextDecoder().decode(buf));
      fs.write(fd, 'Z', 0, (err, n, s) => {
        console.log('write', err, n, s);
        fs.write(fd, new Uint8Array([89]), 0, 1, 1, (err, n, b) => {
          console.log('write bytes', err, n, b instanceof Uint8Array);
          fs.fstat(fd, (err, st) => {
            console.log('fstat', err, st.size);
            fs.close(fd, (...a) => {
              report('close')(...a);
              fs.close(fd, (err) => { report('close')(err); next(); });
            });
          });
        });
      });
    });
  }),
  (next) => fs.readFile(tmp + '/c.txt', 'utf8', (err, d) => { report('readFile')(err, d); next(); }),
  (next) => fs.open(tmp + '/none', (err) => { report('open')(err); next(); }),
  (next) => fs.mkdtemp(tmp + '/t-', (err, p) => { console.log('mkdtemp', err, p.startsWith(tmp + '/t-'), p.length - tmp.length); next(); }),
  (next) => fs.rm(tmp, { recursive: true }, (...a) => { report('rm')(...a); console.log(fs.existsSync(tmp)); next(); }),
];
let i = 0;
function next() {
  if (i < steps.length) steps[i++](next);
}
next();
console.log('sync code done');
