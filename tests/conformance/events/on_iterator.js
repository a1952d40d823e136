const EE = require('events');
const { on } = EE;
const log = (...a) => console.log(...a);
(async () => {
  const e = new EE();
  const it4 = on(e, 't'); e.emit('t', 1);
  const r = await it4.throw(new Error('thrown in')); log('throw result', r);
  try { log(await it4.next()); } catch (err) { log('next after throw', err.message); }
  try { log(await it4.next()); } catch (err) { log('second next', err.message); }
  log(await it4.next(), e.listenerCount('t'));
  const it = on(e, 'd', { close: ['end'] }); log(e.listenerCount('end'));
  e.emit('d', 1); e.emit('end'); e.emit('d', 2);
  for await (const v of it) log('v', v);
  log('closed', e.listenerCount('end'), e.listenerCount('d'));
  const it6 = on(e, 'error'); e.emit('error', 5); log(await it6.next()); await it6.return();
  const ac = new AbortController(); ac.abort();
  try { on(e, 'x', { signal: ac.signal }); log('no throw'); } catch (err) { log('pre-aborted on throws sync', err.name); }
  try { on(e, 'x', { signal: 1 }); } catch (err) { log('sync', err.code, err.message); }
  const p = { pause() { log('pause'); }, resume() { log('resume'); } };
  Object.setPrototypeOf(p, EE.prototype); EE.call(p);
  const it7 = on(p, 'x', { highWaterMark: 2, lowWaterMark: 1 });
  p.emit('x', 1); p.emit('x', 2); p.emit('x', 3); log(await it7.next()); log(await it7.next()); log(await it7.next());
  log(Object.getOwnPropertyNames(Object.getPrototypeOf(it7)), Object.getOwnPropertyNames(it7));
})();
