// Per-chunk costs of the stream classes, one row each (best of 3, `RESULT <case> <ms>`):
// push in flowing mode, a _read that pushes, write with a synchronous callback, a
// Transform, pipe and pipeline through PassThroughs. 1 KiB chunks (below the 16 KiB
// highWaterMark, so no backpressure) and 64 KiB chunks (every write over the mark).
const { Readable, Writable, Transform, PassThrough, pipeline } = require('stream');

const small = Buffer.alloc(1024, 120);
const large = Buffer.alloc(64 * 1024, 120);

async function best(name, run) {
  let ms = Infinity;
  for (let r = 0; r < 3; r++) {
    const t = process.hrtime.bigint();
    await run();
    ms = Math.min(ms, Number(process.hrtime.bigint() - t) / 1e6);
  }
  console.log('RESULT', name, ms.toFixed(1));
}

function source(count, chunk) {
  let sent = 0;
  return new Readable({
    read() {
      while (sent < count) {
        sent++;
        if (!this.push(chunk)) return;
      }
      this.push(null);
    },
  });
}

function sink(expect, done) {
  let got = 0;
  return new Writable({
    write(c, enc, cb) {
      got++;
      cb();
    },
    final(cb) {
      if (got !== expect) throw new Error(`lost chunks: ${got}/${expect}`);
      cb();
      done();
    },
  });
}

function ended(stream) {
  return new Promise((resolve, reject) => {
    stream.on('end', resolve);
    stream.on('error', reject);
  });
}

(async () => {
  await best('readable_push_flowing_100k', async () => {
    const r = new Readable({ read() {} });
    let got = 0;
    r.on('data', () => { got++; });
    await new Promise((resolve) => setImmediate(resolve));
    for (let i = 0; i < 1e5; i++) r.push(small);
    r.push(null);
    await ended(r);
    if (got !== 1e5) throw new Error('lost');
  });
  await best('readable_read_data_100k', async () => {
    const r = source(1e5, small);
    let got = 0;
    r.on('data', () => { got++; });
    await ended(r);
    if (got !== 1e5) throw new Error('lost');
  });
  await best('writable_write_sync_100k', async () => {
    const w = new Writable({ write(c, e, cb) { cb(); } });
    for (let i = 0; i < 1e5; i++) w.write(small);
    await new Promise((resolve) => w.end(resolve));
  });
  await best('writable_write_cb_100k', async () => {
    const w = new Writable({ write(c, e, cb) { cb(); } });
    let n = 0;
    const cb = () => { n++; };
    for (let i = 0; i < 1e5; i++) w.write(small, cb);
    await new Promise((resolve) => w.end(resolve));
    if (n !== 1e5) throw new Error('lost');
  });
  await best('transform_write_data_100k', async () => {
    const t = new Transform({ transform(c, e, cb) { cb(null, c); } });
    let got = 0;
    t.on('data', () => { got++; });
    for (let i = 0; i < 1e5; i++) t.write(small);
    t.end();
    await ended(t);
    if (got !== 1e5) throw new Error('lost');
  });
  await best('pipe_3_passthrough_20k_1k', () => new Promise((resolve) => {
    source(2e4, small).pipe(new PassThrough()).pipe(new PassThrough()).pipe(new PassThrough())
      .pipe(sink(2e4, resolve));
  }));
  await best('pipe_3_passthrough_20k_64k', () => new Promise((resolve) => {
    source(2e4, large).pipe(new PassThrough()).pipe(new PassThrough()).pipe(new PassThrough())
      .pipe(sink(2e4, resolve));
  }));
  await best('pipeline_3_passthrough_20k_1k', () => new Promise((resolve, reject) => {
    pipeline(source(2e4, small), new PassThrough(), new PassThrough(), new PassThrough(),
      sink(2e4, () => {}), (err) => (err ? reject(err) : resolve()));
  }));
})();
