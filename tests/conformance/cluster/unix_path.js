// A worker listening on a Unix socket path: the primary binds it and passes
// connections; the file is gone once the last worker let go of it.
const cluster = require('cluster');
const net = require('net');
const fs = require('fs');
const path = require('path');
const os = require('os');

if (cluster.isPrimary) {
  const sock = path.join(os.tmpdir(), `nrt-cluster-${process.pid}.sock`);
  try { fs.unlinkSync(sock); } catch {}
  cluster.on('listening', (w, a) => {
    console.log('listening', a.addressType, a.port, a.address === sock, a.fd);
    let d = '';
    net.connect(sock).on('data', (x) => { d += x; }).on('end', () => {
      console.log('got', d.replace(sock, 'SOCK'));
      cluster.disconnect(() => console.log('file left behind', fs.existsSync(sock)));
    });
  });
  cluster.fork({ SOCK: sock });
} else {
  const s = net.createServer((c) => c.end(`worker ${cluster.worker.id} ${JSON.stringify(s.address())}`));
  s.listen(process.env.SOCK);
}
