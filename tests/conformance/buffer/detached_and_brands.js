// buffer.isAscii/isUtf8 on detached buffers, and Buffer.from of an object that only
// inherits from ArrayBuffer.prototype (not a real ArrayBuffer).
'use strict';
const { isAscii, isUtf8 } = require('buffer');

const ab = new ArrayBuffer(4);
const view = new Uint8Array(ab);
structuredClone(ab, { transfer: [ab] });
for (const f of [isAscii, isUtf8]) {
  for (const x of [ab, view]) {
    try {
      console.log(f.name, f(x));
    } catch (e) {
      console.log(f.name, e.name, e.code, e.message);
    }
  }
}
console.log(isAscii(new ArrayBuffer(2)), isUtf8(new Uint8Array([0xff])));

function AB() {}
Object.setPrototypeOf(AB, ArrayBuffer);
Object.setPrototypeOf(AB.prototype, ArrayBuffer.prototype);
for (const f of [() => Buffer.from(new AB()), () => isAscii(new AB())]) {
  try {
    f();
  } catch (e) {
    console.log(e.name, e.code, e.message);
  }
}
console.log(Buffer.from(new SharedArrayBuffer(3)).length);
