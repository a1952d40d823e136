// setEncoding: multibyte characters split across chunks are decoded whole; read(n) counts
// characters; the encoding option; what was buffered before setEncoding is decoded too.
const { Readable, PassThrough } = require('stream');

const euro = [0xe2, 0x82, 0xac];
const smile = [0xf0, 0x9f, 0x98, 0x80];

const r = new Readable({ read() {} });
r.setEncoding('utf8');
console.log('readableEncoding', r.readableEncoding);
const got = [];
r.on('data', (s) => got.push(s));
r.on('end', () => console.log('utf8 chunks', JSON.stringify(got)));
r.push(new Uint8Array([0x61, euro[0]]));
r.push(new Uint8Array([euro[1]]));
r.push(new Uint8Array([euro[2], smile[0], smile[1]]));
r.push(new Uint8Array([smile[2], smile[3], 0x62]));
r.push(null);

// The option form, with a truncated character at the end.
const t = new Readable({ encoding: 'utf8', read() {} });
t.on('data', (s) => console.log('truncated end', JSON.stringify(s)));
t.push(new Uint8Array([0x7a, euro[0], euro[1]]));
t.push(null);

// Bytes buffered before setEncoding are decoded too; read(n) takes characters.
const p = new PassThrough();
p.write(new Uint8Array([0x68, 0x69, euro[0], euro[1], euro[2], 0x21]));
setTimeout(() => {
  p.setEncoding('utf8');
  console.log('length in chars', p.readableLength);
  console.log('read(3)', JSON.stringify(p.read(3)));
  console.log('read()', JSON.stringify(p.read()));
  p.end();
}, 1);

// latin1 and hex decoders.
const h = new Readable({ encoding: 'hex', read() {} });
h.on('data', (s) => console.log('hex', s));
h.push(new Uint8Array([0xde, 0xad, 0xbe, 0xef]));
h.push(null);
const l = new Readable({ read() {} });
l.setEncoding('latin1');
l.on('data', (s) => console.log('latin1', JSON.stringify(s)));
l.push(new Uint8Array([0xe9, 0x74, 0xe9]));
l.push(null);
