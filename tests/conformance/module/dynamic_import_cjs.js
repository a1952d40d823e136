import('./fixtures/esm-lib.mjs').then((m) => {
  console.log(m.double(4), m.default);
  return import('./fixtures/named.cjs');
}).then((m) => {
  console.log(m.default.kind, m.kind, m.other);
  return import('node:events');
}).then((m) => console.log(typeof m.default, typeof m.EventEmitter));
