// deepStrictEqual / deepEqual / notDeep*: node's `+ actual - expected` diffs, truncation of
// long values, and the loose forms.
const assert = require('assert');
function t(f) {
  try { f(); console.log('pass'); } catch (e) {
    console.log(`--- ${e.name} ${e.code} ${e.operator} ${e.generatedMessage}`);
    console.log(e.message);
  }
}
const range = (n, f = (i) => i) => Array.from({ length: n }, (_, i) => f(i));
t(() => assert.deepStrictEqual({ a: 1, b: 2 }, { a: 1, b: 3 }));
t(() => assert.deepStrictEqual(range(10, (i) => i + 1), range(10, (i) => (i === 9 ? 11 : i + 1))));
t(() => assert.deepStrictEqual(range(30), range(30, (i) => (i === 15 ? -1 : i))));
t(() => assert.deepStrictEqual(range(100), range(100, (i) => -i)));
t(() => assert.deepStrictEqual({ a: 1 }, { a: 1, b: 2 }));
t(() => assert.deepStrictEqual({ a: 1, b: 2 }, { a: 1 }));
t(() => assert.deepStrictEqual([1, 2], [1, 2, 3, 4, 5, 6, 7]));
t(() => assert.deepStrictEqual(new Map([[1, { a: 1 }]]), new Map([[1, { a: 2 }]])));
t(() => assert.deepStrictEqual(new Set([1, 2]), new Set([1, 3])));
t(() => assert.deepStrictEqual({}, Object.create(null)));
t(() => assert.deepStrictEqual(new Date(0), new Date(1)));
t(() => assert.deepStrictEqual(/a/g, /a/i));
t(() => assert.deepStrictEqual('a\nb\nc\nd\ne\nf\ng', 'a\nb\nc\nD\ne\nf\ng'));
t(() => assert.deepStrictEqual(1, '1'));
t(() => assert.deepStrictEqual([1, '2'], [1, 2]));
t(() => assert.deepStrictEqual(new Number(1), new Number(2)));
t(() => assert.deepStrictEqual(new Error('a'), new Error('b')));
t(() => assert.deepStrictEqual(new TypeError('a'), new Error('a')));
const coded = new Error('a'); coded.code = 'X';
t(() => assert.deepStrictEqual(coded, new Error('b')));
t(() => assert.deepStrictEqual([() => {}], [() => {}]));
t(() => assert.deepStrictEqual([() => {}], [() => {}], 'custom is ignored here'));
t(() => assert.deepStrictEqual({ a: { b: { c: { d: { e: 1 } } } } }, { a: { b: { c: { d: { e: 2 } } } } }));
t(() => assert.deepStrictEqual(new Uint8Array([1, 2]), new Uint8Array([1, 3])));
t(() => assert.deepStrictEqual({ x: 'a'.repeat(100) }, { x: 'b'.repeat(100) }));
t(() => assert.deepStrictEqual(range(60, (i) => ({ i })), []));
t(() => assert.deepStrictEqual([], range(60, (i) => ({ i }))));
t(() => assert.deepStrictEqual(range(8, (i) => i + 1), range(9, (i) => i + 1)));
t(() => assert.deepStrictEqual({ a: 1, b: 2, c: 3, d: 4, e: 5, f: 6, g: 7 }, { a: 0, b: 2, c: 3, d: 4, e: 5, f: 6, g: 7 }));
t(() => assert.deepStrictEqual({ a: 1, b: 2, c: 3, d: 4, e: 5, f: 6, g: 7 }, { a: 1, b: 2, c: 3, d: 4, e: 5, f: 6, g: 8 }));
t(() => assert.deepStrictEqual([[1, 2, [3, 4]], 5], [[1, 2, [3, 5]], 5]));
const c1 = { a: 1 }; c1.self = c1; const c2 = { a: 2 }; c2.self = c2;
t(() => assert.deepStrictEqual(c1, c2));
t(() => assert.deepStrictEqual(range(12, (i) => i + 1), range(12, (i) => (i === 11 ? 13 : i + 1))));
t(() => assert.deepStrictEqual(new Set([{ a: 1 }]), new Set([{ a: 2 }])));
class Foo { constructor() { this.a = 1; } }
t(() => assert.deepStrictEqual(new Foo(), { a: 1 }));
t(() => assert.deepStrictEqual([1, , 3], [1, undefined, 3]));
t(() => assert.deepStrictEqual({ a: 1 }, { a: 2 }, 'custom'));
t(() => assert.deepStrictEqual({ a: 1 }, { a: 2 }, ''));
t(() => assert.deepStrictEqual(range(100), range(100, (i) => -i), 'custom'));
t(() => assert.deepStrictEqual({ s: 'line1\nline2' }, { s: 'line1\nline3' }));
t(() => assert.deepEqual({ a: 1 }, { a: 2 }));
t(() => assert.deepEqual([1, 2, 3], '1,2,3'));
t(() => assert.deepEqual('x'.repeat(600), 'y'));
t(() => assert.deepEqual({ a: 1 }, { a: '1' }));
t(() => assert.notDeepEqual({ a: 1 }, { a: '1' }));
t(() => assert.notDeepEqual({ a: 1 }, { a: 1 }));
t(() => assert.notDeepEqual('x'.repeat(2000), 'x'.repeat(2000)));
t(() => assert.notDeepEqual({ a: 1, b: [1] }, { a: '1', b: ['1'] }));
t(() => assert.notDeepStrictEqual({ a: 1 }, { a: 1 }));
t(() => assert.notDeepStrictEqual([1, 2, 3], [1, 2, 3]));
t(() => assert.notDeepStrictEqual(1, 1));
t(() => assert.notDeepStrictEqual(range(60), range(60)));
t(() => assert.notDeepStrictEqual({ a: 1 }, { a: 2 }));
