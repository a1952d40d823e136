// pipeTo / pipeThrough: data order, close/abort/cancel propagation, prevent* options,
// AbortSignal, and errors on either end.
'use strict';

const source = (chunks, extra = {}) => new ReadableStream({
  start(c) { for (const x of chunks) c.enqueue(x); if (!extra.open) c.close(); },
  cancel(reason) { console.log('  source cancel:', describe(reason)); },
  ...extra.source,
});
function sink(name, extra = {}) {
  const got = [];
  const ws = new WritableStream({
    write(chunk) { got.push(chunk); if (extra.failOn === chunk) throw new Error(`sink failed on ${chunk}`); },
    close() { console.log(`  ${name} close:`, got); },
    abort(reason) { console.log(`  ${name} abort:`, String(reason), got); },
  });
  return ws;
}
const describe = (e) => (e instanceof Error ? `${e.name} ${e.code} ${e.message}` : String(e));
const show = (label) => [(v) => console.log(label, 'resolved', v), (e) => console.log(label, 'rejected', describe(e))];

async function main() {
  await source([1, 2, 3]).pipeTo(sink('plain')).then(...show('plain'));
  const ws = sink('preventClose');
  await source([1]).pipeTo(ws, { preventClose: true }).then(...show('preventClose'));
  console.log(ws.locked, ws);

  // source errors: dest aborted unless preventAbort
  const failing = () => new ReadableStream({ start(c) { c.enqueue('x'); c.error(new Error('src broke')); } });
  await failing().pipeTo(sink('abortDest')).then(...show('source error'));
  const kept = sink('kept');
  await failing().pipeTo(kept, { preventAbort: true }).then(...show('preventAbort'));
  console.log(kept);

  // dest errors: source canceled unless preventCancel
  await source([1, 2, 3], { open: true }).pipeTo(sink('failing', { failOn: 2 })).then(...show('dest error'));
  const open = source([1, 2], { open: true });
  await open.pipeTo(sink('failing2', { failOn: 1 }), { preventCancel: true }).then(...show('preventCancel'));
  console.log(open);

  // closed destination
  const closedDest = new WritableStream();
  await closedDest.close();
  await source([1], { open: true }).pipeTo(closedDest).then(...show('closed dest'));

  // abort signal, before and during the pipe
  const ac = new AbortController();
  ac.abort();
  await source([1], { open: true }).pipeTo(sink('pre-aborted'), { signal: ac.signal }).then(...show('pre-aborted'));
  const ac2 = new AbortController();
  const slow = new ReadableStream({
    pull(c) { return new Promise((resolve) => setTimeout(() => { if (c.desiredSize !== null && !ac2.signal.aborted) c.enqueue('tick'); resolve(); }, 2)); },
    cancel(reason) { console.log('  slow cancel:', reason.name); },
  });
  const piping = slow.pipeTo(new WritableStream({
    write(chunk) { if (chunk === 'tick') ac2.abort(); },
    abort(reason) { console.log('  slow dest abort:', reason.name, reason.message); },
  }), { signal: ac2.signal });
  await piping.then(...show('aborted'));
  const ac3 = new AbortController();
  const ws3 = sink('prevent-both');
  const src3 = source([], { open: true });
  const p3 = src3.pipeTo(ws3, { signal: ac3.signal, preventAbort: true, preventCancel: true });
  ac3.abort(new Error('custom reason'));
  await p3.then(...show('abort with prevents'));
  console.log(src3, ws3);

  // pipeThrough
  const upper = new TransformStream({ transform(chunk, c) { c.enqueue(chunk.toUpperCase()); } });
  const result = source(['a', 'b']).pipeThrough(upper);
  console.log(result === upper.readable);
  const out = [];
  for await (const v of result) out.push(v);
  console.log(out);
  const text = source(['hé', 'llo'])
    .pipeThrough(new TextEncoderStream())
    .pipeThrough(new TextDecoderStream());
  let s = '';
  for await (const v of text) s += v;
  console.log(s);
  try {
    const locked = source([]);
    locked.getReader();
    locked.pipeThrough(new TransformStream());
  } catch (e) {
    console.log(e.name, e.code, e.message);
  }
}
main();
