// internal/http_client: http.ClientRequest (an OutgoingMessage whose sink is a
// node-http client request) and http.Agent (a node-http connection pool). Events follow
// node's order: 'socket', 'finish', 'response' (the IncomingMessage's data/end/close), then
// the request's 'close'; a failure is 'error' then 'close'.
'use strict';

const EventEmitter = require('events');
const net = require('net');
const hb = internal.natives.http;
const errors = internal.errors;
const makeError = errors.make;
const common = internal.requireBuiltin('internal/http_common', true);
const { OutgoingMessage } = internal.requireBuiltin('internal/http_outgoing', true);
const { IncomingMessage, kSource } = internal.requireBuiltin('internal/http_incoming', true);
const incoming = internal.requireBuiltin('internal/http_incoming', true);

const clients = new Map(); // native request id -> ClientRequest
let nextClient = 1;
let nextAgent = 1;

// ---- Agent ---------------------------------------------------------------------------

function Agent(options) {
  if (!(this instanceof Agent)) return new Agent(options);
  EventEmitter.call(this);
  this.defaultPort = 80;
  this.protocol = 'http:';
  this.options = { __proto__: null, ...options };
  if (this.options.noDelay === undefined) this.options.noDelay = true;
  this.options.path = null;
  this.requests = { __proto__: null };
  this.sockets = { __proto__: null };
  this.freeSockets = { __proto__: null };
  this.keepAliveMsecs = this.options.keepAliveMsecs || 1000;
  this.keepAlive = this.options.keepAlive || false;
  this.maxSockets = this.options.maxSockets || Agent.defaultMaxSockets;
  this.maxFreeSockets = this.options.maxFreeSockets || 256;
  this.scheduling = this.options.scheduling || 'lifo';
  this.maxTotalSockets = this.options.maxTotalSockets;
  this.totalSocketCount = 0;
  this._nativeId = this._global ? 0 : nextAgent++;
  if (this._nativeId !== 0) {
    hb.agentNew(this._nativeId, this.keepAlive, this.keepAliveMsecs,
      this.maxSockets === Infinity ? undefined : this.maxSockets, this.maxFreeSockets);
  }
}
Object.setPrototypeOf(Agent.prototype, EventEmitter.prototype);
Object.setPrototypeOf(Agent, EventEmitter);
Agent.defaultMaxSockets = Infinity;

Agent.prototype.getName = function getName(options = {}) {
  let name = options.host || 'localhost';
  name += ':';
  if (options.port) name += options.port;
  name += ':';
  if (options.localAddress) name += options.localAddress;
  if (options.family === 4 || options.family === 6) name += `:${options.family}`;
  if (options.socketPath) name += `:${options.socketPath}`;
  return name;
};

Agent.prototype.destroy = function destroy() {
  hb.agentDestroy(this._nativeId);
};

Agent.prototype.createConnection = function createConnection() {
  throw errors.notImplemented('agent.createConnection');
};

Agent.prototype.addRequest = function addRequest() {
  throw errors.notImplemented('agent.addRequest');
};

function makeGlobalAgent() {
  Agent.prototype._global = true;
  const a = new Agent({ keepAlive: true, scheduling: 'lifo', timeout: 5000 });
  delete Agent.prototype._global;
  return a;
}
const globalAgent = makeGlobalAgent();

// ---- ClientRequest -------------------------------------------------------------------

function validateHost(host, name) {
  if (host !== null && host !== undefined && typeof host !== 'string') {
    throw errors.invalidArgType(`options.${name}`, ['string', 'undefined', 'null'], host);
  }
  return host;
}

function urlToOptions(url) {
  const options = {
    protocol: url.protocol,
    hostname: url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname,
    hash: url.hash,
    search: url.search,
    pathname: url.pathname,
    path: `${url.pathname || ''}${url.search || ''}`,
    href: url.href,
  };
  if (url.port !== '') options.port = Number(url.port);
  if (url.username || url.password) {
    options.auth = `${decodeURIComponent(url.username)}:${decodeURIComponent(url.password)}`;
  }
  return options;
}

function ClientRequest(input, options, cb) {
  OutgoingMessage.call(this);
  if (typeof input === 'string') {
    input = urlToOptions(new URL(input));
  } else if (input instanceof URL) {
    input = urlToOptions(input);
  } else {
    cb = options;
    options = input;
    input = null;
  }
  if (typeof options === 'function') {
    cb = options;
    options = input || {};
  } else {
    options = Object.assign(input || {}, options);
  }
  let agent = options.agent;
  const defaultAgent = options._defaultAgent || globalAgent;
  if (agent === false) {
    agent = null;
  } else if (agent === null || agent === undefined) {
    agent = typeof options.createConnection === 'function' ? null : defaultAgent;
  } else if (!(agent instanceof Agent) && typeof agent.addRequest !== 'function') {
    throw errors.invalidArgType('options.agent', ['Agent-like Object', 'undefined', 'false'], agent);
  }
  if (options.createConnection !== undefined) throw errors.notImplemented('http.request({ createConnection })');
  this.agent = agent;
  let expected = defaultAgent.protocol || 'http:';
  if (agent && agent.protocol) expected = agent.protocol;
  const protocol = options.protocol || expected;
  if (protocol !== expected) {
    throw makeError(TypeError, 'ERR_INVALID_PROTOCOL', `Protocol "${protocol}" not supported. Expected "${expected}"`);
  }
  const https = protocol === 'https:';
  const defaultPort = options.defaultPort || (agent && agent.defaultPort) || 80;
  const port = options.port = options.port || defaultPort || 80;
  const host = options.host = validateHost(options.hostname, 'hostname') ||
    validateHost(options.host, 'host') || 'localhost';
  this.socketPath = options.socketPath;
  if (options.timeout !== undefined) this.timeout = options.timeout;
  let method = options.method;
  const methodIsString = typeof method === 'string';
  if (method !== null && method !== undefined && !methodIsString) {
    throw errors.invalidArgType('options.method', 'string', method);
  }
  if (methodIsString && method) {
    if (!common.checkIsHttpToken(method)) {
      throw makeError(TypeError, 'ERR_INVALID_HTTP_TOKEN', `Method must be a valid HTTP token ["${method}"]`);
    }
    method = this.method = method.toUpperCase();
  } else {
    method = this.method = 'GET';
  }
  if (options.path) {
    const path = String(options.path);
    if (/[\u0000-\u0020]/.test(path)) {
      throw makeError(TypeError, 'ERR_UNESCAPED_CHARACTERS', 'Request path contains unescaped characters');
    }
  }
  this.path = options.path || '/';
  this.host = host;
  // https: the request carries a TLS context built now (https.js), so bad options throw.
  this._tlsContext = https ? module.exports.tlsContextFor(agent, options, host) : undefined;
  this.protocol = protocol;
  this.port = port;
  this.maxHeadersCount = null;
  this.reusedSocket = false;
  this.aborted = false;
  this.timeoutCb = null;
  this.upgradeOrConnect = false;
  this.parser = null;
  this.res = null;
  this._ended = false;
  this._setHost = options.setHost === undefined ? Boolean(true) : Boolean(options.setHost);
  this.joinDuplicateHeaders = options.joinDuplicateHeaders;
  if (cb) this.once('response', cb);
  const headers = options.headers;
  if (headers) {
    if (Array.isArray(headers)) {
      if (headers.length && Array.isArray(headers[0])) {
        for (const [k, v] of headers) this.appendHeader(k, v);
      } else {
        for (let i = 0; i + 1 < headers.length; i += 2) this.appendHeader(headers[i], headers[i + 1]);
      }
    } else {
      for (const key of Object.keys(headers)) this.setHeader(key, headers[key]);
    }
  }
  if (options.auth && !this.getHeader('Authorization')) {
    const enc = typeof Buffer === 'function' ? Buffer.from(options.auth).toString('base64') : btoa(options.auth);
    this.setHeader('Authorization', `Basic ${enc}`);
  }
  this._cid = nextClient++;
  clients.set(this._cid, this);
  // node assigns the socket on a later tick; the native request starts then, so headers
  // set after http.request() returns still go out.
  process.nextTick(() => this._start());
  if (this.timeout !== undefined) this.setTimeout(this.timeout);
}
Object.setPrototypeOf(ClientRequest.prototype, OutgoingMessage.prototype);
Object.setPrototypeOf(ClientRequest, OutgoingMessage);

ClientRequest.prototype._start = function _start() {
  if (this.destroyed) return;
  const headers = [];
  const flat = this._flatHeaders();
  for (let i = 0; i < flat.length; i += 2) {
    const v = flat[i + 1];
    if (Array.isArray(v)) for (const x of v) headers.push(flat[i], String(x));
    else headers.push(flat[i], v);
  }
  // node sends Connection: keep-alive through a keep-alive agent, close otherwise.
  if (!this.hasHeader('connection')) {
    headers.push('Connection', this.agent && this.agent.keepAlive ? 'keep-alive' : 'close');
  }
  this._header = ' ';
  hb.clientRequest(this._cid, {
    host: this.host,
    port: this.port | 0,
    path: this.path,
    method: this.method,
    headers,
    setHost: this._setHost && !this.hasHeader('host'),
    socketPath: this.socketPath,
    agent: this.agent === null ? -1 : this.agent._nativeId,
    tls: this._tlsContext,
  });
  const socket = new net.Socket();
  socket._httpRequest = this;
  socket.destroy = (err) => { this.destroy(err); return socket; };
  this.socket = socket;
  this._attachSink(clientSink(this._cid));
  this.emit('socket', socket);
};

function clientSink(cid) {
  return {
    head() {},
    write(data) { hb.clientWrite(cid, data); },
    end(data) { hb.clientEnd(cid, data); },
    endWithHead(status, message, headers, sendDate, data) { hb.clientEnd(cid, data); },
    trailers() { throw errors.notImplemented('request.addTrailers'); },
    destroy() { hb.clientDestroy(cid); },
  };
}

ClientRequest.prototype._implicitHeader = function _implicitHeader() {
  this._storeHeader();
};

// The head goes out with the native request (its headers were fixed on start).
ClientRequest.prototype._sendHead = function _sendHead() {};

ClientRequest.prototype.setHeader = function setHeader(name, value) {
  if (this._header) throw common.headersSent('set');
  return OutgoingMessage.prototype.setHeader.call(this, name, value);
};

ClientRequest.prototype.abort = function abort() {
  if (this.aborted) return;
  this.aborted = true;
  process.nextTick(() => this.emit('abort'));
  this.destroy();
};

ClientRequest.prototype.destroy = function destroy(err) {
  if (this.destroyed) return this;
  this.destroyed = true;
  if (this.res) this.res._dump();
  hb.clientDestroy(this._cid);
  if (this._timer) clearTimeout(this._timer);
  clients.delete(this._cid);
  if (!this.res && !err) {
    err = makeError(Error, 'ECONNRESET', 'socket hang up');
  }
  process.nextTick(() => {
    if (err) this.emit('error', err);
    this.emit('close');
  });
  return this;
};

ClientRequest.prototype.setTimeout = function setTimeout(msecs, callback) {
  if (callback) this.once('timeout', callback);
  if (this._timer) clearTimeout(this._timer);
  this._timer = null;
  if (msecs > 0) {
    this._timer = globalThis.setTimeout(() => {
      this._timer = null;
      this.emit('timeout');
    }, msecs);
    if (this._timer.unref) this._timer.unref();
  }
  return this;
};

ClientRequest.prototype.setNoDelay = function setNoDelay() {};
ClientRequest.prototype.setSocketKeepAlive = function setSocketKeepAlive() {};

ClientRequest.prototype.onSocket = function onSocket() {
  throw errors.notImplemented('request.onSocket');
};

internal.hooks.httpClientFinish = function httpClientFinish(cid) {
  const req = clients.get(cid);
  if (req !== undefined) req._onFinish();
};

internal.hooks.httpClientResponse = function httpClientResponse(cid, rid, head) {
  const req = clients.get(cid);
  if (req === undefined || req.destroyed) {
    hb.bodyDiscard(rid);
    return;
  }
  if (req._timer) clearTimeout(req._timer);
  const res = new IncomingMessage(req.socket);
  res.statusCode = head[0];
  res.statusMessage = head[1];
  res._setHead(head[2], head[3]);
  res.req = req;
  if (req.joinDuplicateHeaders) res.joinDuplicateHeaders = true;
  if (head[4]) {
    res[kSource] = { start() { hb.readStart(rid); }, stop() { hb.readStop(rid); } };
    incoming.register(rid, res);
  } else {
    res.complete = true;
  }
  req.res = res;
  res.on('end', () => {
    incoming.unregister(rid);
  });
  res.once('close', () => {
    clients.delete(cid);
    if (!req.destroyed) {
      req.destroyed = true;
      req.emit('close');
    }
  });
  if (req.method === 'HEAD') res.complete = true;
  if (!req.emit('response', res)) res._dump();
};

internal.hooks.httpClientUpgrade = function httpClientUpgrade(cid, head, sid, info, bytes) {
  const req = clients.get(cid);
  clients.delete(cid);
  const socket = internal.netAdopt(sid, info);
  if (req === undefined) {
    socket.destroy();
    return;
  }
  const res = new IncomingMessage(socket);
  res.statusCode = head[0];
  res.statusMessage = head[1];
  res._setHead(head[2], head[3]);
  res.complete = true;
  res.upgrade = true;
  req.upgradeOrConnect = true;
  req.res = res;
  const event = req.method === 'CONNECT' ? 'connect' : 'upgrade';
  if (req.listenerCount(event) > 0) {
    req.emit(event, res, socket, common.toBuffer(bytes));
    // As an accepted connection: the socket reads on, so its end is seen even with no
    // 'data' listener.
    if (!socket.destroyed && socket.readableFlowing !== false) socket.read(0);
  } else {
    socket.destroy();
  }
  req.destroyed = true;
  req.emit('close');
};

internal.hooks.httpClientError = function httpClientError(cid, err) {
  const req = clients.get(cid);
  clients.delete(cid);
  if (req === undefined || req.destroyed) return;
  if (req._timer) clearTimeout(req._timer);
  req.destroyed = true;
  const e = internal.netError(err);
  req.emit('error', e);
  req.emit('close');
};

function request(url, options, cb) {
  return new ClientRequest(url, options, cb);
}

function get(url, options, cb) {
  const req = request(url, options, cb);
  req.end();
  return req;
}

module.exports = { Agent, globalAgent, ClientRequest, request, get };
