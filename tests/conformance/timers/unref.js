const t = setTimeout(() => console.log('never: unref keeps nothing alive'), 1000);
t.unref();
const iv = setInterval(() => console.log('never'), 1000);
iv.unref();
setImmediate(() => console.log('immediate runs')).unref();
console.log('main');
