// The simplified constructor options: read, write, writev, final, destroy, construct,
// transform, flush.
const { Readable, Writable, Duplex, Transform } = require('stream');

const r = new Readable({
  objectMode: true,
  construct(cb) {
    console.log('r construct');
    this.items = ['x', 'y'];
    setTimeout(cb, 1);
  },
  read() {
    console.log('r read');
    this.push(this.items.length ? this.items.shift() : null);
  },
  destroy(err, cb) {
    console.log('r destroy', err);
    cb(err);
  },
});
r.on('data', (d) => console.log('r data', d));
r.on('close', () => console.log('r close'));

const w = new Writable({
  objectMode: true,
  construct(cb) {
    console.log('w construct');
    cb();
  },
  write(chunk, enc, cb) {
    console.log('w write', chunk);
    cb();
  },
  writev(chunks, cb) {
    console.log('w writev', chunks.map((c) => c.chunk));
    cb();
  },
  final(cb) {
    console.log('w final');
    setTimeout(cb, 1);
  },
});
console.log('write before construct', w.write('a'));
w.write('b');
w.write('c');
w.end();
w.on('finish', () => console.log('w finish'));
w.on('close', () => console.log('w close'));

const t = new Transform({
  objectMode: true,
  transform(chunk, enc, cb) {
    cb(null, chunk * 10);
  },
  flush(cb) {
    console.log('t flush');
    cb(null, 'last');
  },
});
t.on('data', (d) => console.log('t data', d));
t.on('end', () => console.log('t end'));
t.write(1);
t.write(2);
t.end();

const d = new Duplex({
  objectMode: true,
  allowHalfOpen: false,
  read() {
    this.push('from duplex');
    this.push(null);
  },
  write(chunk, enc, cb) {
    console.log('d write', chunk);
    cb();
  },
});
d.on('data', (x) => console.log('d data', x));
d.on('finish', () => console.log('d finish'));
d.on('end', () => console.log('d end'));
d.on('close', () => console.log('d close'));

const failing = new Writable({
  construct(cb) {
    cb(new Error('construct failed'));
  },
  write(c, e, cb) {
    cb();
  },
});
failing.on('error', (e) => console.log('failing error', e.message));
failing.on('close', () => console.log('failing close'));
