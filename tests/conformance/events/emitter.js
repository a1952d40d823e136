const EventEmitter = require('events');
const e = new EventEmitter();
e.on('data', (a, b) => console.log('data 1', a, b));
e.prependListener('data', () => console.log('data 0 (prepended)'));
e.once('data', () => console.log('data once'));
console.log(e.emit('data', 1, 2), e.emit('data', 3, 4), e.emit('nothing'));
console.log(e.listenerCount('data'), e.eventNames(), e.rawListeners('data').length);
e.on('newListener', (ev) => console.log('newListener', ev));
e.on('x', function () { console.log('this is emitter', this === e); });
e.emit('x');
e.removeAllListeners('data');
console.log(e.listenerCount('data'));
try { e.emit('error', new Error('unhandled')); } catch (err) { console.log('thrown', err.message); }
try { e.emit('error', 'str'); } catch (err) { console.log(err.code, err.message); }
e.on(EventEmitter.errorMonitor, (err) => console.log('monitor', err.message));
e.on('error', (err) => console.log('handled', err.message));
e.emit('error', new Error('bad'));
console.log(EventEmitter.defaultMaxListeners, e.getMaxListeners());
const sym = Symbol('evt');
e.on(sym, () => console.log('symbol event'));
e.emit(sym);
try { e.on('y', 'not fn'); } catch (err) { console.log(err.code, err.message); }
