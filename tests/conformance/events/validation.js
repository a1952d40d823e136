const EE = require('events');
console.log(EE);
const e = new EE();
try { e.emit('error', 'str'); } catch (err) { console.log(err.name, err.code, err.message, Object.keys(err), err.context); }
try { e.emit('error', { a: 1 }); } catch (err) { console.log(err.code, err.message); }
try { e.emit('error'); } catch (err) { console.log(err.code, err.message); }
try { e.emit('error', undefined, 2); } catch (err) { console.log(err.code, err.message); }
try { e.emit('error', null); } catch (err) { console.log(err.code, err.message); }
try { e.emit('error', 42n); } catch (err) { console.log(err.code, err.message); }
try { e.emit('error', Symbol('s')); } catch (err) { console.log(err.code, err.message); }
const er = new Error('boom');
try { e.emit('error', er); } catch (err) { console.log(err === er, err.message); }
try { e.on('x', 1); } catch (err) { console.log(err.code, err.message); }
try { e.setMaxListeners(-1); } catch (err) { console.log(err.code, err.message); }
try { e.setMaxListeners('a'); } catch (err) { console.log(err.code, err.message); }
try { EE.defaultMaxListeners = -1; } catch (err) { console.log(err.code, err.message); }
try { e.off('x', 1); } catch (err) { console.log(err.code, err.message); }
try { e.once('x', null); } catch (err) { console.log(err.code, err.message); }
console.log(e.emit('nothing'), e.removeListener('x', () => {}) === e, e.removeAllListeners('zz') === e);
e.on('a', function (...a) { console.log('this ok', this === e, a); });
console.log(e.emit('a', 1, 2, 3));
const s = Symbol('sym');
e.on(s, () => {}); e.on('b', () => {}); e.on(1, () => {});
console.log(e.eventNames());
console.log(e.listenerCount('a'), e.listenerCount('a', () => {}), EE.listenerCount(e, 'a'));
e.setMaxListeners(Infinity); console.log(e.getMaxListeners());
e.setMaxListeners(0); console.log(e.getMaxListeners(), e._maxListeners);
console.log(e.setMaxListeners(3) === e);
EE.setMaxListeners(7, e); console.log(e.getMaxListeners(), EE.getMaxListeners(e));
EE.setMaxListeners(5); console.log(EE.defaultMaxListeners);
console.log(new EE().getMaxListeners());
try { EE.setMaxListeners(2, {}); } catch (err) { console.log(err.code, err.message); }
