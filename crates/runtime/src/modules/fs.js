// Node's fs (lib/fs.js): argument checks and result objects here, the work in node-fs
// through the native binding (fs.rs). Every native takes a request id first: -1 runs it
// synchronously; otherwise the binding calls hooks.fsComplete(id, err, value) from the
// poll phase, and the callback kept in `pending` runs.
'use strict';

const fb = internal.natives.fs;
const errors = internal.errors;
const { Buffer } = require('buffer');
const {
  typeError, isView, asBytes, getPath, validateFunction, validateBoolean,
  validateInt32, getFd, parseMode, getFlags, normalizeEncoding, getOptions, decode, encode,
  getData, Stats, Dirent, getLength, toUnixTimestamp, isInt32, toStats, makeStatFs,
} = internal.requireBuiltin('internal/fs_utils', true);
const pending = new Map(); // request id -> (err, value) => void
let nextReq = 1;

internal.hooks.fsComplete = function fsComplete(id, err, value) {
  const done = pending.get(id);
  if (done === undefined) return;
  pending.delete(id);
  // node's async errors come from libuv with no JS frames: the stack is the header only.
  if (err) {
    err.stack = internal.errorHeader(err);
  }
  done(err, value);
};

function request(done) {
  const id = nextReq++;
  if (nextReq > 0x7fffffff) nextReq = 1;
  pending.set(id, done);
  return id;
}

// ---- operations -----------------------------------------------------------------------
// Each is { prep(...args) -> native args, post(value, args) -> result, native, hasValue }.
// `prep` validates as node does; `hasValue` says whether callbacks get a second argument.

const ops = {
  readFile: {
    prep(path, options) {
      const o = getOptions(options, { flag: 'r' });
      const enc = normalizeEncoding(o.encoding);
      if (isInt32(path)) return { fd: path, enc, flag: getFlags(o.flag, 'r'), signal: o.signal };
      const p = getPath(path);
      return { native: enc === 'utf8' ? 'readFileUtf8' : 'readFile', args: [p, getFlags(o.flag, 'r')], enc, signal: o.signal };
    },
    post: (v, c) => (c.enc === 'utf8' && c.fd === undefined ? v : decode(v, c.enc)),
    hasValue: true,
  },
  writeFile: {
    prep(path, data, options) {
      const o = getOptions(options, { encoding: 'utf8', mode: 0o666, flag: 'w' });
      const d = getData(data, o.encoding);
      const flush = o.flush === undefined || o.flush === null ? false : validateBoolean(o.flush, 'options.flush');
      if (isInt32(path)) return { fd: path, data: d, signal: o.signal, flush };
      const p = getPath(path, 'path');
      return { args: [p, d, getFlags(o.flag, 'w'), parseMode(o.mode, 'mode', 0o666), flush], signal: o.signal };
    },
  },
  appendFile: {
    prep(path, data, options) {
      const o = getOptions(options, { encoding: 'utf8', mode: 0o666, flag: 'a' });
      const d = getData(data, o.encoding);
      const flush = o.flush === undefined || o.flush === null ? false : validateBoolean(o.flush, 'options.flush');
      if (isInt32(path)) return { fd: path, data: d, signal: o.signal, flush };
      const p = getPath(path, 'path');
      return { args: [p, d, getFlags(o.flag, 'a'), parseMode(o.mode, 'mode', 0o666), flush], signal: o.signal };
    },
  },
  access: {
    prep: (path, mode) => ({ args: [getPath(path), parseMode(mode, 'mode', 0)] }),
  },
  stat: {
    prep(path, options) {
      return { args: [getPath(path), !!(options && options.bigint)], quiet: !!options && options.throwIfNoEntry === false };
    },
    post: toStats,
    hasValue: true,
  },
  lstat: {
    prep(path, options) {
      return { args: [getPath(path), !!(options && options.bigint)], quiet: !!options && options.throwIfNoEntry === false };
    },
    post: toStats,
    hasValue: true,
  },
  fstat: {
    prep: (fd, options) => ({ args: [getFd(fd), !!(options && options.bigint)] }),
    post: toStats,
    hasValue: true,
  },
  statfs: {
    prep: (path, options) => ({ args: [getPath(path), !!(options && options.bigint)] }),
    post: makeStatFs,
    hasValue: true,
  },
  readdir: {
    prep(path, options) {
      const o = getOptions(options, {});
      const enc = normalizeEncoding(o.encoding);
      const recursive = o.recursive === undefined ? false : validateBoolean(o.recursive, 'options.recursive');
      return { args: [getPath(path), recursive, !!o.withFileTypes], enc, types: !!o.withFileTypes };
    },
    post(v, c) {
      if (c.types) return v.map(([name, parent, type]) => new Dirent(name, type, parent));
      if (c.enc === undefined || c.enc === 'utf8') return v;
      return v.map((n) => decode(Buffer.from(n), c.enc));
    },
    hasValue: true,
  },
  mkdir: {
    prep(path, options) {
      let recursive = false;
      let mode = 0o777;
      if (typeof options === 'number' || typeof options === 'string') {
        mode = parseMode(options, 'mode', 0o777);
      } else if (options) {
        if (options.recursive !== undefined) recursive = validateBoolean(options.recursive, 'options.recursive');
        mode = parseMode(options.mode, 'options.mode', 0o777);
      }
      return { args: [getPath(path), recursive, mode], recursive };
    },
    hasValue: (c) => c.recursive,
  },
  mkdtemp: {
    prep(prefix, options) {
      getOptions(options, {});
      return { args: [getPath(prefix, 'prefix')] };
    },
    hasValue: true,
  },
  rm: {
    prep(path, options) {
      const o = options || {};
      const force = o.force === undefined ? false : validateBoolean(o.force, 'options.force');
      const recursive = o.recursive === undefined ? false : validateBoolean(o.recursive, 'options.recursive');
      const retries = o.maxRetries === undefined ? 0 : validateInt32(o.maxRetries, 'options.maxRetries', 0);
      const delay = o.retryDelay === undefined ? 100 : validateInt32(o.retryDelay, 'options.retryDelay', 0);
      return { args: [getPath(path), force, recursive, retries, delay] };
    },
  },
  rmdir: {
    prep(path, options) {
      const o = options || {};
      const recursive = o.recursive === undefined ? false : validateBoolean(o.recursive, 'options.recursive');
      const retries = o.maxRetries === undefined ? 0 : validateInt32(o.maxRetries, 'options.maxRetries', 0);
      const delay = o.retryDelay === undefined ? 100 : validateInt32(o.retryDelay, 'options.retryDelay', 0);
      return { args: [getPath(path), recursive, retries, delay] };
    },
  },
  unlink: { prep: (path) => ({ args: [getPath(path)] }) },
  rename: { prep: (a, b) => ({ args: [getPath(a, 'oldPath'), getPath(b, 'newPath')] }) },
  link: { prep: (a, b) => ({ args: [getPath(a, 'existingPath'), getPath(b, 'newPath')] }) },
  symlink: {
    prep: (target, path) => ({ args: [getPath(target, 'target'), getPath(path)] }),
  },
  copyFile: {
    prep: (src, dest, mode) => ({ args: [getPath(src, 'src'), getPath(dest, 'dest'), parseMode(mode, 'mode', 0)] }),
  },
  readlink: {
    prep(path, options) {
      const o = getOptions(options, {});
      return { args: [getPath(path)], enc: normalizeEncoding(o.encoding) };
    },
    post: (v, c) => (c.enc === 'buffer' ? Buffer.from(v) : v),
    hasValue: true,
  },
  realpath: {
    prep(path, options) {
      const o = getOptions(options, {});
      return { args: [getPath(path)], enc: normalizeEncoding(o.encoding) };
    },
    post: (v, c) => (c.enc === 'buffer' ? Buffer.from(v) : v),
    hasValue: true,
  },
  opendir: {
    prep(path, options) {
      const o = getOptions(options, { encoding: 'utf8' });
      const size = o.bufferSize === undefined ? 32 : validateInt32(o.bufferSize, 'options.bufferSize', 1, 4294967295);
      const recursive = o.recursive === undefined ? false : validateBoolean(o.recursive, 'options.recursive');
      const p = getPath(path);
      return { args: [p, size, recursive], path: p };
    },
    post: (handle, c) => new Dir(handle, c.path),
    // node's async opendir names the path, the sync one does not; node-fs gives neither.
    asyncError(err, c) {
      if (err.syscall === 'opendir' && err.path === undefined) {
        err.message += ` '${c.path}'`;
        err.path = c.path;
        err.stack = internal.errorHeader(err);
      }
    },
    hasValue: true,
  },
  realpathNative: {
    prep(path, options) {
      const o = getOptions(options, {});
      return { args: [getPath(path)], enc: normalizeEncoding(o.encoding) };
    },
    post: (v, c) => (c.enc === 'buffer' ? Buffer.from(v) : v),
    hasValue: true,
  },
  chmod: { prep: (path, mode) => ({ args: [getPath(path), parseMode(mode, 'mode')] }) },
  fchmod: { prep: (fd, mode) => ({ args: [getFd(fd), parseMode(mode, 'mode')] }) },
  chown: {
    prep: (path, uid, gid) => ({
      args: [getPath(path), validateInt32(uid, 'uid', -1, 4294967295) >>> 0, validateInt32(gid, 'gid', -1, 4294967295) >>> 0],
    }),
  },
  cp: {
    prep(src, dest, options) {
      const o = options === undefined || options === null ? {} : options;
      if (typeof o !== 'object') throw errors.invalidArgType('options', 'Object', options);
      if (o.filter !== undefined) throw errors.notImplemented('fs.cp with a filter');
      const bool = (k, def) => (o[k] === undefined ? def : validateBoolean(o[k], `options.${k}`));
      const opts = {
        recursive: bool('recursive', false), force: bool('force', true),
        errorOnExist: bool('errorOnExist', false), dereference: bool('dereference', false),
        preserveTimestamps: bool('preserveTimestamps', false),
        verbatimSymlinks: bool('verbatimSymlinks', false), mode: parseMode(o.mode, 'options.mode', 0),
      };
      return { args: [getPath(src, 'src'), getPath(dest, 'dest'), opts] };
    },
    hasValue: true,
  },
  lchown: {
    prep: (path, uid, gid) => ({
      args: [getPath(path), validateInt32(uid, 'uid', -1, 4294967295) >>> 0, validateInt32(gid, 'gid', -1, 4294967295) >>> 0],
    }),
  },
  fchown: {
    prep: (fd, uid, gid) => ({
      args: [getFd(fd), validateInt32(uid, 'uid', -1, 4294967295) >>> 0, validateInt32(gid, 'gid', -1, 4294967295) >>> 0],
    }),
  },
  lutimes: {
    prep: (path, atime, mtime) => ({ args: [getPath(path), toUnixTimestamp(atime), toUnixTimestamp(mtime)] }),
  },
  futimes: {
    prep: (fd, atime, mtime) => ({ args: [getFd(fd), toUnixTimestamp(atime), toUnixTimestamp(mtime)] }),
  },
  utimes: {
    prep: (path, atime, mtime) => ({ args: [getPath(path), toUnixTimestamp(atime), toUnixTimestamp(mtime)] }),
  },
  truncate: {
    prep(path, len) {
      if (typeof path === 'number') return { native: 'ftruncate', args: [getFd(path), getLength(len)] };
      return { args: [getPath(path), getLength(len)] };
    },
  },
  ftruncate: { prep: (fd, len) => ({ args: [getFd(fd), getLength(len)] }) },
  fsync: { prep: (fd) => ({ args: [getFd(fd)] }) },
  fdatasync: { prep: (fd) => ({ args: [getFd(fd)] }) },
  open: {
    prep: (path, flags, mode) => ({ args: [getPath(path), getFlags(flags, 'r'), parseMode(mode, 'mode', 0o666)] }),
    hasValue: true,
  },
  close: { prep: (fd) => ({ args: [getFd(fd)] }) },
};


// readFile/writeFile/appendFile on a descriptor: read to the end, or write everything,
// from the current position (lib/fs.js tryReadSync / writeAll).
const kChunk = 64 * 1024;
function concat(chunks, total) {
  return Buffer.concat(chunks, total);
}
function fdSync(c) {
  if (c.data === undefined) {
    fb.fstat(-1, c.fd); // node stats the descriptor first (EBADF: ..., fstat)
    const chunks = [];
    let total = 0;
    for (;;) {
      const chunk = fb.read(-1, c.fd, kChunk, -1);
      if (chunk.length === 0) return concat(chunks, total);
      chunks.push(chunk);
      total += chunk.length;
    }
  }
  const data = typeof c.data === 'string' ? new TextEncoder().encode(c.data) : c.data;
  let at = 0;
  while (at < data.length) at += fb.write(-1, c.fd, data, at, data.length - at, -1);
  if (c.flush) fb.fsync(-1, c.fd);
  return undefined;
}
function fdAsync(c, done) {
  if (c.data === undefined) {
    const chunks = [];
    let total = 0;
    const step = () => fb.read(request((err, chunk) => {
      if (err) return done(err);
      if (chunk.length === 0) return done(null, concat(chunks, total));
      chunks.push(chunk);
      total += chunk.length;
      step();
    }), c.fd, kChunk, -1);
    step();
    return;
  }
  const data = typeof c.data === 'string' ? new TextEncoder().encode(c.data) : c.data;
  let at = 0;
  const step = () => {
    if (at >= data.length) {
      if (c.flush) return fb.fsync(request((err) => done(err || null, undefined)), c.fd);
      return done(null, undefined);
    }
    fb.write(request((err, n) => {
      if (err) return done(err);
      at += n;
      step();
    }), c.fd, data, at, data.length - at, -1);
  };
  step();
}

// Errors thrown synchronously come from inside node's fs: a fatal report shows node's
// internal source line there, not the caller's.
function raised(e) {
  internal.markThrownInternally(e);
  return e;
}

function runSync(name, a0, a1, a2, a3) {
  const op = ops[name];
  let c, v;
  try {
    c = op.prep(a0, a1, a2, a3);
    v = c.fd !== undefined ? fdSync(c) : fb[c.native || name](-1, ...c.args);
  } catch (e) {
    // statSync/lstatSync with throwIfNoEntry: false (lib/fs.js hasNoEntryError).
    if (c !== undefined && c.quiet && (e.code === 'ENOENT' || e.code === 'ENOTDIR')) return undefined;
    throw raised(e);
  }
  return op.post ? op.post(v, c) : v;
}

function runAsync(name, args, done) {
  const op = ops[name];
  const c = op.prep(...args);
  // readFile/writeFile/appendFile take an AbortSignal (the sync forms ignore it).
  const { signal } = c;
  if (signal !== undefined) {
    if (!(signal instanceof AbortSignal)) throw errors.invalidArgType('options.signal', 'AbortSignal', signal);
    // node's checkAborted calls back synchronously (lib/fs.js).
    if (signal.aborted) {
      done(errors.abort(signal.reason));
      return;
    }
  }
  const finish = (err, v) => {
    if (signal !== undefined && signal.aborted) return done(errors.abort(signal.reason));
    if (err) {
      if (op.asyncError) op.asyncError(err, c);
      return done(err);
    }
    done(null, op.post ? op.post(v, c) : v, c);
  };
  if (c.fd !== undefined) fdAsync(c, finish);
  else fb[c.native || name](request(finish), ...c.args);
}

function hasValue(name, c) {
  const h = ops[name].hasValue;
  return typeof h === 'function' ? h(c) : !!h;
}

const fs = module.exports;

// Dir (lib/internal/fs/dir.js): the entries of a directory one at a time; the native side
// keeps the node-fs Dir under `handle` until close.
const kHandle = Symbol('kDirHandle');
const kPath = Symbol('kDirPath');
const kClosed = Symbol('kDirClosed');
function dirClosed() {
  return errors.make(Error, 'ERR_DIR_CLOSED', 'Directory handle was closed');
}
const toDirent = (v) => (v === null ? null : new Dirent(v[0], v[2], v[1]));
class Dir {
  constructor(handle, path) {
    this[kHandle] = handle;
    this[kPath] = path;
    this[kClosed] = false;
  }
  get path() { return this[kPath]; }
  read(callback) {
    if (callback === undefined) {
      return new Promise((resolve, reject) => this.read((err, d) => (err ? reject(err) : resolve(d))));
    }
    validateFunction(callback, 'callback');
    if (this[kClosed]) throw raised(dirClosed());
    fb.dirRead(request((err, v) => (err ? callback(err) : callback(null, toDirent(v)))), this[kHandle]);
    return undefined;
  }
  readSync() {
    if (this[kClosed]) throw raised(dirClosed());
    try {
      return toDirent(fb.dirRead(-1, this[kHandle]));
    } catch (e) {
      throw raised(e);
    }
  }
  close(callback) {
    if (callback === undefined) {
      if (this[kClosed]) return Promise.reject(dirClosed());
      return new Promise((resolve, reject) => this.close((err) => (err ? reject(err) : resolve())));
    }
    validateFunction(callback, 'callback');
    if (this[kClosed]) {
      process.nextTick(callback, dirClosed());
      return undefined;
    }
    this[kClosed] = true;
    fb.dirClose(request((err) => callback(err || null)), this[kHandle]);
    return undefined;
  }
  closeSync() {
    if (this[kClosed]) throw raised(dirClosed());
    this[kClosed] = true;
    try {
      fb.dirClose(-1, this[kHandle]);
    } catch (e) {
      throw raised(e);
    }
  }
  async* entries() {
    try {
      for (;;) {
        const d = await this.read();
        if (d === null) break;
        yield d;
      }
    } finally {
      if (!this[kClosed]) await this.close();
    }
  }
  [Symbol.asyncIterator]() { return this.entries(); }
}

// name -> [parameters before the callback, required ones, `callback ||= options`].
const callbackAt = {
  readFile: [2, 1, true], writeFile: [3, 2, true], appendFile: [3, 2, true],
  access: [2, 1], stat: [2, 1], lstat: [2, 1], fstat: [2, 1], statfs: [2, 1], readdir: [2, 1], mkdir: [2, 1],
  mkdtemp: [2, 1], rm: [2, 1], rmdir: [2, 1], unlink: [1, 1], rename: [2, 2], link: [2, 2],
  symlink: [3, 2], copyFile: [3, 2], readlink: [2, 1], realpath: [2, 1], opendir: [2, 1], realpathNative: [2, 1], chmod: [2, 2],
  fchmod: [2, 2], chown: [3, 3], utimes: [3, 3], cp: [3, 2], lchown: [3, 3], fchown: [3, 3],
  lutimes: [3, 3], futimes: [3, 3], truncate: [2, 1], ftruncate: [2, 1],
  fsync: [1, 1], fdatasync: [1, 1], open: [3, 1], close: [1, 1],
};
function defaultCloseCallback(err) {
  if (err != null) throw err;
}

for (const name of Object.keys(ops)) {
  const sync = `${name}Sync`;
  fs[sync] = { [sync](a0, a1, a2, a3) { return runSync(name, a0, a1, a2, a3); } }[sync];
  const [arity, required, orOptions] = callbackAt[name];
  fs[name] = {
    [name](...args) {
      // node: an optional argument given as a function is the callback; readFile and
      // writeFile take `callback ||= options`.
      let at = args.findIndex((a, i) => i >= required && i < arity && typeof a === 'function');
      if (at === -1) at = arity;
      let cb = args[at];
      if (orOptions && !cb) cb = args[at - 1];
      if (cb === undefined && name === 'close') cb = defaultCloseCallback;
      validateFunction(cb);
      args.length = Math.min(args.length, at);
      runAsync(name, args, (err, v, c) => {
        if (err) return cb(err);
        if (hasValue(name, c)) cb(null, v);
        else cb(null);
      });
    },
  }[name];
}

fs.existsSync = function existsSync(path) {
  try {
    path = getPath(path);
  } catch {
    return false;
  }
  return fb.exists(-1, path);
};
fs.exists = function exists(path, callback) {
  validateFunction(callback, 'cb');
  let p;
  try {
    p = getPath(path);
  } catch {
    process.nextTick(callback, false);
    return;
  }
  fb.exists(request((err, v) => callback(!err && v)), p);
};

// fs.read/readSync and fs.write/writeSync take several argument shapes.
function readArgs(fd, buffer, offsetOrOptions, length, position) {
  getFd(fd);
  let offset = offsetOrOptions;
  if (offset !== null && typeof offset === 'object') {
    ({ offset = 0, length = buffer.byteLength - offset, position = null } = offset);
  }
  if (!isView(buffer)) {
    throw typeError('buffer', 'an instance of Buffer, TypedArray, or DataView', buffer);
  }
  if (offset === undefined || offset === null) offset = 0;
  else validateInt32(offset, 'offset', 0);
  if (length === undefined) length = buffer.byteLength - offset;
  // node coerces (`length |= 0`: null and '2' are fine) and only then checks the range.
  length |= 0;
  if (length < 0) throw errors.outOfRange('length', '>= 0', length);
  // Reading nothing is fine even into an empty buffer (node returns 0 first).
  if (buffer.byteLength === 0 && length !== 0) {
    throw errors.invalidArgValue('buffer', buffer, 'is empty and cannot be written');
  }
  if (length > buffer.byteLength - offset) {
    throw errors.outOfRange('length', `<= ${buffer.byteLength - offset}`, length);
  }
  if (position === null || position === undefined) position = -1;
  else if (typeof position === 'bigint') position = Number(position);
  else validateInt32(position, 'position', -1, Number.MAX_SAFE_INTEGER);
  return [fd, asBytes(buffer), offset, length, position];
}

fs.readSync = function readSync(fd, buffer, offset, length, position) {
  // readSync(fd, buffer, options): the third argument is an options object (or null).
  if (arguments.length <= 3 && offset !== undefined && offset !== null &&
      (typeof offset !== 'object' || Array.isArray(offset))) {
    throw errors.invalidArgType('options', 'object', offset);
  }
  const [f, bytes, off, len, pos] = readArgs(fd, buffer, offset, length, position);
  if (len === 0) return 0;
  const chunk = fb.read(-1, f, len, pos);
  bytes.set(chunk, off);
  return chunk.length;
};
fs.read = function read(fd, buffer, offset, length, position, callback) {
  const args = Array.prototype.slice.call(arguments, 1);
  callback = validateFunction(args.length === 0 ? undefined : args.pop());
  if (args.length === 0 || (args.length === 1 && !isView(args[0]))) {
    const o = args[0] || {};
    const buf = o.buffer || Buffer.alloc(16384);
    args.length = 0;
    args.push(buf, o.offset || 0, o.length === undefined ? buf.byteLength - (o.offset || 0) : o.length, o.position === undefined ? null : o.position);
  }
  const [f, bytes, off, len, pos] = readArgs(fd, ...args);
  const buf = args[0];
  if (len === 0) {
    process.nextTick(callback, null, 0, buf);
    return;
  }
  fb.read(request((err, chunk) => {
    if (err) return callback(err);
    bytes.set(chunk, off);
    callback(null, chunk.length, buf);
  }), f, len, pos);
};

function writeArgs(fd, buffer, offsetOrOptions, length, position) {
  getFd(fd);
  if (isView(buffer)) {
    let offset = offsetOrOptions;
    if (offset !== null && typeof offset === 'object') {
      ({ offset = 0, length = buffer.byteLength - offset, position = null } = offset);
    }
    if (offset === undefined || offset === null) offset = 0;
    else validateInt32(offset, 'offset', 0);
    if (typeof length !== 'number') length = buffer.byteLength - offset;
    if (typeof position !== 'number') position = -1;
    if (offset > buffer.byteLength) throw errors.outOfRange('offset', `<= ${buffer.byteLength}`, offset);
    if (length < 0 || length > buffer.byteLength - offset) {
      throw errors.outOfRange('length', `>= 0 && <= ${buffer.byteLength - offset}`, length);
    }
    return [fd, asBytes(buffer), offset, length, position];
  }
  if (typeof buffer !== 'string') {
    throw typeError('buffer', 'of type string or an instance of Buffer, TypedArray, or DataView', buffer);
  }
  // fs.write(fd, string[, position[, encoding]])
  const pos = typeof offsetOrOptions === 'number' ? offsetOrOptions : -1;
  const data = encode(buffer, length === undefined ? 'utf8' : length);
  const n = typeof data === 'string' ? Buffer.byteLength(data) : data.length;
  return [fd, data, 0, n, pos];
}

fs.writeSync = function writeSync(fd, buffer, offset, length, position) {
  return fb.write(-1, ...writeArgs(fd, buffer, offset, length, position));
};
fs.write = function write(fd, buffer, offset, length, position, callback) {
  const args = Array.prototype.slice.call(arguments, 2);
  callback = validateFunction(args.length === 0 ? undefined : args.pop());
  const w = writeArgs(fd, buffer, ...args);
  fb.write(request((err, n) => {
    if (err) return callback(err);
    callback(null, n, buffer);
  }), ...w);
};


// realpath.native: the realpath(3) form (node names the functions with an empty string).
for (const [name, nat] of [['realpath', 'realpathNative'], ['realpathSync', 'realpathNativeSync']]) {
  const fn = fs[nat];
  delete fs[nat];
  fs[name].native = { ''(...args) { return fn(...args); } }[''];
}

// readv/writev: the buffers in order, one read or write each (node makes one readv(2) or
// writev(2) call; for files the bytes moved are the same).
function validateBuffers(buffers) {
  if (!Array.isArray(buffers) || !buffers.every(isView)) {
    throw typeError('buffers', 'an ArrayBufferView[]', buffers);
  }
  return buffers;
}
function vectorPosition(position) {
  return typeof position === 'number' ? position : null;
}
fs.readvSync = function readvSync(fd, buffers, position) {
  getFd(fd);
  validateBuffers(buffers);
  let pos = vectorPosition(position);
  let total = 0;
  for (const b of buffers) {
    if (b.byteLength === 0) continue;
    const n = fs.readSync(fd, b, 0, b.byteLength, pos);
    total += n;
    if (pos !== null) pos += n;
    if (n < b.byteLength) break;
  }
  return total;
};
fs.writevSync = function writevSync(fd, buffers, position) {
  getFd(fd);
  validateBuffers(buffers);
  let pos = vectorPosition(position);
  let total = 0;
  for (const b of buffers) {
    let at = 0;
    while (at < b.byteLength) {
      const n = fs.writeSync(fd, b, at, b.byteLength - at, pos);
      at += n;
      if (pos !== null) pos += n;
    }
    total += at;
  }
  return total;
};
function vectorAsync(write, fd, buffers, position, callback) {
  if (typeof position === 'function') {
    callback = position;
    position = null;
  }
  validateFunction(callback, 'cb');
  getFd(fd);
  validateBuffers(buffers);
  let pos = vectorPosition(position);
  let total = 0;
  let i = 0;
  let at = 0;
  const step = () => {
    while (i < buffers.length && at >= buffers[i].byteLength) {
      i++;
      at = 0;
    }
    if (i >= buffers.length) return callback(null, total, buffers);
    const b = buffers[i];
    const done = (err, n) => {
      if (err) return callback(err);
      total += n;
      if (pos !== null) pos += n;
      if (!write && n < b.byteLength - at) return callback(null, total, buffers);
      at += n;
      step();
    };
    if (write) fs.write(fd, b, at, b.byteLength - at, pos, done);
    else fs.read(fd, b, at, b.byteLength - at, pos, done);
  };
  step();
}
fs.readv = function readv(fd, buffers, position, callback) {
  vectorAsync(false, fd, buffers, position, callback);
};
fs.writev = function writev(fd, buffers, position, callback) {
  vectorAsync(true, fd, buffers, position, callback);
};

// The other entry points mark what they throw the same way (the *Sync forms of `ops` do
// it in runSync).
for (const name of Object.keys(fs)) {
  const fn = fs[name];
  if (typeof fn !== 'function' || (name.endsWith('Sync') && ops[name.slice(0, -4)])) continue;
  fs[name] = Object.assign({
    [name](...args) {
      try {
        return fn.apply(this, args);
      } catch (e) {
        throw raised(e);
      }
    },
  }[name], fn); // keeps realpath.native
}

// util.promisify: exists resolves with its only argument; read and write resolve with
// node's customPromisifyArgs objects.
const promisifyCustom = Symbol.for('nodejs.util.promisify.custom');
const custom = (fn, value) => Object.defineProperty(fn, promisifyCustom, { value, configurable: true });
custom(fs.exists, (path) => new Promise((resolve) => fs.exists(path, resolve)));
custom(fs.read, (...args) => new Promise((resolve, reject) => {
  fs.read(...args, (err, bytesRead, buffer) => (err ? reject(err) : resolve({ bytesRead, buffer })));
}));
custom(fs.write, (...args) => new Promise((resolve, reject) => {
  fs.write(...args, (err, bytesWritten, buffer) => (err ? reject(err) : resolve({ bytesWritten, buffer })));
}));
custom(fs.readv, (...args) => new Promise((resolve, reject) => {
  fs.readv(...args, (err, bytesRead, buffers) => (err ? reject(err) : resolve({ bytesRead, buffers })));
}));
custom(fs.writev, (...args) => new Promise((resolve, reject) => {
  // node's customPromisifyArgs for writev name the second value `buffer`.
  fs.writev(...args, (err, bytesWritten, buffer) => (err ? reject(err) : resolve({ bytesWritten, buffer })));
}));

fs.Stats = Stats;
fs.Dir = Dir;
fs.Dirent = Dirent;
fs.constants = fb.constants;
fs.F_OK = fb.constants.F_OK;
fs.R_OK = fb.constants.R_OK;
fs.W_OK = fb.constants.W_OK;
fs.X_OK = fb.constants.X_OK;

// Watchers (fs_watch.js), loaded on first use.
const watchers = () => internal.requireBuiltin('internal/fs_watch', true);
function fromInside(run) {
  try {
    return run();
  } catch (e) {
    throw raised(e);
  }
}
fs.watch = function watch(filename, options, listener) {
  return fromInside(() => watchers().watch(filename, options, listener));
};
fs.watchFile = function watchFile(filename, options, listener) {
  return fromInside(() => watchers().watchFile(filename, options, listener));
};
fs.unwatchFile = function unwatchFile(filename, listener) {
  return fromInside(() => watchers().unwatchFile(filename, listener));
};

// Read and write streams (fs_streams.js), loaded on first use; the classes are lazy
// accessors as in node.
const streams = () => internal.requireBuiltin('internal/fs_streams', true);
fs.createReadStream = function createReadStream(path, options) {
  return fromInside(() => streams().createReadStream(path, options));
};
fs.createWriteStream = function createWriteStream(path, options) {
  return fromInside(() => streams().createWriteStream(path, options));
};
for (const [name, cls] of [['ReadStream', 'ReadStream'], ['WriteStream', 'WriteStream'],
  ['FileReadStream', 'ReadStream'], ['FileWriteStream', 'WriteStream']]) {
  let value;
  Object.defineProperty(fs, name, {
    enumerable: true,
    configurable: true,
    get() { return value === undefined ? streams()[cls] : value; },
    set(v) { value = v; },
  });
}

// openAsBlob: the file's bytes as a Blob. node's Blob reads the file lazily on access;
// here they are read once, at open (COMPAT.md).
fs.openAsBlob = function openAsBlob(path, options = {}) {
  return fromInside(() => {
    const p = getPath(path);
    if (options === null || typeof options !== 'object') throw errors.invalidArgType('options', 'Object', options);
    const type = options.type === undefined ? '' : options.type;
    if (typeof type !== 'string') throw errors.invalidArgType('options.type', 'string', type);
    try {
      fb.stat(-1, p, false);
    } catch {
      throw errors.make(TypeError, 'ERR_INVALID_ARG_VALUE', 'Unable to open file as blob');
    }
    return require('fs/promises').readFile(p).then((data) => new (require('buffer').Blob)([data], { type }));
  });
};

Object.defineProperty(fs, 'promises', {
  enumerable: true,
  configurable: true,
  get() { return require('fs/promises'); },
});

// lchmod exists only where O_SYMLINK does (macOS); node still lists the keys.
fs.lchmod = undefined;
fs.lchmodSync = undefined;
fs._toUnixTimestamp = toUnixTimestamp;

// node's export order (Object.keys(require('fs'))).
for (const key of ['appendFile', 'appendFileSync', 'access', 'accessSync', 'chown', 'chownSync',
  'chmod', 'chmodSync', 'close', 'closeSync', 'copyFile', 'copyFileSync', 'cp', 'cpSync',
  'createReadStream', 'createWriteStream', 'exists', 'existsSync', 'fchown', 'fchownSync',
  'fchmod', 'fchmodSync', 'fdatasync', 'fdatasyncSync', 'fstat', 'fstatSync', 'fsync',
  'fsyncSync', 'ftruncate', 'ftruncateSync', 'futimes', 'futimesSync', 'lchown', 'lchownSync',
  'lchmod', 'lchmodSync', 'link', 'linkSync', 'lstat', 'lstatSync', 'lutimes', 'lutimesSync',
  'mkdir', 'mkdirSync', 'mkdtemp', 'mkdtempSync', 'open', 'openSync', 'openAsBlob', 'readdir',
  'readdirSync', 'read', 'readSync', 'readv', 'readvSync', 'readFile', 'readFileSync',
  'readlink', 'readlinkSync', 'realpath', 'realpathSync', 'rename', 'renameSync', 'rm',
  'rmSync', 'rmdir', 'rmdirSync', 'stat', 'statfs', 'statSync', 'statfsSync', 'symlink',
  'symlinkSync', 'truncate', 'truncateSync', 'unwatchFile', 'unlink', 'unlinkSync', 'utimes',
  'utimesSync', 'watch', 'watchFile', 'writeFile', 'writeFileSync', 'write', 'writeSync',
  'writev', 'writevSync', 'Dirent', 'Stats', 'ReadStream', 'WriteStream', 'FileReadStream',
  'FileWriteStream', '_toUnixTimestamp', 'Dir', 'opendir', 'opendirSync', 'F_OK', 'R_OK',
  'W_OK', 'X_OK', 'constants', 'promises']) {
  const d = Object.getOwnPropertyDescriptor(fs, key);
  if (d === undefined) continue;
  delete fs[key];
  Object.defineProperty(fs, key, d);
}

// For fs/promises (fs_promises.js).
Object.defineProperty(fs, '_nrt', {
  value: { ops, runAsync, getPath, normalizeEncoding, validateInt32, request },
});
