// fs.watch: events with file names, close/'close', ref/unref, encodings, AbortSignal,
// start errors and bad arguments.
const fs = require('fs');
const os = require('os');
const path = require('path');

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nrt-watch-'));
const file = path.join(dir, 'f.txt');
fs.writeFileSync(file, 'x');

function attempt(label, fn) {
  try {
    fn();
    console.log(label, 'ok');
  } catch (e) {
    console.log(label, e.name, e.code, e.message.replace(dir, '<dir>'));
  }
}

const steps = [
  (next) => {
    // A new entry in a watched directory: 'rename' with its name.
    const w = fs.watch(dir, (type, name) => {
      console.log('dir event', type, name, this === undefined);
      w.close();
      w.close(); // a second close does nothing
    });
    console.log('FSWatcher', w.constructor.name, w instanceof require('events'), w.ref() === w, w.unref() === w);
    w.ref();
    w.on('close', () => {
      console.log('dir close');
      next();
    });
    fs.writeFileSync(path.join(dir, 'new.txt'), ''); // one inotify event only
  },
  (next) => {
    // A watched file's content changes: 'change' with the file's own name.
    const w = fs.watch(file);
    w.once('change', (type, name) => {
      console.log('file event', type, name);
      w.close();
      next();
    });
    fs.appendFileSync(file, 'more');
  },
  (next) => {
    const w = fs.watch(dir, { encoding: 'hex' }, (type, name) => {
      console.log('hex event', type, name);
      w.close();
      next();
    });
    fs.writeFileSync(path.join(dir, 'h'), '');
  },
  (next) => {
    const w = fs.watch(dir, 'buffer', (type, name) => {
      console.log('buffer event', type, Buffer.isBuffer(name), name);
      w.close();
      next();
    });
    fs.writeFileSync(path.join(dir, 'b'), '');
  },
  (next) => {
    const ac = new AbortController();
    const w = fs.watch(dir, { signal: ac.signal });
    w.on('change', () => console.log('unexpected change'));
    w.on('close', () => {
      console.log('aborted watcher closed');
      next();
    });
    ac.abort();
  },
  (next) => {
    const w = fs.watch(dir, { signal: AbortSignal.abort() });
    w.on('close', () => {
      console.log('pre-aborted watcher closed');
      next();
    });
  },
  (next) => {
    // Removing the watched directory itself.
    const sub = path.join(dir, 'sub');
    fs.mkdirSync(sub);
    const w = fs.watch(sub, (type, name) => {
      console.log('self removal', type, name);
      w.close();
      next();
    });
    fs.rmdirSync(sub);
  },
  () => {
    attempt('missing', () => fs.watch(path.join(dir, 'missing')));
    try {
      fs.watch(path.join(dir, 'missing'));
    } catch (e) {
      console.log(Object.keys(e).join(','), e.errno, e.syscall, e.filename === e.path);
    }
    attempt('number', () => fs.watch(5));
    attempt('options', () => fs.watch(dir, 5));
    attempt('recursive', () => fs.watch(dir, { recursive: 'x' }));
    attempt('encoding', () => fs.watch(dir, { encoding: 'bogus' }));
    attempt('signal', () => fs.watch(dir, { signal: 5 }));
    fs.rmSync(dir, { recursive: true });
  },
];
let at = 0;
const next = () => steps[at++](next);
next();
