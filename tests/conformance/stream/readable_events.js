// Readable event order in flowing and paused ('readable') modes, in object mode.
const { Readable } = require('stream');

function watch(name, s) {
  for (const ev of ['end', 'close', 'pause', 'resume', 'error']) {
    s.on(ev, (arg) => console.log(name, ev, arg === undefined ? '' : arg.message));
  }
}

// Flowing: data listener added at once.
const a = new Readable({ objectMode: true, read() {} });
watch('a', a);
a.on('data', (d) => console.log('a data', d, 'flowing', a.readableFlowing));
console.log('a flowing before tick', a.readableFlowing, 'paused', a.isPaused());
a.push(1);
a.push(2);
a.push(null);
console.log('a length', a.readableLength, 'ended', a.readableEnded);

// Paused mode: 'readable' and read().
const b = new Readable({ objectMode: true, read() {} });
watch('b', b);
b.on('readable', () => {
  let x;
  while ((x = b.read()) !== null) console.log('b read', x);
  console.log('b readable done, ended', b.readableEnded);
});
b.push('x');
b.push('y');
setTimeout(() => b.push(null), 1);

// pause() inside a 'data' listener stops the flow at once.
const c = new Readable({ objectMode: true, read() {} });
c.push('p1');
c.push('p2');
c.push('p3');
c.on('data', (d) => {
  console.log('c data', d);
  if (d === 'p1') {
    c.pause();
    console.log('c paused', c.isPaused(), 'buffered', c.readableLength);
    setTimeout(() => c.resume(), 2);
  }
});
c.on('end', () => console.log('c end'));
c.push(null);

// _read is called with the highWaterMark and again as data is consumed.
let n = 0;
const d = new Readable({
  objectMode: true,
  highWaterMark: 2,
  read(size) {
    n += 1;
    console.log('d _read', size, 'call', n);
    this.push(n <= 3 ? `v${n}` : null);
  },
});
d.on('data', (v) => console.log('d data', v));
d.on('end', () => console.log('d end, didRead', d.readableDidRead));
