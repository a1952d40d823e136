// Round-robin (the default): two workers listen on port 0 with the same key, so they
// share one port; the primary accepts and hands each connection to the next worker.
const cluster = require('cluster');
const net = require('net');

if (cluster.isPrimary) {
  console.log('policy', cluster.schedulingPolicy === cluster.SCHED_RR);
  const events = [];
  cluster.on('fork', (w) => events.push(`fork ${w.id}`));
  cluster.on('online', (w) => events.push(`online ${w.id}`));
  const addresses = [];
  const messages = [];
  cluster.on('message', (w, m) => messages.push(`${w.id} ${JSON.stringify(m)}`));
  cluster.on('listening', (w, address) => {
    addresses.push(address);
    if (addresses.length === 2) run();
  });
  for (let i = 0; i < 2; i++) cluster.fork();

  async function ask(port) {
    return new Promise((resolve, reject) => {
      const c = net.connect(port, '127.0.0.1');
      let data = '';
      c.setEncoding('utf8');
      c.on('data', (d) => { data += d; });
      c.on('end', () => resolve(data));
      c.on('error', reject);
    });
  }

  async function run() {
    console.log('events', events.sort().join(', '));
    const ports = new Set(addresses.map((a) => a.port));
    console.log('one shared port', ports.size === 1, addresses[0].port > 0);
    console.log('listening info', addresses.map((a) => `${a.addressType} ${a.address} ${a.fd}`).join(' | '));
    const counts = {};
    for (let i = 0; i < 6; i++) {
      const who = await ask(addresses[0].port);
      counts[who] = (counts[who] || 0) + 1;
    }
    console.log('answers', JSON.stringify(Object.entries(counts).sort()));
    const exits = [];
    cluster.on('exit', (w, code, signal) => {
      exits.push(`${w.id}: ${code} ${signal} ${w.exitedAfterDisconnect} ${w.state}`);
    });
    cluster.disconnect(() => {
      console.log('all disconnected', Object.keys(cluster.workers).length);
      console.log('worker addresses', messages.sort().join(' | '));
      setTimeout(() => console.log('exits', exits.sort().join(', ')), 300);
    });
  }
} else {
  const server = net.createServer((socket) => {
    socket.end(`worker ${cluster.worker.id}`);
  });
  server.listen(0, () => {
    const a = server.address();
    process.send({ family: a.family, address: a.address, hasPort: a.port > 0 });
  });
}
