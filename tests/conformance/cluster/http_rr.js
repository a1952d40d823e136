// The seed's cluster shape with http: every worker listens on the same port, requests
// are spread round-robin, and a worker that dies is replaced.
const cluster = require('cluster');
const http = require('http');

if (cluster.isPrimary) {
  let port = 0;
  let listening = 0;
  let replaced = false;
  cluster.on('listening', (w, address) => {
    port = address.port;
    listening++;
    if (listening === 2) round('first');
    if (listening === 3) round('after restart');
  });
  const last = [];
  cluster.on('exit', (w, code, signal) => {
    const line = `worker ${w.id} died ${code} ${signal} ${w.exitedAfterDisconnect}`;
    if (!replaced) {
      console.log(line);
      replaced = true;
      cluster.fork();
      return;
    }
    // The last two end together after cluster.disconnect(): either may be first.
    last.push(line);
    if (last.length === 2) console.log(last.sort().join('\n'));
  });
  for (let i = 0; i < 2; i++) cluster.fork();

  function get() {
    return new Promise((resolve, reject) => {
      http.get({ port, host: '127.0.0.1', agent: false }, (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (d) => { body += d; });
        res.on('end', () => resolve(`${res.statusCode} ${body}`));
      }).on('error', reject);
    });
  }

  async function round(name) {
    const seen = {};
    for (let i = 0; i < 4; i++) {
      const r = await get();
      seen[r] = (seen[r] || 0) + 1;
    }
    console.log(name, JSON.stringify(Object.entries(seen).sort()));
    if (name === 'first') cluster.workers[1].kill();
    else cluster.disconnect();
  }
} else {
  http.createServer((req, res) => {
    res.end(`Handled by worker ${cluster.worker.id}`);
  }).listen(0);
}
