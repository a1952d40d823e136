// Microtask order of web-stream operations against plain promise ticks: reads, pulls,
// writes, close, transforms and promise-returning callbacks log in node's exact order.
'use strict';

const log = [];
const tick = (label, n = 4) => {
  let p = Promise.resolve();
  for (let i = 1; i <= n; i++) p = p.then(() => log.push(`${label}${i}`));
  return p;
};
const flush = () => new Promise((resolve) => setTimeout(resolve, 5));

async function main() {
  // reads against a started stream
  const rs = new ReadableStream({
    start(c) { log.push('start'); c.enqueue('a'); },
    pull(c) { log.push(`pull desired=${c.desiredSize}`); c.enqueue('p'); },
  });
  const reader = rs.getReader();
  reader.read().then((r) => log.push(`read1 ${r.value}`));
  reader.read().then((r) => log.push(`read2 ${r.value}`));
  tick('t');
  await flush();
  console.log('reads:', log.splice(0).join(' '));

  // writes and close
  const ws = new WritableStream({
    start() { log.push('wstart'); },
    write(chunk) { log.push(`write ${chunk}`); },
    close() { log.push('close'); },
  });
  const writer = ws.getWriter();
  writer.ready.then(() => log.push('ready'));
  writer.write(1).then(() => log.push('written 1'));
  writer.write(2).then(() => log.push('written 2'));
  writer.close().then(() => log.push('closed'));
  tick('t', 6);
  await flush();
  console.log('writes:', log.splice(0).join(' '));

  // transform
  const ts = new TransformStream({
    transform(chunk, c) { log.push(`transform ${chunk}`); c.enqueue(chunk * 10); },
    flush() { log.push('flush'); },
  });
  const tw = ts.writable.getWriter();
  const tr = ts.readable.getReader();
  tw.write(1).then(() => log.push('tw 1'));
  tr.read().then((r) => log.push(`tr ${r.value}`));
  tw.close().then(() => log.push('tw closed'));
  tr.read().then((r) => log.push(`tr done=${r.done}`));
  tick('t', 8);
  await flush();
  console.log('transform:', log.splice(0).join(' '));

  // a pull that returns a promise; a write that returns one
  let n = 0;
  const slow = new ReadableStream({
    pull(c) {
      log.push(`ppull ${n}`);
      c.enqueue(n++);
      return Promise.resolve();
    },
  }, { highWaterMark: 0 });
  const sr = slow.getReader();
  sr.read().then((r) => log.push(`pread ${r.value}`));
  sr.read().then((r) => log.push(`pread ${r.value}`));
  const pw = new WritableStream({ write(chunk) { log.push(`pwrite ${chunk}`); return Promise.resolve(); } }).getWriter();
  pw.write('a').then(() => log.push('pwritten a'));
  pw.write('b').then(() => log.push('pwritten b'));
  tick('t', 10);
  await flush();
  console.log('promises:', log.splice(0).join(' '));
}
main();
