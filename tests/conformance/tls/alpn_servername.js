// ALPN negotiation and SNI, seen from both ends.
const tls = require('tls');
const fs = require('fs');
const path = require('path');
const dir = path.join(__dirname, '../../fixtures/tls');
const read = (f) => fs.readFileSync(path.join(dir, f));

function attempt(name, options) {
  return new Promise((resolve) => {
    const server = tls.createServer({
      cert: read('server.pem'),
      key: read('server-key.pem'),
      ALPNProtocols: ['h2', 'http/1.1'],
    }, (s) => {
      console.log(name, 'server alpn', s.alpnProtocol, 'servername', s.servername);
      s.end();
    });
    server.listen(0, '127.0.0.1', () => {
      const client = tls.connect({ port: server.address().port, host: '127.0.0.1', ca: read('ca.pem'), ...options }, () => {
        console.log(name, 'client alpn', client.alpnProtocol);
        client.resume();
        client.on('end', () => server.close(resolve));
      });
      client.on('error', (e) => {
        console.log(name, 'error', e.code);
        server.close(resolve);
      });
    });
  });
}

(async () => {
  await attempt('http/1.1 only', { servername: 'localhost', ALPNProtocols: ['x-unknown', 'http/1.1'] });
  await attempt('both', { servername: 'localhost', ALPNProtocols: ['http/1.1', 'h2'] });
  await attempt('none', { servername: 'localhost' });
  const out = {};
  tls.convertALPNProtocols(['h2', 'http/1.1'], out);
  console.log('convertALPNProtocols', out.ALPNProtocols.toString('hex'));
})();
