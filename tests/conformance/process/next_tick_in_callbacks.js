// Timers are set from the first immediate so the order does not depend on start-up time.
setImmediate(() => {
  console.log('immediate 1');
  process.nextTick(() => console.log('tick after immediate 1'));
  Promise.resolve().then(() => console.log('micro after immediate 1'));
  setTimeout(() => {
    console.log('timeout 1');
    process.nextTick(() => console.log('tick after timeout 1'));
  }, 2);
  setTimeout(() => console.log('timeout 2'), 2);
});
setImmediate(() => console.log('immediate 2'));
