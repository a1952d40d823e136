// KeyObject, createSecretKey/createPublicKey/createPrivateKey and key generation (node's
// lib/internal/crypto/keys.js and keygen.js behaviour) over the binding's native key
// handles (crypto_keys.rs, node-stdlib). PEM/DER parsing and encoding are native; option
// checks, JWK JSON and base64url are here.
'use strict';

const cb = internal.natives.crypto;
const { errors } = internal;
const {
  typeError, isBytes, asUint8, toBytes, toBuffer, validateString, validateObject, validateFunction,
  nativeError,
} = internal.requireBuiltin('internal/crypto_util', true);

const kHandle = Symbol('kHandle');
const kKeyType = Symbol('kKeyType');
const kAsymmetricKeyType = Symbol('kAsymmetricKeyType');
const kAsymmetricKeyDetails = Symbol('kAsymmetricKeyDetails');
const handles = new WeakSet();

function call(fn, ...args) {
  try {
    return fn(...args);
  } catch (e) {
    throw nativeError(e);
  }
}

function invalidValue(name, value, reason) {
  const e = errors.invalidArgValue(name, value, reason);
  return e;
}
function invalidProperty(name, value) {
  return errors.make(TypeError, 'ERR_INVALID_ARG_VALUE',
    `The property '${name}' is invalid. Received ${internal.inspect(value)}`);
}
function invalidKeyObjectType(type, expected) {
  return errors.make(TypeError, 'ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE',
    `Invalid key object type ${type}, expected ${expected}.`);
}

class KeyObject {
  constructor(type, handle) {
    if (type !== 'secret' && type !== 'public' && type !== 'private') {
      throw errors.invalidArgValue('type', type);
    }
    if (handle === null || typeof handle !== 'object' || !handles.has(handle)) {
      throw typeError('handle', 'of type object', handle);
    }
    this[kKeyType] = type;
    Object.defineProperty(this, kHandle, { value: handle, enumerable: false, configurable: false, writable: false });
  }

  get type() {
    return this[kKeyType];
  }

  static from(key) {
    // CryptoKey is not built in (webcrypto.subtle has no keys yet): nothing converts.
    throw typeError('key', 'an instance of CryptoKey', key);
  }

  equals(otherKeyObject) {
    if (!(otherKeyObject instanceof KeyObject)) {
      throw typeError('otherKeyObject', 'an instance of KeyObject', otherKeyObject);
    }
    return otherKeyObject.type === this.type && cb.keyEquals(this[kHandle], otherKeyObject[kHandle]);
  }
}
Object.defineProperty(KeyObject.prototype, Symbol.toStringTag, { value: 'KeyObject', configurable: true });

function bufferToBase64url(u8) {
  return toBuffer(u8).toString('base64url');
}

class SecretKeyObject extends KeyObject {
  constructor(handle) {
    super('secret', handle);
  }

  get symmetricKeySize() {
    return cb.keyInfo(this[kHandle]).symmetricKeySize;
  }

  export(options) {
    if (options !== undefined) {
      validateObject(options, 'options');
      const { format } = options;
      if (format === 'jwk') return { kty: 'oct', k: bufferToBase64url(cb.keyExport(this[kHandle], 'der', 'pkcs8')) };
      if (format !== undefined && format !== 'buffer') {
        throw errors.make(TypeError, 'ERR_INVALID_ARG_VALUE',
          `The property 'options.format' must be one of: undefined, 'buffer', 'jwk'. Received ${internal.inspect(format)}`);
      }
    }
    return toBuffer(cb.keyExport(this[kHandle], 'der', 'pkcs8'));
  }
}

class AsymmetricKeyObject extends KeyObject {
  get asymmetricKeyType() {
    if (this[kAsymmetricKeyType] === undefined) this[kAsymmetricKeyType] = cb.keyInfo(this[kHandle]).asymmetricKeyType;
    return this[kAsymmetricKeyType];
  }

  get asymmetricKeyDetails() {
    if (this[kAsymmetricKeyDetails] !== undefined) return { ...this[kAsymmetricKeyDetails] };
    const info = cb.keyInfo(this[kHandle]);
    let details = {};
    if (info.modulusLength !== undefined) {
      let e = 0n;
      for (const b of info.publicExponent) e = (e << 8n) | BigInt(b);
      details = { modulusLength: info.modulusLength, publicExponent: e };
    } else if (info.namedCurve !== undefined) {
      details = { namedCurve: info.namedCurve };
    }
    if (info.asymmetricKeyType === 'rsa' || info.asymmetricKeyType === 'ec') this[kAsymmetricKeyDetails] = details;
    return { ...details };
  }
}

// JWK output in node's member order.
function exportJwk(handle) {
  const p = cb.keyJwk(handle);
  const b = (name) => bufferToBase64url(p[name]);
  if (p.kty === 'RSA') {
    const out = { kty: 'RSA', n: b('n'), e: b('e') };
    if (p.d !== undefined) for (const name of ['d', 'p', 'q', 'dp', 'dq', 'qi']) out[name] = b(name);
    return out;
  }
  if (p.kty === 'EC') {
    const out = { kty: 'EC', x: b('x'), y: b('y'), crv: p.crv };
    if (p.d !== undefined) out.d = b('d');
    return out;
  }
  const out = { crv: p.crv };
  if (p.d !== undefined) out.d = b('d');
  out.x = b('x');
  out.kty = 'OKP';
  return out;
}

function passphraseBytes(passphrase, name) {
  if (passphrase === undefined || passphrase === null) return undefined;
  if (typeof passphrase === 'string' || isBytes(passphrase)) return toBytes(passphrase, name, '');
  throw typeError(name, 'of type string or an instance of ArrayBuffer, Buffer, TypedArray, or DataView', passphrase);
}

// node's parseKeyEncoding for export / generateKeyPair encodings.
function parseExportOptions(options, isPublic, prefix = 'options') {
  validateObject(options, prefix);
  const { format, type, cipher, passphrase } = options;
  if (format === 'jwk') return { format };
  if (format !== 'pem' && format !== 'der') throw invalidProperty(`${prefix}.format`, format);
  const types = isPublic ? ['pkcs1', 'spki'] : ['pkcs1', 'pkcs8', 'sec1'];
  if (!types.includes(type)) throw invalidProperty(`${prefix}.type`, type);
  if (!isPublic && cipher !== undefined) {
    if (typeof cipher !== 'string') throw invalidProperty(`${prefix}.cipher`, cipher);
    if (format === 'der' && type !== 'pkcs8') {
      throw errors.make(Error, 'ERR_CRYPTO_INCOMPATIBLE_KEY_OPTIONS',
        `The selected key encoding ${type} does not support encryption.`);
    }
    if (passphrase === undefined) throw invalidProperty(`${prefix}.passphrase`, passphrase);
    return { format, type, cipher, passphrase: passphraseBytes(passphrase, `${prefix}.passphrase`) };
  }
  return { format, type };
}

function exportAsymmetric(handle, options, isPublic) {
  const o = parseExportOptions(options, isPublic);
  if (o.format === 'jwk') return exportJwk(handle);
  const out = call(cb.keyExport, handle, o.format, o.type, o.cipher, o.passphrase);
  return typeof out === 'string' ? out : toBuffer(out);
}

class PublicKeyObject extends AsymmetricKeyObject {
  constructor(handle) {
    super('public', handle);
  }

  export(options) {
    return exportAsymmetric(this[kHandle], options, true);
  }
}

class PrivateKeyObject extends AsymmetricKeyObject {
  constructor(handle) {
    super('private', handle);
  }

  export(options) {
    return exportAsymmetric(this[kHandle], options, false);
  }
}

function wrap(handle) {
  handles.add(handle);
  const type = cb.keyInfo(handle).type;
  if (type === 'secret') return new SecretKeyObject(handle);
  if (type === 'public') return new PublicKeyObject(handle);
  return new PrivateKeyObject(handle);
}

const kBytes = 'of type string or an instance of ArrayBuffer, Buffer, TypedArray, or DataView';
const kBytesOrKey = 'of type string or an instance of ArrayBuffer, Buffer, TypedArray, DataView, KeyObject, or CryptoKey';

function createSecretKey(key, encoding) {
  if (typeof key === 'string') key = Buffer.from(key, encoding);
  else if (!isBytes(key)) throw typeError('key', 'an instance of ArrayBuffer, Buffer, TypedArray, or DataView', key);
  return wrap(cb.keySecret(asUint8(key)));
}

function jwkPart(jwk, name, required) {
  const v = jwk[name];
  if (v === undefined && !required) return undefined;
  if (typeof v !== 'string') throw typeError(`key.${name}`, 'of type string', v);
  return asUint8(Buffer.from(v, 'base64url'));
}

function handleFromJwk(jwk, kind) {
  if (jwk === null || typeof jwk !== 'object') throw typeError('key.key', 'of type object', jwk);
  const { kty } = jwk;
  validateString(kty, 'key.kty');
  const parts = { kty };
  if (kty === 'RSA') {
    parts.n = jwkPart(jwk, 'n', true);
    parts.e = jwkPart(jwk, 'e', true);
    if (kind === 'private') for (const n of ['d', 'p', 'q', 'dp', 'dq', 'qi']) parts[n] = jwkPart(jwk, n, true);
  } else if (kty === 'EC') {
    validateString(jwk.crv, 'key.crv');
    if (!['P-256', 'P-384'].includes(jwk.crv)) {
      if (['P-521', 'secp256k1'].includes(jwk.crv)) throw errors.notImplemented(`crypto JWK keys on curve ${jwk.crv}`);
      throw errors.make(TypeError, 'ERR_CRYPTO_INVALID_JWK', 'Invalid JWK EC key');
    }
    parts.crv = jwk.crv;
    parts.x = jwkPart(jwk, 'x', true);
    parts.y = jwkPart(jwk, 'y', true);
    if (kind === 'private') parts.d = jwkPart(jwk, 'd', true);
  } else if (kty === 'OKP') {
    validateString(jwk.crv, 'key.crv');
    if (!['Ed25519', 'X25519'].includes(jwk.crv)) {
      if (['Ed448', 'X448'].includes(jwk.crv)) throw errors.notImplemented(`crypto JWK keys on curve ${jwk.crv}`);
      throw errors.make(TypeError, 'ERR_CRYPTO_INVALID_JWK', 'Invalid JWK OKP key');
    }
    parts.crv = jwk.crv;
    parts.x = jwkPart(jwk, 'x', true);
    if (kind === 'private') parts.d = jwkPart(jwk, 'd', true);
  } else {
    throw errors.make(TypeError, 'ERR_INVALID_ARG_VALUE',
      `The property 'key.kty' must be one of: 'RSA', 'EC', 'OKP'. Received ${internal.inspect(kty)}`);
  }
  return call(cb.keyFromJwk, kind, parts);
}

// A private or public key handle from createPrivateKey/createPublicKey-style input:
// PEM string/bytes, or { key, format, type, passphrase, encoding }.
function handleFromData(key, kind, expected) {
  if (typeof key === 'string' || isBytes(key)) {
    return call(cb.keyParse, kind, typeof key === 'string' ? key : asUint8(key), 'pem');
  }
  if (key === null || typeof key !== 'object') throw typeError('key', expected, key);
  const { format = 'pem', type, passphrase, encoding } = key;
  let data = key.key;
  if (format === 'jwk') return handleFromJwk(data, kind);
  if (format !== 'pem' && format !== 'der') throw invalidProperty('options.format', format);
  if (typeof data === 'string') {
    data = format === 'der' ? asUint8(Buffer.from(data, encoding)) : data;
  } else if (isBytes(data)) {
    data = asUint8(data);
  } else {
    throw typeError('key.key', kBytes, data);
  }
  let t;
  if (format === 'der') {
    const types = kind === 'public' ? ['pkcs1', 'spki'] : ['pkcs1', 'pkcs8', 'sec1'];
    if (!types.includes(type)) throw invalidProperty('options.type', type);
    t = type;
  }
  return call(cb.keyParse, kind, data, format, t, passphraseBytes(passphrase, 'key.passphrase'));
}

function createPrivateKey(key) {
  if (key instanceof KeyObject) {
    throw typeError('key', 'of type string or an instance of ArrayBuffer, Buffer, TypedArray, or DataView', key);
  }
  return wrap(handleFromData(key, 'private', 'of type string or an instance of ArrayBuffer, Buffer, TypedArray, or DataView'));
}

function createPublicKey(key) {
  if (key instanceof KeyObject) {
    if (key.type !== 'private') throw invalidKeyObjectType(key.type, 'private');
    return wrap(cb.keyPublicOf(key[kHandle]));
  }
  if (key !== null && typeof key === 'object' && key.key instanceof KeyObject) return createPublicKey(key.key);
  return wrap(handleFromData(key, 'public', kBytesOrKey));
}

// For sign/verify/encrypt: a KeyObject (of an allowed type) or key input, as a handle.
function asymmetricHandle(key, kind) {
  const k = key !== null && typeof key === 'object' && !isBytes(key) && key.key instanceof KeyObject ? key.key : key;
  if (k instanceof KeyObject) {
    if (k.type === 'secret' || (kind === 'private' && k.type !== 'private')) throw invalidKeyObjectType(k.type, kind);
    return k[kHandle];
  }
  if (typeof k !== 'string' && !isBytes(k) && (k === null || typeof k !== 'object')) {
    throw typeError('key', kBytesOrKey, key);
  }
  if (kind === 'public') {
    // Public operations accept private keys too (their public half).
    try {
      return handleFromData(k, 'public', kBytesOrKey);
    } catch (e) {
      if (e && e.code === 'ERR_OSSL_UNSUPPORTED') return handleFromData(k, 'private', kBytesOrKey);
      throw e;
    }
  }
  return handleFromData(k, 'private', kBytesOrKey);
}

function secretKeyBytes(key) {
  if (key instanceof SecretKeyObject) return cb.keySecretBytes(key[kHandle]);
  return undefined;
}

// ---- generation --------------------------------------------------------------------
const pendingPairs = new Map();
let nextPair = 1;
internal.hooks.cryptoKeyPairComplete = function cryptoKeyPairComplete(id, err, priv, pub) {
  const done = pendingPairs.get(id);
  if (done === undefined) return;
  pendingPairs.delete(id);
  done(err, priv, pub);
};

const unimplementedTypes = ['rsa-pss', 'dsa', 'dh', 'ed448', 'x448'];
const unimplementedCurves = ['P-521', 'secp521r1', 'secp256k1', 'prime192v1', 'secp224r1', 'prime239v1'];

function validateUint32(v, name) {
  if (typeof v !== 'number') throw typeError(name, 'of type number', v);
  if (!Number.isInteger(v)) throw errors.outOfRange(name, 'an integer', v);
  if (v < 0 || v > 4294967295) throw errors.outOfRange(name, '>= 0 && <= 4294967295', v);
}

// The native job's arguments and the output encodings.
function keyPairJob(type, options) {
  validateString(type, 'type');
  if (unimplementedTypes.includes(type)) throw errors.notImplemented(`crypto.generateKeyPair('${type}')`);
  if (!['rsa', 'ec', 'ed25519', 'x25519'].includes(type)) {
    throw errors.make(TypeError, 'ERR_INVALID_ARG_VALUE',
      `The argument 'type' must be a supported key type. Received ${internal.inspect(type)}`);
  }
  let size = 0;
  let exponent = 0;
  let curve;
  if (type === 'rsa' || type === 'ec') validateObject(options, 'options');
  else if (options !== undefined) validateObject(options, 'options');
  if (type === 'rsa') {
    validateUint32(options.modulusLength, 'options.modulusLength');
    size = options.modulusLength;
    exponent = 0x10001;
    if (options.publicExponent !== undefined) {
      validateUint32(options.publicExponent, 'options.publicExponent');
      exponent = options.publicExponent;
    }
  } else if (type === 'ec') {
    validateString(options.namedCurve, 'options.namedCurve');
    curve = options.namedCurve;
    if (unimplementedCurves.includes(curve)) throw errors.notImplemented(`crypto.generateKeyPair on curve ${curve}`);
    if (!['P-256', 'prime256v1', 'secp256r1', 'P-384', 'secp384r1'].includes(curve)) {
      throw errors.make(TypeError, 'ERR_CRYPTO_INVALID_CURVE', 'Invalid EC curve name');
    }
  }
  const { publicKeyEncoding, privateKeyEncoding } = options ?? {};
  const pubEnc = publicKeyEncoding === undefined ? undefined : parseExportOptions(publicKeyEncoding, true, 'options.publicKeyEncoding');
  const privEnc = privateKeyEncoding === undefined ? undefined : parseExportOptions(privateKeyEncoding, false, 'options.privateKeyEncoding');
  return { args: [type, size, exponent, curve], pubEnc, privEnc };
}

function encodePair(job, privHandle, pubHandle) {
  const priv = wrap(privHandle);
  const pub = wrap(pubHandle);
  const enc = (key, e) => {
    if (e === undefined) return key;
    if (e.format === 'jwk') return exportJwk(key[kHandle]);
    const out = call(cb.keyExport, key[kHandle], e.format, e.type, e.cipher, e.passphrase);
    return typeof out === 'string' ? out : toBuffer(out);
  };
  return { publicKey: enc(pub, job.pubEnc), privateKey: enc(priv, job.privEnc) };
}

function generateKeyPairSync(type, options) {
  const job = keyPairJob(type, options);
  const [priv, pub] = call(cb.keyGenerate, -1, ...job.args);
  return encodePair(job, priv, pub);
}

function generateKeyPair(type, options, callback) {
  if (typeof options === 'function') {
    callback = options;
    options = undefined;
  }
  validateFunction(callback, 'callback');
  const job = keyPairJob(type, options);
  const id = nextPair++;
  if (nextPair > 0x7fffffff) nextPair = 1;
  pendingPairs.set(id, (err, priv, pub) => {
    if (err) {
      callback(nativeError(err));
      return;
    }
    let pair;
    try {
      pair = encodePair(job, priv, pub);
    } catch (e) {
      callback(e);
      return;
    }
    callback(null, pair.publicKey, pair.privateKey);
  });
  call(cb.keyGenerate, id, ...job.args);
}

function secretKeyJob(type, options) {
  validateString(type, 'type');
  validateObject(options, 'options');
  const { length } = options;
  if (type === 'hmac') {
    if (typeof length !== 'number') throw typeError('options.length', 'of type number', length);
    if (!Number.isInteger(length)) throw errors.outOfRange('options.length', 'an integer', length);
    if (length < 8 || length > 2147483647) throw errors.outOfRange('options.length', '>= 8 && <= 2147483647', length);
    return Math.floor(length / 8);
  }
  if (type === 'aes') {
    if (![128, 192, 256].includes(length)) {
      throw errors.make(TypeError, 'ERR_INVALID_ARG_VALUE',
        `The property 'options.length' must be one of: 128, 192, 256. Received ${internal.inspect(length)}`);
    }
    return length / 8;
  }
  throw errors.make(TypeError, 'ERR_INVALID_ARG_VALUE',
    `The argument 'type' must be a supported key type. Received ${internal.inspect(type)}`);
}

function generateKeySync(type, options) {
  const bytes = secretKeyJob(type, options);
  return createSecretKey(internal.requireBuiltin('crypto').randomBytes(bytes));
}

function generateKey(type, options, callback) {
  const bytes = secretKeyJob(type, options);
  validateFunction(callback, 'callback');
  internal.requireBuiltin('crypto').randomBytes(bytes, (err, buf) => {
    if (err) callback(err);
    else callback(null, createSecretKey(buf));
  });
}

module.exports = {
  KeyObject, SecretKeyObject, PublicKeyObject, PrivateKeyObject, createSecretKey, createPublicKey,
  createPrivateKey, asymmetricHandle, secretKeyBytes, generateKeyPair, generateKeyPairSync,
  generateKey, generateKeySync, kHandle, invalidKeyObjectType, call, kBytes, kBytesOrKey,
};
