const EE = require('events');
process.removeAllListeners('warning');
process.on('warning', (w) => console.log('warning:', w.name, w.message, w.emitter === e, w.type, w.count, Object.keys(w)));
const e = new EE();
for (let i = 0; i < 11; i++) e.on('leak', () => {});
for (let i = 0; i < 12; i++) e.on(Symbol('s'), () => {});
const s2 = Symbol('t'); for (let i = 0; i < 12; i++) e.on(s2, () => {});
class Foo extends EE {}
const f = new Foo(); f.setMaxListeners(1); f.on('a', () => {}); f.on('a', () => {}); f.on('a', () => {});
const o = Object.create(null); EE.call(o); 
const noproto = new EE(); Object.defineProperty(noproto, 'constructor', { value: undefined }); noproto.setMaxListeners(1); noproto.on('z', () => {}); noproto.on('z', () => {});
// remove to single then re-add: warns again?
const r = new EE(); r.setMaxListeners(1);
const fns = [() => {}, () => {}];
r.on('q', fns[0]); r.on('q', fns[1]); r.off('q', fns[1]); r.on('q', fns[1]);
console.log('sync done');
