// Messages between the primary and its workers: worker.send/process.send, the worker's
// and the cluster's 'message' events, send callbacks; internal messages stay hidden.
const cluster = require('cluster');

if (cluster.isPrimary) {
  const got = [];
  cluster.on('message', (w, m, handle) => {
    got.push(`cluster ${w.id} ${JSON.stringify(m)} ${handle}`);
    if (m.bye) w.disconnect();
  });
  let exited = 0;
  for (let i = 0; i < 2; i++) {
    const w = cluster.fork();
    w.on('message', (m) => got.push(`worker-event ${w.id} ${JSON.stringify(m)}`));
    w.on('online', () => {
      w.send({ hello: w.id }, (err) => got.push(`send cb ${w.id} ${err}`));
    });
    w.on('exit', () => {
      exited++;
      if (exited === 2) {
        console.log(got.sort().join('\n'));
        console.log('send after exit', w.send('late', (err) => console.log('late', err.code)));
      }
    });
  }
} else {
  process.on('message', (m) => {
    process.send({ echo: m, id: cluster.worker.id, isWorker: cluster.isWorker });
    cluster.worker.send({ bye: true });
  });
}
