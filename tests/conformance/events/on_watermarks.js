const EE = require('events');
(async () => {
  const p = new EE(); p.pause = () => console.log('pause'); p.resume = () => console.log('resume');
  const it = EE.on(p, 'x', { highWaterMark: 3, lowWaterMark: 2 });
  for (let i = 1; i <= 5; i++) { console.log('emit', i); p.emit('x', i); }
  for (let i = 1; i <= 5; i++) { const v = await it.next(); console.log('got', v.value); }
  const q = new EE(); q.pause = () => console.log('pause'); q.resume = () => console.log('resume');
  const it2 = EE.on(q, 'x', { highWaterMark: 1 });
  q.emit('x', 1); q.emit('x', 2); console.log((await it2.next()).value); console.log((await it2.next()).value);
  console.log(Object.getOwnPropertySymbols(it2), Object.getPrototypeOf(it2) === Object.getPrototypeOf(Object.getPrototypeOf(Object.getPrototypeOf((async function*(){})()))));
})();
