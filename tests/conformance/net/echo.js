// A TCP echo server and a client: event order on each side, data, half-close handling
// without allowHalfOpen, byte counts and address facts (no ports printed).
const net = require('net');

const serverLog = [];
const server = net.createServer((sock) => {
  serverLog.push(`connection ${sock.remoteAddress} ${sock.remoteFamily} ${typeof sock.remotePort}`);
  sock.setEncoding('utf8');
  sock.on('data', (d) => {
    serverLog.push(`data ${d}`);
    sock.write(d.toUpperCase());
  });
  sock.on('end', () => serverLog.push('end'));
  sock.on('finish', () => serverLog.push('finish'));
  sock.on('close', (hadError) => {
    serverLog.push(`close ${hadError} read=${sock.bytesRead} written=${sock.bytesWritten}`);
    server.close(() => {
      console.log('server:', serverLog.join(' | '));
    });
  });
});

server.listen(0, '127.0.0.1', () => {
  const addr = server.address();
  console.log('listening', addr.address, addr.family, typeof addr.port, server.listening);
  const client = net.connect(addr.port, '127.0.0.1', () => {
    console.log('connect callback', client.remoteAddress, client.remotePort === addr.port, client.localAddress);
  });
  console.log('connecting', client.connecting, client.pending, client.readyState);
  const log = [];
  client.on('connect', () => log.push('connect'));
  client.on('ready', () => log.push('ready'));
  client.setEncoding('utf8');
  let got = '';
  client.on('data', (d) => {
    got += d;
    if (got === 'HELLO') client.end();
  });
  client.on('end', () => log.push(`end ${got}`));
  client.on('finish', () => log.push('finish'));
  client.on('close', (hadError) => {
    log.push(`close ${hadError}`);
    console.log('client:', log.join(' | '), client.bytesWritten, client.destroyed, client.readyState);
  });
  client.write('hello');
});
