// fs: readFile, createReadStream and writeFile of a 256 MiB file, and stat + readFile of
// 10 000 small files (sync, and async with 16 requests in flight). Fixtures live in a temp
// dir made here and removed at the end. Best of 3 each, as `RESULT <name> <ms>`.
const fs = require('fs');
const os = require('os');
const path = require('path');

const SIZE = 256 * 1024 * 1024;
const SMALL = 10000;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nrt-bench-fs-'));
const big = path.join(dir, 'big.bin');
const data = Buffer.alloc(SIZE, 'nrt bench data ');
const now = () => process.hrtime.bigint();
const since = (t) => Number(process.hrtime.bigint() - t) / 1e6;

function writeFileOnce() {
  return new Promise((resolve, reject) => {
    const t = now();
    fs.writeFile(big, data, (err) => (err ? reject(err) : resolve(since(t))));
  });
}
function readFileOnce() {
  return new Promise((resolve, reject) => {
    const t = now();
    fs.readFile(big, (err, buf) => {
      if (err) return reject(err);
      if (buf.length !== SIZE) return reject(new Error(`short read ${buf.length}`));
      resolve(since(t));
    });
  });
}
function readStreamOnce() {
  return new Promise((resolve, reject) => {
    const t = now();
    let n = 0;
    fs.createReadStream(big)
      .on('data', (c) => { n += c.length; })
      .on('error', reject)
      .on('close', () => (n === SIZE ? resolve(since(t)) : reject(new Error(`short read ${n}`))));
  });
}

const small = (i) => path.join(dir, 'small', `f${i}.txt`);
function smallSyncOnce() {
  const t = now();
  let total = 0;
  for (let i = 0; i < SMALL; i++) {
    total += fs.statSync(small(i)).size;
    total -= fs.readFileSync(small(i)).length;
  }
  if (total !== 0) throw new Error('size mismatch');
  return since(t);
}
function smallAsyncOnce() {
  return new Promise((resolve, reject) => {
    const t = now();
    let next = 0;
    let done = 0;
    const work = () => {
      const i = next++;
      if (i >= SMALL) return;
      fs.stat(small(i), (err, st) => {
        if (err) return reject(err);
        fs.readFile(small(i), (err2, buf) => {
          if (err2) return reject(err2);
          if (buf.length !== st.size) return reject(new Error('size mismatch'));
          if (++done === SMALL) resolve(since(t));
          else work();
        });
      });
    };
    for (let k = 0; k < 16; k++) work();
  });
}

async function best(name, once) {
  let b = Infinity;
  for (let r = 0; r < 3; r++) b = Math.min(b, await once());
  console.log(`RESULT ${name}`, b.toFixed(1));
}

(async () => {
  try {
    await best('fs_writeFile_256m', writeFileOnce);
    await best('fs_readFile_256m', readFileOnce);
    await best('fs_createReadStream_256m', readStreamOnce);
    fs.mkdirSync(path.join(dir, 'small'));
    for (let i = 0; i < SMALL; i++) fs.writeFileSync(small(i), `small file ${i}\n`);
    await best('fs_stat_readFile_10k_sync', smallSyncOnce);
    await best('fs_stat_readFile_10k_async', smallAsyncOnce);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
})();
