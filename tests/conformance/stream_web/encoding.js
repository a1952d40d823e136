// TextEncoderStream, TextDecoderStream, CompressionStream and DecompressionStream.
'use strict';

async function collect(readable) {
  const out = [];
  for await (const v of readable) out.push(v);
  return out;
}
async function through(pair, chunks) {
  const w = pair.writable.getWriter();
  for (const c of chunks) w.write(c).catch(() => {});
  w.close().catch(() => {});
  return collect(pair.readable);
}

async function main() {
  const enc = new TextEncoderStream();
  console.log(enc, enc.encoding);
  console.log(await through(enc, ['a\uD83D', '\uDE00b', 1, '\uD800']));
  const dec = new TextDecoderStream('utf-8', { fatal: false });
  console.log(dec, dec.encoding, dec.fatal, dec.ignoreBOM);
  console.log(await through(dec, [new Uint8Array([0xef, 0xbb, 0xbf, 0xe2, 0x82]), new Uint8Array([0xac]).buffer, new Uint8Array([0xe2])]));
  const fatal = new TextDecoderStream('utf-8', { fatal: true });
  await through(fatal, [new Uint8Array([0xff])]).catch((e) => console.log(e.name, e.code, e.message));
  const badInput = new TextDecoderStream();
  await through(badInput, ['text']).catch((e) => console.log(e.name, e.code, e.message));
  try { new TextDecoderStream('nope'); } catch (e) { console.log(e.name, e.code, e.message); }

  const text = 'hello web streams '.repeat(20);
  for (const format of ['gzip', 'deflate', 'deflate-raw']) {
    const compressed = await through(new CompressionStream(format), [new TextEncoder().encode(text)]);
    const sizes = compressed.map((c) => c.constructor.name);
    const back = await through(new DecompressionStream(format), compressed);
    console.log(format, sizes.every((n) => n === 'Uint8Array'), Buffer.concat(back).toString() === text);
  }
  console.log(new CompressionStream('gzip'), new DecompressionStream('deflate'));
  await through(new DecompressionStream('gzip'), [new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])])
    .catch((e) => console.log(e.name, e.code, e.message));
  for (const bad of ['br', undefined]) {
    try { new CompressionStream(bad); } catch (e) { console.log(e.name, e.code, e.message); }
    try { new DecompressionStream(bad); } catch (e) { console.log(e.name, e.code, e.message); }
  }
}
main();
