// jsonwebtoken (HS256, RS256, ES256, EdDSA via jose) under nrt: tokens signed with fixed
// keys and a fixed iat verify, decode, and fail when tampered; jose's JWE (A256GCM).
const jwt = require('jsonwebtoken');
const crypto = require('crypto');

const payload = { sub: 'user-1', role: 'admin', iat: 1700000000 };
const hs = jwt.sign(payload, 'shared secret', { algorithm: 'HS256', noTimestamp: false });
console.log('HS256', hs);
console.log(' verify', JSON.stringify(jwt.verify(hs, 'shared secret')));
try {
  jwt.verify(hs, 'other secret');
} catch (e) {
  console.log(' wrong secret', e.name, e.message);
}

const rsa = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
const rs = jwt.sign(payload, rsa.privateKey.export({ type: 'pkcs8', format: 'pem' }), { algorithm: 'RS256' });
console.log('RS256 header', JSON.stringify(jwt.decode(rs, { complete: true }).header));
console.log(' verify', JSON.stringify(jwt.verify(rs, rsa.publicKey.export({ type: 'spki', format: 'pem' }))));
console.log(' verify KeyObject', jwt.verify(rs, rsa.publicKey, { algorithms: ['RS256'] }).sub);
const ps = jwt.sign(payload, rsa.privateKey, { algorithm: 'PS256' });
console.log('PS256 verify', jwt.verify(ps, rsa.publicKey).role);

const ec = crypto.generateKeyPairSync('ec', { namedCurve: 'P-256' });
const es = jwt.sign(payload, ec.privateKey, { algorithm: 'ES256' });
console.log('ES256 signature bytes', Buffer.from(es.split('.')[2], 'base64url').length);
console.log(' verify', jwt.verify(es, ec.publicKey).sub);
const tampered = es.slice(0, -4) + (es.slice(-4) === 'AAAA' ? 'BBBB' : 'AAAA');
try {
  jwt.verify(tampered, ec.publicKey);
} catch (e) {
  console.log(' tampered', e.name, e.message);
}
try {
  jwt.verify(jwt.sign({ ...payload, exp: 1 }, 'k'), 'k');
} catch (e) {
  console.log(' expired', e.name, e.message);
}

(async () => {
  const jose = await import('jose');
  const ed = crypto.generateKeyPairSync('ed25519');
  const token = await new jose.SignJWT(payload).setProtectedHeader({ alg: 'EdDSA' }).sign(ed.privateKey);
  const { payload: back, protectedHeader } = await jose.jwtVerify(token, ed.publicKey);
  console.log('jose EdDSA', protectedHeader.alg, back.sub);
  const secret = crypto.createSecretKey(Buffer.alloc(32, 7));
  const jwe = await new jose.CompactEncrypt(Buffer.from('hello jwe'))
    .setProtectedHeader({ alg: 'dir', enc: 'A256GCM' }).encrypt(secret);
  const { plaintext } = await jose.compactDecrypt(jwe, secret);
  console.log('jose A256GCM', Buffer.from(plaintext).toString());
  const jwk = await jose.exportJWK(ec.publicKey);
  console.log('jose jwk', jwk.kty, jwk.crv, Object.keys(jwk).sort().join(','));
  const imported = await jose.importJWK(jwk, 'ES256');
  console.log('jose importJWK verify', (await jose.jwtVerify(es, imported)).payload.role);
})().catch((e) => console.log('jose failed', e.name, e.code, e.message));
