// stream.finished / stream.promises.finished: ends, errors, premature close, cleanup.
const { Readable, Writable, PassThrough, finished, promises } = require('stream');

const r = Readable.from(['a', 'b']);
finished(r, function (err) {
  console.log('readable finished', err, this === r);
});
r.resume();

const w = new Writable({ objectMode: true, write(c, e, cb) { cb(); } });
finished(w, (err) => console.log('writable finished', err));
w.end('x');

const p = new PassThrough();
finished(p, (err) => console.log('premature', err.code, err.message));
p.destroy();

const e = new PassThrough();
finished(e, (err) => console.log('errored', err.message));
e.on('error', () => {});
e.destroy(new Error('oops'));

// readable: false only waits for the writable side.
const d = new PassThrough({ objectMode: true });
finished(d, { readable: false }, (err) => console.log('writable side done', err));
d.end('z');

// cleanup removes the listeners.
const c = new PassThrough();
const before = c.listenerCount('close');
const cleanup = finished(c, () => console.log('never'));
console.log('listeners added', c.listenerCount('close') - before);
cleanup();
console.log('listeners after cleanup', c.listenerCount('close') - before);
c.destroy();

// Already finished streams call back on a later tick.
const done = Readable.from([]);
done.resume();
done.on('close', () => {
  finished(done, (err) => console.log('after close', err));
});

promises.finished(Readable.from(['q']).resume()).then(() => console.log('promise finished'));
const bad = new PassThrough();
promises.finished(bad).catch((err) => console.log('promise rejected', err.code));
bad.destroy();

try {
  finished(r, 'nope');
} catch (err) {
  console.log(err.code, err.message);
}
