// allowHalfOpen: the server reads the client's end, answers afterwards and ends itself;
// the client keeps reading after ending its side.
const net = require('net');

const server = net.createServer({ allowHalfOpen: true }, (sock) => {
  let got = '';
  sock.setEncoding('utf8');
  sock.on('data', (d) => (got += d));
  sock.on('end', () => {
    console.log('server end', got, sock.writable);
    sock.end(`got ${got.length} bytes`);
  });
  sock.on('close', () => {
    console.log('server socket close');
    server.close();
  });
});
server.on('close', () => console.log('server close'));

server.listen(0, () => {
  const client = net.connect({ port: server.address().port, allowHalfOpen: true });
  let reply = '';
  client.setEncoding('utf8');
  client.on('data', (d) => (reply += d));
  client.on('end', () => console.log('client end', reply, client.writable));
  client.on('close', () => console.log('client close'));
  client.end('half-closed');
});
