// Argument errors: class, code and message as node's.
const wt = require('worker_threads');
const { Worker, MessageChannel, MessagePort, receiveMessageOnPort } = wt;

function attempt(label, fn) {
  try {
    fn();
    console.log(label, 'no error');
  } catch (e) {
    console.log(label, `${e.name} [${e.code}] ${e.message}`);
  }
}

attempt('relative path', () => new Worker('worker.js'));
attempt('number filename', () => new Worker(5));
attempt('http URL', () => new Worker(new URL('http://example.com/w.js')));
attempt('argv not array', () => new Worker('./w.js', { argv: 'x' }));
attempt('MessagePort constructor', () => new MessagePort());
attempt('receiveMessageOnPort', () => receiveMessageOnPort({}));
const { port1 } = new MessageChannel();
attempt('transferList not iterable', () => port1.postMessage(1, 5));
attempt('invalid transfer object', () => port1.postMessage(1, [5]));
attempt('source port', () => port1.postMessage(1, [port1]));
attempt('port not in transfer list', () => port1.postMessage({ p: new MessageChannel().port1 }));
port1.close();
console.log(wt.isMainThread, wt.parentPort, wt.workerData, wt.threadId, wt.resourceLimits);
console.log(typeof wt.SHARE_ENV, String(wt.SHARE_ENV));
console.log(typeof MessageChannel, typeof globalThis.MessageChannel, typeof globalThis.MessagePort);
wt.setEnvironmentData('k', 1);
console.log(wt.getEnvironmentData('k'), wt.getEnvironmentData('missing'));
