// stream/consumers: text, json, buffer, arrayBuffer from streams and async iterables.
const { text, json, buffer, arrayBuffer } = require('stream/consumers');
const { Readable, PassThrough } = require('stream');

async function main() {
  const euro = Buffer.from('€');
  const split = Readable.from([Buffer.from('price: '), euro.subarray(0, 2), euro.subarray(2)]);
  console.log('text', JSON.stringify(await text(split)));
  console.log('json', await json(Readable.from(['{"a":', '[1,2', ']}'])));
  const b = await buffer(Readable.from([Buffer.from('ab'), new Uint8Array([99]), 'd']));
  console.log('buffer', Buffer.isBuffer(b), b);
  const ab = await arrayBuffer(Readable.from([Buffer.from([1, 2, 3])]));
  console.log('arrayBuffer', ab instanceof ArrayBuffer, ab.byteLength, new Uint8Array(ab));
  async function* gen() {
    yield 'from ';
    yield 'generator';
  }
  console.log('async iterable', await text(gen()));
  const p = new PassThrough();
  const pending = text(p);
  p.write('written ');
  p.end('later');
  console.log('passthrough', await pending);
  try {
    await json(Readable.from(['{bad']));
  } catch (e) {
    console.log('bad json', e.name);
  }
  const failing = new Readable({ read() { this.destroy(new Error('source failed')); } });
  try {
    await text(failing);
  } catch (e) {
    console.log('rejected', e.message);
  }
}
main();
