// ReadableStream with a default controller: enqueue/close/error, reader reads, desiredSize,
// pull timing, cancel, locked, async iteration and ReadableStream.from.
'use strict';
const { ReadableStream: RS } = require('stream/web');
console.log(RS === ReadableStream, require('node:stream/web').ReadableStream === RS);

async function main() {
  const log = [];
  let ctrl;
  const rs = new ReadableStream({
    start(c) {
      ctrl = c;
      log.push(`start desired=${c.desiredSize}`);
      c.enqueue('a');
      log.push(`after enqueue desired=${c.desiredSize}`);
    },
    pull(c) {
      log.push(`pull desired=${c.desiredSize}`);
    },
    cancel(reason) {
      log.push(`cancel ${reason}`);
    },
  }, { highWaterMark: 2 });
  console.log(rs, rs.locked);
  const reader = rs.getReader();
  console.log(rs.locked, reader);
  console.log(await reader.read());
  ctrl.enqueue('b');
  ctrl.enqueue('c');
  ctrl.close();
  console.log(await reader.read(), await reader.read(), await reader.read());
  await reader.closed;
  console.log('closed', rs);
  console.log(log);

  // error: pending and later reads reject, closed rejects
  let c2;
  const errored = new ReadableStream({ start(c) { c2 = c; } });
  const r2 = errored.getReader();
  const pending = r2.read();
  c2.error(new Error('boom'));
  await pending.catch((e) => console.log('pending read:', e.message));
  await r2.read().catch((e) => console.log('later read:', e.message));
  await r2.closed.catch((e) => console.log('closed:', e.message));
  console.log(errored, c2.desiredSize);

  // cancel resolves after the source's cancel, with the reason passed through
  const canceled = new ReadableStream({
    cancel(reason) {
      console.log('source cancel', reason);
      return new Promise((resolve) => setTimeout(resolve, 5));
    },
  });
  await canceled.cancel('why').then((v) => console.log('cancel resolved', v));
  console.log(canceled);

  // pull is called until the queue reaches the high-water mark
  let n = 0;
  const counted = new ReadableStream({
    pull(c) {
      n++;
      c.enqueue(n);
      if (n === 5) c.close();
    },
  }, new CountQueuingStrategy({ highWaterMark: 3 }));
  await new Promise((resolve) => setTimeout(resolve, 10));
  console.log('pulled before reading', n);
  const seen = [];
  for await (const v of counted) seen.push(v);
  console.log(seen, counted.locked);

  // async iteration: break cancels, preventCancel does not
  const it1 = new ReadableStream({
    start(c) { c.enqueue(1); c.enqueue(2); },
    cancel(r) { console.log('it1 canceled', r); },
  });
  for await (const v of it1) { console.log('it1', v); break; }
  console.log(it1);
  const it2 = new ReadableStream({
    start(c) { c.enqueue(1); c.enqueue(2); },
    cancel() { console.log('never'); },
  });
  for await (const v of it2.values({ preventCancel: true })) { console.log('it2', v); break; }
  console.log(it2, await it2.getReader().read());

  // ReadableStream.from: sync and async iterables
  const fromArray = ReadableStream.from([1, Promise.resolve(2), 3]);
  const got = [];
  for await (const v of fromArray) got.push(v);
  console.log(got);
  async function* gen() { yield 'x'; yield 'y'; }
  const fromGen = ReadableStream.from(gen());
  console.log(await fromGen.getReader().read());
  const chars = [];
  for await (const ch of ReadableStream.from('hi')) chars.push(ch);
  console.log(chars);
  // from() cancels the iterator through its return()
  const iterable = {
    [Symbol.asyncIterator]() {
      return {
        next: async () => ({ value: 1, done: false }),
        return: async (v) => { console.log('return called', v); return { done: true }; },
      };
    },
  };
  await ReadableStream.from(iterable).cancel('stop');
}
main();
