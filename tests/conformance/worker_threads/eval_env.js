// eval: true workers, argv and env options, SHARE_ENV and environment data.
const { Worker, SHARE_ENV, setEnvironmentData } = require('worker_threads');

process.env.NRT_WORKER_TEST = 'parent';
setEnvironmentData('config', { mode: 'test' });
const code = `
  const { parentPort, workerData, getEnvironmentData, isMainThread } = require('worker_threads');
  parentPort.postMessage({
    isMainThread,
    workerData,
    argv: process.argv.slice(2),
    env: process.env.NRT_WORKER_TEST,
    extra: process.env.EXTRA,
    data: getEnvironmentData('config'),
  });
  process.env.NRT_WORKER_TEST = 'changed in worker';
`;

function run(options) {
  return new Promise((resolve) => {
    const w = new Worker(code, { eval: true, ...options });
    w.on('message', (m) => console.log(JSON.stringify(m)));
    w.on('exit', (c) => {
      console.log('exit', c, 'parent sees', process.env.NRT_WORKER_TEST);
      resolve();
    });
  });
}

(async () => {
  await run({ workerData: 1, argv: ['a', 2] });
  await run({ env: { EXTRA: 'only this' } });
  await run({ env: SHARE_ENV });
})();
