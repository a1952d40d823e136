// addAbortSignal, the signal option, and isReadable/isErrored/isDisturbed.
const stream = require('stream');
const { Readable, Writable, PassThrough, addAbortSignal } = stream;

const ac = new AbortController();
const r = addAbortSignal(ac.signal, new Readable({ read() {} }));
r.on('error', (e) => console.log('error', e.name, e.code, e.message, e.cause.name));
r.on('close', () => console.log('close', r.destroyed));
ac.abort();

const pre = new AbortController();
pre.abort(new Error('reason'));
const w = new Writable({ signal: pre.signal, write(c, e, cb) { cb(); } });
w.on('error', (e) => console.log('pre-aborted', e.name, e.cause.message, w.destroyed));

for (const bad of [undefined, 'x', {}]) {
  try {
    addAbortSignal(bad, new PassThrough());
  } catch (e) {
    console.log(e.name, e.code);
  }
}
try {
  addAbortSignal(new AbortController().signal, {});
} catch (e) {
  console.log(e.name, e.code, e.message);
}

const fresh = Readable.from(['a']);
console.log('fresh', stream.isReadable(fresh), stream.isErrored(fresh), stream.isDisturbed(fresh));
fresh.on('data', () => {});
fresh.on('end', () => {
  console.log('ended', stream.isReadable(fresh), stream.isDisturbed(fresh), fresh.readableDidRead);
});
const broken = new PassThrough();
broken.on('error', () => {});
broken.destroy(new Error('x'));
setImmediate(() => {
  console.log('errored', stream.isErrored(broken), stream.isReadable(broken), stream.isDestroyed(broken));
  console.log('not a stream', stream.isReadable({}), stream.isDestroyed({}));
  console.log('default hwm', stream.getDefaultHighWaterMark(false), stream.getDefaultHighWaterMark(true));
  stream.setDefaultHighWaterMark(false, 1024);
  console.log('after set', new Readable().readableHighWaterMark, new Writable().writableHighWaterMark,
    new Readable({ objectMode: true }).readableHighWaterMark);
  stream.setDefaultHighWaterMark(false, 16384);
  try {
    stream.setDefaultHighWaterMark(false, -1);
  } catch (e) {
    console.log(e.name, e.code);
  }
});
