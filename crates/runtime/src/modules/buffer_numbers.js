// Buffer's number readers and writers (integers of 1–6 bytes, floats, doubles, BigInt64),
// with node's validation order and messages (lib/internal/buffer.js). Installed on
// Buffer.prototype by buffer.js.
'use strict';

module.exports = function installNumberMethods(proto, errors) {
  // ---- validation ----------------------------------------------------------------------
  function validateNumber(value, name) {
    if (typeof value !== 'number') throw errors.invalidArgType(name, 'number', value);
  }

  function outOfBounds() {
    return errors.make(RangeError, 'ERR_BUFFER_OUT_OF_BOUNDS', 'Attempt to access memory outside buffer bounds');
  }

  // A bad offset (or byteLength, when `name` says so): not an integer, or past `max`.
  function boundsError(value, max, name) {
    if (Math.floor(value) !== value) {
      validateNumber(value, name || 'offset');
      throw errors.outOfRange(name || 'offset', 'an integer', value);
    }
    if (max < 0) throw outOfBounds();
    throw errors.outOfRange(name || 'offset', `>= ${name ? 1 : 0} and <= ${max}`, value);
  }

  // `size` bytes at `offset` must lie inside the buffer.
  function checkBounds(buf, offset, size) {
    validateNumber(offset, 'offset');
    if (buf[offset] === undefined || buf[offset + size - 1] === undefined) {
      boundsError(offset, buf.length - size);
    }
  }

  function rangeText(min, max, size) {
    const n = typeof min === 'bigint' ? 'n' : '';
    if (size > 4) {
      const bits = size * 8;
      if (min === 0 || min === 0n) return `>= 0${n} and < 2${n} ** ${bits}${n}`;
      return `>= -(2${n} ** ${bits - 1}${n}) and < 2${n} ** ${bits - 1}${n}`;
    }
    return `>= ${min}${n} and <= ${max}${n}`;
  }

  function checkInt(value, min, max, buf, offset, size) {
    if (value > max || value < min) throw errors.outOfRange('value', rangeText(min, max, size), value);
    checkBounds(buf, offset, size);
  }

  function define(names, fn) {
    for (const name of names) {
      proto[name] = fn;
    }
  }

  // ---- integer readers -------------------------------------------------------------------
  function readUnsigned(buf, offset, size, littleEndian) {
    validateNumber(offset, 'offset');
    const first = buf[offset];
    const last = buf[offset + size - 1];
    if (first === undefined || last === undefined) boundsError(offset, buf.length - size);
    let v = 0;
    if (littleEndian) {
      for (let i = size - 1; i >= 0; i--) v = v * 256 + buf[offset + i];
    } else {
      for (let i = 0; i < size; i++) v = v * 256 + buf[offset + i];
    }
    return v;
  }

  function readSigned(buf, offset, size, littleEndian) {
    const v = readUnsigned(buf, offset, size, littleEndian);
    const limit = 2 ** (size * 8 - 1);
    return v >= limit ? v - limit * 2 : v;
  }

  const sized = (size, fn) => function (offset = 0) { return fn(this, offset, size); };

  function named(name, fn) {
    Object.defineProperty(fn, 'name', { value: name });
    return fn;
  }

  for (const [suffix, le] of [['LE', true], ['BE', false]]) {
    define([`readUInt16${suffix}`, `readUint16${suffix}`],
      named(`readUInt16${suffix}`, sized(2, (b, o) => readUnsigned(b, o, 2, le))));
    define([`readUInt32${suffix}`, `readUint32${suffix}`],
      named(`readUInt32${suffix}`, sized(4, (b, o) => readUnsigned(b, o, 4, le))));
    define([`readInt16${suffix}`], named(`readInt16${suffix}`, sized(2, (b, o) => readSigned(b, o, 2, le))));
    define([`readInt32${suffix}`], named(`readInt32${suffix}`, sized(4, (b, o) => readSigned(b, o, 4, le))));
    const readAny = (signed) => named(`read${signed ? 'Int' : 'UInt'}${suffix}`, function (offset, byteLength) {
      if (offset === undefined) throw errors.invalidArgType('offset', 'number', offset);
      if (byteLength >= 1 && byteLength <= 6 && Number.isInteger(byteLength)) {
        return signed ? readSigned(this, offset, byteLength, le) : readUnsigned(this, offset, byteLength, le);
      }
      return boundsError(byteLength, 6, 'byteLength');
    });
    define([`readUInt${suffix}`, `readUint${suffix}`], readAny(false));
    define([`readInt${suffix}`], readAny(true));
  }
  define(['readUInt8', 'readUint8'], named('readUInt8', function (offset = 0) {
    validateNumber(offset, 'offset');
    const v = this[offset];
    if (v === undefined) boundsError(offset, this.length - 1);
    return v;
  }));
  define(['readInt8'], named('readInt8', function (offset = 0) {
    validateNumber(offset, 'offset');
    const v = this[offset];
    if (v === undefined) boundsError(offset, this.length - 1);
    return (v << 24) >> 24;
  }));

  // Hand-unrolled forms of the common sizes (a loop and two calls per read cost several
  // times the read itself in an interpreter); same checks and results as the generic ones.
  function fastRead(name, size, compute) {
    const fn = {
      [name](offset = 0) {
        if (typeof offset !== 'number') validateNumber(offset, 'offset');
        if (this[offset] === undefined || this[offset + size - 1] === undefined) boundsError(offset, this.length - size);
        return compute(this, offset);
      },
    }[name];
    return fn;
  }
  define(['readUInt16LE', 'readUint16LE'], fastRead('readUInt16LE', 2, (b, o) => b[o] | (b[o + 1] << 8)));
  define(['readUInt16BE', 'readUint16BE'], fastRead('readUInt16BE', 2, (b, o) => (b[o] << 8) | b[o + 1]));
  define(['readInt16LE'], fastRead('readInt16LE', 2, (b, o) => ((b[o] | (b[o + 1] << 8)) << 16) >> 16));
  define(['readInt16BE'], fastRead('readInt16BE', 2, (b, o) => (((b[o] << 8) | b[o + 1]) << 16) >> 16));
  define(['readUInt32LE', 'readUint32LE'], fastRead('readUInt32LE', 4,
    (b, o) => (b[o] | (b[o + 1] << 8) | (b[o + 2] << 16)) + b[o + 3] * 0x1000000));
  define(['readUInt32BE', 'readUint32BE'], fastRead('readUInt32BE', 4,
    (b, o) => b[o] * 0x1000000 + ((b[o + 1] << 16) | (b[o + 2] << 8) | b[o + 3])));
  define(['readInt32LE'], fastRead('readInt32LE', 4, (b, o) => b[o] | (b[o + 1] << 8) | (b[o + 2] << 16) | (b[o + 3] << 24)));
  define(['readInt32BE'], fastRead('readInt32BE', 4, (b, o) => (b[o] << 24) | (b[o + 1] << 16) | (b[o + 2] << 8) | b[o + 3]));

  // ---- integer writers -------------------------------------------------------------------
  // Writes the low `size` bytes of an integer value already range-checked.
  function writeBytes(buf, value, offset, size, littleEndian) {
    let lo = value >>> 0;
    let hi = size > 4 ? Math.floor(value / 2 ** 32) : 0;
    for (let i = 0; i < size; i++) {
      const at = littleEndian ? offset + i : offset + size - 1 - i;
      if (i < 4) {
        buf[at] = lo;
        lo >>>= 8;
      } else {
        buf[at] = hi;
        hi = Math.floor(hi / 256);
      }
    }
    return offset + size;
  }

  // V8's wording for the TypeErrors its arithmetic raises here (QuickJS words them
  // differently).
  function toNumber(value) {
    if (typeof value === 'bigint') throw new TypeError('Cannot convert a BigInt value to a number');
    return +value;
  }

  function writeInt(buf, value, offset, size, littleEndian, signed) {
    value = toNumber(value);
    const bits = size * 8;
    const min = signed ? -(2 ** (bits - 1)) : 0;
    const max = signed ? 2 ** (bits - 1) - 1 : 2 ** bits - 1;
    if (size === 1) {
      // node checks the offset's type before the value for single bytes.
      validateNumber(offset, 'offset');
      if (value > max || value < min) throw errors.outOfRange('value', rangeText(min, max, 1), value);
      if (buf[offset] === undefined) boundsError(offset, buf.length - 1);
      buf[offset] = value;
      return offset + 1;
    }
    checkInt(value, min, max, buf, offset, size);
    return writeBytes(buf, value, offset, size, littleEndian);
  }

  for (const [suffix, le] of [['LE', true], ['BE', false]]) {
    for (const size of [2, 4]) {
      define([`writeUInt${size * 8}${suffix}`, `writeUint${size * 8}${suffix}`],
        named(`writeUInt${size * 8}${suffix}`, function (value, offset = 0) {
          return writeInt(this, value, offset, size, le, false);
        }));
      define([`writeInt${size * 8}${suffix}`], named(`writeInt${size * 8}${suffix}`, function (value, offset = 0) {
        return writeInt(this, value, offset, size, le, true);
      }));
    }
    const writeAny = (signed) => named(`write${signed ? 'Int' : 'UInt'}${suffix}`, function (value, offset, byteLength) {
      if (byteLength >= 1 && byteLength <= 6 && Number.isInteger(byteLength)) {
        return writeInt(this, value, offset, byteLength, le, signed);
      }
      return boundsError(byteLength, 6, 'byteLength');
    });
    define([`writeUInt${suffix}`, `writeUint${suffix}`], writeAny(false));
    define([`writeInt${suffix}`], writeAny(true));
  }
  function fastWrite(name, size, signed, store) {
    const bits = size * 8;
    const min = signed ? -(2 ** (bits - 1)) : 0;
    const max = signed ? 2 ** (bits - 1) - 1 : 2 ** bits - 1;
    return {
      [name](value, offset = 0) {
        value = toNumber(value);
        if (value > max || value < min) throw errors.outOfRange('value', rangeText(min, max, size), value);
        if (typeof offset !== 'number') validateNumber(offset, 'offset');
        if (this[offset] === undefined || this[offset + size - 1] === undefined) boundsError(offset, this.length - size);
        store(this, value, offset);
        return offset + size;
      },
    }[name];
  }
  const le16 = (b, v, o) => { b[o] = v; b[o + 1] = v >>> 8; };
  const be16 = (b, v, o) => { b[o] = v >>> 8; b[o + 1] = v; };
  const le32 = (b, v, o) => { b[o] = v; b[o + 1] = v >>> 8; b[o + 2] = v >>> 16; b[o + 3] = v >>> 24; };
  const be32 = (b, v, o) => { b[o] = v >>> 24; b[o + 1] = v >>> 16; b[o + 2] = v >>> 8; b[o + 3] = v; };
  define(['writeUInt16LE', 'writeUint16LE'], fastWrite('writeUInt16LE', 2, false, le16));
  define(['writeUInt16BE', 'writeUint16BE'], fastWrite('writeUInt16BE', 2, false, be16));
  define(['writeInt16LE'], fastWrite('writeInt16LE', 2, true, le16));
  define(['writeInt16BE'], fastWrite('writeInt16BE', 2, true, be16));
  define(['writeUInt32LE', 'writeUint32LE'], fastWrite('writeUInt32LE', 4, false, le32));
  define(['writeUInt32BE', 'writeUint32BE'], fastWrite('writeUInt32BE', 4, false, be32));
  define(['writeInt32LE'], fastWrite('writeInt32LE', 4, true, le32));
  define(['writeInt32BE'], fastWrite('writeInt32BE', 4, true, be32));
  define(['writeUInt8', 'writeUint8'], named('writeUInt8', function (value, offset = 0) {
    return writeInt(this, value, offset, 1, true, false);
  }));
  define(['writeInt8'], named('writeInt8', function (value, offset = 0) {
    return writeInt(this, value, offset, 1, true, true);
  }));

  // ---- floats ------------------------------------------------------------------------------
  const f32 = new Float32Array(1);
  const f64 = new Float64Array(1);
  const f32Bytes = new Uint8Array(f32.buffer);
  const f64Bytes = new Uint8Array(f64.buffer);
  const hostLittleEndian = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

  function readFloat(buf, offset, scratchBytes, scratch, littleEndian) {
    const size = scratchBytes.length;
    validateNumber(offset, 'offset');
    if (buf[offset] === undefined || buf[offset + size - 1] === undefined) boundsError(offset, buf.length - size);
    const swap = littleEndian !== hostLittleEndian;
    for (let i = 0; i < size; i++) scratchBytes[swap ? size - 1 - i : i] = buf[offset + i];
    return scratch[0];
  }

  function writeFloat(buf, value, offset, scratchBytes, scratch, littleEndian) {
    const size = scratchBytes.length;
    value = toNumber(value);
    checkBounds(buf, offset, size);
    scratch[0] = value;
    const swap = littleEndian !== hostLittleEndian;
    for (let i = 0; i < size; i++) buf[offset + i] = scratchBytes[swap ? size - 1 - i : i];
    return offset + size;
  }

  for (const [suffix, le] of [['LE', true], ['BE', false]]) {
    define([`readFloat${suffix}`], named(`readFloat${suffix}`, function (offset = 0) {
      return readFloat(this, offset, f32Bytes, f32, le);
    }));
    define([`readDouble${suffix}`], named(`readDouble${suffix}`, function (offset = 0) {
      return readFloat(this, offset, f64Bytes, f64, le);
    }));
    define([`writeFloat${suffix}`], named(`writeFloat${suffix}`, function (value, offset = 0) {
      return writeFloat(this, value, offset, f32Bytes, f32, le);
    }));
    define([`writeDouble${suffix}`], named(`writeDouble${suffix}`, function (value, offset = 0) {
      return writeFloat(this, value, offset, f64Bytes, f64, le);
    }));
  }

  // ---- BigInt64 ----------------------------------------------------------------------------
  function readBig(buf, offset, littleEndian, signed) {
    validateNumber(offset, 'offset');
    if (buf[offset] === undefined || buf[offset + 7] === undefined) boundsError(offset, buf.length - 8);
    const lo = readUnsigned(buf, littleEndian ? offset : offset + 4, 4, littleEndian);
    const hi = readUnsigned(buf, littleEndian ? offset + 4 : offset, 4, littleEndian);
    const high = signed ? BigInt(hi | 0) : BigInt(hi);
    return (high << 32n) + BigInt(lo);
  }

  function writeBig(buf, value, offset, littleEndian, signed) {
    const min = signed ? -(2n ** 63n) : 0n;
    const max = signed ? 2n ** 63n - 1n : 2n ** 64n - 1n;
    checkInt(value, min, max, buf, offset, 8);
    if (typeof value !== 'bigint') throw new TypeError('Cannot mix BigInt and other types, use explicit conversions');
    const lo = Number(value & 0xffffffffn);
    const hi = Number((value >> 32n) & 0xffffffffn);
    writeBytes(buf, lo, littleEndian ? offset : offset + 4, 4, littleEndian);
    writeBytes(buf, hi, littleEndian ? offset + 4 : offset, 4, littleEndian);
    return offset + 8;
  }

  for (const [suffix, le] of [['LE', true], ['BE', false]]) {
    define([`readBigUInt64${suffix}`, `readBigUint64${suffix}`], named(`readBigUInt64${suffix}`, function (offset = 0) {
      return readBig(this, offset, le, false);
    }));
    define([`readBigInt64${suffix}`], named(`readBigInt64${suffix}`, function (offset = 0) {
      return readBig(this, offset, le, true);
    }));
    define([`writeBigUInt64${suffix}`, `writeBigUint64${suffix}`], named(`writeBigUInt64${suffix}`, function (value, offset = 0) {
      return writeBig(this, value, offset, le, false);
    }));
    define([`writeBigInt64${suffix}`], named(`writeBigInt64${suffix}`, function (value, offset = 0) {
      return writeBig(this, value, offset, le, true);
    }));
  }
};
