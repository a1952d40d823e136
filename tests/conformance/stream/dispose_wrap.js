// Stream disposal (the asyncDispose method) and Readable.wrap of an old-style stream.
const { Readable, Writable, PassThrough } = require('stream');
(async () => {
  const r = new Readable({ read() {} });
  r.on('error', (e) => console.log('r error', e.name));
  await r[Object.getOwnPropertySymbols(Readable.prototype).find((s) => String(s).includes('Dispose'))].call(r);
  console.log('disposed', r.destroyed);
  const done = Readable.from(['x']);
  await done.toArray();
  await done[Object.getOwnPropertySymbols(Readable.prototype).find((s) => String(s).includes('Dispose'))].call(done);
  console.log('ended one disposed', done.destroyed);
  const w = new Writable({ write(c, e, cb) { cb(); } });
  w.on('error', (e) => console.log('w error', e.name));
  await w[Object.getOwnPropertySymbols(Writable.prototype).find((s) => String(s).includes('Dispose'))].call(w);
  console.log('w disposed', w.destroyed);
  const old = new (require('events'))();
  const wrapped = Readable.wrap(Object.assign(old, { pause() {}, resume() {} }));
  wrapped.on('data', (d) => console.log('wrapped', d));
  old.emit('data', 'legacy chunk');
  old.emit('end');
  wrapped.on('end', () => console.log('wrapped end', wrapped.readableObjectMode));
})();
