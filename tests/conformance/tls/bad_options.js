// Bad options: error class, code and message; module constants.
const tls = require('tls');
const fs = require('fs');
const path = require('path');
const dir = path.join(__dirname, '../../fixtures/tls');
const read = (f) => fs.readFileSync(path.join(dir, f));

function t(name, f) {
  try {
    const r = f();
    console.log(name, 'ok', typeof r);
  } catch (e) {
    console.log(name, e.name, e.code, e.message);
  }
}

t('minVersion', () => tls.connect({ port: 1, minVersion: 'TLSv9' }));
t('maxVersion', () => tls.connect({ port: 1, maxVersion: 'x' }));
t('minVersion number', () => tls.connect({ port: 1, minVersion: 3 }));
t('cert no PEM', () => tls.createSecureContext({ cert: 'nope' }));
t('key no PEM', () => tls.createSecureContext({ key: 'nope' }));
t('cert type', () => tls.createSecureContext({ cert: 5 }));
t('ca type', () => tls.createSecureContext({ ca: 5 }));
t('good context', () => tls.createSecureContext({ cert: read('server.pem'), key: read('server-key.pem') }));
t('createServer number', () => tls.createServer(5));

console.log(tls.DEFAULT_MIN_VERSION, tls.DEFAULT_MAX_VERSION, tls.DEFAULT_ECDH_CURVE);
console.log('ciphers', tls.getCiphers().includes('tls_aes_256_gcm_sha384'), tls.getCiphers().includes('ecdhe-rsa-aes128-gcm-sha256'));
console.log('roots', Array.isArray(tls.rootCertificates), tls.rootCertificates.length > 100,
  tls.rootCertificates.every((c) => c.startsWith('-----BEGIN CERTIFICATE-----\n') && c.endsWith('-----END CERTIFICATE-----')));

const cert = { subject: { CN: 'localhost' }, subjectaltname: 'DNS:localhost, DNS:*.example.com, IP Address:127.0.0.1' };
for (const host of ['localhost', 'a.example.com', 'example.com', 'a.b.example.com', '127.0.0.1', '10.0.0.1', 'LOCALHOST']) {
  const e = tls.checkServerIdentity(host, cert);
  console.log('identity', host, e === undefined ? 'ok' : `${e.code} ${e.reason}`);
}
const cnOnly = tls.checkServerIdentity('a.b', { subject: { CN: 'x.b' } });
console.log('cn only', cnOnly.message);
console.log('empty', tls.checkServerIdentity('a.b', { subject: {} }).message);
const s = new tls.TLSSocket();
console.log('fresh socket', s.encrypted, s.authorized, s instanceof require('net').Socket);
s.destroy();
