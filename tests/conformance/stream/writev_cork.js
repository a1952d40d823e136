// cork/uncork batches buffered writes into one _writev; end() uncorks.
const { Writable } = require('stream');

const w = new Writable({
  objectMode: true,
  write(chunk, enc, cb) {
    console.log('_write', chunk);
    cb();
  },
  writev(chunks, cb) {
    console.log('_writev', chunks.length, chunks.map((c) => c.chunk), chunks.map((c) => c.encoding));
    cb();
  },
});
w.cork();
w.write('a', () => console.log('cb a'));
w.write('b', () => console.log('cb b'));
console.log('corked', w.writableCorked, 'length', w.writableLength, 'buffered', w.writableBuffer.length);
w.uncork();
console.log('after uncork length', w.writableLength);
w.write('single');
w.cork();
w.cork();
w.write('c');
w.write('d');
w.uncork();
console.log('still corked', w.writableCorked);
process.nextTick(() => {
  w.uncork();
  w.cork();
  w.write('e');
  w.write('f');
  w.end('g', () => console.log('end cb'));
});
w.on('finish', () => console.log('finish'));

// Without _writev, buffered writes go one by one.
const plain = new Writable({
  objectMode: true,
  write(chunk, enc, cb) {
    console.log('plain', chunk);
    cb();
  },
});
plain.cork();
plain.write(1);
plain.write(2);
process.nextTick(() => plain.uncork());
