// Immediates run as one batch per check phase: a throwing one is reported and the batch goes
// on; ticks and promise jobs run after each; ones queued meanwhile wait for the next phase;
// unref'd ones do not keep the loop alive, and clearing or re-ref'ing adjusts that.
process.on('uncaughtException', (e) => console.log('caught', e.message));
setImmediate(() => {
  Promise.resolve().then(() => console.log('micro1'));
  process.nextTick(() => console.log('tick1'));
  throw new Error('x');
});
setImmediate(() => console.log('second'));
setImmediate(() => {
  console.log('third');
  setImmediate(() => {
    console.log('nested');
    const a = setImmediate(() => console.log('unref then ref'));
    a.unref();
    a.ref();
    const b = setImmediate(() => console.log('cleared: never'));
    clearImmediate(b);
    setImmediate(() => console.log("unref: runs in the same batch as a ref'd one")).unref();
  });
  process.nextTick(() => console.log('tick3'));
});
const c = setImmediate(() => console.log('cleared early: never'));
clearImmediate(c);
process.on('exit', () => console.log('exit'));
