// Shared argument handling for crypto's JS glue: node's validation messages, the bytes of
// string/ArrayBuffer/view arguments, Buffer results and the async request table.
'use strict';

const { errors } = internal;
const ub = internal.natives.util;

function received(value) {
  const e = errors.invalidArgType('x', 'string', value);
  return e.message.slice(e.message.indexOf(' Received'));
}
// `expected` is node's wording after "must be " (validators.js builds it from type lists).
function typeError(name, expected, value, withReceived = true) {
  const kind = name.includes('.') ? 'property' : 'argument';
  return errors.make(TypeError, 'ERR_INVALID_ARG_TYPE',
    `The "${name}" ${kind} must be ${expected}.${withReceived ? received(value) : ''}`);
}

// Buffer encodings by any of the names Buffer accepts, as node-stdlib names them.
const encodings = {
  utf8: 'utf8', 'utf-8': 'utf8', hex: 'hex', base64: 'base64', base64url: 'base64url',
  latin1: 'latin1', binary: 'latin1', ascii: 'ascii', ucs2: 'utf16le', 'ucs-2': 'utf16le',
  utf16le: 'utf16le', 'utf-16le': 'utf16le',
};
function normalizeEncoding(enc) {
  if (typeof enc !== 'string') return undefined;
  return encodings[enc] ?? encodings[enc.toLowerCase()];
}

function asUint8(v) {
  if (v instanceof Uint8Array) return v;
  if (v instanceof ArrayBuffer || (typeof SharedArrayBuffer === 'function' && v instanceof SharedArrayBuffer)) {
    return new Uint8Array(v);
  }
  return new Uint8Array(v.buffer, v.byteOffset, v.byteLength);
}
function isBytes(v) {
  return ArrayBuffer.isView(v) || v instanceof ArrayBuffer ||
    (typeof SharedArrayBuffer === 'function' && v instanceof SharedArrayBuffer);
}

// A string (UTF-8, or `enc` when Buffer knows it) or any byte source, as a Uint8Array.
function toBytes(v, name, expected, enc) {
  if (typeof v === 'string') {
    const e = normalizeEncoding(enc);
    if (e === undefined || e === 'utf8') return ub.encodeUtf8(v.isWellFormed() ? v : v.toWellFormed());
    return asUint8(Buffer.from(v, e));
  }
  if (isBytes(v)) return asUint8(v);
  throw typeError(name, expected, v);
}

function toBuffer(u8) {
  return Buffer.from(u8.buffer, u8.byteOffset, u8.length);
}

function validateFunction(fn, name) {
  if (typeof fn !== 'function') throw typeError(name, 'of type function', fn);
  return fn;
}
function validateNumber(v, name) {
  if (typeof v !== 'number') throw typeError(name, 'of type number', v);
  return v;
}
function validateString(v, name) {
  if (typeof v !== 'string') throw typeError(name, 'of type string', v);
  return v;
}
function validateInt32(v, name, min, max) {
  validateNumber(v, name);
  if (!Number.isInteger(v)) throw errors.outOfRange(name, 'an integer', v);
  if (v < min || v > max) throw errors.outOfRange(name, `>= ${min} && <= ${max}`, v);
  return v;
}
function validateObject(v, name) {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) throw typeError(name, 'of type object', v);
  return v;
}

// A native error as node shows it: node-stdlib's code-less errors (OpenSSL's plain ones,
// such as "Unsupported state or unable to authenticate data") are bare Errors, and
// ERR_OSSL_* ones carry OpenSSL's `library` and `reason` before `code`, not node's
// `Error [CODE]` header.
function nativeError(e) {
  if (e === null || typeof e !== 'object' || typeof e.code !== 'string') return e;
  if (e.code === '') return new Error(e.message);
  if (e.code.startsWith('ERR_OSSL_')) {
    const m = /^error:[0-9A-F]+:([^:]*):[^:]*:(.*)$/.exec(e.message);
    const out = new Error(e.message);
    if (m !== null) {
      out.library = m[1];
      out.reason = m[2];
    }
    out.code = e.code;
    return out;
  }
  return e;
}

// Async jobs: the binding calls hooks.cryptoComplete(id, err, bytes) in the poll phase.
const pending = new Map();
let nextReq = 1;
internal.hooks.cryptoComplete = function cryptoComplete(id, err, value) {
  const done = pending.get(id);
  if (done === undefined) return;
  pending.delete(id);
  done(err, value);
};
function request(done) {
  const id = nextReq++;
  if (nextReq > 0x7fffffff) nextReq = 1;
  pending.set(id, done);
  return id;
}

module.exports = {
  typeError, normalizeEncoding, asUint8, isBytes, toBytes, toBuffer, validateFunction,
  validateNumber, validateString, validateInt32, validateObject, request, nativeError,
};
