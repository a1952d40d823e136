// crypto.createHash / createHmac / hash (node's lib/internal/crypto/hash.js behaviour): the
// digest state is a native object from the binding (crypto.rs over node-stdlib). Hash and
// Hmac are Transforms, set up only when a stream method is first used (node's
// LazyTransform), so update()/digest() pay nothing for it.
'use strict';

const cb = internal.natives.crypto;
const { errors } = internal;
const {
  typeError, normalizeEncoding, isBytes, asUint8, toBytes, toBuffer, validateString,
  validateObject,
} = internal.requireBuiltin('internal/crypto_util', true);

const kNative = Symbol('kNative');
const kDataTypes = 'of type string or an instance of Buffer, TypedArray, or DataView';

// node-stdlib's "Digest method not supported" has no code, as node's (an OpenSSL error).
function nativeError(e) {
  if (e && e.code === '') return new Error(e.message);
  return e;
}

// UTF-8 turns a lone surrogate into U+FFFD (as node encodes it); the native side takes
// only well-formed strings.
function wellFormed(s) {
  return s.isWellFormed() ? s : s.toWellFormed();
}

function feed(native, data, encoding) {
  if (typeof data === 'string') {
    const enc = normalizeEncoding(encoding);
    if (enc === undefined || enc === 'utf8') cb.update(native, wellFormed(data));
    else if (enc === 'utf16le') cb.update(native, asUint8(Buffer.from(data, enc)));
    else cb.update(native, wellFormed(data), enc);
  } else if (data instanceof Uint8Array) {
    cb.update(native, data);
  } else if (ArrayBuffer.isView(data)) {
    cb.update(native, asUint8(data));
  } else {
    throw typeError('data', kDataTypes, data);
  }
}

// digest(enc): a string for an encoding Buffer knows, a Buffer otherwise (as node).
function finish(native, outputEncoding) {
  const enc = normalizeEncoding(outputEncoding);
  if (enc !== undefined) return cb.digest(native, enc);
  return toBuffer(cb.digest(native));
}

// The stream states come into being on first access: the Transform constructor runs then,
// with the options the hash was made with.
const { Transform } = internal.requireBuiltin('internal/streams/duplex', true);
function LazyTransform(options) {
  this._options = options;
}
Object.setPrototypeOf(LazyTransform.prototype, Transform.prototype);
Object.setPrototypeOf(LazyTransform, Transform);
for (const key of ['_readableState', '_writableState', '_transformState']) {
  Object.defineProperty(LazyTransform.prototype, key, {
    configurable: true,
    enumerable: true,
    get() {
      Transform.call(this, this._options);
      this._writableState.decodeStrings = false;
      return this[key];
    },
    set(value) {
      Object.defineProperty(this, key, { value, enumerable: true, configurable: true, writable: true });
    },
  });
}

// A hash's native state is made on first need. Until then one string update may wait in
// JS, so createHash(a).update(str).digest(enc) is a single native call (strings cannot
// change meanwhile; byte views could, so they go to a native state at once).
const kAlgorithm = Symbol('kAlgorithm');
const kPending = Symbol('kPending');
const kPendingEncoding = Symbol('kPendingEncoding');
const kDone = Symbol('kDone');
const knownAlgorithms = new Set();
function finalized() {
  return errors.make(Error, 'ERR_CRYPTO_HASH_FINALIZED', 'Digest already called');
}
const kKey = Symbol('kKey');
function nativeOf(hash) {
  let native = hash[kNative];
  if (native === null) {
    if (hash[kDone]) throw finalized();
    const key = hash[kKey];
    native = hash[kNative] = key === undefined ? cb.hashCreate(hash[kAlgorithm])
      : cb.hmacCreate(hash[kAlgorithm], toBytes(key, 'key', kKeyTypes));
    if (hash[kPending] !== undefined) {
      const data = hash[kPending];
      hash[kPending] = undefined;
      feed(native, data, hash[kPendingEncoding]);
    }
  }
  return native;
}

function Hash(algorithm, options) {
  if (!(this instanceof Hash)) return new Hash(algorithm, options);
  const source = algorithm instanceof Hash ? algorithm : null;
  if (source === null) validateString(algorithm, 'algorithm');
  if (options !== undefined && options !== null && typeof options === 'object' && options.outputLength !== undefined) {
    const len = options.outputLength;
    if (typeof len !== 'number') throw typeError('options.outputLength', 'of type number', len);
    if (!Number.isInteger(len) || len < 0 || len > 0xffffffff) {
      throw errors.outOfRange('options.outputLength', '>= 0 && <= 4294967295', len);
    }
  }
  this._options = options;
  this[kPending] = undefined;
  this[kPendingEncoding] = undefined;
  this[kDone] = false;
  if (source !== null) {
    this[kAlgorithm] = source[kAlgorithm];
    this[kNative] = cb.hashCopy(nativeOf(source));
  } else {
    this[kAlgorithm] = algorithm;
    this[kNative] = null;
    if (!knownAlgorithms.has(algorithm)) {
      // The name is checked now (node throws from createHash); a good one is remembered.
      try {
        this[kNative] = cb.hashCreate(algorithm);
      } catch (e) {
        throw nativeError(e);
      }
      if (knownAlgorithms.size < 64) knownAlgorithms.add(algorithm);
    }
  }
  if (options && typeof options === 'object' && typeof options.outputLength === 'number' &&
      options.outputLength !== cb.digest(cb.hashCopy(nativeOf(this))).length) {
    // Only XOFs (SHAKE, not built in) take another length: OpenSSL's error, as node.
    throw errors.make(Error, 'ERR_OSSL_EVP_NOT_XOF_OR_INVALID_LENGTH',
      'error:030000B2:digital envelope routines::not XOF or invalid length');
  }
}
Object.setPrototypeOf(Hash.prototype, LazyTransform.prototype);
Object.setPrototypeOf(Hash, LazyTransform);
// As a stream: written data is hashed; the digest (a Buffer) is the one readable chunk.
Hash.prototype._transform = function _transform(chunk, encoding, callback) {
  feed(nativeOf(this), chunk, encoding);
  callback();
};
// node's native hash keeps the digest its stream side produced: one digest() call may
// still read it afterwards.
const kFlushed = Symbol('kFlushed');
Hash.prototype._flush = function _flush(callback) {
  const bytes = cb.digest(nativeOf(this));
  this[kFlushed] = bytes;
  this.push(toBuffer(bytes));
  callback();
};
function flushedDigest(self, outputEncoding) {
  const bytes = self[kFlushed];
  self[kFlushed] = null;
  const enc = normalizeEncoding(outputEncoding);
  const buf = toBuffer(bytes);
  return enc === undefined ? buf : buf.toString(enc);
}
Hash.prototype.copy = function copy(options) {
  return new Hash(this, options);
};
Hash.prototype.update = function update(data, encoding) {
  if (this[kNative] === null && this[kPending] === undefined && typeof data === 'string' && !this[kDone] &&
      data.isWellFormed()) {
    this[kPending] = data;
    this[kPendingEncoding] = encoding;
    return this;
  }
  feed(nativeOf(this), data, encoding);
  return this;
};
Hash.prototype.digest = function digest(outputEncoding) {
  if (this[kFlushed]) return flushedDigest(this, outputEncoding);
  if (this[kNative] === null) {
    if (this[kDone]) throw finalized();
    // Nothing native yet: one call hashes the pending string (if any) and encodes.
    this[kDone] = true;
    const enc = normalizeEncoding(outputEncoding);
    const data = this[kPending] ?? '';
    this[kPending] = undefined;
    const inEnc = typeof this[kPendingEncoding] === 'string' ? normalizeEncoding(this[kPendingEncoding]) : undefined;
    const out = cb.hash(this[kAlgorithm], data, enc, inEnc);
    return enc === undefined ? toBuffer(out) : out;
  }
  return finish(this[kNative], outputEncoding);
};

const kKeyTypes = 'of type string or an instance of ArrayBuffer, Buffer, TypedArray, DataView, KeyObject, or CryptoKey';
function Hmac(hmac, key, options) {
  if (!(this instanceof Hmac)) return new Hmac(hmac, key, options);
  validateString(hmac, 'hmac');
  const enc = options !== null && typeof options === 'object' ? options.encoding : undefined;
  if (typeof key !== 'string' && !isBytes(key)) {
    const keys = internal.requireBuiltin('internal/crypto_keys', true);
    if (!(key instanceof keys.KeyObject)) throw typeError('key', kKeyTypes, key);
    if (key.type !== 'secret') throw keys.invalidKeyObjectType(key.type, 'secret');
    key = keys.secretKeyBytes(key);
  }
  this._options = options;
  this[kPending] = undefined;
  this[kPendingEncoding] = undefined;
  this[kDone] = false;
  this[kAlgorithm] = hmac;
  // A string key (immutable) lets the native state wait, as a Hash's does.
  if (typeof key === 'string' && (enc === undefined || normalizeEncoding(enc) === 'utf8') &&
      knownHmacAlgorithms.has(hmac) && key.isWellFormed()) {
    this[kKey] = key;
    this[kNative] = null;
    return;
  }
  this[kNative] = cb.hmacCreate(hmac, toBytes(key, 'key', kKeyTypes, enc));
  if (knownHmacAlgorithms.size < 64) knownHmacAlgorithms.add(hmac);
}
const knownHmacAlgorithms = new Set();
Object.setPrototypeOf(Hmac.prototype, LazyTransform.prototype);
Object.setPrototypeOf(Hmac, LazyTransform);
Hmac.prototype.update = Hash.prototype.update;
Hmac.prototype._transform = Hash.prototype._transform;
Hmac.prototype._flush = Hash.prototype._flush;
// After the stream side has flushed, an Hmac's digest() is empty (as a second digest()).
Hmac.prototype.digest = function digest(outputEncoding) {
  if (this[kNative] === null) {
    const enc = normalizeEncoding(outputEncoding);
    if (this[kDone]) return enc === undefined ? Buffer.alloc(0) : '';
    this[kDone] = true;
    const data = this[kPending] ?? '';
    this[kPending] = undefined;
    const inEnc = typeof this[kPendingEncoding] === 'string' ? normalizeEncoding(this[kPendingEncoding]) : undefined;
    const out = cb.hmac(this[kAlgorithm], this[kKey], data, enc, inEnc);
    return enc === undefined ? toBuffer(out) : out;
  }
  return finish(this[kNative], outputEncoding);
};

function createHash(algorithm, options) {
  return new Hash(algorithm, options);
}
function createHmac(hmac, key, options) {
  return new Hmac(hmac, key, options);
}

// crypto.hash(algorithm, data[, outputEncoding = 'hex']) (node 20.12).
function hash(algorithm, input, outputEncoding = 'hex') {
  validateString(algorithm, 'algorithm');
  if (typeof input !== 'string' && !ArrayBuffer.isView(input)) {
    throw typeError('input', kDataTypes, input);
  }
  let enc;
  if (outputEncoding !== 'buffer') {
    validateString(outputEncoding, 'outputEncoding');
    enc = normalizeEncoding(outputEncoding);
    if (enc === undefined) throw errors.invalidArgValue('outputEncoding', outputEncoding);
  }
  const data = typeof input === 'string' ? wellFormed(input) : asUint8(input);
  try {
    const out = cb.hash(algorithm, data, enc);
    return enc === undefined ? toBuffer(out) : out;
  } catch (e) {
    // crypto.hash names the algorithm in its message (createHash does not).
    if (e && e.code === '') throw new Error(`Digest method ${algorithm} is not supported`);
    throw e;
  }
}

function getHashes() {
  return cb.getHashes();
}

module.exports = { Hash, Hmac, createHash, createHmac, hash, getHashes, validateObject, LazyTransform };
