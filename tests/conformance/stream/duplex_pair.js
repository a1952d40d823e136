// duplexPair: two connected Duplexes; and the deprecated readable.asIndexedPairs.
const { duplexPair, Readable } = require('stream');

process.removeAllListeners('warning');
process.on('warning', (w) => console.log('warning', w.name, w.code, w.message));

const [a, b] = duplexPair();
console.log(a.constructor.name, a.readableObjectMode, a.writableHighWaterMark, a.allowHalfOpen, a.otherSide);
b.on('data', (d) => console.log('b got', d));
a.on('data', (d) => console.log('a got', d));
console.log('write returns', a.write('to b'), b.write('to a'));
for (const [n, s] of [['a', a], ['b', b]]) for (const ev of ['end', 'finish', 'close']) s.on(ev, () => console.log(n, ev));
a.end();
b.end();

const [c, d] = duplexPair({ objectMode: true });
d.on('data', (x) => console.log('object side got', x));
c.write({ k: 1 });
c.write('');
c.end();

Readable.from([5, 6]).asIndexedPairs().toArray().then((pairs) => {
  console.log(pairs);
  return Readable.from(['x']).asIndexedPairs().toArray();
}).then((pairs) => console.log(pairs));
