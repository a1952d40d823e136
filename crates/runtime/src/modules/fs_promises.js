// Node's fs/promises (lib/internal/fs/promises.js): the fs operations returning promises.
// Validation errors reject the promise, as node's async functions do.
'use strict';

const fs = require('fs');
const { ops, runAsync, getPath } = fs._nrt;
const errors = internal.errors;
const { Buffer } = require('buffer');

function promised(name) {
  return {
    [name](...args) {
      return new Promise((resolve, reject) => {
        runAsync(name, args, (err, v) => (err ? reject(err) : resolve(v)));
      });
    },
  }[name];
}

const names = ['access', 'copyFile', 'rename', 'truncate', 'rm', 'rmdir', 'mkdir', 'readdir',
  'readlink', 'symlink', 'lstat', 'stat', 'link', 'unlink', 'chmod', 'chown', 'utimes',
  'realpath', 'mkdtemp', 'writeFile', 'appendFile', 'readFile', 'cp', 'lchown', 'lutimes',
  'opendir', 'statfs'];
for (const name of names) {
  if (ops[name] === undefined) throw new Error(`nrt: fs op ${name} missing`);
  exports[name] = promised(name);
}
// fsPromises takes a path or a FileHandle, never a raw descriptor.
for (const name of ['readFile', 'writeFile', 'appendFile']) {
  const run = exports[name];
  exports[name] = {
    async [name](path, ...rest) {
      if (typeof path === 'number') getPath(path);
      return run(path, ...rest);
    },
  }[name];
}

// FileHandle (lib/internal/fs/promises.js) over the descriptor forms of fs.
const kFd = Symbol('kFd');
const kClosing = Symbol('kClosing');
function call(fn, ...args) {
  return new Promise((resolve, reject) => {
    fn(...args, (err, ...values) => (err ? reject(err) : resolve(values)));
  });
}
function fileClosed(syscall) {
  const err = new Error('file closed');
  err.code = 'EBADF';
  err.syscall = syscall;
  return err;
}
function nullProto(o) {
  return Object.assign(Object.create(null), o);
}
class FileHandle extends require('events') {
  constructor(fd) {
    super();
    this[kFd] = fd;
    this[kClosing] = null;
  }
  get fd() { return this[kFd]; }
  getAsyncId() { return this[kFd]; }
  async appendFile(data, options) { await this.#op('write', () => call(fs.appendFile, this[kFd], data, options)); }
  async chmod(mode) { await this.#op('fchmod', () => call(fs.fchmod, this[kFd], mode)); }
  async chown(uid, gid) { await this.#op('fchown', () => call(fs.fchown, this[kFd], uid, gid)); }
  async datasync() { await this.#op('fdatasync', () => call(fs.fdatasync, this[kFd])); }
  async sync() { await this.#op('fsync', () => call(fs.fsync, this[kFd])); }
  async read(buffer, offset, length, position) {
    if (buffer === undefined || buffer === null || !ArrayBuffer.isView(buffer)) {
      const o = buffer || {};
      buffer = o.buffer || Buffer.alloc(16384);
      offset = o.offset || 0;
      length = o.length === undefined ? buffer.byteLength - offset : o.length;
      position = o.position === undefined ? null : o.position;
    } else if (offset !== null && typeof offset === 'object') {
      ({ offset = 0, length = buffer.byteLength - offset, position = null } = offset);
    }
    if (offset === undefined) offset = 0;
    if (length === undefined) length = buffer.byteLength - offset;
    if (position === undefined) position = null;
    const [bytesRead] = await this.#op('read', () => call(fs.read, this[kFd], buffer, offset, length, position));
    return nullProto({ bytesRead, buffer });
  }
  async readFile(options) {
    const [data] = await this.#op('read', () => call(fs.readFile, this[kFd], options));
    return data;
  }
  async stat(options) {
    const [st] = await this.#op('fstat', () => call(fs.fstat, this[kFd], options));
    return st;
  }
  async truncate(len = 0) { await this.#op('ftruncate', () => call(fs.ftruncate, this[kFd], len)); }
  async utimes(atime, mtime) { await this.#op('futime', () => call(fs.futimes, this[kFd], atime, mtime)); }
  async write(buffer, ...rest) {
    const [bytesWritten] = await this.#op('write', () => call(fs.write, this[kFd], buffer, ...rest));
    return nullProto({ bytesWritten, buffer });
  }
  async readv(buffers, position) {
    const [bytesRead] = await this.#op('read', () => call(fs.readv, this[kFd], buffers, position));
    return nullProto({ bytesRead, buffers });
  }
  async writev(buffers, position) {
    const [bytesWritten] = await this.#op('write', () => call(fs.writev, this[kFd], buffers, position));
    return nullProto({ bytesWritten, buffers });
  }
  async writeFile(data, options) { await this.#op('write', () => call(fs.writeFile, this[kFd], data, options)); }
  async close() {
    if (this[kFd] === -1) return undefined;
    if (this[kClosing] === null) {
      // node marks the handle closed at once (`fd` is -1 while the close runs).
      const fd = this[kFd];
      this[kFd] = -1;
      this[kClosing] = call(fs.close, fd).then(() => {
        this.emit('close');
      }, (err) => {
        this[kClosing] = null;
        throw err;
      });
    }
    return this[kClosing];
  }
  async [Symbol.asyncDispose]() { return this.close(); }
  async #op(syscall, run) {
    if (this[kFd] === -1) throw fileClosed(syscall);
    return run();
  }
}
// Streams over the handle: they read and write through its methods and close it.
FileHandle.prototype.createReadStream = function createReadStream(options = undefined) {
  const { ReadStream } = internal.requireBuiltin('internal/fs_streams', true);
  return new ReadStream(undefined, { ...options, fd: this });
};
FileHandle.prototype.createWriteStream = function createWriteStream(options = undefined) {
  const { WriteStream } = internal.requireBuiltin('internal/fs_streams', true);
  return new WriteStream(undefined, { ...options, fd: this });
};
FileHandle.prototype.readLines = function readLines(options = undefined) {
  let readline;
  try {
    readline = require('readline');
  } catch {
    throw errors.notImplemented('FileHandle.readLines');
  }
  return readline.createInterface({ input: this.createReadStream(options), crlfDelay: Infinity });
};
// A web ReadableStream over the file from its current position: ArrayBuffer chunks, or
// with `{ type: 'bytes' }` a byte stream that reads straight into BYOB views. The handle
// stays locked to the stream.
const kWebLocked = Symbol('kWebLocked');
FileHandle.prototype.readableWebStream = function readableWebStream(options = undefined) {
  if (options !== undefined && (options === null || typeof options !== 'object')) {
    throw errors.invalidArgType('options', 'object', options);
  }
  if (this[kFd] === -1) throw errors.make(Error, 'ERR_INVALID_STATE', 'Invalid state: The FileHandle is closed');
  if (this[kWebLocked]) throw errors.make(Error, 'ERR_INVALID_STATE', 'Invalid state: The FileHandle is locked');
  const type = options?.type;
  if (type !== undefined && type !== 'bytes') throw errors.invalidArgValue('options.type', type);
  this[kWebLocked] = true;
  const handle = this;
  const chunkSize = 16384;
  if (type === 'bytes') {
    return new ReadableStream({
      type: 'bytes',
      autoAllocateChunkSize: chunkSize,
      async pull(controller) {
        const view = controller.byobRequest.view;
        const { bytesRead } = await handle.read(view, 0, view.byteLength, null);
        if (bytesRead === 0) {
          controller.close();
          controller.byobRequest?.respond(0);
        } else {
          controller.byobRequest.respond(bytesRead);
        }
      },
    });
  }
  return new ReadableStream({
    async pull(controller) {
      const buffer = new Uint8Array(chunkSize);
      const { bytesRead } = await handle.read(buffer, 0, chunkSize, null);
      if (bytesRead === 0) controller.close();
      else controller.enqueue(buffer.buffer.slice(0, bytesRead));
    },
  });
};

exports.open = async function open(path, flags, mode) {
  const [fd] = await call(fs.open, getPath(path), flags === undefined ? 'r' : flags, mode);
  return new FileHandle(fd);
};

exports.watch = function watch(filename, options) {
  return internal.requireBuiltin('internal/fs_watch', true).watchAsync(filename, options);
};
// lchmod needs O_SYMLINK (macOS only); node rejects elsewhere.
exports.lchmod = async function lchmod() {
  throw errors.make(Error, 'ERR_METHOD_NOT_IMPLEMENTED', 'The lchmod() method is not implemented');
};
exports.constants = fs.constants;

// node's export order.
for (const key of ['access', 'copyFile', 'cp', 'open', 'opendir', 'rename', 'truncate', 'rm',
  'rmdir', 'mkdir', 'readdir', 'readlink', 'symlink', 'lstat', 'stat', 'statfs', 'link', 'unlink',
  'chmod', 'lchmod', 'lchown', 'chown', 'utimes', 'lutimes', 'realpath', 'mkdtemp', 'writeFile',
  'appendFile', 'readFile', 'watch', 'constants']) {
  const d = Object.getOwnPropertyDescriptor(exports, key);
  if (d === undefined) continue;
  delete exports[key];
  Object.defineProperty(exports, key, d);
}
