// Node's child_process: `ChildProcess` (an EventEmitter over a native child of
// node-child-process, child_process.rs) and `spawn`/`fork` with node's argument
// normalisation; exec/execFile live in child_process_exec.js, the sync forms in
// child_process_sync.js, the IPC channel in child_process_ipc.js.
'use strict';

const EventEmitter = require('events');
const nb = internal.natives.child_process;
const errors = internal.errors;
const makeError = errors.make;
const { PipeReadable, PipeWritable, PipeDuplex } = internal.requireBuiltin('internal/child_process_stdio', true);
const ipc = internal.requireBuiltin('internal/child_process_ipc', true);

const children = new Map(); // native child id -> ChildProcess
const kId = Symbol('kId');

let signalTable = null;
function signals() {
  if (signalTable === null) signalTable = require('os').constants.signals;
  return signalTable;
}

// node's convertToValidSignal.
function toSignal(signal) {
  const table = signals();
  if (typeof signal === 'number') {
    for (const name in table) if (table[name] === signal) return signal;
  } else if (typeof signal === 'string') {
    const n = table[signal.toUpperCase()];
    if (n !== undefined) return n;
  }
  throw makeError(TypeError, 'ERR_UNKNOWN_SIGNAL', `Unknown signal: ${signal}`);
}

function systemErrorName(errno) {
  return require('util').getSystemErrorName(errno);
}

// node's errnoException(err, syscall) plus `path` and `spawnargs`.
function spawnError(errno, syscall, file, spawnargs) {
  const code = systemErrorName(errno);
  const e = new Error(`${syscall} ${code}`);
  e.errno = errno;
  e.code = code;
  e.syscall = syscall;
  if (file !== undefined) {
    e.path = file;
    e.spawnargs = spawnargs.slice(1);
  }
  // libuv errors carry no JS frames of nrt's built-ins.
  e.stack = internal.errorHeader(e);
  return e;
}

// ---- ChildProcess --------------------------------------------------------------------

function ChildProcess() {
  EventEmitter.call(this);
  this._closesNeeded = 1;
  this._closesGot = 0;
  this.connected = false;
  this.signalCode = null;
  this.exitCode = null;
  this.killed = false;
  this.spawnfile = null;
  this._handle = null;
  this[kId] = 0;
}
Object.setPrototypeOf(ChildProcess.prototype, EventEmitter.prototype);
Object.setPrototypeOf(ChildProcess, EventEmitter);

function maybeClose(child) {
  child._closesGot++;
  if (child._closesGot === child._closesNeeded) {
    child.emit('close', child.exitCode, child.signalCode);
  }
}

// After 'exit', drain the pipes nobody reads, so 'close' can come (node's flushStdio).
function flushStdio(child) {
  const stdio = child.stdio;
  if (!stdio) return;
  for (let i = 1; i < stdio.length; i++) {
    const s = stdio[i];
    if (!s || !s.readable || s.readableFlowing === true) continue;
    if (s.listenerCount('data') === 0 && s.listenerCount('readable') === 0) s.resume();
  }
}

const asyncSpawnErrors = new Set([-13, -11, -24, -23, -2]); // EACCES EAGAIN EMFILE ENFILE ENOENT

// options: { file, args (argv[0] first), cwd, envPairs, stdio (normalised), detached,
// uid, gid }.
ChildProcess.prototype.spawn = function spawn(options) {
  if (options === null || typeof options !== 'object') {
    throw errors.invalidArgType('options', 'Object', options);
  }
  const serialization = options.serialization;
  if (serialization !== undefined && serialization !== 'json' && serialization !== 'advanced') {
    throw makeError(TypeError, 'ERR_INVALID_ARG_VALUE',
      `The property 'options.serialization' must be one of: undefined, 'json', 'advanced'. Received ${internal.inspect(serialization)}`);
  }
  if (serialization === 'advanced') {
    throw errors.notImplemented("child_process serialization: 'advanced'");
  }
  const stdio = normalizeStdio(options.stdio === undefined ? 'pipe' : options.stdio);
  const envPairs = options.envPairs ? options.envPairs.slice() : undefined;
  const ipcAt = stdio.indexOf('ipc');
  if (ipcAt !== -1 && envPairs) {
    envPairs.push(`NODE_CHANNEL_FD=${ipcAt}`);
    envPairs.push(`NODE_CHANNEL_SERIALIZATION_MODE=${options.serialization || 'json'}`);
  }
  if (typeof options.file !== 'string') throw errors.invalidArgType('options.file', 'string', options.file);
  this.spawnfile = options.file;
  this.spawnargs = Array.isArray(options.args) ? options.args : [options.file];
  for (const entry of stdio) {
    if (typeof entry !== 'string' && typeof entry !== 'number') {
      throw errors.notImplemented(`child_process stdio entry ${internal.inspect(entry)}`);
    }
  }
  const r = nb.spawn(this.spawnfile, this.spawnargs.map(String), options.cwd ?? undefined,
    envPairs, stdio, !!options.detached, options.uid ?? undefined, options.gid ?? undefined);
  this.stdio = [];
  if (typeof r === 'number') {
    if (!asyncSpawnErrors.has(r)) throw spawnError(r, 'spawn');
    for (let i = 0; i < stdio.length; i++) {
      const s = stdio[i] !== 'pipe' ? null : i === 0 ? new PipeWritable(0) : new PipeReadable(0);
      this.stdio.push(s);
    }
    this._setStdio();
    process.nextTick(() => {
      this.exitCode = r;
      this.emit('error', spawnError(r, `spawn ${this.spawnfile}`, this.spawnfile, this.spawnargs));
      for (let i = 1; i < this.stdio.length; i++) {
        const s = this.stdio[i];
        if (s) { s.push(null); s.read(0); }
      }
      setImmediate(() => {
        maybeClose(this);
        for (const s of this.stdio) if (s) s.destroy();
      });
    });
    return r;
  }
  const [pid, id, pipeIds, channelId] = r;
  this.pid = pid;
  this[kId] = id;
  this._handle = { pid };
  children.set(id, this);
  for (let i = 0; i < stdio.length; i++) {
    const pid = pipeIds[i] || 0;
    if (!pid) {
      this.stdio.push(null);
      continue;
    }
    const s = Array.isArray(pid) ? new PipeDuplex(pid[0], pid[1])
      : i === 0 ? new PipeWritable(pid) : new PipeReadable(pid);
    if (i > 0) {
      this._closesNeeded++;
      s.on('close', () => maybeClose(this));
    }
    this.stdio.push(s);
  }
  this._setStdio();
  if (channelId) {
    this._closesNeeded++;
    ipc.setupChannel(this, channelId);
    this._channelClosed = () => maybeClose(this);
  }
  process.nextTick(() => this.emit('spawn'));
  return 0;
};

ChildProcess.prototype._setStdio = function _setStdio() {
  this.stdin = this.stdio[0] ?? null;
  this.stdout = this.stdio[1] ?? null;
  this.stderr = this.stdio[2] ?? null;
};

ChildProcess.prototype.kill = function kill(sig) {
  const signal = sig === 0 ? 0 : toSignal(sig === undefined ? 'SIGTERM' : sig);
  if (this[kId] && nb.kill(this[kId], signal)) {
    this.killed = true;
    return true;
  }
  return false;
};

ChildProcess.prototype[Symbol.dispose] = function dispose() {
  if (!this.killed) this.kill();
};

ChildProcess.prototype.ref = function ref() {
  if (this[kId]) nb.setRef(this[kId], true);
};

ChildProcess.prototype.unref = function unref() {
  if (this[kId]) nb.setRef(this[kId], false);
};

internal.hooks.cpExit = function cpExit(id, code, signal) {
  const child = children.get(id);
  if (child === undefined) return;
  children.delete(id);
  child[kId] = 0;
  child.exitCode = code === undefined ? null : code;
  child.signalCode = signal;
  if (child.stdin) child.stdin.destroy();
  child._handle = null;
  child.emit('exit', child.exitCode, child.signalCode);
  process.nextTick(flushStdio, child);
  maybeClose(child);
};

// ---- argument normalisation (node's normalizeSpawnArguments) ----------------------------

function normalizeStdio(stdio) {
  if (typeof stdio === 'string') {
    if (stdio === 'pipe' || stdio === 'overlapped' || stdio === 'ignore' || stdio === 'inherit') {
      return [stdio, stdio, stdio];
    }
    throw errors.invalidArgValue('stdio', stdio);
  }
  if (!Array.isArray(stdio)) throw errors.invalidArgValue('stdio', stdio);
  const out = [];
  let ipcSeen = false;
  const n = Math.max(stdio.length, 3);
  for (let i = 0; i < n; i++) {
    let s = stdio[i];
    if (s === null || s === undefined) s = i < 3 ? 'pipe' : 'ignore';
    if (s === 'overlapped') s = 'pipe';
    if (s === 'ipc') {
      if (ipcSeen) throw makeError(Error, 'ERR_IPC_ONE_PIPE', 'Child process can have only one IPC pipe');
      ipcSeen = true;
    } else if (typeof s === 'number') {
      if (!Number.isInteger(s) || s < 0) throw errors.invalidArgValue('stdio', s);
    } else if (s !== 'pipe' && s !== 'ignore' && s !== 'inherit') {
      if (s && typeof s === 'object' && typeof s.fd === 'number') s = s.fd;
      else if (s && typeof s === 'object' && s._handle && typeof s._handle.fd === 'number' && s._handle.fd >= 0) s = s._handle.fd;
      else if (typeof s === 'string' || s instanceof Object === false) throw errors.invalidArgValue('stdio', s);
      else throw errors.notImplemented(`child_process stdio entry ${internal.inspect(s)}`);
    }
    out.push(s);
  }
  return out;
}

function noNullBytes(v, name) {
  if (typeof v === 'string' && v.includes('\u0000')) {
    throw errors.invalidArgValue(name, v, 'must be a string without null bytes');
  }
}

function validateBool(v, name) {
  if (v != null && typeof v !== 'boolean') throw errors.invalidArgType(name, 'boolean', v);
}

function validateInt32(v, name) {
  if (v !== undefined && v !== (v | 0)) throw errors.invalidArgTypeText(name, 'int32', v);
}

function validatePath(v, name) {
  if (v == null) return undefined;
  if (v instanceof URL) return require('url').fileURLToPath(v);
  if (typeof v === 'string') {
    noNullBytes(v, name);
    return v;
  }
  if (v instanceof Uint8Array) return Buffer.from(v).toString();
  throw errors.invalidArgType(name, ['string', 'Buffer', 'URL'], v);
}

function normalizeSpawnArguments(file, args, options) {
  if (typeof file !== 'string') throw errors.invalidArgType('file', 'string', file);
  if (file.length === 0) throw errors.invalidArgValue('file', file, 'cannot be empty');
  noNullBytes(file, 'file');
  if (Array.isArray(args)) {
    args = args.slice();
  } else if (args == null) {
    args = [];
  } else if (typeof args !== 'object') {
    throw errors.invalidArgType('args', 'object', args);
  } else {
    options = args;
    args = [];
  }
  if (options === undefined) options = {};
  else if (options === null || typeof options !== 'object' || Array.isArray(options)) {
    throw errors.invalidArgType('options', 'Object', options);
  }
  const cwd = validatePath(options.cwd, 'options.cwd');
  validateBool(options.detached, 'options.detached');
  validateInt32(options.uid, 'options.uid');
  validateInt32(options.gid, 'options.gid');
  if (options.shell != null && typeof options.shell !== 'boolean' && typeof options.shell !== 'string') {
    throw errors.invalidArgType('options.shell', ['boolean', 'string'], options.shell);
  }
  if (options.argv0 != null && typeof options.argv0 !== 'string') {
    throw errors.invalidArgType('options.argv0', 'string', options.argv0);
  }
  validateBool(options.windowsHide, 'options.windowsHide');
  validateBool(options.windowsVerbatimArguments, 'options.windowsVerbatimArguments');
  args.forEach((a, i) => {
    if (typeof a !== 'string') return;
    noNullBytes(a, `args[${i}]`);
  });
  if (options.shell) {
    if (typeof options.shell === 'string') noNullBytes(options.shell, 'options.shell');
    const command = [file, ...args].join(' ');
    file = typeof options.shell === 'string' ? options.shell : '/bin/sh';
    args = ['-c', command];
  }
  if (typeof options.argv0 === 'string') args.unshift(options.argv0);
  else args.unshift(file);
  const env = options.env || process.env;
  const envPairs = [];
  for (const key of Object.keys(env)) {
    const value = env[key];
    if (value !== undefined) {
      noNullBytes(key, `options.env['${key}']`);
      noNullBytes(String(value), `options.env['${key}']`);
      envPairs.push(`${key}=${value}`);
    }
  }
  return { ...options, args, cwd, detached: !!options.detached, envPairs, file };
}

function validateTimeout(timeout) {
  if (timeout != null && !(Number.isInteger(timeout) && timeout >= 0)) {
    throw errors.outOfRange('timeout', 'an unsigned integer', timeout);
  }
}

function validateAbortSignal(signal, name) {
  if (signal !== undefined && (signal === null || typeof signal !== 'object' || !('aborted' in signal))) {
    throw errors.invalidArgType(name, 'AbortSignal', signal);
  }
}

function spawn(file, args, options) {
  options = normalizeSpawnArguments(file, args, options);
  validateTimeout(options.timeout);
  validateAbortSignal(options.signal, 'options.signal');
  const killSignal = options.killSignal === undefined ? 'SIGTERM' : options.killSignal;
  if (options.killSignal !== undefined) toSignal(killSignal);
  const child = new ChildProcess();
  child.spawn(options);
  if (options.timeout > 0) {
    let timer = setTimeout(() => {
      if (timer) {
        try {
          child.kill(killSignal);
        } catch (err) {
          child.emit('error', err);
        }
        timer = null;
      }
    }, options.timeout);
    child.once('exit', () => {
      if (timer) {
        clearTimeout(timer);
        timer = null;
      }
    });
  }
  if (options.signal) {
    const signal = options.signal;
    const onAbort = () => {
      if (child.kill(killSignal)) child.emit('error', errors.abort(signal.reason));
    };
    if (signal.aborted) process.nextTick(onAbort);
    else {
      signal.addEventListener('abort', onAbort, { once: true });
      child.once('exit', () => signal.removeEventListener('abort', onAbort));
    }
  }
  return child;
}

function fork(modulePath, args, options) {
  if (typeof modulePath !== 'string' && !(modulePath instanceof URL) && !(modulePath instanceof Uint8Array)) {
    throw errors.invalidArgType('modulePath', ['string', 'Buffer', 'URL'], modulePath);
  }
  modulePath = validatePath(modulePath, 'modulePath');
  if (args == null) {
    args = [];
  } else if (typeof args === 'object' && !Array.isArray(args)) {
    options = args;
    args = [];
  } else if (!Array.isArray(args)) {
    throw errors.invalidArgType('args', 'Array', args);
  }
  if (options != null && (typeof options !== 'object' || Array.isArray(options))) {
    throw errors.invalidArgType('options', 'Object', options);
  }
  options = { ...options, shell: false };
  options.execPath = options.execPath || process.execPath;
  const execArgv = options.execArgv || process.execArgv;
  args = [...execArgv, modulePath, ...args];
  if (typeof options.stdio === 'string') {
    const s = options.stdio;
    options.stdio = [s, s, s, 'ipc'];
  } else if (!Array.isArray(options.stdio)) {
    const s = options.silent ? 'pipe' : 'inherit';
    options.stdio = [s, s, s, 'ipc'];
  } else if (!options.stdio.includes('ipc')) {
    throw makeError(Error, 'ERR_CHILD_PROCESS_IPC_REQUIRED',
      "Forked processes must have an IPC channel, missing value 'ipc' in options.stdio");
  }
  return spawn(options.execPath, args, options);
}

module.exports = {
  ChildProcess,
  spawn,
  fork,
  _forkChild() { throw errors.notImplemented('child_process._forkChild'); },
};

const execs = internal.requireBuiltin('internal/child_process_exec', true)(module.exports, {
  normalizeSpawnArguments, toSignal, validateTimeout, validateAbortSignal,
});
module.exports.exec = execs.exec;
module.exports.execFile = execs.execFile;
const syncs = internal.requireBuiltin('internal/child_process_sync', true)({
  normalizeSpawnArguments, normalizeStdio, toSignal, validateTimeout, spawnError,
});
module.exports.spawnSync = syncs.spawnSync;
module.exports.execSync = syncs.execSync;
module.exports.execFileSync = syncs.execFileSync;
module.exports._setupProcessChannel = ipc.setupProcessChannel;
