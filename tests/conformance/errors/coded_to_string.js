// Errors node raises with a code turn into `Name [CODE]: message` as strings (their
// prototype's toString), stay instances of their class, and assert.throws can match the
// code with a RegExp.
'use strict';
const assert = require('assert');
const cases = [
  () => Buffer.alloc(-1),
  () => process.chdir(1),
  () => require('stream').Readable.from([]).drop(-1),
];
for (const f of cases) {
  try {
    f();
  } catch (e) {
    console.log(String(e));
    console.log(`${e}` === e.toString(), e instanceof Error, e.constructor.name,
      Object.hasOwn(e, 'toString'), Object.keys(e));
  }
}
assert.throws(() => Buffer.alloc(-1), /ERR_OUT_OF_RANGE/);
assert.throws(() => Buffer.alloc(-1), /^RangeError \[ERR_OUT_OF_RANGE\]: The value/);
const plain = new RangeError('x');
plain.code = 'ERR_X';
console.log(String(plain));
// Errors node raises as plain errors with a code keep the plain form.
for (const f of [() => new URL('x'), () => require('fs').readFileSync('/nonexistent-nrt-case')]) {
  try {
    f();
  } catch (e) {
    console.log(String(e), e.code);
  }
}
