// `info: true` one-shots hand back the stream that did the work; _processChunk, node's
// legacy entry, with and without a callback.
const zlib = require('zlib');

const r = zlib.gzipSync('xyz', { info: true });
console.log(Object.keys(r), r.engine instanceof zlib.Gzip, !!r.engine._handle, r.engine.destroyed,
  r.engine.bytesWritten, r.engine._closed, zlib.gunzipSync(r.buffer).toString());
const b = zlib.brotliDecompressSync(zlib.brotliCompressSync('brotli'), { info: true });
console.log(b.engine.constructor.name, b.buffer.toString(), b.engine.bytesWritten > 0);
try {
  zlib.inflateSync(Buffer.from('bad'), { info: true });
} catch (e) {
  console.log('info error', e.code, e.message);
}
try {
  zlib.inflateSync(zlib.deflateSync('abcdef'), { info: true, maxOutputLength: 3 });
} catch (e) {
  console.log('info too large', e.code, e.message);
}

const g = zlib.createGzip();
const out = g._processChunk(Buffer.from('abc'), zlib.constants.Z_FINISH);
console.log(out.length > 0, g.bytesWritten, zlib.gunzipSync(out).toString(), g._handle, g.destroyed);

zlib.deflate('async info', { info: true }, (err, res) => {
  console.log('async info', err, res.engine instanceof zlib.Deflate, zlib.inflateSync(res.buffer).toString());
  setImmediate(() => {
    console.log('engine after', !!res.engine._handle, res.engine.destroyed, res.engine.bytesWritten);
    const g2 = zlib.createGzip();
    g2.on('data', (d) => console.log('data', d.length > 0));
    g2._processChunk(Buffer.from('abc'), zlib.constants.Z_FINISH, () => console.log('processChunk cb', g2.bytesWritten));
  });
});
