// TransformStream: transform/flush/cancel, backpressure, terminate, errors on either side.
'use strict';

function t(label, fn) {
  try {
    const r = fn();
    if (r && typeof r.then === 'function') {
      return r.then((v) => console.log(label, 'resolved', v), (e) => console.log(label, 'rejected', e.name, e.code, e.message));
    }
    console.log(label, 'ok');
  } catch (e) {
    console.log(label, 'threw', e.name, e.code, e.message);
  }
}

async function main() {
  const upper = new TransformStream({
    transform(chunk, c) { c.enqueue(String(chunk).toUpperCase()); c.enqueue('|'); },
    flush(c) { c.enqueue('END'); },
  });
  console.log(upper);
  const w = upper.writable.getWriter();
  w.write('ab');
  w.write('cd');
  w.close();
  const out = [];
  for await (const v of upper.readable) out.push(v);
  console.log(out);

  // identity transform and backpressure: readable HWM 0 → writes wait for reads
  const id = new TransformStream();
  const iw = id.writable.getWriter();
  console.log('desired', iw.desiredSize);
  let wrote = false;
  const p = iw.write(1).then(() => { wrote = true; });
  await new Promise((resolve) => setTimeout(resolve, 5));
  console.log('write done before read', wrote, iw.desiredSize);
  const ir = id.readable.getReader();
  console.log(await ir.read());
  await p;
  console.log('write done after read', wrote);

  // terminate closes the readable and errors the writable
  const term = new TransformStream({ start(c) { c.enqueue('first'); c.terminate(); } });
  const tr = term.readable.getReader();
  console.log(await tr.read(), await tr.read());
  await t('write after terminate', () => term.writable.getWriter().write(1));

  // transform error errors both sides
  const bad = new TransformStream({ transform() { throw new RangeError('no'); } });
  const bw = bad.writable.getWriter();
  await t('write failing', () => bw.write(1));
  await t('read failing', () => bad.readable.getReader().read());

  // cancel on the readable side runs transformer.cancel and errors the writable
  const cancelable = new TransformStream({ cancel(reason) { console.log('transformer cancel', reason); } });
  await t('cancel readable', () => cancelable.readable.cancel('enough'));
  await t('write after cancel', () => cancelable.writable.getWriter().write(1));

  // abort on the writable side errors the readable
  const abortable = new TransformStream({ cancel(reason) { console.log('transformer cancel on abort', reason); } });
  await t('abort writable', () => abortable.writable.abort('halt'));
  await t('read after abort', () => abortable.readable.getReader().read());

  // desiredSize from the readable side
  const sized = new TransformStream({
    start(c) { console.log('start desired', c.desiredSize); c.enqueue(1); console.log('after enqueue', c.desiredSize); },
  }, undefined, { highWaterMark: 2 });
  console.log(await sized.readable.getReader().read());

  t('transformer number', () => new TransformStream(1));
  t('readableType', () => new TransformStream({ readableType: 'bytes' }));
  t('writableType', () => new TransformStream({ writableType: 'bytes' }));
  t('transform not fn', () => new TransformStream({ transform: 1 }));
  t('flush not fn', () => new TransformStream({ flush: 1 }));
  t('controller ctor', () => new TransformStreamDefaultController());
  t('enqueue after terminate', () => { let c; new TransformStream({ start(x) { c = x; } }); c.terminate(); c.enqueue(1); });
  t('readable this', () => Object.getOwnPropertyDescriptor(TransformStream.prototype, 'readable').get.call({}));
}
main();
