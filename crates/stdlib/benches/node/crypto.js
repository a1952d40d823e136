// node side of benches/crypto.rs: sha256 (64 KiB updates) and md5 over 64 MiB.
// Run: node crates/stdlib/benches/node/crypto.js
const crypto = require('crypto');
const SIZE = 64 << 20;
const data = Buffer.alloc(SIZE);
for (let i = 0; i < SIZE; i++) data[i] = (i * 31) % 251;
function bench(name, fn) {
  fn();
  let n = 0; const t0 = process.hrtime.bigint(); let t;
  do { fn(); n++; t = process.hrtime.bigint() - t0; } while (t < 3_000_000_000n);
  const per = Number(t) / n / 1e6;
  console.log(`${name.padEnd(14)} ${per.toFixed(1)} ms/iter  ${(64 * 1000 / per).toFixed(0)} MiB/s`);
}
bench('sha256_64mib', () => { const h = crypto.createHash('sha256'); for (let o = 0; o < SIZE; o += 65536) h.update(data.subarray(o, o + 65536)); return h.digest(); });
bench('md5_64mib', () => crypto.createHash('md5').update(data).digest());
