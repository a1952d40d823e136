const src = { n: 1, s: 'x', d: new Date(0), r: /a/g, m: new Map([[1, { deep: true }]]), set: new Set([1]), arr: [1, [2]], u8: new Uint8Array([1, 2]) };
src.self = src;
const c = structuredClone(src);
console.log(c !== src, c.self === c, c.d instanceof Date, c.m.get(1).deep, c.u8, c.arr);
try { structuredClone(() => {}); } catch (e) { console.log(e.name); }
try { structuredClone(Symbol('s')); } catch (e) { console.log(e.name); }
const err = structuredClone(new RangeError('cloned'));
console.log(err instanceof RangeError, err.message);
