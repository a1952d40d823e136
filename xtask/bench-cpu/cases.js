// `<runtime> cases.js <case> <n>`: runs one case n times (see per-op.sh). CPU time, not wall
// time: on the shared machine a wall clock swings by 2×, the CPU time of a run by a few %.
const EventEmitter = require('events');
const { Readable, Writable, Transform, PassThrough, pipeline } = require('stream');
const [name, nArg] = process.argv.slice(-2);
const N = Number(nArg);
let sink = 0;
const small = Buffer.alloc(1024, 120);
const large = Buffer.alloc(64 * 1024, 120);
// k listeners on 'x' that read `arguments` (as many real listeners do).
function em(k) { const e = new EventEmitter(); for (let i = 0; i < k; i++) e.on('x', function (a, b, c) { sink += arguments.length; }); return e; }
function source(count, chunk) {
  let sent = 0;
  return new Readable({ read() { while (sent < count) { sent++; if (!this.push(chunk)) return; } this.push(null); } });
}
function sinkW() { return new Writable({ write(c, e, cb) { sink++; cb(); } }); }
const cases = {
  emit0() { const e = em(1); for (let i = 0; i < N; i++) e.emit('x'); },
  emit1() { const e = em(1); for (let i = 0; i < N; i++) e.emit('x', 1); },
  emit2() { const e = em(1); for (let i = 0; i < N; i++) e.emit('x', 1, 2); },
  emit3() { const e = em(1); for (let i = 0; i < N; i++) e.emit('x', 1, 2, 3); },
  emit1x2() { const e = em(2); for (let i = 0; i < N; i++) e.emit('x', 1); },
  emit1x3() { const e = em(3); for (let i = 0; i < N; i++) e.emit('x', 1); },
  unheard() { const e = em(1); for (let i = 0; i < N; i++) e.emit('y', 1); },
  once() { const e = new EventEmitter(); const f = (v) => { sink += v; }; for (let i = 0; i < N; i++) { e.once('x', f); e.emit('x', 1); } },
  onoff() { const e = new EventEmitter(); const f = (v) => { sink += v; }; for (let i = 0; i < N; i++) { e.on('x', f); e.removeListener('x', f); } },
  lc() { const e = em(2); for (let i = 0; i < N; i++) sink += e.listenerCount('x'); },
  push() { const r = new Readable({ read() {} }); r.on('data', () => { sink++; }); setImmediate(() => { for (let i = 0; i < N; i++) r.push(small); r.push(null); }); },
  readdata() { source(N, small).on('data', () => { sink++; }); },
  write() { const w = new Writable({ write(c, e, cb) { cb(); } }); for (let i = 0; i < N; i++) w.write(small); w.end(); },
  writecb() { const w = new Writable({ write(c, e, cb) { cb(); } }); const cb = () => { sink++; }; for (let i = 0; i < N; i++) w.write(small, cb); w.end(); },
  transform() { const t = new Transform({ transform(c, e, cb) { cb(null, c); } }); t.on('data', () => { sink++; }); for (let i = 0; i < N; i++) t.write(small); t.end(); },
  pipe1k() { source(N, small).pipe(new PassThrough()).pipe(new PassThrough()).pipe(new PassThrough()).pipe(sinkW()); },
  pipe64k() { source(N, large).pipe(new PassThrough()).pipe(new PassThrough()).pipe(new PassThrough()).pipe(sinkW()); },
  pipeline1k() { pipeline(source(N, small), new PassThrough(), new PassThrough(), new PassThrough(), sinkW(), (err) => { if (err) throw err; }); },
  rtw64k() { pipeline(source(N, large), new Transform({ transform(c, e, cb) { cb(null, c); } }), sinkW(), (err) => { if (err) throw err; }); },
  newReadable() { for (let i = 0; i < N; i++) new Readable({ read() {} }); },
  newWritable() { for (let i = 0; i < N; i++) new Writable({ write(c, e, cb) { cb(); } }); },
  newPassThrough() { for (let i = 0; i < N; i++) new PassThrough(); },
  newEE() { for (let i = 0; i < N; i++) new EventEmitter(); },
};
if (!cases[name]) throw new Error(`unknown case ${name}; known: ${Object.keys(cases).join(' ')}`);
cases[name]();
