// pipeline: success, the first error reported, every stage destroyed. Each part starts after
// the previous one's callback (and its streams' close events), not after a fixed delay.
const { Readable, Writable, PassThrough, Transform, pipeline } = require('stream');

function tracked(name, s) {
  s.on('close', () => console.log(name, 'close, destroyed', s.destroyed));
  return s;
}

const ok = pipeline(
  tracked('src', Readable.from(['a', 'b'])),
  tracked('pass', new PassThrough({ objectMode: true })),
  tracked('sink', new Writable({ objectMode: true, write(c, e, cb) { console.log('sink got', c); cb(); } })),
  (err) => {
    console.log('ok pipeline callback', err);
    setImmediate(failing);
  },
);
console.log('returns last stream', ok instanceof Writable);

function failing() {
  const boom = new Transform({
    objectMode: true,
    transform(c, e, cb) {
      if (c === 2) cb(new Error('transform failed'));
      else cb(null, c);
    },
  });
  let reads = 0;
  const src = new Readable({ objectMode: true, read() { reads += 1; this.push(reads <= 5 ? reads : null); } });
  const sink = new Writable({ objectMode: true, write(c, e, cb) { console.log('sink2 got', c); cb(); } });
  tracked('src2', src);
  tracked('boom', boom);
  tracked('sink2', sink);
  pipeline(src, boom, sink, (err) => {
    console.log('err pipeline callback', err.message);
    console.log('destroyed', src.destroyed, boom.destroyed, sink.destroyed);
    setImmediate(generators);
  });
}

function generators() {
  // Generators as stages, then a premature close, then bad arguments: one after another.
  pipeline(
    function* () { yield 'x'; yield 'y'; },
    async function* (source) { for await (const c of source) yield c.toUpperCase(); },
    new Writable({ objectMode: true, write(c, e, cb) { console.log('gen sink', c); cb(); } }),
    (err) => {
      console.log('generator pipeline', err);
      premature();
    },
  );
}

function premature() {
  const src = new Readable({ objectMode: true, read() {} });
  const sink = new Writable({ objectMode: true, write(c, e, cb) { cb(); } });
  pipeline(src, sink, (err) => {
    console.log('premature', err.code, err.message);
    badArguments();
  });
  src.push(1);
  setImmediate(() => sink.destroy());
}

function badArguments() {
  try {
    pipeline(Readable.from([1]));
  } catch (e) {
    console.log(e.name, e.code, e.message);
  }
  try {
    pipeline(Readable.from([1]), (err) => {});
  } catch (e) {
    console.log(e.name, e.code, e.message);
  }
}
