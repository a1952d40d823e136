// Cipher argument and state errors: class, code and message as node's.
const crypto = require('crypto');

function t(label, f) {
  try {
    const r = f();
    console.log(label, 'ok', r);
  } catch (e) {
    console.log(label, e.name, e.code, e.message, JSON.stringify(Object.keys(e)), e.library, e.reason);
  }
}
const k = Buffer.alloc(16, 1);
const iv = Buffer.alloc(16, 2);
const iv12 = Buffer.alloc(12, 3);

t('short key', () => crypto.createCipheriv('aes-128-cbc', Buffer.alloc(15), iv));
t('long key', () => crypto.createCipheriv('aes-256-gcm', Buffer.alloc(16), iv12));
t('short iv', () => crypto.createCipheriv('aes-128-cbc', k, Buffer.alloc(15)));
t('null iv', () => crypto.createCipheriv('aes-128-cbc', k, null));
t('ecb iv', () => crypto.createCipheriv('aes-128-ecb', k, iv));
t('ecb null', () => typeof crypto.createCipheriv('aes-128-ecb', k, null));
t('gcm iv 0', () => crypto.createCipheriv('aes-128-gcm', k, Buffer.alloc(0)));
t('gcm iv 129', () => crypto.createCipheriv('aes-128-gcm', k, Buffer.alloc(129)));
t('chacha iv', () => crypto.createCipheriv('chacha20-poly1305', Buffer.alloc(32), Buffer.alloc(8)));
t('unknown', () => crypto.createCipheriv('aes-128-xyz', k, iv));
t('info of unbuilt', () => crypto.getCipherInfo('aes-128-xyz'));
t('cipher type', () => crypto.createCipheriv(5, k, iv));
t('key type', () => crypto.createCipheriv('aes-128-cbc', 5, iv));
t('iv type', () => crypto.createCipheriv('aes-128-cbc', k, 5));
t('tag len 3', () => crypto.createCipheriv('aes-128-gcm', k, iv12, { authTagLength: 3 }));
t('tag len x', () => crypto.createCipheriv('aes-128-gcm', k, iv12, { authTagLength: 'x' }));
t('chacha tag 17', () => crypto.createDecipheriv('chacha20-poly1305', Buffer.alloc(32), iv12, { authTagLength: 17 }));

t('bad decrypt', () => {
  const d = crypto.createDecipheriv('aes-128-cbc', k, iv);
  d.update(Buffer.alloc(16));
  return d.final();
});
t('final block length', () => {
  const d = crypto.createDecipheriv('aes-128-cbc', k, iv);
  d.update(Buffer.alloc(15));
  return d.final();
});
t('no padding partial', () => {
  const c = crypto.createCipheriv('aes-128-ecb', k, null);
  c.setAutoPadding(false);
  c.update('abc');
  return c.final();
});
t('final twice', () => {
  const c = crypto.createCipheriv('aes-128-cbc', k, iv);
  c.final();
  return c.final();
});
t('update after final', () => {
  const c = crypto.createCipheriv('aes-128-cbc', k, iv);
  c.final();
  return c.update('x');
});
t('padding after final', () => {
  const c = crypto.createCipheriv('aes-128-cbc', k, iv);
  c.final();
  return c.setAutoPadding(false);
});
t('aad on cbc', () => crypto.createCipheriv('aes-128-cbc', k, iv).setAAD(Buffer.alloc(1)));
t('aad after data', () => {
  const c = crypto.createCipheriv('aes-128-gcm', k, iv12);
  c.update('x');
  return c.setAAD(Buffer.alloc(1));
});
t('aad type', () => crypto.createCipheriv('aes-128-gcm', k, iv12).setAAD(5));
t('tag before final', () => crypto.createCipheriv('aes-128-gcm', k, iv12).getAuthTag());
t('tag on cbc', () => {
  const c = crypto.createCipheriv('aes-128-cbc', k, iv);
  c.final();
  return c.getAuthTag();
});
t('set tag 3', () => crypto.createDecipheriv('aes-128-gcm', k, iv12).setAuthTag(Buffer.alloc(3)));
t('set tag 10', () => crypto.createDecipheriv('aes-128-gcm', k, iv12).setAuthTag(Buffer.alloc(10)));
t('set tag mismatch', () => crypto.createDecipheriv('aes-128-gcm', k, iv12, { authTagLength: 8 }).setAuthTag(Buffer.alloc(16)));
t('set tag twice', () => {
  const d = crypto.createDecipheriv('aes-128-gcm', k, iv12);
  d.setAuthTag(Buffer.alloc(16));
  return d.setAuthTag(Buffer.alloc(16));
});
t('chacha tag 8', () => crypto.createDecipheriv('chacha20-poly1305', Buffer.alloc(32), iv12).setAuthTag(Buffer.alloc(8)));
t('no tag', () => {
  const d = crypto.createDecipheriv('aes-128-gcm', k, iv12);
  d.update(Buffer.alloc(4));
  return d.final();
});
t('wrong tag', () => {
  const d = crypto.createDecipheriv('aes-128-gcm', k, iv12);
  d.setAuthTag(Buffer.alloc(16));
  return d.final();
});
t('hex odd', () => crypto.createCipheriv('aes-128-cbc', k, iv).update('abc', 'hex'));
t('data type', () => crypto.createCipheriv('aes-128-cbc', k, iv).update(5));
t('out enc', () => crypto.createCipheriv('aes-128-ctr', k, iv).update('abc', 'utf8', 'bogus'));
t('info type', () => crypto.getCipherInfo(null));
t('info options', () => crypto.getCipherInfo('aes-128-cbc', 5));
t('info keyLength', () => crypto.getCipherInfo('aes-128-cbc', { keyLength: 'a' }));
t('setAuthTag on cipher', () => typeof crypto.createCipheriv('aes-128-gcm', k, iv12).setAuthTag);

// A stream that fails in final emits 'error'.
const d = crypto.createDecipheriv('aes-128-cbc', k, iv);
d.on('error', (e) => console.log('stream error', e.code, e.message));
d.on('data', () => {});
d.end(Buffer.alloc(16));
