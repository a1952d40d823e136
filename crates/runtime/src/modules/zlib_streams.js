// zlib's stream classes: ZlibBase is a stream.Transform whose writes go to a native
// processor (zlib.rs) on the blocking pool; Zlib adds params(); Deflate … Unzip and
// BrotliCompress/BrotliDecompress pick the mode. The last write before end() carries the
// finishFlush, as in node, so the stream's end is in the same output as its last data.
'use strict';

const { Transform, finished } = require('stream');
const zb = internal.natives.zlib;
const errors = internal.errors;
const {
  constants, zlibOptions, brotliOptions, rangeOrDefault,
} = internal.requireBuiltin('internal/zlib_options', true);

const kFlushFlag = Symbol('kFlushFlag');
const pending = new Map(); // request id -> (err, chunks) => void; see zlib.js
let nextReq = 0x40000000; // apart from zlib.js's one-shot ids

const prevComplete = internal.hooks.zlibComplete;
internal.hooks.zlibComplete = function zlibStreamComplete(id, err, value) {
  const done = pending.get(id);
  if (done === undefined) {
    if (prevComplete) prevComplete(id, err, value);
    return;
  }
  pending.delete(id);
  done(err, value);
};

function request(done) {
  const id = nextReq++;
  if (nextReq > 0x7fffffff) nextReq = 0x40000000;
  pending.set(id, done);
  return id;
}

function zlibError(desc) {
  const [code, errno, message, cls] = desc;
  if (errno === undefined || errno === null) return errors.make(globalThis[cls] || Error, code, message);
  const e = new Error(message);
  e.errno = errno;
  e.code = code;
  return e;
}

function toBuffer(u8) {
  const B = globalThis.Buffer;
  return typeof B === 'function' ? B.from(u8.buffer, u8.byteOffset, u8.byteLength) : u8;
}

function emptyChunk() {
  const B = globalThis.Buffer;
  return typeof B === 'function' ? B.alloc(0) : new Uint8Array(0);
}

// How strongly each flush value flushes (zlib.h's order; Z_BLOCK sits below Z_PARTIAL_FLUSH).
const flushRank = [0, 2, 3, 4, 5, 1];
const maxFlush = (a, b) => (flushRank[a] > flushRank[b] ? a : b);

// node's zlib classes are ES5 constructors (callable without `new`, shown as
// `[Function: Gzip]`), each inheriting from the one above it.
function inherit(Child, Parent) {
  Object.setPrototypeOf(Child.prototype, Parent.prototype);
  Object.setPrototypeOf(Child, Parent);
}

// A stream dropped without end() or destroy() gives its native processor back when the
// GC collects it (node's native handle goes the same way).
const handles = new FinalizationRegistry((id) => zb.close(id));

// The stream's `_handle` stands for node's native handle: closing goes through its own
// `close()`, as node's does, because packages that drive `_processChunk` synchronously
// (minizlib, under tar) swap that method for a no-op to keep the processor across calls.
class NativeHandle {
  constructor(id) {
    this.id = id;
  }

  close() {
    handles.unregister(this);
    zb.close(this.id);
  }
}

function closeHandle(stream) {
  if (!stream._handle) return;
  stream._handle.close();
  stream._handle = null;
}

function ZlibBase(opts, mode, o, fullFlush) {
  Transform.call(this, { autoDestroy: true, ...(opts !== null && typeof opts === 'object' ? opts : {}) });
  const [err, id] = zb.create(o);
  if (err) throw zlibError(err);
  this._handle = new NativeHandle(id);
  handles.register(this, id, this._handle);
  this._hadError = false;
  this._chunkSize = o.chunkSize;
  this._defaultFlushFlag = o.flush;
  this._finishFlushFlag = o.finishFlush;
  this._defaultFullFlushFlag = fullFlush;
  this._info = o.info;
  this._maxOutputLength = o.maxOutputLength;
  this.bytesWritten = 0;
  // A write is on the blocking pool; params()/reset() wait for it.
  this._inFlight = false;
  this._afterWrite = [];
}
inherit(ZlibBase, Transform);

Object.defineProperty(ZlibBase.prototype, '_closed', {
  configurable: true,
  get() {
    return !this._handle;
  },
});

ZlibBase.prototype._transform = function _transform(chunk, encoding, callback) {
  if (typeof chunk === 'string') {
    const B = globalThis.Buffer;
    chunk = typeof B === 'function' ? B.from(chunk, encoding) : chunk;
  }
  let flushFlag = this._defaultFlushFlag;
  if (typeof chunk[kFlushFlag] === 'number') flushFlag = chunk[kFlushFlag];
  const size = typeof chunk === 'string' ? chunk.length : chunk.byteLength;
  // The last chunk before end() finishes the stream.
  if (this.writableEnded && this.writableLength === size) {
    flushFlag = maxFlush(flushFlag, this._finishFlushFlag);
  }
  this._process(chunk, size, flushFlag, callback);
};

ZlibBase.prototype._flush = function _flush(callback) {
  this._transform(emptyChunk(), '', callback);
};

// node's zlib streams finish their writable side at once ('finish' before 'end'); the
// flush and the readable side's end follow.
ZlibBase.prototype._final = function _final(callback) {
  Transform.prototype._final.call(this, (err) => {
    if (err) this.destroy(err);
  });
  callback();
};

ZlibBase.prototype._process = function _process(chunk, size, flushFlag, callback) {
  if (!this._handle) {
    process.nextTick(callback);
    return;
  }
  this._inFlight = true;
  const input = typeof chunk === 'string' ? chunk
    : chunk instanceof Uint8Array ? chunk : new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength);
  zb.write(request((err, chunks) => {
    this._inFlight = false;
    const after = this._afterWrite;
    this._afterWrite = [];
    for (const fn of after) fn();
    if (this.destroyed) {
      callback();
      return;
    }
    if (err) {
      const e = zlibError(err);
      this._hadError = true;
      closeHandle(this);
      this.destroy(e);
      return;
    }
    this.bytesWritten += size;
    for (const c of chunks) this.push(toBuffer(c));
    callback();
  }), this._handle.id, input, flushFlag);
};

// Runs `fn` now, or once the write on the blocking pool is back.
ZlibBase.prototype._whenIdle = function _whenIdle(fn) {
  if (this._inFlight) this._afterWrite.push(fn);
  else fn();
};

ZlibBase.prototype.flush = function flush(kind, callback) {
  if (typeof kind === 'function' || (kind === undefined && !callback)) {
    callback = kind;
    kind = this._defaultFullFlushFlag;
  }
  if (this.writableFinished) {
    if (callback) process.nextTick(callback);
  } else if (this.writableEnded) {
    if (callback) this.once('end', callback);
  } else {
    const marker = emptyChunk();
    marker[kFlushFlag] = kind;
    this.write(marker, '', callback);
  }
};

ZlibBase.prototype.reset = function reset() {
  if (!this._handle) throw errors.make(Error, 'ERR_INTERNAL_ASSERTION', 'zlib binding closed');
  this._whenIdle(() => {
    if (!this._handle) return;
    const [err] = zb.reset(this._handle.id);
    if (err) this.destroy(zlibError(err));
  });
};

ZlibBase.prototype.close = function close(callback) {
  if (callback) finished(this, callback);
  this.destroy();
};

ZlibBase.prototype._destroy = function _destroy(err, callback) {
  closeHandle(this);
  callback(err);
};

// node's legacy entry: with a callback, one write whose output is pushed; without, the
// output of one synchronous write, returned, after which the handle is closed (as node's
// one-shot sync forms use it).
ZlibBase.prototype._processChunk = function _processChunk(chunk, flushFlag, callback) {
  const input = typeof chunk === 'string' ? chunk
    : chunk instanceof Uint8Array ? chunk : new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength);
  const size = typeof chunk === 'string' ? Buffer.byteLength(chunk) : chunk.byteLength;
  if (typeof callback === 'function') {
    this._process(chunk, size, flushFlag, callback);
    return undefined;
  }
  if (!this._handle) throw errors.make(Error, 'ERR_INTERNAL_ASSERTION', 'zlib binding closed');
  const [err, chunks] = zb.write(-1, this._handle.id, input, flushFlag);
  if (err) {
    closeHandle(this);
    const e = zlibError(err);
    if (internal.markThrownInternally) internal.markThrownInternally(e);
    throw e;
  }
  let total = 0;
  for (const c of chunks) total += c.byteLength;
  if (total > this._maxOutputLength) {
    closeHandle(this);
    throw errors.make(RangeError, 'ERR_BUFFER_TOO_LARGE', `Cannot create a Buffer larger than ${this._maxOutputLength} bytes`);
  }
  this.bytesWritten += size;
  closeHandle(this);
  return Buffer.concat(chunks, total);
};

function Zlib(opts, mode) {
  const o = zlibOptions(opts, mode);
  ZlibBase.call(this, opts, mode, o, constants.Z_FULL_FLUSH);
  this._level = o.level;
  this._strategy = o.strategy;
}
inherit(Zlib, ZlibBase);

Zlib.prototype.params = function params(level, strategy, callback) {
  rangeOrDefault(level, 'level', constants.Z_MIN_LEVEL, constants.Z_MAX_LEVEL);
  rangeOrDefault(strategy, 'strategy', constants.Z_DEFAULT_STRATEGY, constants.Z_FIXED);
  if (this._level === level && this._strategy === strategy) {
    process.nextTick(callback);
    return;
  }
  // node flushes with Z_SYNC_FLUSH, then changes the parameters.
  this.flush(constants.Z_SYNC_FLUSH, () => {
    this._whenIdle(() => {
      if (!this._handle) throw errors.make(Error, 'ERR_INTERNAL_ASSERTION', 'zlib binding closed');
      const [err, chunks] = zb.params(this._handle.id, level, strategy);
      if (err) {
        this.destroy(zlibError(err));
        return;
      }
      for (const c of chunks || []) this.push(toBuffer(c));
      if (!this.destroyed) {
        this._level = level;
        this._strategy = strategy;
        if (callback) callback();
      }
    });
  });
};

function Deflate(opts) {
  if (!(this instanceof Deflate)) return new Deflate(opts);
  Zlib.call(this, opts, constants.DEFLATE);
}
inherit(Deflate, Zlib);
function Inflate(opts) {
  if (!(this instanceof Inflate)) return new Inflate(opts);
  Zlib.call(this, opts, constants.INFLATE);
}
inherit(Inflate, Zlib);
function Gzip(opts) {
  if (!(this instanceof Gzip)) return new Gzip(opts);
  Zlib.call(this, opts, constants.GZIP);
}
inherit(Gzip, Zlib);
function Gunzip(opts) {
  if (!(this instanceof Gunzip)) return new Gunzip(opts);
  Zlib.call(this, opts, constants.GUNZIP);
}
inherit(Gunzip, Zlib);
function DeflateRaw(opts) {
  if (!(this instanceof DeflateRaw)) return new DeflateRaw(opts);
  Zlib.call(this, opts, constants.DEFLATERAW);
}
inherit(DeflateRaw, Zlib);
function InflateRaw(opts) {
  if (!(this instanceof InflateRaw)) return new InflateRaw(opts);
  Zlib.call(this, opts, constants.INFLATERAW);
}
inherit(InflateRaw, Zlib);
function Unzip(opts) {
  if (!(this instanceof Unzip)) return new Unzip(opts);
  Zlib.call(this, opts, constants.UNZIP);
}
inherit(Unzip, Zlib);

function Brotli(opts, mode) {
  ZlibBase.call(this, opts, mode, brotliOptions(opts, mode), constants.BROTLI_OPERATION_FLUSH);
}
inherit(Brotli, ZlibBase);
function BrotliCompress(opts) {
  if (!(this instanceof BrotliCompress)) return new BrotliCompress(opts);
  Brotli.call(this, opts, constants.BROTLI_ENCODE);
}
inherit(BrotliCompress, Brotli);
function BrotliDecompress(opts) {
  if (!(this instanceof BrotliDecompress)) return new BrotliDecompress(opts);
  Brotli.call(this, opts, constants.BROTLI_DECODE);
}
inherit(BrotliDecompress, Brotli);

const byMode = {
  [constants.DEFLATE]: Deflate, [constants.INFLATE]: Inflate, [constants.GZIP]: Gzip,
  [constants.GUNZIP]: Gunzip, [constants.DEFLATERAW]: DeflateRaw, [constants.INFLATERAW]: InflateRaw,
  [constants.UNZIP]: Unzip, [constants.BROTLI_ENCODE]: BrotliCompress,
  [constants.BROTLI_DECODE]: BrotliDecompress,
};

// The one-shots with `info: true` run through a stream, as node's do, to hand it back.
function infoSync(mode, opts, input) {
  const engine = new byMode[mode](opts);
  const buffer = engine._processChunk(input, engine._finishFlushFlag);
  closeHandle(engine);
  return { buffer, engine };
}

function infoAsync(mode, opts, input, callback) {
  const engine = new byMode[mode](opts);
  const parts = [];
  let size = 0;
  engine.on('data', (c) => {
    parts.push(c);
    size += c.length;
  });
  engine.once('error', (err) => callback(err));
  engine.once('end', () => {
    if (size > engine._maxOutputLength) {
      callback(errors.make(RangeError, 'ERR_BUFFER_TOO_LARGE', `Cannot create a Buffer larger than ${engine._maxOutputLength} bytes`));
      return;
    }
    callback(null, { buffer: Buffer.concat(parts, size), engine });
    engine.destroy();
  });
  engine.end(input);
}

module.exports = {
  Deflate, Inflate, Gzip, Gunzip, DeflateRaw, InflateRaw, Unzip, BrotliCompress, BrotliDecompress,
  infoSync, infoAsync,
};
