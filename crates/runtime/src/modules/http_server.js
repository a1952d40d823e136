// internal/http_server: http.Server (a net.Server whose connections node-http serves),
// ServerResponse, and the per-connection socket objects. One native hook call per
// request (httpRequest) builds the IncomingMessage/ServerResponse pair.
'use strict';

const net = require('net');
const hb = internal.natives.http;
const errors = internal.errors;
const makeError = errors.make;
const common = internal.requireBuiltin('internal/http_common', true);
const { OutgoingMessage, kOutHeaders, kSink } = internal.requireBuiltin('internal/http_outgoing', true);
const incoming = internal.requireBuiltin('internal/http_incoming', true);
const { IncomingMessage, kSource } = incoming;
const { STATUS_CODES } = common;

const servers = new Map(); // native server id -> Server
const requests = new Map(); // native request id -> [req, res]

const kIncomingMessage = Symbol('IncomingMessage');
const kServerResponse = Symbol('ServerResponse');
const kConns = Symbol('kConns');
const kFlags = Symbol('kFlags');

// ---- connection sockets --------------------------------------------------------------

// The socket of a connection node-http serves: a net.Socket for its facts, timeouts and
// destroy(); its bytes belong to the HTTP machine.
function ConnSocket(server, conn, info) {
  net.Socket.call(this, { allowHalfOpen: true });
  this._httpServer = server;
  this._conn = conn;
  this._info = info;
  this._peerClosed = false;
  this.server = server;
  this._server = server;
  this.readable = true;
  this.writable = true;
}
Object.setPrototypeOf(ConnSocket.prototype, net.Socket.prototype);
Object.setPrototypeOf(ConnSocket, net.Socket);

const infoGetter = (i) => function () {
  const v = this._info[i];
  return v === null ? undefined : v;
};
Object.defineProperties(ConnSocket.prototype, {
  remoteAddress: { configurable: true, get: infoGetter(3) },
  remotePort: { configurable: true, get: infoGetter(4) },
  remoteFamily: { configurable: true, get: infoGetter(5) },
  localAddress: { configurable: true, get: infoGetter(0) },
  localPort: { configurable: true, get: infoGetter(1) },
  localFamily: { configurable: true, get: infoGetter(2) },
  pending: { configurable: true, get() { return false; } },
  bytesRead: {
    configurable: true,
    get() { const b = hb.connBytes(this._httpServer._id, this._conn); return b ? b[0] : 0; },
  },
  bytesWritten: {
    configurable: true,
    get() { const b = hb.connBytes(this._httpServer._id, this._conn); return b ? b[1] : 0; },
  },
});

ConnSocket.prototype.address = function address() {
  return { address: this._info[0], family: this._info[2], port: this._info[1] };
};
ConnSocket.prototype._read = function _read() {};
ConnSocket.prototype._write = function _write(chunk, encoding, cb) {
  cb(errors.notImplemented('writing to an HTTP server connection socket'));
};
ConnSocket.prototype._final = function _final(cb) {
  cb();
};
ConnSocket.prototype.setNoDelay = function setNoDelay(on) {
  hb.connSetNoDelay(this._httpServer._id, this._conn, on === undefined ? true : !!on);
  return this;
};
ConnSocket.prototype.setKeepAlive = function setKeepAlive() {
  return this;
};
ConnSocket.prototype.ref = function ref() { return this; };
ConnSocket.prototype.unref = function unref() { return this; };
ConnSocket.prototype._destroy = function _destroy(err, cb) {
  if (this._timer) clearTimeout(this._timer);
  if (!this._peerClosed) hb.connDestroy(this._httpServer._id, this._conn);
  cb(err);
};

function onConnTimeout() {
  const server = this._httpServer;
  // node: the server's 'timeout' listeners decide; without any the socket is destroyed.
  if (!server.emit('timeout', this)) this.destroy();
}

// ---- ServerResponse ------------------------------------------------------------------

function ServerResponse(req, options) {
  OutgoingMessage.call(this, options);
  if (req.method === 'HEAD') this._hasBody = false;
  this.req = req;
  if (req.httpVersionMajor < 1 || req.httpVersionMinor < 1) {
    this.useChunkedEncodingByDefault = false;
    this.shouldKeepAlive = false;
  }
}
Object.setPrototypeOf(ServerResponse.prototype, OutgoingMessage.prototype);
Object.setPrototypeOf(ServerResponse, OutgoingMessage);
Object.assign(ServerResponse.prototype, {
  sendDate: true,
  _sent100: false,
  _expect_continue: false,
  statusCode: 200,
  statusMessage: undefined,
});

ServerResponse.prototype._headFacts = function _headFacts() {
  return [this.statusCode, this.statusMessage === undefined ? undefined : String(this.statusMessage)];
};

// end() may skip writeHead when the status needs no check: node's default 200 (its
// message is filled in as writeHead would).
ServerResponse.prototype._fastEnd = function _fastEnd() {
  if (this.statusCode !== 200 || this.statusMessage !== undefined) return false;
  this.statusMessage = 'OK';
  return true;
};

ServerResponse.prototype._implicitHeader = function _implicitHeader() {
  this.writeHead(this.statusCode);
};

function checkStatus(statusCode) {
  const original = statusCode;
  statusCode |= 0;
  if (statusCode < 100 || statusCode > 999) {
    throw makeError(RangeError, 'ERR_HTTP_INVALID_STATUS_CODE', `Invalid status code: ${original}`);
  }
  return statusCode;
}

ServerResponse.prototype.writeHead = function writeHead(statusCode, reason, obj) {
  if (this._header) throw common.headersSent('write');
  statusCode = checkStatus(statusCode);
  if (typeof reason === 'string') {
    this.statusMessage = reason;
  } else {
    if (!this.statusMessage) this.statusMessage = STATUS_CODES[statusCode] || 'unknown';
    obj ??= reason;
  }
  this.statusCode = statusCode;
  if (obj) {
    if (Array.isArray(obj)) {
      if (obj.length && Array.isArray(obj[0])) {
        for (const [k, v] of obj) this.appendHeader(k, v);
      } else {
        if (obj.length % 2 !== 0) throw errors.invalidArgValue('headers', obj);
        if (this[kOutHeaders] === null) {
          // A raw list keeps its duplicates in order.
          for (let i = 0; i < obj.length; i += 2) {
            common.validateHeaderName(obj[i]);
            common.validateHeaderValue(obj[i], obj[i + 1]);
          }
          this._rawHead = obj.map(String);
        } else {
          for (let i = 0; i < obj.length; i += 2) this.appendHeader(obj[i], obj[i + 1]);
        }
      }
    } else {
      for (const k of Object.keys(obj)) {
        if (obj[k] !== undefined) this.setHeader(k, obj[k]);
      }
    }
  }
  if (common.checkInvalidHeaderChar(this.statusMessage)) {
    throw makeError(TypeError, 'ERR_INVALID_CHAR', 'Invalid character in statusMessage');
  }
  this._storeHeader();
  return this;
};
ServerResponse.prototype.writeHeader = ServerResponse.prototype.writeHead;

ServerResponse.prototype.writeContinue = function writeContinue(cb) {
  if (this[kSink] !== null) hb.writeContinue(this[kSink].rid);
  this._sent100 = true;
  if (typeof cb === 'function') process.nextTick(cb);
};

ServerResponse.prototype.writeProcessing = function writeProcessing() {
  throw errors.notImplemented('response.writeProcessing');
};

ServerResponse.prototype.writeEarlyHints = function writeEarlyHints() {
  throw errors.notImplemented('response.writeEarlyHints');
};

ServerResponse.prototype.assignSocket = function assignSocket(socket) {
  this.socket = socket;
  this.emit('socket', socket);
};

ServerResponse.prototype.detachSocket = function detachSocket() {
  this.socket = null;
};

// The sink of a server response: commands to the request's native task (one object per
// response, its methods shared).
function ResponseSink(rid) {
  this.rid = rid;
}
ResponseSink.prototype.head = function head(status, message, headers, sendDate, fixed) {
  hb.head(this.rid, status, message, headers, (sendDate ? 1 : 0) | (fixed ? 2 : 0));
};
ResponseSink.prototype.write = function write(data, wantDrain) {
  hb.write(this.rid, data, wantDrain);
};
ResponseSink.prototype.end = function end(data) {
  hb.end(this.rid, data);
};
ResponseSink.prototype.endWithHead = function endWithHead(status, message, headers, sendDate, data, fixed, res) {
  // Nobody can observe 'finish'/'close' of a response (and its request) without
  // listeners: skip the native round trip that would report them.
  const quiet = res !== undefined && res._eventsCount === 0 && !incoming.streamStarted(res.req) &&
    res.req._eventsCount === 0;
  hb.respond(this.rid, status, message, headers, (sendDate ? 1 : 0) | (fixed ? 2 : 0) | (quiet ? 4 : 0), data);
  if (quiet) {
    requests.delete(this.rid);
    res._writableFinished = true;
  }
};
ResponseSink.prototype.trailers = function trailers(flat) {
  hb.addTrailers(this.rid, flat);
};
ResponseSink.prototype.destroy = function destroy() {
  hb.destroy(this.rid);
};

// ---- Server --------------------------------------------------------------------------

function Server(options, requestListener) {
  if (!(this instanceof Server)) return new Server(options, requestListener);
  if (typeof options === 'function') {
    requestListener = options;
    options = {};
  } else if (options === null || options === undefined) {
    options = {};
  } else if (typeof options !== 'object') {
    throw errors.invalidArgType('options', 'Object', options);
  }
  net.Server.call(this, { allowHalfOpen: true, noDelay: options.noDelay ?? true, keepAlive: options.keepAlive, keepAliveInitialDelay: options.keepAliveInitialDelay });
  this[kIncomingMessage] = options.IncomingMessage || IncomingMessage;
  this[kServerResponse] = options.ServerResponse || ServerResponse;
  const maxHeaderSize = options.maxHeaderSize;
  if (maxHeaderSize !== undefined && (typeof maxHeaderSize !== 'number' || maxHeaderSize < 0 || !Number.isInteger(maxHeaderSize))) {
    throw errors.invalidArgType('maxHeaderSize', 'number', maxHeaderSize);
  }
  this.maxHeaderSize = maxHeaderSize;
  this.insecureHTTPParser = options.insecureHTTPParser;
  this.requireHostHeader = options.requireHostHeader ?? true;
  this.joinDuplicateHeaders = options.joinDuplicateHeaders;
  this.rejectNonStandardBodyWrites = !!options.rejectNonStandardBodyWrites;
  this._keepAliveOpt = options.keepAlive;
  this._keepAliveDelayOpt = options.keepAliveInitialDelay;
  if (requestListener) this.on('request', requestListener);
  this.httpAllowHalfOpen = false;
  this.timeout = 0;
  this.maxHeadersCount = null;
  this.maxRequestsPerSocket = 0;
  this.headersTimeout = options.headersTimeout ?? 60000;
  this.keepAliveTimeout = options.keepAliveTimeout ?? 5000;
  this.requestTimeout = options.requestTimeout ?? 300000;
  this.connectionsCheckingInterval = options.connectionsCheckingInterval ?? 30000;
  this[kConns] = new Map();
  this[kFlags] = -1;
}
Object.setPrototypeOf(Server.prototype, net.Server.prototype);
Object.setPrototypeOf(Server, net.Server);

Server.prototype._listenNative = function (o) {
  const opts = {
    maxHeaderSize: this.maxHeaderSize ?? http.maxHeaderSize,
    insecureHTTPParser: !!this.insecureHTTPParser,
    requireHostHeader: this.requireHostHeader !== false,
    joinDuplicateHeaders: !!this.joinDuplicateHeaders,
    headersTimeout: this.headersTimeout,
    requestTimeout: this.requestTimeout,
    keepAliveTimeout: this.keepAliveTimeout,
    timeout: this.timeout,
    maxRequestsPerSocket: this.maxRequestsPerSocket,
    noDelay: this.noDelay,
    keepAlive: !!this._keepAliveOpt,
    keepAliveInitialDelay: this._keepAliveDelayOpt || 0,
    tls: this._tlsContext,
  };
  return hb.listen(opts, o.port ?? 0, o.host, o.path, o.backlog, o.special);
};
Server.prototype._registerNative = function () {
  servers.set(this._id, this);
  this._syncFlags();
};
Server.prototype._closeNative = function () {
  hb.close(this._id);
};
Server.prototype._refNative = function (on) {
  hb.serverRef(this._id, on);
};
Server.prototype._setMaxConnections = function (v) {
  hb.setMaxConnections(this._id, typeof v === 'number' && v >= 0 ? v : undefined);
};
Server.prototype._nativeConnections = function () {
  return this[kConns].size;
};

// Tells the native handler which optional events have listeners.
Server.prototype._syncFlags = function () {
  const f = (this.listenerCount('checkContinue') > 0 ? 1 : 0) |
    (this.listenerCount('checkExpectation') > 0 ? 2 : 0) |
    (this.listenerCount('upgrade') > 0 ? 4 : 0) |
    (this.listenerCount('connect') > 0 ? 8 : 0);
  if (f !== this[kFlags] && this._id) {
    this[kFlags] = f;
    hb.setFlags(this._id, !!(f & 1), !!(f & 2), !!(f & 4), !!(f & 8));
  }
};

// The native side decides, while it parses a request head, whether an upgrade or CONNECT
// goes to JS: adding or removing such a listener tells it at once (a listener added right
// after listen(), as ws does, must see the first connection's upgrade).
for (const method of ['on', 'addListener', 'prependListener', 'once', 'prependOnceListener',
  'off', 'removeListener', 'removeAllListeners']) {
  const base = net.Server.prototype[method];
  Object.defineProperty(Server.prototype, method, {
    configurable: true,
    writable: true,
    value: {
      [method](...args) {
        const result = base.apply(this, args);
        this._syncFlags();
        return result;
      },
    }[method],
  });
}

Server.prototype.close = function close(cb) {
  if (typeof cb === 'function') {
    if (!this._listening) {
      this.once('close', () => cb(makeError(Error, 'ERR_SERVER_NOT_RUNNING', 'Server is not running.')));
      process.nextTick(() => this.emit('close'));
      return this;
    }
    this.once('close', cb);
  }
  if (this._clusterHandle !== undefined) this._closeInCluster();
  if (this._id && this._listening) hb.close(this._id);
  this._listening = false;
  return this;
};

Server.prototype.closeAllConnections = function closeAllConnections() {
  if (this._id) hb.closeAll(this._id);
};

Server.prototype.closeIdleConnections = function closeIdleConnections() {
  if (this._id) hb.closeIdle(this._id);
};

Server.prototype.setTimeout = function setTimeout(msecs, callback) {
  this.timeout = msecs;
  if (callback) this.on('timeout', callback);
  return this;
};

Server.prototype[Symbol.asyncDispose] = function () {
  return new Promise((resolve) => this.close(() => resolve()));
};

internal.hooks.httpListen = function httpListen(id, err, address) {
  const server = servers.get(id);
  if (server !== undefined) server._onListen(err, address, false);
};

internal.hooks.httpClose = function httpClose(id) {
  const server = servers.get(id);
  servers.delete(id);
  if (server === undefined) return;
  if (server._id === id) server._id = 0;
  server.emit('close');
};

internal.hooks.httpConnection = function httpConnection(id, conn, info) {
  const server = servers.get(id);
  if (server === undefined) return;
  server._syncFlags();
  const socket = new ConnSocket(server, conn, info);
  socket.on('timeout', onConnTimeout);
  server[kConns].set(conn, socket);
  server.emit('connection', socket);
};

// https: a connection whose TLS handshake failed.
internal.hooks.httpTlsClientError = function httpTlsClientError(id, err) {
  const server = servers.get(id);
  if (server === undefined) return;
  server.emit('tlsClientError', internal.netError(err), null);
};

internal.hooks.httpConnectionClose = function httpConnectionClose(id, conn) {
  const server = servers.get(id);
  if (server === undefined) return;
  const socket = server[kConns].get(conn);
  if (socket === undefined) return;
  server[kConns].delete(conn);
  socket._peerClosed = true;
  if (!socket.destroyed) socket.destroy();
  setImmediate(() => socket.emit('close', false));
};

function BodySource(rid) {
  this.rid = rid;
}
BodySource.prototype.start = function start() { hb.readStart(this.rid); };
BodySource.prototype.stop = function stop() { hb.readStop(this.rid); };

const requestKinds = ['request', 'checkContinue', 'checkExpectation'];

// flags: 1 has a body, 2 checkContinue, 4 checkExpectation, 8 HTTP/1.0.
internal.hooks.httpRequest = function httpRequest(id, rid, method, url, raw, conn, flags) {
  const server = servers.get(id);
  if (server === undefined) return;
  const socket = server[kConns].get(conn) || null;
  const req = new server[kIncomingMessage](socket);
  req.method = method;
  req.url = url;
  req._setHead((flags & 8) !== 0 ? 0 : 1, raw);
  if (server.joinDuplicateHeaders) req.joinDuplicateHeaders = true;
  if ((flags & 1) !== 0) {
    req[kSource] = new BodySource(rid);
    incoming.register(rid, req);
  } else {
    req.complete = true;
  }
  const res = new server[kServerResponse](req);
  res.socket = socket;
  res._attachSink(new ResponseSink(rid));
  const kind = requestKinds[(flags >> 1) & 3];
  if (kind === 'checkContinue') res._expect_continue = true;
  requests.set(rid, req);
  req._res = res;
  server.emit(kind, req, res);
};

internal.hooks.httpDrain = function httpDrain(rid, n) {
  const req = requests.get(rid);
  if (req !== undefined) req._res._onDrain(n);
};

internal.hooks.httpFinish = function httpFinish(rid, ended, code) {
  const req = requests.get(rid);
  if (req === undefined) return;
  const res = req._res;
  requests.delete(rid);
  if (ended && !code) {
    res._onFinish();
    // node dumps a body nobody reads once the response is done (a request whose stream
    // and events were never used has nothing to dump or tell).
    if ((incoming.streamStarted(req) || req._eventsCount > 0) && !req._consuming && !req.readableFlowing) {
      req._dump();
    }
  }
  process.nextTick(emitResponseClose, res, req, ended);
};

function emitResponseClose(res, req, ended) {
  res.destroyed = true;
  res.emit('close');
  if (!ended && !req.complete && !req.destroyed) req.destroy();
}

internal.hooks.httpUpgrade = function httpUpgrade(id, event, head, sid, info, bytes) {
  const server = servers.get(id);
  if (server === undefined) return;
  const socket = internal.netAdopt(sid, info);
  const req = new server[kIncomingMessage](socket);
  req.method = head[0];
  req.url = head[1];
  req._setHead(head[2], head[3]);
  req.upgrade = true;
  req.complete = true;
  server.emit(event, req, socket, common.toBuffer(bytes));
  // As an accepted connection: the socket reads on, so its end is seen even with no
  // 'data' listener (node keeps reading after handing the socket over).
  if (!socket.destroyed && socket.readableFlowing !== false) socket.read(0);
};

function _connectionListener() {
  throw errors.notImplemented('http._connectionListener');
}

const http = { maxHeaderSize: 16384 };

module.exports = {
  Server,
  ServerResponse,
  STATUS_CODES,
  _connectionListener,
  _httpOptions: http,
};
