// crypto hot paths; prints the best of 3 as `RESULT <name> <ms>`.
// 256 MiB through sha256 and md5 (1 MiB updates), and 1M createHash().update().digest()
// on a short string.
const crypto = require('crypto');
const chunk = Buffer.alloc(1 << 20, 'nrt benchmark data ');
function bulk(alg) {
  const h = crypto.createHash(alg);
  for (let i = 0; i < 256; i++) h.update(chunk);
  return h.digest('hex');
}
const cases = {
  sha256_256MiB: () => bulk('sha256'),
  md5_256MiB: () => bulk('md5'),
  createHash_sha256_1M: () => {
    for (let i = 0; i < 1e6; i++) crypto.createHash('sha256').update('hello world').digest('hex');
  },
  createHash_md5_1M: () => {
    for (let i = 0; i < 1e6; i++) crypto.createHash('md5').update('hello world').digest('hex');
  },
};
for (const [name, f] of Object.entries(cases)) {
  let best = Infinity;
  for (let r = 0; r < 3; r++) {
    const t = process.hrtime.bigint();
    f();
    best = Math.min(best, Number(process.hrtime.bigint() - t) / 1e6);
  }
  console.log(`RESULT ${name}`, best.toFixed(1));
}
