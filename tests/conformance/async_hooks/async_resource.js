// AsyncResource: scopes, binding, validation.
const { AsyncResource } = require('async_hooks');
// Warnings print through the default 'warning' listener; show them on stdout instead.
process.removeAllListeners('warning');
process.on('warning', (w) => console.log('warning:', w.name, w.code, w.message));

for (const args of [[], [5], ['x', { triggerAsyncId: -2 }], ['x', { triggerAsyncId: 1.5 }]]) {
  try {
    new AsyncResource(...args);
  } catch (e) {
    console.log(e.name, e.code, e.message);
  }
}
const r = new AsyncResource('X', { triggerAsyncId: 7 });
console.log(r.runInAsyncScope(function (a, b) { return [typeof this, a, b]; }, 5, 1, 2));
console.log(r.runInAsyncScope(function () { 'use strict'; return this; }, 5));
console.log(r.emitDestroy() === r, Number.isInteger(r.asyncId()), r.triggerAsyncId());
console.log(new AsyncResource('Y').asyncId() > r.asyncId());
const b = r.bind(function (x) { return [this, x]; });
console.log(JSON.stringify(b.name), b.length, b.call(3, 4), Object.getOwnPropertyNames(b));
const b2 = r.bind(function nm(x, y, z) { return this; }, 'self');
console.log(JSON.stringify(b2.name), b2.length, String(b2()), Object.getOwnPropertyNames(b2));
const b3 = AsyncResource.bind(function named(x, y) { return this; }, 'T', 7);
console.log(b3.length, b3.name, Number(b3()));
try {
  r.bind(1);
} catch (e) {
  console.log(e.name, e.code, e.message);
}
try {
  r.runInAsyncScope(1);
} catch (e) {
  console.log(e.name);
}
console.log(Object.getOwnPropertyNames(AsyncResource.prototype));
console.log(b.asyncResource === r);
