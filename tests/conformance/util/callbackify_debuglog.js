// util.callbackify (values, rejections, falsy rejections, bad arguments) and util.debuglog
// while NODE_DEBUG does not name the section.
const util = require('util');
function t(f) { try { console.log(f()); } catch (e) { console.log(e.name, e.code, JSON.stringify(e.message)); } }
async function af(a, b) { return a + b; }
const cbf = util.callbackify(af);
console.log(cbf.name, cbf.length, Object.getPrototypeOf(cbf) === Function.prototype);
cbf(1, 2, (err, v) => console.log('cb', err, v));
util.callbackify(async () => { throw null; })((err) => console.log('falsy', err.name, err.code, err.message, err.reason));
util.callbackify(async () => { throw 0; })((err) => console.log('falsy 0', err.code, err.reason));
util.callbackify(async () => { throw new Error('x'); })((err) => console.log('rej', err.message));
util.callbackify(function () { return Promise.resolve(this.v); }).call({ v: 'this kept' }, (err, v) => console.log(v));
t(() => util.callbackify(1));
t(() => cbf(1, 2));
t(() => cbf());
process.nextTick(() => console.log('tick before callbacks'));
const a = util.debuglog('nrt-conformance-section');
const b = util.debug('other', (fn) => console.log('init callback', typeof fn));
console.log(a.enabled, b.enabled, typeof a, a.name, a.length, util.debuglog === util.debug);
a('not printed %s', 'x');
b('not printed either');
b('second call: no second init callback');
