// A worker started from this same file (isMainThread): 'online', messages both ways,
// workerData, threadId, then 'exit' 0 once nothing keeps the worker alive.
const { Worker, isMainThread, parentPort, workerData, threadId } = require('worker_threads');

if (isMainThread) {
  console.log('main', isMainThread, parentPort, workerData, threadId);
  const w = new Worker(__filename, { workerData: { start: 40, list: [1, 2] } });
  console.log('threadId', typeof w.threadId, w.threadId > 0);
  const events = [];
  w.on('online', () => events.push('online'));
  w.on('message', (m) => {
    events.push(`message ${JSON.stringify(m)}`);
    if (m.n < 43) w.postMessage({ n: m.n + 1 });
    else w.postMessage('done');
  });
  w.on('exit', (code) => {
    events.push(`exit ${code}`);
    console.log(events.join('\n'));
    console.log('threadId after exit', w.threadId);
  });
} else {
  parentPort.postMessage({ n: workerData.start, tid: threadId > 0, main: isMainThread });
  parentPort.on('message', (m) => {
    if (m === 'done') {
      parentPort.close();
      return;
    }
    parentPort.postMessage({ n: m.n + 1 });
  });
}
