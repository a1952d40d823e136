// readFile/writeFile/appendFile with an AbortSignal: aborted before the call, bad types.
const fs = require('fs');
const fsp = require('fs/promises');
const tmp = fs.mkdtempSync((process.env.TMPDIR || '/tmp') + '/nrt-fs-');
const ac = new AbortController();
ac.abort();
const show = (label) => (e) => console.log(label, e.name, e.code, e.message, e.cause && e.cause.name);
fs.readFile(tmp + '/none', { signal: ac.signal }, show('readFile'));
fs.writeFile(tmp + '/w', 'x', { signal: ac.signal }, show('writeFile'));
fs.appendFile(tmp + '/a', 'x', { signal: ac.signal }, show('appendFile'));
fsp.readFile(tmp + '/none', { signal: ac.signal }).catch(show('fsp.readFile'));
fsp.writeFile(tmp + '/w', 'x', { signal: ac.signal }).catch(show('fsp.writeFile'));
try {
  fs.readFile(tmp + '/none', { signal: 5 }, () => {});
} catch (e) {
  console.log(e.code, e.message);
}
fsp.readFile(tmp + '/none', { signal: {} }).catch((e) => console.log('fsp', e.code, e.message));
const live = new AbortController();
fs.writeFile(tmp + '/ok', 'fine', { signal: live.signal }, (err) => {
  console.log('live', err, fs.readFileSync(tmp + '/ok', 'utf8'));
  console.log(fs.readFileSync(tmp + '/ok', { encoding: 'utf8', signal: ac.signal }));
  console.log(fs.readdirSync(tmp));
  fs.rmSync(tmp, { recursive: true });
});
console.log('sync done');
