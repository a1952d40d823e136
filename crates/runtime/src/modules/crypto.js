// Node's crypto module: hashes, HMAC, random values, KDFs and Web Crypto's random part
// (crypto_hash.js, crypto_random.js, crypto_kdf.js, crypto_web.js over node-stdlib).
// Ciphers in crypto_cipher.js, KeyObject and key generation in crypto_keys.js, signatures,
// diffieHellman and RSA encryption in crypto_sign.js, createECDH in crypto_ecdh.js.
// createDiffieHellman and X.509 are not built in: they throw ERR_NOT_IMPLEMENTED naming the API when used (COMPAT.md).
'use strict';

const { errors } = internal;
const req = (name) => internal.requireBuiltin(`internal/${name}`, true);
const hash = req('crypto_hash');
const random = req('crypto_random');
const kdf = req('crypto_kdf');
const web = req('crypto_web');
const cipher = req('crypto_cipher');
const keys = req('crypto_keys');
const sig = req('crypto_sign');
const ecdh = req('crypto_ecdh');

const missing = (name) => errors.notImplementedFunction('crypto', name);

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
for (const name of ['checkPrime', 'checkPrimeSync']) m[name] = missing(name);
m.createCipheriv = cipher.createCipheriv;
m.createDecipheriv = cipher.createDecipheriv;
for (const name of ['createDiffieHellman', 'createDiffieHellmanGroup']) m[name] = missing(name);
m.createECDH = ecdh.createECDH;
m.createHash = hash.createHash;
m.createHmac = hash.createHmac;
m.createPrivateKey = keys.createPrivateKey;
m.createPublicKey = keys.createPublicKey;
m.createSecretKey = keys.createSecretKey;
m.createSign = sig.createSign;
m.createVerify = sig.createVerify;
m.diffieHellman = sig.diffieHellman;
for (const name of ['generatePrime', 'generatePrimeSync']) m[name] = missing(name);
m.getCiphers = cipher.getCiphers;
m.getCipherInfo = cipher.getCipherInfo;
// The curves nrt implements (EC keys, ECDSA, ECDH through diffieHellman).
m.getCurves = () => ['prime256v1', 'secp384r1'];
m.getDiffieHellman = missing('getDiffieHellman');
m.getHashes = hash.getHashes;
m.hkdf = kdf.hkdf;
m.hkdfSync = kdf.hkdfSync;
m.pbkdf2 = kdf.pbkdf2;
m.pbkdf2Sync = kdf.pbkdf2Sync;
m.generateKeyPair = keys.generateKeyPair;
m.generateKeyPairSync = keys.generateKeyPairSync;
m.generateKey = keys.generateKey;
m.generateKeySync = keys.generateKeySync;
m.privateDecrypt = sig.privateDecrypt;
// RSA with the private key as the encrypting side (raw PKCS#1 type 1) is not built in.
m.privateEncrypt = missing('privateEncrypt');
m.publicDecrypt = missing('publicDecrypt');
m.publicEncrypt = sig.publicEncrypt;
m.randomBytes = random.randomBytes;
m.randomFill = random.randomFill;
m.randomFillSync = random.randomFillSync;
m.randomInt = random.randomInt;
m.randomUUID = random.randomUUID;
m.scrypt = kdf.scrypt;
m.scryptSync = kdf.scryptSync;
m.sign = sig.sign;
m.setEngine = missing('setEngine');
m.timingSafeEqual = random.timingSafeEqual;
m.getFips = () => 0;
m.setFips = function setFips(val) {
  if (val) throw errors.notImplemented('crypto.setFips');
};
m.verify = sig.verify;
m.hash = hash.hash;
m.Certificate = missing('Certificate');
// createCipher/createDecipher (password-derived keys, removed in node 22) are not built in.
m.Cipher = missing('Cipher');
m.Cipheriv = cipher.Cipheriv;
m.Decipher = missing('Decipher');
m.Decipheriv = cipher.Decipheriv;
for (const name of ['DiffieHellman', 'DiffieHellmanGroup']) m[name] = missing(name);
m.ECDH = ecdh.ECDH;
m.Hash = hash.Hash;
m.Hmac = hash.Hmac;
m.KeyObject = keys.KeyObject;
m.Sign = sig.Sign;
m.Verify = sig.Verify;
for (const name of ['X509Certificate', 'secureHeapUsed']) m[name] = missing(name);
m.constants = constants;
m.webcrypto = web.webcrypto;
m.subtle = web.subtle;
m.getRandomValues = (array) => web.webcrypto.getRandomValues(array);
