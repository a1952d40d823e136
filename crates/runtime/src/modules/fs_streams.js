// Node's fs.ReadStream and fs.WriteStream (lib/internal/fs/streams.js behaviour): stream
// Readable/Writable subclasses over file descriptors. Each _read is one native read (one
// blocking-pool hop, its bytes handed over as the chunk without a copy); each _write one
// native write; _writev joins the chunks into one write. `options.fs` replaces the
// open/read/write/close functions, as in node.
'use strict';

const { Readable, Writable, finished } = require('stream');
const { Buffer } = require('buffer');
const fs = require('fs');
const fb = internal.natives.fs;
const errors = internal.errors;
const { request } = fs._nrt;
const { errorOrDestroy } = internal.requireBuiltin('internal/streams/state', true);
const {
  getPath, validateFunction, validateBoolean, normalizeEncoding, getFlags, parseMode,
} = internal.requireBuiltin('internal/fs_utils', true);

const kFs = Symbol('kFs');
const kHandle = Symbol('kHandle');
const kIsPerformingIO = Symbol('kIsPerformingIO');
const kIoDone = Symbol('kIoDone');

// validateInteger(value, name, 0) of lib/internal/validators.js.
function validateInteger(value, name, min = 0, max = Number.MAX_SAFE_INTEGER) {
  if (typeof value !== 'number') throw errors.invalidArgType(name, 'number', value);
  if (!Number.isInteger(value)) throw errors.outOfRange(name, 'an integer', value);
  if (value < min || value > max) throw errors.outOfRange(name, `>= ${min} && <= ${max}`, value);
  return value;
}

function copyOptions(options, defaults) {
  if (options === undefined || options === null) return { ...defaults };
  if (typeof options === 'string') return { ...defaults, encoding: options };
  if (typeof options !== 'object') throw errors.invalidArgType('options', ['string', 'Object'], options);
  return { ...defaults, ...options };
}

// The fd option: a descriptor or a FileHandle (whose methods the stream then uses).
function importFd(stream, options) {
  const fd = options.fd;
  if (fd !== undefined && fd !== null && typeof fd === 'object' && typeof fd.close === 'function' &&
      typeof fd.fd === 'number' && fd.constructor && fd.constructor.name === 'FileHandle') {
    if (options.fs !== undefined) {
      throw errors.make(Error, 'ERR_METHOD_NOT_IMPLEMENTED', 'The FileHandle with fs method is not implemented');
    }
    stream[kHandle] = fd;
    stream[kFs] = fileHandleFs(fd);
    // The stream closes when the handle does.
    fd.once('close', () => { if (!stream.destroyed) stream.destroy(); });
    return fd.fd;
  }
  const custom = options.fs;
  stream[kFs] = custom === undefined || custom === null ? null : custom;
  if (fd === undefined || fd === null) return null;
  if (typeof fd !== 'number') throw errors.invalidArgType('options.fd', ['number', 'FileHandle'], fd);
  return validateInteger(fd, 'fd', 0, 2147483647);
}

// The FileHandle methods in the shape of fs's callback functions.
function fileHandleFs(handle) {
  const settle = (p, cb) => p.then((r) => cb(null, r), (e) => cb(e));
  return {
    read: (fd, buf, off, len, pos, cb) => settle(handle.read(buf, off, len, pos), (e, r) => cb(e, r && r.bytesRead, buf)),
    write: (fd, buf, off, len, pos, cb) => settle(handle.write(buf, off, len, pos), (e, r) => cb(e, r && r.bytesWritten, buf)),
    close: (fd, cb) => settle(handle.close(), (e) => cb(e)),
  };
}

function validateFs(stream, names) {
  const f = stream[kFs];
  if (f === null) return;
  for (const n of names) {
    if (n === 'write' && typeof f.writev === 'function' && typeof f.write !== 'function') continue;
    validateFunction(f[n], `options.fs.${n}`);
  }
}

// ---- open and close, shared by both streams ------------------------------------------

function openFile(stream, callback) {
  const done = (err, fd) => {
    if (err) {
      callback(err);
      return;
    }
    stream.fd = fd;
    callback();
    stream.emit('open', fd);
    stream.emit('ready');
  };
  if (stream[kFs] !== null) {
    stream[kFs].open(stream.path, stream.flags, stream.mode, done);
    return;
  }
  try {
    fb.open(request(done), getPath(stream.path), getFlags(stream.flags, 'r'), parseMode(stream.mode, 'mode', 0o666));
  } catch (e) {
    callback(e);
  }
}

function construct(callback) {
  if (typeof this.fd === 'number') {
    callback();
    return;
  }
  openFile(this, callback);
}

function closeFile(stream, err, cb) {
  const fd = stream.fd;
  if (fd === null || fd === undefined) {
    cb(err);
    return;
  }
  stream.fd = null;
  const done = (er) => cb(er || err);
  if (stream[kFs] !== null) stream[kFs].close(fd, done);
  else fb.close(request(done), fd);
}

// node waits for a read or write in flight before closing the descriptor.
function destroyStream(err, cb) {
  if (this[kIsPerformingIO]) this.once(kIoDone, (er) => closeFile(this, err || er, cb));
  else closeFile(this, err, cb);
}

function defineFd(proto) {
  Object.defineProperty(proto, 'pending', {
    get() { return this.fd === null; },
    configurable: true,
  });
}

// ---- ReadStream ------------------------------------------------------------------------

function ReadStream(path, options) {
  if (!(this instanceof ReadStream)) return new ReadStream(path, options);
  options = copyOptions(options, {});
  if (options.highWaterMark === undefined) options.highWaterMark = 64 * 1024;
  if (options.autoDestroy === undefined) options.autoDestroy = options.autoClose === undefined ? true : options.autoClose;
  if (options.encoding !== undefined && options.encoding !== null) normalizeEncoding(options.encoding);

  this.fd = importFd(this, options);
  validateFs(this, this.fd === null ? ['open', 'read', 'close'] : ['read', 'close']);
  if (this.fd === null) {
    this.path = typeof path === 'string' ? path : getPath(path);
    this.flags = options.flags === undefined ? 'r' : options.flags;
    this.mode = options.mode === undefined ? 0o666 : options.mode;
  } else {
    this.path = undefined;
    this.flags = options.flags === undefined ? 'r' : options.flags;
    this.mode = options.mode === undefined ? 0o666 : options.mode;
  }
  this.start = options.start;
  this.end = options.end === undefined ? Infinity : options.end;
  this.pos = undefined;
  this.bytesRead = 0;
  this[kIsPerformingIO] = false;
  if (this.start !== undefined) {
    validateInteger(this.start, 'start');
    this.pos = this.start;
  }
  if (this.end !== Infinity) {
    validateInteger(this.end, 'end');
    if (this.start !== undefined && this.start > this.end) {
      throw errors.outOfRange('start', `<= "end" (here: ${this.end})`, this.start);
    }
  }
  Readable.call(this, options);
}
Object.setPrototypeOf(ReadStream.prototype, Readable.prototype);
Object.setPrototypeOf(ReadStream, Readable);
defineFd(ReadStream.prototype);

Object.defineProperty(ReadStream.prototype, 'autoClose', {
  get() { return this._readableState.autoDestroy; },
  set(v) { this._readableState.autoDestroy = v; },
  configurable: true,
});

ReadStream.prototype._construct = construct;

ReadStream.prototype._read = function _read(n) {
  n = this.pos !== undefined ? Math.min(this.end - this.pos + 1, n) : Math.min(this.end - this.bytesRead + 1, n);
  if (n <= 0) {
    this.push(null);
    return;
  }
  this[kIsPerformingIO] = true;
  const done = (er, chunk) => {
    this[kIsPerformingIO] = false;
    // A destroy() during the read waits for it (kIoDone), then closes.
    if (this.destroyed) {
      this.emit(kIoDone, er);
      return;
    }
    if (er) {
      errorOrDestroy(this, er);
      return;
    }
    if (chunk.length > 0) {
      if (this.pos !== undefined) this.pos += chunk.length;
      this.bytesRead += chunk.length;
      this.push(chunk);
    } else {
      this.push(null);
    }
  };
  const pos = this.pos === undefined ? -1 : this.pos;
  if (this[kFs] !== null) {
    const buf = Buffer.allocUnsafeSlow(n);
    this[kFs].read(this.fd, buf, 0, n, this.pos, (er, bytesRead) => {
      if (er) done(er);
      else done(null, bytesRead === n ? buf : buf.subarray(0, bytesRead));
    });
    return;
  }
  fb.read(request((er, bytes) => done(er, er ? undefined : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length))), this.fd, n, pos);
};

ReadStream.prototype._destroy = destroyStream;

ReadStream.prototype.close = function close(cb) {
  if (typeof cb === 'function') finished(this, cb);
  this.destroy();
};

// ---- WriteStream -----------------------------------------------------------------------

function WriteStream(path, options) {
  if (!(this instanceof WriteStream)) return new WriteStream(path, options);
  options = copyOptions(options, {});
  options.decodeStrings = true;
  if (options.autoDestroy === undefined) options.autoDestroy = options.autoClose === undefined ? true : options.autoClose;
  if (options.encoding !== undefined && options.encoding !== null) {
    normalizeEncoding(options.encoding);
    if (options.defaultEncoding === undefined) options.defaultEncoding = options.encoding;
  }

  this.fd = importFd(this, options);
  validateFs(this, this.fd === null ? ['open', 'write', 'close'] : ['write', 'close']);
  this.path = this.fd === null ? (typeof path === 'string' ? path : getPath(path)) : undefined;
  this.flags = options.flags === undefined ? 'w' : options.flags;
  this.mode = options.mode === undefined ? 0o666 : options.mode;
  this.flush = options.flush === undefined || options.flush === null ? false : validateBoolean(options.flush, 'options.flush');
  this.start = options.start;
  this.pos = undefined;
  this.bytesWritten = 0;
  this[kIsPerformingIO] = false;
  if (this.start !== undefined) {
    validateInteger(this.start, 'start');
    this.pos = this.start;
  }
  Writable.call(this, options);
  if (this[kFs] !== null && typeof this[kFs].writev !== 'function') this._writev = null;
  if (options.encoding) this.setDefaultEncoding(options.encoding);
}
Object.setPrototypeOf(WriteStream.prototype, Writable.prototype);
Object.setPrototypeOf(WriteStream, Writable);
defineFd(WriteStream.prototype);

Object.defineProperty(WriteStream.prototype, 'autoClose', {
  get() { return this._writableState.autoDestroy; },
  set(v) { this._writableState.autoDestroy = v; },
  configurable: true,
});

WriteStream.prototype._construct = construct;

function writeBytes(stream, data, cb) {
  stream[kIsPerformingIO] = true;
  const pos = stream.pos;
  const done = (er, bytes) => {
    stream[kIsPerformingIO] = false;
    if (stream.destroyed) {
      // Tell destroy() the write is over, then fail the write so the stream settles.
      cb(er);
      stream.emit(kIoDone, er);
      return;
    }
    if (er) {
      cb(er);
      return;
    }
    stream.bytesWritten += bytes;
    cb();
  };
  if (pos !== undefined) stream.pos += Array.isArray(data) ? data.reduce((n, b) => n + b.length, 0) : data.length;
  if (stream[kFs] !== null) {
    const f = stream[kFs];
    if (Array.isArray(data)) f.writev(stream.fd, data, pos, done);
    else f.write(stream.fd, data, 0, data.length, pos, done);
    return;
  }
  // Writes until every byte is out, as node's write loop does for a short write.
  let at = 0;
  const step = (er, n) => {
    if (er) return done(er);
    at += n;
    if (at >= data.length) return done(null, at);
    fb.write(request(step), stream.fd, data, at, data.length - at, pos === undefined ? -1 : pos + at);
  };
  fb.write(request(step), stream.fd, data, 0, data.length, pos === undefined ? -1 : pos);
}

WriteStream.prototype._write = function _write(data, encoding, cb) {
  writeBytes(this, data, cb);
};

// A custom `fs` gets the chunks as one writev, or (without writev) one write each.
WriteStream.prototype._writev = function _writev(chunks, cb) {
  const list = chunks.map((c) => c.chunk);
  if (this[kFs] !== null) writeBytes(this, list, cb);
  else writeBytes(this, list.length === 1 ? list[0] : Buffer.concat(list), cb);
};

WriteStream.prototype._final = function _final(cb) {
  if (!this.flush || typeof this.fd !== 'number') {
    cb();
    return;
  }
  if (this[kFs] !== null) {
    if (typeof this[kFs].fsync === 'function') this[kFs].fsync(this.fd, (er) => cb(er));
    else cb();
    return;
  }
  fb.fsync(request((er) => cb(er)), this.fd);
};

WriteStream.prototype._destroy = destroyStream;

WriteStream.prototype.close = function close(cb) {
  if (cb) {
    if (this.closed) {
      process.nextTick(cb);
      return;
    }
    this.on('close', cb);
  }
  // Without autoClose, ending alone would leave the descriptor open (node).
  if (!this.autoClose) this.on('finish', this.destroy);
  this.end();
};

WriteStream.prototype.destroySoon = WriteStream.prototype.end;

function createReadStream(path, options) {
  return new ReadStream(path, options);
}
function createWriteStream(path, options) {
  return new WriteStream(path, options);
}

module.exports = { ReadStream, WriteStream, createReadStream, createWriteStream };
