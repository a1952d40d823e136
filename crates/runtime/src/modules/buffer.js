// Node's `buffer` module and the global `Buffer` (lib/buffer.js): a Uint8Array subclass.
// Encoding, decoding, search, fill, compare and swap run in Rust (buffer.rs, node-stdlib);
// this file gives the class its shape, validates arguments and dispatches.
'use strict';

const nb = internal.natives.buffer;
const { errors } = internal;

const kMaxLength = 2 ** 32;
const kStringMaxLength = 2 ** 29 - 24;
const constants = { MAX_LENGTH: kMaxLength, MAX_STRING_LENGTH: kStringMaxLength };
let INSPECT_MAX_BYTES = 50;

// ---- the class ---------------------------------------------------------------------------
// Every Buffer is a FastBuffer: `Buffer` itself is a plain function (callable without `new`,
// as in node) whose prototype is FastBuffer's.
class FastBuffer extends Uint8Array {}

function Buffer(arg, encodingOrOffset, length) {
  warnBufferConstructor();
  if (typeof arg === 'number') {
    if (typeof encodingOrOffset === 'string') {
      throw errors.invalidArgType('string', 'string', arg);
    }
    return Buffer.alloc(arg);
  }
  return Buffer.from(arg, encodingOrOffset, length);
}
Object.defineProperty(Buffer, 'prototype', { value: FastBuffer.prototype, writable: false });
Object.defineProperty(FastBuffer.prototype, 'constructor', { value: Buffer, writable: true, configurable: true });
Object.setPrototypeOf(Buffer, Uint8Array);
// Typed-array methods that build a new array (map, filter, slice of Uint8Array) make
// FastBuffers without passing through the deprecated constructor.
Object.defineProperty(Buffer, Symbol.species, { get() { return FastBuffer; }, configurable: true });

let warnedBufferConstructor = false;
function warnBufferConstructor() {
  if (warnedBufferConstructor) return;
  // node stays quiet when the caller is a package under node_modules.
  const frames = String(new Error().stack).split('\n').slice(2);
  const caller = frames.find((l) => /[/\\]/.test(l) && !/\(node:|at node:/.test(l));
  if (caller !== undefined && /[/\\]node_modules[/\\]/.test(caller)) return;
  warnedBufferConstructor = true;
  process.emitWarning('Buffer() is deprecated due to security and usability issues. Please ' +
    'use the Buffer.alloc(), Buffer.allocUnsafe(), or Buffer.from() methods instead.',
  'DeprecationWarning', 'DEP0005');
}

// ---- encodings ---------------------------------------------------------------------------
// Codes shared with buffer.rs.
const UTF8 = 0, UTF16LE = 1, LATIN1 = 2, ASCII = 3, BASE64 = 4, BASE64URL = 5, HEX = 6;
const encodingCodes = {
  __proto__: null,
  utf8: UTF8, 'utf-8': UTF8,
  ucs2: UTF16LE, 'ucs-2': UTF16LE, utf16le: UTF16LE, 'utf-16le': UTF16LE,
  latin1: LATIN1, binary: LATIN1,
  ascii: ASCII,
  base64: BASE64, base64url: BASE64URL,
  hex: HEX,
};

// The encoding's code, or -1 for an unknown name (node's normalizeEncoding: any case).
function encodingCode(enc) {
  const code = encodingCodes[enc];
  if (code !== undefined) return code;
  const lower = `${enc}`.toLowerCase();
  const again = encodingCodes[lower];
  return again === undefined ? -1 : again;
}

function unknownEncoding(enc) {
  return errors.make(TypeError, 'ERR_UNKNOWN_ENCODING', `Unknown encoding: ${enc}`);
}

// Encoding argument of methods where undefined (and, for some, '') means utf8.
function requireEncoding(enc) {
  const code = encodingCode(enc);
  if (code === -1) throw unknownEncoding(enc);
  return code;
}

// ---- allocation --------------------------------------------------------------------------
let poolSize = 8 * 1024;  // Buffer.poolSize when the current pool was made
let pool;
let poolOffset = 0;

let poolView;

function createPool() {
  poolSize = Buffer.poolSize;
  pool = new ArrayBuffer(poolSize);
  poolView = new Uint8Array(pool);
  poolOffset = 0;
}

// A view of the next `size` pool bytes; node keeps pool slices 8-byte aligned.
function poolSlice(size) {
  const b = new FastBuffer(pool, poolOffset, size);
  poolOffset = (poolOffset + size + 7) & ~7;
  if (poolOffset >= poolSize) pool = undefined;
  return b;
}

function allocate(size) {
  if (size <= 0) return new FastBuffer();
  if (size < (Buffer.poolSize >>> 1)) {
    if (pool === undefined || size > poolSize - poolOffset) createPool();
    return poolSlice(size);
  }
  return new FastBuffer(size);
}

function validateSize(size) {
  if (typeof size !== 'number') throw errors.invalidArgType('size', 'number', size);
  if (!(size >= 0 && size <= kMaxLength)) {
    throw errors.outOfRange('size', `>= 0 && <= ${kMaxLength}`, size);
  }
}

Buffer.alloc = function alloc(size, fill, encoding) {
  validateSize(size);
  const buf = new FastBuffer(size);
  if (fill !== undefined && fill !== 0 && size > 0) {
    return fillImpl(buf, fill, 0, buf.length, encoding);
  }
  return buf;
};

Buffer.allocUnsafe = function allocUnsafe(size) {
  validateSize(size);
  return allocate(Math.trunc(size));
};

Buffer.allocUnsafeSlow = function allocUnsafeSlow(size) {
  validateSize(size);
  return new FastBuffer(size);
};

// ---- from --------------------------------------------------------------------------------
function fromString(string, encoding) {
  let code = UTF8;
  if (typeof encoding === 'string' && encoding.length !== 0) {
    code = encodingCode(encoding);
    if (code === -1) throw unknownEncoding(encoding);
  }
  const len = string.length;
  if (len === 0) return new FastBuffer();
  // Short strings are encoded straight into the pool, as node does: the most bytes they
  // can take must fit in what is left of it.
  if (len < (Buffer.poolSize >>> 3)) {
    const most = code === UTF8 ? len * 3 : code === UTF16LE ? len * 2 : len;
    if (pool === undefined || most > poolSize - poolOffset) createPool();
    return poolSlice(nb.write(poolView, string, poolOffset, most, code));
  }
  return new FastBuffer(nb.fromString(string, code));
}

function fromArrayBuffer(ab, byteOffset, length) {
  if (byteOffset === undefined) {
    byteOffset = 0;
  } else {
    byteOffset = +byteOffset;
    if (Number.isNaN(byteOffset)) byteOffset = 0;
  }
  const maxLength = ab.byteLength - byteOffset;
  if (maxLength < 0) throw bufferOutOfBounds('offset');
  if (length === undefined) {
    length = maxLength;
  } else {
    length = +length;
    if (length > 0) {
      if (length > maxLength) throw bufferOutOfBounds('length');
    } else {
      length = 0;
    }
  }
  return new FastBuffer(ab, byteOffset, length);
}

function fromArrayLike(obj) {
  const n = obj.length;
  if (n <= 0) return new FastBuffer();
  const b = allocate(n);
  if (obj instanceof Uint8Array) {
    b.set(obj);
    return b;
  }
  for (let i = 0; i < n; i++) b[i] = obj[i];
  return b;
}

// Brand checks (the byteLength getters throw on anything else), as node's
// isAnyArrayBuffer: an object that only inherits from ArrayBuffer.prototype is not one.
const abByteLength = Object.getOwnPropertyDescriptor(ArrayBuffer.prototype, 'byteLength').get;
const sabByteLength = typeof SharedArrayBuffer === 'function'
  ? Object.getOwnPropertyDescriptor(SharedArrayBuffer.prototype, 'byteLength').get : null;
function hasBrand(getter, v) {
  if (getter === null || v === null || typeof v !== 'object') return false;
  try {
    getter.call(v);
    return true;
  } catch {
    return false;
  }
}
function isAnyArrayBuffer(v) {
  return hasBrand(abByteLength, v) || hasBrand(sabByteLength, v);
}

function validatable(input) {
  if (input.detached === true) {
    throw errors.make(Error, 'ERR_INVALID_STATE', 'Cannot validate on a detached buffer');
  }
  return new Uint8Array(input);
}

function fromObject(obj) {
  if (obj.length !== undefined || isAnyArrayBuffer(obj.buffer)) {
    if (typeof obj.length !== 'number') return new FastBuffer();
    return fromArrayLike(obj);
  }
  if (obj.type === 'Buffer' && Array.isArray(obj.data)) return fromArrayLike(obj.data);
  return undefined;
}

function badFromArgument(value) {
  return errors.invalidArgType('first argument',
    ['string', 'Buffer', 'ArrayBuffer', 'Array', 'Array-like Object'], value);
}

Buffer.from = function from(value, encodingOrOffset, length) {
  if (typeof value === 'string') return fromString(value, encodingOrOffset);
  if (typeof value === 'object' && value !== null) {
    if (isAnyArrayBuffer(value)) return fromArrayBuffer(value, encodingOrOffset, length);
    const valueOf = value.valueOf && value.valueOf();
    if (valueOf != null && valueOf !== value && (typeof valueOf === 'string' || typeof valueOf === 'object')) {
      return from(valueOf, encodingOrOffset, length);
    }
    const b = fromObject(value);
    if (b !== undefined) return b;
    if (typeof value[Symbol.toPrimitive] === 'function') {
      const primitive = value[Symbol.toPrimitive]('string');
      if (typeof primitive === 'string') return fromString(primitive, encodingOrOffset);
    }
  }
  throw badFromArgument(value);
};

Buffer.of = function of(...items) {
  const b = new FastBuffer(items.length);
  for (let i = 0; i < items.length; i++) b[i] = items[i];
  return b;
};

Buffer.copyBytesFrom = function copyBytesFrom(view, offset, length) {
  if (!ArrayBuffer.isView(view) || view instanceof DataView) {
    throw errors.invalidArgType('view', 'TypedArray', view);
  }
  const n = view.length;
  if (n === 0) return Buffer.alloc(0);
  if (offset !== undefined || length !== undefined) {
    if (offset !== undefined) {
      validateInteger(offset, 'offset', 0);
      if (offset >= n) return new FastBuffer();
    } else {
      offset = 0;
    }
    let end;
    if (length !== undefined) {
      validateInteger(length, 'length', 0);
      end = offset + length;
    } else {
      end = n;
    }
    view = view.subarray(offset, Math.min(end, n));
  }
  const bytes = new Uint8Array(view.buffer, view.byteOffset, view.byteLength);
  const b = allocate(bytes.length);
  b.set(bytes);
  return b;
};

function validateInteger(value, name, min = Number.MIN_SAFE_INTEGER, max = Number.MAX_SAFE_INTEGER) {
  if (typeof value !== 'number') throw errors.invalidArgType(name, 'number', value);
  if (!Number.isInteger(value)) throw errors.outOfRange(name, 'an integer', value);
  if (value < min || value > max) throw errors.outOfRange(name, `>= ${min} && <= ${max}`, value);
}

function bufferOutOfBounds(name) {
  if (name) {
    return errors.make(RangeError, 'ERR_BUFFER_OUT_OF_BOUNDS', `"${name}" is outside of buffer bounds`);
  }
  return errors.make(RangeError, 'ERR_BUFFER_OUT_OF_BOUNDS', 'Attempt to access memory outside buffer bounds');
}

// ---- static helpers ----------------------------------------------------------------------
Buffer.isBuffer = function isBuffer(b) {
  return b instanceof Buffer;
};

Buffer.isEncoding = function isEncoding(encoding) {
  return typeof encoding === 'string' && encoding.length !== 0 && encodingCode(encoding) !== -1;
};

Buffer.poolSize = 8 * 1024;

function isUint8Array(v) {
  return v instanceof Uint8Array;
}

Buffer.compare = function compare(buf1, buf2) {
  if (!isUint8Array(buf1)) throw errors.invalidArgType('buf1', ['Buffer', 'Uint8Array'], buf1);
  if (!isUint8Array(buf2)) throw errors.invalidArgType('buf2', ['Buffer', 'Uint8Array'], buf2);
  if (buf1 === buf2) return 0;
  return nb.compare(buf1, 0, buf1.length, buf2, 0, buf2.length);
};

Buffer.concat = function concat(list, length) {
  if (!Array.isArray(list)) throw errors.invalidArgType('list', 'Array', list);
  if (list.length === 0) return new FastBuffer();
  if (length === undefined) {
    length = 0;
    for (let i = 0; i < list.length; i++) {
      if (list[i].length) length += list[i].length;
    }
  } else {
    validateOffset(length, 'length');
  }
  const out = Buffer.allocUnsafe(length);
  let pos = 0;
  for (let i = 0; i < list.length; i++) {
    const b = list[i];
    if (!isUint8Array(b)) {
      throw errors.invalidArgType(`list[${i}]`, ['Buffer', 'Uint8Array'], b);
    }
    if (pos + b.length > length) {
      out.set(b.subarray(0, length - pos), pos);
      pos = length;
      break;
    }
    out.set(b, pos);
    pos += b.length;
  }
  // node zero-fills what the list did not cover.
  if (pos < length) out.fill(0, pos, length);
  return out;
};

function validateOffset(value, name, min = 0, max = kMaxLength) {
  if (typeof value !== 'number') throw errors.invalidArgType(name, 'number', value);
  if (!Number.isInteger(value)) throw errors.outOfRange(name, 'an integer', value);
  if (value < min || value > max) throw errors.outOfRange(name, `>= ${min} && <= ${max}`, value);
}

function base64ByteLength(str, bytes) {
  if (str.charCodeAt(bytes - 1) === 0x3d) bytes--;
  if (bytes > 1 && str.charCodeAt(bytes - 1) === 0x3d) bytes--;
  return (bytes * 3) >>> 2;
}

Buffer.byteLength = function byteLength(string, encoding) {
  if (typeof string !== 'string') {
    if (ArrayBuffer.isView(string) || isAnyArrayBuffer(string)) return string.byteLength;
    throw errors.invalidArgType('string', ['string', 'Buffer', 'ArrayBuffer'], string);
  }
  const len = string.length;
  if (len === 0) return 0;
  let code = UTF8;
  if (encoding !== undefined) {
    code = encodingCode(encoding);
    if (code === -1) code = UTF8;
  }
  switch (code) {
    case LATIN1: case ASCII: return len;
    case UTF16LE: return len * 2;
    case HEX: return len >>> 1;
    case BASE64: case BASE64URL: return base64ByteLength(string, len);
    default: return nb.byteLengthUtf8(string);
  }
};

// node's C++ check of `buf.write`'s first argument.
function notAString() {
  return errors.make(TypeError, 'ERR_INVALID_ARG_TYPE', 'argument must be a string');
}

// ---- instance: strings -------------------------------------------------------------------
const proto = Buffer.prototype;

function checkThis(buf, name = 'this') {
  if (!isUint8Array(buf)) throw errors.invalidArgType(name, ['Buffer', 'Uint8Array'], buf);
}

proto.toString = function toString(encoding, start, end) {
  const len = this.length;
  if (arguments.length === 0) return nb.toString(this, UTF8, 0, len);
  if (start === undefined || start <= 0) start = 0;
  else if (start >= len) return '';
  else start = Math.trunc(start) || 0;
  if (end === undefined || end > len) end = len;
  else end = Math.trunc(end) || 0;
  if (end <= start) return '';
  if (encoding === undefined) return nb.toString(this, UTF8, start, end);
  return nb.toString(this, requireEncoding(encoding), start, end);
};

proto.toLocaleString = proto.toString;

proto.equals = function equals(otherBuffer) {
  if (!isUint8Array(otherBuffer)) {
    throw errors.invalidArgType('otherBuffer', ['Buffer', 'Uint8Array'], otherBuffer);
  }
  if (this === otherBuffer) return true;
  if (this.byteLength !== otherBuffer.byteLength) return false;
  return this.byteLength === 0 || nb.equals(this, otherBuffer);
};

proto.write = function write(string, offset, length, encoding) {
  if (typeof string !== 'string') throw notAString();
  const len = this.length;
  if (offset === undefined) {
    // write(string)
    return nb.write(this, string, 0, len, UTF8);
  }
  if (length === undefined && typeof offset === 'string') {
    // write(string, encoding)
    encoding = offset;
    length = len;
    offset = 0;
  } else {
    validateOffset(offset, 'offset', 0, len);
    const remaining = len - offset;
    if (length === undefined) {
      length = remaining;
    } else if (typeof length === 'string') {
      // write(string, offset, encoding)
      encoding = length;
      length = remaining;
    } else {
      validateOffset(length, 'length', 0, len);
      if (length > remaining) length = remaining;
    }
  }
  if (!encoding || encoding === 'utf8') return nb.write(this, string, offset, length, UTF8);
  return nb.write(this, string, offset, length, requireEncoding(encoding));
};

proto.toJSON = function toJSON() {
  if (this.length > 0) {
    const data = new Array(this.length);
    for (let i = 0; i < this.length; ++i) data[i] = this[i];
    return { type: 'Buffer', data };
  }
  return { type: 'Buffer', data: [] };
};

// ---- instance: views ---------------------------------------------------------------------
function adjustOffset(offset, length) {
  // Math.trunc(NaN) is NaN: such offsets count as 0.
  offset = Math.trunc(offset);
  if (offset === 0 || Number.isNaN(offset)) return 0;
  if (offset < 0) {
    offset += length;
    return offset > 0 ? offset : 0;
  }
  if (offset < length) return offset;
  return length;
}

proto.subarray = function subarray(start, end) {
  const srcLength = this.length;
  start = adjustOffset(start, srcLength);
  end = end !== undefined ? adjustOffset(end, srcLength) : srcLength;
  const newLength = end > start ? end - start : 0;
  return new FastBuffer(this.buffer, this.byteOffset + start, newLength);
};

proto.slice = function slice(start, end) {
  return this.subarray(start, end);
};

Object.defineProperty(proto, 'parent', {
  enumerable: true,
  configurable: false,
  get() { return this instanceof Buffer ? this.buffer : undefined; },
});
Object.defineProperty(proto, 'offset', {
  enumerable: true,
  configurable: false,
  get() { return this instanceof Buffer ? this.byteOffset : undefined; },
});

// ---- instance: compare, copy, fill -------------------------------------------------------
proto.compare = function compare(target, targetStart, targetEnd, sourceStart, sourceEnd) {
  if (!isUint8Array(target)) throw errors.invalidArgType('target', ['Buffer', 'Uint8Array'], target);
  if (arguments.length === 1) return nb.compare(this, 0, this.length, target, 0, target.length);
  if (targetStart === undefined) targetStart = 0;
  else validateOffset(targetStart, 'targetStart');
  if (targetEnd === undefined) targetEnd = target.length;
  else validateOffset(targetEnd, 'targetEnd', 0, target.length);
  if (sourceStart === undefined) sourceStart = 0;
  else validateOffset(sourceStart, 'sourceStart');
  if (sourceEnd === undefined) sourceEnd = this.length;
  else validateOffset(sourceEnd, 'sourceEnd', 0, this.length);
  if (sourceStart >= sourceEnd) return targetStart >= targetEnd ? 0 : -1;
  if (targetStart >= targetEnd) return 1;
  return nb.compare(this, sourceStart, sourceEnd, target, targetStart, targetEnd);
};

function toInteger(n, defaultVal) {
  n = +n;
  if (!Number.isNaN(n) && n >= Number.MIN_SAFE_INTEGER && n <= Number.MAX_SAFE_INTEGER) {
    return ((n % 1) === 0 ? n : Math.floor(n));
  }
  return defaultVal;
}

function copyImpl(source, target, targetStart, sourceStart, sourceEnd) {
  if (!isUint8Array(source)) throw errors.invalidArgType('source', ['Buffer', 'Uint8Array'], source);
  if (!isUint8Array(target)) throw errors.invalidArgType('target', ['Buffer', 'Uint8Array'], target);
  if (targetStart === undefined) {
    targetStart = 0;
  } else {
    targetStart = Number.isInteger(targetStart) ? targetStart : toInteger(targetStart, 0);
    if (targetStart < 0) throw errors.outOfRange('targetStart', '>= 0', targetStart);
  }
  if (sourceStart === undefined) {
    sourceStart = 0;
  } else {
    sourceStart = Number.isInteger(sourceStart) ? sourceStart : toInteger(sourceStart, 0);
    if (sourceStart < 0 || sourceStart > source.byteLength) {
      throw errors.outOfRange('sourceStart', `>= 0 && <= ${source.byteLength}`, sourceStart);
    }
  }
  if (sourceEnd === undefined) {
    sourceEnd = source.byteLength;
  } else {
    sourceEnd = Number.isInteger(sourceEnd) ? sourceEnd : toInteger(sourceEnd, 0);
    if (sourceEnd < 0) throw errors.outOfRange('sourceEnd', '>= 0', sourceEnd);
  }
  if (targetStart >= target.byteLength || sourceStart >= sourceEnd) return 0;
  if (sourceEnd > source.length) sourceEnd = source.length;
  let n = sourceEnd - sourceStart;
  if (n > target.length - targetStart) n = target.length - targetStart;
  if (n <= 0) return 0;
  const from = sourceStart === 0 && n === source.length
    ? source : Uint8Array.prototype.subarray.call(source, sourceStart, sourceStart + n);
  Uint8Array.prototype.set.call(target, from, targetStart);
  return n;
}

proto.copy = function copy(target, targetStart, sourceStart, sourceEnd) {
  return copyImpl(this, target, targetStart, sourceStart, sourceEnd);
};

function fillImpl(buf, value, offset, end, encoding) {
  if (typeof value === 'string') {
    if (offset === undefined || typeof offset === 'string') {
      encoding = offset;
      offset = 0;
      end = buf.length;
    } else if (typeof end === 'string') {
      encoding = end;
      end = buf.length;
    }
    let code = UTF8;
    if (encoding !== undefined) {
      if (typeof encoding !== 'string') throw errors.invalidArgType('encoding', 'string', encoding);
      code = encodingCode(encoding);
      if (code === -1) throw unknownEncoding(encoding);
    }
    if (value.length === 0) {
      value = 0;
    } else if (value.length === 1) {
      // One byte: fill natively without encoding (latin1/ascii keep the low byte).
      const c = value.charCodeAt(0);
      if ((code === UTF8 && c < 128) || code === LATIN1 || code === ASCII) value = c & 255;
    }
    encoding = code;
  } else {
    encoding = UTF8;
  }
  if (offset === undefined) {
    offset = 0;
    end = buf.length;
  } else {
    validateOffset(offset, 'offset');
    if (end === undefined) {
      end = buf.length;
    } else {
      validateOffset(end, 'end', 0, buf.length);
    }
    if (offset >= end) return buf;
  }
  if (typeof value === 'number') {
    Uint8Array.prototype.fill.call(buf, value & 255, offset, end);
    return buf;
  }
  if (typeof value === 'boolean') {
    Uint8Array.prototype.fill.call(buf, +value, offset, end);
    return buf;
  }
  if (typeof value !== 'string') {
    if (!ArrayBuffer.isView(value)) {
      // node coerces anything else with `value & 255`.
      Uint8Array.prototype.fill.call(buf, value & 255, offset, end);
      return buf;
    }
    if (!isUint8Array(value)) value = new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
  }
  if (offset > buf.length) throw errors.outOfRange('offset', `>= 0 && <= ${buf.length}`, offset);
  if (!nb.fill(buf, value, offset, end, encoding)) {
    throw errors.invalidArgValue('value', value);
  }
  return buf;
}

proto.fill = function fill(value, offset, end, encoding) {
  return fillImpl(this, value, offset, end, encoding);
};

// ---- instance: search --------------------------------------------------------------------
function indexOfImpl(buffer, value, byteOffset, encoding, forward) {
  if (typeof byteOffset === 'string') {
    encoding = byteOffset;
    byteOffset = undefined;
  } else if (byteOffset > 0x7fffffff) {
    byteOffset = 0x7fffffff;
  } else if (byteOffset < -0x80000000) {
    byteOffset = -0x80000000;
  }
  byteOffset = +byteOffset;
  if (Number.isNaN(byteOffset)) byteOffset = forward ? 0 : (buffer.length || buffer.byteLength);
  if (typeof value === 'number') {
    return nb.indexOf(buffer, (value >>> 0) & 255, byteOffset, UTF8, forward);
  }
  let code = encoding === undefined ? UTF8 : encodingCode(encoding);
  if (typeof value === 'string') {
    if (code === -1) throw unknownEncoding(encoding);
    return nb.indexOf(buffer, value, byteOffset, code, forward);
  }
  // A byte needle only cares whether the encoding is utf16le.
  if (isUint8Array(value)) return nb.indexOf(buffer, value, byteOffset, code === -1 ? UTF8 : code, forward);
  throw errors.invalidArgType('value', ['number', 'string', 'Buffer', 'Uint8Array'], value);
}

proto.indexOf = function indexOf(value, byteOffset, encoding) {
  return indexOfImpl(this, value, byteOffset, encoding, true);
};
proto.lastIndexOf = function lastIndexOf(value, byteOffset, encoding) {
  return indexOfImpl(this, value, byteOffset, encoding, false);
};
proto.includes = function includes(value, byteOffset, encoding) {
  return this.indexOf(value, byteOffset, encoding) !== -1;
};

// ---- instance: swap ----------------------------------------------------------------------
function swapper(bits) {
  const width = bits / 8;
  return function swap() {
    if (this.length % width !== 0) {
      throw errors.make(RangeError, 'ERR_INVALID_BUFFER_SIZE', `Buffer size must be a multiple of ${bits}-bits`);
    }
    if (this.length < 128) {
      for (let i = 0; i < this.length; i += width) {
        for (let a = i, b = i + width - 1; a < b; a++, b--) {
          const t = this[a];
          this[a] = this[b];
          this[b] = t;
        }
      }
      return this;
    }
    nb.swap(this, width);
    return this;
  };
}
proto.swap16 = Object.defineProperty(swapper(16), 'name', { value: 'swap16' });
proto.swap32 = Object.defineProperty(swapper(32), 'name', { value: 'swap32' });
proto.swap64 = Object.defineProperty(swapper(64), 'name', { value: 'swap64' });

// ---- legacy per-encoding methods (asciiSlice, utf8Write, …) ------------------------------
for (const [name, code] of [['ascii', ASCII], ['base64', BASE64], ['base64url', BASE64URL],
  ['latin1', LATIN1], ['hex', HEX], ['ucs2', UTF16LE], ['utf8', UTF8]]) {
  proto[`${name}Slice`] = {
    [`${name}Slice`](start = 0, end = this.length) {
      if (start < 0 || end < 0 || end > this.length) throw indexOutOfRange();
      if (start >= end) return '';
      return nb.toString(this, code, start, end);
    },
  }[`${name}Slice`];
  proto[`${name}Write`] = {
    [`${name}Write`](string, offset = 0, length = this.length - offset) {
      if (typeof string !== 'string') throw notAString();
      if (offset < 0) throw indexOutOfRange();
      if (offset > this.length) throw bufferOutOfBounds('offset');
      if (length < 0) throw indexOutOfRange();
      return nb.write(this, string, offset, Math.min(length, this.length - offset), code);
    },
  }[`${name}Write`];
}

// node's C++ range check of the legacy methods.
function indexOutOfRange() {
  return errors.make(RangeError, 'ERR_OUT_OF_RANGE', 'Index out of range');
}

// ---- inspect -----------------------------------------------------------------------------
const customInspect = Symbol.for('nodejs.util.inspect.custom');
function isIndexKey(key) {
  return typeof key === 'string' && key.length > 0 && key.length < 11 && /^(?:0|[1-9]\d*)$/.test(key) &&
    Number(key) < 4294967295;
}
proto[customInspect] = function inspect(recurseTimes, ctx) {
  const max = INSPECT_MAX_BYTES;
  const shown = Math.min(max, this.length);
  const remaining = this.length - max;
  let str = nb.toString(this, HEX, 0, shown).replace(/(.{2})/g, '$1 ').trim();
  if (remaining > 0) str += ` ... ${remaining} more byte${remaining > 1 ? 's' : ''}`;
  if (ctx) {
    // Own properties other than the indices print after the bytes, as `key: value`.
    const names = ctx.showHidden ? Object.getOwnPropertyNames(this) : Object.keys(this);
    const keys = names.filter((k) => !isIndexKey(k));
    for (const s of Object.getOwnPropertySymbols(this)) {
      if (ctx.showHidden || Object.prototype.propertyIsEnumerable.call(this, s)) keys.push(s);
    }
    if (keys.length > 0) {
      const extras = { __proto__: null };
      for (const k of keys) extras[k] = this[k];
      const text = internal.inspect(extras, { ...ctx, breakLength: Infinity, compact: true });
      // `[Object: null prototype] { a: 1 }` -> `a: 1`
      const body = text.slice(text.indexOf('{') + 2, -2);
      if (this.length !== 0) str += ', ';
      str += body;
    }
  }
  return `<${this.constructor.name} ${str}>`;
};
proto.inspect = proto[customInspect];

// ---- numbers -----------------------------------------------------------------------------
internal.requireBuiltin('internal/buffer_numbers', true)(proto, errors);

// ---- module ------------------------------------------------------------------------------
function SlowBuffer(size) {
  validateSize(size);
  return new FastBuffer(size);
}
Object.setPrototypeOf(SlowBuffer.prototype, Uint8Array.prototype);
Object.setPrototypeOf(SlowBuffer, Uint8Array);

function isUtf8(input) {
  if (ArrayBuffer.isView(input)) {
    if (input.byteLength === 0) return true; // also a view of a detached buffer, as node
    return nb.isUtf8(isUint8Array(input) ? input : new Uint8Array(input.buffer, input.byteOffset, input.byteLength));
  }
  if (isAnyArrayBuffer(input)) return nb.isUtf8(validatable(input));
  throw errors.invalidArgType('input', ['ArrayBuffer', 'Buffer', 'TypedArray'], input);
}

function isAscii(input) {
  if (ArrayBuffer.isView(input)) {
    if (input.byteLength === 0) return true; // also a view of a detached buffer, as node
    return nb.isAscii(isUint8Array(input) ? input : new Uint8Array(input.buffer, input.byteOffset, input.byteLength));
  }
  if (isAnyArrayBuffer(input)) return nb.isAscii(validatable(input));
  throw errors.invalidArgType('input', ['ArrayBuffer', 'Buffer', 'TypedArray'], input);
}

// node's transcode goes through ICU: unmappable characters become '?', invalid input fails
// with ICU's error names.
const transcodable = { __proto__: null, [ASCII]: 0x7f, [LATIN1]: 0xff, [UTF16LE]: 0x10ffff, [UTF8]: 0x10ffff };
function transcodeError(code) {
  return errors.make(Error, code, `Unable to transcode Buffer [${code}]`);
}
function transcode(source, fromEncoding, toEncoding) {
  if (!isUint8Array(source)) throw errors.invalidArgType('source', ['Buffer', 'Uint8Array'], source);
  if (source.length === 0) return Buffer.alloc(0);
  const from = encodingCode(`${fromEncoding}`);
  const to = encodingCode(`${toEncoding}`);
  if (transcodable[from] === undefined || transcodable[to] === undefined) {
    throw transcodeError('U_ILLEGAL_ARGUMENT_ERROR');
  }
  let text;
  if (from === UTF8) {
    if (!nb.isUtf8(source)) throw transcodeError('U_INVALID_CHAR_FOUND');
    text = nb.toString(source, UTF8, 0, source.length);
  } else if (from === UTF16LE) {
    text = nb.toString(source, UTF16LE, 0, source.length);
    if (/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(text)) {
      throw transcodeError('U_INVALID_CHAR_FOUND');
    }
  } else if (from === ASCII) {
    text = nb.toString(source, LATIN1, 0, source.length).replace(/[\x80-\xff]/g, '\ufffd');
  } else {
    text = nb.toString(source, LATIN1, 0, source.length);
  }
  const limit = transcodable[to];
  if (limit < 0x10ffff) {
    text = text.replace(/[\ud800-\udbff][\udc00-\udfff]|[^]/g, (c) => (c.codePointAt(0) > limit ? '?' : c));
  }
  return fromString(text, to === UTF16LE ? 'utf16le' : to === LATIN1 ? 'latin1' : to === ASCII ? 'latin1' : 'utf8');
}

function resolveObjectURL() {
  throw errors.notImplemented('buffer.resolveObjectURL');
}

module.exports = {
  Buffer,
  SlowBuffer,
  transcode,
  isUtf8,
  isAscii,
  kMaxLength,
  kStringMaxLength,
  btoa: globalThis.btoa,
  atob: globalThis.atob,
  constants,
};
Object.defineProperty(module.exports, 'INSPECT_MAX_BYTES', {
  enumerable: true,
  configurable: true,
  get() { return INSPECT_MAX_BYTES; },
  set(v) {
    if (typeof v !== 'number') throw errors.invalidArgType('INSPECT_MAX_BYTES', 'number', v);
    if (!(v >= 0)) throw errors.outOfRange('INSPECT_MAX_BYTES', '>= 0', v);
    INSPECT_MAX_BYTES = v;
  },
});
const { Blob, File } = internal.requireBuiltin('internal/blob', true);
module.exports.Blob = Blob;
module.exports.resolveObjectURL = resolveObjectURL;
module.exports.File = File;
internal.FastBuffer = FastBuffer;
