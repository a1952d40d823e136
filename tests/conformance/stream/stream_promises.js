// stream/promises and stream.promises: pipeline and finished as promises.
const { Readable, Writable, Transform } = require('stream');
const sp = require('stream/promises');
const { promisify } = require('util');

async function main() {
  console.log('same object', sp === require('stream').promises, Object.keys(sp).sort());
  const got = [];
  await sp.pipeline(
    Readable.from(['a', 'b', 'c']),
    new Transform({ objectMode: true, transform(c, e, cb) { cb(null, c + c); } }),
    new Writable({ objectMode: true, write(c, e, cb) { got.push(c); cb(); } }),
  );
  console.log('pipeline resolved', got);

  const value = await sp.pipeline(Readable.from([1, 2, 3]), async (source) => {
    let sum = 0;
    for await (const n of source) sum += n;
    return sum;
  });
  console.log('value of the last function', value);

  try {
    await sp.pipeline(
      Readable.from(['x']),
      new Writable({ objectMode: true, write(c, e, cb) { cb(new Error('sink failed')); } }),
    );
  } catch (err) {
    console.log('pipeline rejected', err.message);
  }

  const ac = new AbortController();
  const slow = new Readable({ objectMode: true, read() {} });
  const p = sp.pipeline(slow, new Writable({ objectMode: true, write(c, e, cb) { cb(); } }), { signal: ac.signal });
  ac.abort();
  try {
    await p;
  } catch (err) {
    console.log('aborted', err.name, err.code, slow.destroyed);
  }

  const w = new Writable({ objectMode: true, write(c, e, cb) { cb(); } });
  w.end('done');
  await sp.finished(w);
  console.log('finished resolved', w.writableFinished);

  await promisify(require('stream').pipeline)(Readable.from(['q']), new Writable({ objectMode: true, write(c, e, cb) { cb(); } }));
  console.log('promisified pipeline');
  await promisify(require('stream').finished)(Readable.from([]).resume());
  console.log('promisified finished');
}
main();
