// An unref'd immediate alone does not keep the loop alive.
setImmediate(() => console.log('never')).unref();
const t = setTimeout(() => console.log('never either'), 5);
t.unref();
console.log('main');
process.on('exit', () => console.log('exit'));
