// Schedule 1M timers, immediates and next ticks and run them; best of 3 each, as
// `RESULT <name> <ms>`.
const N = 1e6;
const now = () => Number(process.hrtime.bigint()) / 1e6;
function run(schedule) {
  return new Promise((resolve) => {
    const t = now();
    let n = 0;
    const cb = () => { if (++n === N) resolve(now() - t); };
    for (let i = 0; i < N; i++) schedule(cb, i);
  });
}
const cases = {
  timers_1m: (cb, i) => setTimeout(cb, 1 + (i % 4)),
  immediates_1m: (cb) => setImmediate(cb),
  next_ticks_1m: (cb) => process.nextTick(cb),
};
(async () => {
  for (const [name, schedule] of Object.entries(cases)) {
    let best = Infinity;
    for (let r = 0; r < 3; r++) best = Math.min(best, await run(schedule));
    console.log('RESULT', name, best.toFixed(1));
  }
})();
