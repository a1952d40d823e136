// fs.createReadStream / ReadStream: events in order, ranges, highWaterMark, encoding,
// fd reuse, autoClose, emitClose, close(cb), errors and bad arguments.
const fs = require('fs');
const os = require('os');
const path = require('path');

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nrt-rs-'));
const file = path.join(dir, 'data.txt');
fs.writeFileSync(file, 'abcdefghijklmnopqrstuvwxyz');
const rel = (p) => (typeof p === 'string' ? p.replace(dir, '<dir>') : p);

function collect(label, stream, next) {
  const chunks = [];
  console.log(label, 'pending', stream.pending, 'path', rel(stream.path), 'fd', typeof stream.fd);
  for (const ev of ['open', 'ready', 'end', 'close']) {
    stream.on(ev, (arg) => console.log(label, ev, ev === 'open' ? typeof arg : '', 'bytesRead', stream.bytesRead));
  }
  stream.on('data', (c) => chunks.push(typeof c === 'string' ? c : c.toString('latin1')));
  stream.on('error', (e) => console.log(label, 'error', e.code, e.syscall, rel(e.message)));
  stream.on('close', () => {
    console.log(label, 'chunks', JSON.stringify(chunks), 'destroyed', stream.destroyed, 'fd', stream.fd);
    next();
  });
}

function attempt(label, fn) {
  try {
    const s = fn();
    console.log(label, 'ok');
    s.destroy();
  } catch (e) {
    console.log(label, e.name, e.code, e.message);
  }
}

const steps = [
  (next) => collect('whole', fs.createReadStream(file), next),
  (next) => collect('range', fs.createReadStream(file, { start: 2, end: 5 }), next),
  (next) => collect('start', fs.createReadStream(file, { start: 20 }), next),
  (next) => collect('end0', fs.createReadStream(file, { end: 0 }), next),
  (next) => collect('past end', fs.createReadStream(file, { start: 100 }), next),
  (next) => collect('hwm', fs.createReadStream(file, { highWaterMark: 10, start: 1 }), next),
  (next) => collect('encoding', fs.createReadStream(file, { encoding: 'hex', end: 2 }), next),
  (next) => collect('string opt', fs.createReadStream(file, 'utf8'), next),
  (next) => {
    // fd reuse: no 'open'/'ready'; reads from the descriptor's position without start.
    const fd = fs.openSync(file, 'r');
    fs.readSync(fd, Buffer.alloc(3), 0, 3, null);
    collect('fd', fs.createReadStream(null, { fd, highWaterMark: 8 }), () => {
      try {
        fs.fstatSync(fd);
        console.log('fd still open');
      } catch (e) {
        console.log('fd closed', e.code);
      }
      next();
    });
  },
  (next) => {
    // autoClose: false keeps the descriptor and emits no 'close'.
    const fd = fs.openSync(file, 'r');
    const s = fs.createReadStream('', { fd, autoClose: false, start: 24 });
    s.on('data', (c) => console.log('noclose data', c.toString()));
    s.on('close', () => console.log('unexpected close'));
    s.on('end', () => {
      setTimeout(() => {
        console.log('noclose fd open', fs.fstatSync(fd).size, 'destroyed', s.destroyed);
        fs.closeSync(fd);
        next();
      }, 5);
    });
  },
  (next) => {
    const s = fs.createReadStream(file, { emitClose: false });
    s.resume();
    s.on('close', () => console.log('unexpected close'));
    s.on('end', () => setTimeout(() => {
      console.log('emitClose false', s.destroyed, s.fd);
      next();
    }, 5));
  },
  (next) => {
    const s = fs.createReadStream(file);
    s.close((err) => {
      console.log('close(cb)', err && err.code, s.destroyed);
      next();
    });
  },
  (next) => collect('missing', fs.createReadStream(path.join(dir, 'missing')), next),
  (next) => collect('directory', fs.createReadStream(dir), next),
  (next) => collect('bad flags', fs.createReadStream(file, { flags: 'bogus' }), next),
  (next) => {
    const s = fs.ReadStream(file, { start: 3, end: 4 });
    console.log('without new', s instanceof fs.ReadStream, s instanceof require('stream').Readable,
      fs.ReadStream === fs.FileReadStream, s.start, s.end, s.pos, s.flags, s.mode, s.readableHighWaterMark);
    s.on('data', (c) => console.log('data', c.toString(), s.pos));
    s.on('close', next);
  },
  () => {
    attempt('fd -1', () => fs.createReadStream('x', { fd: -1 }));
    attempt('fd string', () => fs.createReadStream('x', { fd: 'a' }));
    attempt('start string', () => fs.createReadStream('x', { start: 'a' }));
    attempt('start -1', () => fs.createReadStream('x', { start: -1 }));
    attempt('start 1.5', () => fs.createReadStream('x', { start: 1.5 }));
    attempt('start > end', () => fs.createReadStream('x', { start: 5, end: 2 }));
    attempt('end string', () => fs.createReadStream('x', { end: 'a' }));
    attempt('options number', () => fs.createReadStream('x', 5));
    attempt('encoding', () => fs.createReadStream('x', 'bogus'));
    attempt('path number', () => fs.createReadStream(5));
    attempt('fs.open', () => fs.createReadStream('x', { fs: { open: 1 } }));
    fs.rmSync(dir, { recursive: true });
  },
];
let at = 0;
const next = () => steps[at++](next);
next();
