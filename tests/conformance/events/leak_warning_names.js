const EE = require('events');
const util = require('util');
process.removeAllListeners('warning');
process.on('warning', (w) => console.log('warning:', w.message));
const o = Object.create(null); EE.call(o); o.setMaxListeners = EE.prototype.setMaxListeners; o.on = EE.prototype.on;
o.setMaxListeners(1); o.on('a', () => {}); o.on('a', () => {});
const q = new EE(); q[util.inspect.custom] = () => 'CUSTOM'; q.setMaxListeners(1); q.on('a', () => {}); q.on('a', () => {});
const m = new Map(); EE.call(m); Object.assign(m, { on: EE.prototype.on, setMaxListeners: EE.prototype.setMaxListeners, getMaxListeners: EE.prototype.getMaxListeners }); m.setMaxListeners(1); m.on('a', () => {}); m.on('a', () => {});
console.log(util.inspect(new Map([[1,2]]), { depth: -1 }), util.inspect(q, {depth:-1}));
