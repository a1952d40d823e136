// Duplex.from: async generator and async functions, iterables, strings, promises,
// streams and { readable, writable } pairs; bad bodies and bad return values.
const { Duplex, Readable, Writable, PassThrough, pipeline } = require('stream');
const log = (...a) => console.log(...a);
async function main() {
  const up = Duplex.from(async function* (source) { for await (const c of source) yield String(c).toUpperCase(); });
  log('is duplex', up instanceof Duplex, up.writableObjectMode, up.readableObjectMode);
  const out = [];
  up.on('data', (d) => out.push(d));
  up.write('a'); up.write('b'); up.end('c');
  await new Promise((r) => up.on('end', r));
  log('gen duplex', out);
  await new Promise((resolve) => pipeline(Readable.from(['x', 'y']), Duplex.from(async function* (src) { for await (const c of src) yield c + c; }), new Writable({ objectMode: true, write(c, e, cb) { log('piped', c); cb(); } }), (err) => { log('pipeline', err); resolve(); }));
  const seen = [];
  const consumer = Duplex.from(async function (source) { for await (const c of source) seen.push(c); });
  consumer.on('finish', () => log('async fn finish', seen));
  consumer.write('p'); consumer.end('q');
  await new Promise((r) => consumer.on('close', r));
  log('async fn closed', consumer.readable, consumer.writable);
  const fromArr = Duplex.from(['i', 'j']);
  log('array', await fromArr.toArray(), fromArr.writable);
  log('string', await Duplex.from('whole').toArray());
  log('promise', await Duplex.from(Promise.resolve('pv')).toArray());
  const pt = new PassThrough();
  log('same duplex', Duplex.from(pt) === pt);
  const r = Readable.from(['r1', 'r2']);
  const dr = Duplex.from(r);
  log('from readable', dr instanceof Duplex, dr === r, dr.writable, await dr.toArray());
  const got = [];
  const w = new Writable({ objectMode: true, write(c, e, cb) { got.push(c); cb(); } });
  const dw = Duplex.from(w);
  dw.write('w1'); dw.end('w2');
  await new Promise((res) => dw.on('finish', res));
  log('from writable', dw === w, got, dw.readable);
  const pair = Duplex.from({ readable: Readable.from(['left']), writable: new Writable({ objectMode: true, write(c, e, cb) { log('pair wrote', c); cb(); } }) });
  pair.end('right');
  log('pair', await pair.toArray());
  for (const bad of [42, null]) {
    try { Duplex.from(bad); } catch (e) { log(e.name, e.code, e.message); }
  }
  for (const ret of [5, {}, null, () => 1]) {
    try { Duplex.from(() => ret); } catch (e) { log(e.name, e.code, e.message); }
  }
  try { pipeline(Readable.from([1]), () => 5, () => {}, () => {}); } catch (e) { log(e.name, e.code, e.message); }
  const failing = Duplex.from(async function* (src) { for await (const c of src) { throw new Error('gen failed ' + c); } });
  failing.on('error', (e) => log('gen error', e.message));
  failing.write('z');
  failing.resume();
}
main();
