// WritableStream: write ordering, backpressure (desiredSize, ready), close, abort, errors.
'use strict';

function t(label, fn) {
  try {
    const r = fn();
    if (r && typeof r.then === 'function') {
      return r.then((v) => console.log(label, 'resolved', v), (e) => console.log(label, 'rejected', e.name, e.code, e.message));
    }
    console.log(label, 'ok', r);
  } catch (e) {
    console.log(label, 'threw', e.name, e.code, e.message);
  }
}
const tick = () => new Promise((resolve) => setTimeout(resolve, 1));

async function main() {
  const log = [];
  const ws = new WritableStream({
    start(c) { log.push('start'); console.log(c); },
    write(chunk, c) {
      log.push(`write ${chunk}`);
      return new Promise((resolve) => setTimeout(resolve, 2));
    },
    close() { log.push('close'); },
  }, new CountQueuingStrategy({ highWaterMark: 2 }));
  console.log(ws);
  const writer = ws.getWriter();
  console.log(writer.desiredSize, ws.locked);
  const w1 = writer.write('a').then(() => log.push('a done'));
  const w2 = writer.write('b').then(() => log.push('b done'));
  console.log('desired after two writes', writer.desiredSize);
  let readyResolved = false;
  writer.ready.then(() => { readyResolved = true; });
  await Promise.resolve();
  console.log('ready while full', readyResolved);
  const w3 = writer.write('c').then(() => log.push('c done'));
  const closed = writer.close().then(() => log.push('close done'));
  await Promise.all([w1, w2, w3, closed]);
  console.log(log, ws, writer.desiredSize);
  await writer.closed.then((v) => console.log('closed resolved', v));
  await t('close after close', () => writer.close());
  writer.releaseLock();
  await t('closed after release', () => writer.closed);
  t('desiredSize after release', () => writer.desiredSize);

  // abort: the sink's abort gets the reason, queued writes reject, signal fires
  const aborted = [];
  let signal;
  const ws2 = new WritableStream({
    start(c) { signal = c.signal; },
    write() { return new Promise((resolve) => setTimeout(resolve, 5)); },
    abort(reason) { aborted.push(`sink abort ${reason}`); },
  });
  signal.addEventListener('abort', () => aborted.push(`signal ${signal.reason}`));
  const wr2 = ws2.getWriter();
  const p1 = wr2.write(1).then(() => aborted.push('write 1 ok'), (e) => aborted.push(`write 1 ${e}`));
  const p2 = wr2.write(2).then(() => aborted.push('write 2 ok'), (e) => aborted.push(`write 2 ${e}`));
  await tick();
  const ab = wr2.abort('stop').then(() => aborted.push('abort resolved'));
  await Promise.all([p1, p2, ab]);
  await wr2.closed.catch((e) => aborted.push(`closed ${e}`));
  console.log(aborted, ws2);

  // a failing write errors the stream
  const ws3 = new WritableStream({ write(chunk) { if (chunk === 2) throw new Error('bad chunk'); } });
  const wr3 = ws3.getWriter();
  await t('write 1', () => wr3.write(1));
  await t('write 2', () => wr3.write(2));
  await t('write 3', () => wr3.write(3));
  console.log(ws3, wr3.desiredSize);
  await t('ready', () => wr3.ready);

  // controller.error, byte-length strategy
  let ctl;
  const ws4 = new WritableStream({ start(c) { ctl = c; } }, new ByteLengthQueuingStrategy({ highWaterMark: 10 }));
  const wr4 = ws4.getWriter();
  console.log(wr4.desiredSize);
  const pending4 = wr4.write(new Uint8Array(4)).catch((e) => console.log('pending write', e.message));
  console.log(wr4.desiredSize);
  ctl.error(new TypeError('ctl error'));
  await t('closed after error', () => wr4.closed);
  console.log(wr4.desiredSize);
  await pending4;

  // argument and state errors
  t('sink number', () => new WritableStream(1));
  t('sink type', () => new WritableStream({ type: 'bytes' }));
  t('write not fn', () => new WritableStream({ write: 1 }));
  t('locked', () => { const w = new WritableStream(); w.getWriter(); w.getWriter(); });
  await t('close locked', () => { const w = new WritableStream(); w.getWriter(); return w.close(); });
  await t('abort locked', () => { const w = new WritableStream(); w.getWriter(); return w.abort(); });
  await t('close twice', () => { const w = new WritableStream(); w.close(); return w.close(); });
  t('writer ctor', () => new WritableStreamDefaultWriter({}));
  t('controller ctor', () => new WritableStreamDefaultController());
  t('strategy no hwm', () => new CountQueuingStrategy({}));
  t('strategy undefined', () => new ByteLengthQueuingStrategy());
  const s = new ByteLengthQueuingStrategy({ highWaterMark: '5' });
  console.log(s, s.highWaterMark, s.size({ byteLength: 3 }), s.size === new ByteLengthQueuingStrategy({ highWaterMark: 1 }).size);
  console.log(new CountQueuingStrategy({ highWaterMark: 1 }).size());
}
main();
