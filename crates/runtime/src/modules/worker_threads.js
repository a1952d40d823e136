// worker_threads over node-workers (worker_threads.rs): MessagePort/MessageChannel, Worker,
// and the worker side (parentPort, workerData). Native ports and workers are ids; the JS
// objects live in the tables below, so QuickJS's GC sees every listener.
'use strict';

const EventEmitter = require('events');
const path = require('path');
const { errors, hooks } = internal;
const wb = internal.natives.worker;
const { needsEncoding, encode, decode } = internal.requireBuiltin('internal/worker_wire', true);
const info = internal.workerInfo;

const kId = Symbol('kId');
const kCreate = Symbol('kCreate');
const kStarted = Symbol('kStarted');
const kClosing = Symbol('kClosing');
const kEventListeners = Symbol('kEventListeners');
const kTerminate = Symbol('kTerminate');
const kReceived = Symbol('kReceived');
const ports = new Map();
const workers = new Map();
const untransferable = new WeakSet();
const environmentData = new Map();
const SHARE_ENV = Symbol.for('nodejs.worker_threads.SHARE_ENV');
const toString = Object.prototype.toString;

const isPort = (v) => v instanceof MessagePort;

function dataCloneError(message) {
  return new globalThis.DOMException(message, 'DataCloneError');
}

// A transfer list (an iterable, or node's `{ transfer }` options form): ArrayBuffers to
// detach and ports to move.
const NOTHING = Object.freeze([Object.freeze([]), Object.freeze([])]);
function parseTransfer(list, self) {
  if (list === undefined || list === null) return NOTHING;
  const buffers = [];
  const moved = [];
  if (typeof list === 'object' && typeof list[Symbol.iterator] !== 'function' && 'transfer' in list) {
    list = list.transfer;
    if (list === undefined || list === null) return [buffers, moved];
  }
  if (typeof list !== 'object' || typeof list[Symbol.iterator] !== 'function') {
    throw errors.make(TypeError, 'ERR_INVALID_ARG_TYPE', 'Optional transferList argument must be an iterable');
  }
  for (const item of list) {
    if (toString.call(item) === '[object ArrayBuffer]') {
      // node 20: an untransferable buffer in the list is copied, not moved.
      if (!untransferable.has(item) && !buffers.includes(item)) buffers.push(item);
    } else if (isPort(item)) {
      if (item === self) throw dataCloneError('Transfer list contains source port');
      if (!moved.includes(item)) moved.push(item);
    } else {
      throw errors.make(TypeError, 'ERR_INVALID_TRANSFER_OBJECT', 'Found invalid object in transferList');
    }
  }
  return [buffers, moved];
}

// Serializes `value` into the native message to endpoint `id`.
function send(id, value, transferList, self) {
  const [buffers, moved] = parseTransfer(transferList, self);
  if (moved.length === 0 && !needsEncoding(value, isPort) && wb.post(id, value, false, buffers, [])) return;
  const wire = encode(value, isPort, moved, false);
  const ids = moved.map((p) => p[kId]);
  if (!wb.post(id, wire, true, buffers, ids)) throw dataCloneError(`${internal.inspect(value)} could not be cloned.`);
  for (const p of moved) {
    ports.delete(p[kId]);
    p[kId] = 0;
  }
}

function receivedPorts(ids) {
  return ids.map((i) => new MessagePort(kCreate, i));
}

const { Event, EventTarget } = internal.web;

// The WHATWG MessageEvent (a global in node 20).
class MessageEvent extends Event {
  #data; #origin; #lastEventId; #source; #ports;
  constructor(type, init = undefined) {
    if (arguments.length === 0) throw errors.make(TypeError, 'ERR_MISSING_ARGS', 'The "type" argument must be specified');
    super(type, init);
    this.#data = init?.data ?? null;
    this.#origin = `${init?.origin ?? ''}`;
    this.#lastEventId = `${init?.lastEventId ?? ''}`;
    this.#source = init?.source ?? null;
    this.#ports = init?.ports === undefined ? [] : [...init.ports];
  }
  get data() { return this.#data; }
  get origin() { return this.#origin; }
  get lastEventId() { return this.#lastEventId; }
  get source() { return this.#source; }
  get ports() { return this.#ports; }
}
Object.defineProperty(MessageEvent.prototype, Symbol.toStringTag, { value: 'MessageEvent', configurable: true });

function messageEvent(type, target, data, received) {
  const e = new MessageEvent(type, { data, ports: received });
  e.target = target;
  return e;
}

// ---- MessagePort ------------------------------------------------------------------------
// An EventEmitter with node's EventTarget-style extras (addEventListener, onmessage).
class MessagePort extends EventEmitter {
  constructor(token, id) {
    if (token !== kCreate) {
      throw errors.make(TypeError, 'ERR_CONSTRUCT_CALL_INVALID', 'Constructor cannot be called');
    }
    super();
    this[kId] = id;
    this[kStarted] = false;
    this[kClosing] = false;
    ports.set(id, this);
    // Only a 'message' listener keeps the loop alive (node's newListener handling).
    wb.ref(id, false);
  }

  postMessage(value, transferList) {
    if (!this[kId] || this[kClosing]) return;
    send(this[kId], value, transferList, this);
  }

  start() {
    if (!this[kId] || this[kStarted]) return;
    this[kStarted] = true;
    wb.start(this[kId]);
  }

  close() {
    const id = this[kId];
    if (!id || this[kClosing]) return;
    this[kClosing] = true;
    // 'close' comes from the loop, also for a port nobody started.
    this.start();
    wb.close(id);
  }

  ref() {
    if (this[kId]) wb.ref(this[kId], true);
    return this;
  }

  unref() {
    if (this[kId]) wb.ref(this[kId], false);
    return this;
  }

  hasRef() {
    return this[kId] ? wb.hasRef(this[kId]) : false;
  }

  addEventListener(type, listener) {
    if (typeof listener !== 'function') return;
    const wrapped = (data) => listener.call(this, type === 'message' ? messageEvent(type, this, data, this[kReceived] ?? []) : data);
    (this[kEventListeners] ??= []).push([type, listener, wrapped]);
    this.on(type, wrapped);
  }

  removeEventListener(type, listener) {
    const list = this[kEventListeners];
    if (!list) return;
    const i = list.findIndex(([t, l]) => t === type && l === listener);
    if (i === -1) return;
    this.removeListener(type, list[i][2]);
    list.splice(i, 1);
  }

  get onmessage() { return this[kEventListeners]?.onmessage ?? null; }
  set onmessage(fn) { setHandler(this, 'message', fn); }
  get onmessageerror() { return this[kEventListeners]?.onmessageerror ?? null; }
  set onmessageerror(fn) { setHandler(this, 'messageerror', fn); }
}

function setHandler(port, type, fn) {
  const list = port[kEventListeners] ??= [];
  const key = `on${type}`;
  if (list[key]) port.removeEventListener(type, list[key]);
  list[key] = typeof fn === 'function' ? fn : null;
  if (list[key]) port.addEventListener(type, list[key]);
}

// A 'message' listener starts the port and refs it; removing the last one unrefs it.
for (const name of ['on', 'addListener', 'once', 'prependListener', 'prependOnceListener']) {
  const base = EventEmitter.prototype[name];
  MessagePort.prototype[name] = function (type, listener) {
    base.call(this, type, listener);
    if (type === 'message' && this[kId] && !this[kClosing]) {
      this.start();
      wb.ref(this[kId], true);
    }
    return this;
  };
}
for (const name of ['off', 'removeListener', 'removeAllListeners']) {
  const base = EventEmitter.prototype[name];
  MessagePort.prototype[name] = function (...args) {
    base.apply(this, args);
    if (this[kId] && this.listenerCount('message') === 0) wb.ref(this[kId], false);
    return this;
  };
}

hooks.portEvent = (id, kind, value, special, ids) => {
  const port = ports.get(id);
  if (port === undefined) return;
  if (port instanceof BroadcastChannel) {
    if (kind === 'messageerror') port.dispatchEvent(messageEvent('messageerror', port, value, []));
    else if (kind === 'message') port.dispatchEvent(messageEvent('message', port, special ? decode(value, []) : value, []));
    return;
  }
  if (kind === 'close') {
    ports.delete(id);
    port[kId] = 0;
    port.emit('close');
    return;
  }
  if (port[kClosing]) return;
  if (kind === 'messageerror') {
    port.emit('messageerror', value);
    return;
  }
  const received = receivedPorts(ids);
  port[kReceived] = received;
  port.emit('message', special ? decode(value, received) : value);
};

class MessageChannel {
  constructor() {
    const [a, b] = wb.channel();
    this.port1 = new MessagePort(kCreate, a);
    this.port2 = new MessagePort(kCreate, b);
  }
}

function receiveMessageOnPort(port) {
  if (!isPort(port)) {
    throw errors.make(TypeError, 'ERR_INVALID_ARG_TYPE', 'The "port" argument must be a MessagePort instance');
  }
  if (!port[kId]) return undefined;
  const r = wb.receive(port[kId]);
  if (r === undefined || r === null) return undefined;
  const [value, special, ids] = r;
  const received = receivedPorts(ids);
  return { message: special ? decode(value, received) : value };
}

// ---- Worker -----------------------------------------------------------------------------
function workerEnv(env) {
  if (env === SHARE_ENV) return null;
  if (env === undefined) env = process.env;
  else if (env === null || typeof env !== 'object') {
    throw errors.invalidArgType('options.env', 'Object', env);
  }
  return Object.keys(env).map((k) => [k, String(env[k])]);
}

function workerFilename(filename, isEval) {
  if (isEval) {
    if (typeof filename !== 'string') throw errors.invalidArgType('filename', 'string', filename);
    return filename;
  }
  if (filename !== null && typeof filename === 'object' && typeof filename.href === 'string') {
    if (filename.protocol !== 'file:') {
      throw errors.make(TypeError, 'ERR_INVALID_URL_SCHEME', 'The URL must be of scheme file');
    }
    return require('url').fileURLToPath(filename);
  }
  if (typeof filename !== 'string') throw errors.invalidArgType('filename', ['string', 'URL'], filename);
  if (!path.isAbsolute(filename) && !/^\.\.?[\\/]/.test(filename)) {
    throw errors.make(TypeError, 'ERR_WORKER_PATH',
      'The worker script or module filename must be an absolute path or a relative path ' +
      `starting with './' or '../'. Received "${filename}"`);
  }
  return path.resolve(filename);
}

function notImplementedOption(options, name, what = `worker_threads.Worker option ${name}`) {
  const v = options[name];
  if (v === undefined || v === false || v === null) return;
  if (typeof v === 'object' && Object.keys(v).length === 0) return;
  throw errors.notImplemented(what);
}

class Worker extends EventEmitter {
  constructor(filename, options = {}) {
    super();
    if (options === null || typeof options !== 'object') throw errors.invalidArgType('options', 'Object', options);
    const isEval = !!options.eval;
    const file = workerFilename(filename, isEval);
    let argv = [];
    if (options.argv !== undefined) {
      if (!Array.isArray(options.argv)) throw errors.invalidArgType('options.argv', 'Array', options.argv);
      argv = options.argv.map(String);
    }
    for (const name of ['stdin', 'stdout', 'stderr', 'resourceLimits']) {
      notImplementedOption(options, name);
    }
    // Workers run with the process's own flags; other flags cannot be honoured yet.
    if (options.execArgv !== undefined) {
      if (!Array.isArray(options.execArgv)) throw errors.invalidArgType('options.execArgv', 'Array', options.execArgv);
      const same = options.execArgv.length === process.execArgv.length &&
        options.execArgv.every((a, i) => a === process.execArgv[i]);
      if (!same) throw errors.notImplemented('worker_threads.Worker option execArgv (other than process.execArgv)');
    }
    const [buffers, moved] = parseTransfer(options.transferList, null);
    const spec = {
      filename: file,
      eval: isEval,
      argv,
      env: workerEnv(options.env),
      name: options.name === undefined ? '' : String(options.name),
    };
    const data = { d: options.workerData, e: environmentData };
    let r = moved.length > 0 || needsEncoding(data, isPort) ? null : wb.spawn(spec, data, false, buffers, []);
    if (r === null || r === undefined) {
      const ids = moved.map((p) => p[kId]);
      r = wb.spawn(spec, encode(data, isPort, moved, false), true, buffers, ids);
      if (r === null || r === undefined) throw dataCloneError(`${internal.inspect(options.workerData)} could not be cloned.`);
      for (const p of moved) {
        ports.delete(p[kId]);
        p[kId] = 0;
      }
    }
    this[kId] = r[0];
    this.threadId = r[1];
    this[kTerminate] = [];
    workers.set(r[0], this);
    wb.start(r[0]);
  }

  postMessage(value, transferList) {
    if (!this[kId]) return;
    send(this[kId], value, transferList, null);
  }

  terminate(callback) {
    if (typeof callback === 'function') {
      process.emitWarning('Passing a callback to worker.terminate() is deprecated. It returns a Promise instead.',
        'DeprecationWarning', 'DEP0132');
    }
    const p = !this[kId] ? Promise.resolve() : new Promise((resolve) => {
      this[kTerminate].push(resolve);
      wb.terminate(this[kId]);
    });
    if (typeof callback === 'function') p.then((code) => callback(null, code));
    return p;
  }

  ref() {
    if (this[kId]) wb.ref(this[kId], true);
  }

  unref() {
    if (this[kId]) wb.ref(this[kId], false);
  }

  get stdin() { throw errors.notImplemented('worker.stdin'); }
  get stdout() { throw errors.notImplemented('worker.stdout'); }
  get stderr() { throw errors.notImplemented('worker.stderr'); }
  get resourceLimits() { throw errors.notImplemented('worker.resourceLimits'); }
  get performance() { throw errors.notImplemented('worker.performance'); }
  getHeapSnapshot() { throw errors.notImplemented('worker.getHeapSnapshot'); }
}

hooks.workerEvent = (id, kind, value, special, ids) => {
  const w = workers.get(id);
  if (w === undefined) return;
  switch (kind) {
    case 'online': w.emit('online'); break;
    case 'message': {
      const received = receivedPorts(ids);
      w.emit('message', special ? decode(value, received) : value);
      break;
    }
    case 'messageerror': w.emit('messageerror', value); break;
    case 'error': w.emit('error', special ? decode(value, []) : value); break;
    case 'exit': {
      workers.delete(id);
      w[kId] = 0;
      w.threadId = -1;
      const waiting = w[kTerminate];
      w[kTerminate] = [];
      for (const resolve of waiting) resolve(value);
      w.emit('exit', value);
      break;
    }
    default: break;
  }
};

// ---- this thread ------------------------------------------------------------------------
let parentPort = null;
let workerData = null;
if (info) {
  const id = wb.parentPort();
  if (id !== undefined && id !== null) parentPort = new MessagePort(kCreate, id);
  const r = wb.workerData();
  if (r !== undefined && r !== null) {
    const data = r[1] ? decode(r[0], receivedPorts(r[2])) : r[0];
    workerData = data.d;
    for (const [k, v] of data.e) environmentData.set(k, v);
  }
  // An uncaught exception becomes the parent's 'error' event (fatal.js).
  internal.reportWorkerError = (err) => {
    if (err instanceof Error || !wb.reportError(err, false)) {
      wb.reportError(encode(err, isPort, [], true), true);
    }
  };
}

function markAsUntransferable(obj) {
  if (obj !== null && (typeof obj === 'object' || typeof obj === 'function')) untransferable.add(obj);
}

function setEnvironmentData(key, value) {
  if (value === undefined) environmentData.delete(key);
  else environmentData.set(key, value);
}

function getEnvironmentData(key) {
  return environmentData.get(key);
}

// A named channel across threads (node-workers' BroadcastChannel); an EventTarget as node's.
const kHandlers = Symbol('kHandlers');
class BroadcastChannel extends EventTarget {
  #id; #name;
  constructor(name) {
    if (arguments.length === 0) throw errors.make(TypeError, 'ERR_MISSING_ARGS', 'The "name" argument must be specified');
    super();
    this.#name = `${name}`;
    this.#id = wb.broadcast(this.#name);
    ports.set(this.#id, this);
    // Open channels keep the process alive until closed, as node's.
    wb.start(this.#id);
  }
  get name() { return this.#name; }
  postMessage(message) {
    if (this.#id === 0) throw new globalThis.DOMException('BroadcastChannel is closed.', 'InvalidStateError');
    if (arguments.length === 0) throw errors.make(TypeError, 'ERR_MISSING_ARGS', 'The "message" argument must be specified');
    send(this.#id, message, undefined, null);
  }
  close() {
    if (this.#id === 0) return;
    ports.delete(this.#id);
    wb.close(this.#id);
    this.#id = 0;
  }
  ref() {
    if (this.#id !== 0) wb.ref(this.#id, true);
    return this;
  }
  unref() {
    if (this.#id !== 0) wb.ref(this.#id, false);
    return this;
  }
  get onmessage() { return this[kHandlers]?.message ?? null; }
  set onmessage(fn) { setEventHandler(this, 'message', fn); }
  get onmessageerror() { return this[kHandlers]?.messageerror ?? null; }
  set onmessageerror(fn) { setEventHandler(this, 'messageerror', fn); }
}
Object.defineProperty(BroadcastChannel.prototype, Symbol.toStringTag, { value: 'BroadcastChannel', configurable: true });

function setEventHandler(target, type, fn) {
  const handlers = target[kHandlers] ??= {};
  if (handlers[type]) target.removeEventListener(type, handlers[type]);
  handlers[type] = typeof fn === 'function' ? fn : null;
  if (handlers[type]) target.addEventListener(type, handlers[type]);
}

internal.MessageEvent = MessageEvent;

module.exports = {
  isMainThread: !info,
  MessagePort,
  MessageChannel,
  markAsUntransferable,
  moveMessagePortToContext() { throw errors.notImplemented('worker_threads.moveMessagePortToContext'); },
  receiveMessageOnPort,
  resourceLimits: {},
  postMessageToThread() { throw errors.notImplemented('worker_threads.postMessageToThread'); },
  threadId: info ? info.threadId : 0,
  SHARE_ENV,
  Worker,
  parentPort,
  workerData,
  BroadcastChannel,
  setEnvironmentData,
  getEnvironmentData,
};
