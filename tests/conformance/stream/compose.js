// stream.compose and readable.compose: writes go into the first stage, reads come from the
// last; event order, errors, one-sided and single-stage compositions, bad arguments.
const { compose, Readable, Writable, PassThrough, Transform, pipeline } = require('stream');
const log = (...a) => console.log(...a);
async function main() {
  for (const args of [[new Writable({ write(c, e, cb) { cb(); } }), new PassThrough()], [new PassThrough(), Readable.from([])], []]) {
    try { compose(...args); } catch (e) { log(e.name, e.code, e.message.split('.')[0]); }
  }
  const c = compose(new PassThrough(), async function* (s) { for await (const x of s) yield String(x).toUpperCase(); });
  log(c.constructor.name, c.readable, c.writable, c.readableObjectMode, c.writableObjectMode);
  c.on('data', (d) => log('data', d)); c.on('end', () => log('end')); c.on('finish', () => log('finish'));
  c.write('a'); c.end('b');
  await new Promise((r) => c.on('close', r));
  log('closed');
  const upper = new Transform({ transform(chunk, e, cb) { cb(null, String(chunk).toUpperCase()); } });
  const exclaim = new Transform({ transform(chunk, e, cb) { cb(null, chunk + '!'); } });
  const both = compose(upper, exclaim);
  const got = [];
  await new Promise((r) => pipeline(Readable.from(['x', 'y']), both, new Writable({ write(ch, e, cb) { got.push(String(ch)); cb(); } }), (err) => { log('pipeline', err, got); r(); }));
  const failing = compose(new PassThrough(), new Transform({ transform(ch, e, cb) { cb(new Error('stage failed')); } }));
  failing.on('error', (e) => log('composed error', e.message, failing.destroyed));
  failing.write('q');
  await new Promise((r) => failing.on('close', r));
  const ro = compose(Readable.from(['only', 'read']), new PassThrough({ objectMode: true }));
  log('readable only', ro.writable, await ro.toArray());
  const res = await Readable.from(['m', 'n']).compose(async function* (s) { for await (const v of s) yield v + v; }).toArray();
  log('operator', res);
  const t = compose(new PassThrough(), new PassThrough());
  for (const ev of ['data', 'end', 'finish', 'close']) t.on(ev, (x) => log('transform tail', ev, x === undefined ? '' : String(x)));
  t.end('z');
  await new Promise((r) => t.on('close', r));
  const one = compose(async function* (s) { for await (const v of s) yield v; });
  log('single', one.readable, one.writable);
}
main();
