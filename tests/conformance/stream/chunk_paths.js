// The per-chunk paths tuned for speed: write callbacks of synchronous writes (one tick for
// consecutive writes with the same callback, as node), 'drain' against callbacks, chunk
// kinds (Buffer, Uint8Array, string, object), and the order of 'data'/'end'/'finish'/
// 'close' through Readable, Writable, Transform, pipe and pipeline.
const { Readable, Writable, Transform, PassThrough, pipeline } = require('stream');
const log = (...a) => console.log(...a);

function step(name, fn) {
  return new Promise((resolve) => {
    const events = [];
    fn(events, () => {
      log(name, events.join(' '));
      resolve();
    });
  });
}

(async () => {
  await step('same callback', (ev, done) => {
    const w = new Writable({ write(c, e, cb) { cb(); } });
    const cb = (err) => ev.push(`cb:${err}`);
    w.write('a', cb);
    process.nextTick(() => ev.push('tick'));
    w.write('b', cb);
    w.write('c', () => ev.push('other'));
    w.write('d', cb);
    w.write('e', cb);
    queueMicrotask(() => ev.push('micro'));
    setImmediate(done);
  });
  await step('nop callbacks', (ev, done) => {
    const w = new Writable({ write(c, e, cb) { ev.push(`w:${c}`); cb(); } });
    w.write('a');
    process.nextTick(() => ev.push('tick'));
    w.write('b', () => ev.push('cb-b'));
    w.write('c');
    w.end(() => ev.push('end-cb'));
    w.on('finish', () => ev.push('finish'));
    w.on('close', () => { ev.push('close'); setImmediate(done); });
  });
  await step('drain and callbacks', (ev, done) => {
    const w = new Writable({ highWaterMark: 3, write(c, e, cb) { process.nextTick(cb); } });
    const cb = () => ev.push('cb');
    ev.push(`ret:${w.write('aa', cb)}`);
    ev.push(`ret:${w.write('bb', cb)}`);
    ev.push(`ret:${w.write('cc', cb)}`);
    w.on('drain', () => { ev.push('drain'); setImmediate(done); });
  });
  await step('sync drain', (ev, done) => {
    const w = new Writable({ highWaterMark: 2, write(c, e, cb) { cb(); } });
    w.on('drain', () => ev.push('drain'));
    const cb = () => ev.push('cb');
    ev.push(`ret:${w.write('aaa', cb)}`);
    ev.push(`ret:${w.write('bbb', cb)}`);
    process.nextTick(() => ev.push('tick'));
    ev.push(`ret:${w.write('ccc', cb)}`);
    setImmediate(done);
  });
  await step('chunk kinds', (ev, done) => {
    const w = new Writable({ write(c, e, cb) { ev.push(`${c.constructor.name}/${e}/${c.length}`); cb(); } });
    w.write(Buffer.from('ab'));
    w.write(new Uint8Array([1, 2, 3]));
    w.write('héllo');
    w.write('6869', 'hex');
    w.write(new Uint8Array(new ArrayBuffer(8), 2, 4));
    const r = new Readable({ read() {} });
    r.on('data', (c) => ev.push(`data:${c.constructor.name}:${c.length}`));
    r.push(new Uint8Array([9, 9]));
    r.push('xyz');
    r.push(Buffer.alloc(0));
    r.push(Buffer.from('q'));
    try { w.write(5); } catch (err) { ev.push(err.code); }
    try { w.write({}); } catch (err) { ev.push(err.code); }
    const o = new Writable({ objectMode: true, write(c, e, cb) { ev.push(`obj:${JSON.stringify(c)}/${e}`); cb(); } });
    o.write({ a: 1 });
    o.write('s', 'latin1');
    o.write(0);
    setImmediate(done);
  });
  await step('readable order', (ev, done) => {
    const r = new Readable({ read() {} });
    r.on('data', (c) => ev.push(`data:${c}`));
    r.on('end', () => ev.push('end'));
    r.on('close', () => { ev.push('close'); done(); });
    r.push('a');
    r.push('b');
    process.nextTick(() => { r.push('c'); r.push(null); ev.push('pushed-null'); });
    ev.push('sync-end');
  });
  await step('transform order', (ev, done) => {
    const t = new Transform({
      transform(c, e, cb) { ev.push(`t:${c}`); cb(null, String(c).toUpperCase()); },
      flush(cb) { ev.push('flush'); cb(null, '!'); },
    });
    t.on('data', (c) => ev.push(`data:${c}`));
    t.on('end', () => ev.push('end'));
    t.on('finish', () => ev.push('finish'));
    t.on('prefinish', () => ev.push('prefinish'));
    t.on('close', () => { ev.push('close'); done(); });
    t.write('a', () => ev.push('cb-a'));
    t.write('b', () => ev.push('cb-b'));
    t.end('c', () => ev.push('end-cb'));
  });
  await step('pipe order', (ev, done) => {
    let n = 0;
    const src = new Readable({ read() { n++; this.push(n <= 3 ? `s${n}` : null); } });
    const mid = new PassThrough();
    const dst = new Writable({ write(c, e, cb) { ev.push(`w:${c}`); cb(); } });
    src.on('end', () => ev.push('src-end'));
    src.on('close', () => ev.push('src-close'));
    mid.on('end', () => ev.push('mid-end'));
    mid.on('finish', () => ev.push('mid-finish'));
    mid.on('close', () => ev.push('mid-close'));
    dst.on('finish', () => ev.push('dst-finish'));
    dst.on('close', () => { ev.push('dst-close'); setImmediate(done); });
    src.pipe(mid).pipe(dst);
  });
  await step('pipeline order', (ev, done) => {
    const chunks = [Buffer.from('x'), new Uint8Array([65]), 'yz'];
    pipeline(
      Readable.from(chunks, { objectMode: false }),
      new PassThrough(),
      new Transform({ transform(c, e, cb) { cb(null, c); } }),
      new Writable({ write(c, e, cb) { ev.push(`w:${c}`); cb(); }, final(cb) { ev.push('final'); cb(); } }),
      (err) => { ev.push(`done:${err}`); setImmediate(done); },
    );
  });
  await step('backpressure through pipe', (ev, done) => {
    let sent = 0;
    const src = new Readable({ highWaterMark: 4, read() { sent++; this.push(sent <= 6 ? 'abcd' : null); } });
    const dst = new Writable({
      highWaterMark: 4,
      write(c, e, cb) { ev.push(`w${sent}`); setImmediate(cb); },
    });
    src.on('pause', () => ev.push('pause'));
    src.on('resume', () => ev.push('resume'));
    dst.on('drain', () => ev.push('drain'));
    dst.on('finish', () => { ev.push('finish'); done(); });
    src.pipe(dst);
  });
})();
