// stream.compose with web stream stages: TransformStreams, a ReadableStream head and a
// WritableStream tail, mixed with node streams and generators.
'use strict';
const { compose, Transform, Readable } = require('stream');

async function collect(stream) {
  let out = '';
  for await (const chunk of stream) out += chunk;
  return out;
}

async function main() {
  const d = compose(
    new TransformStream({ transform(chunk, c) { c.enqueue(chunk.toString().replace(' ', '_')); } }),
    new TransformStream({ transform(chunk, c) { c.enqueue(chunk.toUpperCase()); } }),
  );
  d.end('hello world');
  console.log(await collect(d));

  const mixed = compose(
    new Transform({ transform(chunk, enc, cb) { cb(null, chunk + chunk); } }),
    new TransformStream({ transform(chunk, c) { c.enqueue(chunk.toString().toUpperCase()); } }),
    async function* (source) { for await (const chunk of source) yield `<${chunk}>`; },
  );
  mixed.end('asd');
  console.log(await collect(mixed));

  const headed = compose(
    new ReadableStream({ start(c) { c.enqueue('a'); c.enqueue('b'); c.close(); } }),
    new TransformStream({ transform(chunk, c) { c.enqueue(chunk + '!'); } }),
  );
  console.log(headed.writable, await collect(headed));

  const written = [];
  const tailed = compose(
    new TransformStream({ transform(chunk, c) { c.enqueue(chunk.toString().toUpperCase()); } }),
    new WritableStream({ write(chunk) { written.push(chunk); } }),
  );
  tailed.end('tail');
  await new Promise((resolve) => tailed.on('finish', resolve));
  console.log(tailed.readable, written);

  const failing = compose(
    new TransformStream({ transform() { throw new Error('transform failed'); } }),
    new TransformStream(),
  );
  failing.on('error', (e) => console.log('error', e.message));
  failing.end('x');
  await new Promise((resolve) => failing.on('close', resolve));
  console.log(await collect(compose(Readable.from(['p', 'q']), new TransformStream())));

  // an async function stage that rejects errors the composed stream at once
  const rejecting = compose(
    new TransformStream(),
    async function* (source) { for await (const chunk of source) yield chunk; },
    async function () { throw new Error('async stage failed'); },
  );
  rejecting.on('error', (e) => console.log('error', e.message));
  rejecting.end('xyz');
  await new Promise((resolve) => rejecting.on('close', resolve));
}
main();
