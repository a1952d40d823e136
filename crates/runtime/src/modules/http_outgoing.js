// internal/http_outgoing: node's OutgoingMessage (a legacy Stream with staged headers,
// write/end, 'finish'/'close'/'drain') over a native sink. Headers stay in JS until the
// head is sent; the first write or end hands status, headers and data to Rust in one call
// (node-http frames the message: Content-Length or chunked, Date, Connection).
'use strict';

const Stream = require('stream');
const errors = internal.errors;
const makeError = errors.make;
const common = internal.requireBuiltin('internal/http_common', true);
const { validateHeaderName, validateHeaderValue, headersSent, checkInvalidHeaderChar } = common;

const kOutHeaders = Symbol('kOutHeaders');
const kSink = Symbol('kSink');
const kHeadSent = Symbol('kHeadSent');
const kPending = Symbol('kPending');
const kNeedDrain = Symbol('kNeedDrain');
const kCorked = Symbol('kCorked');
const HIGH_WATER_MARK = 16 * 1024;
const EMPTY = [];

// The sink a subclass installs: { head(status, message, flatHeaders, sendDate),
// write(chunk, wantDrain), end(chunk) }, plus endWithHead(...) doing head and end at once.

function OutgoingMessage(options) {
  // A response is built per request: the emitter's fields are made by the first listener
  // (events.js creates them), the defaults below live on the prototype.
  if (options !== undefined) Stream.call(this, options);
}
Object.setPrototypeOf(OutgoingMessage.prototype, Stream.prototype);
Object.setPrototypeOf(OutgoingMessage, Stream);

// Per-message defaults live on the prototype (a response is built per request; each
// assignment makes an own property).
const NO_OUTPUT = Object.freeze([]);

Object.assign(OutgoingMessage.prototype, {
  outputData: NO_OUTPUT,
  outputSize: 0,
  writable: true,
  destroyed: false,
  _last: false,
  chunkedEncoding: false,
  shouldKeepAlive: true,
  maxRequestsOnConnectionReached: false,
  _defaultKeepAlive: true,
  useChunkedEncodingByDefault: true,
  sendDate: false,
  _removedConnection: false,
  _removedContLen: false,
  _removedTE: false,
  strictContentLength: false,
  _contentLength: null,
  _hasBody: true,
  _trailer: '',
  finished: false,
  _headerSent: false,
  _header: null,
  _writableFinished: false,
  socket: null,
  _onPendingData: null,
  [kOutHeaders]: null,
  [kSink]: null,
  [kHeadSent]: false,
  [kPending]: 0,
  [kNeedDrain]: false,
  [kCorked]: 0,
});

Object.defineProperties(OutgoingMessage.prototype, {
  headersSent: { configurable: true, enumerable: true, get() { return !!this._header; } },
  writableEnded: { configurable: true, get() { return this.finished; } },
  writableFinished: { configurable: true, get() { return this._writableFinished; } },
  writableObjectMode: { configurable: true, get() { return false; } },
  writableLength: { configurable: true, get() { return this[kPending]; } },
  writableHighWaterMark: { configurable: true, get() { return HIGH_WATER_MARK; } },
  writableCorked: { configurable: true, get() { return this[kCorked]; } },
  writableNeedDrain: { configurable: true, get() { return this[kNeedDrain]; } },
  connection: {
    configurable: true,
    get() { return this.socket; },
    set(v) { this.socket = v; },
  },
  _headers: {
    configurable: true,
    get() { return this.getHeaders(); },
  },
});

OutgoingMessage.prototype.setHeader = function setHeader(name, value) {
  if (this._header) throw headersSent('set');
  validateHeaderName(name);
  validateHeaderValue(name, value);
  if (Array.isArray(value)) {
    for (const v of value) validateHeaderValue(name, v);
  }
  let headers = this[kOutHeaders];
  if (headers === null) this[kOutHeaders] = headers = { __proto__: null };
  headers[name.toLowerCase()] = [name, value];
  return this;
};

OutgoingMessage.prototype.appendHeader = function appendHeader(name, value) {
  if (this._header) throw headersSent('append');
  validateHeaderName(name);
  validateHeaderValue(name, value);
  const key = name.toLowerCase();
  let headers = this[kOutHeaders];
  if (headers === null) this[kOutHeaders] = headers = { __proto__: null };
  const old = headers[key];
  if (old === undefined) {
    headers[key] = [name, value];
  } else {
    const prev = Array.isArray(old[1]) ? old[1] : [old[1]];
    headers[key] = [old[0], prev.concat(value)];
  }
  return this;
};

OutgoingMessage.prototype.getHeader = function getHeader(name) {
  if (typeof name !== 'string') throw errors.invalidArgType('name', 'string', name);
  const headers = this[kOutHeaders];
  if (headers === null) return undefined;
  const entry = headers[name.toLowerCase()];
  return entry && entry[1];
};

OutgoingMessage.prototype.getHeaderNames = function getHeaderNames() {
  return this[kOutHeaders] !== null ? Object.keys(this[kOutHeaders]) : [];
};

OutgoingMessage.prototype.getRawHeaderNames = function getRawHeaderNames() {
  const headers = this[kOutHeaders];
  if (headers === null) return [];
  return Object.values(headers).map((e) => e[0]);
};

OutgoingMessage.prototype.getHeaders = function getHeaders() {
  const headers = this[kOutHeaders];
  const out = { __proto__: null };
  if (headers) {
    for (const key of Object.keys(headers)) out[key] = headers[key][1];
  }
  return out;
};

OutgoingMessage.prototype.hasHeader = function hasHeader(name) {
  if (typeof name !== 'string') throw errors.invalidArgType('name', 'string', name);
  return this[kOutHeaders] !== null && !!this[kOutHeaders][name.toLowerCase()];
};

OutgoingMessage.prototype.removeHeader = function removeHeader(name) {
  if (typeof name !== 'string') throw errors.invalidArgType('name', 'string', name);
  if (this._header) throw headersSent('remove');
  const key = name.toLowerCase();
  if (key === 'date') this.sendDate = false;
  if (this[kOutHeaders] !== null) delete this[kOutHeaders][key];
};

OutgoingMessage.prototype.setHeaders = function setHeaders(headers) {
  if (this._header) throw headersSent('set');
  if (!headers || Array.isArray(headers) || typeof headers.keys !== 'function' || typeof headers.get !== 'function') {
    throw errors.invalidArgType('headers', ['Headers', 'Map'], headers);
  }
  for (const key of headers.keys()) this.setHeader(key, headers.get(key));
  return this;
};

OutgoingMessage.prototype.flushHeaders = function flushHeaders() {
  if (!this._header) this._implicitHeader();
  this._sendHead();
};

OutgoingMessage.prototype.setTimeout = function setTimeout(msecs, callback) {
  if (callback) this.on('timeout', callback);
  if (this.socket) this.socket.setTimeout(msecs);
  else this.once('socket', (s) => s.setTimeout(msecs));
  return this;
};

OutgoingMessage.prototype.destroy = function destroy(error) {
  if (this.destroyed) return this;
  this.destroyed = true;
  if (this[kSink] !== null) this[kSink].destroy(error);
  else if (this.socket) this.socket.destroy(error);
  return this;
};

OutgoingMessage.prototype.cork = function cork() {
  this[kCorked]++;
};

OutgoingMessage.prototype.uncork = function uncork() {
  if (this[kCorked] > 0) this[kCorked]--;
};

OutgoingMessage.prototype.addTrailers = function addTrailers(headers) {
  const flat = [];
  const entries = Array.isArray(headers) ? headers : Object.keys(headers).map((k) => [k, headers[k]]);
  for (const [field, value] of entries) {
    if (typeof field !== 'string' || !field || !common.checkIsHttpToken(field)) {
      throw makeError(TypeError, 'ERR_INVALID_HTTP_TOKEN', `Trailer name must be a valid HTTP token ["${field}"]`);
    }
    if (checkInvalidHeaderChar(String(value))) {
      throw makeError(TypeError, 'ERR_INVALID_CHAR', `Invalid character in trailer content ["${field}"]`);
    }
    flat.push(field, String(value));
  }
  this._pendingTrailers = (this._pendingTrailers || []).concat(flat);
};

// The status line facts of the head; ServerResponse/ClientRequest provide them.
OutgoingMessage.prototype._headFacts = function _headFacts() {
  return [0, undefined];
};

// `[name, value, …]` in insertion order (arrays stay arrays; Rust sends each value).
OutgoingMessage.prototype._flatHeaders = function _flatHeaders() {
  if (this._rawHead !== undefined) return this._rawHead;
  const headers = this[kOutHeaders];
  const flat = [];
  if (headers !== null) {
    for (const key in headers) {
      const e = headers[key];
      const v = e[1];
      flat.push(e[0], Array.isArray(v) ? v : String(v));
    }
  }
  return flat;
};

// Node's _storeHeader: from now on the headers are fixed.
OutgoingMessage.prototype._storeHeader = function _storeHeader() {
  this._header = ' ';
  this._headerSent = false;
};

OutgoingMessage.prototype._implicitHeader = function _implicitHeader() {
  this._storeHeader();
};

// Hands the head to the sink (once).
OutgoingMessage.prototype._sendHead = function _sendHead() {
  if (this[kHeadSent] || this[kSink] === null) return;
  this[kHeadSent] = true;
  this._headerSent = true;
  const [status, message] = this._headFacts();
  this[kSink].head(status, message, this._flatHeaders(), this.sendDate, true);
  if (this._pendingTrailers) this[kSink].trailers(this._pendingTrailers);
};

function invalidChunk(chunk) {
  const e = errors.invalidArgType('chunk', 'string', chunk);
  return makeError(TypeError, 'ERR_INVALID_ARG_TYPE',
    e.message.replace('of type string.', 'of type string or an instance of Buffer or Uint8Array.'));
}

function writeAfterEnd(msg, cb) {
  const err = makeError(Error, 'ERR_STREAM_WRITE_AFTER_END', 'write after end');
  process.nextTick(() => {
    if (typeof cb === 'function') cb(err);
    if (!msg.destroyed) msg.emit('error', err);
  });
}

function toBytes(chunk, encoding) {
  if (typeof chunk === 'string') {
    if (encoding && encoding !== 'utf8' && encoding !== 'utf-8' && typeof Buffer === 'function') {
      return Buffer.from(chunk, encoding);
    }
    return chunk;
  }
  return chunk;
}

function byteLength(chunk) {
  if (typeof chunk !== 'string') return chunk.byteLength;
  return typeof Buffer === 'function' ? Buffer.byteLength(chunk) : chunk.length;
}

OutgoingMessage.prototype.write = function write(chunk, encoding, callback) {
  if (typeof encoding === 'function') {
    callback = encoding;
    encoding = null;
  }
  if (chunk === null) throw makeError(TypeError, 'ERR_STREAM_NULL_VALUES', 'May not write null values to stream');
  if (typeof chunk !== 'string' && !(chunk instanceof Uint8Array)) throw invalidChunk(chunk);
  if (this.finished) {
    writeAfterEnd(this, callback);
    return false;
  }
  if (this.destroyed) {
    const err = makeError(Error, 'ERR_STREAM_DESTROYED', 'Cannot call write after a stream was destroyed');
    if (typeof callback === 'function') process.nextTick(callback, err);
    return false;
  }
  if (!this._header) this._implicitHeader();
  if (this[kSink] === null) {
    // Not attached yet (a client request before its socket): keep the data.
    if (this.outputData === NO_OUTPUT) this.outputData = [];
    this.outputData.push({ data: chunk, encoding, callback });
    this.outputSize += byteLength(chunk);
    return this.outputSize < HIGH_WATER_MARK;
  }
  this._sendHead();
  const data = toBytes(chunk, encoding);
  const len = byteLength(chunk);
  if (!this._hasBody) {
    if (typeof callback === 'function') process.nextTick(callback);
    return true;
  }
  this[kPending] += len;
  const ok = this[kPending] < HIGH_WATER_MARK;
  if (!ok) this[kNeedDrain] = true;
  if (len > 0) this[kSink].write(data, !ok);
  if (typeof callback === 'function') {
    if (ok) process.nextTick(callback);
    else this.once('drain', callback);
  }
  return ok;
};

// The sink reports `n` more bytes flushed.
OutgoingMessage.prototype._onDrain = function _onDrain(n) {
  this[kPending] = Math.max(0, this[kPending] - n);
  if (this[kNeedDrain] && this[kPending] < HIGH_WATER_MARK) {
    this[kNeedDrain] = false;
    this.emit('drain');
  }
};

OutgoingMessage.prototype.end = function end(chunk, encoding, callback) {
  if (typeof chunk === 'function') {
    callback = chunk;
    chunk = null;
    encoding = null;
  } else if (typeof encoding === 'function') {
    callback = encoding;
    encoding = null;
  }
  if (chunk !== null && chunk !== undefined) {
    if (typeof chunk !== 'string' && !(chunk instanceof Uint8Array)) throw invalidChunk(chunk);
    if (this.finished) {
      writeAfterEnd(this, callback);
      return this;
    }
  }
  if (this.finished) {
    if (typeof callback === 'function') {
      if (this._writableFinished) {
        process.nextTick(callback, makeError(Error, 'ERR_STREAM_ALREADY_FINISHED',
          'Cannot call end after a stream was finished'));
      } else {
        this.once('finish', callback);
      }
    }
    return this;
  }
  if (typeof callback === 'function') this.once('finish', callback);
  if (chunk === undefined || chunk === null || !this._hasBody) chunk = undefined;
  else chunk = toBytes(chunk, encoding);
  const sink = this[kSink];
  // The common case, `res.end(data)` with nothing staged: one native call.
  if (this._header === null && this[kOutHeaders] === null && sink !== null &&
      this._fastEnd !== undefined && this._fastEnd()) {
    this._header = ' ';
    this.finished = true;
    this.writable = false;
    this[kHeadSent] = true;
    sink.endWithHead(200, undefined, EMPTY, this.sendDate, chunk, false, this);
    return this;
  }
  // A head fixed before end() (writeHead, flushHeaders) has no Content-Length: node sends
  // the body chunked; end() fixing it itself counts the data.
  const fixed = !!this._header;
  if (!this._header) this._implicitHeader();
  this.finished = true;
  this.writable = false;
  if (sink === null) {
    if (chunk !== undefined) {
      if (this.outputData === NO_OUTPUT) this.outputData = [];
      this.outputData.push({ data: chunk, encoding, callback: null });
    }
    this._endPending = true;
    return this;
  }
  if (!this[kHeadSent] && !this._pendingTrailers) {
    this[kHeadSent] = true;
    this._headerSent = true;
    const [status, message] = this._headFacts();
    sink.endWithHead(status, message, this._flatHeaders(), this.sendDate, chunk, fixed, this);
  } else {
    this._sendHead();
    sink.end(chunk);
  }
  return this;
};

// Attaches the sink and replays what was written before it existed.
OutgoingMessage.prototype._attachSink = function _attachSink(sink) {
  this[kSink] = sink;
  const queued = this.outputData;
  if (queued.length === 0 && !this._endPending) return;
  this.outputData = NO_OUTPUT;
  this.outputSize = 0;
  const ended = this._endPending;
  this.finished = false;
  this._endPending = false;
  for (const { data, encoding, callback } of queued) {
    if (ended && callback === null) {
      this.end(data, encoding);
      return;
    }
    this.write(data, encoding, callback);
  }
  if (ended) this.end();
};

OutgoingMessage.prototype._onFinish = function _onFinish() {
  this._writableFinished = true;
  this[kPending] = 0;
  this.emit('finish');
};

OutgoingMessage.prototype.pipe = function pipe() {
  this.emit('error', makeError(Error, 'ERR_STREAM_CANNOT_PIPE', 'Cannot pipe, not readable'));
};

OutgoingMessage.prototype._renderHeaders = function _renderHeaders() {
  if (this._header) throw makeError(Error, 'ERR_HTTP_HEADERS_SENT', 'Cannot render headers after they are sent to the client');
  const out = {};
  const headers = this[kOutHeaders];
  if (headers !== null) {
    for (const key in headers) out[headers[key][0]] = headers[key][1];
  }
  return out;
};

module.exports = {
  OutgoingMessage,
  kOutHeaders,
  kSink,
  HIGH_WATER_MARK,
};
