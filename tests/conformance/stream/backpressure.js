// pipe with backpressure: the source pauses on a full destination and resumes on 'drain';
// unpipe stops the flow.
const { Readable, Writable, PassThrough } = require('stream');

let produced = 0;
const src = new Readable({
  objectMode: true,
  highWaterMark: 2,
  read() {
    produced += 1;
    console.log('produce', produced, 'buffered', this.readableLength);
    this.push(produced <= 6 ? produced : null);
  },
});
const slow = new Writable({
  objectMode: true,
  highWaterMark: 2,
  write(chunk, enc, cb) {
    console.log('consume', chunk, 'pending', this.writableLength);
    setTimeout(cb, 2);
  },
});
for (const ev of ['pause', 'resume', 'end', 'close']) src.on(ev, () => console.log('src', ev));
for (const ev of ['pipe', 'unpipe', 'drain', 'finish', 'close']) slow.on(ev, () => console.log('slow', ev));
src.pipe(slow);
slow.on('close', unpipeSection);

function unpipeSection() {
  // unpipe pauses the source and emits 'unpipe' on the destination.
  const a = new PassThrough({ objectMode: true });
  const b = new PassThrough({ objectMode: true });
  b.on('unpipe', (s) => console.log('b unpipe from a', s === a));
  b.on('data', (d) => console.log('b data', d));
  a.pipe(b);
  a.write('first');
  setTimeout(() => {
    a.unpipe(b);
    console.log('a flowing after unpipe', a.readableFlowing);
    a.write('second');
    console.log('a buffered', a.readableLength);
    twoDestinations();
  }, 1);
}

function twoDestinations() {
  // pipe into two destinations: the slower one holds the source.
  const s = new PassThrough({ objectMode: true, highWaterMark: 1 });
  const fast = new Writable({ objectMode: true, highWaterMark: 1, write(c, e, cb) { console.log('fast', c); cb(); } });
  const lazy = new Writable({ objectMode: true, highWaterMark: 1, write(c, e, cb) { console.log('lazy', c); setTimeout(cb, 3); } });
  s.pipe(fast);
  s.pipe(lazy);
  for (const x of [1, 2, 3]) s.write(x);
  s.end();
  lazy.on('finish', () => console.log('lazy finish'));
}
