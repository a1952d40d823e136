// getCiphers / getCipherInfo, update/final encodings, padding, GCM tags and the stream side.
const crypto = require('crypto');

const names = crypto.getCiphers();
for (const n of ['aes-128-cbc', 'aes-256-gcm', 'aes-192-ctr', 'chacha20-poly1305', 'aes128']) {
  console.log(n, names.includes(n));
}
for (const n of ['aes-128-cbc', 'AES-256-GCM', 'aes256', 'aes-128-ecb', 'aes-192-ofb', 'aes-256-cfb', 'chacha20', 'chacha20-poly1305', 'id-aes128-GCM', 'no-such-cipher', 419, 901, 1]) {
  console.log(n, JSON.stringify(crypto.getCipherInfo(n)));
}
console.log(JSON.stringify(crypto.getCipherInfo('aes-128-gcm', { ivLength: 7 })));
console.log(crypto.getCipherInfo('aes-128-gcm', { ivLength: 129 }));
console.log(crypto.getCipherInfo('aes-128-cbc', { ivLength: 12 }));
console.log(JSON.stringify(crypto.getCipherInfo('aes-128-cbc', { keyLength: 16 })));
console.log(crypto.getCipherInfo('aes-128-cbc', { keyLength: 32 }));

const key = Buffer.alloc(16, 1);
const iv = Buffer.alloc(16, 2);

// update returns whole blocks; final pads.
let c = crypto.createCipheriv('aes-128-cbc', key, iv);
console.log(c.update('0123456789abcdefXYZ').length, c.final().length);
c = crypto.createCipheriv('aes-128-cbc', key, iv);
console.log(c.update('hello', 'utf8', 'hex') + c.final('hex'));
c = crypto.createCipheriv('aes-128-cbc', 'x'.repeat(16), 'y'.repeat(16));
console.log(c.update('hello', 'latin1', 'base64url') + c.final('base64url'));
c = crypto.createCipheriv('aes-128-cbc', key, iv);
console.log(c.update(Buffer.from('68656c6c6f', 'hex')).length, c.final('latin1').length);
c = crypto.createCipheriv('aes-128-ctr', key, iv);
console.log(c.update('616263', 'hex', 'hex'), JSON.stringify(c.final('hex')));

// No padding: whole blocks only.
c = crypto.createCipheriv('aes-128-ecb', key, null);
console.log(c.setAutoPadding(false) === c);
console.log(c.update(Buffer.alloc(32)).toString('hex'), c.final().length);
const d = crypto.createDecipheriv('aes-128-cbc', key, iv);
d.setAutoPadding(false);
console.log(d.update(Buffer.alloc(16)).toString('hex'), d.final().length);

// GCM: AAD, tag lengths, non-96-bit IVs.
for (const [ivLen, tagLen] of [[12, 16], [8, 4], [16, 12], [1, 8], [60, 13]]) {
  const gk = Buffer.alloc(32, 5);
  const giv = Buffer.alloc(ivLen, 6);
  const g = crypto.createCipheriv('aes-256-gcm', gk, giv, { authTagLength: tagLen });
  g.setAAD(Buffer.from('aad'));
  g.setAAD('more');
  const ct = Buffer.concat([g.update('secret message'), g.final()]);
  const tag = g.getAuthTag();
  console.log(ivLen, tagLen, ct.toString('hex'), tag.toString('hex'));
  const gd = crypto.createDecipheriv('aes-256-gcm', gk, giv, { authTagLength: tagLen });
  gd.setAAD(Buffer.from('aadmore'));
  gd.setAuthTag(tag);
  console.log(' ', gd.update(ct, undefined, 'utf8') + gd.final('utf8'));
}

// As streams.
const s = crypto.createCipheriv('aes-128-cbc', key, iv);
const chunks = [];
s.on('data', (chunk) => chunks.push(chunk));
s.on('end', () => {
  const all = Buffer.concat(chunks);
  console.log('stream', all.toString('hex'));
  const back = crypto.createDecipheriv('aes-128-cbc', key, iv);
  let text = '';
  back.setEncoding('utf8');
  back.on('data', (t) => { text += t; });
  back.on('end', () => console.log('stream back', text));
  back.write(all.subarray(0, 5));
  back.end(all.subarray(5));
});
s.write('streamed ');
s.end('text');

console.log(crypto.createCipheriv('aes-128-cbc', key, iv) instanceof require('stream').Transform);
console.log(crypto.Cipheriv('aes-128-cbc', key, iv) instanceof crypto.Cipheriv);
console.log(typeof crypto.Cipheriv.prototype.getAuthTag, typeof crypto.Cipheriv.prototype.setAuthTag);
console.log(typeof crypto.Decipheriv.prototype.getAuthTag, typeof crypto.Decipheriv.prototype.setAuthTag);
console.log(Object.keys(crypto.createCipheriv('aes-128-cbc', key, iv)));
