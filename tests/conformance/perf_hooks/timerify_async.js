// timerify of an async function: the 'function' entry comes once its promise settles.
const { PerformanceObserver, performance } = require('perf_hooks');

let done = false;
async function work(ms) {
  await new Promise((r) => setTimeout(r, ms));
  done = true;
  return 'value';
}
const obs = new PerformanceObserver((list) => {
  const [entry] = list.getEntries();
  console.log('entry', entry.name, entry.entryType, entry.duration >= 20, 'after completion:', done, entry.detail);
  obs.disconnect();
});
obs.observe({ type: 'function' });
const timed = performance.timerify(work);
const p = timed(25);
console.log(p instanceof Promise, timed.name, timed.length);
p.then((v) => console.log('resolved', v));
