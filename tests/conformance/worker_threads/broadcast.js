// BroadcastChannel: every other open channel of the name receives (not the sender), across
// threads; MessageEvent; errors; an open channel keeps the process alive until closed.
const { BroadcastChannel, Worker, isMainThread } = require('worker_threads');

const a = new BroadcastChannel('ch');
if (isMainThread) {
  console.log(Object.getPrototypeOf(BroadcastChannel.prototype).constructor.name, a.name, typeof a.ref);
  console.log(globalThis.BroadcastChannel === BroadcastChannel, typeof MessageEvent);
  const ev = new MessageEvent('message', { data: 5 });
  console.log(ev.data, ev.type, ev.ports, ev.origin === '', ev.source);
  const b = new BroadcastChannel('ch');
  b.onmessage = (e) => console.log('b got', e.data, e.constructor.name, e.target === b);
  a.addEventListener('message', (e) => console.log('a got', e.data));
  a.postMessage({ x: 1 });
  const w = new Worker(__filename);
  b.addEventListener('message', (e) => {
    if (e.data === 'from worker') {
      a.close();
      b.close();
      try {
        a.postMessage(1);
      } catch (err) {
        console.log('closed:', err.name, err.code, err.message);
      }
    }
  });
  w.on('exit', (c) => console.log('worker exit', c));
  try { a.postMessage(() => {}); } catch (e) { console.log(e.name, e.message); }
  try { new BroadcastChannel(); } catch (e) { console.log(e.name, e.code, e.message); }
} else {
  a.postMessage('from worker');
  a.close();
}
