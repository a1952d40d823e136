// gzip (level 6) of 128 MiB of text: streamed through zlib.createGzip() in 64 KiB chunks,
// and one zlib.gzipSync() call; best of 2 each, as `RESULT <name> <ms>`. MB/s = 134.2 / s.
const zlib = require('zlib');
const { Readable, Writable, pipeline } = require('stream');

const MiB = 1024 * 1024;
// 4 MiB of varied text lines (the same generator as crates/streams/benches/zlib.rs), used
// 32 times over.
function text() {
  const lines = [];
  let len = 0;
  for (let i = 0; len < 4 * MiB; i++) {
    const line = `${i} The quick brown fox jumps over the lazy dog; streams, buffers and zlib ${(i * 2654435761) % 100000}\n`;
    lines.push(line);
    len += line.length;
  }
  return Buffer.from(lines.join('')).subarray(0, 4 * MiB);
}
const block = text();
const chunks = [];
for (let r = 0; r < 32; r++) {
  for (let o = 0; o < block.length; o += 64 * 1024) chunks.push(block.subarray(o, o + 64 * 1024));
}
const now = () => Number(process.hrtime.bigint()) / 1e6;

function streamed() {
  return new Promise((resolve, reject) => {
    const t = now();
    let out = 0;
    pipeline(Readable.from(chunks), zlib.createGzip({ level: 6 }), new Writable({
      write(c, e, cb) { out += c.length; cb(); },
    }), (err) => (err ? reject(err) : resolve([now() - t, out])));
  });
}

(async () => {
  let best = Infinity;
  let size = 0;
  for (let r = 0; r < 2; r++) {
    const [ms, out] = await streamed();
    best = Math.min(best, ms);
    size = out;
  }
  if (size < 1e6 || size > 64 * MiB) throw new Error(`odd gzip size ${size}`);
  console.log('RESULT gzip_128mib_stream', best.toFixed(1));
  const all = Buffer.concat(chunks);
  best = Infinity;
  for (let r = 0; r < 2; r++) {
    const t = now();
    const packed = zlib.gzipSync(all, { level: 6 });
    best = Math.min(best, now() - t);
    size = packed.length;
  }
  if (size < 1e6 || size > 64 * MiB) throw new Error(`odd gzip size ${size}`);
  console.log('RESULT gzip_128mib_sync', best.toFixed(1));
})();
