// Digests of known inputs in every output encoding, streaming updates, input encodings.
const crypto = require('crypto');
const inputs = ['', 'abc', 'The quick brown fox jumps over the lazy dog', '€😀 mixed', 'a'.repeat(1000)];
const algs = ['md5', 'sha1', 'sha224', 'sha256', 'sha384', 'sha512', 'sha512-256', 'sha3-256', 'SHA256', 'RSA-SHA1'];
for (const alg of algs) {
  for (const s of inputs) console.log(alg, JSON.stringify(s.slice(0, 12)), crypto.createHash(alg).update(s).digest('hex'));
}
for (const enc of ['hex', 'base64', 'base64url', 'latin1', 'binary', 'utf8', 'ucs2', 'utf16le', 'ascii', 'HEX']) {
  console.log(enc, JSON.stringify(crypto.createHash('md5').update('abc').digest(enc)));
}
const buf = crypto.createHash('sha1').update('abc').digest();
console.log(Buffer.isBuffer(buf), buf.length, buf.toString('hex'));
console.log(Buffer.isBuffer(crypto.createHash('sha1').digest('buffer')), Buffer.isBuffer(crypto.createHash('sha1').digest('nope')));
// Streaming: the same digest however the input is cut.
const h = crypto.createHash('sha256');
for (const part of ['The ', 'quick ', 'brown fox', ' jumps over the lazy dog']) h.update(part);
console.log(h.digest('hex') === crypto.createHash('sha256').update('The quick brown fox jumps over the lazy dog').digest('hex'));
// Input encodings and byte sources.
console.log(crypto.createHash('md5').update('616263', 'hex').digest('hex'));
console.log(crypto.createHash('md5').update('YWJj', 'base64').digest('hex'));
console.log(crypto.createHash('md5').update('é', 'latin1').digest('hex'), crypto.createHash('md5').update('é').digest('hex'));
console.log(crypto.createHash('md5').update('ab', 'utf16le').digest('hex'));
console.log(crypto.createHash('md5').update('abc', 'nonsense').digest('hex'));
console.log(crypto.createHash('md5').update(new Uint16Array([1, 2])).digest('hex'));
console.log(crypto.createHash('md5').update(new DataView(new ArrayBuffer(3))).digest('hex'));
console.log(crypto.createHash('md5').update(Buffer.from('abc')).digest('hex'));
console.log(crypto.createHash('md5').update(new Uint8Array([1, 2, 3, 4]).subarray(1, 3)).digest('hex'));
// update returns the hash; copy() forks the state.
const a = crypto.createHash('sha1');
console.log(a.update('x') === a);
const b = a.copy();
b.update('y');
console.log(a.digest('hex'), b.digest('hex'));
console.log(crypto.createHash('sha256', { outputLength: 32 }).update('').digest('hex'));
// crypto.hash one-shot (node 20.12+).
console.log(crypto.hash('md5', 'abc'), crypto.hash('sha1', 'abc', 'base64'), crypto.hash('sha1', Buffer.from('abc'), 'buffer').length);
console.log(crypto.Hash('md5').update('a').digest('hex'), new crypto.Hash('md5').update('a').digest('hex'));
console.log(crypto.createHash('md5') instanceof crypto.Hash, crypto.createHmac('md5', 'k') instanceof crypto.Hmac);
const hashes = crypto.getHashes();
console.log(Array.isArray(hashes), ['md5', 'sha1', 'sha256', 'sha512', 'sha3-256', 'RSA-SHA256'].every((n) => hashes.includes(n)));
