// I/O started from a 'beforeExit' listener (a server and a client) runs, and the loop
// goes on until it is done; 'exit' listeners may call into native code too.
'use strict';
const net = require('net');
let rounds = 0;
process.on('beforeExit', () => {
  rounds += 1;
  console.log('beforeExit', rounds);
  if (rounds > 1) return;
  const server = net.createServer((s) => s.end('pong'));
  server.listen(0, '127.0.0.1', () => {
    const c = net.connect(server.address().port, '127.0.0.1');
    c.setEncoding('utf8');
    c.on('data', (d) => console.log('client got', d));
    c.on('close', () => server.close(() => console.log('closed')));
  });
});
process.on('exit', (code) => {
  console.log('exit', code, typeof require('fs').statSync('.').isDirectory());
});
