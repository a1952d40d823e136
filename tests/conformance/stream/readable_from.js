// Readable.from: arrays, generators, async generators, strings as one chunk, promises.
const { Readable } = require('stream');

async function collect(label, r) {
  const got = [];
  r.on('data', (c) => got.push(c));
  await new Promise((resolve) => r.on('end', resolve));
  console.log(label, JSON.stringify(got), 'objectMode', r.readableObjectMode, 'hwm', r.readableHighWaterMark);
}

async function main() {
  await collect('array', Readable.from([1, 'two', { three: 3 }]));
  await collect('string', Readable.from('one chunk'));
  await collect('generator', Readable.from((function* () { yield 'g1'; yield 'g2'; })()));
  await collect('async generator', Readable.from((async function* () { yield 'a1'; await null; yield 'a2'; })()));
  await collect('promises', Readable.from([Promise.resolve('p1'), 'p2']));
  await collect('set', Readable.from(new Set(['s1', 's2'])));
  const nullValue = Readable.from(['x', null]);
  nullValue.on('data', (c) => console.log('before null', c));
  nullValue.on('error', (e) => console.log(e.name, e.code, e.message));
  await new Promise((r) => nullValue.on('close', r));
  const thrown = Readable.from((function* () { yield 1; throw new Error('gen threw'); })());
  thrown.on('data', (c) => console.log('thrown data', c));
  thrown.on('error', (e) => console.log('thrown error', e.message));
  await new Promise((r) => thrown.on('close', r));
  let finalized = false;
  const gen = (function* () { try { yield 1; yield 2; } finally { finalized = true; } })();
  const r = Readable.from(gen);
  r.once('data', () => r.destroy());
  await new Promise((res) => r.on('close', res));
  console.log('generator finalized on destroy', finalized);
  for (const bad of [42, null, {}]) {
    try {
      Readable.from(bad);
    } catch (e) {
      console.log(e.name, e.code, e.message);
    }
  }
}
main();
