// fail, ifError, match, doesNotMatch.
process.noDeprecation = true; // assert.fail with several arguments warns (with a pid)
const assert = require('assert');
function t(f) {
  try { f(); console.log('pass'); } catch (e) {
    console.log(`--- ${e.name} ${e.code} ${e.operator} ${e.generatedMessage}`, typeof e.actual, typeof e.expected);
    console.log(e.message);
  }
}
t(() => assert.fail());
t(() => assert.fail('boom'));
t(() => assert.fail(new TypeError('own')));
t(() => assert.fail(1, 2));
t(() => assert.fail(1, 2, undefined, '>'));
t(() => assert.fail(1, 2, 'msg'));
t(() => assert.fail(1, 2, 'msg', '>'));
t(() => assert.ifError(null));
t(() => assert.ifError(undefined));
t(() => assert.ifError(new Error('bad')));
t(() => assert.ifError(new TypeError('')));
t(() => assert.ifError('str'));
t(() => assert.ifError(0));
t(() => assert.ifError({ message: 'plain object' }));
try { assert.ifError(new Error('bad')); } catch (e) { console.log(e.actual instanceof Error, e.expected, e.actual.message); }
t(() => assert.match('abc', /b/));
t(() => assert.match('abc', /x/));
t(() => assert.match('abc', /x/, 'custom'));
t(() => assert.match(1, /x/));
t(() => assert.match('abc', 'x'));
t(() => assert.match('abc', () => {}));
t(() => assert.doesNotMatch('abc', /x/));
t(() => assert.doesNotMatch('abc', /b/));
t(() => assert.doesNotMatch(null, /b/));
t(() => assert.doesNotMatch('abc', /b/, new RangeError('own')));
