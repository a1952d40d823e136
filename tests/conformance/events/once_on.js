const { EventEmitter, once, on } = require('events');
const e = new EventEmitter();
(async () => {
  setTimeout(() => e.emit('ready', 42, 'x'), 1);
  const args = await once(e, 'ready');
  console.log('once resolved', args);
  setTimeout(() => e.emit('error', new Error('failed')), 1);
  try { await once(e, 'never'); } catch (err) { console.log('once rejected', err.message); }
  setTimeout(() => { e.emit('tick', 1); e.emit('tick', 2); e.emit('tick', 3); }, 1);
  for await (const [n] of on(e, 'tick')) {
    console.log('tick', n);
    if (n === 3) break;
  }
  console.log('listeners left', e.listenerCount('tick'), e.listenerCount('error'));
})();
