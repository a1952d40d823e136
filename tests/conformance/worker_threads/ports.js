// MessageChannel between two ports of one thread: delivery order, 'close' on both ends,
// onmessage/addEventListener, ref/unref, and transferring a port to a worker.
const { MessageChannel, MessagePort, Worker, isMainThread, parentPort } = require('worker_threads');

if (!isMainThread) {
  let port;
  parentPort.on('message', (msg) => {
    if (msg === 'bye') {
      port.close();
      parentPort.close();
      return;
    }
    port = msg.port;
    port.postMessage('hello through a transferred port');
    port.on('message', (m) => port.postMessage(`worker got ${m}`));
  });
} else {
  const log = [];
  const { port1, port2 } = new MessageChannel();
  console.log(port1 instanceof MessagePort, typeof port1.postMessage);
  port2.on('message', (m) => {
    log.push(`port2 message ${m}`);
    process.nextTick(() => log.push(`tick after ${m}`));
    if (m === 'b') setImmediate(() => port1.close());
  });
  port1.on('close', () => log.push('port1 close'));
  port2.on('close', () => {
    log.push('port2 close');
    step2();
  });
  port1.postMessage('a');
  port1.postMessage('b');

  function step2() {
    const ch = new MessageChannel();
    ch.port2.onmessage = (ev) => {
      log.push(`onmessage ${ev.data} ${ev.type} ${ev.target === ch.port2}`);
      ch.port2.onmessage = null;
      ch.port2.addEventListener('message', function listener(ev2) {
        log.push(`addEventListener ${ev2.data}`);
        ch.port2.removeEventListener('message', listener);
        ch.port1.close();
        step3();
      });
      ch.port1.postMessage('second');
    };
    ch.port1.postMessage('first');
  }

  function step3() {
    // An unref'd port with a listener does not keep the program alive; the worker does
    // until it exits (it ends when it closes its ports).
    const idle = new MessageChannel();
    idle.port1.on('message', () => {});
    idle.port1.unref();
    log.push(`hasRef ${idle.port1.hasRef()}`);
    const w = new Worker(__filename);
    const { port1: mine, port2: theirs } = new MessageChannel();
    w.postMessage({ port: theirs }, [theirs]);
    mine.on('message', (m) => {
      log.push(`main got: ${m}`);
      if (m === 'hello through a transferred port') mine.postMessage('ping');
      else w.postMessage('bye');
    });
    w.on('exit', (code) => {
      log.push(`worker exit ${code}`);
      console.log(log.join('\n'));
    });
  }
}
