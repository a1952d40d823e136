// HMAC vectors (RFC 4231 case 2 and others), key sources and encodings.
const crypto = require('crypto');
const msg = 'what do ya want for nothing?';
for (const alg of ['md5', 'sha1', 'sha224', 'sha256', 'sha384', 'sha512', 'sha3-512']) {
  console.log(alg, crypto.createHmac(alg, 'Jefe').update(msg).digest('hex'));
}
console.log(crypto.createHmac('sha256', '').update('').digest('base64'));
console.log(crypto.createHmac('sha256', 'k'.repeat(200)).update('long key').digest('hex'));
console.log(crypto.createHmac('sha256', Buffer.from('Jefe')).update(msg).digest('hex'));
console.log(crypto.createHmac('sha256', new Uint8Array([1, 2, 3]).buffer).update('x').digest('hex'));
console.log(crypto.createHmac('sha256', new Uint16Array([1, 2])).update('x').digest('hex'));
console.log(crypto.createHmac('md5', 'aa', { encoding: 'hex' }).update('x').digest('hex'));
const h = crypto.createHmac('sha1', 'key');
h.update('The quick brown fox ').update('jumps over the lazy dog');
console.log(h.digest('base64url'));
