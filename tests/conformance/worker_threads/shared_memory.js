// A SharedArrayBuffer posted to a worker is the same memory there: writes are seen on both
// sides, and Atomics.wait/notify work across threads.
const { Worker, isMainThread, parentPort, workerData } = require('worker_threads');

if (!isMainThread) {
  const counters = new Int32Array(workerData.sab);
  for (let i = 0; i < 1000; i++) Atomics.add(counters, 1, 1);
  Atomics.store(counters, 0, 1);
  Atomics.notify(counters, 0);
  parentPort.once('message', ({ flag }) => {
    const view = new Int32Array(flag);
    // Wait until the main thread flips the flag (or it already did).
    Atomics.wait(view, 0, 0, 5000);
    parentPort.postMessage(`worker saw flag ${Atomics.load(view, 0)}`);
  });
} else {
  const sab = new SharedArrayBuffer(16);
  const counters = new Int32Array(sab);
  const w = new Worker(__filename, { workerData: { sab } });
  // Block the main thread until the worker signals (node allows Atomics.wait here too).
  const r = Atomics.wait(counters, 0, 0, 5000);
  console.log('wait returned', r === 'ok' || r === 'not-equal', 'counter', Atomics.load(counters, 1));
  for (let i = 0; i < 1000; i++) Atomics.add(counters, 1, 1);
  const flag = new SharedArrayBuffer(4);
  w.postMessage({ flag });
  setTimeout(() => {
    Atomics.store(new Int32Array(flag), 0, 7);
    Atomics.notify(new Int32Array(flag), 0);
  }, 20);
  w.on('message', (m) => {
    console.log(m, 'counter', Atomics.load(counters, 1));
  });
  w.on('exit', (c) => console.log('exit', c));
  const again = new SharedArrayBuffer(8);
  const { port1, port2 } = new (require('worker_threads').MessageChannel)();
  port1.postMessage(again);
  const got = require('worker_threads').receiveMessageOnPort(port2).message;
  new Uint8Array(got)[0] = 42;
  console.log('same memory on one thread', new Uint8Array(again)[0], got instanceof SharedArrayBuffer);
  port1.close();
}
