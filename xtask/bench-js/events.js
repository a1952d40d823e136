// EventEmitter per-call costs: emit with 0–3 arguments to one and two listeners, an emit
// nobody hears, once(), listenerCount. Prints the best of 3 per case as `RESULT <case> <ms>`.
const EventEmitter = require('events');

const N = 1e6;
function best(name, setup, body) {
  let ms = Infinity;
  for (let r = 0; r < 3; r++) {
    const ctx = setup();
    const t = process.hrtime.bigint();
    body(ctx);
    ms = Math.min(ms, Number(process.hrtime.bigint() - t) / 1e6);
  }
  console.log('RESULT', name, ms.toFixed(1));
}

let sink = 0;
function one(n) {
  const e = new EventEmitter();
  for (let i = 0; i < n; i++) e.on('x', function (a, b, c) { sink += arguments.length; });
  return e;
}

best('emit_1m_0args_1listener', () => one(1), (e) => { for (let i = 0; i < N; i++) e.emit('x'); });
best('emit_1m_1arg_1listener', () => one(1), (e) => { for (let i = 0; i < N; i++) e.emit('x', 1); });
best('emit_1m_2args_1listener', () => one(1), (e) => { for (let i = 0; i < N; i++) e.emit('x', 1, 2); });
best('emit_1m_3args_1listener', () => one(1), (e) => { for (let i = 0; i < N; i++) e.emit('x', 1, 2, 3); });
best('emit_1m_1arg_2listeners', () => one(2), (e) => { for (let i = 0; i < N; i++) e.emit('x', 1); });
best('emit_1m_2args_2listeners', () => one(2), (e) => { for (let i = 0; i < N; i++) e.emit('x', 1, 2); });
best('emit_1m_unheard', () => one(1), (e) => { for (let i = 0; i < N; i++) e.emit('y', 1); });
best('once_emit_200k', () => new EventEmitter(), (e) => {
  const f = (v) => { sink += v; };
  for (let i = 0; i < N / 5; i++) {
    e.once('x', f);
    e.emit('x', 1);
  }
});
best('on_off_200k', () => new EventEmitter(), (e) => {
  const f = (v) => { sink += v; };
  for (let i = 0; i < N / 5; i++) {
    e.on('x', f);
    e.removeListener('x', f);
  }
});
best('listenerCount_1m', () => one(2), (e) => { for (let i = 0; i < N; i++) sink += e.listenerCount('x'); });
if (sink === 0) throw new Error('no work');
