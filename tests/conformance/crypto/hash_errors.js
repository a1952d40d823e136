// createHash / update / digest / copy errors: class, code and message.
const crypto = require('crypto');
function t(label, f) {
  try {
    f();
    console.log(label, 'no error');
  } catch (e) {
    console.log(label, e.name, e.code, e.message);
  }
}
t('unknown', () => crypto.createHash('nope'));
t('number', () => crypto.createHash(1));
t('missing', () => crypto.createHash());
t('data number', () => crypto.createHash('md5').update(1));
t('data undefined', () => crypto.createHash('md5').update());
t('data null', () => crypto.createHash('md5').update(null));
t('data ArrayBuffer', () => crypto.createHash('md5').update(new ArrayBuffer(2)));
t('data object', () => crypto.createHash('md5').update({}));
t('outputLength type', () => crypto.createHash('sha256', { outputLength: 'x' }));
t('outputLength non-XOF', () => crypto.createHash('sha256', { outputLength: 5 }));
const h = crypto.createHash('sha1');
h.digest();
t('update after digest', () => h.update('a'));
t('digest twice', () => h.digest());
t('copy after digest', () => h.copy());
t('hmac unknown', () => crypto.createHmac('nope', 'k'));
t('hmac no key', () => crypto.createHmac('sha1'));
t('hmac key number', () => crypto.createHmac('sha1', 5));
t('hmac alg number', () => crypto.createHmac(5, 'k'));
const m = crypto.createHmac('sha256', 'k');
m.digest();
t('hmac update after digest', () => m.update('x'));
console.log('hmac second digest', JSON.stringify(m.digest('hex')), m.digest().length);
t('hash input', () => crypto.hash('md5', 1));
t('hash encoding', () => crypto.hash('md5', 'x', 'bogus'));
t('hash alg', () => crypto.hash(1, 'x'));
t('hash unknown', () => crypto.hash('nope', 'x'));
