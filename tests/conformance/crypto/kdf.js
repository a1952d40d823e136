// pbkdf2 / scrypt / hkdf known vectors, sync and callback forms, and their argument errors.
const crypto = require('crypto');
function t(label, f) {
  try {
    const v = f();
    console.log(label, Buffer.isBuffer(v) ? v.toString('hex') : v);
  } catch (e) {
    console.log(label, e.name, e.code, e.message);
  }
}
// RFC 6070 vectors and a few digests.
t('pbkdf2 1', () => crypto.pbkdf2Sync('password', 'salt', 1, 20, 'sha1'));
t('pbkdf2 4096', () => crypto.pbkdf2Sync('password', 'salt', 4096, 20, 'sha1'));
t('pbkdf2 long', () => crypto.pbkdf2Sync('passwordPASSWORDpassword', 'saltSALTsaltSALTsaltSALTsaltSALTsalt', 4096, 25, 'sha1'));
t('pbkdf2 sha256', () => crypto.pbkdf2Sync('p', 's', 1, 8, 'sha256'));
t('pbkdf2 sha512', () => crypto.pbkdf2Sync(Buffer.from('p'), new Uint8Array([115]), 2, 70, 'sha512'));
t('pbkdf2 0 len', () => crypto.pbkdf2Sync('p', 's', 1, 0, 'md5').length);
t('pbkdf2 iter 0', () => crypto.pbkdf2Sync('p', 's', 0, 8, 'sha256'));
t('pbkdf2 keylen -1', () => crypto.pbkdf2Sync('p', 's', 1, -1, 'sha256'));
t('pbkdf2 no digest', () => crypto.pbkdf2Sync('p', 's', 1, 8));
t('pbkdf2 bad digest', () => crypto.pbkdf2Sync('p', 's', 1, 8, 'nope'));
t('pbkdf2 password', () => crypto.pbkdf2Sync(1, 's', 1, 8, 'sha1'));
t('pbkdf2 salt', () => crypto.pbkdf2Sync('p', 1, 1, 8, 'sha1'));
t('pbkdf2 iter str', () => crypto.pbkdf2Sync('p', 's', '1', 8, 'sha1'));
t('pbkdf2 iter frac', () => crypto.pbkdf2Sync('p', 's', 1.5, 8, 'sha1'));
t('pbkdf2 digest num', () => crypto.pbkdf2Sync('p', 's', 1, 8, 5));
t('pbkdf2 no cb', () => crypto.pbkdf2('p', 's', 1, 8, 'sha1'));
t('pbkdf2 cb bad digest', () => crypto.pbkdf2('p', 's', 1, 8, 'nope', () => {}));
// scrypt: RFC 7914 vectors.
t('scrypt rfc1', () => crypto.scryptSync('', '', 64, { N: 16, r: 1, p: 1 }));
t('scrypt rfc2', () => crypto.scryptSync('password', 'NaCl', 64, { cost: 1024, blockSize: 8, parallelization: 16 }));
t('scrypt default', () => crypto.scryptSync('p', 's', 16));
t('scrypt options num', () => crypto.scryptSync('p', 's', 16, 5));
t('scrypt options null', () => crypto.scryptSync('p', 's', 16, null));
t('scrypt N 3', () => crypto.scryptSync('p', 's', 16, { N: 3 }));
t('scrypt N and cost', () => crypto.scryptSync('p', 's', 16, { N: 16, cost: 16 }));
t('scrypt mem', () => crypto.scryptSync('p', 's', 16, { N: 2 ** 20 }));
t('scrypt maxmem ok', () => crypto.scryptSync('p', 's', 8, { N: 2 ** 15, maxmem: 64 * 1024 * 1024 }).length);
t('scrypt keylen', () => crypto.scryptSync('p', 's', -1));
t('scrypt N str', () => crypto.scryptSync('p', 's', 16, { N: 'x' }));
t('scrypt maxmem', () => crypto.scryptSync('p', 's', 16, { maxmem: -1 }));
t('scrypt r frac', () => crypto.scryptSync('p', 's', 16, { r: 1.5 }));
t('scrypt no cb', () => crypto.scrypt('p', 's', 16, { N: 16 }));
t('scrypt cb mem', () => crypto.scrypt('p', 's', 16, { N: 2 ** 20 }, () => {}));
// hkdf returns ArrayBuffers.
const hex = (ab) => Buffer.from(ab).toString('hex');
t('hkdf', () => hex(crypto.hkdfSync('sha256', 'key', 'salt', 'info', 16)));
t('hkdf type', () => crypto.hkdfSync('sha256', 'key', 'salt', 'info', 4) instanceof ArrayBuffer);
t('hkdf sha512 buf', () => hex(crypto.hkdfSync('sha512', Buffer.from('key'), new Uint8Array(0), '', 70)));
t('hkdf empty ikm', () => hex(crypto.hkdfSync('sha256', '', 'salt', 'info', 16)));
t('hkdf keylen', () => crypto.hkdfSync('sha256', 'key', 'salt', 'info', 255 * 32 + 1));
t('hkdf digest', () => crypto.hkdfSync('nope', 'key', 'salt', 'info', 16));
t('hkdf ikm', () => crypto.hkdfSync('sha256', 1, 'salt', 'info', 16));
t('hkdf info', () => crypto.hkdfSync('sha256', 'key', 'salt', 'x'.repeat(1025), 16));
t('hkdf salt', () => crypto.hkdfSync('sha256', 'key', 1, 'info', 16));
t('hkdf length', () => crypto.hkdfSync('sha256', 'key', 'salt', 'info', 'x'));
// Callback forms, chained so that the order is deterministic (node's pool runs jobs in parallel).
crypto.pbkdf2('password', 'salt', 1, 20, 'sha1', (err, key) => {
  console.log('pbkdf2 cb', err, key.toString('hex'));
  crypto.scrypt('', '', 16, { N: 16, r: 1, p: 1 }, (err, key) => {
    console.log('scrypt cb', err, key.toString('hex'));
    crypto.scrypt('p', 's', 8, (err, key) => {
      console.log('scrypt cb defaults', err, key.length);
      crypto.hkdf('sha256', 'key', 'salt', 'info', 4, (err, key) => {
        console.log('hkdf cb', err, key instanceof ArrayBuffer, hex(key));
      });
    });
  });
});
t('pbkdf2 cb no digest', () => crypto.pbkdf2('password', 'salt', 1, 20, () => {}));
console.log('sync done');
