// Web Crypto (`crypto.webcrypto`, the global `crypto`): getRandomValues, randomUUID and
// SubtleCrypto.digest; the other SubtleCrypto methods reject with ERR_NOT_IMPLEMENTED.
'use strict';

const cb = internal.natives.crypto;
const { errors } = internal;
const { asUint8, isBytes } = internal.requireBuiltin('internal/crypto_util', true);
const random = internal.requireBuiltin('internal/crypto_random', true);

let constructing = false;
function illegal() {
  return errors.make(TypeError, 'ERR_ILLEGAL_CONSTRUCTOR', 'Illegal constructor');
}
function invalidThis(type) {
  return errors.make(TypeError, 'ERR_INVALID_THIS', `Value of "this" must be of type ${type}`);
}

const digests = { 'SHA-1': 'sha1', 'SHA-256': 'sha256', 'SHA-384': 'sha384', 'SHA-512': 'sha512' };
class SubtleCrypto {
  constructor() {
    if (!constructing) throw illegal();
  }
  async digest(algorithm, data) {
    if (!(this instanceof SubtleCrypto)) throw invalidThis('SubtleCrypto');
    const name = typeof algorithm === 'string' ? algorithm : algorithm && algorithm.name;
    const key = Object.keys(digests).find((k) => typeof name === 'string' && k === name.toUpperCase());
    if (key === undefined) {
      throw new (internal.web.DOMException)('Unrecognized algorithm name', 'NotSupportedError');
    }
    if (!isBytes(data)) {
      throw errors.invalidArgType('data', ['ArrayBuffer', 'Buffer', 'TypedArray', 'DataView'], data);
    }
    // A copy of the input is taken now, as the spec asks.
    const out = cb.hash(digests[key], asUint8(data).slice());
    return out.buffer;
  }
}
for (const name of ['encrypt', 'decrypt', 'sign', 'verify', 'generateKey', 'deriveKey',
  'deriveBits', 'importKey', 'exportKey', 'wrapKey', 'unwrapKey']) {
  Object.defineProperty(SubtleCrypto.prototype, name, {
    value: { async [name]() { throw errors.notImplemented(`crypto.subtle.${name}`); } }[name],
    writable: true,
    configurable: true,
  });
}
Object.defineProperty(SubtleCrypto.prototype, Symbol.toStringTag, { value: 'SubtleCrypto', configurable: true });

constructing = true;
const subtle = new SubtleCrypto();
constructing = false;

class Crypto {
  constructor() {
    if (!constructing) throw illegal();
  }
  get subtle() {
    if (!(this instanceof Crypto)) throw invalidThis('Crypto');
    return subtle;
  }
  getRandomValues(array) {
    if (!(this instanceof Crypto)) throw invalidThis('Crypto');
    return random.getRandomValues(array);
  }
  randomUUID() {
    if (!(this instanceof Crypto)) throw invalidThis('Crypto');
    return random.randomUUID();
  }
}
Object.defineProperty(Crypto.prototype, Symbol.toStringTag, { value: 'Crypto', configurable: true });

class CryptoKey {
  constructor() {
    throw illegal();
  }
}

constructing = true;
const webcrypto = new Crypto();
constructing = false;

module.exports = { webcrypto, subtle, Crypto, SubtleCrypto, CryptoKey };
