// readFileSync/writeFileSync/appendFileSync/existsSync: data kinds, encodings, flags, errors.
const fs = require('fs');
const tmp = fs.mkdtempSync((process.env.TMPDIR || '/tmp') + '/nrt-fs-');
const rel = (s) => (typeof s === 'string' ? s.split(tmp).join('<tmp>') : s);
function show(e) {
  console.log(e.name, e.code, rel(e.message), e.errno, e.syscall, rel(e.path));
}
function attempt(f) {
  try {
    console.log('ok', f());
  } catch (e) {
    show(e);
  }
}
const f = tmp + '/a.txt';
console.log(fs.existsSync(f));
fs.writeFileSync(f, 'héllo\n');
console.log(fs.existsSync(f), fs.existsSync(tmp), fs.existsSync(), fs.existsSync(42));
console.log(JSON.stringify(fs.readFileSync(f, 'utf8')));
console.log(JSON.stringify(fs.readFileSync(f, { encoding: 'utf-8' })));
const bytes = fs.readFileSync(f);
console.log(bytes instanceof Uint8Array, bytes.length, Array.from(bytes).join(','));
console.log(fs.readFileSync(f, 'hex'));
console.log(fs.readFileSync(f, 'base64'));
console.log(fs.readFileSync(f, 'latin1').length);
fs.appendFileSync(f, 'more');
fs.appendFileSync(f, new Uint8Array([33, 10]));
console.log(JSON.stringify(fs.readFileSync(f, 'utf8')));
fs.writeFileSync(f, new Uint8Array([104, 105]));
console.log(fs.readFileSync(f, 'utf8'));
fs.writeFileSync(f, '6869', 'hex');
console.log(fs.readFileSync(f, 'utf8'));
fs.writeFileSync(f, 'aGkh', { encoding: 'base64' });
console.log(fs.readFileSync(f, 'utf8'));
fs.writeFileSync(f, 'x', { flag: 'a' });
console.log(fs.readFileSync(f, 'utf8'));
console.log(fs.writeFileSync(f, 'y'), fs.appendFileSync(f, 'z'));
attempt(() => fs.writeFileSync(f, 'no', { flag: 'wx' }));
attempt(() => fs.readFileSync(tmp + '/missing'));
attempt(() => fs.readFileSync(tmp));
attempt(() => fs.writeFileSync(tmp, 'x'));
attempt(() => fs.writeFileSync(tmp + '/no/such/file', 'x'));
attempt(() => fs.readFileSync(f, 'bogus'));
attempt(() => fs.readFileSync(f, { flag: 'bogus' }));
attempt(() => fs.readFileSync(f, 5));
attempt(() => fs.writeFileSync(f, 5));
attempt(() => fs.writeFileSync(f, { a: 1 }));
attempt(() => fs.appendFileSync(tmp, 'x'));
fs.writeFileSync(f, 'mode', { mode: 0o600 });
console.log((fs.statSync(f).mode & 0o777).toString(8));
fs.rmSync(tmp, { recursive: true });
console.log(fs.existsSync(tmp));
