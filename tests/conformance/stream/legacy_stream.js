// The legacy Stream class: an EventEmitter with pipe(); old-style streams in finished().
const Stream = require('stream');
const { Writable, finished } = Stream;

const src = new Stream();
src.readable = true;
const got = [];
const dest = new Writable({ objectMode: true, write(c, e, cb) { got.push(c); cb(); } });
dest.on('pipe', (s) => console.log('pipe event from legacy source', s === src));
dest.on('finish', () => console.log('dest finish', got));
console.log('pipe returns dest', src.pipe(dest) === dest);
src.emit('data', 'one');
src.emit('data', 'two');
src.emit('end');

const old = new Stream();
old.readable = true;
finished(old, (err) => console.log('legacy finished', err));
old.emit('end');

console.log(Stream === Stream.Stream, typeof Stream.prototype.pipe, Object.getPrototypeOf(Stream) === require('events'));
console.log(Object.keys(Stream).filter((k) => !k.startsWith('_')).sort().join(','));
