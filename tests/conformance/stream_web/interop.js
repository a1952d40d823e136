// node streams ↔ web streams: Readable/Writable/Duplex fromWeb/toWeb, finished and
// pipeline with web streams, stream/consumers, Blob.prototype.stream.
'use strict';
const { Readable, Writable, Duplex, PassThrough, finished, pipeline } = require('stream');
const fsp = require('stream/promises');
const consumers = require('stream/consumers');

const wait = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
function t(label, fn) {
  try {
    fn();
    console.log(label, 'ok');
  } catch (e) {
    console.log(label, e.name, e.code, e.message);
  }
}

async function main() {
  // Readable.toWeb
  const r = new Readable({ read() {} });
  r.push(Buffer.from('ab'));
  r.push(null);
  const web = Readable.toWeb(r);
  console.log(web);
  const reader = web.getReader();
  const first = await reader.read();
  console.log(first, first.value.constructor.name, await reader.read());
  console.log(await consumers.text(Readable.toWeb(Readable.from(['x', 'y']))));
  const broken = new Readable({ read() {} });
  const brokenWeb = Readable.toWeb(broken);
  broken.destroy(new Error('node side broke'));
  await brokenWeb.getReader().read().catch((e) => console.log('toWeb error:', e.message));
  const cancelled = new Readable({ read() {}, destroy(err, cb) { console.log('destroyed with', err); cb(err); } });
  await Readable.toWeb(cancelled).cancel('why');

  // Readable.fromWeb
  const fromWeb = Readable.fromWeb(new ReadableStream({
    start(c) { c.enqueue(new Uint8Array([104, 105])); c.close(); },
  }));
  for await (const chunk of fromWeb) console.log('fromWeb chunk', chunk);
  const objects = Readable.fromWeb(new ReadableStream({ start(c) { c.enqueue({ a: 1 }); c.close(); } }), { objectMode: true });
  for await (const chunk of objects) console.log('fromWeb object', chunk);
  const failing = Readable.fromWeb(new ReadableStream({ start(c) { c.error(new Error('web side broke')); } }));
  failing.on('error', (e) => console.log('fromWeb error:', e.message));
  await wait(5);
  const destroyed = Readable.fromWeb(new ReadableStream({ cancel(reason) { console.log('web cancel', reason.message); } }));
  destroyed.on('error', (e) => console.log('destroy error:', e.message));
  destroyed.destroy(new Error('stop reading'));
  await wait(5);

  // Writable.toWeb / fromWeb
  const written = [];
  const nodeSink = new Writable({ write(chunk, enc, cb) { written.push(chunk.toString()); cb(); } });
  const webSink = Writable.toWeb(nodeSink);
  console.log(webSink);
  const writer = webSink.getWriter();
  await writer.write('hi');
  await writer.write(new Uint8Array([65, 66]));
  await writer.close();
  console.log(written, nodeSink.writableFinished);
  const sunk = [];
  const fromWebSink = Writable.fromWeb(new WritableStream({ write(chunk) { sunk.push(chunk); } }));
  fromWebSink.write('abc');
  fromWebSink.end('def');
  await new Promise((resolve) => fromWebSink.on('finish', resolve));
  console.log(sunk.map((c) => [c.constructor.name, c.toString()]));
  const badSink = Writable.fromWeb(new WritableStream({ write() { throw new Error('sink broke'); } }));
  badSink.on('error', (e) => console.log('fromWeb sink error:', e.message));
  badSink.write('x');
  await wait(5);

  // Duplex
  const pair = Duplex.toWeb(new PassThrough());
  console.log(pair);
  const pw = pair.writable.getWriter();
  pw.write(new TextEncoder().encode('through'));
  pw.close();
  for await (const chunk of pair.readable) console.log('pair chunk', chunk);
  const duplex = Duplex.fromWeb({
    readable: new ReadableStream({ start(c) { c.enqueue('r1'); c.close(); } }),
    writable: new WritableStream({ write(c) { console.log('duplex wrote', c); } }),
  }, { encoding: 'utf8' });
  duplex.on('data', (c) => console.log('duplex read', c));
  duplex.write('hello');
  duplex.end();
  await wait(10);

  // bad arguments
  t('Readable.toWeb', () => Readable.toWeb(1));
  t('Readable.fromWeb', () => Readable.fromWeb(1));
  t('Writable.toWeb', () => Writable.toWeb(1));
  t('Writable.fromWeb', () => Writable.fromWeb(1));
  t('Duplex.toWeb', () => Duplex.toWeb(1));
  t('Duplex.fromWeb', () => Duplex.fromWeb(1));

  // finished and pipeline
  const done = new ReadableStream({ start(c) { c.enqueue('a'); c.close(); } });
  finished(done, (err) => console.log('finished readable', err));
  for await (const x of done) console.log('got', x);
  let ctl;
  const erroring = new ReadableStream({ start(c) { ctl = c; } });
  finished(erroring, (err) => console.log('finished errored', err.message));
  ctl.error(new Error('rs broke'));
  await wait(5);
  const ws = new WritableStream();
  finished(ws, (err) => console.log('finished writable', err));
  await ws.getWriter().close();
  await wait(5);
  await fsp.finished(new ReadableStream({ start(c) { c.close(); } })).then(() => console.log('promises.finished'));

  const out = [];
  await new Promise((resolve) => pipeline(
    new ReadableStream({ start(c) { c.enqueue('x'); c.enqueue('y'); c.close(); } }),
    new Writable({ objectMode: true, write(c, e, cb) { out.push(c); cb(); } }),
    (err) => { console.log('pipeline web→node', err, out); resolve(); }));
  const got = [];
  await new Promise((resolve) => pipeline(
    Readable.from(['p', 'q']),
    new TransformStream({ transform(c, k) { k.enqueue(c.toUpperCase()); } }),
    new WritableStream({ write(c) { got.push(c); } }),
    (err) => { console.log('pipeline node→transform→web', err, got); resolve(); }));
  await fsp.pipeline(
    new ReadableStream({ start(c) { c.enqueue('z'); c.close(); } }),
    async function* (src) { for await (const c of src) yield c.toUpperCase(); },
    new WritableStream({ write(c) { console.log('promises.pipeline wrote', c); } }));
  await new Promise((resolve) => pipeline(
    Readable.from(['bad']),
    new WritableStream({ write() { throw new Error('web sink failed'); } }),
    (err) => { console.log('pipeline error', err.message); resolve(); }));

  // Blob.stream and stream/consumers over web streams
  const blob = new Blob(['blob ', 'data']);
  const bs = blob.stream();
  console.log(bs);
  for await (const chunk of bs) console.log(chunk);
  console.log(await consumers.text(new Blob(['xyz']).stream()));
  console.log(await consumers.json(ReadableStream.from(['{"a":', '1}'])));
  console.log(await consumers.buffer(new Blob([new Uint8Array([1, 2])]).stream()));
  const byob = new Blob(['abcdef']).stream().getReader({ mode: 'byob' });
  console.log(await byob.read(new Uint8Array(4)));
  console.log(await new Blob([]).stream().getReader().read());
  const nested = new Blob(['ab', new Blob(['c', 'd']), '', 'e']);
  for await (const c of nested.stream()) console.log('part', c);
  for await (const c of nested.slice(1, 4).stream()) console.log('slice part', c);
}
main();
