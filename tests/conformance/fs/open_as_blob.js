// fs.openAsBlob: a Blob of the file's bytes, its type option, errors and bad arguments.
const fs = require('fs');
const os = require('os');
const path = require('path');

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nrt-blob-'));
const file = path.join(dir, 'f.txt');
fs.writeFileSync(file, 'hello blob\n');

function attempt(label, fn) {
  try {
    fn();
    console.log(label, 'ok');
  } catch (e) {
    console.log(label, e.name, e.code, e.message);
  }
}

(async () => {
  const p = fs.openAsBlob(file);
  console.log('promise', p instanceof Promise);
  const b = await p;
  console.log(b, b.size, JSON.stringify(b.type), b instanceof require('buffer').Blob);
  console.log(JSON.stringify(await b.text()), JSON.stringify(await b.slice(6, 10).text()));
  const t = await fs.openAsBlob(file, { type: 'text/plain' });
  console.log(t.type, t.size);
  const u = await fs.openAsBlob(new URL(`file://${file}`));
  console.log('url', u.size);
  attempt('missing', () => fs.openAsBlob(path.join(dir, 'missing')));
  attempt('path', () => fs.openAsBlob(5));
  attempt('options', () => fs.openAsBlob(file, 5));
  attempt('type', () => fs.openAsBlob(file, { type: 5 }));
  fs.rmSync(dir, { recursive: true });
})();
