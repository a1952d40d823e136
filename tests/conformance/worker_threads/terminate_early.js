// A worker terminated before its code starts never comes online and exits 0.
const { Worker } = require('worker_threads');

const w = new Worker('console.log("should not run")', { eval: true });
w.on('online', () => console.log('online'));
w.on('exit', (c) => console.log('exit', c));
w.terminate().then((c) => console.log('terminated', c));
