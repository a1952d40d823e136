// Blob and File: parts, type normalisation, endings, slice, text/arrayBuffer/bytes, inspect, errors.
const { Blob, File } = require('buffer');
const util = require('util');
const b = new Blob(['héllo', Buffer.from(' w'), new Uint16Array([0x6f6f]), new Blob(['!'])], { type: 'Text/Plain' });
console.log(b, b.size, b.type, Object.prototype.toString.call(b), Blob === globalThis.Blob, File === globalThis.File);
const show = (label, f) => {
  try {
    console.log(label, f());
  } catch (e) {
    console.log(label, e.code, e.name, e.message);
  }
};
show('string sources', () => new Blob('abc'));
show('number sources', () => new Blob(5));
show('object part', () => new Blob([{}]).size);
show('non-ASCII type', () => new Blob([], { type: 'é' }).type);
show('bad endings', () => new Blob([], { endings: 'x' }));
show('options number', () => new Blob([], 5));
show('null sources', () => new Blob(null));
show('undefined sources', () => new Blob(undefined).size);
show('native endings', () => new Blob(['a\r\nb\n\r'], { endings: 'native' }).size);
show('ArrayBuffer part', () => new Blob([new ArrayBuffer(3), new DataView(new ArrayBuffer(2))]).size);
show('slice', () => b.slice(1, -2, 'X/Y'));
show('slice negative', () => b.slice(-3).size);
show('slice past end', () => b.slice(5, 100).size);
show('slice reversed', () => b.slice(5, 2).size);
show('prototype', () => Object.getOwnPropertyNames(Blob.prototype));
show('size on non-blob', () => Object.getOwnPropertyDescriptor(Blob.prototype, 'size').get.call({}));
show('call without new', () => Blob());
show('depth 0', () => util.inspect({ a: { b: new Blob([]) } }, { depth: 0 }));
show('in array', () => [new Blob(['x'])]);
const f = new File(['abc'], 'a.txt', { type: 'text/plain', lastModified: 42 });
show('file', () => [f, f.name, f.lastModified, f instanceof Blob, Object.prototype.toString.call(f)]);
show('file string lastModified', () => new File([], 'f', { lastModified: '7' }).lastModified);
show('file missing args', () => new File(['x']));
show('file default lastModified', () => typeof new File([], 'x').lastModified);
(async () => {
  console.log('text', await b.text());
  console.log('arrayBuffer', await b.arrayBuffer());
  console.log('bytes', await b.bytes());
  console.log('slice text', await b.slice(0, 3).text());
  console.log('bom', JSON.stringify(await new Blob(['\ufeffhi']).text()));
  await Blob.prototype.text.call({}).catch((e) => console.log('text on non-blob', e.code, e.message));
  await Blob.prototype.arrayBuffer.call(5).catch((e) => console.log('arrayBuffer on non-blob', e.code, e.message));
  const consumers = require('stream/consumers');
  const { Readable } = require('stream');
  const fromStream = await consumers.blob(Readable.from([Buffer.from('ab'), Buffer.from('c')]));
  console.log('consumers.blob', fromStream, await fromStream.text());
})();
