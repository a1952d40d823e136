// Signatures and key agreement (node's lib/internal/crypto/sig.js, diffiehellman.js and
// cipher.js's RSA part): Sign/Verify (Writables hashing what is written), the one-shot
// sign/verify, diffieHellman, publicEncrypt/privateDecrypt, over the binding's native keys.
'use strict';

const cb = internal.natives.crypto;
const { errors } = internal;
const {
  typeError, normalizeEncoding, isBytes, asUint8, toBytes, toBuffer, validateString, validateObject,
  validateFunction, nativeError,
} = internal.requireBuiltin('internal/crypto_util', true);
const keys = internal.requireBuiltin('internal/crypto_keys', true);
const { KeyObject, asymmetricHandle, kHandle, call, invalidKeyObjectType } = keys;

const kState = Symbol('kState');
const kBytes = 'of type string or an instance of ArrayBuffer, Buffer, TypedArray, or DataView';
const kViews = 'of type string or an instance of Buffer, TypedArray, or DataView';

function invalidDigest(name) {
  return errors.make(TypeError, 'ERR_CRYPTO_INVALID_DIGEST', name === undefined ? 'Invalid digest' : `Invalid digest: ${name}`);
}

function checkDigest(algorithm, withName) {
  try {
    cb.hashCreate(algorithm);
  } catch {
    throw invalidDigest(withName ? algorithm : undefined);
  }
}

function invalidOption(name, value) {
  return errors.make(TypeError, 'ERR_INVALID_ARG_VALUE',
    `The property 'options.${name}' is invalid. Received ${internal.inspect(value)}`);
}

// The [padding, saltLength, p1363] triple from a key argument's options.
function signOptions(key) {
  let padding = -1;
  let salt = -2147483648;
  let p1363 = 0;
  if (key !== null && typeof key === 'object' && !isBytes(key) && !(key instanceof KeyObject)) {
    if (key.padding !== undefined) {
      if (typeof key.padding !== 'number' || !Number.isInteger(key.padding)) throw invalidOption('padding', key.padding);
      padding = key.padding;
    }
    if (key.saltLength !== undefined) {
      if (typeof key.saltLength !== 'number' || !Number.isInteger(key.saltLength)) {
        throw invalidOption('saltLength', key.saltLength);
      }
      salt = key.saltLength;
    }
    if (key.dsaEncoding !== undefined) {
      if (key.dsaEncoding !== 'der' && key.dsaEncoding !== 'ieee-p1363') throw invalidOption('dsaEncoding', key.dsaEncoding);
      p1363 = key.dsaEncoding === 'ieee-p1363' ? 1 : 0;
    }
  }
  return [padding, salt, p1363];
}

function keyType(handle) {
  return cb.keyInfo(handle).asymmetricKeyType;
}

// ---- Sign / Verify -----------------------------------------------------------------
const { Writable } = internal.requireBuiltin('stream');

function initHashing(self, algorithm, options) {
  validateString(algorithm, 'algorithm');
  checkDigest(algorithm, false);
  self[kState] = { algorithm, hash: cb.hashCreate(algorithm) };
  Writable.call(self, options);
}

function update(data, encoding) {
  const state = this[kState];
  if (state.hash === null) throw errors.make(Error, 'ERR_CRYPTO_INVALID_STATE', 'Not initialised');
  if (typeof data === 'string') {
    const enc = normalizeEncoding(encoding);
    cb.update(state.hash, toBytes(data, 'data', kViews, enc));
  } else if (ArrayBuffer.isView(data)) {
    cb.update(state.hash, asUint8(data));
  } else {
    throw typeError('data', kViews, data);
  }
  return this;
}

function takeDigest(self) {
  const state = self[kState];
  if (state.hash === null) throw errors.make(Error, 'ERR_CRYPTO_INVALID_STATE', 'Not initialised');
  const d = cb.digest(state.hash);
  state.hash = null;
  return d;
}

function Sign(algorithm, options) {
  if (!(this instanceof Sign)) return new Sign(algorithm, options);
  initHashing(this, algorithm, options);
}
Object.setPrototypeOf(Sign.prototype, Writable.prototype);
Object.setPrototypeOf(Sign, Writable);
Sign.prototype._write = function _write(chunk, encoding, callback) {
  this.update(chunk, encoding);
  callback();
};
Sign.prototype.update = update;
Sign.prototype.sign = function sign(privateKey, outputEncoding) {
  if (privateKey === undefined || privateKey === null) {
    throw errors.make(Error, 'ERR_CRYPTO_SIGN_KEY_REQUIRED', 'No key provided to sign');
  }
  const handle = asymmetricHandle(privateKey, 'private');
  const opts = signOptions(privateKey);
  const t = keyType(handle);
  if (t === 'ed25519' || t === 'x25519') {
    throw errors.make(Error, 'ERR_CRYPTO_UNSUPPORTED_OPERATION', 'Unsupported crypto operation');
  }
  const digest = takeDigest(this);
  const sig = toBuffer(call(cb.signDigest, this[kState].algorithm, digest, handle, opts));
  const enc = normalizeEncoding(outputEncoding);
  return enc === undefined || outputEncoding === 'buffer' ? sig : sig.toString(enc);
};

function Verify(algorithm, options) {
  if (!(this instanceof Verify)) return new Verify(algorithm, options);
  initHashing(this, algorithm, options);
}
Object.setPrototypeOf(Verify.prototype, Writable.prototype);
Object.setPrototypeOf(Verify, Writable);
Verify.prototype._write = Sign.prototype._write;
Verify.prototype.update = update;
Verify.prototype.verify = function verify(object, signature, sigEncoding) {
  const handle = asymmetricHandle(object, 'public');
  const opts = signOptions(object);
  const t = keyType(handle);
  if (t === 'ed25519' || t === 'x25519') {
    throw errors.make(Error, 'ERR_CRYPTO_UNSUPPORTED_OPERATION', 'Unsupported crypto operation');
  }
  let sig;
  if (typeof signature === 'string') sig = toBytes(signature, 'signature', kViews, normalizeEncoding(sigEncoding));
  else if (ArrayBuffer.isView(signature)) sig = asUint8(signature);
  else throw typeError('signature', kViews, signature);
  const digest = takeDigest(this);
  return call(cb.verifyDigest, this[kState].algorithm, digest, handle, sig, opts);
};

function createSign(algorithm, options) {
  return new Sign(algorithm, options);
}
function createVerify(algorithm, options) {
  return new Verify(algorithm, options);
}

// ---- one-shot ----------------------------------------------------------------------
function dataBytes(data) {
  if (typeof data === 'string') return toBytes(data, 'data', kBytes);
  if (isBytes(data)) return asUint8(data);
  throw typeError('data', kBytes, data);
}

function digestName(algorithm) {
  if (algorithm === null || algorithm === undefined) return null;
  validateString(algorithm, 'algorithm');
  checkDigest(algorithm, true);
  return algorithm;
}

function later(callback, fn) {
  let result;
  let error = null;
  try {
    result = fn();
  } catch (e) {
    error = e;
  }
  setImmediate(() => (error === null ? callback(null, result) : callback(error)));
}

function signOneShot(algorithm, data, key, callback) {
  const alg = digestName(algorithm);
  const bytes = dataBytes(data);
  if (callback !== undefined) validateFunction(callback, 'callback');
  const handle = asymmetricHandle(key, 'private');
  const opts = signOptions(key);
  const run = () => toBuffer(call(cb.sign, alg, bytes, handle, opts));
  if (callback === undefined) return run();
  later(callback, run);
  return undefined;
}

function verifyOneShot(algorithm, data, key, signature, callback) {
  const alg = digestName(algorithm);
  const bytes = dataBytes(data);
  if (!isBytes(signature)) {
    throw typeError('signature', 'an instance of Buffer, TypedArray, or DataView', signature);
  }
  if (callback !== undefined) validateFunction(callback, 'callback');
  const handle = asymmetricHandle(key, 'public');
  const opts = signOptions(key);
  const sig = asUint8(signature);
  const run = () => call(cb.verify, alg, bytes, handle, sig, opts);
  if (callback === undefined) return run();
  later(callback, run);
  return undefined;
}

// ---- key agreement and RSA encryption ----------------------------------------------
function diffieHellman(options) {
  validateObject(options, 'options');
  const { privateKey, publicKey } = options;
  if (!(privateKey instanceof KeyObject)) throw typeError('options.privateKey', 'an instance of KeyObject', privateKey);
  if (!(publicKey instanceof KeyObject)) throw typeError('options.publicKey', 'an instance of KeyObject', publicKey);
  if (privateKey.type !== 'private') throw invalidKeyObjectType(privateKey.type, 'private');
  if (publicKey.type !== 'public' && publicKey.type !== 'private') throw invalidKeyObjectType(publicKey.type, 'private or public');
  const a = privateKey.asymmetricKeyType;
  const b = publicKey.asymmetricKeyType;
  if (a !== b || !['x25519', 'ec'].includes(a)) {
    throw errors.make(Error, 'ERR_CRYPTO_INCOMPATIBLE_KEY', `Incompatible key types for Diffie-Hellman: ${a} and ${b}`);
  }
  return toBuffer(call(cb.diffieHellman, privateKey[kHandle], publicKey[kHandle]));
}

function rsaOptions(key, defaultPadding) {
  let padding = defaultPadding;
  let oaepHash = 'sha1';
  let label;
  if (key !== null && typeof key === 'object' && !isBytes(key) && !(key instanceof KeyObject)) {
    if (key.padding !== undefined) padding = key.padding;
    if (key.oaepHash !== undefined) {
      validateString(key.oaepHash, 'key.oaepHash');
      oaepHash = key.oaepHash;
    }
    if (key.oaepLabel !== undefined) label = toBytes(key.oaepLabel, 'key.oaepLabel', kBytes);
  }
  return { padding, oaepHash, label };
}

function publicEncrypt(key, buffer) {
  const handle = asymmetricHandle(key, 'public');
  const o = rsaOptions(key, 4);
  return toBuffer(call(cb.rsaCrypt, false, handle, dataBytes(buffer), o.padding, o.oaepHash, o.label));
}

function privateDecrypt(key, buffer) {
  const handle = asymmetricHandle(key, 'private');
  const o = rsaOptions(key, 4);
  if (o.padding === 1) {
    // node 20 refuses it since the Marvin-attack fix (CVE-2023-46809).
    throw errors.make(TypeError, 'ERR_INVALID_ARG_VALUE',
      'RSA_PKCS1_PADDING is no longer supported for private decryption, this can be reverted with --security-revert=CVE-2023-46809');
  }
  return toBuffer(call(cb.rsaCrypt, true, handle, dataBytes(buffer), o.padding, o.oaepHash, o.label));
}

module.exports = {
  Sign, Verify, createSign, createVerify, sign: signOneShot, verify: verifyOneShot, diffieHellman,
  publicEncrypt, privateDecrypt,
};
