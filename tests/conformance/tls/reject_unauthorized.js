// rejectUnauthorized: node's verify codes and messages, and what a lax client records.
const tls = require('tls');
const fs = require('fs');
const path = require('path');
const dir = path.join(__dirname, '../../fixtures/tls');
const read = (f) => fs.readFileSync(path.join(dir, f));

function attempt(name, cert, key, options) {
  return new Promise((resolve) => {
    const server = tls.createServer({ cert: read(cert), key: read(key) }, (s) => s.end());
    server.on('tlsClientError', () => {});
    server.listen(0, '127.0.0.1', () => {
      const client = tls.connect({ port: server.address().port, host: '127.0.0.1', ...options }, () => {
        console.log(name, 'connected authorized:', client.authorized, 'error:', client.authorizationError);
        client.resume();
        client.on('end', () => server.close(resolve));
      });
      client.on('error', (e) => {
        console.log(name, 'error', e.name, e.code, e.message);
        if (e.reason) console.log(name, 'reason', e.reason, 'host', e.host, 'cert CN', e.cert.subject.CN);
        server.close(resolve);
      });
    });
  });
}

(async () => {
  await attempt('no ca', 'server.pem', 'server-key.pem', { servername: 'localhost' });
  await attempt('self-signed', 'self-signed.pem', 'self-signed-key.pem', { servername: 'localhost' });
  await attempt('chain with root', 'server-chain.pem', 'server-key.pem', { servername: 'localhost' });
  await attempt('expired', 'expired.pem', 'expired-key.pem', { servername: 'localhost', ca: read('ca.pem') });
  await attempt('wrong host', 'server.pem', 'server-key.pem', { servername: 'foo.test', ca: read('ca.pem') });
  await attempt('ip host', 'server.pem', 'server-key.pem', { ca: read('ca.pem') });
  await attempt('self-signed as ca', 'self-signed.pem', 'self-signed-key.pem', { servername: 'localhost', ca: read('self-signed.pem') });
  await attempt('lax self-signed', 'self-signed.pem', 'self-signed-key.pem', { servername: 'localhost', rejectUnauthorized: false });
  await attempt('lax wrong host', 'server.pem', 'server-key.pem', { servername: 'foo.test', ca: read('ca.pem'), rejectUnauthorized: false });
  await attempt('custom identity check', 'server.pem', 'server-key.pem', {
    servername: 'foo.test',
    ca: read('ca.pem'),
    checkServerIdentity(host, cert) {
      console.log('checkServerIdentity called with', host, cert.subject.CN);
      return undefined;
    },
  });
})();
