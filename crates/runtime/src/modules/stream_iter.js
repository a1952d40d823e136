// internal/streams/iter: a Readable as an async iterable (`for await`, iterator()), and
// `Readable.from(iterable)` — the two directions between streams and (async) iterators.
'use strict';

const S = internal.requireBuiltin('internal/streams/state', true);
const F = internal.requireBuiltin('internal/streams/finished', true);
const { codes, nextTick } = S;
const { errors } = internal;

// Reads with read() while data is buffered, waits on 'readable' when it is not; the end,
// an error or a premature close comes from finished(). Leaving the loop early destroys
// the stream unless `destroyOnReturn` is false.
async function* readableIterator(stream, options) {
  let wake = null;
  const signal = () => {
    if (wake !== null) {
      const w = wake;
      wake = null;
      w();
    }
  };
  stream.on('readable', signal);
  // undefined while running, null at the end, the error otherwise.
  let error;
  const stopWatching = F.eos(stream, { writable: false }, (err) => {
    error = err || null;
    signal();
  });
  try {
    while (true) {
      const chunk = stream.destroyed ? null : stream.read();
      if (chunk !== null) {
        yield chunk;
      } else if (error) {
        throw error;
      } else if (error === null) {
        return;
      } else {
        await new Promise((resolve) => { wake = resolve; });
      }
    }
  } catch (err) {
    if (error === undefined) error = err;
    throw err;
  } finally {
    const destroyOnReturn = !options || options.destroyOnReturn !== false;
    const r = stream._readableState;
    if ((error || destroyOnReturn) && (error === undefined || (r && r.autoDestroy))) {
      S.destroyer(stream, null);
    } else {
      stream.off('readable', signal);
      stopWatching();
    }
  }
}

function iterator(options) {
  if (options !== undefined) S.validateObject(options, 'options');
  return readableIterator(this, options);
}

// Readable.from: one chunk for a string or Buffer, else the iterator's values pulled as
// the stream is read (a sync iterator's promises are awaited, as in node).
function from(Readable, iterable, opts) {
  let iter;
  let isAsync;
  if (typeof iterable === 'string' || iterable instanceof Uint8Array) {
    return new Readable({
      objectMode: true,
      ...opts,
      read() {
        this.push(iterable);
        this.push(null);
      },
    });
  }
  if (iterable && typeof iterable[Symbol.asyncIterator] === 'function') {
    isAsync = true;
    iter = iterable[Symbol.asyncIterator]();
  } else if (iterable && typeof iterable[Symbol.iterator] === 'function') {
    isAsync = false;
    iter = iterable[Symbol.iterator]();
  } else {
    throw errors.invalidArgType('iterable', 'Iterable', iterable);
  }
  const readable = new Readable({ objectMode: true, highWaterMark: 1, ...opts });
  let reading = false;
  readable._read = function () {
    if (!reading) {
      reading = true;
      next();
    }
  };
  readable._destroy = function (error, cb) {
    close(error).then(() => nextTick(cb, error), (e) => nextTick(cb, e || error));
  };
  async function close(error) {
    const hadError = error !== undefined && error !== null;
    if (hadError && typeof iter.throw === 'function') {
      const { value, done } = await iter.throw(error);
      await value;
      if (done) return;
    }
    if (typeof iter.return === 'function') {
      const { value } = await iter.return();
      await value;
    }
  }
  async function next() {
    for (;;) {
      try {
        const { value, done } = isAsync ? await iter.next() : iter.next();
        if (done) {
          readable.push(null);
        } else {
          const res = value && typeof value.then === 'function' ? await value : value;
          if (res === null) {
            reading = false;
            throw codes.nullValues();
          } else if (readable.push(res)) {
            continue;
          } else {
            reading = false;
          }
        }
      } catch (err) {
        readable.destroy(err);
      }
      break;
    }
  }
  return readable;
}

module.exports = { readableIterator, iterator, from };
