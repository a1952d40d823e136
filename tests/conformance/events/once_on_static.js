const EE = require('events');
const { once, on } = EE;
const log = (...a) => console.log(...a);
(async () => {
  const e = new EE();
  let p = once(e, 'r'); log(e.listenerCount('r'), e.listenerCount('error'));
  e.emit('r', 1, 2); log(await p, e.listenerCount('r'), e.listenerCount('error'));
  p = once(e, 'error'); log(e.listenerCount('error'));
  e.emit('error', new Error('x')); log((await p)[0].message, e.listenerCount('error'));
  p = once(e, 'r'); e.emit('error', 'notanerror');
  try { await p; } catch (err) { log('rej', err, e.listenerCount('r'), e.listenerCount('error')); }
  const ac = new AbortController();
  p = once(e, 'r', { signal: ac.signal }); ac.abort();
  try { await p; } catch (err) { log('abort', err.name, err.code, err.message, err.cause.name, e.listenerCount('r')); }
  try { await once(e, 'r', { signal: ac.signal }); } catch (err) { log('pre-aborted', err.name, err.cause.message); }
  try { await once(e, 'r', { signal: 1 }); } catch (err) { log('badsignal', err.code, err.message); }
  once(e, 'r', { signal: 1 }).catch((err) => log('async reject', err.code));
  // EventTarget
  const et = new EventTarget();
  p = once(et, 'foo'); et.dispatchEvent(new Event('foo')); const [ev] = await p; log('et', ev.type);
  // on()
  const it = on(e, 't');
  log(typeof it[Symbol.asyncIterator], typeof it.next, typeof it.return, typeof it.throw, e.listenerCount('t'), e.listenerCount('error'));
  e.emit('t', 1); e.emit('t', 2, 3);
  log(await it.next(), await it.next());
  const n = it.next(); e.emit('t', 4); log(await n);
  e.emit('error', new Error('iterr'));
  try { await it.next(); } catch (err) { log('iter rejected', err.message); }
  log(await it.next(), e.listenerCount('t'), e.listenerCount('error'));
  const it2 = on(e, 't'); e.emit('t', 9); log(await it2.return(), await it2.next(), e.listenerCount('t'));
  const it3 = on(e, 't'); const pend = it3.next(); await it3.return(); log(await pend);
  const it4 = on(e, 't'); try { await it4.throw(new Error('thrown in')); } catch (err) { log('throw', err.message); }
  try { it4.throw(1); } catch (err) { log('throw nonerr', err.code, err.message); }
  const ac2 = new AbortController(); const it5 = on(e, 't', { signal: ac2.signal }); const pn = it5.next(); ac2.abort();
  try { await pn; } catch (err) { log('on abort', err.name); }
  log(await it5.next());
  log(Object.prototype.toString.call(it), Object.getPrototypeOf(Object.getPrototypeOf(it)) === Object.getPrototypeOf(Object.getPrototypeOf(async function* () {}.prototype)));
  log(once.name, on.name, EE.getEventListeners(et, 'foo'));
  const e6 = new EE(); log(EE.getEventListeners(e6, 'x'), EE.getMaxListeners(et));
  log(EE.getMaxListeners(e6));
  try { EE.getMaxListeners({}); } catch (err) { log(err.code, err.message); }
  try { EE.getEventListeners({}, 'x'); } catch (err) { log(err.code, err.message); }
})();
