// setupPrimary/settings, the 'setup' event, fork(env), the worker's view of its
// environment and argv, and silent workers.
const cluster = require('cluster');
const path = require('path');

if (cluster.isPrimary) {
  console.log('before', JSON.stringify(cluster.settings), cluster.isMaster, cluster.isWorker);
  cluster.on('setup', (s) => console.log('setup event', s === cluster.settings, Object.keys(s).join(',')));
  cluster.setupPrimary({ args: ['a', 'b'], silent: true });
  const s = cluster.settings;
  console.log('after', s.args.join(' '), path.basename(s.exec), s.silent, Array.isArray(s.execArgv));
  console.log('setupMaster is setupPrimary', cluster.setupMaster === cluster.setupPrimary);
  const w = cluster.fork({ EXTRA: 'yes' });
  console.log('fork', w.id, w.state, w.exitedAfterDisconnect, w instanceof cluster.Worker, w.process.stdout !== null);
  let out = '';
  w.process.stdout.setEncoding('utf8');
  w.process.stdout.on('data', (d) => { out += d; });
  w.on('exit', (code) => {
    console.log('worker said', out.trim());
    console.log('exit', code);
  });
} else {
  console.log(JSON.stringify({
    argv: process.argv.slice(2),
    extra: process.env.EXTRA,
    uniqueId: process.env.NODE_UNIQUE_ID,
    id: cluster.worker.id,
    state: cluster.worker.state,
    workers: cluster.workers,
    settings: cluster.settings,
  }));
  cluster.worker.disconnect();
}
