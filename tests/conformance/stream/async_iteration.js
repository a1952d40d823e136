// for await over Readables, iterator({ destroyOnReturn }), errors and early exit.
const { Readable } = require('stream');

async function main() {
  const out = [];
  for await (const c of Readable.from(['a', 'b', 'c'])) out.push(c);
  console.log('all', out);

  const early = Readable.from([1, 2, 3, 4]);
  for await (const c of early) {
    console.log('early', c);
    if (c === 2) break;
  }
  await new Promise((r) => setImmediate(r));
  console.log('after break destroyed', early.destroyed);

  const kept = Readable.from([1, 2, 3, 4]);
  for await (const c of kept.iterator({ destroyOnReturn: false })) {
    console.log('kept', c);
    break;
  }
  console.log('kept destroyed', kept.destroyed, 'next', await kept.toArray());

  const failing = new Readable({
    objectMode: true,
    read() {
      this.destroy(new Error('read failed'));
    },
  });
  try {
    for await (const c of failing) console.log('never', c);
  } catch (err) {
    console.log('caught', err.message);
  }

  let n = 0;
  const counter = new Readable({
    objectMode: true,
    read() {
      n += 1;
      setTimeout(() => this.push(n <= 3 ? n * 10 : null), 1);
    },
  });
  const it = counter[Symbol.asyncIterator]();
  console.log(await it.next(), await it.next());
  console.log(await it.return(), counter.destroyed);
}
main();
