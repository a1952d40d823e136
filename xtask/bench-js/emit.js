// 10M emits to one listener; prints the best of 3 as `RESULT <name> <ms>`.
const EventEmitter = require('events');
const e = new EventEmitter();
let n = 0;
e.on('data', (v) => { n += v; });
let best = Infinity;
for (let r = 0; r < 3; r++) {
  const t = process.hrtime.bigint();
  for (let i = 0; i < 1e7; i++) e.emit('data', 1);
  best = Math.min(best, Number(process.hrtime.bigint() - t) / 1e6);
}
if (n !== 3e7) throw new Error('lost emits');
console.log('RESULT emit_10m_one_listener', best.toFixed(1));
