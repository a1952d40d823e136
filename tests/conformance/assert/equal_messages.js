// equal / notEqual / strictEqual / notStrictEqual: pass and fail, with node's messages.
const assert = require('assert');
function t(f) {
  try { f(); console.log('pass'); } catch (e) {
    console.log(`--- ${e.name} ${e.code} ${e.operator} ${e.generatedMessage}`);
    console.log(e.message);
  }
}
t(() => assert.equal(1, '1'));
t(() => assert.equal(NaN, NaN));
t(() => assert.equal(null, undefined));
t(() => assert.equal(1, 2));
t(() => assert.equal('a', 'b'));
t(() => assert.equal({ a: 1 }, { a: 1 }));
t(() => assert.notEqual(1, 2));
t(() => assert.notEqual(1, 1));
t(() => assert.notEqual(1, '1'));
t(() => assert.notEqual(null, undefined));
t(() => assert.notEqual(NaN, NaN));
t(() => assert.strictEqual(1, 1));
t(() => assert.strictEqual(NaN, NaN));
t(() => assert.strictEqual(1, 2));
t(() => assert.strictEqual(0, -0));
t(() => assert.strictEqual(-0, 0));
t(() => assert.strictEqual(NaN, 0));
t(() => assert.strictEqual('a'.repeat(10), `${'a'.repeat(9)}b`));
t(() => assert.strictEqual('hello world', 'hello there'));
t(() => assert.strictEqual('x'.repeat(40), `${'x'.repeat(39)}y`));
t(() => assert.strictEqual('x'.repeat(50), `${'x'.repeat(49)}y`));
t(() => assert.strictEqual('ab', 'abc'));
t(() => assert.strictEqual({}, {}));
t(() => assert.strictEqual([1], [1]));
t(() => assert.strictEqual({ a: 1 }, { a: 2 }));
t(() => assert.strictEqual(() => {}, () => {}));
t(() => assert.strictEqual(null, undefined));
t(() => assert.strictEqual(1n, 1));
t(() => assert.strictEqual('a\nb\nc', 'a\nB\nc'));
t(() => assert.strictEqual(Symbol('a'), Symbol('a')));
t(() => assert.strictEqual(1, 2, 'custom message'));
t(() => assert.strictEqual('hello world', 'hello there', 'custom'));
t(() => assert.strictEqual({}, {}, 'custom'));
t(() => assert.strictEqual(1, 2, new RangeError('own error')));
t(() => assert.notStrictEqual(1, 2));
t(() => assert.notStrictEqual(1, 1));
t(() => assert.notStrictEqual('hello', 'hello'));
t(() => assert.notStrictEqual('hello!', 'hello!'));
const o = { a: [1, 2, 3], b: 'x' };
t(() => assert.notStrictEqual(o, o));
t(() => assert.notStrictEqual(1, 1, 'custom'));
t(() => assert.equal(1, 2, 'custom'));
for (const name of ['equal', 'notEqual', 'strictEqual', 'notStrictEqual', 'deepEqual', 'deepStrictEqual', 'notDeepEqual', 'notDeepStrictEqual']) {
  try { assert[name](1); } catch (e) { console.log(name, e.name, e.code, e.message); }
}
