// child_process: 50 spawn+exit of `true` (async, one at a time), 50 spawnSync of
// `true`, and a 64 MiB round trip through `cat`; best of 3 as `RESULT <name> <ms>`.
const cp = require('child_process');

function spawnTrue(n) {
  return new Promise((resolve) => {
    let left = n;
    const next = () => {
      if (left-- === 0) return resolve();
      cp.spawn('true').on('close', next);
    };
    next();
  });
}

function catRoundTrip(bytes) {
  return new Promise((resolve) => {
    const c = cp.spawn('cat');
    let got = 0;
    c.stdout.on('data', (d) => { got += d.length; });
    c.on('close', () => resolve(got));
    const chunk = Buffer.alloc(64 * 1024, 120);
    let sent = 0;
    const write = () => {
      while (sent < bytes) {
        sent += chunk.length;
        if (!c.stdin.write(chunk)) return c.stdin.once('drain', write);
      }
      c.stdin.end();
    };
    write();
  });
}

async function best(name, f) {
  let b = Infinity;
  for (let r = 0; r < 3; r++) {
    const t = process.hrtime.bigint();
    await f();
    b = Math.min(b, Number(process.hrtime.bigint() - t) / 1e6);
  }
  console.log(`RESULT ${name}`, b.toFixed(1));
}

(async () => {
  await best('spawn_true_50', () => spawnTrue(50));
  await best('spawnSync_true_50', () => { for (let i = 0; i < 50; i++) cp.spawnSync('true'); });
  await best('cat_round_trip_64MiB', () => catRoundTrip(64 * 1024 * 1024));
})();
