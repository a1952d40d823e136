// A failed assert.rejects is an unhandled rejection: node's report and exit code 1.
const assert = require('assert/strict');
assert.rejects(Promise.resolve('fine'));
