// The primary side of cluster: forking workers, their lifecycle events, and answering
// workers' `queryServer` with a listening handle per key (cluster_handles.js).
'use strict';

const EventEmitter = require('events');
const path = require('path');
const errors = internal.errors;
const { Worker, messenger } = internal.requireBuiltin('internal/cluster_common', true);
const { RoundRobinHandle, SharedHandle } = internal.requireBuiltin('internal/cluster_handles', true);

const SCHED_NONE = 1;
const SCHED_RR = 2;

const cluster = new EventEmitter();
const intercom = new EventEmitter();
const handles = new Map(); // key -> RoundRobinHandle | SharedHandle
const { send: sendHelper, listener } = messenger();
let initialized = false;
let ids = 0;

cluster.isWorker = false;
cluster.isMaster = true;
cluster.isPrimary = true;
cluster.Worker = Worker;
cluster.workers = {};
cluster.settings = {};
cluster.SCHED_NONE = SCHED_NONE;
cluster.SCHED_RR = SCHED_RR;

const policyEnv = process.env.NODE_CLUSTER_SCHED_POLICY;
if (policyEnv === 'rr') cluster.schedulingPolicy = SCHED_RR;
else if (policyEnv === 'none') cluster.schedulingPolicy = SCHED_NONE;
else cluster.schedulingPolicy = SCHED_RR;
let schedulingPolicy = cluster.schedulingPolicy;

function send(worker, message, handle, cb) {
  return sendHelper(worker.process, message, handle, cb);
}

cluster.setupPrimary = function setupPrimary(options) {
  const settings = {
    args: process.argv.slice(2),
    exec: process.argv[1],
    execArgv: process.execArgv,
    silent: false,
    ...cluster.settings,
    ...options,
  };
  cluster.settings = settings;
  if (!initialized) {
    initialized = true;
    schedulingPolicy = cluster.schedulingPolicy; // frozen from here on, as node
    if (schedulingPolicy !== SCHED_NONE && schedulingPolicy !== SCHED_RR) {
      throw new Error(`Bad cluster.schedulingPolicy: ${schedulingPolicy}`);
    }
  }
  process.nextTick(() => cluster.emit('setup', settings));
};
cluster.setupMaster = cluster.setupPrimary;

function createWorkerProcess(id, env) {
  const s = cluster.settings;
  const workerEnv = { ...process.env, ...env, NODE_UNIQUE_ID: `${id}` };
  if (s.serialization !== undefined && s.serialization !== 'json') {
    throw errors.notImplemented(`cluster settings.serialization '${s.serialization}'`);
  }
  if (s.inspectPort !== undefined) throw errors.notImplemented('cluster settings.inspectPort');
  const { fork } = require('child_process');
  return fork(s.exec, s.args, {
    cwd: s.cwd,
    env: workerEnv,
    serialization: s.serialization,
    silent: s.silent,
    windowsHide: s.windowsHide,
    execArgv: [...s.execArgv],
    stdio: s.stdio,
    gid: s.gid,
    uid: s.uid,
  });
}

function removeWorker(worker) {
  delete cluster.workers[worker.id];
  if (Object.keys(cluster.workers).length === 0) intercom.emit('disconnect');
}

function removeHandlesForWorker(worker) {
  for (const [key, handle] of handles) {
    if (handle.remove(worker)) handles.delete(key);
  }
}

cluster.fork = function fork(env) {
  cluster.setupPrimary();
  const id = ++ids;
  const workerProcess = createWorkerProcess(id, env);
  const worker = new Worker({ id, process: workerProcess });
  worker.on('message', function (message, handle) {
    cluster.emit('message', this, message, handle);
  });
  let exitSeen = null;
  const onExit = (exitCode, signalCode) => {
    if (!worker.isConnected()) {
      removeHandlesForWorker(worker);
      removeWorker(worker);
    }
    worker.exitedAfterDisconnect = !!worker.exitedAfterDisconnect;
    worker.state = 'dead';
    worker.emit('exit', exitCode, signalCode);
    cluster.emit('exit', worker, exitCode, signalCode);
  };
  worker.process.once('exit', (exitCode, signalCode) => {
    // A dead worker's channel closes too; its 'disconnect' comes first, as in node.
    if (worker.isConnected()) exitSeen = [exitCode, signalCode];
    else onExit(exitCode, signalCode);
  });
  worker.process.once('disconnect', () => {
    removeHandlesForWorker(worker);
    removeWorker(worker);
    worker.exitedAfterDisconnect = !!worker.exitedAfterDisconnect;
    worker.state = 'disconnected';
    worker.emit('disconnect');
    cluster.emit('disconnect', worker);
    if (exitSeen !== null) onExit(exitSeen[0], exitSeen[1]);
  });
  worker.process.on('internalMessage', listener(worker, onmessage));
  process.nextTick(() => cluster.emit('fork', worker));
  cluster.workers[worker.id] = worker;
  return worker;
};

cluster.disconnect = function disconnect(cb) {
  const workers = Object.keys(cluster.workers);
  if (workers.length === 0) {
    process.nextTick(() => intercom.emit('disconnect'));
  } else {
    for (const id of workers) {
      const worker = cluster.workers[id];
      if (worker.isConnected()) worker.disconnect();
    }
  }
  if (typeof cb === 'function') intercom.once('disconnect', cb);
};

function onmessage(message, handle) {
  const worker = this;
  switch (message.act) {
    case 'online': online(worker); break;
    case 'queryServer': queryServer(worker, message); break;
    case 'listening': listening(worker, message); break;
    case 'exitedAfterDisconnect': exitedAfterDisconnect(worker, message); break;
    case 'close': close(worker, message); break;
    default: break;
  }
  void handle;
}

function online(worker) {
  worker.state = 'online';
  worker.emit('online');
  cluster.emit('online', worker);
}

function exitedAfterDisconnect(worker, message) {
  worker.exitedAfterDisconnect = true;
  send(worker, { ack: message.seq });
}

function queryServer(worker, message) {
  if (worker.exitedAfterDisconnect) return;
  const key = `${message.address}:${message.port}:${message.addressType}:${message.fd}:${message.index}`;
  let handle = handles.get(key);
  if (handle === undefined) {
    let address = message.address;
    // The shorter of the relative and absolute path (Unix socket paths are short).
    if (message.port < 0 && typeof address === 'string') {
      address = path.relative(process.cwd(), address);
      if (message.address.length < address.length) address = message.address;
    }
    const udp = message.addressType === 'udp4' || message.addressType === 'udp6';
    if (udp) throw errors.notImplemented('cluster dgram sockets');
    const Handle = schedulingPolicy === SCHED_RR ? RoundRobinHandle : SharedHandle;
    handle = new Handle(key, address, message);
    handle.sendHelper = send;
    handles.set(key, handle);
  }
  if (!handle.data) handle.data = message.data;
  handle.add(worker, (errno, reply, passed) => {
    const { data } = handles.get(key);
    if (errno) handles.delete(key);
    send(worker, { errno, key, ack: message.seq, data, ...reply }, passed);
  });
}

function listening(worker, message) {
  const info = {
    addressType: message.addressType,
    address: message.address,
    port: message.port,
    fd: message.fd,
  };
  worker.state = 'listening';
  worker.emit('listening', info);
  cluster.emit('listening', worker, info);
}

function close(worker, message) {
  const key = message.key;
  const handle = handles.get(key);
  if (handle !== undefined && handle.remove(worker)) handles.delete(key);
}

Worker.prototype.disconnect = function disconnect() {
  this.exitedAfterDisconnect = true;
  send(this, { act: 'disconnect' });
  removeHandlesForWorker(this);
  removeWorker(this);
  return this;
};

Worker.prototype.destroy = function destroy(signo) {
  this.process.kill(signo || 'SIGTERM');
};

module.exports = cluster;
