// internal/http_incoming: node's IncomingMessage, a stream.Readable of a message body.
// The head arrives parsed (node-http keeps header case and order in rawHeaders); `headers`
// is joined lazily with node's rules. The body source is a native reader the server or
// client installs: { start(), stop() }, feeding _onBody.
'use strict';

const { Readable } = require('stream');
const { toBuffer } = internal.requireBuiltin('internal/http_common', true);
const makeError = internal.errors.make;

const kSource = Symbol('kSource');
const kHeaders = Symbol('kHeaders');
const kHeadersDistinct = Symbol('kHeadersDistinct');
const kTrailers = Symbol('kTrailers');
const kTrailersDistinct = Symbol('kTrailersDistinct');

function IncomingMessage(socket) {
  // The Readable half is built on first use (see `_readableState` below): most requests
  // never touch their body stream, and building its state is most of a request's cost.
  // The emitter's fields too are made by the first listener (events.js creates them).
  this.socket = socket;
}
Object.setPrototypeOf(IncomingMessage.prototype, Readable.prototype);
Object.setPrototypeOf(IncomingMessage, Readable);

// Per-message defaults live on the prototype; assignments make own properties.
Object.assign(IncomingMessage.prototype, {
  _minor: undefined,
  _raw: undefined,
  _rawTrailers: undefined,
  complete: false,
  joinDuplicateHeaders: false,
  aborted: false,
  upgrade: null,
  url: '',
  method: null,
  statusCode: null,
  statusMessage: null,
  _consuming: false,
  _dumped: false,
  [kSource]: null,
  [kHeaders]: null,
  [kHeadersDistinct]: null,
  [kTrailers]: null,
  [kTrailersDistinct]: null,
});

// Version and raw header fields read what the head stored; assigning replaces them.
function ownValue(msg, name, v) {
  Object.defineProperty(msg, name, { value: v, writable: true, enumerable: true, configurable: true });
}
Object.defineProperties(IncomingMessage.prototype, {
  httpVersionMajor: {
    configurable: true,
    get() { return this._minor === undefined ? null : 1; },
    set(v) { ownValue(this, 'httpVersionMajor', v); },
  },
  httpVersionMinor: {
    configurable: true,
    get() { return this._minor === undefined ? null : this._minor; },
    set(v) { ownValue(this, 'httpVersionMinor', v); },
  },
  httpVersion: {
    configurable: true,
    get() { return this._minor === undefined ? null : `1.${this._minor}`; },
    set(v) { ownValue(this, 'httpVersion', v); },
  },
  rawHeaders: {
    configurable: true,
    get() { return this._raw === undefined ? (this._raw = []) : this._raw; },
    set(v) { this._raw = v; },
  },
  rawTrailers: {
    configurable: true,
    get() { return this._rawTrailers === undefined ? (this._rawTrailers = []) : this._rawTrailers; },
    set(v) { this._rawTrailers = v; },
  },
  client: {
    configurable: true,
    get() { return this.socket; },
    set(v) { ownValue(this, 'client', v); },
  },
});

function defineOwnState(msg, v) {
  Object.defineProperty(msg, '_readableState', { value: v, writable: true, enumerable: true, configurable: true });
}

Object.defineProperty(IncomingMessage.prototype, '_readableState', {
  configurable: true,
  get() {
    // Readable's constructor re-initialises the emitter; keep the listeners.
    const events = this._events;
    const count = this._eventsCount;
    const max = this._maxListeners;
    Readable.call(this, { autoDestroy: true });
    this._events = events;
    this._eventsCount = count;
    this._maxListeners = max;
    return this._readableState;
  },
  set(v) { defineOwnState(this, v); },
});

// Whether the Readable half was ever used.
function streamStarted(msg) {
  return Object.prototype.hasOwnProperty.call(msg, '_readableState');
}

// node's matchKnownFields: duplicates of these are dropped; set-cookie becomes an array;
// cookie joins with '; '; the rest with ', '.
const dropDuplicates = new Set([
  'content-type', 'content-length', 'user-agent', 'referer', 'host', 'authorization',
  'proxy-authorization', 'if-modified-since', 'if-unmodified-since', 'from', 'location',
  'max-forwards', 'retry-after', 'etag', 'last-modified', 'server', 'age', 'expires',
]);

function joinHeaders(raw, joinAll) {
  const out = {};
  for (let i = 0; i + 1 < raw.length; i += 2) {
    const key = raw[i].toLowerCase();
    const value = raw[i + 1];
    const old = out[key];
    if (old === undefined) {
      out[key] = key === 'set-cookie' && !joinAll ? [value] : value;
    } else if (joinAll) {
      out[key] = `${old}, ${value}`;
    } else if (key === 'set-cookie') {
      old.push(value);
    } else if (key === 'cookie') {
      out[key] = `${old}; ${value}`;
    } else if (!dropDuplicates.has(key)) {
      out[key] = `${old}, ${value}`;
    }
  }
  return out;
}

function distinctHeaders(raw) {
  const out = { __proto__: null };
  for (let i = 0; i + 1 < raw.length; i += 2) {
    const key = raw[i].toLowerCase();
    if (out[key] === undefined) out[key] = [raw[i + 1]];
    else out[key].push(raw[i + 1]);
  }
  return out;
}

Object.defineProperties(IncomingMessage.prototype, {
  connection: {
    configurable: true,
    get() { return this.socket; },
    set(v) { this.socket = v; },
  },
  headers: {
    configurable: true,
    enumerable: true,
    get() {
      if (this[kHeaders] === null) this[kHeaders] = joinHeaders(this.rawHeaders, this.joinDuplicateHeaders);
      return this[kHeaders];
    },
    set(v) { this[kHeaders] = v; },
  },
  headersDistinct: {
    configurable: true,
    enumerable: true,
    get() {
      if (this[kHeadersDistinct] === null) this[kHeadersDistinct] = distinctHeaders(this.rawHeaders);
      return this[kHeadersDistinct];
    },
    set(v) { this[kHeadersDistinct] = v; },
  },
  trailers: {
    configurable: true,
    enumerable: true,
    get() {
      if (this[kTrailers] === null) this[kTrailers] = joinHeaders(this.rawTrailers, this.joinDuplicateHeaders);
      return this[kTrailers];
    },
    set(v) { this[kTrailers] = v; },
  },
  trailersDistinct: {
    configurable: true,
    enumerable: true,
    get() {
      if (this[kTrailersDistinct] === null) this[kTrailersDistinct] = distinctHeaders(this.rawTrailers);
      return this[kTrailersDistinct];
    },
    set(v) { this[kTrailersDistinct] = v; },
  },
});

IncomingMessage.prototype._setHead = function _setHead(minor, raw) {
  this._minor = minor;
  this._raw = raw;
};

IncomingMessage.prototype.setTimeout = function setTimeout(msecs, callback) {
  if (callback) this.on('timeout', callback);
  if (this.socket) this.socket.setTimeout(msecs);
  return this;
};

IncomingMessage.prototype._read = function _read() {
  this._consuming = true;
  const src = this[kSource];
  if (src === null) {
    if (!this.complete) return;
    this.push(null);
    return;
  }
  src.start();
};

// A chunk (Uint8Array), the end (null, with raw trailers) or an error from the source.
IncomingMessage.prototype._onBody = function _onBody(chunk, trailers, message) {
  if (chunk === null) {
    this.complete = true;
    if (trailers && trailers.length) this.rawTrailers = trailers;
    this[kSource] = null;
    this.push(null);
    return;
  }
  if (chunk === undefined) {
    this[kSource] = null;
    this.aborted = true;
    const e = trailers === 'ECONNRESET' || trailers === 'ERR_STREAM_PREMATURE_CLOSE'
      ? makeError(Error, 'ECONNRESET', 'aborted')
      : makeError(Error, trailers, message);
    this.emit('aborted');
    this.destroy(e);
    return;
  }
  if (!this.push(toBuffer(chunk)) && this[kSource] !== null) this[kSource].stop();
};

IncomingMessage.prototype._dump = function _dump() {
  if (!this._dumped) {
    this._dumped = true;
    this.removeAllListeners('data');
    this.resume();
  }
};

IncomingMessage.prototype._destroy = function _destroy(err, cb) {
  if (!this.readableEnded || !this.complete) {
    this.aborted = true;
  }
  if (this[kSource] !== null) {
    this[kSource].stop();
    this[kSource] = null;
  }
  cb(err);
};

// Messages whose body a native reader feeds, by reader id.
const bodies = new Map();

internal.hooks.httpBody = function httpBody(rid, chunk, trailers, message) {
  const msg = bodies.get(rid);
  if (msg === undefined) return;
  if (chunk === null || chunk === undefined) bodies.delete(rid);
  msg._onBody(chunk, trailers, message);
};

module.exports = {
  IncomingMessage,
  kSource,
  streamStarted,
  register(rid, msg) { bodies.set(rid, msg); },
  unregister(rid) { bodies.delete(rid); },
};
