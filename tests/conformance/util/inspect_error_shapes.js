// util.inspect on errors with hand-written stacks: extra props, [cause] (and the shared-frame
// elision), [errors], renamed errors and subclasses, nesting and depth.
const util = require('util');
const mk = (Ctor, msg, stack, props) => { const e = new Ctor(msg); e.stack = stack; return Object.assign(e, props); };
const cases = [
  () => mk(Error, 'a', 'Error: a\n    at f (file.js:1:1)', { code: 'E' }),
  () => ({ nested: mk(Error, 'a', 'Error: a\n    at f (file.js:1:1)', { code: 'E' }) }),
  () => [mk(Error, 'a', 'Error: a\n    at f (file.js:1:1)', {})],
  () => new Map([['k', mk(Error, 'a', 'Error: a\n    at f (file.js:1:1)', {})]]),
  () => { const e = mk(Error, 'outer', 'Error: outer\n    at a (x.js:1:1)\n    at b (x.js:2:2)\n    at c (x.js:3:3)\n    at d (x.js:4:4)', {}); Object.defineProperty(e, 'cause', { value: mk(Error, 'inner', 'Error: inner\n    at z (x.js:9:9)\n    at b (x.js:2:2)\n    at c (x.js:3:3)\n    at d (x.js:4:4)', {}), enumerable: false }); return e; },
  () => { const e = mk(Error, 'o', 'Error: o', {}); Object.defineProperty(e, 'cause', { value: 'just text', enumerable: false }); return e; },
  () => { const e = mk(Error, 'o', 'Error: o', {}); e.cause = 5; return e; },
  () => { const e = new AggregateError([mk(Error, 'x', 'Error: x', {})], 'agg'); e.stack = 'AggregateError: agg'; return e; },
  () => mk(RangeError, 'r', 'RangeError: r\n    at q (y.js:1:1)', { name: 'RangeError' }),
  () => mk(Error, 'm', 'Error: m', { message: 'changed' }),
  () => mk(Error, 'm', 'Error: m', { name: 'X' }),
  () => { class E2 extends TypeError {} return mk(E2, 'e2', 'TypeError: e2', {}); },
  () => { const e = mk(Error, 'm', 'Error: m', {}); return { depth: { deeper: { deepest: e } } }; },
  () => { const e = mk(Error, 'm', 'Error: m', { k: 1 }); return { depth: { deeper: { deepest: e } } }; },
  [() => mk(Error, 'c', 'Error: c\n    at f (file.js:1:1)', { code: 'E' }), { colors: true }],
  () => { const e = mk(Error, 'multi\nline', 'Error: multi\nline\n    at f (file.js:1:1)', {}); return { e }; },
  () => { const e = new Error('no stack prop'); delete e.stack; Object.defineProperty(e, 'stack', { value: undefined }); return e; },
  () => Object.assign(Object.create(Error.prototype), { message: 'fake' }),
];
for (const [i, c] of cases.entries()) {
  const [make, opts] = Array.isArray(c) ? c : [c];
  let r;
  try { r = util.inspect(make(), opts); } catch (e) { r = `THREW ${e.message}`; }
  console.log(`#${i} ${r}`);
}
