queueMicrotask(() => console.log('microtask 1'));
Promise.resolve().then(() => console.log('promise 1'));
queueMicrotask(() => console.log('microtask 2'));
(async () => {
  console.log('async start');
  await null;
  console.log('after await');
})();
console.log('sync');
const t0 = performance.now();
console.log(typeof t0, t0 >= 0, performance.now() >= t0, typeof performance.timeOrigin);
