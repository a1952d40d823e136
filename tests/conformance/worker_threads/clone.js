// What postMessage clones, what it refuses (DataCloneError), and transfer lists —
// through a MessageChannel read synchronously with receiveMessageOnPort.
const { MessageChannel, receiveMessageOnPort, markAsUntransferable } = require('worker_threads');

const { port1, port2 } = new MessageChannel();
function roundTrip(v, transfer) {
  try {
    port1.postMessage(v, transfer);
    return receiveMessageOnPort(port2).message;
  } catch (e) {
    return `${e.name} (${e.code}): ${e.message}`;
  }
}

console.log(roundTrip({ a: 1, b: 'two', c: [3, { d: null }], e: undefined, f: true }));
console.log(roundTrip([1, 'x', [2]]), roundTrip('str'), roundTrip(42), roundTrip(10n), roundTrip(null));
console.log(roundTrip(new Date(0)), roundTrip(/ab+c/gi));
console.log(roundTrip(new Map([['k', { v: 1 }]])), roundTrip(new Set([1, 'a'])));
console.log(roundTrip(new Uint8Array([1, 2, 3])), roundTrip(new Float64Array([1.5])));
console.log(roundTrip(Buffer.from('hi')));
console.log(roundTrip(new DataView(new ArrayBuffer(2))).byteLength);
console.log(roundTrip(new Number(3)), roundTrip(new String('s')), roundTrip(new Boolean(false)));

const cyclic = { name: 'loop' };
cyclic.self = cyclic;
const back = roundTrip(cyclic);
console.log(back.self === back, back.name);
const shared = { x: 1 };
const two = roundTrip([shared, shared]);
console.log(two[0] === two[1]);

class Point { constructor() { this.x = 1; } get y() { return 2; } }
const p = roundTrip(new Point());
console.log(p, p instanceof Point, Object.getPrototypeOf(p) === Object.prototype);
console.log(roundTrip({ get g() { return 5; } }));

const err = roundTrip(new RangeError('out'));
console.log(err instanceof RangeError, err.name, err.message, typeof err.stack);
const withCause = roundTrip(new Error('outer', { cause: new TypeError('inner') }));
console.log(withCause.message, withCause.cause instanceof TypeError, withCause.cause.message);
const nested = roundTrip({ e: new SyntaxError('s'), list: [new EvalError('v')] });
console.log(nested.e instanceof SyntaxError, nested.list[0] instanceof EvalError);

console.log(roundTrip(() => {}));
console.log(roundTrip({ f: function named() { return 1; } }));
console.log(roundTrip(Symbol('sym')));
console.log(roundTrip({ s: Symbol('inner') }));
console.log(roundTrip(Promise.resolve()));
console.log(roundTrip(new WeakMap()));

const ab = new ArrayBuffer(8);
new Uint8Array(ab)[0] = 9;
const moved = roundTrip(ab, [ab]);
console.log('transferred', ab.byteLength, moved.byteLength, new Uint8Array(moved)[0]);
const keep = new ArrayBuffer(4);
markAsUntransferable(keep);
const copied = roundTrip(keep, [keep]);
console.log('untransferable', keep.byteLength, copied.byteLength);
const viaOptions = new ArrayBuffer(2);
roundTrip(viaOptions, { transfer: [viaOptions] });
console.log('options form', viaOptions.byteLength);
console.log(receiveMessageOnPort(port2));
port1.close();
