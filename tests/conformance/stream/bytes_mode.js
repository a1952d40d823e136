// Byte-mode streams: highWaterMark in bytes, read(n) across chunks, unshift, strings
// converted with their encoding, Duplex halves and Transform backpressure.
const { Readable, Writable, Duplex, Transform } = require('stream');

const r = new Readable({ read() {} });
r.push('hello ');
r.push(Buffer.from('world'));
r.push('aGk=', 'base64');
r.once('readable', () => {
  console.log('length', r.readableLength);
  console.log('read(3)', r.read(3), 'left', r.readableLength);
  console.log('read(100) before end', r.read(100));
  r.unshift(Buffer.from('>>'));
  console.log('after unshift', r.read(4).toString());
  r.push(null);
  console.log('read(100) at end', String(r.read(100)));
  r.on('end', () => console.log('end'));
  r.read();
});

const w = new Writable({ write(c, e, cb) { setImmediate(cb); } });
console.log('write 10k', w.write(Buffer.alloc(10000)), 'write 10k', w.write(Buffer.alloc(10000)),
  'length', w.writableLength, 'needDrain', w.writableNeedDrain);
w.on('drain', () => {
  console.log('drain', w.writableLength);
  setImmediate(releaseTransform);
});
const enc = new Writable({ decodeStrings: false, write(c, e, cb) { console.log('kept string', typeof c, e); cb(); } });
enc.write('text', 'latin1');
const conv = new Writable({ write(c, e, cb) { console.log('converted', c, e); cb(); } });
conv.write('ff00', 'hex');
conv.setDefaultEncoding('base64');
conv.write('AQI=');
try {
  conv.write('x', 'nope');
} catch (e) {
  console.log(e.name, e.code, e.message);
}

const t = new Transform({
  readableHighWaterMark: 1,
  writableHighWaterMark: 1,
  objectMode: true,
  transform(c, e, cb) {
    console.log('transform', c);
    cb(null, c);
  },
});
for (let i = 0; i < 4; i++) console.log('t.write', i, t.write(i));
function releaseTransform() {
  console.log('held: readable', t.readableLength, 'writable', t.writableLength);
  t.on('data', (d) => console.log('t data', d));
}

const d = new Duplex({ allowHalfOpen: false, read() {}, write(c, e, cb) { cb(); } });
for (const ev of ['end', 'finish', 'close']) d.on(ev, () => console.log('half-open false:', ev));
d.push(null);
d.resume();
const h = new Duplex({ read() {}, write(c, e, cb) { cb(); } });
h.on('end', () => setImmediate(() => console.log('half-open: still writable', h.writable)));
h.push(null);
h.resume();
