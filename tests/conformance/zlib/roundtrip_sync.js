// Every format's sync one-shot: round trips, lengths, and the bytes of small inputs (zlib-rs
// and node's zlib emit the same bytes for these; larger inputs may differ by a few bytes,
// so only their round trips are printed).
const zlib = require('zlib');

let text = '';
for (let i = 0; text.length < 100000; i++) text += `${(i * 48271) % 2147483647} line ${i % 97}\n`;

const pairs = [
  ['deflateSync', 'inflateSync'],
  ['gzipSync', 'gunzipSync'],
  ['deflateRawSync', 'inflateRawSync'],
  ['gzipSync', 'unzipSync'],
  ['deflateSync', 'unzipSync'],
  ['brotliCompressSync', 'brotliDecompressSync'],
];
for (const [pack, unpack] of pairs) {
  const small = zlib[pack]('hello hello hello hello');
  console.log(pack, Buffer.isBuffer(small), small.toString('hex'));
  const back = zlib[unpack](small);
  console.log(unpack, Buffer.isBuffer(back), back.toString());
  const big = zlib[pack](text);
  const again = zlib[unpack](big);
  console.log(pack, 'big', big.length < text.length / 2, again.length, again.toString() === text);
}

// Every input type.
const inputs = {
  string: 'abc',
  buffer: Buffer.from('abc'),
  uint8array: new Uint8Array([97, 98, 99]),
  uint16array: new Uint16Array([0x6261, 0x63]),
  dataview: new DataView(new Uint8Array([97, 98, 99]).buffer),
  arraybuffer: new Uint8Array([97, 98, 99]).buffer,
  empty: '',
};
for (const [name, input] of Object.entries(inputs)) {
  const out = zlib.gunzipSync(zlib.gzipSync(input));
  console.log(name, out.length, JSON.stringify(out.toString('latin1')));
}
console.log(zlib.inflateSync(zlib.deflateSync(Buffer.alloc(0))).length);
console.log(zlib.gzipSync('').toString('hex'));
console.log(zlib.deflateRawSync('').toString('hex'));
console.log(zlib.brotliCompressSync('').toString('hex'));

// Levels, strategies, memLevel, windowBits: each round trips.
for (const level of [-1, 0, 1, 5, 9]) {
  console.log('level', level, zlib.inflateSync(zlib.deflateSync(text, { level })).toString() === text);
}
for (const strategy of [0, 1, 2, 3, 4]) {
  console.log('strategy', strategy, zlib.gunzipSync(zlib.gzipSync(text, { strategy })).toString() === text);
}
for (const memLevel of [1, 9]) {
  console.log('memLevel', memLevel, zlib.inflateSync(zlib.deflateSync(text, { memLevel })).toString() === text);
}
for (const windowBits of [8, 9, 12, 15]) {
  const packed = zlib.deflateRawSync(text, { windowBits });
  console.log('windowBits', windowBits, zlib.inflateRawSync(packed, { windowBits: Math.max(windowBits, 9) }).toString() === text);
}
console.log('windowBits 0 inflate', zlib.inflateSync(zlib.deflateSync('x'), { windowBits: 0 }).toString());
console.log('level 0 stores', zlib.deflateSync('abc', { level: 0 }).toString('hex'));
console.log('level 1.5', zlib.deflateSync('abc', { level: 1.5 }).toString('hex'));

// Several gzip members decode as one; trailing zero bytes are ignored.
const two = Buffer.concat([zlib.gzipSync('ab'), zlib.gzipSync('cd')]);
console.log('members', zlib.gunzipSync(two).toString(), zlib.unzipSync(two).toString());
console.log('trailing zeros', zlib.gunzipSync(Buffer.concat([zlib.gzipSync('ab'), Buffer.alloc(8)])).toString());
console.log('inflate trailing junk', zlib.inflateSync(Buffer.concat([zlib.deflateSync('ab'), Buffer.from('junk')])).toString());

// Dictionaries.
const dictionary = Buffer.from('hello world, hello zlib');
const withDict = zlib.deflateSync('hello world hello world', { dictionary });
// The header names the dictionary's adler32 (FDICT); the deflate data after it may differ.
console.log('dictionary', withDict.subarray(0, 6).toString('hex'));
console.log(zlib.inflateSync(withDict, { dictionary }).toString());
const rawDict = zlib.deflateRawSync('hello world hello world', { dictionary });
console.log(zlib.inflateRawSync(rawDict, { dictionary }).toString());
console.log(zlib.inflateSync(zlib.deflateSync('abc', { dictionary: new Uint8Array([1, 2, 3]).buffer }), { dictionary: new Uint8Array([1, 2, 3]) }).toString());

// finishFlush: a stream cut short still gives what it has.
const cut = zlib.deflateSync(text).subarray(0, 200);
const partial = zlib.inflateSync(cut, { finishFlush: zlib.constants.Z_SYNC_FLUSH });
console.log('partial', partial.length > 0, text.startsWith(partial.toString()));

// maxOutputLength
console.log(zlib.inflateSync(zlib.deflateSync('abcdef'), { maxOutputLength: 6 }).toString());
