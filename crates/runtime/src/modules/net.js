// Node's net (lib/net.js shape): `Socket` is a stream.Duplex whose _read/_write/_final/
// _destroy drive a native socket of node-net (net.rs); `Server` an EventEmitter over a
// native listener. The JS objects live in the tables below under the native ids, and the
// binding reports events through internal hooks in the poll phase.
'use strict';

const EventEmitter = require('events');
const stream = require('stream');
const nb = internal.natives.net;
const errors = internal.errors;
const makeError = errors.make;

const sockets = new Map(); // native socket id -> Socket
const servers = new Map(); // native server id -> Server
const connects = new Map(); // connect request id -> Socket

const kId = Symbol('kId');
const kInfo = Symbol('kInfo');
const kWrites = Symbol('kWrites');
const kTimer = Symbol('kTimer');
const kBytes = Symbol('kBytes');
const kPendingWrite = Symbol('kPendingWrite');
const kServer = Symbol('kServer');

let nextReq = 1;

function toBuffer(u8) {
  return typeof Buffer === 'function' ? Buffer.from(u8.buffer, u8.byteOffset, u8.byteLength) : u8;
}

// node's exceptionWithHostPort / uvExceptionWithHostPort: errno, code, syscall, address,
// port, in that order; libuv errors carry no JS frames.
function netError(v) {
  if (!Array.isArray(v)) return v instanceof Error ? v : new Error(String(v));
  const [message, errno, code, syscall, address, port] = v;
  const e = new Error(message);
  if (errno !== undefined && errno !== null) e.errno = errno;
  e.code = code;
  if (syscall !== undefined && syscall !== null) e.syscall = syscall;
  if (address !== undefined && address !== null) e.address = address;
  if (port !== undefined && port !== null) e.port = port;
  e.stack = internal.errorHeader(e);
  return e;
}

// ---- validation ----------------------------------------------------------------------

function isLegalPort(port) {
  if ((typeof port !== 'number' && typeof port !== 'string') ||
      (typeof port === 'string' && port.trim().length === 0)) return false;
  return +port === (+port >>> 0) && port <= 0xFFFF;
}

function validatePort(port, name = 'Port', allowZero = true) {
  if (!isLegalPort(port) || (!allowZero && +port === 0)) {
    const received = typeof port === 'string' ? `type string ('${port}')` : `type ${typeof port} (${internal.inspect(port)})`;
    const e = makeError(RangeError, 'ERR_SOCKET_BAD_PORT',
      `${name} should be >= 0 and < 65536. Received ${received}.`);
    throw e;
  }
  return +port | 0;
}

function validateTimeoutMs(msecs) {
  if (typeof msecs !== 'number') throw errors.invalidArgType('msecs', 'number', msecs);
  if (msecs < 0 || !Number.isFinite(msecs)) {
    throw errors.outOfRange('msecs', 'a non-negative finite number', msecs);
  }
  return msecs;
}

// autoSelectFamily (happy eyeballs): with it, each address of a host that resolves to
// several gets this long before the next is tried.
let defaultAutoSelectFamily = true;
let defaultAttemptTimeout = 250;

function validateAttemptTimeout(value, name) {
  if (typeof value !== 'number') throw errors.invalidArgType(name, 'number', value);
  if (!Number.isInteger(value)) throw errors.outOfRange(name, 'an integer', value);
  if (value < 1 || value > 2147483647) throw errors.outOfRange(name, '>= 1 && <= 2147483647', value);
  return value < 10 ? 10 : value; // node's floor
}

// The per-attempt limit in ms a connect with these options uses; 0 = none.
function attemptTimeoutOf(options) {
  let auto = options.autoSelectFamily;
  if (auto === undefined || auto === null) auto = defaultAutoSelectFamily;
  else if (typeof auto !== 'boolean') throw errors.invalidArgType('options.autoSelectFamily', 'boolean', auto);
  const t = options.autoSelectFamilyAttemptTimeout;
  const ms = t === undefined || t === null ? defaultAttemptTimeout
    : validateAttemptTimeout(t, 'options.autoSelectFamilyAttemptTimeout');
  return auto ? ms : 0;
}

function isIPv4(s) { return nb.isIP(`${s}`) === 4; }
function isIPv6(s) { return nb.isIP(`${s}`) === 6; }
function isIP(s) { return nb.isIP(`${s}`); }

// ---- Socket --------------------------------------------------------------------------

function Socket(options) {
  if (!(this instanceof Socket)) return new Socket(options);
  if (typeof options === 'number') options = { fd: options };
  else options = { ...options };
  if (options.fd !== undefined || options.handle !== undefined) {
    throw errors.notImplemented('net.Socket({ fd | handle })');
  }
  options.allowHalfOpen = Boolean(options.allowHalfOpen);
  // 'close' is emitted by _destroy once the native socket is gone, with hadError.
  options.emitClose = false;
  options.autoDestroy = true;
  options.decodeStrings = false;
  stream.Duplex.call(this, options);
  this.connecting = false;
  this._hadError = false;
  this._host = null;
  this[kId] = 0;
  this[kInfo] = null;
  this[kWrites] = new Map();
  this[kTimer] = null;
  this[kBytes] = [0, 0];
  this[kPendingWrite] = null;
  this[kServer] = null;
  this.server = null;
  this._server = null;
  this.timeout = 0;
  // A socket that is not connected yet has nothing to read (node starts reading on
  // connect).
  this.on('end', onReadableEnd);
}
Object.setPrototypeOf(Socket.prototype, stream.Duplex.prototype);
Object.setPrototypeOf(Socket, stream.Duplex);

function onReadableEnd() {
  // node: without allowHalfOpen the write side ends when the peer ended (Duplex does this
  // too; end() twice is harmless).
  if (!this.allowHalfOpen && !this.writableEnded) this.end();
}

// Attaches native socket `id` with its address facts.
function attach(socket, id, info) {
  socket[kId] = id;
  socket[kInfo] = info;
  sockets.set(id, socket);
}

// The native socket id (0 before connect); tls.js reads the session with it.
Socket.prototype._nativeId = function _nativeId() {
  return this[kId];
};

Socket.prototype._unrefTimer = function _unrefTimer() {
  if (this[kTimer] !== null) this[kTimer].refresh();
};

Socket.prototype.setTimeout = function setTimeout(msecs, callback) {
  msecs = validateTimeoutMs(msecs);
  this.timeout = msecs;
  if (this[kTimer] !== null) {
    clearTimeout(this[kTimer]);
    this[kTimer] = null;
  }
  if (msecs === 0) {
    if (callback !== undefined) {
      if (typeof callback !== 'function') throw errors.invalidArgType('callback', 'Function', callback);
      this.removeListener('timeout', callback);
    }
  } else {
    const t = globalThis.setTimeout(() => {
      this[kTimer] = null;
      this.emit('timeout');
    }, msecs);
    if (typeof t.unref === 'function') t.unref();
    this[kTimer] = t;
    if (callback !== undefined) {
      if (typeof callback !== 'function') throw errors.invalidArgType('callback', 'Function', callback);
      this.once('timeout', callback);
    }
  }
  return this;
};

Socket.prototype.setNoDelay = function setNoDelay(enable) {
  if (this[kId]) nb.setNoDelay(this[kId], enable === undefined ? true : !!enable);
  return this;
};

Socket.prototype.setKeepAlive = function setKeepAlive(enable, initialDelay) {
  if (this[kId]) nb.setKeepAlive(this[kId], !!enable, ~~(initialDelay / 1000) * 1000);
  return this;
};

Socket.prototype.address = function address() {
  const i = this[kInfo];
  if (!i) return {};
  return { address: i[0], family: i[2], port: i[1] };
};

Socket.prototype.ref = function ref() {
  if (this[kId]) nb.setRef(this[kId], true);
  return this;
};

Socket.prototype.unref = function unref() {
  if (this[kId]) nb.setRef(this[kId], false);
  return this;
};

Socket.prototype.pause = function pause() {
  return stream.Duplex.prototype.pause.call(this);
};

Socket.prototype.resetAndDestroy = function resetAndDestroy() {
  return this.destroy(makeError(Error, 'ERR_SOCKET_CLOSED', 'Socket is closed'));
};

Socket.prototype.destroySoon = function destroySoon() {
  if (this.writable) this.end();
  if (this.writableFinished) this.destroy();
  else this.once('finish', this.destroy);
};

const infoGetter = (i) => function () {
  const info = this[kInfo];
  return info ? (info[i] === null ? undefined : info[i]) : undefined;
};
Object.defineProperties(Socket.prototype, {
  remoteAddress: { configurable: true, get: infoGetter(3) },
  remotePort: { configurable: true, get: infoGetter(4) },
  remoteFamily: { configurable: true, get: infoGetter(5) },
  localAddress: { configurable: true, get: infoGetter(0) },
  localPort: { configurable: true, get: infoGetter(1) },
  localFamily: { configurable: true, get: infoGetter(2) },
  pending: { configurable: true, get() { return !this[kId] || this.connecting; } },
  readyState: {
    configurable: true,
    get() {
      if (this.connecting) return 'opening';
      if (this.readable && this.writable) return 'open';
      if (this.readable && !this.writable) return 'readOnly';
      if (!this.readable && this.writable) return 'writeOnly';
      return 'closed';
    },
  },
  bufferSize: { configurable: true, get() { return this.writableLength; } },
  bytesRead: { configurable: true, get() { return this[kBytes][0]; } },
  bytesWritten: {
    configurable: true,
    get() { return this[kBytes][1]; },
  },
  _handle: { configurable: true, get() { return this[kId] ? { fd: -1 } : null; } },
});

Socket.prototype._read = function _read() {
  if (this.connecting || !this[kId]) {
    this.once('connect', () => this._read());
    return;
  }
  nb.readStart(this[kId]);
};

// Corked or queued writes go out as one native write (node: one writev(2)), so a frame
// written as header + payload under cork() reaches the peer in one piece.
Socket.prototype._writev = function _writev(chunks, cb) {
  const buffers = chunks.map(({ chunk, encoding }) => (typeof chunk === 'string' ? Buffer.from(chunk, encoding) : chunk));
  this._write(Buffer.concat(buffers), 'buffer', cb);
};

Socket.prototype._write = function _write(chunk, encoding, cb) {
  if (this.connecting || !this[kId]) {
    this[kPendingWrite] = [chunk, encoding, cb];
    return;
  }
  if (typeof chunk === 'string') {
    chunk = typeof Buffer === 'function' ? Buffer.from(chunk, encoding) : chunk;
  }
  const req = nextReq++;
  if (nextReq > 0x3fffffff) nextReq = 1;
  this[kWrites].set(req, [cb, chunk.length]);
  this._unrefTimer();
  if (!nb.write(this[kId], req, chunk)) {
    this[kWrites].delete(req);
    cb(makeError(Error, 'EPIPE', 'This socket has been ended by the other party'));
  }
};

Socket.prototype._final = function _final(cb) {
  if (this.connecting || !this[kId]) {
    this.once('connect', () => this._final(cb));
    return;
  }
  const req = nextReq++;
  this[kWrites].set(req, [cb, 0]);
  if (!nb.shutdown(this[kId], req)) {
    this[kWrites].delete(req);
    cb();
  }
};

Socket.prototype._destroy = function _destroy(err, cb) {
  if (this[kTimer] !== null) {
    clearTimeout(this[kTimer]);
    this[kTimer] = null;
  }
  this.connecting = false;
  const id = this[kId];
  if (id) {
    // The last byte counts survive the native socket.
    const b = nb.bytes(id);
    if (b) this[kBytes] = b;
    sockets.delete(id);
    nb.close(id);
  }
  cb(err);
  const hadError = !!err;
  if (hadError) this._hadError = true;
  // node emits 'close' from the handle's close callback (the loop's close phase).
  setImmediate(() => {
    this.emit('close', hadError);
    const server = this[kServer];
    if (server !== null) {
      server._connections--;
      server._emitCloseIfDrained();
    }
  });
};

Socket.prototype.connect = function connect(...args) {
  const [options, cb] = normalizeConnectArgs(args);
  if (this.connecting || this[kId]) {
    throw makeError(Error, 'ERR_SOCKET_CONNECTION_TIMEOUT', 'Socket is already connected');
  }
  if (this.destroyed) {
    this._undestroy();
    this[kId] = 0;
  }
  if (cb !== null) this.once('connect', cb);
  const path = options.path;
  let port = 0;
  let host = 'localhost';
  if (path === undefined || path === null) {
    if (options.port === undefined || options.port === null) {
      throw errors.invalidArgType('options.port', ['number', 'string'], options.port);
    }
    port = validatePort(options.port, 'Port');
    host = options.host || 'localhost';
    if (typeof host !== 'string') throw errors.invalidArgType('options.host', 'string', host);
  } else if (typeof path !== 'string') {
    throw errors.invalidArgType('options.path', 'string', path);
  }
  if (options.timeout) this.setTimeout(options.timeout);
  this._host = host;
  this.connecting = true;
  const family = options.family === 4 || options.family === 6 ? options.family : 0;
  const attemptMs = family === 0 ? attemptTimeoutOf(options) : 0;
  const id = this._connectNative(port, host, path ?? undefined, family, options, attemptMs);
  connects.set(id, this);
  if (options.noDelay) this[kNoDelayWanted] = true;
  if (options.keepAlive) this[kKeepAliveWanted] = options.keepAliveInitialDelay || 0;
  return this;
};
// The native connect call; tls.TLSSocket overrides it (connect + handshake).
Socket.prototype._connectNative = function (port, host, path, family, options, attemptMs) {
  return nb.connect(port, host, path, family, attemptMs);
};
const kNoDelayWanted = Symbol('kNoDelayWanted');
const kKeepAliveWanted = Symbol('kKeepAliveWanted');

function normalizeConnectArgs(args) {
  if (args.length === 0) return [{}, null];
  const a0 = args[0];
  let options;
  if (a0 !== null && typeof a0 === 'object') {
    options = a0;
  } else if (typeof a0 === 'string' && !isLegalPort(a0) && Number.isNaN(Number(a0))) {
    options = { path: a0 };
  } else {
    options = { port: a0 };
    if (args.length > 1 && typeof args[1] === 'string') options.host = args[1];
  }
  const cb = args[args.length - 1];
  return [options, typeof cb === 'function' ? cb : null];
}

function connect(...args) {
  const [options] = normalizeConnectArgs(args);
  const socket = new Socket(options);
  if (options.timeout) socket.setTimeout(options.timeout);
  return socket.connect(...args);
}

// ---- native events -------------------------------------------------------------------

internal.hooks.netConnect = function netConnect(id, err, sid, info) {
  const socket = connects.get(id);
  connects.delete(id);
  if (socket === undefined) return;
  if (socket.destroyed) {
    if (!err) nb.close(sid);
    return;
  }
  socket.connecting = false;
  if (err) {
    socket.destroy(netError(err));
    return;
  }
  attach(socket, sid, info);
  if (socket[kNoDelayWanted]) nb.setNoDelay(sid, true);
  if (socket[kKeepAliveWanted] !== undefined) nb.setKeepAlive(sid, true, socket[kKeepAliveWanted]);
  socket._unrefTimer();
  // A TLSSocket checks the peer's identity first (it may destroy the socket).
  if (typeof socket._onSecureNative === 'function' && !socket._onSecureNative()) return;
  const pending = socket[kPendingWrite];
  socket[kPendingWrite] = null;
  socket.emit('connect');
  socket.emit('ready');
  if (typeof socket._emitSecure === 'function') socket._emitSecure();
  if (pending !== null) socket._write(pending[0], pending[1], pending[2]);
  // Start reading if the stream wants data (flowing or a pending read()).
  if (socket.readableFlowing !== false && !socket.isPaused()) socket.read(0);
};

internal.hooks.netRead = function netRead(id, chunk) {
  const socket = sockets.get(id);
  if (socket === undefined) return;
  if (chunk === null) {
    socket.push(null);
    // As node: with nothing buffered, 'end' comes even if nobody reads.
    socket.read(0);
    return;
  }
  if (!(chunk instanceof Uint8Array)) {
    socket.destroy(netError(chunk));
    return;
  }
  socket[kBytes][0] += chunk.length;
  socket._unrefTimer();
  if (!socket.push(toBuffer(chunk))) nb.readStop(id);
};

function afterWrite(id, req, err) {
  const socket = sockets.get(id);
  if (socket === undefined) return;
  const entry = socket[kWrites].get(req);
  if (entry === undefined) return;
  socket[kWrites].delete(req);
  if (err) {
    entry[0](netError(err));
    return;
  }
  socket[kBytes][1] += entry[1];
  socket._unrefTimer();
  entry[0]();
}
internal.hooks.netAfterWrite = afterWrite;
internal.hooks.netAfterShutdown = afterWrite;

// ---- Server --------------------------------------------------------------------------

function Server(options, connectionListener) {
  if (!(this instanceof Server)) return new Server(options, connectionListener);
  EventEmitter.call(this);
  if (typeof options === 'function') {
    connectionListener = options;
    options = {};
  } else if (options === undefined || options === null) {
    options = {};
  } else if (typeof options !== 'object') {
    throw errors.invalidArgType('options', 'Object', options);
  }
  if (typeof connectionListener === 'function') this.on('connection', connectionListener);
  this._connections = 0;
  this._id = 0;
  this._address = null;
  this._listening = false;
  this._closing = false;
  this._maxConnections = undefined;
  this.allowHalfOpen = options.allowHalfOpen || false;
  this.pauseOnConnect = !!options.pauseOnConnect;
  this.noDelay = Boolean(options.noDelay);
  this.keepAlive = Boolean(options.keepAlive);
  this.keepAliveInitialDelay = ~~(options.keepAliveInitialDelay / 1000);
  this._unref = false;
}
Object.setPrototypeOf(Server.prototype, EventEmitter.prototype);
Object.setPrototypeOf(Server, EventEmitter);

Object.defineProperty(Server.prototype, 'listening', {
  configurable: true,
  enumerable: true,
  get() { return this._listening; },
});
Object.defineProperty(Server.prototype, 'maxConnections', {
  configurable: true,
  enumerable: true,
  get() { return this._maxConnections; },
  set(v) {
    this._maxConnections = v;
    if (this._id) this._setMaxConnections(v);
  },
});
Server.prototype._setMaxConnections = function (v) {
  nb.serverMaxConnections(this._id, typeof v === 'number' && v >= 0 ? v : undefined);
};

// Splits listen()'s forms into { port, host, path, backlog } and a callback.
function normalizeListenArgs(args) {
  let cb = null;
  if (typeof args[args.length - 1] === 'function') cb = args.pop();
  const a0 = args[0];
  const out = { port: undefined, host: undefined, path: undefined, backlog: 511, ipv6Only: false };
  if (a0 !== null && typeof a0 === 'object') {
    if (a0.fd !== undefined || a0._handle !== undefined || a0.handle !== undefined) {
      throw errors.notImplemented('server.listen(handle)');
    }
    if (a0.port === undefined && a0.path === undefined) {
      throw errors.invalidArgValue('options', a0, 'must have the property "port" or "path"');
    }
    out.port = a0.port;
    out.host = a0.host;
    out.path = a0.path;
    if (a0.backlog !== undefined) out.backlog = a0.backlog;
    out.ipv6Only = !!a0.ipv6Only;
    out.exclusive = !!a0.exclusive;
  } else if (typeof a0 === 'string' && !isLegalPort(a0)) {
    out.path = a0;
    if (typeof args[1] === 'number') out.backlog = args[1];
  } else {
    out.port = a0;
    if (typeof args[1] === 'string') {
      out.host = args[1];
      if (typeof args[2] === 'number') out.backlog = args[2];
    } else if (typeof args[1] === 'number') {
      out.backlog = args[1];
    }
  }
  out.backlogGiven = out.backlog !== 511;
  if (out.path === undefined || out.path === null) {
    out.path = undefined;
    out.port = out.port === undefined || out.port === null ? 0 : validatePort(out.port, 'options.port');
  } else if (typeof out.path !== 'string') {
    throw errors.invalidArgType('options.path', 'string', out.path);
  }
  return [out, cb];
}

// The native listen call; http.Server overrides it.
Server.prototype._listenNative = function (o) {
  return nb.listen(o.port ?? 0, o.host, o.path, o.backlog, o.ipv6Only, o.special, !!this._rawAccept);
};
Server.prototype._closeNative = function () {
  nb.serverClose(this._id);
  servers.delete(this._id);
};

// ---- cluster -------------------------------------------------------------------------
// In a cluster worker, listen() asks the primary (cluster_worker.js): in round-robin
// mode the primary accepts and passes each connection, which the native server gets
// pushed (`special: { pushed: address }`); with SCHED_NONE the primary passes its
// listening descriptor (`special: { fd }`).

Server.prototype._listenInCluster = function (o) {
  const cluster = require('cluster');
  const address = o.path !== undefined ? o.path : (o.host ?? null);
  const addressType = o.path !== undefined ? -1 : (isIP(o.host ?? '') || 4);
  const port = o.path !== undefined ? -1 : o.port;
  cluster._getServer(this, {
    address,
    port,
    addressType,
    fd: undefined,
    flags: o.ipv6Only ? 1 : undefined,
    backlog: o.backlogGiven ? o.backlog : 0,
  }, (errno, handle) => {
    if (errno) {
      this._clusterHandle = null;
      const code = require('util').getSystemErrorName(errno);
      const where = port > 0 ? `${address}:${port}` : `${address}`;
      const e = netError([`bind ${code} ${where}`, errno, code, 'bind', undefined, port > 0 ? port : undefined]);
      // node's exceptionWithHostPort keeps a null address.
      e.address = address;
      if (port > 0) {
        delete e.port;
        e.port = port;
      }
      process.nextTick(() => this.emit('error', e));
      return;
    }
    this._clusterHandle = handle;
    handle.server = this;
    const special = handle.fd !== undefined ? { fd: handle.fd }
      : { pushed: o.path !== undefined ? o.path : handle.sockname };
    const r = this._listenNative({ ...o, special });
    this._id = r[0];
    this._pusher = r[3] || 0;
    handle.pusher = this._pusher;
    this._registerNative();
    if (this._unref) this._refNative(false);
    if (this._maxConnections !== undefined) this._setMaxConnections(this._maxConnections);
    this._onListen(r[1], r[2], false);
  });
};

// Tells the primary this server no longer takes connections.
Server.prototype._closeInCluster = function () {
  const h = this._clusterHandle;
  this._clusterHandle = null;
  if (h) h.close();
  if (this._pusher) nb.pusherClose(this._pusher);
  this._pusher = 0;
};

internal.hooks.netRawConnection = function netRawConnection(id, handle) {
  const server = servers.get(id);
  if (server === undefined || typeof server._onRawConnection !== 'function') {
    internal.natives.child_process.handleClose(handle);
    return;
  }
  server._onRawConnection(handle);
};
Server.prototype._refNative = function (on) {
  nb.serverRef(this._id, on);
};
Server.prototype._nativeConnections = function () {
  return this._connections;
};

Server.prototype.listen = function listen(...args) {
  const [o, cb] = normalizeListenArgs(args);
  if (this._listening || this._id) {
    throw makeError(Error, 'ERR_SERVER_ALREADY_LISTEN',
      'Listen method has been called more than once without closing.');
  }
  if (cb !== null) this.once('listening', cb);
  if (internal.clusterWorker && !o.exclusive) {
    this._listenInCluster(o);
    return this;
  }
  const r = this._listenNative(o);
  this._id = r[0];
  this._registerNative();
  if (this._unref) this._refNative(false);
  if (this._maxConnections !== undefined) this._setMaxConnections(this._maxConnections);
  if (r.length > 1) this._onListen(r[1], r[2], true);
  return this;
};
Server.prototype._registerNative = function () {
  servers.set(this._id, this);
};

Server.prototype._onListen = function (err, address, sync) {
  const emit = sync ? (fn) => process.nextTick(fn) : (fn) => fn();
  if (err) {
    const id = this._id;
    this._closeNative();
    this._id = 0;
    void id;
    emit(() => this.emit('error', netError(err)));
    return;
  }
  this._address = address;
  this._listening = true;
  emit(() => this.emit('listening'));
};

internal.hooks.netListen = function netListen(id, err, address) {
  const server = servers.get(id);
  if (server !== undefined) server._onListen(err, address, false);
};

internal.hooks.netConnection = function netConnection(id, sid, info) {
  const server = servers.get(id);
  if (server === undefined) {
    nb.close(sid);
    return;
  }
  const socket = accept(server, sid, info, Socket);
  server.emit('connection', socket);
  if (!server.pauseOnConnect && socket.readableFlowing !== false) socket.read(0);
};

// A socket of class `Ctor` for an accepted native socket of `server` (net's, or tls's
// after the handshake).
function accept(server, sid, info, Ctor) {
  const socket = new Ctor({
    allowHalfOpen: server.allowHalfOpen,
    pauseOnCreate: server.pauseOnConnect,
  });
  attach(socket, sid, info);
  socket.server = server;
  socket._server = server;
  socket[kServer] = server;
  server._connections++;
  if (server.noDelay) nb.setNoDelay(sid, true);
  if (server.keepAlive) nb.setKeepAlive(sid, true, server.keepAliveInitialDelay * 1000);
  return socket;
}
internal.netAccept = accept;
internal.netError = netError;
internal.netServerOf = (id) => servers.get(id);

Server.prototype.address = function address() {
  if (!this._listening) return null;
  const a = this._address;
  return typeof a === 'string' ? a : { address: a.address, family: a.family, port: a.port };
};

Server.prototype.close = function close(cb) {
  if (typeof cb === 'function') {
    if (!this._listening) {
      this.once('close', () => cb(makeError(Error, 'ERR_SERVER_NOT_RUNNING', 'Server is not running.')));
    } else {
      this.once('close', cb);
    }
  }
  if (this._clusterHandle !== undefined) this._closeInCluster();
  if (this._id) {
    this._closeNative();
    this._id = 0;
  }
  this._listening = false;
  this._closing = true;
  this._emitCloseIfDrained();
  return this;
};

Server.prototype._emitCloseIfDrained = function () {
  if (this._id || !this._closing || this._nativeConnections() > 0) return;
  this._closing = false;
  process.nextTick(() => this.emit('close'));
};

Server.prototype.getConnections = function getConnections(cb) {
  const n = this._nativeConnections();
  if (typeof cb === 'function') process.nextTick(cb, null, n);
  return this;
};

Server.prototype.ref = function ref() {
  this._unref = false;
  if (this._id) this._refNative(true);
  return this;
};

Server.prototype.unref = function unref() {
  this._unref = true;
  if (this._id) this._refNative(false);
  return this;
};

Server.prototype[Symbol.asyncDispose] = function () {
  return new Promise((resolve) => this.close(() => resolve()));
};

// A net.Socket over native socket `sid` (http's upgraded connections).
internal.netAdopt = function netAdopt(sid, info) {
  const socket = new Socket();
  attach(socket, sid, info);
  return socket;
};

function createServer(options, connectionListener) {
  return new Server(options, connectionListener);
}

function notImplementedClass(name) {
  return function () { throw errors.notImplemented(`net.${name}`); };
}

module.exports = {
  Server,
  Socket,
  Stream: Socket,
  createServer,
  connect,
  createConnection: connect,
  isIP,
  isIPv4,
  isIPv6,
  BlockList: notImplementedClass('BlockList'),
  SocketAddress: notImplementedClass('SocketAddress'),
  getDefaultAutoSelectFamily() { return defaultAutoSelectFamily; },
  setDefaultAutoSelectFamily(value) {
    if (typeof value !== 'boolean') throw errors.invalidArgType('value', 'boolean', value);
    defaultAutoSelectFamily = value;
  },
  getDefaultAutoSelectFamilyAttemptTimeout() { return defaultAttemptTimeout; },
  setDefaultAutoSelectFamilyAttemptTimeout(value) {
    defaultAttemptTimeout = validateAttemptTimeout(value, 'value');
  },
  _normalizeArgs: normalizeConnectArgs,
  _createServerHandle() { throw errors.notImplemented('net._createServerHandle'); },
  // A no-op outside Windows, as in node.
  _setSimultaneousAccepts() {},
};
internal.netError = netError;
