// Client failures: a refused connection ('error' with node's ECONNREFUSED shape, then
// 'close'), a server that closes without answering ('socket hang up'), and an aborted
// request.
const http = require('http');
const net = require('net');

function refused(port) {
  return new Promise((resolve) => {
    const events = [];
    const req = http.get({ port, host: '127.0.0.1' });
    req.on('socket', () => events.push('socket'));
    req.on('response', () => events.push('response'));
    req.on('error', (e) => {
      events.push('error');
      console.log(e.message.replace(String(port), 'PORT'), e.code, e.errno, e.syscall, e.address, e.port === port);
    });
    req.on('close', () => {
      events.push('close');
      console.log(events.join(' '));
      resolve();
    });
  });
}

function hangUp() {
  const server = net.createServer((s) => s.destroy());
  return new Promise((resolve) => {
    server.listen(0, () => {
      const req = http.get({ port: server.address().port });
      req.on('error', (e) => console.log('hang up:', e.message, e.code));
      req.on('close', () => {
        console.log('closed');
        server.close(resolve);
      });
    });
  });
}

const probe = net.createServer();
probe.listen(0, '127.0.0.1', () => {
  const port = probe.address().port;
  probe.close(async () => {
    await refused(port);
    await hangUp();
    const req = http.get({ port, host: '127.0.0.1' });
    req.on('error', (e) => console.log('aborted request:', e.message, e.code));
    req.on('close', () => console.log('aborted close', req.destroyed));
    req.destroy();
  });
});
