console.log('start');
setTimeout(() => console.log('timeout'), 0);
setImmediate(() => console.log('immediate'));
process.nextTick(() => console.log('tick 1'));
Promise.resolve().then(() => {
  console.log('micro 1');
  process.nextTick(() => console.log('tick from micro'));
  Promise.resolve().then(() => console.log('micro from micro'));
});
process.nextTick(() => {
  console.log('tick 2');
  Promise.resolve().then(() => console.log('micro from tick'));
  process.nextTick(() => console.log('tick from tick'));
});
queueMicrotask(() => console.log('queueMicrotask'));
process.nextTick((a, b) => console.log('tick args', a, b), 'x', 'y');
console.log('end');
