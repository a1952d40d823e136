const util = require('util');
const log = console.log;
process.removeAllListeners('warning');
process.on('warning', (w) => log('warning', w.name, w.message, w.code, Object.keys(w)));
function old(a, b) { return a + b + (this && this.k || 0); }
const d1 = util.deprecate(old, 'old() is deprecated', 'DEP_TEST1');
log(d1.name, d1.length, d1 === old, Object.getPrototypeOf(d1) === Object.getPrototypeOf(old));
log(d1(1, 2), d1(3, 4), d1.call({ k: 10 }, 1, 1));
const d1b = util.deprecate(old, 'same code again', 'DEP_TEST1'); d1b(0, 0);
const d2 = util.deprecate(function () { return 'nocode'; }, 'no code msg'); d2(); d2();
const d3 = util.deprecate(function () { return 'nocode'; }, 'no code msg'); d3();
class K { constructor(v) { this.v = v; } }
const DK = util.deprecate(K, 'K is deprecated', 'DEP_K');
const inst = new DK(3); log(inst.v, inst instanceof K, inst.constructor === K, DK.prototype === K.prototype);
class Sub extends DK {} log(new Sub(4).v);
try { util.deprecate(old, 'x', 5); } catch (e) { log(e.code, e.message); }
try { util.deprecate(old); log('no msg ok'); } catch (e) { log(e.code, e.message); }
log(process.noDeprecation);
log('sync end');
