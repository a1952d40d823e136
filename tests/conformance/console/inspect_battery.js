const util = require('util');
const cases = [
  () => ({ a: { b: { c: { d: { e: 1 } } } } }),
  () => [1, [2, [3, [4, [5, [6]]]]]],
  () => Array.from({ length: 30 }, (_, i) => 'item' + i),
  () => Array.from({ length: 10 }, (_, i) => ({ id: i, name: 'n' + i })),
  () => ({ fn: function named() {}, arrow: () => 1, cls: class A {}, bound: function b() {}.bind(null) }),
  () => new Map([[{ a: 1 }, new Set([1, 2])], ['k', new Map([[1, { deep: { deeper: { deepest: 1 } } }]])]]),
  () => ({ u8: new Uint8Array(200), f: new Float32Array([1.5, 2.25]), big: new BigInt64Array([1n, -2n]) }),
  () => [new Date(86400000), /x/y, new Error('e').message, Symbol('s'), 10n ** 30n],
  () => Object.assign(() => {}, { prop: 1 }),
  () => Object.assign(function f() {}, { a: 1, b: 'x' }),
  () => ({ 'a b': 1, 'c-d': 2, '3e': 3, _ok: 4, $d: 5, 'ünï': 6, '': 7 }),
  () => [['a', 1], ['b', 2], ['c', 3], ['d', 4], ['e', 5], ['f', 6], ['g', 7]],
  () => ({ x: 'a'.repeat(75) }),
  () => ({ x: 'line1\nline2\nline3', y: 'a'.repeat(30) + '\n' + 'b'.repeat(60) }),
  () => Array.from({ length: 26 }, (_, i) => String.fromCharCode(97 + i).repeat(i % 5 + 1)),
  () => Array.from({ length: 50 }, (_, i) => i * 1000),
  () => [1.5, -0, NaN, Infinity, 0.1 + 0.2, 1e-7, 2 ** 53],
  () => ({ nested: [{ a: [{ b: [{ c: 1 }] }] }] }),
  () => [undefined, null, true, 'str', 1, , 3],
  () => new Array(3).fill({ same: 'ref' }),
  () => { const o = { a: 1 }; return { first: o, second: o }; },
  () => Object.defineProperty({}, 'hidden', { value: 1, enumerable: false }),
  () => Object.defineProperty({ v: 1 }, 'acc', { get() { return 1; }, enumerable: true }),
  () => new (class Foo extends Map {})([[1, 2]]),
  () => new (class Bar extends Array {})(1, 2, 3),
  () => new (class Baz extends Error {})('baz').message,
  () => Object.create({ inherited: 1 }),
  () => ({ [Symbol.toStringTag]: 'Custom', a: 1 }),
  () => Promise.resolve({ a: [1, 2] }),
  () => [Promise.reject(3).catch(() => {}), new Promise(() => {})],
  () => new WeakRef({}),
  () => ({ a: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30] }),
  () => 'top level string',
  () => [`a'b`, `a"b`, `a'b"c`, 'a`b\'c"d', 'tab\t', 'nl\n', '\u0001', '\x7f', 'é', '😀'],
  () => new Set([[1, 2], { a: 1 }, 'x']),
  () => [new Map(), new Set(), new WeakMap(), {}, [], Object.create(null)],
  () => ({ typed: new Uint8Array(0), buf: new ArrayBuffer(3), dv: new DataView(new ArrayBuffer(2)) }),
  () => globalThis.process.versions ? 'skip' : 0,
  () => [function () {}, async () => {}, function* () {}, async function* ag() {}],
  () => Array.from({ length: 7 }, () => 'x'.repeat(20)),
  () => ({ a: 'x'.repeat(20), b: 'y'.repeat(20), c: 'z'.repeat(20) }),
  () => ({ abc: [1, 2, 3], def: { g: 'h' }, ijk: null, lmn: undefined, opq: true }),
  () => Array.from({ length: 101 }, (_, i) => i),
  () => Object.fromEntries(Array.from({ length: 30 }, (_, i) => ['k' + i, i])),
  () => new Number(-0),
  () => [new String('ab'), Object(Symbol('q')), Object(5n)],
  () => ({ e: Object.assign(new Error('inner'), { stack: 'Error: inner\n    at x (y.js:1:1)' }) }),
  () => [[]],
  () => [{}],
  () => [[[]]],
  () => ({ a: {} , b: [] }),
];
for (const c of cases) {
  try { console.log(c()); } catch (e) { console.log('THREW', e.message); }
}
console.log(util.inspect({ a: { b: { c: { d: {} } } } }, { depth: Infinity }));
console.log(util.inspect({ a: [1, 2, { b: 1 }] }, { compact: true }));
console.log(util.inspect({ a: [1, 2, { b: 1 }] }, { compact: 1 }));
console.log(util.inspect({ a: 1, b: 'x'.repeat(70) }, { breakLength: Infinity }));
console.log(util.inspect(new Map([[1, 2]]), { showHidden: true }));
console.log(util.inspect([1, 2, 3], { showHidden: true }));
console.log(util.format('%o', { a: [1, 2], f() {} }));
