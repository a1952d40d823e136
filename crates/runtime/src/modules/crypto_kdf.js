// crypto.pbkdf2 / scrypt / hkdf and their Sync forms, with node's argument checks; the
// derivation runs in node-stdlib, on the blocking pool for the callback forms.
'use strict';

const cb = internal.natives.crypto;
const { errors } = internal;
const {
  typeError, isBytes, toBytes, toBuffer, validateFunction, validateString, validateInt32,
  validateNumber, request,
} = internal.requireBuiltin('internal/crypto_util', true);

const kBytes = 'of type string or an instance of ArrayBuffer, Buffer, TypedArray, or DataView';
const kInt32Max = 2147483647;

function pbkdf2Args(password, salt, iterations, keylen, digest) {
  validateString(digest, 'digest');
  const p = toBytes(password, 'password', kBytes);
  const s = toBytes(salt, 'salt', kBytes);
  validateInt32(iterations, 'iterations', 1, kInt32Max);
  validateInt32(keylen, 'keylen', 0, kInt32Max);
  return [p, s, iterations, keylen, digest];
}

function pbkdf2Sync(password, salt, iterations, keylen, digest) {
  const args = pbkdf2Args(password, salt, iterations, keylen, digest);
  return toBuffer(cb.pbkdf2(-1, ...args));
}

function pbkdf2(password, salt, iterations, keylen, digest, callback) {
  if (typeof digest === 'function') {
    callback = digest;
    digest = undefined;
  }
  const args = pbkdf2Args(password, salt, iterations, keylen, digest);
  validateFunction(callback, 'callback');
  cb.pbkdf2(request((err, key) => {
    if (err) callback(err);
    else callback(null, toBuffer(key));
  }), ...args);
}

// scrypt options: N/cost, r/blockSize, p/parallelization, maxmem (0 = node's default).
const kDefaults = {};
function validateUint32(v, name) {
  validateNumber(v, name);
  if (!Number.isInteger(v)) throw errors.outOfRange(name, 'an integer', v);
  if (v < 0 || v > 4294967295) throw errors.outOfRange(name, '>= 0 && <= 4294967295', v);
  return v;
}
function scryptParams(options) {
  let N = 0;
  let r = 0;
  let p = 0;
  let maxmem = 0;
  if (options && options !== kDefaults) {
    const pick = (a, b) => {
      const has = (k) => options[k] !== undefined;
      if (has(a) && has(b)) {
        throw errors.make(Error, 'ERR_CRYPTO_SCRYPT_INVALID_PARAMETER', 'Invalid scrypt parameter');
      }
      if (has(a)) return validateUint32(options[a], a);
      if (has(b)) return validateUint32(options[b], b);
      return 0;
    };
    N = pick('N', 'cost');
    r = pick('r', 'blockSize');
    p = pick('p', 'parallelization');
    if (options.maxmem !== undefined) {
      maxmem = options.maxmem;
      validateNumber(maxmem, 'maxmem');
      if (!Number.isInteger(maxmem)) throw errors.outOfRange('maxmem', 'an integer', maxmem);
      if (maxmem < 0 || maxmem > Number.MAX_SAFE_INTEGER) {
        throw errors.outOfRange('maxmem', `>= 0 && <= ${Number.MAX_SAFE_INTEGER}`, maxmem);
      }
    }
  }
  return [N, r, p, maxmem];
}
function scryptArgs(password, salt, keylen, options) {
  const pw = toBytes(password, 'password', kBytes);
  const s = toBytes(salt, 'salt', kBytes);
  validateInt32(keylen, 'keylen', 0, kInt32Max);
  return [pw, s, keylen, scryptParams(options)];
}

function scryptSync(password, salt, keylen, options = kDefaults) {
  return toBuffer(cb.scrypt(-1, ...scryptArgs(password, salt, keylen, options)));
}

function scrypt(password, salt, keylen, options, callback = kDefaults) {
  if (callback === kDefaults) {
    callback = options;
    options = kDefaults;
  }
  const args = scryptArgs(password, salt, keylen, options);
  validateFunction(callback, 'callback');
  cb.scrypt(request((err, key) => {
    if (err) callback(err);
    else callback(null, toBuffer(key));
  }), ...args);
}

// hkdf results are ArrayBuffers, as node's.
const kIkm = 'of type string or an instance of SecretKeyObject, ArrayBuffer, TypedArray, DataView, or Buffer';
const kSource = 'of type string or an instance of ArrayBuffer, TypedArray, DataView, or Buffer';
function hkdfArgs(digest, ikm, salt, info, keylen) {
  validateString(digest, 'digest');
  if (ikm !== null && typeof ikm === 'object' && !isBytes(ikm) && ikm.type === 'secret') {
    throw errors.notImplemented('crypto.hkdf with a KeyObject');
  }
  const k = toBytes(ikm, 'ikm', kIkm);
  const s = toBytes(salt, 'salt', kSource);
  const i = toBytes(info, 'info', kSource);
  validateInt32(keylen, 'length', 0, kInt32Max);
  if (i.byteLength > 1024) {
    throw errors.outOfRange('info', 'must not contain more than 1024 bytes', i.byteLength);
  }
  return [digest, k, s, i, keylen];
}
function arrayBuffer(u8) {
  return u8.byteOffset === 0 && u8.byteLength === u8.buffer.byteLength ? u8.buffer : u8.slice().buffer;
}

function hkdfSync(digest, ikm, salt, info, keylen) {
  return arrayBuffer(cb.hkdf(-1, ...hkdfArgs(digest, ikm, salt, info, keylen)));
}

function hkdf(digest, ikm, salt, info, keylen, callback) {
  const args = hkdfArgs(digest, ikm, salt, info, keylen);
  validateFunction(callback, 'callback');
  cb.hkdf(request((err, key) => {
    if (err) callback(err);
    else callback(null, arrayBuffer(key));
  }), ...args);
}

module.exports = { pbkdf2, pbkdf2Sync, scrypt, scryptSync, hkdf, hkdfSync };
