const EE = require('events');
const e = new EE();
console.log(e, Object.getOwnPropertySymbols(e).map(String), Object.keys(e));
const f = () => {}, g = () => {};
e.on('x', f); console.log(typeof e._events.x, e._eventsCount);
e.on('x', g); console.log(Array.isArray(e._events.x), e._eventsCount);
e.off('x', f); console.log(typeof e._events.x, e._events.x === g);
e.off('x', g); console.log(e._events, e._eventsCount);
e.once('y', f); console.log(e._events.y.listener === f, e._events.y.name, e.rawListeners('y')[0].name);
console.log(e.listeners('y')[0] === f);
console.log(EE.prototype._events, EE.prototype._eventsCount, EE.prototype._maxListeners, Object.keys(EE.prototype), Object.getOwnPropertyNames(EE.prototype), Object.getOwnPropertyNames(EE));
console.log(Object.getOwnPropertySymbols(EE.prototype).map(String));
console.log(EE.prototype.on === EE.prototype.addListener, EE.prototype.off === EE.prototype.removeListener);
console.log(EE.name, EE.length, EE.prototype.emit.name, EE.prototype.on.name, EE.prototype.off.name, EE.init.length, EE.once.length, EE.on.length);
console.log(Object.keys(EE), EE.defaultMaxListeners, EE.captureRejections);
console.log(typeof EE.init, EE.kMaxEventTargetListeners, EE.kMaxEventTargetListenersWarned);
try { EE(); } catch (err) { console.log('call', err.message); }
const o = {}; EE.call(o); console.log(o);
const p = {}; EE.init.call(p); console.log(p);
