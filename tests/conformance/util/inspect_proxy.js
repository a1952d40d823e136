// util.inspect on proxies: the target is shown without running traps, showProxy prints
// `Proxy [ target, handler ]`, a revoked proxy prints <Revoked Proxy>.
const util = require('util');
const cases = [
  () => new Proxy({ a: 1 }, { get: () => 'trapped' }),
  () => new Proxy([1, 2], {}),
  () => ({ p: new Proxy({ x: { y: { z: 1 } } }, {}) }),
  [() => new Proxy({ a: 1 }, { get: () => 5 }), { showProxy: true }],
  [() => ({ deep: { deeper: { p: new Proxy({}, {}) } } }), { showProxy: true }],
  [() => ({ deep: { deeper: { deepest: new Proxy({}, {}) } } }), { showProxy: true }],
  () => { const r = Proxy.revocable({}, {}); r.revoke(); return r.proxy; },
  () => new Proxy(function f() {}, {}),
  [() => new Proxy(new Proxy({ a: 1 }, {}), {}), { showProxy: true }],
];
for (const [i, c] of cases.entries()) {
  const [make, opts] = Array.isArray(c) ? c : [c];
  console.log(`#${i} ${util.inspect(make(), opts)}`);
}
