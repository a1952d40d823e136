// An uncaught AssertionError is reported as node reports it (stderr, exit code 1).
const assert = require('assert');
assert.deepStrictEqual({ a: 1, b: [1, 2] }, { a: 1, b: [1, 3] });
