// tee(): both branches see every chunk; cancel only reaches the source when both cancel;
// errors reach both; byte-stream tees give byte branches with copied chunks.
'use strict';

async function readAll(stream) {
  const out = [];
  for await (const v of stream) out.push(v);
  return out;
}

async function main() {
  const rs = new ReadableStream({
    start(c) { c.enqueue('a'); c.enqueue('b'); c.close(); },
  });
  const [b1, b2] = rs.tee();
  console.log(rs, b1, b2);
  console.log(await readAll(b1), await readAll(b2));

  const canceled = new ReadableStream({
    start(c) { c.enqueue(1); },
    cancel(reason) { console.log('source cancel', reason); },
  });
  const [c1, c2] = canceled.tee();
  const p1 = c1.cancel('first');
  let settled = false;
  p1.then(() => { settled = true; });
  await new Promise((resolve) => setTimeout(resolve, 2));
  console.log('after one cancel', settled);
  await c2.cancel('second');
  await p1;
  console.log('after both', settled, canceled);

  let ctl;
  const erroring = new ReadableStream({ start(c) { ctl = c; } });
  const [e1, e2] = erroring.tee();
  ctl.enqueue('x');
  ctl.error(new Error('tee broke'));
  for (const b of [e1, e2]) {
    const r = b.getReader();
    await r.read().then((v) => console.log('read', v), (e) => console.log('read error', e.message));
    await r.closed.catch((e) => console.log('closed error', e.message));
  }

  const bytes = new ReadableStream({
    type: 'bytes',
    start(c) { c.enqueue(new Uint8Array([1, 2, 3])); c.close(); },
  });
  const [y1, y2] = bytes.tee();
  console.log(y1, y2);
  const r1 = y1.getReader({ mode: 'byob' });
  const view = await r1.read(new Uint8Array(2));
  console.log(view);
  console.log(await r1.read(new Uint8Array(4)));
  console.log(await r1.read(new Uint8Array(4)));
  const all2 = await readAll(y2);
  console.log(all2);
  all2[0][0] = 99;
  console.log(view.value);
}
main();
