// Node side of crates/fs/examples/fs_bench.rs: same operations, best and median of N runs.
// node crates/fs/bench/fs_bench.js   (BENCH_FS_MIB, BENCH_RUNS as for the Rust side)
const fs = require('fs');
const fsp = fs.promises;
const path = require('path');
const os = require('os');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nodebench-'));
const MIB = Number(process.env.BENCH_FS_MIB || 256);
const RUNS = Number(process.env.BENCH_RUNS || 10);
const LEN = MIB * 1024 * 1024;
const big = path.join(dir, 'big');
const data = Buffer.alloc(LEN);
for (let i = 0; i < LEN; i++) data[i] = i % 251;
fs.writeFileSync(big, data);

async function time(name, fn, amount, unit) {
  if (process.env.BENCH_ONLY && !name.includes(process.env.BENCH_ONLY)) return;
  await fn();
  const times = [];
  for (let i = 0; i < RUNS; i++) {
    const t = process.hrtime.bigint();
    await fn();
    times.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  times.sort((a, b) => a - b);
  const best = times[0];
  const median = times[Math.floor(times.length / 2)];
  console.log(`${name.padEnd(40)} best ${best.toFixed(2).padStart(9)} ms  median ${median.toFixed(2).padStart(9)} ms  ${(amount / (median / 1e3)).toFixed(0).padStart(8)} ${unit} (median)`);
}

(async () => {
  await time('read_file/sync_256mib', () => { if (fs.readFileSync(big).length !== LEN) throw new Error(); }, MIB, 'MiB/s');
  await time('read_file/async_256mib', async () => { if ((await fsp.readFile(big)).length !== LEN) throw new Error(); }, MIB, 'MiB/s');
  await time('read_stream/chunks_64k_256mib', () => new Promise((resolve, reject) => {
    let n = 0;
    fs.createReadStream(big)
      .on('data', (c) => { n += c.length; })
      .on('end', () => (n === LEN ? resolve() : reject(new Error('short'))))
      .on('error', reject);
  }), MIB, 'MiB/s');
  const out = path.join(dir, 'out');
  const wdata = Buffer.alloc(LEN, 7);
  await time('write_file/sync_256mib', () => fs.writeFileSync(out, wdata), MIB, 'MiB/s');
  await time('write_file/async_256mib', () => fsp.writeFile(out, wdata), MIB, 'MiB/s');
  const files = [];
  for (let i = 0; i < 10000; i++) {
    const p = path.join(dir, 'f' + i);
    fs.writeFileSync(p, `file number ${i}\n`);
    files.push(p);
  }
  await time('small_files/stat_read_file_sync_10k', () => {
    for (const p of files) { const st = fs.statSync(p); if (st.size !== fs.readFileSync(p).length) throw new Error(); }
  }, 10000, 'files/s');
  await time('small_files/stat_read_file_async_10k', async () => {
    for (const p of files) { const st = await fsp.stat(p); if (st.size !== (await fsp.readFile(p)).length) throw new Error(); }
  }, 10000, 'files/s');
  fs.rmSync(dir, { recursive: true });
})();
