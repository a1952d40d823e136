// Readable byte streams: BYOB reads, byobRequest.respond/respondWithNewView,
// autoAllocateChunkSize, default reads of byte streams, buffer transfer and errors.
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
  let next = 0;
  const rs = new ReadableStream({
    type: 'bytes',
    pull(c) {
      const req = c.byobRequest;
      console.log('pull', req === null ? null : req.view.byteLength, c.desiredSize);
      if (req) {
        const n = Math.min(3, req.view.byteLength);
        for (let i = 0; i < n; i++) req.view[i] = next++;
        req.respond(n);
        if (next >= 7) c.close();
      }
    },
  });
  console.log(rs);
  const reader = rs.getReader({ mode: 'byob' });
  console.log(reader);
  const buf = new ArrayBuffer(8);
  const r1 = await reader.read(new Uint8Array(buf, 0, 4));
  console.log(r1, buf.byteLength, r1.value.buffer.byteLength);
  console.log(await reader.read(new Uint16Array(2)));
  console.log(await reader.read(new DataView(new ArrayBuffer(5))));
  console.log(await reader.read(new Uint8Array(4)));
  console.log(rs);

  // enqueue into a byte stream and read with a default reader: the chunk's buffer moves
  let ctl;
  const rs2 = new ReadableStream({ type: 'bytes', start(c) { ctl = c; } }, { highWaterMark: 10 });
  const chunk = new Uint8Array([5, 6, 7, 8]);
  ctl.enqueue(chunk);
  console.log('detached', chunk.byteLength, ctl.desiredSize);
  const d = rs2.getReader();
  console.log(await d.read());
  ctl.enqueue(new Uint8Array([9]));
  ctl.close();
  console.log(await d.read(), await d.read());

  // queued bytes fill a BYOB read; partial element reads wait for more
  let ctl3;
  const rs3 = new ReadableStream({ type: 'bytes', start(c) { ctl3 = c; } });
  ctl3.enqueue(new Uint8Array([1, 2, 3]));
  const r3 = rs3.getReader({ mode: 'byob' });
  console.log(await r3.read(new Uint8Array(2)));
  const pending = r3.read(new Uint16Array(1));
  ctl3.enqueue(new Uint8Array([4]));
  console.log(await pending);
  ctl3.close();
  console.log(await r3.read(new Uint8Array(1)));

  // respondWithNewView
  const rs4 = new ReadableStream({
    type: 'bytes',
    pull(c) {
      const v = c.byobRequest.view;
      const mine = new Uint8Array(v.buffer, v.byteOffset, 2);
      mine.set([42, 43]);
      c.byobRequest.respondWithNewView(mine);
    },
  });
  console.log(await rs4.getReader({ mode: 'byob' }).read(new Uint8Array(8)));

  // autoAllocateChunkSize gives default readers a byobRequest
  const rs5 = new ReadableStream({
    type: 'bytes',
    autoAllocateChunkSize: 16,
    pull(c) {
      console.log('auto view', c.byobRequest.view.byteLength);
      c.byobRequest.view[0] = 1;
      c.byobRequest.respond(1);
      c.close();
    },
  });
  const r5 = rs5.getReader();
  console.log(await r5.read(), await r5.read());

  // errors
  let bc;
  new ReadableStream({ type: 'bytes', start(c) { bc = c; } });
  t('enqueue string', () => bc.enqueue('x'));
  t('enqueue empty', () => bc.enqueue(new Uint8Array(0)));
  t('autoAllocate 0', () => new ReadableStream({ type: 'bytes', autoAllocateChunkSize: 0 }));
  bc.close();
  t('close twice', () => bc.close());
  t('enqueue closed', () => bc.enqueue(new Uint8Array(1)));
  const br = new ReadableStream({ type: 'bytes' }).getReader({ mode: 'byob' });
  await t('read string', () => br.read('x'));
  await t('read empty', () => br.read(new Uint8Array(0)));
  await t('read nothing', () => br.read());
  const rs6 = new ReadableStream({
    type: 'bytes',
    pull(c) {
      t('respond too much', () => c.byobRequest.respond(5));
      t('respond zero', () => c.byobRequest.respond(0));
      c.byobRequest.respond(1);
      t('respond invalidated', () => c.byobRequest);
    },
  });
  console.log(await rs6.getReader({ mode: 'byob' }).read(new Uint8Array(4)));
  t('byob reader ctor', () => new ReadableStreamBYOBReader(new ReadableStream()));
  const errored = new ReadableStream({ type: 'bytes', start(c) { c.error(new Error('byte boom')); } });
  await t('read errored', () => errored.getReader({ mode: 'byob' }).read(new Uint8Array(1)));
  const canceled = new ReadableStream({ type: 'bytes', cancel(r) { console.log('byte cancel', r); } });
  const cr = canceled.getReader({ mode: 'byob' });
  const pendingRead = cr.read(new Uint8Array(3));
  await cr.cancel('bye');
  console.log(await pendingRead);
}
main();
