// terminate() stops a worker busy in an endless loop; process.exit() in a worker cannot be
// caught; unref() lets the parent end while its worker still runs.
const { Worker, isMainThread, parentPort, workerData } = require('worker_threads');

if (!isMainThread) {
  if (workerData === 'spin') {
    parentPort.postMessage('spinning');
    for (;;) { /* busy */ }
  } else if (workerData === 'exit-in-try') {
    try {
      process.exit(5);
    } catch {
      parentPort.postMessage('caught the exit?');
    } finally {
      parentPort.postMessage('finally ran?');
    }
  } else if (workerData === 'interval') {
    setInterval(() => {}, 1000);
    parentPort.postMessage('interval set');
  }
} else {
  const spin = new Worker(__filename, { workerData: 'spin' });
  spin.on('message', async (m) => {
    console.log('spin says', m);
    const code = await spin.terminate();
    console.log('terminate() resolved', code);
    console.log('terminate again', await spin.terminate());
  });
  spin.on('exit', (code) => {
    console.log('spin exit', code);
    const ex = new Worker(__filename, { workerData: 'exit-in-try' });
    ex.on('message', (m) => console.log('unexpected', m));
    ex.on('exit', (c) => {
      console.log('exit-in-try exit', c);
      const iv = new Worker(__filename, { workerData: 'interval' });
      iv.on('message', (m) => {
        console.log(m);
        iv.unref();
      });
      process.on('exit', (c2) => console.log('main exit', c2));
    });
  });
}
