// createECDH / ECDH: key generation, point formats, secrets agreeing both ways and with
// diffieHellman, a node-made key pair, convertKey, and node's errors.
const crypto = require('crypto');

function t(label, f) {
  try {
    console.log(label, 'ok', f());
  } catch (e) {
    console.log(label, e.name, e.code, e.message);
  }
}
// A P-256 private key and a peer public key from node (data).
const priv = 'c9afa9d845ba75166b5c215767b1d6934e50c3db36e89b127b8a622b120f6721';
const peer = '0460fed4ba255a9d31c961eb74c6356d68c049b8923b61fa6ce669622e60f29fb67903fe1008b8bc99a41ae9e95628bc64f2f1b20c2d7e9f5177a3c294d4462299';

t('bad curve', () => crypto.createECDH('nope'));
t('curve type', () => crypto.createECDH(5));
const a = crypto.createECDH('prime256v1');
t('public before keys', () => a.getPublicKey());
t('private before keys', () => a.getPrivateKey());
t('generateKeys', () => a.generateKeys().length);
t('generateKeys hex', () => typeof a.generateKeys('hex'));
t('generateKeys compressed', () => a.generateKeys('hex', 'compressed').length);
t('public', () => [a.getPublicKey().length, a.getPublicKey(null, 'compressed').length, a.getPublicKey('hex', 'hybrid').length]);
t('bad format', () => a.getPublicKey('hex', 'nope'));
t('private length', () => a.getPrivateKey().length);
const b = crypto.createECDH('prime256v1');
b.generateKeys();
t('secret agrees', () => a.computeSecret(b.getPublicKey()).equals(b.computeSecret(a.getPublicKey('hex', 'compressed'), 'hex')));
t('secret hybrid', () => a.computeSecret(b.getPublicKey(null, 'hybrid')).equals(b.computeSecret(a.getPublicKey())));
t('secret base64', () => typeof a.computeSecret(b.getPublicKey(), null, 'base64'));
t('bad point', () => a.computeSecret(Buffer.alloc(65)));
t('short point', () => a.computeSecret(Buffer.alloc(3)));

const k = crypto.createECDH('prime256v1');
k.setPrivateKey(priv, 'hex');
t('set private', () => k.getPublicKey('hex'));
t('set private compressed', () => k.getPublicKey('base64', 'compressed'));
t('known secret', () => k.computeSecret(peer, 'hex', 'hex'));
t('zero private', () => crypto.createECDH('prime256v1').setPrivateKey(Buffer.alloc(32)));
t('private type', () => crypto.createECDH('prime256v1').setPrivateKey(5));
t('convertKey', () => crypto.ECDH.convertKey(peer, 'prime256v1', 'hex', 'hex', 'compressed'));
t('convertKey back', () => crypto.ECDH.convertKey(crypto.ECDH.convertKey(peer, 'prime256v1', 'hex', 'hex', 'compressed'), 'prime256v1', 'hex', 'hex') === peer);
t('convertKey bad', () => crypto.ECDH.convertKey(Buffer.alloc(3), 'prime256v1'));
t('convertKey curve', () => crypto.ECDH.convertKey(peer, 'nope', 'hex'));
t('secp384r1', () => {
  const x = crypto.createECDH('secp384r1');
  const y = crypto.createECDH('secp384r1');
  return [x.generateKeys().length, y.generateKeys(null, 'compressed').length, x.computeSecret(y.getPublicKey()).equals(y.computeSecret(x.getPublicKey()))];
});
t('x25519', () => crypto.createECDH('x25519'));
t('instance', () => [a instanceof crypto.ECDH, Object.keys(a)]);
