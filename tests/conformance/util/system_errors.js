// util.getSystemErrorName / getSystemErrorMap and the legacy exception helpers.
const util = require('util');
function t(f) { try { console.log(f()); } catch (e) { console.log(e.name, e.code, JSON.stringify(e.message)); } }
t(() => util.getSystemErrorName(-2));
t(() => util.getSystemErrorName(-111));
t(() => util.getSystemErrorName(-3008));
t(() => util.getSystemErrorName(-9999));
t(() => util.getSystemErrorName(2));
t(() => util.getSystemErrorName(0));
t(() => util.getSystemErrorName('x'));
t(() => util.getSystemErrorName(-1.5));
t(() => util.getSystemErrorName(-Infinity));
const map = util.getSystemErrorMap();
console.log(map instanceof Map, map.size, map.get(-13), map !== util.getSystemErrorMap());
console.log([...map].map(([k, [n, m]]) => `${k} ${n} ${m}`).join('\n'));
const e = util._errnoException(-2, 'open', 'extra'); console.log(e.message, e.code, e.errno, e.syscall, Object.keys(e));
const e1 = util._errnoException(-13, 'read'); console.log(e1.message, Object.keys(e1));
const e2 = util._exceptionWithHostPort(-111, 'connect', '127.0.0.1', 80); console.log(e2.message, e2.code, e2.errno, e2.syscall, e2.address, e2.port, Object.keys(e2));
const e3 = util._exceptionWithHostPort(-111, 'connect', '127.0.0.1', 0, 'local'); console.log(e3.message, Object.keys(e3));
