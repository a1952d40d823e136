// util.inspect / console.log of Buffers: bytes, the INSPECT_MAX_BYTES cut, extra properties.
const util = require('util');
const buffer = require('buffer');
const b = Buffer.from('hello');
b.foo = 1;
b[Symbol('s')] = 2;
console.log(b);
console.log(Buffer.alloc(60));
console.log(Buffer.alloc(51));
console.log(Buffer.alloc(50));
console.log([Buffer.from('a')], { b: Buffer.alloc(0) });
const e = Buffer.alloc(0);
e.x = 'y';
console.log(e);
console.log(util.inspect(Buffer.from('hi'), { showHidden: true }));
console.log(util.inspect({ a: { b: { c: Buffer.from('deep') } } }, { depth: 0 }));
console.log(util.inspect({ a: { b: { c: Buffer.from('deep') } } }));
buffer.INSPECT_MAX_BYTES = 4;
console.log(Buffer.from('hello world'), buffer.INSPECT_MAX_BYTES);
try {
  buffer.INSPECT_MAX_BYTES = 'x';
} catch (err) {
  console.log(err.code, err.message);
}
buffer.INSPECT_MAX_BYTES = 50;
console.log(util.format('%s %o %j', Buffer.from('ab'), Buffer.from('c'), Buffer.from('d')));
const big = Buffer.alloc(100, 1);
big.extra = { nested: true };
console.log(big);
console.log(util.inspect(Buffer.from('abc'), { colors: true }));
console.log(typeof Buffer.prototype[util.inspect.custom], Buffer.prototype.inspect === Buffer.prototype[util.inspect.custom]);
class MyBuffer extends Buffer {}
console.log(Object.setPrototypeOf(Buffer.from('sub'), MyBuffer.prototype));
console.log(new Uint8Array([1, 2]), Buffer.from([1, 2]).subarray(1));
