// crypto.createCipheriv / createDecipheriv / getCiphers / getCipherInfo (node's
// lib/internal/crypto/cipher.js behaviour) over the binding's native ciphers
// (crypto_cipher.rs, node-stdlib). Cipheriv and Decipheriv are LazyTransforms: written
// data comes out enciphered, final() output is flushed at the end.
'use strict';

const cb = internal.natives.crypto;
const { errors } = internal;
const {
  typeError, normalizeEncoding, isBytes, asUint8, toBytes, toBuffer, validateString,
  validateObject, nativeError,
} = internal.requireBuiltin('internal/crypto_util', true);
const { LazyTransform } = internal.requireBuiltin('internal/crypto_hash', true);

const kHandle = Symbol('kHandle');
const kBytes = 'of type string or an instance of ArrayBuffer, Buffer, TypedArray, or DataView';
const kKeyTypes = 'of type string or an instance of ArrayBuffer, Buffer, TypedArray, DataView, KeyObject, or CryptoKey';
const kDataTypes = 'of type string or an instance of Buffer, TypedArray, or DataView';

// A secret KeyObject's bytes come from crypto_keys.js (loaded on demand: it loads after
// this file).
function keyBytes(key) {
  if (typeof key === 'string') return toBytes(key, 'key', kKeyTypes);
  if (isBytes(key)) return asUint8(key);
  if (key !== null && typeof key === 'object') {
    const keys = internal.requireBuiltin('internal/crypto_keys', true);
    if (key instanceof keys.KeyObject) {
      if (key.type !== 'secret') throw keys.invalidKeyObjectType(key.type, 'secret');
      return keys.secretKeyBytes(key);
    }
  }
  throw typeError('key', kKeyTypes, key);
}

function ivBytes(iv) {
  if (iv === null) return null;
  if (typeof iv === 'string') return toBytes(iv, 'iv', kBytes);
  if (isBytes(iv)) return asUint8(iv);
  throw typeError('iv', kBytes, iv);
}

function call(fn, ...args) {
  try {
    return fn(...args);
  } catch (e) {
    throw nativeError(e);
  }
}

function tagLengthOf(options) {
  if (options === undefined || options === null || typeof options !== 'object') return -1;
  const n = options.authTagLength;
  if (n === undefined) return -1;
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 0 || n > 0x7fffffff) {
    throw errors.make(TypeError, 'ERR_INVALID_ARG_VALUE',
      `The property 'options.authTagLength' is invalid. Received ${internal.inspect(n)}`);
  }
  return n;
}

// Ciphers node's OpenSSL has and nrt does not: ERR_NOT_IMPLEMENTED naming them, not
// node's "Unknown cipher" (which stays for names node does not know either).
const notBuiltIn = new RegExp('^(aes-(128|192|256)-(ccm|ocb|xts|cfb1|cfb8|cbc-hmac-sha1|cbc-hmac-sha256)|' +
  'id-aes(128|192|256)-(ccm|wrap|wrap-pad)|aes(128|192|256)-wrap|des|des-.*|des3|desx|bf|bf-.*|blowfish|' +
  'camellia.*|aria.*|sm4.*|cast.*|rc2.*|rc4.*|seed.*|idea.*)$', 'i');

function init(self, cipher, key, iv, options, decrypt) {
  validateString(cipher, 'cipher');
  if (notBuiltIn.test(cipher)) {
    throw errors.notImplemented(`crypto.${decrypt ? 'createDecipheriv' : 'createCipheriv'}('${cipher}')`);
  }
  const k = keyBytes(key);
  const v = ivBytes(iv);
  self[kHandle] = call(cb.cipherCreate, cipher, k, v, tagLengthOf(options), decrypt);
  self._decoder = null;
  LazyTransform.call(self, options);
}

// A string's bytes in the input encoding (node checks hex's length; an unknown name is
// read as UTF-8, as node's native side does).
function dataBytes(data, inputEncoding) {
  if (typeof data === 'string') {
    const enc = normalizeEncoding(inputEncoding);
    if (enc === 'hex' && data.length % 2 !== 0) {
      throw errors.make(TypeError, 'ERR_INVALID_ARG_VALUE',
        `The argument 'encoding' is invalid for data of length ${data.length}. Received 'hex'`);
    }
    return toBytes(data, 'data', kDataTypes, enc);
  }
  if (ArrayBuffer.isView(data)) return asUint8(data);
  throw typeError('data', kDataTypes, data);
}

// Output in `outputEncoding` through a StringDecoder (a multi-byte character may straddle
// two calls), or a Buffer.
function encodeOutput(self, bytes, outputEncoding, last) {
  const buf = toBuffer(bytes);
  if (outputEncoding === undefined || outputEncoding === null || outputEncoding === 'buffer') return buf;
  const enc = normalizeEncoding(outputEncoding);
  if (enc === undefined) {
    throw errors.make(TypeError, 'ERR_UNKNOWN_ENCODING', `Unknown encoding: ${outputEncoding}`);
  }
  if (self._decoder === null) {
    const { StringDecoder } = internal.requireBuiltin('string_decoder');
    self._decoder = new StringDecoder(enc);
  } else if (normalizeEncoding(self._decoder.encoding) !== enc) {
    throw errors.make(Error, 'ERR_INTERNAL_ASSERTION', 'Cannot change encoding\n' +
      'This is caused by either a bug in Node.js or incorrect usage of Node.js internals.\n' +
      'Please open an issue with this stack trace at https://github.com/nodejs/node/issues\n');
  }
  return last ? self._decoder.end(buf) : self._decoder.write(buf);
}

const proto = {
  _transform(chunk, encoding, callback) {
    this.push(call(cb.cipherUpdate, this[kHandle], dataBytes(chunk, encoding)));
    callback();
  },
  _flush(callback) {
    try {
      this.push(toBuffer(call(cb.cipherFinal, this[kHandle])));
    } catch (e) {
      callback(e);
      return;
    }
    callback();
  },
  update(data, inputEncoding, outputEncoding) {
    const out = call(cb.cipherUpdate, this[kHandle], dataBytes(data, inputEncoding));
    return encodeOutput(this, out, outputEncoding, false);
  },
  final(outputEncoding) {
    const out = call(cb.cipherFinal, this[kHandle]);
    return encodeOutput(this, out, outputEncoding, true);
  },
  setAutoPadding(ap) {
    call(cb.cipherSetAutoPadding, this[kHandle], ap === undefined ? true : !!ap);
    return this;
  },
  setAAD(aadbuf, options) {
    if (typeof aadbuf !== 'string' && !isBytes(aadbuf)) throw typeError('aadbuf', kBytes, aadbuf);
    if (options !== undefined) validateObject(options, 'options');
    call(cb.cipherSetAAD, this[kHandle], toBytes(aadbuf, 'aadbuf', kBytes));
    return this;
  },
};

function Cipheriv(cipher, key, iv, options) {
  if (!(this instanceof Cipheriv)) return new Cipheriv(cipher, key, iv, options);
  init(this, cipher, key, iv, options, false);
}
Object.setPrototypeOf(Cipheriv.prototype, LazyTransform.prototype);
Object.setPrototypeOf(Cipheriv, LazyTransform);
for (const [name, fn] of Object.entries(proto)) {
  Object.defineProperty(Cipheriv.prototype, name, { value: fn, writable: true, configurable: true });
}
Object.defineProperty(Cipheriv.prototype, 'getAuthTag', {
  writable: true,
  configurable: true,
  value: function getAuthTag() {
    return toBuffer(call(cb.cipherGetAuthTag, this[kHandle]));
  },
});

function Decipheriv(cipher, key, iv, options) {
  if (!(this instanceof Decipheriv)) return new Decipheriv(cipher, key, iv, options);
  init(this, cipher, key, iv, options, true);
}
Object.setPrototypeOf(Decipheriv.prototype, LazyTransform.prototype);
Object.setPrototypeOf(Decipheriv, LazyTransform);
for (const [name, fn] of Object.entries(proto)) {
  Object.defineProperty(Decipheriv.prototype, name, { value: fn, writable: true, configurable: true });
}
Object.defineProperty(Decipheriv.prototype, 'setAuthTag', {
  writable: true,
  configurable: true,
  value: function setAuthTag(tagbuf, encoding) {
    if (typeof tagbuf !== 'string' && !isBytes(tagbuf)) throw typeError('buffer', kBytes, tagbuf);
    call(cb.cipherSetAuthTag, this[kHandle], toBytes(tagbuf, 'buffer', kBytes, encoding));
    return this;
  },
});

function createCipheriv(cipher, key, iv, options) {
  return new Cipheriv(cipher, key, iv, options);
}
function createDecipheriv(cipher, key, iv, options) {
  return new Decipheriv(cipher, key, iv, options);
}

function getCiphers() {
  return cb.getCiphers();
}

function getCipherInfo(nameOrNid, options) {
  if (typeof nameOrNid !== 'string' && typeof nameOrNid !== 'number') {
    throw typeError('nameOrNid', 'one of type string or number', nameOrNid);
  }
  let keyLength = -1;
  let ivLength = -1;
  if (options !== undefined) {
    validateObject(options, 'options');
    for (const name of ['keyLength', 'ivLength']) {
      const v = options[name];
      if (v === undefined) continue;
      if (typeof v !== 'number') throw typeError(`options.${name}`, 'of type number', v);
      if (!Number.isInteger(v) || v < -2147483648 || v > 2147483647) {
        throw errors.outOfRange(`options.${name}`, 'an integer', v);
      }
    }
    if (options.keyLength !== undefined) keyLength = options.keyLength < 0 ? 0x7fffffff : options.keyLength;
    if (options.ivLength !== undefined) ivLength = options.ivLength < 0 ? 0x7fffffff : options.ivLength;
  }
  const r = cb.getCipherInfo(nameOrNid, keyLength, ivLength);
  if (r === undefined) return undefined;
  const [mode, name, nid, blockSize, ivLen, keyLen] = r;
  const info = { mode, name, nid };
  if (blockSize !== undefined && blockSize !== null) info.blockSize = blockSize;
  if (ivLen !== undefined && ivLen !== null) info.ivLength = ivLen;
  info.keyLength = keyLen;
  return info;
}

module.exports = {
  Cipheriv, Decipheriv, createCipheriv, createDecipheriv, getCiphers, getCipherInfo,
};
