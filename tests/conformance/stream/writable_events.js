// Writable: return values, 'drain', callbacks, 'prefinish'/'finish'/'close' order.
const { Writable } = require('stream');

const log = [];
const w = new Writable({
  objectMode: true,
  highWaterMark: 2,
  write(chunk, enc, cb) {
    console.log('_write', chunk, enc);
    setTimeout(cb, 1);
  },
  final(cb) {
    console.log('_final');
    cb();
  },
});
for (const ev of ['drain', 'prefinish', 'finish', 'close']) {
  w.on(ev, () => console.log('event', ev, 'finished', w.writableFinished, 'ended', w.writableEnded));
}
console.log('write 1 ->', w.write('one', () => console.log('cb one')));
console.log('write 2 ->', w.write('two', () => console.log('cb two')));
console.log('needDrain', w.writableNeedDrain, 'length', w.writableLength, 'hwm', w.writableHighWaterMark);
w.once('drain', () => {
  console.log('drained; writing three');
  w.end('three', (err) => console.log('end cb', err));
  console.log('ending', w.writableEnded, 'writable', w.writable);
});

// A synchronous sink: write() stays true, callbacks come on the next tick.
const s = new Writable({ objectMode: true, write(c, e, cb) { cb(); } });
console.log('sync write ->', s.write({ a: 1 }, (err) => console.log('sync cb', err)));
s.end(() => console.log('sync end cb'));
s.on('finish', () => console.log('sync finish'));
s.on('close', () => console.log('sync close', s.destroyed, s.closed));
console.log('sync done');
void log;
