// 1 GiB in 64 KiB chunks through Readable → Transform → Writable, best of 3, as
// `RESULT <name> <ms>`. Chunks are reused, so this measures the per-chunk cost of the JS
// stream machinery (push, read-ahead, pipe, write, the transform's callback), not copying.
const { Readable, Transform, Writable, pipeline } = require('stream');

const CHUNK = 64 * 1024;
const TOTAL = 1024 * 1024 * 1024;
const chunk = new Uint8Array(CHUNK).fill(120);

function once() {
  return new Promise((resolve, reject) => {
    let sent = 0;
    let received = 0;
    const t0 = process.hrtime.bigint();
    pipeline(
      new Readable({
        read() {
          while (sent < TOTAL) {
            sent += CHUNK;
            if (!this.push(chunk)) return;
          }
          this.push(null);
        },
      }),
      new Transform({
        transform(c, enc, cb) {
          cb(null, c);
        },
      }),
      new Writable({
        write(c, enc, cb) {
          received += c.length;
          cb();
        },
      }),
      (err) => {
        if (err) return reject(err);
        if (received !== TOTAL) return reject(new Error(`lost data: ${received}`));
        resolve(Number(process.hrtime.bigint() - t0) / 1e6);
      },
    );
  });
}

(async () => {
  let best = Infinity;
  for (let r = 0; r < 3; r++) best = Math.min(best, await once());
  console.log('RESULT stream_1gib_64k_readable_transform_writable', best.toFixed(1));
})();
