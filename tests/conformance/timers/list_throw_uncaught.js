// Timers of one list where callbacks throw, with an 'uncaughtException' handler: the rest
// of the list runs in the same timers phase; after a throwing callback the next timer runs
// before the ticks and promise jobs queued so far (node re-enters processTimers), and an
// interval that threw is still re-armed.
process.on('uncaughtException', (e) => {
  console.log('caught', e.message);
  process.nextTick(() => console.log('tick from handler'));
});
setTimeout(() => {
  process.nextTick(() => console.log('tick1'));
  Promise.resolve().then(() => console.log('micro1'));
  throw new Error('a');
}, 1);
setTimeout(() => {
  console.log('t2');
  process.nextTick(() => console.log('tick2'));
}, 1);
setTimeout(() => { console.log('t3'); throw new Error('b'); }, 1);
const iv = setInterval(() => {
  console.log('iv', ++iv.n, 'destroyed:', iv._destroyed);
  if (iv.n === 2) clearInterval(iv);
  throw new Error('c');
}, 1);
iv.n = 0;
setTimeout(() => console.log('t5 after the throws'), 1);
