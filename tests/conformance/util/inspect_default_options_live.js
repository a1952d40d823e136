// util.inspect.defaultOptions is the live default object: setting one option on it
// changes inspect and util.format (%d, %i, %s of numbers) until it is set back.
'use strict';
const util = require('util');
const d = util.inspect.defaultOptions;
console.log(d === util.inspect.defaultOptions, d.numericSeparator, d.depth);
d.numericSeparator = true;
console.log(util.format('%d %i %s', 1234567.5, 1234567, 7654321), util.inspect(123456789n));
console.log(util.formatWithOptions({ numericSeparator: false }, '%d', 1234567));
d.numericSeparator = false;
console.log(util.format('%d', 1234567));
d.depth = 0;
console.log(util.inspect({ a: { b: 1 } }));
util.inspect.defaultOptions = { depth: 2 };
console.log(util.inspect({ a: { b: { c: {} } } }), d.depth);
try {
  util.inspect.defaultOptions = null;
} catch (e) {
  console.log(e.name, e.code, e.message);
}
