// util.types: every predicate against every kind of value, names and lengths.
const t = require('util').types;
function* g() {} async function* ag() {} async function af() {}
const vals = {
  mapIter: new Map().entries(), setIter: new Set().values(), gen: g(), agen: ag(), args: (function () { return arguments; })(),
  sloppyArgs: new Function('return arguments')(), err: new Error('x'), fakeErr: Object.create(Error.prototype),
  tagged: { [Symbol.toStringTag]: 'Error' }, num: new Number(1), str: new String('s'), bool: new Boolean(false), sym: Object(Symbol('s')), big: Object(1n),
  u8: new Uint8Array(1), f64: new Float64Array(1), dv: new DataView(new ArrayBuffer(1)), ab: new ArrayBuffer(1), sab: new SharedArrayBuffer(1),
  gf: g, agf: ag, af, arrow: () => {}, promise: Promise.resolve(), thenable: { then() {} }, proxy: new Proxy({}, {}), date: new Date(), re: /x/,
  wm: new WeakMap(), ws: new WeakSet(), map: new Map(), set: new Set(), prim: 1, nul: null, arrIter: [][Symbol.iterator](),
};
const names = Object.keys(t);
for (const [k, v] of Object.entries(vals)) {
  console.log(k.padEnd(10), names.filter((n) => { try { return t[n](v); } catch (e) { return `ERR ${e.message}`; } }).join(' '));
}
console.log(names.map((n) => `${n}:${t[n].length}`).join(' '));
console.log(t.isDate(), t.isPromise());
