setImmediate(() => {
  console.log('immediate 1');
  process.nextTick(() => console.log('tick after immediate 1'));
  Promise.resolve().then(() => console.log('micro after immediate 1'));
});
setImmediate(() => console.log('immediate 2'));
setTimeout(() => {
  console.log('timeout 1');
  process.nextTick(() => console.log('tick after timeout 1'));
}, 50);
setTimeout(() => console.log("timeout 2"), 50);
