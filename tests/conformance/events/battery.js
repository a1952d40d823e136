const EventEmitter = require('events');
const { once, on, getEventListeners, errorMonitor } = EventEmitter;
const e = new EventEmitter();
console.log(e);
e.on('a', function first() {});
e.once('a', function second() {});
console.log(e.listeners('a'), e.rawListeners('a').map((f) => f.name || typeof f.listener));
console.log(getEventListeners(e, 'a').length);
e.removeListener('a', function notThere() {});
e.off('a', e.listeners('a')[1]);
console.log(e.listenerCount('a'), e._eventsCount);
const order = [];
e.on('removeListener', (n) => order.push('remove ' + String(n)));
e.removeAllListeners();
console.log(order, e.eventNames());
try { e.emit('error'); } catch (err) { console.log(err.code, err.message); }
try { e.emit('error', { custom: true }); } catch (err) { console.log(err.code, err.message, err.context); }
e.setMaxListeners(10);
e.on('x', () => {}); e.on('x', () => {});
console.log(e.getMaxListeners(), EventEmitter.listenerCount(e, 'x'));
class Sub extends EventEmitter { constructor() { super({ captureRejections: false }); this.v = 1; } }
const s = new Sub();
console.log(s, s instanceof EventEmitter);
const calls = [];
e.prependOnceListener('y', () => calls.push('p1'));
e.prependListener('y', () => calls.push('p0'));
e.emit('y'); e.emit('y');
console.log(calls);
e.on('z', function () { e.removeAllListeners('z'); calls.push('z1'); });
e.on('z', function () { calls.push('z2'); });
e.emit('z');
console.log(calls);
console.log(typeof once, typeof on, typeof errorMonitor, EventEmitter.captureRejections);
console.log(Object.getOwnPropertyNames(EventEmitter.prototype).sort());
