// https client and server in one process with the fixture CA.
const https = require('https');
const fs = require('fs');
const path = require('path');
const dir = path.join(__dirname, '../../fixtures/tls');
const read = (f) => fs.readFileSync(path.join(dir, f));

const server = https.createServer({ cert: read('server.pem'), key: read('server-key.pem') }, (req, res) => {
  let body = '';
  req.setEncoding('utf8');
  req.on('data', (d) => { body += d; });
  req.on('end', () => res.end(`${req.method} ${req.url} ${body}`));
});
server.on('tlsClientError', () => {});

function fetch(options, body) {
  return new Promise((resolve) => {
    const req = https.request(options, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (d) => { text += d; });
      res.on('end', () => {
        console.log(res.statusCode, text);
        resolve();
      });
    });
    req.on('error', (e) => {
      console.log('error', e.code, e.message);
      resolve();
    });
    req.end(body);
  });
}

server.listen(0, '127.0.0.1', async () => {
  const port = server.address().port;
  await fetch({ host: 'localhost', port, path: '/get', ca: read('ca.pem') });
  await fetch({ host: 'localhost', port, path: '/post', method: 'POST', ca: read('ca.pem') }, 'data');
  await fetch({ host: 'localhost', port, path: '/untrusted' });
  await fetch({ host: 'localhost', port, path: '/lax', rejectUnauthorized: false });
  await fetch({ host: '127.0.0.1', port, path: '/wrong-name', servername: 'foo.test', ca: read('ca.pem') });
  const agent = new https.Agent({ ca: read('ca.pem'), keepAlive: true });
  await fetch({ host: 'localhost', port, path: '/agent1', agent });
  await fetch({ host: 'localhost', port, path: '/agent2', agent });
  agent.destroy();
  await new Promise((resolve) => {
    https.get(new URL(`https://localhost:${port}/url`), { ca: read('ca.pem') }, (res) => {
      res.resume();
      res.on('end', () => { console.log('url form', res.statusCode); resolve(); });
    });
  });
  try {
    https.request('http://localhost/');
  } catch (e) {
    console.log(e.name, e.code, e.message);
  }
  console.log('globalAgent', https.globalAgent instanceof https.Agent, https.globalAgent.defaultPort, https.globalAgent.protocol);
  console.log('Agent is http.Agent', new https.Agent() instanceof require('http').Agent);
  server.close(() => console.log('closed'));
});
