// The stream classes: classes and prototypes, events in order, piping, pipeline, output
// chunk sizes (decompression: chunkSize pieces), bytesWritten, errors on the stream.
const zlib = require('zlib');
const { Readable, Writable, Transform, PassThrough, pipeline } = require('stream');

const gz = zlib.createGzip();
console.log(gz instanceof zlib.Gzip, gz instanceof Transform, gz.constructor.name);
console.log(Object.getPrototypeOf(zlib.Gzip.prototype).constructor.name,
  Object.getPrototypeOf(Object.getPrototypeOf(zlib.Gzip.prototype)).constructor.name);
console.log(Object.getPrototypeOf(zlib.BrotliCompress.prototype).constructor.name);
console.log(typeof gz.flush, typeof gz.params, typeof gz.reset, typeof gz.close, gz.bytesWritten);
console.log(gz.readableHighWaterMark, gz.writableHighWaterMark);

let text = '';
for (let i = 0; text.length < 200000; i++) text += `${(i * 48271) % 2147483647} line ${i % 97}\n`;

function collect(stream, label, done) {
  const sizes = [];
  const parts = [];
  stream.on('data', (c) => { sizes.push(c.length); parts.push(c); });
  for (const ev of ['finish', 'end', 'close']) stream.on(ev, () => sizes.push(ev));
  stream.on('end', () => done(Buffer.concat(parts), sizes));
}

const steps = [
  (next) => {
    const g = zlib.createGzip();
    collect(g, 'gzip', (out, events) => {
      console.log('gzip events', events.filter((e) => typeof e === 'string'));
      console.log('gunzipped', zlib.gunzipSync(out).toString(), g.bytesWritten);
      setImmediate(next);
    });
    g.write('hello ');
    g.end(Buffer.from('world'));
  },
  (next) => {
    // Decompressed output arrives in chunkSize pieces.
    const packed = zlib.deflateSync(text);
    const inf = zlib.createInflate({ chunkSize: 16384 });
    collect(inf, 'inflate', (out, sizes) => {
      console.log('inflate sizes', sizes.join(' '));
      console.log('inflate ok', out.toString() === text, inf.bytesWritten === packed.length);
      setImmediate(next);
    });
    inf.end(packed);
  },
  (next) => {
    const packed = zlib.gzipSync(text);
    const gun = zlib.createGunzip({ chunkSize: 1000 });
    collect(gun, 'gunzip', (out, sizes) => {
      // Each write's output is cut where 1000-byte buffers end (where the writes' outputs
      // end depends on the compressed bytes, which zlib-rs and node's zlib may shape
      // differently).
      const n = sizes.filter((x) => typeof x === 'number');
      console.log('gunzip pieces', n.every((x) => x <= 1000), n[0], n.length >= text.length / 1000, sizes.slice(-2).join(' '));
      console.log('gunzip ok', out.toString() === text);
      setImmediate(next);
    });
    for (let i = 0; i < packed.length; i += 777) gun.write(packed.subarray(i, i + 777));
    gun.end();
  },
  (next) => {
    // Readable.from -> gzip -> gunzip -> collector, with pipeline.
    const seen = [];
    pipeline(
      Readable.from([Buffer.from(text.slice(0, 100000)), Buffer.from(text.slice(100000))]),
      zlib.createGzip({ level: 1 }),
      zlib.createGunzip(),
      new Writable({ write(c, e, cb) { seen.push(c); cb(); } }),
      (err) => {
        console.log('pipeline', err, Buffer.concat(seen).toString() === text);
        next();
      },
    );
  },
  (next) => {
    // pipe
    const src = new PassThrough();
    const def = zlib.createDeflateRaw();
    const inf = zlib.createInflateRaw();
    src.pipe(def).pipe(inf);
    collect(inf, 'raw', (out) => {
      console.log('pipe raw', out.toString());
      next();
    });
    src.write('one ');
    src.write('two ');
    src.end('three');
  },
  (next) => {
    // unzip detects both formats.
    const a = zlib.createUnzip();
    collect(a, 'unzip', (out) => {
      const b = zlib.createUnzip();
      collect(b, 'unzip', (out2) => {
        console.log('unzip', out.toString(), out2.toString());
        next();
      });
      b.end(zlib.deflateSync('from deflate'));
    });
    a.end(zlib.gzipSync('from gzip'));
  },
  (next) => {
    const enc = zlib.createBrotliCompress({ params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 4 } });
    const dec = zlib.createBrotliDecompress();
    enc.pipe(dec);
    collect(dec, 'brotli', (out) => {
      console.log('brotli stream', out.toString() === text);
      next();
    });
    enc.end(text);
  },
  (next) => {
    // Errors destroy the stream: 'error' then 'close', with node's code and errno.
    const g = zlib.createGunzip();
    const events = [];
    g.on('error', (e) => events.push(`error ${e.code} ${e.errno} ${e.message}`));
    g.on('close', () => {
      events.push('close');
      console.log(events, g.destroyed);
      next();
    });
    g.on('end', () => events.push('end'));
    g.end('this is not gzip');
  },
  (next) => {
    const g = zlib.createGunzip();
    g.on('error', (e) => {
      console.log('truncated stream', e.code, e.errno, e.message);
      next();
    });
    g.resume();
    g.end(zlib.gzipSync('abcdefgh').subarray(0, 12));
  },
  (next) => {
    const b = zlib.createBrotliDecompress();
    b.on('error', (e) => {
      console.log('brotli stream error', e.code, e.errno, e.message);
      next();
    });
    b.end('plain text here');
  },
  (next) => {
    // pipeline reports the zlib error and destroys every stage.
    const src = Readable.from([Buffer.from('no gzip here')]);
    const gun = zlib.createGunzip();
    const sink = new Writable({ write(c, e, cb) { cb(); } });
    pipeline(src, gun, sink, (err) => {
      console.log('pipeline error', err.code, src.destroyed, gun.destroyed, sink.destroyed);
      next();
    });
  },
  (next) => {
    // close(cb) and writes after close.
    const d = zlib.createDeflate();
    d.close(() => {
      console.log('closed', d.destroyed, d._handle);
      next();
    });
  },
];
function next() {
  const step = steps.shift();
  if (step) step(next);
}
next();

// node's classes are ES5 constructors: callable without new, shown as functions.
const plain = zlib.Gzip({ level: 1 });
console.log(plain instanceof zlib.Gzip, plain.constructor === zlib.Gzip, zlib.Gzip.name, zlib.Gzip.length);
console.log(zlib.Gzip, Object.getPrototypeOf(zlib.Gzip).name, Object.getPrototypeOf(zlib.BrotliDecompress).name);
plain.destroy();
class MyGzip extends zlib.Gzip {}
console.log(new MyGzip() instanceof zlib.Gzip);
