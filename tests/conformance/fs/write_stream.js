// fs.createWriteStream / WriteStream: events, bytesWritten, flags and start positions,
// fd reuse, write-then-read round trips, pipe file to file, close/destroy, errors.
const fs = require('fs');
const os = require('os');
const path = require('path');
const { pipeline } = require('stream');

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nrt-ws-'));
const file = path.join(dir, 'out.txt');
const rel = (p) => (typeof p === 'string' ? p.replace(dir, '<dir>') : p);

function watchEvents(label, w, next) {
  console.log(label, 'pending', w.pending, 'path', rel(w.path), 'hwm', w.writableHighWaterMark);
  w.on('open', (fd) => console.log(label, 'open', typeof fd));
  w.on('ready', () => console.log(label, 'ready'));
  w.on('finish', () => console.log(label, 'finish', w.bytesWritten));
  w.on('error', (e) => console.log(label, 'error', e.code, e.syscall, rel(e.message)));
  w.on('close', () => {
    console.log(label, 'close', w.destroyed, w.fd);
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
  (next) => {
    const w = fs.createWriteStream(file);
    watchEvents('basic', w, () => {
      console.log('content', JSON.stringify(fs.readFileSync(file, 'utf8')));
      next();
    });
    console.log('write returns', w.write('hello '), w.write(Buffer.from('world')), w.write(new Uint8Array([33])));
    w.end('\n', () => console.log('end callback'));
  },
  (next) => {
    const w = fs.createWriteStream(file, { flags: 'a', encoding: 'hex' });
    watchEvents('append', w, () => {
      console.log('content', JSON.stringify(fs.readFileSync(file, 'utf8')));
      next();
    });
    w.end('414243');
  },
  (next) => {
    const w = fs.createWriteStream(file, { flags: 'r+', start: 2 });
    watchEvents('start', w, () => {
      console.log('content', JSON.stringify(fs.readFileSync(file, 'utf8')), w.pos);
      next();
    });
    w.write('XY');
    w.end('Z');
  },
  (next) => {
    // Many small writes with a small highWaterMark: write() returns false, then 'drain'.
    const w = fs.createWriteStream(file, { highWaterMark: 4 });
    let drains = 0;
    w.on('drain', () => drains++);
    const results = [];
    for (let i = 0; i < 5; i++) results.push(w.write(`${i}-ab`));
    watchEvents('hwm', w, () => {
      console.log('results', results.join(','), 'drained', drains > 0, fs.readFileSync(file, 'utf8'));
      next();
    });
    w.end();
  },
  (next) => {
    // Write then read back a larger file.
    const data = Buffer.alloc(200000);
    for (let i = 0; i < data.length; i++) data[i] = (i * 7) & 0xff;
    const w = fs.createWriteStream(file);
    w.end(data);
    w.on('close', () => {
      const chunks = [];
      fs.createReadStream(file, { highWaterMark: 65536 })
        .on('data', (c) => chunks.push(c.length))
        .on('close', () => {
          console.log('round trip', chunks.join(','), fs.readFileSync(file).equals(data), w.bytesWritten);
          next();
        });
    });
  },
  (next) => {
    // pipe and pipeline from one file to another.
    const copy = path.join(dir, 'copy.txt');
    fs.createReadStream(file).pipe(fs.createWriteStream(copy)).on('close', () => {
      console.log('pipe', fs.readFileSync(copy).equals(fs.readFileSync(file)));
      const copy2 = path.join(dir, 'copy2.txt');
      pipeline(fs.createReadStream(file, { start: 10, end: 19 }), fs.createWriteStream(copy2), (err) => {
        console.log('pipeline', err, fs.readFileSync(copy2).equals(fs.readFileSync(file).subarray(10, 20)));
        next();
      });
    });
  },
  (next) => {
    // fd reuse: no 'open'; the descriptor is closed at the end unless autoClose is false.
    const fd = fs.openSync(file, 'w');
    const w = fs.createWriteStream(null, { fd });
    watchEvents('fd', w, () => {
      try {
        fs.fstatSync(fd);
        console.log('fd still open');
      } catch (e) {
        console.log('fd closed', e.code);
      }
      const fd2 = fs.openSync(file, 'a');
      const w2 = fs.createWriteStream('', { fd: fd2, autoClose: false });
      w2.on('close', () => console.log('unexpected close'));
      w2.end('+more', () => {
        console.log('noclose', fs.fstatSync(fd2).size, w2.destroyed, fs.readFileSync(file, 'utf8'));
        fs.closeSync(fd2);
        next();
      });
    });
    w.end('fd data');
  },
  (next) => {
    const w = fs.createWriteStream(file);
    w.write('x');
    w.close((err) => {
      console.log('close(cb)', err, w.closed, fs.readFileSync(file, 'utf8'));
      w.close(() => {
        console.log('close again');
        next();
      });
    });
  },
  (next) => {
    const w = fs.createWriteStream(file);
    w.on('close', () => {
      console.log('destroyed before open', w.destroyed, w.fd);
      w.write('late', (err) => {
        console.log('write after destroy', err.code);
        next();
      });
    });
    w.destroy();
  },
  (next) => watchEvents('missing dir', fs.createWriteStream(path.join(dir, 'no', 'f')), next),
  (next) => watchEvents('wx', fs.createWriteStream(file, { flags: 'wx' }), next),
  (next) => {
    const w = fs.WriteStream(file, { start: 1, flags: 'r+' });
    console.log('without new', w instanceof fs.WriteStream, w instanceof require('stream').Writable,
      fs.WriteStream === fs.FileWriteStream, w.start, w.pos, w.flags, w.mode, w.bytesWritten, w.flush);
    w.end('Q', () => {
      console.log('after', w.pos, fs.readFileSync(file, 'utf8'));
      next();
    });
  },
  () => {
    attempt('start -1', () => fs.createWriteStream('x', { start: -1 }));
    attempt('fd 1.5', () => fs.createWriteStream('x', { fd: 1.5 }));
    attempt('path number', () => fs.createWriteStream(5));
    attempt('flush', () => fs.createWriteStream('x', { flush: 1 }));
    attempt('fs.write', () => fs.createWriteStream('x', { fs: { open: () => {} } }));
    attempt('fs.close', () => fs.createWriteStream('x', { fs: { open: () => {}, write: () => {} } }));
    fs.rmSync(dir, { recursive: true });
  },
];
let at = 0;
const next = () => steps[at++](next);
next();
