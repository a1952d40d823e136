// internal/streams/duplexify: `Duplex.from(body)` — a Duplex made from a stream, a
// `{ readable, writable }` pair, an (async) iterable or string, a Blob, a promise, or a function
// (an async generator function gets the written chunks as its source and its yields are
// read; an async function consumes the writes and its promise ends the stream).
'use strict';

const S = internal.requireBuiltin('internal/streams/state', true);
const F = internal.requireBuiltin('internal/streams/finished', true);
const I = internal.requireBuiltin('internal/streams/iter', true);
const { Duplex } = internal.requireBuiltin('internal/streams/duplex', true);
const { codes, nextTick } = S;
const { errors } = internal;

function isDuplexStream(v) {
  return v instanceof Duplex || (S.isReadableNodeStream(v) && S.isWritableNodeStream(v));
}

// The written chunks as an async iterable: each write's callback runs once the consumer
// takes the chunk, which is the backpressure.
function writesAsSource(fn, name) {
  const ac = new AbortController();
  const queue = [];
  let wake = null;
  const put = (item) => {
    queue.push(item);
    if (wake !== null) {
      const w = wake;
      wake = null;
      w();
    }
  };
  async function* source() {
    for (;;) {
      while (queue.length === 0) await new Promise((resolve) => { wake = resolve; });
      const { chunk, done, cb } = queue.shift();
      nextTick(cb);
      if (done) return;
      if (ac.signal.aborted) throw codes.abort(ac.signal.reason);
      yield chunk;
    }
  }
  const value = fn(source(), { signal: ac.signal });
  if (value === null || value === undefined || (typeof value.then !== 'function' && !S.isIterable(value))) {
    throw codes.invalidReturnValue('Iterable, AsyncIterable or AsyncFunction', name, value);
  }
  return {
    value,
    abort: () => ac.abort(),
    write(chunk, encoding, cb) { put({ chunk, done: false, cb }); },
    final(cb) { put({ done: true, cb }); },
  };
}

function fromFunction(fn, name) {
  const { value, abort, write, final } = writesAsSource(fn, name);
  if (typeof value.then === 'function') {
    // An async function: its settling ends (or errors) the writable side; a rejection
    // destroys the stream at once, even before the writes end.
    const d = new Duplex({
      objectMode: true,
      highWaterMark: 1,
      readable: false,
      write,
      final(cb) {
        final(() => {
          Promise.resolve(value).then(() => nextTick(cb, null), (err) => nextTick(cb, err));
        });
      },
      destroy(err, cb) {
        abort();
        cb(err);
      },
    });
    Promise.resolve(value).then(undefined, (err) => d.destroy(err));
    return d;
  }
  const d = I.from(Duplex, value, { objectMode: true, write, final });
  const closeIterator = d._destroy;
  d._destroy = function (err, cb) {
    abort();
    closeIterator.call(this, err, cb);
  };
  return d;
}

// A Duplex over a readable and/or a writable stream.
function fromPair(readable, writable) {
  const r = readable || null;
  const w = writable || null;
  let onDrain = null;
  let onFinish = null;
  let onReadable = null;
  const d = new Duplex({
    readableObjectMode: !!(r && r.readableObjectMode),
    writableObjectMode: !!(w && w.writableObjectMode),
    readable: !!r,
    writable: !!w,
    write(chunk, encoding, cb) {
      if (w.write(chunk, encoding)) cb();
      else onDrain = cb;
    },
    final(cb) {
      w.end();
      onFinish = cb;
    },
    read() {
      for (;;) {
        const chunk = r.read();
        if (chunk === null) {
          onReadable = () => d._read();
          return;
        }
        if (!d.push(chunk)) return;
      }
    },
    destroy(err, cb) {
      if (!err && onFinish !== null) err = codes.abort();
      onDrain = onFinish = onReadable = null;
      if (w) S.destroyer(w, err);
      if (r) S.destroyer(r, err);
      cb(err);
    },
  });
  if (w) {
    w.on('drain', () => {
      if (onDrain !== null) {
        const cb = onDrain;
        onDrain = null;
        cb();
      }
    });
    F.eos(w, { readable: false }, (err) => {
      if (err) {
        S.destroyer(d, err);
      } else if (onFinish !== null) {
        const cb = onFinish;
        onFinish = null;
        cb();
      }
    });
  }
  if (r) {
    r.on('readable', () => {
      if (onReadable !== null) {
        const f = onReadable;
        onReadable = null;
        f();
      }
    });
    r.on('end', () => d.push(null));
    F.eos(r, { writable: false }, (err) => {
      if (err) S.destroyer(d, err);
    });
  }
  return d;
}

function duplexFrom(body, name = 'body') {
  if (isDuplexStream(body)) return body;
  if (S.isReadableNodeStream(body)) return fromPair(body, null);
  if (S.isWritableNodeStream(body)) return fromPair(null, body);
  if (typeof body === 'function') return fromFunction(body, name);
  if (typeof Blob === 'function' && body instanceof Blob) {
    return duplexFrom(body.arrayBuffer(), name);
  }
  if (typeof body === 'string' || body instanceof Uint8Array || S.isIterable(body)) {
    return I.from(Duplex, body, { objectMode: true, writable: false });
  }
  if (body && typeof body.then === 'function') {
    // A promise: its value (unless null or undefined) is the one chunk read.
    return I.from(Duplex, (async function* promised() {
      const v = await body;
      if (v !== null && v !== undefined) yield v;
    })(), { objectMode: true, writable: false });
  }
  if (body && typeof body === 'object' && ('readable' in body || 'writable' in body)) {
    const r = body.readable && !S.isNodeStream(body.readable) ? duplexFrom(body.readable) : body.readable;
    const w = body.writable && !S.isNodeStream(body.writable) ? duplexFrom(body.writable) : body.writable;
    return fromPair(r, w);
  }
  throw errors.invalidArgTypeText(name,
    'of type function or an instance of Blob, ReadableStream, WritableStream, Stream, Iterable, AsyncIterable, or Promise or { readable, writable } pair',
    body);
}

module.exports = { duplexFrom };
