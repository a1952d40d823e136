// Node's `os` (lib/os.js): values come from node-stdlib (os.rs); this file gives the
// functions node's names and Symbol.toPrimitive, and checks argument types.
'use strict';

const nb = internal.natives.os;
const { errors } = internal;

// node-stdlib reports failed libuv calls as ERR_SYSTEM_ERROR with code and message only;
// node's SystemError (lib/internal/errors.js) also has `info` and errno/syscall accessors,
// all readable back from the message. libuv's errno is the negated errno.
class SystemError extends Error {
  toString() { return `${this.name} [${this.code}]: ${this.message}`; }
}
const systemMessage = /^A system error occurred: (\S+) returned (E[A-Z0-9]+) \((.*)\)$/;
function shapeError(e) {
  if (!e || e.code !== 'ERR_SYSTEM_ERROR' || e instanceof SystemError) return e;
  const m = systemMessage.exec(e.message);
  if (m === null) return e;
  const errno = nb.constants.errno[m[2]];
  const info = { errno: errno === undefined ? undefined : -errno, code: m[2], message: m[3], syscall: m[1] };
  Object.setPrototypeOf(e, SystemError.prototype);
  Object.defineProperty(e, 'name', { value: 'SystemError', writable: true, configurable: true });
  if (typeof e.stack === 'string' && e.stack.startsWith('Error')) e.stack = `SystemError${e.stack.slice(5)}`;
  Object.defineProperty(e, 'info', { value: info, enumerable: true, writable: false, configurable: true });
  for (const key of ['errno', 'syscall']) {
    Object.defineProperty(e, key, {
      enumerable: true,
      configurable: true,
      get() { return info[key]; },
      set(v) { info[key] = v; },
    });
  }
  return e;
}
function sys(fn, ...args) {
  try {
    return fn(...args);
  } catch (e) {
    throw shapeError(e);
  }
}

function checkNumber(value, name) {
  if (typeof value !== 'number') throw errors.invalidArgType(name, 'number', value);
}

// node names some exports after their internal functions (getOSType, getFreeMem, …) and
// wraps the ones that can fail in a function named wrappedFn.
function named(name, fn) {
  Object.defineProperty(fn, 'name', { value: name });
  return fn;
}
const wrappedFn = (fn) => named('wrappedFn', () => sys(fn));

const arch = named('arch', () => nb.arch);
const availableParallelism = named('getAvailableParallelism', () => nb.availableParallelism());
const endianness = named('endianness', () => nb.endianness);
const freemem = named('getFreeMem', () => sys(nb.freemem));
const homedir = wrappedFn(nb.homedir);
const hostname = wrappedFn(nb.hostname);
const platform = named('platform', () => nb.platform);
const release = named('getOSRelease', () => sys(nb.release));
const tmpdir = named('tmpdir', () => nb.tmpdir());
const totalmem = named('getTotalMem', () => sys(nb.totalmem));
const type = named('getOSType', () => sys(nb.type));
const uptime = wrappedFn(nb.uptime);
const version = named('getOSVersion', () => sys(nb.version));
const machine = named('getMachine', () => sys(nb.machine));
for (const fn of [arch, availableParallelism, endianness, freemem, homedir, hostname, platform,
  release, tmpdir, totalmem, type, uptime, version, machine]) {
  fn[Symbol.toPrimitive] = () => fn();
}

function cpus() {
  return sys(nb.cpus);
}

function loadavg() {
  return nb.loadavg();
}

function networkInterfaces() {
  return sys(nb.networkInterfaces);
}

function getPriority(pid) {
  if (pid === undefined) pid = 0;
  else checkNumber(pid, 'pid');
  return sys(nb.getPriority, pid);
}

function setPriority(pid, priority) {
  if (priority === undefined) {
    priority = pid;
    pid = 0;
  }
  // node validates pid completely before it looks at priority.
  checkNumber(pid, 'pid');
  nb.validateInt32(pid, 'pid', -2147483648, 2147483647);
  checkNumber(priority, 'priority');
  sys(nb.setPriority, pid, priority);
}

function userInfo(options) {
  if (typeof options !== 'object') options = null;
  if (options && options.encoding === 'buffer') {
    throw errors.notImplemented("os.userInfo({ encoding: 'buffer' })");
  }
  return sys(nb.userInfo);
}

module.exports = {
  arch,
  availableParallelism,
  cpus,
  endianness,
  freemem,
  getPriority,
  homedir,
  hostname,
  loadavg,
  networkInterfaces,
  platform,
  release,
  setPriority,
  tmpdir,
  totalmem,
  type,
  userInfo,
  uptime,
  version,
  machine,
};

Object.defineProperties(module.exports, {
  constants: { configurable: false, enumerable: true, value: nb.constants },
  EOL: { configurable: true, enumerable: true, writable: false, value: nb.EOL },
  devNull: { configurable: true, enumerable: true, writable: false, value: nb.devNull },
});
