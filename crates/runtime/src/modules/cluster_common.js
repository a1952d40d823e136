// What both sides of cluster share: the Worker class's common part and node's
// NODE_CLUSTER request/ack messaging over a ChildProcess or `process` channel.
'use strict';

const EventEmitter = require('events');

function Worker(options) {
  if (!(this instanceof Worker)) return new Worker(options);
  EventEmitter.call(this);
  if (options === null || typeof options !== 'object') options = {};
  this.exitedAfterDisconnect = undefined;
  this.state = options.state || 'none';
  this.id = options.id | 0;
  if (options.process) {
    this.process = options.process;
    this.process.on('error', (code, signal) => this.emit('error', code, signal));
    this.process.on('message', (message, handle) => this.emit('message', message, handle));
  }
}
Object.setPrototypeOf(Worker.prototype, EventEmitter.prototype);
Object.setPrototypeOf(Worker, EventEmitter);

Worker.prototype.kill = function kill(...args) {
  return this.destroy(...args);
};
Worker.prototype.send = function send(...args) {
  return this.process.send(...args);
};
Worker.prototype.isDead = function isDead() {
  return this.process.exitCode != null || this.process.signalCode != null;
};
Worker.prototype.isConnected = function isConnected() {
  return this.process.connected;
};

// Request/ack messaging: each message gets `cmd: 'NODE_CLUSTER'` and a sequence number;
// a reply carries `ack: <seq>` and goes to the callback registered for it.
function messenger() {
  const callbacks = new Map();
  let seq = 0;
  function send(proc, message, handle, cb) {
    if (!proc.connected) return false;
    message = { cmd: 'NODE_CLUSTER', ...message, seq };
    if (typeof cb === 'function') callbacks.set(seq, cb);
    seq += 1;
    return proc._send(message, handle);
  }
  function listener(worker, onmessage) {
    return function (message, handle) {
      if (message === null || typeof message !== 'object' || message.cmd !== 'NODE_CLUSTER') return;
      let fn = onmessage;
      if (message.ack !== undefined) {
        const cb = callbacks.get(message.ack);
        if (cb !== undefined) {
          fn = cb;
          callbacks.delete(message.ack);
        }
      }
      fn.call(worker, message, handle);
    };
  }
  return { send, listener };
}

module.exports = { Worker, messenger };
