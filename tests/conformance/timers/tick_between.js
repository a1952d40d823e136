// Between two due timers node runs the queued ticks then promise jobs (ticks queued by
// promise jobs too); after the last one of the phase as well.
const log = (s) => console.log(s);
setTimeout(() => {
  log('t1');
  Promise.resolve().then(() => {
    log('micro1');
    process.nextTick(() => log('tick from micro1'));
    Promise.resolve().then(() => log('micro from micro1'));
  });
  process.nextTick(() => log('tick1'));
}, 1);
setTimeout(() => {
  log('t2');
  Promise.reject(new Error('unhandled in t2')).catch(() => log('handled later in t2'));
  Promise.resolve().then(() => log('micro2'));
}, 1);
setTimeout(() => {
  log('t3');
  process.on('unhandledRejection', (r) => log(`unhandledRejection ${r.message}`));
  Promise.reject(new Error('from t3'));
  process.nextTick(() => log('tick3'));
}, 1);
setTimeout(() => log('t4'), 1);
