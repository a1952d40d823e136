// The node side of benches/pipeline.rs and benches/zlib.rs (same sizes, same text):
//   node crates/streams/benches/node/compare.js
'use strict';
const { Readable, PassThrough, Writable, pipeline } = require('stream');
const zlib = require('zlib');

const CHUNK = 64 * 1024;
const TOTAL = 1 << 30;

function text() {
  let t = '';
  let i = 0;
  while (t.length < 16 << 20) {
    t += `${i} The quick brown fox jumps over the lazy dog; streams, buffers and zlib ${(i * 2654435761) % 100000}\n`;
    i++;
  }
  return Buffer.from(t);
}

function passthrough(cb) {
  const buf = Buffer.alloc(CHUNK, 'x');
  let left = TOTAL / CHUNK;
  let seen = 0;
  const t0 = process.hrtime.bigint();
  pipeline(
    new Readable({ highWaterMark: CHUNK, read() { this.push(left-- > 0 ? buf : null); } }),
    new PassThrough(),
    new Writable({ write(c, e, done) { seen += c.length; done(); } }),
    (err) => {
      if (err) throw err;
      const s = Number(process.hrtime.bigint() - t0) / 1e9;
      console.log(`pipeline/readable_passthrough_writable_64k: ${(seen / 1e6 / s).toFixed(0)} MB/s`);
      cb();
    });
}

function gzipSync(data) {
  zlib.gzipSync(data, { level: 6 });
  const t0 = process.hrtime.bigint();
  for (let k = 0; k < 3; k++) zlib.gzipSync(data, { level: 6 });
  const s = Number(process.hrtime.bigint() - t0) / 1e9 / 3;
  console.log(`zlib/gzip_level6_text: ${(data.length / 1e6 / s).toFixed(1)} MB/s`);
}

function gzipStream(data, cb) {
  const chunks = [];
  for (let o = 0; o < data.length; o += CHUNK) chunks.push(data.subarray(o, o + CHUNK));
  const t0 = process.hrtime.bigint();
  pipeline(
    Readable.from(chunks, { objectMode: false, highWaterMark: CHUNK }),
    zlib.createGzip({ level: 6 }),
    new Writable({ write(c, e, done) { done(); } }),
    (err) => {
      if (err) throw err;
      const s = Number(process.hrtime.bigint() - t0) / 1e9;
      console.log(`zlib/gzip_level6_text_stream: ${(data.length / 1e6 / s).toFixed(1)} MB/s`);
      cb();
    });
}

passthrough(() => {
  const data = text();
  gzipSync(data);
  gzipStream(data, () => gzipStream(data, () => {}));
});
