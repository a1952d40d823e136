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
// The same HMAC however it is driven: twice (the second time with a known digest name),
// digest without update, several updates, a second digest (empty), update after digest.
for (let i = 0; i < 2; i++) {
  const m = crypto.createHmac('sha256', 'key');
  console.log(m.update('The quick brown fox jumps over the lazy dog').digest('hex'));
  console.log(JSON.stringify(m.digest('hex')), m.digest().length);
  try { m.update('x'); } catch (e) { console.log(e.code, e.message); }
  console.log(crypto.createHmac('sha256', 'key').digest('base64'));
  console.log(crypto.createHmac('sha256', 'key').update('61', 'hex').update('b').digest('hex'));
  console.log(crypto.createHmac('sha256', 'key').update('ab', 'utf16le').digest('hex'));
}
// Lone surrogates in keys and data are UTF-8 encoded as U+FFFD, as node does.
console.log(crypto.createHmac('md5', 'k\ud800').update('x\udc00').digest('hex'));
console.log(crypto.createHash('md5').update('a\ud800').digest('hex'), crypto.hash('md5', 'a\ud800'));
console.log(crypto.createHash('md5').update('a\ud800', 'utf16le').digest('hex'));
console.log(crypto.pbkdf2Sync('p\udfff', 's', 1, 8, 'sha1').toString('hex'));
