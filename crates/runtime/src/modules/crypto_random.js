// crypto.randomBytes / randomFill(Sync) / randomInt / randomUUID / timingSafeEqual and the
// Web Crypto getRandomValues, with node's argument checks (lib/internal/crypto/random.js
// behaviour); the bytes come from the OS through node-stdlib.
'use strict';

const cb = internal.natives.crypto;
const { errors } = internal;
const {
  typeError, isBytes, asUint8, toBuffer, validateFunction, validateNumber, validateObject,
  request,
} = internal.requireBuiltin('internal/crypto_util', true);

const kMaxSize = 2 ** 31 - 1;

function validateSize(size, name = 'size', max = kMaxSize) {
  validateNumber(size, name);
  if (!(size >= 0 && size <= max)) throw errors.outOfRange(name, `>= 0 && <= ${max}`, size);
  return size;
}

function randomBytes(size, callback) {
  validateSize(size);
  if (callback !== undefined) validateFunction(callback, 'callback');
  if (callback === undefined) return toBuffer(cb.randomBytes(-1, size));
  cb.randomBytes(request((err, bytes) => {
    if (err) callback(err);
    else callback(null, toBuffer(bytes));
  }), size);
  return undefined;
}

// offset and size count elements of a typed array, bytes of anything else (as node).
function fillRange(buf, offset, size) {
  const elementSize = buf.BYTES_PER_ELEMENT || 1;
  const length = buf.byteLength;
  validateNumber(offset, 'offset');
  offset *= elementSize;
  if (!(offset >= 0 && offset <= length)) throw errors.outOfRange('offset', `>= 0 && <= ${length}`, offset);
  if (size === undefined) {
    size = length - offset;
  } else {
    validateNumber(size, 'size');
    if (!(size >= 0 && size <= kMaxSize)) throw errors.outOfRange('size', `>= 0 && <= ${kMaxSize}`, size);
    size *= elementSize;
    if (size + offset > length) throw errors.outOfRange('size + offset', `<= ${length}`, size + offset);
  }
  return [Math.trunc(offset), Math.trunc(size)];
}
function validateBuf(buf) {
  if (!isBytes(buf)) throw typeError('buf', 'an instance of ArrayBuffer or ArrayBufferView', buf);
}

function randomFillSync(buf, offset = 0, size) {
  validateBuf(buf);
  const [o, s] = fillRange(buf, offset, size);
  cb.randomFill(asUint8(buf), o, s);
  return buf;
}

function randomFill(buf, offset, size, callback) {
  validateBuf(buf);
  if (typeof offset === 'function') {
    callback = offset;
    offset = 0;
    size = undefined;
  } else if (typeof size === 'function') {
    callback = size;
    size = undefined;
  }
  validateFunction(callback, 'callback');
  const [o, s] = fillRange(buf, offset, size);
  // The bytes are made off the loop thread and copied in when the job completes.
  cb.randomBytes(request((err, bytes) => {
    if (err) return callback(err);
    asUint8(buf).set(bytes, o);
    callback(null, buf);
  }), s);
}

const kRandMax = 2 ** 48 - 1;
function randomInt(min, max, callback) {
  const minNotSpecified = typeof max === 'undefined' || typeof max === 'function';
  if (minNotSpecified) {
    callback = max;
    max = min;
    min = 0;
  }
  const isSync = typeof callback === 'undefined';
  if (!isSync) validateFunction(callback, 'callback');
  if (!Number.isSafeInteger(min)) throw typeError('min', 'a safe integer', min);
  if (!Number.isSafeInteger(max)) throw typeError('max', 'a safe integer', max);
  void kRandMax;
  const n = cb.randomInt(minNotSpecified ? undefined : min, max);
  if (isSync) return n;
  process.nextTick(callback, undefined, n);
  return undefined;
}

function randomUUID(options) {
  if (options !== undefined) {
    validateObject(options, 'options');
    const { disableEntropyCache = false } = options;
    if (typeof disableEntropyCache !== 'boolean') {
      throw typeError('options.disableEntropyCache', 'of type boolean', disableEntropyCache);
    }
  }
  return cb.randomUUID();
}

const kBufTypes = 'an instance of ArrayBuffer, Buffer, TypedArray, or DataView';
function timingSafeEqual(buf1, buf2) {
  // node's message here has no "Received …" part.
  if (!isBytes(buf1)) throw typeError('buf1', kBufTypes, buf1, false);
  if (!isBytes(buf2)) throw typeError('buf2', kBufTypes, buf2, false);
  return cb.timingSafeEqual(asUint8(buf1), asUint8(buf2));
}

// Web Crypto's getRandomValues: integer typed arrays up to 65,536 bytes.
const integerArrays = [Int8Array, Uint8Array, Uint8ClampedArray, Int16Array, Uint16Array,
  Int32Array, Uint32Array, BigInt64Array, BigUint64Array];
function getRandomValues(data) {
  const { DOMException } = internal.web;
  if (!integerArrays.some((T) => data instanceof T)) {
    throw new DOMException('The data argument must be an integer-type TypedArray', 'TypeMismatchError');
  }
  if (data.byteLength > 65536) {
    throw new DOMException('The requested length exceeds 65,536 bytes', 'QuotaExceededError');
  }
  cb.randomFill(asUint8(data), 0, data.byteLength);
  return data;
}

module.exports = {
  randomBytes, randomFill, randomFillSync, randomInt, randomUUID, timingSafeEqual,
  getRandomValues,
};
