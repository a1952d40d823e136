// flush(kind, cb), params(level, strategy, cb), reset(), finishFlush on streams.
const zlib = require('zlib');

const steps = [
  (next) => {
    const d = zlib.createDeflate();
    const parts = [];
    d.on('data', (c) => parts.push(c));
    d.write('aaaaaaaaaa');
    d.flush(() => {
      // A full flush (the default) ends with an empty stored block.
      console.log('flushed', Buffer.concat(parts).toString('hex'));
      d.flush(zlib.constants.Z_SYNC_FLUSH, () => {
        console.log('sync again', Buffer.concat(parts).length);
        d.end();
      });
    });
    d.on('end', () => {
      console.log('end', zlib.inflateSync(Buffer.concat(parts)).toString());
      next();
    });
  },
  (next) => {
    // params mid-stream: the output still inflates to everything written.
    const d = zlib.createDeflate();
    const parts = [];
    d.on('data', (c) => parts.push(c));
    d.write('a'.repeat(5000));
    d.params(9, zlib.constants.Z_FILTERED, () => {
      console.log('params done');
      d.write('b'.repeat(5000));
      d.params(1, zlib.constants.Z_DEFAULT_STRATEGY, () => {
        d.end('c'.repeat(5000));
      });
    });
    d.on('end', () => {
      const back = zlib.inflateSync(Buffer.concat(parts)).toString();
      console.log('after params', back.length, back === 'a'.repeat(5000) + 'b'.repeat(5000) + 'c'.repeat(5000));
      next();
    });
  },
  (next) => {
    const g = zlib.createGzip();
    const parts = [];
    g.on('data', (c) => parts.push(c));
    g.params(0, zlib.constants.Z_DEFAULT_STRATEGY, () => {
      g.end('stored');
    });
    g.on('end', () => {
      const all = Buffer.concat(parts);
      console.log('gzip level 0', all.length > 20, zlib.gunzipSync(all).toString());
      next();
    });
  },
  (next) => {
    // Same parameters: no flush, the callback on the next tick.
    const d = zlib.createDeflate({ level: 3 });
    let sync = true;
    d.params(3, 0, () => {
      console.log('same params async', !sync);
      d.destroy();
      next();
    });
    sync = false;
  },
  (next) => {
    const d = zlib.createDeflate();
    for (const args of [[10, 0], [1, 5], ['1', 0], [1, null]]) {
      try {
        d.params(...args, () => {});
      } catch (e) {
        console.log('params', args, e.name, e.code, e.message);
      }
    }
    d.destroy();
    next();
  },
  (next) => {
    // reset() starts a new stream with the same options.
    const d = zlib.createDeflateRaw();
    const parts = [];
    d.on('data', (c) => parts.push(c));
    d.write('first', () => {
      d.reset();
      parts.length = 0;
      d.end('second');
    });
    d.on('end', () => {
      console.log('after reset', zlib.inflateRawSync(Buffer.concat(parts)).toString());
      next();
    });
  },
  (next) => {
    // flush after end: the callback waits for 'end'.
    const g = zlib.createGzip();
    g.resume();
    g.end('x');
    g.flush(() => {
      console.log('flush after end', g.readableEnded);
      next();
    });
  },
  (next) => {
    // finishFlush Z_SYNC_FLUSH on a cut stream gives the data so far.
    const packed = zlib.deflateSync('hello world, hello zlib, hello streams');
    const inf = zlib.createInflate({ finishFlush: zlib.constants.Z_SYNC_FLUSH });
    const parts = [];
    inf.on('data', (c) => parts.push(c));
    inf.on('end', () => {
      console.log('finishFlush', Buffer.concat(parts).toString());
      next();
    });
    inf.end(packed.subarray(0, packed.length - 4));
  },
  (next) => {
    // flush option: every write is flushed.
    const d = zlib.createDeflate({ flush: zlib.constants.Z_SYNC_FLUSH });
    const sizes = [];
    d.on('data', (c) => sizes.push(c.length > 0));
    d.write('abc', () => {
      console.log('flush option', sizes.length > 0);
      d.destroy();
      next();
    });
  },
  (next) => {
    const b = zlib.createBrotliCompress();
    const parts = [];
    b.on('data', (c) => parts.push(c));
    b.write('brotli flush');
    b.flush(() => {
      const got = zlib.brotliDecompressSync(Buffer.concat(parts), { finishFlush: zlib.constants.BROTLI_OPERATION_FLUSH });
      console.log('brotli flush', got.toString());
      b.end();
    });
    b.on('end', () => {
      console.log('brotli end', zlib.brotliDecompressSync(Buffer.concat(parts)).toString());
      next();
    });
  },
];
function next() {
  const step = steps.shift();
  if (step) step(next);
}
next();
