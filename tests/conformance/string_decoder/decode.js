// string_decoder: chunked decoding for every encoding, with the legacy state getters.
const { StringDecoder } = require('string_decoder');
const u8 = (...b) => new Uint8Array(b);
const show = (d, label, out) => console.log(label, JSON.stringify(out), d.lastNeed, d.lastTotal, Array.from(d.lastChar));
function run(enc, chunks, endChunk) {
  const d = new StringDecoder(enc);
  console.log(`-- ${enc} -> ${d.encoding}`);
  for (const c of chunks) show(d, 'write', d.write(c));
  show(d, 'end', endChunk === undefined ? d.end() : d.end(endChunk));
  show(d, 'after end', d.write(u8(0x61)));
}
const euro = [0xe2, 0x82, 0xac];
const smile = [0xf0, 0x9f, 0x98, 0x80];
run('utf8', [u8(euro[0]), u8(euro[1]), u8(euro[2], 0x21), u8(...smile.slice(0, 3)), u8(smile[3])]);
run('utf-8', [u8(0xe2, 0x82)]);
run('utf8', [u8(0xe2, 0x41), u8(0xf0, 0x9f), u8(0xc0, 0x80, 0xff)], u8(0xe2));
run(undefined, [u8(0x68, 0x69)]);
run(null, [u8(0xc3), u8(0xa9)]);
run('UTF16LE', [u8(0x61), u8(0x00, 0x3d, 0xd8), u8(0x00, 0xde), u8(0x62, 0x00)]);
run('ucs2', [u8(0x3d, 0xd8)]);
run('utf-16le', [u8(0x3d, 0xd8, 0x41, 0x00)], u8(0x42));
run('base64', [u8(1), u8(2, 3, 4), u8(5)]);
run('base64url', [u8(0xfb, 0xff), u8(0xbf)], u8(1));
run('hex', [u8(0xde, 0xad), u8(0xbe, 0xef)]);
run('latin1', [u8(0xe9, 0x41), u8(0xff)]);
run('binary', [u8(0x80)]);
run('ascii', [u8(0xe9, 0x41, 0x7f)]);
run('', [u8(0xe2, 0x82, 0xac)]);
const d = new StringDecoder('utf8');
console.log(d.write('already a string'), d.end('tail'));
console.log(JSON.stringify(d.write(new Uint16Array([0x6968]))), JSON.stringify(d.write(new DataView(u8(0x6f, 0x6b).buffer))));
console.log(JSON.stringify(d.write(u8(0x30, 0x31, 0x32, 0x33).subarray(1, 3))), JSON.stringify(d.write(new Uint8ClampedArray([0x7a]))));
console.log(JSON.stringify(d.write(new Float32Array(0))), JSON.stringify(d.write(u8())), JSON.stringify(d.end(u8())));
const t = new StringDecoder('utf8');
t.write(u8(0xe2));
console.log(JSON.stringify(t.text(u8(0x61, 0x62, 0x63), 1)), t.lastNeed);
console.log(Object.keys(new StringDecoder()), typeof StringDecoder, StringDecoder.name, StringDecoder.length);
console.log(Object.getOwnPropertyNames(StringDecoder.prototype).join(), Object.keys(StringDecoder.prototype).join());
console.log(require('node:string_decoder').StringDecoder === StringDecoder, Object.keys(require('string_decoder')).join());
