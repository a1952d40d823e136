// createDiffieHellman/ECDH, X509Certificate, privateEncrypt/publicDecrypt exist as names
// (destructuring at load time works) but throw when used in nrt; nrt throws
// ERR_NOT_IMPLEMENTED where node works, so only node-agnostic facts are printed here.
const crypto = require('crypto');
const names = ['createCipheriv', 'createDecipheriv', 'createSign', 'createVerify', 'createECDH',
  'createDiffieHellman', 'generateKeyPairSync', 'createPublicKey', 'createPrivateKey',
  'createSecretKey', 'publicEncrypt', 'privateDecrypt', 'sign', 'verify', 'X509Certificate', 'KeyObject'];
console.log(names.every((n) => typeof crypto[n] === 'function'));
const { createCipheriv } = require('crypto');
console.log(typeof createCipheriv);
console.log(typeof crypto.constants.RSA_PKCS1_PADDING, crypto.constants.RSA_PKCS1_OAEP_PADDING, crypto.constants.POINT_CONVERSION_UNCOMPRESSED);
console.log(crypto.getFips(), Array.isArray(crypto.getCiphers()), Array.isArray(crypto.getCurves()));
crypto.subtle.digest('SHA-256', new TextEncoder().encode('abc')).then((ab) => {
  console.log('subtle digest', ab instanceof ArrayBuffer, Buffer.from(ab).toString('hex'));
  return crypto.subtle.digest({ name: 'sha-1' }, new Uint8Array(0));
}).then((ab) => {
  console.log('subtle sha-1', Buffer.from(ab).toString('hex'));
  return crypto.subtle.digest('MD5', new Uint8Array(0));
}).catch((e) => console.log('subtle md5', e.name, e.message));
