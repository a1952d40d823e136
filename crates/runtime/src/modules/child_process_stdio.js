// A child's stdio pipes as streams: `stdin` a stream.Writable, `stdout`/`stderr`
// stream.Readables, each driving one native pipe of child_process.rs by id. (node's are
// net.Sockets over libuv pipes; the events and backpressure are the same.)
'use strict';

const stream = require('stream');
const nb = internal.natives.child_process;

const pipes = new Map(); // native pipe id -> stream
const kId = Symbol('kId');
const kWrites = Symbol('kWrites');
let nextReq = 1;

function uvError(errno, syscall) {
  const util = require('util');
  const code = util.getSystemErrorName(errno);
  const e = new Error(`${syscall} ${code}`);
  e.errno = errno;
  e.code = code;
  e.syscall = syscall;
  return e;
}

function toBuffer(u8) {
  return Buffer.from(u8.buffer, u8.byteOffset, u8.byteLength);
}

// id 0: the child did not start (node still hands out handle-less sockets).
function PipeReadable(id) {
  // A handle-less one ends, and closes only when the child's 'close' is emitted.
  stream.Readable.call(this, { autoDestroy: id !== 0 });
  this[kId] = id;
  if (id) pipes.set(id, this);
}
Object.setPrototypeOf(PipeReadable.prototype, stream.Readable.prototype);
Object.setPrototypeOf(PipeReadable, stream.Readable);

PipeReadable.prototype._read = function _read() {
  if (this[kId]) nb.readStart(this[kId]);
};

PipeReadable.prototype._destroy = function _destroy(err, cb) {
  const id = this[kId];
  if (id) {
    pipes.delete(id);
    nb.pipeClose(id);
    this[kId] = 0;
  }
  cb(err);
};

function PipeWritable(id) {
  stream.Writable.call(this, { decodeStrings: false });
  this[kId] = id;
  this[kWrites] = new Map();
  if (id) pipes.set(id, this);
}
Object.setPrototypeOf(PipeWritable.prototype, stream.Writable.prototype);
Object.setPrototypeOf(PipeWritable, stream.Writable);

function queue(w, send, cb) {
  const req = nextReq++;
  if (nextReq > 0x3fffffff) nextReq = 1;
  w[kWrites].set(req, cb);
  if (!w[kId] || !send(w[kId], req)) {
    w[kWrites].delete(req);
    cb(uvError(-32, 'write'));
  }
}

PipeWritable.prototype._write = function _write(chunk, encoding, cb) {
  if (typeof chunk === 'string') chunk = Buffer.from(chunk, encoding);
  queue(this, (id, req) => nb.write(id, req, chunk), cb);
};

PipeWritable.prototype._final = function _final(cb) {
  queue(this, (id, req) => nb.shutdown(id, req), cb);
};

PipeWritable.prototype._destroy = function _destroy(err, cb) {
  const id = this[kId];
  if (id) {
    pipes.delete(id);
    nb.pipeClose(id);
    this[kId] = 0;
  }
  cb(err);
};

// A 'pipe' at fd 3 and up: a socket pair, readable and writable (node: a net.Socket).
function PipeDuplex(readId, writeId) {
  stream.Duplex.call(this, { decodeStrings: false, allowHalfOpen: false });
  this[kId] = writeId;
  this[kReadId] = readId;
  this[kWrites] = new Map();
  pipes.set(readId, this);
  pipes.set(writeId, this);
}
const kReadId = Symbol('kReadId');
Object.setPrototypeOf(PipeDuplex.prototype, stream.Duplex.prototype);
Object.setPrototypeOf(PipeDuplex, stream.Duplex);
PipeDuplex.prototype._write = PipeWritable.prototype._write;
PipeDuplex.prototype._final = PipeWritable.prototype._final;
PipeDuplex.prototype._read = function _read() {
  if (this[kReadId]) nb.readStart(this[kReadId]);
};
PipeDuplex.prototype._destroy = function _destroy(err, cb) {
  for (const key of [kId, kReadId]) {
    const id = this[key];
    if (id) {
      pipes.delete(id);
      nb.pipeClose(id);
      this[key] = 0;
    }
  }
  cb(err);
};

for (const C of [PipeReadable, PipeWritable, PipeDuplex]) {
  C.prototype.ref = function ref() { return this; };
  C.prototype.unref = function unref() { return this; };
}

internal.hooks.cpRead = function cpRead(id, chunk) {
  const s = pipes.get(id);
  if (s === undefined) return;
  if (chunk === null) {
    s.push(null);
    // With nothing buffered, 'end' comes even if nobody reads (as a socket's EOF).
    s.read(0);
    return;
  }
  if (typeof chunk === 'number') {
    s.destroy(uvError(chunk, 'read'));
    return;
  }
  if (!s.push(toBuffer(chunk))) nb.readStop(id);
};

function afterWrite(id, req, errno, syscall) {
  const s = pipes.get(id);
  if (s === undefined) return;
  const cb = s[kWrites].get(req);
  if (cb === undefined) return;
  s[kWrites].delete(req);
  cb(errno ? uvError(errno, syscall) : undefined);
}
internal.hooks.cpAfterWrite = (id, req, errno) => afterWrite(id, req, errno, 'write');
internal.hooks.cpAfterShutdown = (id, req, errno) => afterWrite(id, req, errno, 'shutdown');

module.exports = { PipeReadable, PipeWritable, PipeDuplex, uvError };
