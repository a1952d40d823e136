// Callbacks that edit the list being run: a cleared later timer never fires, a refreshed
// one moves to the end of the list, a tick between two timers may clear the next one, and
// timers armed during the run wait for a later timers phase (after the check phase).
const log = (s) => console.log(s);
const t1 = setTimeout(() => {
  log('t1');
  clearTimeout(t3);
  t4.refresh();
  setTimeout(() => log('t6 (armed by t1)'), 1);
  setImmediate(() => log('immediate (queued by t1)'));
  process.nextTick(() => { log('tick from t1'); clearTimeout(t5); });
  Promise.resolve().then(() => log('micro from t1'));
}, 2);
const t2 = setTimeout(() => log('t2'), 2);
const t3 = setTimeout(() => log('t3: never'), 2);
const t4 = setTimeout(() => log('t4 (refreshed by t1)'), 2);
const t5 = setTimeout(() => log('t5: never'), 2);
const t7 = setTimeout(() => log('t7'), 2);
console.log(typeof t1, typeof t2, typeof t7);
