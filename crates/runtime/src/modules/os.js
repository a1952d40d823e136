// Node's `os` (lib/os.js): values come from node-stdlib (os.rs); this file gives the
// functions node's names and Symbol.toPrimitive, and checks argument types.
'use strict';

const nb = internal.natives.os;
const { errors } = internal;

function checkNumber(value, name) {
  if (typeof value !== 'number') throw errors.invalidArgType(name, 'number', value);
}

// node names some exports after their internal functions (getOSType, getFreeMem, …) and
// wraps the ones that can fail in a function named wrappedFn.
function named(name, fn) {
  Object.defineProperty(fn, 'name', { value: name });
  return fn;
}
const wrappedFn = (fn) => named('wrappedFn', () => fn());

const arch = named('arch', () => nb.arch);
const availableParallelism = named('getAvailableParallelism', () => nb.availableParallelism());
const endianness = named('endianness', () => nb.endianness);
const freemem = named('getFreeMem', () => nb.freemem());
const homedir = wrappedFn(nb.homedir);
const hostname = wrappedFn(nb.hostname);
const platform = named('platform', () => nb.platform);
const release = named('getOSRelease', () => nb.release());
const tmpdir = named('tmpdir', () => nb.tmpdir());
const totalmem = named('getTotalMem', () => nb.totalmem());
const type = named('getOSType', () => nb.type());
const uptime = wrappedFn(nb.uptime);
const version = named('getOSVersion', () => nb.version());
const machine = named('getMachine', () => nb.machine());
for (const fn of [arch, availableParallelism, endianness, freemem, homedir, hostname, platform,
  release, tmpdir, totalmem, type, uptime, version, machine]) {
  fn[Symbol.toPrimitive] = () => fn();
}

function cpus() {
  return nb.cpus();
}

function loadavg() {
  return nb.loadavg();
}

function networkInterfaces() {
  return nb.networkInterfaces();
}

function getPriority(pid) {
  if (pid === undefined) pid = 0;
  else checkNumber(pid, 'pid');
  return nb.getPriority(pid);
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
  nb.setPriority(pid, priority);
}

function userInfo(options) {
  if (typeof options !== 'object') options = null;
  const info = nb.userInfo();
  if (options && options.encoding === 'buffer') {
    const { Buffer } = require('buffer');
    for (const key of ['username', 'homedir', 'shell']) {
      if (typeof info[key] === 'string') info[key] = Buffer.from(info[key]);
    }
  }
  return info;
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
