// KeyObject, sign/verify, diffieHellman, generateKeyPair and RSA encryption argument and
// state errors: class, code and message as node's.
const crypto = require('crypto');

function t(label, f) {
  try {
    const r = f();
    console.log(label, 'ok', r);
  } catch (e) {
    console.log(label, e.name, e.code, e.message);
  }
}
const ed = crypto.generateKeyPairSync('ed25519');
const ec = crypto.generateKeyPairSync('ec', { namedCurve: 'P-256' });
const secret = crypto.createSecretKey(Buffer.from('abc'));
const msg = Buffer.from('x');

t('public of public', () => crypto.createPublicKey(ed.publicKey).type);
t('private of KeyObject', () => crypto.createPrivateKey(ed.privateKey));
t('public of number', () => crypto.createPublicKey(5));
t('private of number', () => crypto.createPrivateKey(5));
t('secret of KeyObject', () => crypto.createSecretKey(ed.privateKey));
t('secret of number', () => crypto.createSecretKey(5));
t('garbage pem', () => crypto.createPrivateKey('garbage'));
t('garbage public pem', () => crypto.createPublicKey('garbage'));
t('empty private pem', () => crypto.createPrivateKey('-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n'));
t('empty public pem', () => crypto.createPublicKey('-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n'));
t('public pem as private', () => crypto.createPrivateKey(ec.publicKey.export({ type: 'spki', format: 'pem' })));
t('jwk not object', () => crypto.createPrivateKey({ key: 'x', format: 'jwk' }));
t('jwk no crv', () => crypto.createPrivateKey({ key: { kty: 'EC' }, format: 'jwk' }));
t('jwk bad kty', () => crypto.createPublicKey({ key: { kty: 'XYZ' }, format: 'jwk' }));
t('der no type', () => crypto.createPrivateKey({ key: Buffer.alloc(3), format: 'der' }));
t('der garbage', () => crypto.createPrivateKey({ key: Buffer.alloc(3), format: 'der', type: 'pkcs8' }));
t('public der garbage', () => crypto.createPublicKey({ key: Buffer.alloc(3), format: 'der', type: 'spki' }));
t('bad format', () => crypto.createPrivateKey({ key: 'x', format: 'xml' }));
t('secret hex', () => crypto.createSecretKey('abcd', 'hex').export());
t('secret size', () => [secret.type, secret.symmetricKeySize, secret.asymmetricKeyType]);
t('secret jwk', () => secret.export({ format: 'jwk' }));
t('secret pem', () => secret.export({ format: 'pem' }));
t('secret equals', () => [secret.equals(crypto.createSecretKey(Buffer.from('abc'))), secret.equals(crypto.createSecretKey(Buffer.from('abd')))]);
t('equals number', () => secret.equals(5));
t('KeyObject ctor', () => new crypto.KeyObject('secret', {}));
t('KeyObject.from', () => crypto.KeyObject.from(5));
t('instanceof', () => [ed.privateKey instanceof crypto.KeyObject, require('util').types.isKeyObject(secret)]);
t('export no options', () => ec.privateKey.export());
t('export no type', () => ec.privateKey.export({ format: 'pem' }));
t('export bad format', () => ec.privateKey.export({ type: 'pkcs8', format: 'xml' }));
t('export bad type', () => ec.privateKey.export({ type: 'pkcs9', format: 'pem' }));
t('export pkcs1 of ec', () => ec.privateKey.export({ type: 'pkcs1', format: 'pem' }));
t('export sec1 of ed', () => ed.privateKey.export({ type: 'sec1', format: 'pem' }));
t('export public pkcs8', () => ec.publicKey.export({ type: 'pkcs8', format: 'pem' }));
t('export cipher no passphrase', () => ec.privateKey.export({ type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc' }));
t('encrypted round trip', () => {
  const pem = ec.privateKey.export({ type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase: 'pw' });
  return [pem.split('\n')[0], crypto.createPrivateKey({ key: pem, passphrase: 'pw' }).equals(ec.privateKey)];
});
t('encrypted no passphrase', () => crypto.createPrivateKey(ec.privateKey.export({ type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase: 'pw' })));
t('encrypted wrong passphrase', () => crypto.createPrivateKey({ key: ec.privateKey.export({ type: 'pkcs8', format: 'der', cipher: 'aes-128-cbc', passphrase: 'pw' }), format: 'der', type: 'pkcs8', passphrase: 'no' }));

t('sign ed25519 with digest', () => crypto.sign('sha256', msg, ed.privateKey));
t('createSign with ed25519', () => crypto.createSign('sha256').update('x').sign(ed.privateKey));
t('sign bad digest', () => crypto.sign('nope', msg, ec.privateKey));
t('createSign bad digest', () => crypto.createSign('nope'));
t('sign with public', () => crypto.sign('sha256', msg, ec.publicKey));
t('sign with secret', () => crypto.sign('sha256', msg, secret));
t('verify with private', () => crypto.verify('sha256', msg, ec.privateKey, crypto.sign('sha256', msg, ec.privateKey)));
t('sign data type', () => crypto.sign('sha256', 5, ec.privateKey));
t('sign key type', () => crypto.sign('sha256', msg, 5));
t('verify signature type', () => crypto.verify('sha256', msg, ec.publicKey, 5));
t('bad dsaEncoding', () => crypto.sign('sha256', msg, { key: ec.privateKey, dsaEncoding: 'x' }));
t('bad padding', () => crypto.sign('sha256', msg, { key: ec.privateKey, padding: 'x' }));
t('sign twice', () => {
  const s = crypto.createSign('sha256');
  s.update('x');
  s.sign(ec.privateKey);
  return s.sign(ec.privateKey);
});
t('verify twice', () => {
  const v = crypto.createVerify('sha256');
  v.update('x');
  v.verify(ec.publicKey, Buffer.alloc(3));
  return v.verify(ec.publicKey, Buffer.alloc(3));
});
t('verify junk', () => crypto.verify('sha256', msg, ec.publicKey, Buffer.alloc(64)));
t('Sign is Writable', () => crypto.createSign('sha256') instanceof require('stream').Writable);

t('dh mixed', () => crypto.diffieHellman({ privateKey: ec.privateKey, publicKey: ed.publicKey }));
t('dh public as private', () => crypto.diffieHellman({ privateKey: ec.publicKey, publicKey: ec.publicKey }));
t('dh ed25519', () => crypto.diffieHellman({ privateKey: ed.privateKey, publicKey: ed.publicKey }));
t('dh x25519', () => {
  const a = crypto.generateKeyPairSync('x25519');
  const b = crypto.generateKeyPairSync('x25519');
  return crypto.diffieHellman({ privateKey: a.privateKey, publicKey: b.publicKey }).equals(
    crypto.diffieHellman({ privateKey: b.privateKey, publicKey: a.publicKey }));
});
t('dh ec', () => {
  const b = crypto.generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
  return crypto.diffieHellman({ privateKey: ec.privateKey, publicKey: b.publicKey }).length;
});

t('gen bad type', () => crypto.generateKeyPairSync('dsa2'));
t('gen ec no options', () => crypto.generateKeyPairSync('ec'));
t('gen ec bad curve', () => crypto.generateKeyPairSync('ec', { namedCurve: 'P-999' }));
t('gen rsa no length', () => crypto.generateKeyPairSync('rsa', {}));
t('gen encodings', () => {
  const r = crypto.generateKeyPairSync('ed25519', {
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs8', format: 'der' },
  });
  return [Object.keys(r), typeof r.publicKey, Buffer.isBuffer(r.privateKey), r.privateKey.length];
});
t('gen jwk', () => Object.keys(crypto.generateKeyPairSync('ed25519', { publicKeyEncoding: { format: 'jwk' } }).publicKey));
t('gen bad encoding', () => crypto.generateKeyPairSync('ed25519', { publicKeyEncoding: { format: 'pem', type: 'pkcs8' } }));
t('genkey hmac', () => crypto.generateKeySync('hmac', { length: 64 }).symmetricKeySize);
t('genkey aes', () => crypto.generateKeySync('aes', { length: 128 }).symmetricKeySize);
t('genkey aes bad', () => crypto.generateKeySync('aes', { length: 100 }));
t('genkey hmac bad', () => crypto.generateKeySync('hmac', { length: 7 }));
t('genkey bad type', () => crypto.generateKeySync('des', { length: 7 }));

t('privateDecrypt pkcs1', () => {
  const r = crypto.generateKeyPairSync('rsa', { modulusLength: 1024 });
  return crypto.privateDecrypt({ key: r.privateKey, padding: 1 }, crypto.publicEncrypt({ key: r.publicKey, padding: 1 }, Buffer.from('hi')));
});
t('secret key for cipher', () => {
  const c = crypto.createCipheriv('aes-128-ecb', crypto.createSecretKey(Buffer.alloc(16)), null);
  return c.update('x', 'utf8', 'hex') + c.final('hex');
});
t('private key for cipher', () => crypto.createCipheriv('aes-128-ecb', ec.privateKey, null));
t('secret key for hmac', () => crypto.createHmac('sha256', crypto.createSecretKey(Buffer.from('k'))).update('x').digest('hex'));
t('private key for hmac', () => crypto.createHmac('sha256', ed.privateKey));
