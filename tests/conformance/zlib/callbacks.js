// Callback forms and util.promisify: results, errors and that callbacks run later.
const zlib = require('zlib');
const util = require('util');

console.log(zlib.gzip.name, zlib.gzip.length, zlib.gzipSync.name, zlib.gzipSync.length);
console.log(typeof zlib.gzip[util.promisify.custom]);

let sync = true;
zlib.gzip('hello callbacks', (err, packed) => {
  console.log('gzip', err, Buffer.isBuffer(packed), 'async:', !sync);
  zlib.gunzip(packed, (err2, plain) => {
    console.log('gunzip', err2, plain.toString());
    zlib.deflate(Buffer.from('abc'), { level: 9 }, (e3, d) => {
      console.log('deflate', e3, d.toString('hex'));
      zlib.inflate(d, {}, (e4, p) => {
        console.log('inflate', e4, p.toString());
        next();
      });
    });
  });
});
sync = false;

const steps = [
  (done) => zlib.deflateRaw('raw', (e, r) => zlib.inflateRaw(r, (e2, p) => { console.log('raw', e, e2, p.toString()); done(); })),
  (done) => zlib.brotliCompress('brotli!', (e, r) => zlib.brotliDecompress(r, (e2, p) => { console.log('brotli', e, e2, p.toString()); done(); })),
  (done) => zlib.unzip(zlib.deflateSync('unzip'), (e, p) => { console.log('unzip', e, p.toString()); done(); }),
  (done) => zlib.gunzip(Buffer.from('not gzip'), (e, p) => {
    console.log('gunzip error', e instanceof Error, e.code, e.errno, e.message, Object.keys(e), p);
    done();
  }),
  (done) => zlib.inflate(zlib.deflateSync('abcdef').subarray(0, 5), (e) => {
    console.log('truncated', e.code, e.errno, e.message);
    done();
  }),
  (done) => zlib.brotliDecompress(Buffer.from('plain text here'), (e) => {
    console.log('brotli error', e.code, e.errno, e.message);
    done();
  }),
  (done) => zlib.inflate(zlib.deflateSync('abcdef'), { maxOutputLength: 2 }, (e) => {
    console.log('too large', e.name, e.code, e.message);
    done();
  }),
  async (done) => {
    const packed = await util.promisify(zlib.gzip)('promised');
    const plain = await util.promisify(zlib.gunzip)(packed);
    console.log('promisify', plain.toString());
    try {
      await util.promisify(zlib.inflate)(Buffer.from('nope'));
    } catch (e) {
      console.log('promisify rejects', e.code, e.message);
    }
    done();
  },
  (done) => {
    zlib.gzip('info', { info: true }, (e, r) => {
      console.log('info', Object.keys(r), r.engine instanceof zlib.Gzip, zlib.gunzipSync(r.buffer).toString());
      done();
    });
  },
];
function next() {
  const step = steps.shift();
  if (step) step(next);
}

// Argument errors are thrown at once.
for (const f of [
  () => zlib.gzip('x'),
  () => zlib.gzip('x', {}),
  () => zlib.gzip(5, () => {}),
  () => zlib.gzip('x', { level: 10 }),
  () => zlib.gzip(new ArrayBuffer(2), () => {}),
]) {
  try {
    f();
    console.log('no throw');
  } catch (e) {
    console.log(e.name, e.code, e.message);
  }
}
