const util = require('util');
const log = console.log;
function A() {} A.prototype.x = 1; function B() {}
util.inherits(B, A);
log(Object.getPrototypeOf(B.prototype) === A.prototype, B.super_ === A, Object.getOwnPropertyDescriptor(B, 'super_'), new B().x, B.prototype.constructor === B);
log(Object.getPrototypeOf(B) === Function.prototype);
for (const [c, s] of [[null, A], [B, null], [B, {}], [B, Object.assign(() => {}, { prototype: undefined })]]) {
  try { util.inherits(c, s); log('ok'); } catch (e) { log(e.code, e.message); }
}
const arrow = () => {};
try { util.inherits(B, arrow); } catch (e) { log(e.code, e.message); }
log(util.inherits.name, util.inherits.length, util.promisify.name, util.deprecate.name, util.promisify.length);
log(typeof util.promisify.custom, util.promisify.custom === Symbol.for('nodejs.util.promisify.custom'), String(util.promisify.custom));
(async () => {
  function cb(a, b, done) { done(null, a + b); }
  const p = util.promisify(cb);
  log(p.name, p.length, await p(1, 2), Object.getPrototypeOf(p) === Object.getPrototypeOf(cb));
  function cbe(done) { done(new Error('cbe')); }
  try { await util.promisify(cbe)(); } catch (e) { log('rejected', e.message); }
  function cbv(done) { done(null, 1, 2); } log(await util.promisify(cbv)());
  function cbnull(done) { done(0); } log('falsy err', await util.promisify(cbnull)());
  function cbs(done) { done('str err'); } try { await util.promisify(cbs)(); } catch (e) { log('str', e); }
  const obj = { v: 5, m(done) { done(null, this.v); } }; obj.pm = util.promisify(obj.m); log(await obj.pm());
  function withCustom() {} withCustom[util.promisify.custom] = () => 'custom!';
  log(util.promisify(withCustom)(), util.promisify(withCustom) === withCustom[util.promisify.custom]);
  function badCustom() {} badCustom[util.promisify.custom] = 5;
  try { util.promisify(badCustom); } catch (e) { log(e.code, e.message); }
  try { util.promisify(5); } catch (e) { log(e.code, e.message); }
  const p2 = util.promisify(cb); log(util.promisify(p2) === p2, p2[util.promisify.custom] === p2, Object.getOwnPropertyDescriptor(p2, util.promisify.custom));
  cb.extra = 'prop'; const p3 = util.promisify(cb); log(p3.extra, Object.keys(p3));
  function thrower() { throw new Error('sync throw'); } try { await util.promisify(thrower)(); } catch (e) { log('sync became', e.message); }
  log(typeof util.promisify(setTimeout), await util.promisify(setTimeout)(1, 'tv'));
  const fs = { stat(p, cb) { cb(null, p); } }; log(await util.promisify(fs.stat)('x'));
  Object.defineProperty(cb, 'name', { value: 'renamed' }); log(util.promisify(cb).name);
})();
