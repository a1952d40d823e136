// Server bookkeeping: address() before and after listen, getConnections, maxConnections,
// ref/unref returning the server, close with its callback.
const net = require('net');

const server = net.createServer();
console.log(server.address(), server.listening, server.maxConnections);
console.log(server.ref() === server, server.unref() === server);
server.ref();
server.on('listening', () => console.log('listening event'));
server.listen({ port: 0, host: '127.0.0.1' }, () => {
  console.log('callback', typeof server.address().port, server.listening);
  const c = net.connect(server.address().port, '127.0.0.1');
  server.once('connection', (s) => {
    server.getConnections((err, n) => {
      console.log('connections', err, n);
      s.destroy();
      c.on('close', () => {
        server.close(() => console.log('closed', server.listening, server.address()));
      });
    });
  });
});
