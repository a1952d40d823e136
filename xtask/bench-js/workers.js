// worker_threads: postMessage ping-pong with a worker (round trips of a small object) and
// a one-way burst of 10k messages acknowledged once; prints the best of 3 as
// `RESULT <name> <ms>`.
const { Worker, isMainThread, parentPort } = require('worker_threads');

const ROUND_TRIPS = 2000;
const BURST = 10000;

if (!isMainThread) {
  let seen = 0;
  parentPort.on('message', (m) => {
    if (m.kind === 'ping') parentPort.postMessage(m);
    else if (++seen % BURST === 0) parentPort.postMessage({ kind: 'ack' });
  });
} else {
  const w = new Worker(__filename);
  let resolveNext;
  w.on('message', (m) => resolveNext(m));
  const next = () => new Promise((r) => { resolveNext = r; });

  async function pingPong() {
    const t0 = process.hrtime.bigint();
    for (let i = 0; i < ROUND_TRIPS; i++) {
      const reply = next();
      w.postMessage({ kind: 'ping', i, payload: 'x'.repeat(32) });
      await reply;
    }
    return Number(process.hrtime.bigint() - t0) / 1e6;
  }

  async function burst() {
    const t0 = process.hrtime.bigint();
    const ack = next();
    for (let i = 0; i < BURST; i++) w.postMessage({ kind: 'data', i, payload: 'x'.repeat(32) });
    await ack;
    return Number(process.hrtime.bigint() - t0) / 1e6;
  }

  (async () => {
    let a = Infinity;
    let b = Infinity;
    for (let r = 0; r < 3; r++) {
      a = Math.min(a, await pingPong());
      b = Math.min(b, await burst());
    }
    console.log('RESULT worker_ping_pong_2k', a.toFixed(1));
    console.log('RESULT worker_burst_10k', b.toFixed(1));
    await w.terminate();
  })();
}
