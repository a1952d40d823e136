// The Worker's transferList option: a port and an ArrayBuffer moved with workerData.
const { Worker, isMainThread, parentPort, workerData, MessageChannel } = require('worker_threads');

if (isMainThread) {
  const { port1, port2 } = new MessageChannel();
  const ab = new ArrayBuffer(4);
  new Uint8Array(ab)[3] = 9;
  const w = new Worker(__filename, {
    workerData: { port: port2, ab },
    transferList: [port2, ab],
    execArgv: process.execArgv,
  });
  console.log('ab after', ab.byteLength);
  port1.on('message', (m) => {
    console.log('via transferred port:', m);
    port1.close();
  });
  w.on('exit', (c) => console.log('exit', c));
} else {
  workerData.port.postMessage(`hello ${workerData.ab.byteLength} ${new Uint8Array(workerData.ab)[3]}`);
  workerData.port.close();
  parentPort.close();
}
