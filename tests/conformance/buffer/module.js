// The buffer module's exports, the global, SlowBuffer, isUtf8/isAscii, unsupported APIs.
const buffer = require('buffer');
console.log(Object.keys(buffer).filter((k) => k !== 'Blob' && k !== 'File'));
console.log(buffer.kMaxLength, buffer.constants, buffer.kStringMaxLength, buffer.INSPECT_MAX_BYTES);
console.log(buffer.atob === atob, buffer.btoa === btoa, buffer.Buffer === Buffer, require('node:buffer') === buffer);
console.log(typeof Buffer, Buffer.name, Buffer.length, Object.getOwnPropertyDescriptor(globalThis, 'Buffer').enumerable);
console.log(Object.getPrototypeOf(Buffer) === Uint8Array, Buffer[Symbol.species] === Buffer);
console.log(buffer.isUtf8(Buffer.from('hé')), buffer.isUtf8(Buffer.from([0xff])), buffer.isUtf8(new ArrayBuffer(2)));
console.log(buffer.isAscii(Buffer.from('abc')), buffer.isAscii(new Uint8Array([200])), buffer.isAscii(new Uint16Array([1])));
try {
  buffer.isUtf8('x');
} catch (e) {
  console.log(e.code, e.message);
}
console.log(new buffer.SlowBuffer(3), buffer.SlowBuffer(2).length);
const methods = Object.getOwnPropertyNames(Buffer.prototype).sort();
console.log(methods.length, methods.join(' '));
console.log(Object.getOwnPropertyNames(Buffer).sort().join(' '));
