// Data errors: class, code, errno, message, own keys — sync and printed as node prints.
const zlib = require('zlib');

function show(label, f) {
  try {
    const r = f();
    console.log(label, 'ok', r.length);
  } catch (e) {
    console.log(label, e.name, e.code, e.errno, JSON.stringify(e.message), Object.keys(e));
  }
}
const g = zlib.gzipSync('hello world hello world');
const d = zlib.deflateSync('hello world hello world');
show('truncated gzip', () => zlib.gunzipSync(g.subarray(0, 10)));
show('truncated trailer', () => zlib.gunzipSync(g.subarray(0, g.length - 2)));
show('not gzip', () => zlib.gunzipSync(Buffer.from('plain text here')));
show('not zlib', () => zlib.inflateSync(Buffer.from('plain text here')));
show('not raw', () => zlib.inflateRawSync(Buffer.from('plain text here')));
show('not anything', () => zlib.unzipSync(Buffer.from('plain text here')));
show('unzip one byte', () => zlib.unzipSync(Buffer.from('x')));
show('empty gunzip', () => zlib.gunzipSync(Buffer.alloc(0)));
show('empty inflate', () => zlib.inflateSync(''));
show('empty brotli', () => zlib.brotliDecompressSync(Buffer.alloc(0)));
show('truncated deflate', () => zlib.inflateSync(d.subarray(0, d.length - 1)));
show('truncated raw', () => zlib.inflateRawSync(zlib.deflateRawSync('hello').subarray(0, 3)));
show('bad member', () => zlib.gunzipSync(Buffer.concat([g, Buffer.from([0x1f, 0x8b, 1, 2, 3])])));
show('half member', () => zlib.gunzipSync(Buffer.concat([g, Buffer.from([0x1f])])));
show('junk after member', () => zlib.gunzipSync(Buffer.concat([g, Buffer.from('junk')])));
show('bad checksum', () => {
  const b = Buffer.from(g);
  b[b.length - 6] ^= 1;
  return zlib.gunzipSync(b);
});
show('bad stored block', () => zlib.inflateRawSync(Buffer.from([0, 5, 0, 0, 0])));
show('wrong window', () => zlib.inflateSync(d, { windowBits: 8 }));
const dictionary = Buffer.from('hello');
const withDict = zlib.deflateSync('hello hello', { dictionary });
show('missing dictionary', () => zlib.inflateSync(withDict));
show('wrong dictionary', () => zlib.inflateSync(withDict, { dictionary: Buffer.from('other') }));
const b = zlib.brotliCompressSync('hello world hello world');
show('truncated brotli', () => zlib.brotliDecompressSync(b.subarray(0, 5)));
show('not brotli', () => zlib.brotliDecompressSync(Buffer.from('plain text here')));
show('too large', () => zlib.gunzipSync(g, { maxOutputLength: 5 }));
show('too large deflate', () => zlib.deflateSync('hello world', { maxOutputLength: 3 }));
show('too large brotli', () => zlib.brotliDecompressSync(b, { maxOutputLength: 5 }));


// As util.inspect shows it: errno and code after the message.
try {
  zlib.inflateSync(Buffer.from('definitely not zlib'));
} catch (e) {
  e.stack = e.stack.split('\n')[0];
  console.log(e);
}

// Brotli parameters: the decoder takes its own two, refuses the encoder's.
const packed = zlib.brotliCompressSync('brotli params', { params: { [zlib.constants.BROTLI_PARAM_NPOSTFIX]: 0, [zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_TEXT } });
for (const params of [{ 0: 1 }, { 1: 1 }, { 2: 5 }, { 5: 1 }]) {
  show(`brotli decoder ${JSON.stringify(params)}`, () => zlib.brotliDecompressSync(packed, { params }));
}
