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
  Readable.call(this, { autoDestroy: true });
  this.socket = socket;
  this.httpVersionMajor = null;
  this.httpVersionMinor = null;
  this.httpVersion = null;
  this.complete = false;
  this.rawHeaders = [];
  this.rawTrailers = [];
  this.joinDuplicateHeaders = false;
  this.aborted = false;
  this.upgrade = null;
  this.url = '';
  this.method = null;
  this.statusCode = null;
  this.statusMessage = null;
  this.client = socket;
  this._consuming = false;
  this._dumped = false;
  this[kSource] = null;
  this[kHeaders] = null;
  this[kHeadersDistinct] = null;
  this[kTrailers] = null;
  this[kTrailersDistinct] = null;
}
Object.setPrototypeOf(IncomingMessage.prototype, Readable.prototype);
Object.setPrototypeOf(IncomingMessage, Readable);

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
  this.httpVersionMajor = 1;
  this.httpVersionMinor = minor;
  this.httpVersion = minor === 0 ? '1.0' : '1.1';
  this.rawHeaders = raw;
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
  register(rid, msg) { bodies.set(rid, msg); },
  unregister(rid) { bodies.delete(rid); },
};
