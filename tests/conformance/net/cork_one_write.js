// Writes made under cork() reach the peer as one write.
const net = require('net');

const srv = net.createServer((sock) => {
  sock.once('data', (d) => {
    console.log('first chunk', JSON.stringify(String(d)));
    sock.end();
    srv.close();
  });
});
srv.listen(0, '127.0.0.1', () => {
  const c = net.connect(srv.address().port, '127.0.0.1', () => {
    c.cork();
    c.write('head:');
    c.write(Buffer.from('payload'));
    c.write('tail', 'latin1');
    c.uncork();
  });
  c.on('end', () => c.end());
  c.resume();
});
