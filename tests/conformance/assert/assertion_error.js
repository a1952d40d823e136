// AssertionError: properties, name, code, toString, inspect, bad options; the module shape.
const assert = require('assert');
const strict = require('assert/strict');
const util = require('util');
try { assert.strictEqual(1, 2); } catch (e) {
  console.log(e instanceof Error, e instanceof assert.AssertionError, e.name, e.code);
  console.log(Object.keys(e), Object.getOwnPropertyDescriptor(e, 'name'));
  console.log(String(e));
  console.log(util.inspect(e).split('\n').filter((l) => !/^\s+at /.test(l)).join('\n'));
}
const long = new assert.AssertionError({ actual: 'x'.repeat(600), expected: 'a\n'.repeat(20), operator: 'strictEqual' });
console.log(util.inspect(long).split('\n').filter((l) => !/^\s+at /.test(l)).slice(-6).join('\n'));
console.log(long.actual.length, long.expected.length);
const nested = new assert.AssertionError({ actual: 1, expected: { a: { b: { c: {} } } }, operator: 'strictEqual' });
console.log(util.inspect(nested).split('\n').filter((l) => !/^\s+at /.test(l)).slice(-4).join('\n'));
console.log(new assert.AssertionError({}).message);
console.log(new assert.AssertionError({ message: 'm' }).message, new assert.AssertionError({ message: 'm' }).generatedMessage);
console.log(JSON.stringify(new assert.AssertionError({ message: 'm', actual: 1, expected: 2, operator: 'strictEqual' }).message));
console.log(JSON.stringify(new assert.AssertionError({ actual: 1, expected: 2, operator: 'foo' }).message));
for (const bad of [undefined, null, 1, 'x']) {
  try { new assert.AssertionError(bad); } catch (e) { console.log(e.name, e.code, e.message); }
}
function outer() { return new assert.AssertionError({ message: 'x', stackStartFn: outer }); }
console.log(outer().stack.split('\n')[0]);
console.log(assert === assert.ok, assert.name, strict === assert.strict, strict.strict === strict);
console.log(strict.equal === assert.strictEqual, strict.deepEqual === assert.deepStrictEqual,
  strict.notEqual === assert.notStrictEqual, strict.notDeepEqual === assert.notDeepStrictEqual);
console.log(Object.keys(assert).sort().join());
console.log(Object.keys(strict).sort().join());
try { strict(0); } catch (e) { console.log(JSON.stringify(e.message)); }
try { strict.equal(1, '1'); } catch (e) { console.log(JSON.stringify(e.message)); }
try { strict.deepEqual([1], ['1']); } catch (e) { console.log(JSON.stringify(e.message)); }
