// Node's dgram: `Socket` is an EventEmitter over a native UDP socket of node-net
// (dgram.rs). The native socket exists from bind (explicit, or implicit on the first
// send/connect) until close; the JS sockets live in `sockets` under the native ids and the
// binding reports datagrams, receive errors and send completions through hooks.
'use strict';

const EventEmitter = require('events');
const nb = internal.natives.dgram;
const errors = internal.errors;
const makeError = errors.make;

const sockets = new Map(); // native id -> Socket
const kState = Symbol('state symbol');

const UNBOUND = 0;
const BINDING = 1;
const BOUND = 2;
const DISCONNECTED = 0;
const CONNECTING = 1;
const CONNECTED = 2;

let nextReq = 1;

// ---- errors ----------------------------------------------------------------------------

// A system error as the binding reports it ([message, errno, code, syscall, address,
// port], see net.rs's net_error) in node's exceptionWithHostPort shape; a Node error
// object (ERR_NOT_IMPLEMENTED) passes through.
function systemError(v) {
  if (!Array.isArray(v)) return v instanceof Error ? v : new Error(String(v));
  const [message, errno, code, syscall, address, port] = v;
  // node leaves port 0 out of the message and the error (`bind EINVAL 0.0.0.0`).
  const text = port === 0 ? message.replace(/:0$/, '') : message;
  const e = new Error(text);
  e.errno = errno;
  e.code = code;
  e.syscall = syscall;
  if (address !== undefined && address !== null) e.address = address;
  if (port) e.port = port;
  e.stack = internal.errorHeader(e);
  return e;
}

// node's errnoException: `${syscall} ${code}` with errno, code, syscall.
function errnoError(v, syscall) {
  if (!Array.isArray(v)) return systemError(v);
  const [, errno, code] = v;
  const e = new Error(`${syscall} ${code}`);
  e.errno = errno;
  e.code = code;
  e.syscall = syscall;
  e.stack = internal.errorHeader(e);
  return e;
}

const EBADF = [undefined, -9, 'EBADF'];

function notRunning() {
  return makeError(Error, 'ERR_SOCKET_DGRAM_NOT_RUNNING', 'Not running');
}

function notConnected() {
  return makeError(Error, 'ERR_SOCKET_DGRAM_NOT_CONNECTED', 'Not connected');
}

function isConnected() {
  return makeError(Error, 'ERR_SOCKET_DGRAM_IS_CONNECTED', 'Already connected');
}

// ERR_SOCKET_BUFFER_SIZE: a SystemError whose info is libuv's error of the size call.
function bufferSizeError(v) {
  const [, errno, code, syscall] = v;
  const message = nb.strerror(errno);
  return internal.hooks.makeError('Error', 'ERR_SOCKET_BUFFER_SIZE',
    `Could not get or set buffer size: ${syscall} returned ${code} (${message})`,
    { errno, syscall, info: [code, message] });
}

// ---- validation ------------------------------------------------------------------------

function validatePort(port, name = 'Port') {
  const legal = (typeof port === 'number' || (typeof port === 'string' && port.trim().length !== 0)) &&
    +port === (+port >>> 0) && +port <= 0xFFFF && +port !== 0;
  if (!legal) {
    throw makeError(RangeError, 'ERR_SOCKET_BAD_PORT',
      `${name} should be > 0 and < 65536. Received ${errors.specificType(port)}.`);
  }
  return +port;
}

function validateString(v, name) {
  if (typeof v !== 'string') throw errors.invalidArgType(name, 'string', v);
}

function validateNumber(v, name) {
  if (typeof v !== 'number') throw errors.invalidArgType(name, 'number', v);
}

const bufferTypes = ['string', 'Buffer', 'TypedArray', 'DataView'];

function toBuffer(chunk) {
  if (typeof chunk === 'string') return Buffer.from(chunk);
  if (ArrayBuffer.isView(chunk)) {
    return Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
  }
  return null;
}

function sliceBuffer(buffer, offset, length) {
  const buf = toBuffer(buffer);
  if (buf === null) throw errors.invalidArgType('buffer', bufferTypes, buffer);
  offset >>>= 0;
  length >>>= 0;
  if (offset > buf.byteLength) {
    throw makeError(RangeError, 'ERR_BUFFER_OUT_OF_BOUNDS', '"offset" is outside of buffer bounds');
  }
  if (offset + length > buf.byteLength) {
    throw makeError(RangeError, 'ERR_BUFFER_OUT_OF_BOUNDS', '"length" is outside of buffer bounds');
  }
  return Buffer.from(buf.buffer, buf.byteOffset + offset, length);
}

function bufferList(list) {
  const out = [];
  for (const chunk of list) {
    const buf = toBuffer(chunk);
    if (buf === null) return null;
    out.push(buf);
  }
  return out;
}

// ---- lookup ----------------------------------------------------------------------------

function defaultLookup(address, family, callback) {
  require('dns').lookup(address, family, callback);
}

function lookupFor(socket, address, callback) {
  const state = socket[kState];
  const fallback = socket.type === 'udp4' ? '127.0.0.1' : '::1';
  state.lookup(address || fallback, socket.type === 'udp4' ? 4 : 6, callback);
}

// ---- Socket ----------------------------------------------------------------------------

function Socket(type, listener) {
  EventEmitter.call(this);
  let options;
  let lookup;
  let recvBufferSize;
  let sendBufferSize;
  if (type !== null && typeof type === 'object') {
    options = type;
    type = options.type;
    lookup = options.lookup;
    if (options.recvBufferSize !== undefined) {
      validateBufferOption(options.recvBufferSize, 'options.recvBufferSize');
      recvBufferSize = options.recvBufferSize;
    }
    if (options.sendBufferSize !== undefined) {
      validateBufferOption(options.sendBufferSize, 'options.sendBufferSize');
      sendBufferSize = options.sendBufferSize;
    }
  }
  if (lookup !== undefined && typeof lookup !== 'function') {
    throw errors.invalidArgType('lookup', 'Function', lookup);
  }
  if (type !== 'udp4' && type !== 'udp6') {
    throw makeError(TypeError, 'ERR_SOCKET_BAD_TYPE',
      'Bad socket type specified. Valid types are: udp4, udp6');
  }
  this.type = type;
  if (typeof listener === 'function') this.on('message', listener);
  this[kState] = {
    id: 0,
    closed: false,
    receiving: false,
    bindState: UNBOUND,
    connectState: DISCONNECTED,
    queue: undefined,
    reuseAddr: options && options.reuseAddr,
    ipv6Only: options && options.ipv6Only,
    recvBufferSize,
    sendBufferSize,
    lookup: lookup || defaultLookup,
    refed: true,
    sends: new Map(), // request id -> { callback, size }
    queueSize: 0,
  };
  if (options && options.signal !== undefined) {
    const signal = options.signal;
    if (signal === null || typeof signal !== 'object' || !('aborted' in signal)) {
      throw errors.invalidArgType('options.signal', 'AbortSignal', signal);
    }
    const onAborted = () => {
      if (!this[kState].closed) this.close();
    };
    // node closes a socket whose signal is already aborted before returning it.
    if (signal.aborted) onAborted();
    else {
      signal.addEventListener('abort', onAborted, { once: true });
      this.once('close', () => signal.removeEventListener('abort', onAborted));
    }
  }
}
Object.setPrototypeOf(Socket.prototype, EventEmitter.prototype);
Object.setPrototypeOf(Socket, EventEmitter);

function validateBufferOption(v, name) {
  if (typeof v !== 'number') throw errors.invalidArgType(name, 'number', v);
  if (!Number.isInteger(v) || v < 0 || v > 4294967295) {
    throw errors.outOfRange(name, '>= 0 && <= 4294967295', v);
  }
}

function healthCheck(socket) {
  if (socket[kState].closed) throw notRunning();
}

// Runs `fn` once the socket is bound; a failed bind drops the queue.
function enqueue(socket, fn) {
  const state = socket[kState];
  if (state.queue === undefined) {
    state.queue = [];
    const onError = () => {
      socket.removeListener('listening', onListening);
      state.queue = undefined;
    };
    const onListening = () => {
      socket.removeListener(EventEmitter.errorMonitor, onError);
      const queue = state.queue;
      state.queue = undefined;
      for (const job of queue) job();
    };
    socket.once(EventEmitter.errorMonitor, onError);
    socket.once('listening', onListening);
  }
  state.queue.push(fn);
}

Socket.prototype.bind = function bind(port_, address_ /* , callback */) {
  healthCheck(this);
  const state = this[kState];
  if (state.bindState !== UNBOUND) {
    throw makeError(Error, 'ERR_SOCKET_ALREADY_BOUND', 'Socket is already bound');
  }
  let port = port_;
  let address;
  let exclusive = false;
  const cb = arguments[arguments.length - 1];
  if (port !== null && typeof port === 'object') {
    if (port.fd !== undefined) throw errors.notImplemented('dgram.Socket.bind({ fd })');
    address = port.address || '';
    exclusive = !!port.exclusive;
    port = port.port;
  } else {
    address = typeof address_ === 'function' ? '' : address_;
  }
  if (internal.clusterWorker && !exclusive) {
    throw errors.notImplemented('dgram.Socket.bind in a cluster worker (without exclusive)');
  }
  state.bindState = BINDING;
  if (typeof cb === 'function') {
    const onListening = () => {
      this.removeListener('error', onError);
      cb.call(this);
    };
    const onError = () => this.removeListener('listening', onListening);
    this.once('error', onError);
    this.once('listening', onListening);
  }
  if (!address) address = this.type === 'udp4' ? '0.0.0.0' : '::';
  // libuv takes the port as a C unsigned int cut to 16 bits.
  port = (port >>> 0) & 0xFFFF;
  state.lookup(address, this.type === 'udp4' ? 4 : 6, (err, ip) => {
    if (state.closed) return;
    if (err) {
      state.bindState = UNBOUND;
      this.emit('error', err);
      return;
    }
    if (state.id !== 0) {
      // addMembership bound the socket already (libuv's deferred bind).
      state.bindState = UNBOUND;
      this.emit('error', systemError([`bind EINVAL ${ip}:${port}`, -22, 'EINVAL', 'bind', ip, port]));
      return;
    }
    const [id, bindErr] = nb.bind(ip, port, !!state.reuseAddr, !!state.ipv6Only);
    if (!id) {
      state.bindState = UNBOUND;
      this.emit('error', systemError(bindErr));
      return;
    }
    adopt(this, id);
    state.bindState = BOUND;
    if (state.recvBufferSize) bufferSize(this, true, state.recvBufferSize);
    if (state.sendBufferSize) bufferSize(this, false, state.sendBufferSize);
    this.emit('listening');
  });
  return this;
};

function adopt(socket, id) {
  const state = socket[kState];
  state.id = id;
  state.receiving = true;
  sockets.set(id, socket);
  if (!state.refed) nb.setRef(id, false);
}

function implicitBind(socket) {
  if (socket[kState].bindState === UNBOUND) socket.bind({ port: 0, exclusive: true }, null);
}

Socket.prototype.connect = function connect(port, address, callback) {
  port = validatePort(port);
  if (typeof address === 'function') {
    callback = address;
    address = '';
  } else if (address === undefined) {
    address = '';
  }
  validateString(address, 'address');
  const state = this[kState];
  if (state.connectState !== DISCONNECTED) throw isConnected();
  state.connectState = CONNECTING;
  implicitBind(this);
  if (state.bindState !== BOUND) {
    enqueue(this, () => startConnect(this, port, address, callback));
    return;
  }
  startConnect(this, port, address, callback);
};

function startConnect(socket, port, address, callback) {
  const state = socket[kState];
  if (typeof callback === 'function') socket.once('connect', callback);
  lookupFor(socket, address, (ex, ip) => {
    if (state.closed) return;
    if (!ex) {
      const err = nb.connect(state.id, ip, port);
      if (err !== undefined) ex = systemError(err);
    }
    if (ex) {
      state.connectState = DISCONNECTED;
      process.nextTick(() => {
        if (typeof callback === 'function') {
          socket.removeListener('connect', callback);
          callback(ex);
        } else {
          socket.emit('error', ex);
        }
      });
      return;
    }
    state.connectState = CONNECTED;
    process.nextTick(() => socket.emit('connect'));
  });
}

Socket.prototype.disconnect = function disconnect() {
  healthCheck(this);
  const state = this[kState];
  if (state.connectState !== CONNECTED) throw notConnected();
  const err = nb.disconnect(state.id);
  if (err !== undefined) throw errnoError(err, 'disconnect');
  state.connectState = DISCONNECTED;
};

Socket.prototype.sendto = function sendto(buffer, offset, length, port, address, callback) {
  validateNumber(offset, 'offset');
  validateNumber(length, 'length');
  validateNumber(port, 'port');
  validateString(address, 'address');
  this.send(buffer, offset, length, port, address, callback);
};

Socket.prototype.send = function send(buffer, offset, length, port, address, callback) {
  const state = this[kState];
  const connected = state.connectState === CONNECTED;
  if (!connected) {
    if (address || (port && typeof port !== 'function')) {
      buffer = sliceBuffer(buffer, offset, length);
    } else {
      callback = port;
      port = offset;
      address = length;
    }
  } else {
    if (typeof length === 'number') {
      buffer = sliceBuffer(buffer, offset, length);
      if (typeof port === 'function') {
        callback = port;
        port = null;
      }
    } else {
      callback = offset;
    }
    if (port || address) throw isConnected();
  }
  let list;
  if (!Array.isArray(buffer)) {
    const buf = toBuffer(buffer);
    if (buf === null) throw errors.invalidArgType('buffer', bufferTypes, buffer);
    list = [buf];
  } else {
    list = bufferList(buffer);
    if (list === null) throw errors.invalidArgType('buffer list arguments', bufferTypes, buffer);
  }
  if (!connected) port = validatePort(port);
  if (typeof address === 'function') {
    callback = address;
    address = undefined;
  } else if (address != null) {
    validateString(address, 'address');
  }
  healthCheck(this);
  if (typeof callback !== 'function') callback = undefined;
  implicitBind(this);
  if (list.length === 0) list.push(Buffer.alloc(0));
  if (state.bindState !== BOUND) {
    enqueue(this, () => startSend(this, list, port, address, callback));
    return;
  }
  startSend(this, list, port, address, callback);
};

function startSend(socket, list, port, address, callback) {
  const state = socket[kState];
  if (state.connectState === CONNECTED) {
    deliver(socket, null, null, list, port, callback);
    return;
  }
  lookupFor(socket, address, (ex, ip) => deliver(socket, ex, ip, list, port, callback));
}

function deliver(socket, ex, ip, list, port, callback) {
  const state = socket[kState];
  if (ex) {
    if (callback) process.nextTick(callback, ex);
    else process.nextTick(() => socket.emit('error', ex));
    return;
  }
  if (state.closed) return;
  const data = list.length === 1 ? list[0] : Buffer.concat(list);
  const req = nextReq++;
  if (nextReq > 0x3fffffff) nextReq = 1;
  const queued = ip === null ? nb.send(state.id, req, data, undefined, 0)
    : nb.send(state.id, req, data, ip, port);
  if (queued === true) {
    state.sends.set(req, { callback, size: data.byteLength });
    state.queueSize += data.byteLength;
    return;
  }
  // Sent (or failed) at once, as libuv's try-send: the callback runs on the next tick.
  if (!callback) return;
  if (queued === false) process.nextTick(callback, errnoError(EBADF, 'send'));
  else if (queued[0] !== undefined) process.nextTick(callback, systemError(queued[0]));
  else process.nextTick(callback, null, queued[1]);
}

internal.hooks.udpAfterSend = function udpAfterSend(id, req, err, sent) {
  const socket = sockets.get(id);
  if (socket === undefined) return;
  const state = socket[kState];
  const entry = state.sends.get(req);
  if (entry === undefined) return;
  state.sends.delete(req);
  state.queueSize -= entry.size;
  // node reports send errors only to a callback.
  if (entry.callback) {
    if (err !== undefined) entry.callback(systemError(err));
    else entry.callback(null, sent);
  }
};

internal.hooks.udpMessage = function udpMessage(id, bytes, address, family, port) {
  const socket = sockets.get(id);
  if (socket === undefined || !socket[kState].receiving) return;
  const msg = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  socket.emit('message', msg, { address, family, port, size: msg.length });
};

internal.hooks.udpError = function udpError(id, err) {
  const socket = sockets.get(id);
  if (socket === undefined) return;
  socket.emit('error', errnoError(err, 'recvmsg'));
};

Socket.prototype.close = function close(callback) {
  const state = this[kState];
  if (typeof callback === 'function') this.on('close', callback);
  if (state.queue !== undefined) {
    state.queue.push(() => this.close());
    return this;
  }
  healthCheck(this);
  state.closed = true;
  state.receiving = false;
  if (state.id !== 0) {
    nb.close(state.id);
    sockets.delete(state.id);
  }
  process.nextTick(() => this.emit('close'));
  return this;
};

Socket.prototype[Symbol.asyncDispose] = async function asyncDispose() {
  if (this[kState].closed) return;
  await new Promise((resolve, reject) => {
    try {
      this.close(resolve);
    } catch (e) {
      reject(e);
    }
  });
};

Socket.prototype.address = function address() {
  healthCheck(this);
  const state = this[kState];
  if (state.id === 0) throw errnoError(EBADF, 'getsockname');
  const [err, info] = nb.address(state.id);
  if (err !== undefined) throw errnoError(err, 'getsockname');
  return info;
};

Socket.prototype.remoteAddress = function remoteAddress() {
  healthCheck(this);
  const state = this[kState];
  if (state.connectState !== CONNECTED) throw notConnected();
  const [err, info] = nb.remoteAddress(state.id);
  if (err !== undefined) throw errnoError(err, 'getpeername');
  return info;
};

// A socket option by node's method name. A closed socket has no handle in node either:
// the same TypeError its binding throws.
function setOption(socket, name, a, b, c) {
  const state = socket[kState];
  if (state.closed) throw new TypeError(`Cannot read properties of null (reading '${name}')`);
  if (state.id === 0) throw errnoError(EBADF, name);
  const err = nb.option(state.id, name, a, b, c);
  if (err !== undefined) throw errnoError(err, name);
}

Socket.prototype.setBroadcast = function setBroadcast(arg) {
  setOption(this, 'setBroadcast', !!arg);
};

Socket.prototype.setTTL = function setTTL(ttl) {
  validateNumber(ttl, 'ttl');
  setOption(this, 'setTTL', ttl);
  return ttl;
};

Socket.prototype.setMulticastTTL = function setMulticastTTL(ttl) {
  validateNumber(ttl, 'ttl');
  setOption(this, 'setMulticastTTL', ttl);
  return ttl;
};

Socket.prototype.setMulticastLoopback = function setMulticastLoopback(arg) {
  setOption(this, 'setMulticastLoopback', !!arg);
  return arg;
};

Socket.prototype.setMulticastInterface = function setMulticastInterface(interfaceAddress) {
  healthCheck(this);
  validateString(interfaceAddress, 'interfaceAddress');
  setOption(this, 'setMulticastInterface', interfaceAddress);
};

// libuv binds an unbound socket to the any-address when it joins or leaves a group.
function bindForMembership(socket) {
  const state = socket[kState];
  if (state.id !== 0 || state.closed) return;
  const [id, err] = nb.bind(socket.type === 'udp4' ? '0.0.0.0' : '::', 0, true, !!state.ipv6Only);
  if (!id) throw systemError(err);
  adopt(socket, id);
}

Socket.prototype.addMembership = function addMembership(multicastAddress, interfaceAddress) {
  healthCheck(this);
  if (!multicastAddress) {
    throw makeError(TypeError, 'ERR_MISSING_ARGS', 'The "multicastAddress" argument must be specified');
  }
  bindForMembership(this);
  setOption(this, 'addMembership', multicastAddress, interfaceAddress);
};

Socket.prototype.dropMembership = function dropMembership(multicastAddress, interfaceAddress) {
  healthCheck(this);
  if (!multicastAddress) {
    throw makeError(TypeError, 'ERR_MISSING_ARGS', 'The "multicastAddress" argument must be specified');
  }
  bindForMembership(this);
  setOption(this, 'dropMembership', multicastAddress, interfaceAddress);
};

Socket.prototype.addSourceSpecificMembership = function addSourceSpecificMembership(
  sourceAddress, groupAddress, interfaceAddress) {
  healthCheck(this);
  validateString(sourceAddress, 'sourceAddress');
  validateString(groupAddress, 'groupAddress');
  bindForMembership(this);
  setOption(this, 'addSourceSpecificMembership', sourceAddress, groupAddress, interfaceAddress);
};

Socket.prototype.dropSourceSpecificMembership = function dropSourceSpecificMembership(
  sourceAddress, groupAddress, interfaceAddress) {
  healthCheck(this);
  validateString(sourceAddress, 'sourceAddress');
  validateString(groupAddress, 'groupAddress');
  bindForMembership(this);
  setOption(this, 'dropSourceSpecificMembership', sourceAddress, groupAddress, interfaceAddress);
};

function bufferSize(socket, recv, size) {
  if (size !== undefined && (typeof size !== 'number' || !(size >= 0) || size > 4294967295 ||
      !Number.isInteger(size))) {
    throw makeError(TypeError, 'ERR_SOCKET_BAD_BUFFER_SIZE', 'Buffer size must be a positive integer');
  }
  const state = socket[kState];
  const syscall = recv ? 'uv_recv_buffer_size' : 'uv_send_buffer_size';
  if (state.id === 0) throw bufferSizeError([undefined, -9, 'EBADF', syscall]);
  const [err, n] = size === undefined ? nb.bufferSize(state.id, recv) : nb.bufferSize(state.id, recv, size);
  if (err !== undefined) throw bufferSizeError(err);
  return n;
}

Socket.prototype.setRecvBufferSize = function setRecvBufferSize(size) {
  bufferSize(this, true, size);
};

Socket.prototype.setSendBufferSize = function setSendBufferSize(size) {
  bufferSize(this, false, size);
};

Socket.prototype.getRecvBufferSize = function getRecvBufferSize() {
  return bufferSize(this, true);
};

Socket.prototype.getSendBufferSize = function getSendBufferSize() {
  return bufferSize(this, false);
};

Socket.prototype.getSendQueueSize = function getSendQueueSize() {
  return this[kState].queueSize;
};

Socket.prototype.getSendQueueCount = function getSendQueueCount() {
  return this[kState].sends.size;
};

Socket.prototype.ref = function ref() {
  const state = this[kState];
  state.refed = true;
  if (state.id !== 0) nb.setRef(state.id, true);
  return this;
};

Socket.prototype.unref = function unref() {
  const state = this[kState];
  state.refed = false;
  if (state.id !== 0) nb.setRef(state.id, false);
  return this;
};

function createSocket(type, listener) {
  return new Socket(type, listener);
}

function createSocketHandle() {
  throw errors.notImplemented('dgram._createSocketHandle');
}

module.exports = {
  _createSocketHandle: createSocketHandle,
  createSocket,
  Socket,
};
