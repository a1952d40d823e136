// An upgraded socket keeps reading after the hand-over: its peer's end arrives even with
// no 'data' listener; and an 'upgrade' listener added right after listen() gets the first
// connection's upgrade (as ws adds it).
const http = require('http');

const srv = http.createServer((req, res) => res.end('plain request'));
srv.listen(0, '127.0.0.1', () => {
  const req = http.request({ port: srv.address().port, host: '127.0.0.1', headers: { Connection: 'Upgrade', Upgrade: 'x' } });
  req.on('response', (res) => console.log('unexpected response', res.statusCode));
  req.on('upgrade', (res, socket) => {
    console.log('client upgraded', res.statusCode, res.headers.upgrade);
    socket.on('close', () => console.log('client close'));
    socket.destroy();
  });
  req.end();
});
srv.on('upgrade', (req, sock) => {
  console.log('server upgrade', req.headers.upgrade);
  sock.write('HTTP/1.1 101 Switching Protocols\r\nUpgrade: x\r\nConnection: Upgrade\r\n\r\n');
  sock.on('end', () => {
    console.log('server end');
    sock.end();
  });
  sock.on('close', () => {
    console.log('server close');
    srv.close();
  });
});
