// Node's crypto module: hashes, HMAC, random values, KDFs and Web Crypto's random part
// (crypto_hash.js, crypto_random.js, crypto_kdf.js, crypto_web.js over node-stdlib).
// Ciphers, signatures, keys, Diffie-Hellman, ECDH and X.509 are not built in: they throw
// ERR_NOT_IMPLEMENTED naming the API when used (COMPAT.md).
'use strict';

const { errors } = internal;
const req = (name) => internal.requireBuiltin(`internal/${name}`, true);
const hash = req('crypto_hash');
const random = req('crypto_random');
const kdf = req('crypto_kdf');
const web = req('crypto_web');

// A function (or class) that exists, so destructuring at load time works, and throws
// ERR_NOT_IMPLEMENTED when a program calls it.
function missing(name) {
  return {
    [name]() { throw errors.notImplemented(`crypto.${name}`); },
  }[name];
}

// node's algorithm constants (its SSL_OP_* and TLS ones belong to tls, not built in).
const constants = {
  DH_CHECK_P_NOT_SAFE_PRIME: 2,
  DH_CHECK_P_NOT_PRIME: 1,
  DH_UNABLE_TO_CHECK_GENERATOR: 4,
  DH_NOT_SUITABLE_GENERATOR: 8,
  RSA_PKCS1_PADDING: 1,
  RSA_NO_PADDING: 3,
  RSA_PKCS1_OAEP_PADDING: 4,
  RSA_X931_PADDING: 5,
  RSA_PKCS1_PSS_PADDING: 6,
  RSA_PSS_SALTLEN_DIGEST: -1,
  RSA_PSS_SALTLEN_MAX_SIGN: -2,
  RSA_PSS_SALTLEN_AUTO: -2,
  POINT_CONVERSION_COMPRESSED: 2,
  POINT_CONVERSION_UNCOMPRESSED: 4,
  POINT_CONVERSION_HYBRID: 6,
};

const m = module.exports;
// In node's key order.
for (const name of ['checkPrime', 'checkPrimeSync', 'createCipheriv', 'createDecipheriv',
  'createDiffieHellman', 'createDiffieHellmanGroup', 'createECDH']) m[name] = missing(name);
m.createHash = hash.createHash;
m.createHmac = hash.createHmac;
for (const name of ['createPrivateKey', 'createPublicKey', 'createSecretKey', 'createSign',
  'createVerify', 'diffieHellman', 'generatePrime', 'generatePrimeSync']) m[name] = missing(name);
// nrt has no ciphers or curves: the lists are truthfully empty.
m.getCiphers = () => [];
m.getCipherInfo = () => undefined;
m.getCurves = () => [];
m.getDiffieHellman = missing('getDiffieHellman');
m.getHashes = hash.getHashes;
m.hkdf = kdf.hkdf;
m.hkdfSync = kdf.hkdfSync;
m.pbkdf2 = kdf.pbkdf2;
m.pbkdf2Sync = kdf.pbkdf2Sync;
for (const name of ['generateKeyPair', 'generateKeyPairSync', 'generateKey', 'generateKeySync',
  'privateDecrypt', 'privateEncrypt', 'publicDecrypt', 'publicEncrypt']) m[name] = missing(name);
m.randomBytes = random.randomBytes;
m.randomFill = random.randomFill;
m.randomFillSync = random.randomFillSync;
m.randomInt = random.randomInt;
m.randomUUID = random.randomUUID;
m.scrypt = kdf.scrypt;
m.scryptSync = kdf.scryptSync;
m.sign = missing('sign');
m.setEngine = missing('setEngine');
m.timingSafeEqual = random.timingSafeEqual;
m.getFips = () => 0;
m.setFips = function setFips(val) {
  if (val) throw errors.notImplemented('crypto.setFips');
};
m.verify = missing('verify');
m.hash = hash.hash;
m.Certificate = missing('Certificate');
for (const name of ['Cipher', 'Cipheriv', 'Decipher', 'Decipheriv', 'DiffieHellman',
  'DiffieHellmanGroup', 'ECDH']) m[name] = missing(name);
m.Hash = hash.Hash;
m.Hmac = hash.Hmac;
for (const name of ['KeyObject', 'Sign', 'Verify', 'X509Certificate', 'secureHeapUsed']) {
  m[name] = missing(name);
}
m.constants = constants;
m.webcrypto = web.webcrypto;
m.subtle = web.subtle;
m.getRandomValues = (array) => web.webcrypto.getRandomValues(array);
