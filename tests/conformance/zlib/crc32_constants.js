// zlib.crc32, zlib.constants, zlib.codes, the legacy top-level constants, the exports.
const zlib = require('zlib');

console.log(zlib.crc32('hello'), zlib.crc32('world', 5), zlib.crc32(Buffer.from('abc')));
console.log(zlib.crc32(''), zlib.crc32('', 123), zlib.crc32(new Uint16Array([1, 2])), zlib.crc32('héllo'));
console.log(zlib.crc32('world', zlib.crc32('hello ')) === zlib.crc32('hello world'));
console.log(zlib.crc32.name, zlib.crc32.length);
for (const args of [[5], ['a', 'b'], ['a', -1], ['a', 2 ** 32], ['a', 1.5], [new ArrayBuffer(1)]]) {
  try {
    zlib.crc32(...args);
  } catch (e) {
    console.log(e.name, e.code, e.message);
  }
}

console.log(Object.keys(zlib).join(' '));
console.log(Object.keys(zlib.constants).length, Object.isFrozen(zlib.constants), Object.getPrototypeOf(zlib.constants));
console.log(zlib.constants.Z_MAX_CHUNK, zlib.constants.ZLIB_VERNUM, zlib.constants.BROTLI_DECODER_ERROR_UNREACHABLE);
console.log(JSON.stringify(zlib.codes), Object.isFrozen(zlib.codes));
console.log(zlib.Z_NO_FLUSH, zlib.Z_BEST_COMPRESSION, zlib.DEFLATE, zlib.Z_MAX_CHUNK, zlib.BROTLI_OPERATION_FLUSH);
console.log(Object.getOwnPropertyDescriptor(zlib, 'Z_SYNC_FLUSH'));
console.log(Object.getOwnPropertyDescriptor(zlib, 'constants').enumerable);
const legacy = Object.getOwnPropertyNames(zlib).filter((k) => !Object.keys(zlib).includes(k));
console.log(legacy.length, legacy.slice(0, 5).join(' '), legacy.includes('BROTLI_PARAM_MODE'));
