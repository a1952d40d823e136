// Option checks: the error class, code and message node gives, for every form.
const zlib = require('zlib');

const cases = [
  { level: 10 }, { level: -2 }, { level: 'a' }, { level: null }, { level: NaN }, { level: Infinity },
  { level: 1.5 }, { windowBits: 7 }, { windowBits: 16 }, { windowBits: 0 }, { windowBits: 8 },
  { windowBits: null }, { memLevel: 0 }, { memLevel: 10 }, { memLevel: null }, { strategy: 5 },
  { strategy: -1 }, { chunkSize: 10 }, { chunkSize: 'x' }, { chunkSize: Infinity }, { chunkSize: null },
  { flush: 6 }, { flush: 1.5 }, { finishFlush: 7 }, { dictionary: 'abc' }, { dictionary: 5 },
  { maxOutputLength: 0 }, { maxOutputLength: 2 ** 33 }, { maxOutputLength: 'x' },
  { level: 10, chunkSize: 10 }, { windowBits: 1, dictionary: 5 }, { flush: 10, maxOutputLength: 0 },
  { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 'a' } }, { params: { 999: 1 } },
  { params: { '-1': 1 } }, { params: { abc: 1 } }, { params: null }, { flush: 4 },
  5, 'str', null,
];
const forms = ['gzipSync', 'gunzipSync', 'deflateSync', 'inflateSync', 'deflateRawSync', 'inflateRawSync',
  'unzipSync', 'brotliCompressSync', 'brotliDecompressSync'];
for (const opts of cases) {
  const results = new Map();
  for (const f of forms) {
    let r;
    try {
      const input = /^(gunzip|unzip)/.test(f) ? zlib.gzipSync('hi')
        : /^inflateRaw/.test(f) ? zlib.deflateRawSync('hi')
          : /^inflate/.test(f) ? zlib.deflateSync('hi')
            : /^brotliDe/.test(f) ? zlib.brotliCompressSync('hi') : 'hi';
      r = `ok ${zlib[f](input, opts).length > 0}`;
    } catch (e) {
      r = `${e.name} ${e.code}: ${e.message}`;
    }
    const same = results.get(r) || [];
    same.push(f);
    results.set(r, same);
  }
  console.log(typeof opts === 'object' && opts !== null ? JSON.stringify(opts, (k, v) => (typeof v === 'number' && !Number.isFinite(v) ? String(v) : v)) : String(opts));
  for (const [r, fs] of results) console.log(`  ${fs.join(',')}: ${r}`);
}

// The streams check the same way.
for (const opts of [{ level: 10 }, { chunkSize: 1 }, { windowBits: 0 }, { dictionary: [] }]) {
  try {
    zlib.createDeflate(opts);
    console.log('createDeflate ok');
  } catch (e) {
    console.log('createDeflate', e.name, e.code, e.message);
  }
}
for (const bad of [5, null, undefined, {}, [], true]) {
  try {
    zlib.gzipSync(bad);
    console.log('gzipSync ok');
  } catch (e) {
    console.log('gzipSync', e.name, e.code, e.message);
  }
}
