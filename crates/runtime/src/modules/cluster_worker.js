// The worker side of cluster (a process started by cluster.fork(), NODE_UNIQUE_ID set):
// `cluster.worker`, and servers whose listen() goes through the primary
// (`_getServer`, called by net.Server.listen): round-robin servers get each connection
// pushed by the primary, SCHED_NONE servers the primary's listening descriptor.
'use strict';

const EventEmitter = require('events');
const path = require('path');
const { Worker, messenger } = internal.requireBuiltin('internal/cluster_common', true);

const cluster = new EventEmitter();
const handles = new Map(); // key -> the handle a server listens through
const indexes = new Map(); // address:port:addressType:fd -> { nextIndex, set }
const { send: sendHelper, listener } = messenger();

cluster.isWorker = true;
cluster.isMaster = false;
cluster.isPrimary = false;
cluster.worker = null;
cluster.Worker = Worker;

function send(message, cb) {
  return sendHelper(process, message, null, cb);
}

cluster._setupWorker = function _setupWorker() {
  const worker = new Worker({
    id: +process.env.NODE_UNIQUE_ID | 0,
    process,
    state: 'none',
  });
  cluster.worker = worker;
  // Forked workers must not fork as workers themselves.
  delete process.env.NODE_UNIQUE_ID;
  process.once('disconnect', () => {
    worker.emit('disconnect');
    // An unexpected disconnect (the primary died): the worker ends at once.
    if (!worker.exitedAfterDisconnect) process.exit(0);
  });
  process.on('internalMessage', listener(worker, onmessage));
  send({ act: 'online' });
  worker.state = 'online';
};

function onmessage(message, handle) {
  if (message.act === 'newconn') onconnection(message, handle);
  else if (message.act === 'disconnect') disconnectWorker.call(this, true);
}

function removeIndexesKey(indexesKey, index) {
  const indexSet = indexes.get(indexesKey);
  if (!indexSet) return;
  indexSet.set.delete(index);
  if (indexSet.set.size === 0) indexes.delete(indexesKey);
}

// Asks the primary for a listening handle; `cb(errno, handle)` where handle is
// `{ sockname | fd, close() }` for net.Server._listenInCluster.
cluster._getServer = function _getServer(obj, options, cb) {
  let address = options.address;
  if (options.port < 0 && typeof address === 'string') address = path.resolve(address);
  const indexesKey = [address, options.port, options.addressType, options.fd].join(':');
  let indexSet = indexes.get(indexesKey);
  if (!indexSet) {
    indexSet = { nextIndex: 0, set: new Set() };
    indexes.set(indexesKey, indexSet);
  }
  const index = indexSet.nextIndex++;
  indexSet.set.add(index);
  const message = { act: 'queryServer', index, data: null, ...options };
  message.address = address;
  if (typeof obj._getServerData === 'function') message.data = obj._getServerData();
  send(message, (reply, handle) => {
    if (typeof obj._setServerData === 'function') obj._setServerData(reply.data);
    if (handle) shared(reply, handle, indexesKey, index, cb);
    else rr(reply, indexesKey, index, cb);
  });
  obj.once('listening', () => {
    cluster.worker.state = 'listening';
    const a = obj.address();
    message.act = 'listening';
    message.port = (a && a.port) || options.port;
    send(message);
  });
};

// SCHED_NONE: the server listens on (its copy of) the primary's descriptor.
function shared(message, nativeHandle, indexesKey, index, cb) {
  const key = message.key;
  const handle = {
    fd: nativeHandle._id,
    close() {
      send({ act: 'close', key });
      handles.delete(key);
      removeIndexesKey(indexesKey, index);
    },
  };
  handles.set(key, handle);
  cb(message.errno, handle);
}

// SCHED_RR: connections arrive as 'newconn' messages, pushed to the server's native side.
function rr(message, indexesKey, index, cb) {
  if (message.errno) {
    removeIndexesKey(indexesKey, index);
    cb(message.errno, null);
    return;
  }
  let key = message.key;
  const handle = {
    sockname: message.sockname,
    pusher: 0,
    close() {
      if (key === undefined) return;
      send({ act: 'close', key });
      handles.delete(key);
      removeIndexesKey(indexesKey, index);
      key = undefined;
    },
  };
  handles.set(key, handle);
  cb(0, handle);
}

function onconnection(message, nativeHandle) {
  const handle = handles.get(message.key);
  let accepted = handle !== undefined && handle.pusher > 0 && nativeHandle !== undefined;
  if (accepted && handle.server !== undefined) {
    const s = handle.server;
    if (s.maxConnections != null && s._nativeConnections() >= s.maxConnections) accepted = false;
  }
  send({ ack: message.seq, accepted });
  if (nativeHandle === undefined) return;
  if (accepted) {
    const id = nativeHandle._id;
    nativeHandle._id = 0;
    if (!internal.natives.net.pushConnection(handle.pusher, id)) nativeHandle.close();
  } else {
    nativeHandle.close();
  }
}

// Closes every server the primary knows of, then leaves the channel.
// Closes every server the primary knows of and, once they all closed (their open
// connections ended), leaves the channel.
function disconnectWorker(primaryInitiated) {
  this.exitedAfterDisconnect = true;
  let waiting = 1;
  const done = () => {
    if (--waiting !== 0) return;
    if (primaryInitiated) process.disconnect();
    else send({ act: 'exitedAfterDisconnect' }, () => process.disconnect());
  };
  for (const handle of [...handles.values()]) {
    waiting++;
    if (handle.server !== undefined) handle.server.close(done);
    else {
      handle.close();
      done();
    }
  }
  done();
}

Worker.prototype.disconnect = function disconnect() {
  if (this.state !== 'disconnecting' && this.state !== 'destroying') {
    this.state = 'disconnecting';
    disconnectWorker.call(this, false);
  }
  return this;
};

Worker.prototype.destroy = function destroy() {
  if (this.state === 'destroying') return;
  this.exitedAfterDisconnect = true;
  if (!this.isConnected()) {
    process.exit(0);
  } else {
    this.state = 'destroying';
    send({ act: 'exitedAfterDisconnect' }, () => process.disconnect());
    process.once('disconnect', () => process.exit(0));
  }
};

module.exports = cluster;
