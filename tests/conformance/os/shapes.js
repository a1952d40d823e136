// os: types and shapes of every export (values are machine-specific, so only their kinds).
const os = require('os');
console.log(Object.keys(os).join());
console.log(require('node:os') === os);
console.log(JSON.stringify(os.EOL), os.devNull, os.platform(), os.endianness(), typeof os.arch());
console.log(os.arch() === process.arch, os.platform() === process.platform, `${os.platform}`, `${os.endianness}`);
for (const k of ['EOL', 'devNull', 'constants']) {
  const d = Object.getOwnPropertyDescriptor(os, k);
  console.log(k, d.writable, d.enumerable, d.configurable);
}
for (const k of Object.keys(os)) {
  if (typeof os[k] === 'function') {
    console.log(k, os[k].name, os[k].length, typeof os[k][Symbol.toPrimitive]);
  }
}
for (const k of ['hostname', 'homedir', 'tmpdir', 'type', 'release', 'version', 'machine']) {
  const v = os[k]();
  console.log(k, typeof v, v.length > 0, `${os[k]}` === v);
}
console.log(os.type(), os.machine() === os.machine(), os.tmpdir().endsWith('/') && os.tmpdir() !== '/');
for (const k of ['freemem', 'totalmem', 'uptime', 'availableParallelism']) {
  const v = os[k]();
  console.log(k, typeof v, v > 0);
}
console.log(os.freemem() <= os.totalmem(), Number.isInteger(os.availableParallelism()));
const la = os.loadavg();
console.log('loadavg', Array.isArray(la), la.length, la.every((n) => typeof n === 'number' && n >= 0));
const cpus = os.cpus();
console.log('cpus', Array.isArray(cpus), cpus.length > 0);
console.log(Object.keys(cpus[0]).join(), typeof cpus[0].model, typeof cpus[0].speed,
  Object.keys(cpus[0].times).join(), Object.values(cpus[0].times).every((n) => typeof n === 'number'));
const ni = os.networkInterfaces();
console.log('networkInterfaces', typeof ni, Object.getPrototypeOf(ni) === Object.prototype);
const shapes = new Set();
for (const list of Object.values(ni)) {
  for (const a of list) {
    shapes.add(`${Object.keys(a).join()} ${typeof a.address} ${typeof a.internal} ${a.cidr === null || typeof a.cidr}`);
  }
}
console.log([...shapes].filter((s) => !s.startsWith('address,netmask,family,mac,internal,cidr')));
const u = os.userInfo();
console.log('userInfo', Object.keys(u).join(), typeof u.uid, typeof u.gid, typeof u.username, typeof u.shell,
  u.uid === process.getuid?.() || typeof process.getuid !== 'function');
console.log(JSON.stringify(Object.keys(os.userInfo({ encoding: 'utf8' }))), Object.keys(os.userInfo('x')).length);
console.log(typeof os.getPriority(), os.getPriority() === os.getPriority(0), os.getPriority(process.pid) === os.getPriority());
os.setPriority(os.getPriority());
os.setPriority(0, os.getPriority());
console.log('setPriority ok');
