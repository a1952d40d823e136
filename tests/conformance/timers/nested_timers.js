// From inside a timer callback the order is fixed: nextTicks, then the check phase
// (immediates), then the next timers phase.
setTimeout(() => {
  console.log('outer timeout');
  setTimeout(() => console.log('timeout from timeout'), 0);
  setImmediate(() => {
    console.log('immediate from timeout');
    process.nextTick(() => console.log('tick from immediate'));
  });
  process.nextTick(() => console.log('tick from timeout'));
  Promise.resolve().then(() => console.log('microtask from timeout'));
}, 0);
