// Keys made by generateKeyPair(Sync)/generateKey(Sync) work end to end: sign/verify in
// every supported scheme, PEM/DER/JWK round trips, async callbacks.
const crypto = require('crypto');

const msg = Buffer.from('round trip');
const pairs = {
  rsa: crypto.generateKeyPairSync('rsa', { modulusLength: 1024 }),
  rsa3: crypto.generateKeyPairSync('rsa', { modulusLength: 1024, publicExponent: 3 }),
  p256: crypto.generateKeyPairSync('ec', { namedCurve: 'P-256' }),
  p384: crypto.generateKeyPairSync('ec', { namedCurve: 'secp384r1' }),
  ed25519: crypto.generateKeyPairSync('ed25519'),
  x25519: crypto.generateKeyPairSync('x25519'),
};
for (const [name, { publicKey, privateKey }] of Object.entries(pairs)) {
  console.log(name, privateKey.asymmetricKeyType, publicKey.asymmetricKeyDetails);
  const pem = privateKey.export({ type: 'pkcs8', format: 'pem' });
  const der = publicKey.export({ type: 'spki', format: 'der' });
  console.log(' round trips', crypto.createPrivateKey(pem).equals(privateKey),
    crypto.createPublicKey({ key: der, format: 'der', type: 'spki' }).equals(publicKey),
    crypto.createPublicKey(pem).equals(publicKey),
    crypto.createPrivateKey({ key: privateKey.export({ format: 'jwk' }), format: 'jwk' }).equals(privateKey));
  if (name === 'x25519') continue;
  const alg = name === 'ed25519' ? null : name === 'p384' ? 'sha384' : 'sha256';
  const sig = crypto.sign(alg, msg, privateKey);
  console.log(' sign/verify', crypto.verify(alg, msg, publicKey, sig), crypto.verify(alg, Buffer.from('other'), publicKey, sig));
  if (name.startsWith('rsa')) {
    const pss = { key: privateKey, padding: crypto.constants.RSA_PKCS1_PSS_PADDING, saltLength: crypto.constants.RSA_PSS_SALTLEN_DIGEST };
    const s = crypto.sign('sha256', msg, pss);
    console.log(' pss', s.length, crypto.verify('sha256', msg, { ...pss, key: publicKey }, s),
      crypto.verify('sha256', msg, { key: publicKey, padding: 6 }, s));
    const ct = crypto.publicEncrypt(publicKey, Buffer.from('oaep'));
    console.log(' oaep', ct.length, crypto.privateDecrypt(privateKey, ct).toString());
  }
  if (name.startsWith('p')) {
    const s = crypto.sign(alg, msg, { key: privateKey, dsaEncoding: 'ieee-p1363' });
    console.log(' p1363', s.length, crypto.verify(alg, msg, { key: publicKey, dsaEncoding: 'ieee-p1363' }, s));
  }
}

// Each async job starts when the previous one is done (their completion order is not fixed).
crypto.generateKeyPair('ec', {
  namedCurve: 'P-256',
  publicKeyEncoding: { type: 'spki', format: 'pem' },
  privateKeyEncoding: { type: 'sec1', format: 'pem' },
}, (err, publicKey, privateKey) => {
  console.log('async ec', err, publicKey.split('\n')[0], privateKey.split('\n')[0]);
  const sig = crypto.sign('sha256', msg, privateKey);
  console.log('async ec verify', crypto.verify('sha256', msg, publicKey, sig));
  crypto.generateKeyPair('ed25519', (err2, pub, priv) => {
    console.log('async ed25519', err2, pub.type, priv.type);
    crypto.generateKey('hmac', { length: 256 }, (err3, key) => {
      console.log('async hmac key', err3, key.symmetricKeySize);
      crypto.sign('sha256', msg, pairs.p256.privateKey, (err4, sig2) => {
        console.log('sign callback', err4, crypto.verify('sha256', msg, pairs.p256.publicKey, sig2));
        crypto.verify('sha256', msg, pairs.p256.publicKey, sig2, (err5, ok) => console.log('verify callback', err5, ok));
      });
    });
  });
});
console.log('sync done');
