// inspect of typed-array subclasses (Buffer without its custom inspect), retagged and prototype-less typed arrays.
const util = require('util');
class My extends Uint8Array {}
console.log(util.inspect(new My(2)), util.inspect(Buffer.from('a'), { customInspect: false }));
const n = new Uint8Array(2); Object.setPrototypeOf(n, null); console.log(util.inspect(n));
const f = new Float32Array(1); Object.setPrototypeOf(f, Uint8Array.prototype); console.log(util.inspect(f));
const u = new Uint8Array(1); Object.defineProperty(u, Symbol.toStringTag, { value: 'X' }); console.log(util.inspect(u));
class Q extends Uint8Array { get [Symbol.toStringTag]() { return 'Q'; } } console.log(util.inspect(new Q(1)));
console.log(util.inspect(new My(0)), util.inspect(Buffer.alloc(0), { customInspect: false }));
console.log([new My(1)], { b: Buffer.from('xy') });
