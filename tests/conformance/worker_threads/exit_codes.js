// How a worker ends: process.exit(n) ends only the worker (its 'exit' listeners run),
// an uncaught exception becomes the parent's 'error' then 'exit' 1, terminate() gives 1.
const { Worker, isMainThread, parentPort, workerData } = require('worker_threads');

function run(mode) {
  return new Promise((resolve) => {
    const w = new Worker(__filename, { workerData: mode });
    const log = [];
    w.on('message', (m) => {
      log.push(`message ${m}`);
      if (mode === 'terminate') {
        w.terminate().then((code) => log.push(`terminate() resolved ${code}`));
      }
    });
    w.on('error', (e) => {
      log.push(`error ${e instanceof Error} ${e.constructor.name} ${e.name} ${e.message} ${typeof e.stack}`);
    });
    w.on('exit', (code) => {
      log.push(`exit ${code}`);
      setImmediate(() => resolve(`${mode}: ${log.join(', ')}`));
    });
  });
}

if (isMainThread) {
  (async () => {
    for (const mode of ['exit', 'throw', 'throw-string', 'reject', 'terminate', 'exitCode']) {
      console.log(await run(mode));
    }
    console.log('main still running');
  })();
} else if (workerData === 'exit') {
  process.on('exit', (code) => parentPort.postMessage(`worker exit event ${code}`));
  process.exit(3);
} else if (workerData === 'throw') {
  throw new RangeError('bad range');
} else if (workerData === 'throw-string') {
  throw 'just a string';
} else if (workerData === 'reject') {
  Promise.reject(new TypeError('rejected'));
} else if (workerData === 'terminate') {
  parentPort.on('message', () => {});
  parentPort.postMessage('ready');
} else if (workerData === 'exitCode') {
  process.exitCode = 7;
}
