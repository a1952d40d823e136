// read/write integer, float and BigInt families, with node's range and type errors.
const show = (label, f) => {
  try {
    console.log(label, f());
  } catch (e) {
    console.log(label, e.code, e.name, e.message);
  }
};
const b = Buffer.alloc(8);
for (const n of [1, 2, 3, 4, 5, 6]) {
  const max = 2 ** (8 * n);
  const half = 2 ** (8 * n - 1);
  for (const [m, v] of [['writeUIntLE', max], ['writeIntLE', half], ['writeIntBE', -half - 1], ['writeUIntBE', max - 1], ['writeIntLE', -half]]) {
    show(`${m}(${v}, 0, ${n})`, () => [b[m](v, 0, n), b.readUIntLE(0, n), b.readIntBE(0, n), b.readIntLE(0, n), b.readUIntBE(0, n)]);
  }
}
for (const m of ['writeUInt16BE', 'writeInt32LE', 'writeInt8', 'writeUInt32BE']) show(m, () => b[m](1e10, 0));
show('writeBigUInt64LE -1n', () => b.writeBigUInt64LE(-1n));
show('writeDoubleLE offset 1', () => b.writeDoubleLE(1, 1));
show('writeFloatLE NaN string', () => [b.writeFloatLE('x', 0), b.readFloatLE(0)]);
show('writeFloatLE numeric string', () => [b.writeFloatLE('1', 0), b.writeDoubleLE(undefined), b]);
show('default offsets', () => [b.writeUInt8(1), b.writeUInt16LE(1, undefined)]);
show('offset past end', () => b.writeUInt8(1, 8));
show('offset -1', () => b.writeUInt8(1, -1));
show('offset NaN', () => b.writeUInt8(1, NaN));
show('offset Infinity', () => b.writeUInt8(1, Infinity));
show('read offset NaN', () => b.readUInt8(NaN));
show('read offset 1.5', () => b.readUInt8(1.5));
show('read offset string', () => b.readUInt8('1'));
show('byteLength 0', () => b.readUIntLE(0, 0));
show('byteLength 7', () => b.readIntBE(0, 7));
show('byteLength string', () => b.readIntBE(0, '1'));
show('byteLength missing', () => b.readUIntLE(0));
show('byteLength fraction', () => b.writeIntBE(1, 0, 1.5));
show('readUIntLE no offset', () => b.readUIntLE());
show('readUIntLE undefined offset', () => b.readUIntLE(undefined, 2));
show('writeUIntLE undefined offset', () => b.writeUIntLE(1, undefined, 2));
show('empty read', () => Buffer.alloc(0).readUInt8(0));
show('empty write', () => Buffer.alloc(0).writeUInt8(0, 0));
show('short readUInt32LE', () => Buffer.alloc(2).readUInt32LE());
show('short readUIntLE', () => Buffer.alloc(2).readUIntLE(0, 3));
show('value string', () => [b.writeUInt16LE('5', 0), b]);
show('offset string', () => b.writeUInt16LE(5, '0'));
show('big value 8-bit', () => b.writeUInt8(2 ** 40, 0));
show('bigint to 8-bit', () => b.writeUInt8(-2n, 0));
show('value fraction', () => b.writeUInt8(255.7, 0));
show('value NaN', () => [b.writeUInt8(NaN, 0), b[0]]);

const v = Buffer.from([1, 2, 3, 4, 5, 6, 7, 8, 0xff, 0xfe, 0x80, 0x7f]);
const readers = ['readUInt8', 'readInt8', 'readUInt16LE', 'readUInt16BE', 'readInt16LE', 'readInt16BE', 'readUInt32LE',
  'readUInt32BE', 'readInt32LE', 'readInt32BE', 'readFloatLE', 'readFloatBE', 'readDoubleLE', 'readDoubleBE',
  'readBigUInt64LE', 'readBigUInt64BE', 'readBigInt64LE', 'readBigInt64BE', 'readUint8', 'readUint16LE', 'readBigUint64LE'];
for (const m of readers) {
  for (const o of [0, 3, 4, 8]) show(`${m}(${o})`, () => v[m](o));
}
const w = Buffer.alloc(16);
show('mixed writes', () => [w.writeFloatBE(3.14, 0), w.writeDoubleLE(-2.5e300, 4), w.writeBigInt64BE(-5n, 8), w]);
show('more writes', () => [w.writeBigUInt64LE(2n ** 64n - 1n, 8), w.writeInt32BE(-1, 0), w.writeUInt32LE(0xdeadbeef, 4), w.writeInt16LE(-300, 2), w]);
show('writeBigInt64LE number', () => w.writeBigInt64LE(1, 0));
show('writeBigInt64LE short buffer', () => Buffer.alloc(4).writeBigInt64LE(1n, 0));
show('writeBigInt64LE too big', () => w.writeBigInt64LE(2n ** 63n, 0));
show('writeBigInt64LE too small', () => w.writeBigInt64LE(-(2n ** 63n) - 1n, 0));
show('48-bit', () => [w.writeUIntBE(0x123456789abc, 0, 6), w.readUIntBE(0, 6).toString(16), w.writeIntLE(-0x123456789ab, 0, 6), w.readIntLE(0, 6), w]);
show('fractions and NaN', () => [w.writeUInt32LE(1.7, 0), w.writeInt8(-1.5, 0), w.writeUInt16BE(NaN, 0), w]);
show('float specials', () => [w.writeFloatLE(Infinity, 0), w.readFloatLE(0), w.writeDoubleBE(-0, 0), Object.is(w.readDoubleBE(0), -0), w.writeFloatBE(1e40, 0), w.readFloatBE(0)]);
show('aliases', () => [Buffer.prototype.readUint8 === Buffer.prototype.readUInt8, Buffer.prototype.readUInt8.name, Buffer.prototype.writeBigUint64LE.name]);
