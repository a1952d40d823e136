process.on('beforeExit', (code) => {
  console.log('beforeExit', code);
  if (!global.scheduled) {
    global.scheduled = true;
    setTimeout(() => console.log('more work'), 1);
  }
});
process.on('exit', (code) => {
  console.log('exit', code);
  setTimeout(() => console.log('never'), 0);
  process.nextTick(() => console.log('never tick'));
});
console.log('main');
