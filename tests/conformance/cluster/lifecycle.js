// Worker lifecycle: exit codes, kill() with a signal, disconnect() from either side,
// destroy() in a worker, and the state/exitedAfterDisconnect/isDead/isConnected seen at
// each event.
const cluster = require('cluster');

if (cluster.isPrimary) {
  const log = {};
  const note = (w, what) => {
    (log[w.id] = log[w.id] || []).push(
      `${what}(${w.state} ${w.exitedAfterDisconnect} dead=${w.isDead()} conn=${w.isConnected()})`);
  };
  cluster.on('disconnect', (w) => note(w, 'disconnect'));
  cluster.on('exit', (w, code, signal) => note(w, `exit ${code} ${signal}`));
  let gone = 0;
  cluster.on('exit', () => {
    gone++;
    if (gone === 5) finish();
  });
  const modes = ['exit3', 'kill', 'primary-disconnect', 'worker-disconnect', 'destroy'];
  modes.forEach((mode) => {
    const w = cluster.fork({ MODE: mode });
    w.on('online', () => {
      note(w, 'online');
      if (mode === 'kill') w.kill('SIGKILL');
      if (mode === 'primary-disconnect') w.disconnect();
    });
  });
  console.log('workers', Object.keys(cluster.workers).join(','));
  let done = false;
  function finish() {
    if (done) return;
    done = true;
    for (const id of Object.keys(log).sort()) console.log(id, modes[id - 1], log[id].join(' '));
    console.log('left', Object.keys(cluster.workers).length);
  }
} else {
  const mode = process.env.MODE;
  if (mode === 'exit3') setTimeout(() => process.exit(3), 50);
  else if (mode === 'worker-disconnect') setTimeout(() => cluster.worker.disconnect(), 50);
  else if (mode === 'destroy') setTimeout(() => cluster.worker.destroy(), 50);
  else if (mode === 'kill') setInterval(() => {}, 1000);
  // primary-disconnect: the channel alone keeps the worker alive until the primary
  // disconnects it.
}
