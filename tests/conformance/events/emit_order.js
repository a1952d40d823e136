const EE = require('events');
const e = new EE();
const log = (...a) => console.log(...a);
e.on('newListener', (t, l) => log('newListener', String(t), l.name, e.listenerCount(t)));
e.on('removeListener', (t, l) => log('removeListener', String(t), l.name, e.listenerCount(t)));
function a() { log('a'); e.on('x', late); e.off('x', b); }
function b() { log('b'); }
function late() { log('late'); }
e.on('x', a); e.on('x', b);
e.emit('x'); e.emit('x');
function once1(...args) { log('once1', args, this === e); e.emit('y', 'inner'); }
e.once('y', once1);
e.emit('y', 'outer'); e.emit('y', 'again');
e.prependOnceListener('z', function pz() { log('pz'); });
e.prependListener('z', function pl() { log('pl'); });
e.on('z', function nz() { log('nz'); });
log(e.listeners('z').map((f) => f.name), e.rawListeners('z').map((f) => f.listener ? 'wrap:' + f.listener.name : f.name));
const w = e.rawListeners('z')[1]; w('direct'); w('direct2'); log(e.listeners('z').map((f) => f.name));
e.emit('z');
// off most recent
function d() { log('d'); }
e.on('m', d); e.once('m', d); e.on('m', b); e.off('m', d);
log(e.rawListeners('m').map((f) => f.listener ? 'once' : f.name));
e.once('n', d); e.off('n', d); log(e.listenerCount('n'));
log('--- removeAll type');
e.on('r', a); e.on('r', b); e.once('r', d);
e.removeAllListeners('r');
log('--- removeAll');
e.removeAllListeners();
log(e.eventNames(), e._eventsCount);
log('--- errors');
e.on(EE.errorMonitor, (err) => log('monitor', err.message));
try { e.emit('error', new Error('E1')); } catch (err) { log('caught', err.message); }
e.on('error', (err) => log('handled', err.message));
log(e.emit('error', new Error('E2')));
log(e.eventNames());
// listener throwing stops emit
const t = new EE(); t.on('q', () => { throw new Error('T'); }); t.on('q', () => log('never'));
try { t.emit('q'); } catch (err) { log('thrown', err.message); }
// listenerCount with listener on once
const u = new EE(); u.once('k', d); u.on('k', d); log(u.listenerCount('k', d), u.listenerCount('k', b), u.listenerCount('k'));
// remove inside removeListener: newListener with once
const v = new EE(); v.once('newListener', (t) => log('nl-once', t)); v.on('foo', b); v.on('bar', b); log(v.eventNames());
