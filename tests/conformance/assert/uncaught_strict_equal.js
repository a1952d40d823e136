// An uncaught strictEqual failure inside a function (frames and properties in the report).
const assert = require('assert');
function check(value, expected) {
  assert.strictEqual(value, expected);
}
const wanted = 'x'.repeat(30);
check(wanted.slice(1), wanted);
