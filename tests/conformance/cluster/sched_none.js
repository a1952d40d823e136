// SCHED_NONE (set in code before the first fork): every worker gets the primary's
// listening socket and accepts on its own; the kernel picks who answers.
const cluster = require('cluster');
const net = require('net');

if (cluster.isPrimary) {
  cluster.schedulingPolicy = cluster.SCHED_NONE;
  const ports = [];
  cluster.on('listening', (w, address) => {
    ports.push(address.port);
    if (ports.length === 2) run();
  });
  for (let i = 0; i < 2; i++) cluster.fork();
  async function run() {
    console.log('same port', ports[0] === ports[1], ports[0] > 0);
    let answered = 0;
    for (let i = 0; i < 4; i++) {
      const who = await new Promise((resolve) => {
        let data = '';
        net.connect(ports[0], '127.0.0.1').on('data', (d) => { data += d; }).on('end', () => resolve(data));
      });
      if (who === 'worker 1' || who === 'worker 2') answered++;
    }
    console.log('answered by a worker', answered);
    cluster.disconnect(() => console.log('disconnected'));
  }
} else {
  net.createServer((s) => s.end(`worker ${cluster.worker.id}`)).listen(0, '127.0.0.1');
}
