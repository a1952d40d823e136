// Buffer.from / alloc / allocUnsafe / concat / byteLength: results and argument errors.
const show = (label, f) => {
  try {
    console.log(label, f());
  } catch (e) {
    console.log(label, e.code, e.name, e.message);
  }
};
const b = Buffer.from('hello world');
console.log(b, b.length, b instanceof Uint8Array, Buffer.isBuffer(b), Buffer.isBuffer(new Uint8Array(1)));
console.log(Object.getPrototypeOf(Buffer.prototype) === Uint8Array.prototype, b.constructor === Buffer);

show('from bad encoding', () => Buffer.from('abc', 'nope'));
show('from number encoding', () => Buffer.from('abc', 1));
show('from empty, bad encoding', () => Buffer.from('', 'nope'));
show('from number', () => Buffer.from(5));
show('from null', () => Buffer.from(null));
show('from {}', () => Buffer.from({}));
show('from array-like', () => Buffer.from({ length: 2, 0: 1, 1: 300 }));
show('from valueOf', () => Buffer.from({ valueOf() { return 'hey'; } }));
show('from String object', () => Buffer.from(new String('x')));
show('from toPrimitive', () => Buffer.from({ [Symbol.toPrimitive]() { return 'ab'; } }, 'hex'));
show('from symbol', () => Buffer.from(Symbol('x')));
show('from array', () => Buffer.from([257, -1, 1.5, 'x', '7']));
show('from Uint16Array', () => Buffer.from(new Uint16Array([1, 256, 65535])));
show('from toJSON shape', () => Buffer.from({ type: 'Buffer', data: [1, 2] }));
show('of', () => Buffer.of(1, 2, 300));

const ab = new ArrayBuffer(8);
const view = Buffer.from(ab, 2, 3);
view[0] = 9;
console.log('arraybuffer view', view.length, new Uint8Array(ab)[2], view.buffer === ab, view.byteOffset);
show('arraybuffer offset past end', () => Buffer.from(ab, 9));
show('arraybuffer length past end', () => Buffer.from(ab, 2, 7));
show('arraybuffer NaN offset', () => Buffer.from(ab, 'x').length);
show('shared array buffer', () => Buffer.from(new SharedArrayBuffer(4), 1).length);
const copy = Buffer.from(b);
copy[0] = 0;
console.log('copy is separate', b[0], copy[0]);

show('alloc -1', () => Buffer.alloc(-1));
show('alloc string', () => Buffer.alloc('5'));
show('alloc huge', () => Buffer.alloc(2 ** 33));
show('alloc NaN', () => Buffer.alloc(NaN));
show('alloc fill string', () => Buffer.alloc(5, 'ab'));
show('alloc fill hex', () => Buffer.alloc(5, '6162', 'hex'));
show('alloc fill bad hex', () => Buffer.alloc(3, 'zz', 'hex'));
show('alloc fill 257', () => Buffer.alloc(3, 257));
show('alloc fill empty', () => Buffer.alloc(3, ''));
show('alloc fill bad encoding', () => Buffer.alloc(3, 'a', 'bad'));
show('alloc fill empty buffer', () => Buffer.alloc(3, Buffer.alloc(0)));
show('alloc 1.5', () => Buffer.alloc(1.5));
show('allocUnsafe length', () => Buffer.allocUnsafe(10).length);
show('allocUnsafeSlow length', () => Buffer.allocUnsafeSlow(3).length);
show('allocUnsafe NaN', () => Buffer.allocUnsafe(NaN));
show('allocUnsafe -5', () => Buffer.allocUnsafe(-5));

show('concat', () => Buffer.concat([Buffer.from('a'), new Uint8Array([98])]));
show('concat string', () => Buffer.concat('x'));
show('concat [string]', () => Buffer.concat(['x']));
show('concat truncated', () => Buffer.concat([Buffer.from('abc')], 2));
show('concat zero-filled', () => Buffer.concat([Buffer.from('abc')], 5));
show('concat empty list', () => Buffer.concat([], 5));
show('concat negative', () => Buffer.concat([Buffer.from('a')], -1));
show('concat fraction', () => Buffer.concat([Buffer.from('a')], 1.5));

show('byteLength utf8', () => Buffer.byteLength('héllo €'));
show('byteLength number', () => Buffer.byteLength(5));
show('byteLength ArrayBuffer', () => Buffer.byteLength(new ArrayBuffer(5)));
show('byteLength Uint16Array', () => Buffer.byteLength(new Uint16Array(5)));
show('byteLength base64', () => Buffer.byteLength('aGVsbG8=', 'base64'));
show('byteLength hex', () => Buffer.byteLength('abcde', 'hex'));
show('byteLength ucs2', () => Buffer.byteLength('abc', 'ucs2'));
show('byteLength unknown encoding', () => Buffer.byteLength('abc', 'nope'));
show('byteLength lone surrogate', () => Buffer.byteLength('\ud800'));
show('byteLength emoji', () => Buffer.byteLength('😀'));

show('isEncoding', () => ['UTF-8', 'utf16', '', null, 'Base64URL', 'binary', 'UCS-2'].map((e) => Buffer.isEncoding(e)));
show('poolSize', () => Buffer.poolSize);
show('copyBytesFrom', () => Buffer.copyBytesFrom(new Uint16Array([1, 2, 3]), 1));
show('copyBytesFrom range', () => Buffer.copyBytesFrom(new Uint8Array([1, 2, 3]), 1, 1));
show('copyBytesFrom array', () => Buffer.copyBytesFrom([1]));
show('copyBytesFrom bad offset', () => Buffer.copyBytesFrom(new Uint8Array(2), -1));
