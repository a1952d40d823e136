// crypto.createECDH / ECDH (node's lib/internal/crypto/diffiehellman.js ECDH part) over the
// binding's native ECDH objects (crypto_ecdh.rs, node-stdlib): P-256 and P-384.
'use strict';

const cb = internal.natives.crypto;
const { errors } = internal;
const {
  typeError, normalizeEncoding, isBytes, asUint8, toBuffer, validateString, nativeError,
} = internal.requireBuiltin('internal/crypto_util', true);

const kHandle = Symbol('kHandle');
const kBytes = 'of type string or an instance of ArrayBuffer, Buffer, TypedArray, or DataView';
const unimplementedCurves = ['secp256k1', 'secp521r1', 'secp224r1', 'prime192v1', 'prime239v1', 'brainpoolP256r1'];

function call(fn, ...args) {
  try {
    return fn(...args);
  } catch (e) {
    throw nativeError(e);
  }
}

function keyBytes(key, encoding, name = 'key') {
  if (typeof key === 'string') return asUint8(Buffer.from(key, normalizeEncoding(encoding) ?? 'utf8'));
  if (isBytes(key)) return asUint8(key);
  throw typeError(name, kBytes, key);
}

function encode(bytes, encoding) {
  const buf = toBuffer(bytes);
  const enc = normalizeEncoding(encoding);
  return enc === undefined || encoding === 'buffer' ? buf : buf.toString(enc);
}

function formatName(format) {
  if (format === undefined || format === null) return 'uncompressed';
  return String(format);
}

function ECDH(curve) {
  if (!(this instanceof ECDH)) return new ECDH(curve);
  validateString(curve, 'curve');
  if (unimplementedCurves.includes(curve)) throw errors.notImplemented(`crypto.createECDH('${curve}')`);
  Object.defineProperty(this, kHandle, { value: call(cb.ecdhCreate, curve), enumerable: true });
}
ECDH.prototype.generateKeys = function generateKeys(encoding, format) {
  cb.ecdhGenerate(this[kHandle]);
  return this.getPublicKey(encoding, format);
};
ECDH.prototype.getPublicKey = function getPublicKey(encoding, format) {
  return encode(call(cb.ecdhPublicKey, this[kHandle], formatName(format)), encoding);
};
ECDH.prototype.getPrivateKey = function getPrivateKey(encoding) {
  return encode(call(cb.ecdhPrivateKey, this[kHandle]), encoding);
};
ECDH.prototype.setPrivateKey = function setPrivateKey(key, encoding) {
  call(cb.ecdhSetPrivateKey, this[kHandle], keyBytes(key, encoding));
  return this;
};
ECDH.prototype.setPublicKey = function setPublicKey() {
  throw errors.notImplemented('ecdh.setPublicKey');
};
ECDH.prototype.computeSecret = function computeSecret(key, inputEncoding, outputEncoding) {
  const other = keyBytes(key, inputEncoding);
  return encode(call(cb.ecdhComputeSecret, this[kHandle], other), outputEncoding);
};
ECDH.convertKey = function convertKey(key, curve, inputEncoding, outputEncoding, format) {
  const k = keyBytes(key, inputEncoding);
  validateString(curve, 'curve');
  return encode(call(cb.ecdhConvertKey, k, curve, formatName(format)), outputEncoding);
};

function createECDH(curve) {
  return new ECDH(curve);
}

module.exports = { ECDH, createECDH };
