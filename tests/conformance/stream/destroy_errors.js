// destroy(err, cb), autoDestroy/emitClose, errored/closed/destroyed, and error codes.
const { Readable, Writable, Duplex, Transform } = require('stream');

function show(label, e) {
  console.log(label, e.name, e.code, e.message);
}

const a = new Readable({ read() {} });
a.on('error', (e) => console.log('a error', e.message, 'errored', a.errored === e));
a.on('close', () => console.log('a close', a.destroyed, a.closed));
a.destroy(new Error('boom'), (err) => console.log('a destroy cb', err.message));
console.log('a destroyed', a.destroyed, 'closed', a.closed);
a.destroy(new Error('second'));

const b = new Writable({ emitClose: false, write(c, e, cb) { cb(); } });
b.on('close', () => console.log('b close (should not print)'));
b.destroy();
console.log('b destroyed', b.destroyed);

// _destroy may replace the error.
const c = new Writable({
  write(c2, e, cb) { cb(); },
  destroy(err, cb) {
    console.log('_destroy got', err && err.message);
    cb(new Error('from _destroy'));
  },
});
c.on('error', (e) => console.log('c error', e.message));
c.destroy(new Error('original'));

// autoDestroy: false keeps the stream alive after an error.
const d = new Writable({ autoDestroy: false, write(c2, e, cb) { cb(new Error('write failed')); } });
d.on('error', (e) => console.log('d error', e.message, 'destroyed', d.destroyed));
d.write('x', (err) => console.log('d write cb', err.message));

// Codes.
const e1 = new Writable({ objectMode: true, write(c2, e, cb) { cb(); } });
e1.on('error', (e) => show('write after end event', e));
e1.end();
e1.write('late', (err) => show('write after end cb', err));

const e2 = new Writable({ objectMode: true, write(c2, e, cb) { cb(); } });
e2.destroy();
e2.write('x', (err) => show('write after destroy cb', err));

const e3 = new Readable({ objectMode: true, read() {} });
e3.on('error', (e) => show('push after EOF', e));
e3.push(null);
e3.push('x');

const e4 = new Readable({ read() {} });
e4.on('error', (e) => show('unshift after end', e));
e4.on('end', () => e4.unshift(new Uint8Array([1])));
e4.resume();
e4.push(null);

const e5 = new Readable();
e5.on('error', (e) => show('no _read', e));
e5.read();

try {
  new Transform().write(new Uint8Array(1));
} catch (e) {
  show('no _transform', e);
}
try {
  new Writable().write(new Uint8Array(1));
} catch (e) {
  show('no _write', e);
}
for (const bad of [1, {}, true]) {
  try {
    new Writable({ write(c2, e, cb) { cb(); } }).write(bad);
  } catch (e) {
    show('bad chunk', e);
  }
}
try {
  new Writable({ objectMode: true, write(c2, e, cb) { cb(); } }).write(null);
} catch (e) {
  show('null chunk', e);
}
const e6 = new Readable({ read() {} });
e6.on('error', (e) => show('bad push', e));
e6.push(42);

const e7 = new Writable({ write(c2, e, cb) { cb(); cb(); } });
e7.on('error', (e) => show('double callback', e));
e7.write(new Uint8Array(1));

const e8 = new Writable({ write(c2, e, cb) { cb(); } });
e8.on('error', (e) => show('pipe from writable', e));
e8.pipe(new Writable());

const f = new Writable({ objectMode: true, write(c2, e, cb) { cb(); } });
f.end();
f.on('finish', () => f.end((err) => show('end after finish', err)));

const g = new Duplex({ objectMode: true, read() {}, write(c2, e, cb) { cb(); } });
g.on('close', () => console.log('g close, destroyed', g.destroyed, g.readableAborted, g.writableAborted));
g.destroy();
try {
  new Readable({ highWaterMark: -1 });
} catch (e) {
  show('bad hwm', e);
}
