// addAbortSignal on web streams, node's AbortError as a pipeTo abort reason, inspect's
// receiver check and TextDecoderStream's options check.
'use strict';
const util = require('util');
const { addAbortSignal, finished, Readable } = require('stream');

async function main() {
  const rs = new ReadableStream({ start(c) { c.enqueue('a'); c.enqueue('b'); c.close(); } });
  const ac = new AbortController();
  addAbortSignal(ac.signal, rs);
  const reader = rs.getReader();
  finished(rs, (err) => console.log('finished', err.name, err.code, err.message));
  console.log(await reader.read());
  ac.abort();
  await reader.read().catch((e) => console.log('read after abort', e.name, e.message));

  const values = [];
  const ws = new WritableStream({ write(c) { values.push(c); } });
  const ac2 = new AbortController();
  addAbortSignal(ac2.signal, ws);
  const writer = ws.getWriter();
  await writer.write(1);
  ac2.abort(new Error('custom'));
  await writer.write(2).catch((e) => console.log('write after abort', e.name, e.message, e.cause && e.cause.message));
  console.log(values, ws);
  try {
    addAbortSignal(new AbortController().signal, {});
  } catch (e) {
    console.log(e.name, e.code, e.message);
  }

  // node's own AbortError as a signal's reason reaches pipeTo as a DOMException
  const pre = new AbortController();
  pre.abort();
  const destroyed = addAbortSignal(pre.signal, new Readable({ read() {} }));
  const reason = await new Promise((resolve) => destroyed.on('error', resolve));
  const ac3 = new AbortController();
  ac3.abort(reason);
  await new ReadableStream().pipeTo(new WritableStream(), { signal: ac3.signal })
    .catch((e) => console.log(e instanceof DOMException, e.name, e.message === reason.message));

  for (const obj of [new TextEncoderStream(), new TextDecoderStream()]) {
    try {
      obj[util.inspect.custom].call({});
    } catch (e) {
      console.log(e.name, e.code, e.message);
    }
  }
  for (const options of [1, false, 'x']) {
    try {
      new TextDecoderStream(undefined, options);
    } catch (e) {
      console.log(e.name, e.code, e.message);
    }
  }
}
main();
