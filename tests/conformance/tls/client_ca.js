// A TLS client and server in one process: the client trusts the fixture CA.
const tls = require('tls');
const fs = require('fs');
const path = require('path');
const dir = path.join(__dirname, '../../fixtures/tls');
const read = (f) => fs.readFileSync(path.join(dir, f));

const server = tls.createServer({ cert: read('server.pem'), key: read('server-key.pem') }, (socket) => {
  console.log('server: secureConnection', socket.encrypted, socket.authorized, socket.getProtocol());
  socket.on('data', (d) => socket.end(`echo:${d}`));
});
server.listen(0, '127.0.0.1', () => {
  const client = tls.connect({ port: server.address().port, host: '127.0.0.1', servername: 'localhost', ca: read('ca.pem') }, () => {
    console.log('client: secureConnect', client.encrypted, client.authorized, client.authorizationError);
    console.log('protocol', client.getProtocol(), 'alpn', client.alpnProtocol);
    const cipher = client.getCipher();
    console.log('cipher', cipher.name, cipher.standardName, cipher.version);
    const cert = client.getPeerCertificate();
    console.log('subject', JSON.stringify(cert.subject));
    console.log('issuer', JSON.stringify(cert.issuer));
    console.log('subjectaltname', cert.subjectaltname);
    console.log('valid_to in 2126', cert.valid_to.endsWith(' 2126 GMT'), 'ca', cert.ca);
    console.log('serial', /^[0-9A-F]+$/.test(cert.serialNumber));
    console.log('fingerprint256', cert.fingerprint256.split(':').length, 'fingerprint', cert.fingerprint.split(':').length);
    console.log('raw', Buffer.isBuffer(cert.raw), cert.raw[0] === 0x30);
    const detailed = client.getPeerCertificate(true);
    console.log('issuerCertificate', detailed.issuerCertificate !== undefined);
    client.write('ping');
  });
  let got = '';
  client.setEncoding('utf8');
  client.on('data', (d) => { got += d; });
  client.on('end', () => {
    console.log('client got', got);
    server.close(() => console.log('server closed'));
  });
  client.on('close', () => console.log('client close'));
});
