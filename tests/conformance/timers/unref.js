const t = setTimeout(() => console.log('never: unref keeps nothing alive'), 50);
t.unref();
const iv = setInterval(() => console.log('never'), 10);
iv.unref();
setImmediate(() => console.log('immediate runs')).unref();
console.log('main');
