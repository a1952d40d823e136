// internal/streams/readable: `stream.Readable`. A port of our Rust crate's readable
// algorithm (crates/streams/src/read.rs and flow.rs — node's readable.js semantics) onto
// the JS object: push/unshift/read(n), 'readable' and flowing ('data') modes, read-ahead up
// to highWaterMark, setEncoding and the end of the stream. Listeners run synchronously
// inside the algorithm, as in node (a 'data' listener calling pause() stops the flow loop).
'use strict';

const Stream = internal.requireBuiltin('internal/streams/legacy', true);
const S = internal.requireBuiltin('internal/streams/state', true);
const { StringDecoder } = require('string_decoder');

const { codes, nextTick, errorOrDestroy } = S;
const kPaused = Symbol('kPaused');

// Node's `computeNewHighWaterMark`: the next power of two, capped at 1 GiB.
function computeNewHighWaterMark(n) {
  const MAX = 0x40000000;
  if (n >= MAX) return MAX;
  let p = 1;
  while (p < n) p *= 2;
  return p;
}

function ReadableState(options, stream, isDuplex) {
  if (typeof isDuplex !== 'boolean') isDuplex = !!(stream && stream._writableState);
  this.objectMode = !!(options && options.objectMode);
  if (isDuplex) this.objectMode = this.objectMode || !!(options && options.readableObjectMode);
  this.highWaterMark = options
    ? S.highWaterMarkOf(options, isDuplex, 'readableHighWaterMark', this.objectMode)
    : S.getDefaultHighWaterMark(false);
  this.buffer = [];
  this.length = 0;
  this.pipes = [];
  this.flowing = null;
  this.ended = false;
  this.endEmitted = false;
  this.reading = false;
  this.constructed = true;
  // Nothing deferred may happen before the first read (node starts `sync` true).
  this.sync = true;
  this.needReadable = false;
  this.emittedReadable = false;
  this.readableListening = false;
  this.resumeScheduled = false;
  this.errorEmitted = false;
  this.emitClose = !options || options.emitClose !== false;
  this.autoDestroy = !options || options.autoDestroy !== false;
  this.destroyed = false;
  this.errored = null;
  this.closed = false;
  this.closeEmitted = false;
  this.defaultEncoding = (options && options.defaultEncoding) || 'utf8';
  // null, the one destination a pipe waits for, or a Set of them (several pipes).
  this.awaitDrainWriters = null;
  this.multiAwaitDrain = false;
  this.readingMore = false;
  this.dataEmitted = false;
  this.decoder = null;
  this.encoding = null;
  this[kPaused] = null;
  if (options && options.encoding) {
    this.decoder = new StringDecoder(options.encoding);
    this.encoding = this.decoder.encoding;
  }
}
// Fields and options shared by Readable and Duplex.
function initReadable(stream, options, isDuplex) {
  stream._readableState = new ReadableState(options, stream, isDuplex);
  if (options) {
    if (typeof options.read === 'function') stream._read = options.read;
    if (typeof options.destroy === 'function') stream._destroy = options.destroy;
    if (typeof options.construct === 'function') stream._construct = options.construct;
  }
}

function afterConstruct(stream) {
  const state = stream._readableState;
  if (state.needReadable) maybeReadMore(stream, state);
}

function Readable(options) {
  if (!(this instanceof Readable)) return new Readable(options);
  initReadable(this, options, false);
  Stream.call(this, options);
  if (options && options.signal !== undefined) {
    internal.requireBuiltin('internal/streams/finished', true).addAbortSignal(options.signal, this);
  }
  S.maybeConstruct(this, afterConstruct);
}
Object.setPrototypeOf(Readable.prototype, Stream.prototype);
Object.setPrototypeOf(Readable, Stream);
Readable.ReadableState = ReadableState;

Readable.prototype.destroy = S.destroy;
Readable.prototype._undestroy = S.undestroy;
Readable.prototype._destroy = function _destroy(err, cb) {
  cb(err);
};
Readable.prototype[Symbol.for('nodejs.rejection')] = function (err) {
  this.destroy(err);
};

Readable.prototype.push = function push(chunk, encoding) {
  return addChunk(this, chunk, encoding, false);
};
Readable.prototype.unshift = function unshift(chunk, encoding) {
  return addChunk(this, chunk, encoding, true);
};

// node's readableAddChunk: push(chunk), push(null) and unshift(chunk). Once per chunk:
// Buffers are recognised first (as node), the mode is read once.
function addChunk(stream, chunk, encoding, toFront) {
  const state = stream._readableState;
  const objectMode = state.objectMode;
  if (!objectMode) {
    if (chunk instanceof Buffer) {
      encoding = '';
    } else if (typeof chunk === 'string') {
      encoding = encoding || state.defaultEncoding;
      if (state.encoding !== encoding) {
        if (toFront && state.encoding) {
          chunk = Buffer.from(chunk, encoding).toString(state.encoding);
        } else {
          chunk = Buffer.from(chunk, encoding);
          encoding = '';
        }
      }
    } else if (chunk instanceof Uint8Array) {
      chunk = S.toBuffer(chunk);
      encoding = '';
    } else if (chunk != null) {
      errorOrDestroy(stream, codes.invalidChunk(chunk));
      return false;
    }
  }
  if (chunk === null) {
    state.reading = false;
    onEofChunk(stream, state);
  } else if (objectMode || (chunk && chunk.length > 0)) {
    if (toFront) {
      if (state.endEmitted) errorOrDestroy(stream, codes.unshiftAfterEnd());
      else if (state.destroyed || state.errored) return false;
      else addToBuffer(stream, state, chunk, true);
    } else if (state.ended) {
      errorOrDestroy(stream, codes.pushAfterEof());
    } else if (state.destroyed || state.errored) {
      return false;
    } else {
      state.reading = false;
      if (state.decoder && !encoding) {
        chunk = state.decoder.write(chunk);
        if (objectMode || chunk.length !== 0) addToBuffer(stream, state, chunk, false);
        else maybeReadMore(stream, state);
      } else {
        addToBuffer(stream, state, chunk, false);
      }
    }
  } else if (!toFront) {
    state.reading = false;
    maybeReadMore(stream, state);
  }
  return !state.ended && (state.length < state.highWaterMark || state.length === 0);
}

function clearAwaitDrain(state) {
  if (state.multiAwaitDrain) state.awaitDrainWriters.clear();
  else state.awaitDrainWriters = null;
}

// node's addChunk: straight to 'data' when flowing with nothing buffered, else buffered.
function addToBuffer(stream, state, chunk, toFront) {
  if (state.flowing && state.length === 0 && !state.sync && stream.listenerCount('data') > 0) {
    if (state.multiAwaitDrain) state.awaitDrainWriters.clear();
    else state.awaitDrainWriters = null;
    state.dataEmitted = true;
    stream.emit('data', chunk);
  } else {
    state.length += state.objectMode ? 1 : chunk.length;
    if (toFront) state.buffer.unshift(chunk);
    else state.buffer.push(chunk);
    if (state.needReadable) emitReadable(stream);
  }
  // maybeReadMore's test inline: per chunk, a read-ahead is usually already scheduled.
  if (!state.readingMore && state.constructed) maybeReadMore(stream, state);
}

function onEofChunk(stream, state) {
  if (state.ended) return;
  if (state.decoder) {
    const rest = state.decoder.end();
    if (rest && rest.length) {
      state.buffer.push(rest);
      state.length += state.objectMode ? 1 : rest.length;
    }
  }
  state.ended = true;
  if (state.sync) {
    emitReadable(stream);
  } else {
    state.needReadable = false;
    state.emittedReadable = true;
    emitReadableNow(stream);
  }
}

// node's howMuchToRead; NaN is read() without a size.
function howMuchToRead(n, state) {
  if (n <= 0 || (state.length === 0 && state.ended)) return 0;
  if (state.objectMode) return 1;
  // `n !== n`: NaN without a global lookup and a native call (this runs per chunk).
  if (n !== n) {
    if (state.flowing && state.length) return state.buffer[0].length;
    return state.length;
  }
  if (n <= state.length) return n;
  return state.ended ? state.length : 0;
}

// node's fromList: takes `n` units (bytes, characters or one object) off the buffer.
function fromList(n, state) {
  if (state.length === 0) return null;
  const buf = state.buffer;
  if (state.objectMode) return buf.shift();
  if (n >= state.length) {
    let ret;
    if (buf.length === 1) ret = buf[0];
    else if (state.decoder) ret = buf.join('');
    else ret = Buffer.concat(buf, state.length);
    state.buffer = [];
    return ret;
  }
  const first = buf[0];
  if (n < first.length) {
    buf[0] = state.decoder ? first.slice(n) : first.subarray(n);
    return state.decoder ? first.slice(0, n) : first.subarray(0, n);
  }
  if (n === first.length) return buf.shift();
  if (state.decoder) {
    let s = '';
    while (s.length < n) {
      const c = buf[0];
      const need = n - s.length;
      if (c.length <= need) {
        s += c;
        buf.shift();
      } else {
        s += c.slice(0, need);
        buf[0] = c.slice(need);
      }
    }
    return s;
  }
  const out = Buffer.allocUnsafe(n);
  let off = 0;
  while (off < n) {
    const c = buf[0];
    const take = Math.min(c.length, n - off);
    out.set(take === c.length ? c : c.subarray(0, take), off);
    off += take;
    if (take === c.length) buf.shift();
    else buf[0] = c.subarray(take);
  }
  return out;
}

// Runs once per chunk in flowing mode. Fields that cannot change before `_read` is called
// are read into locals once (each property read costs in QuickJS); after `_read` (which may
// push synchronously) everything is read afresh.
Readable.prototype.read = function read(n) {
  if (n === undefined) n = NaN;
  else if (!Number.isInteger(n)) n = Number.parseInt(n, 10);
  const state = this._readableState;
  const nOrig = n;
  let hwm = state.highWaterMark;
  if (n > hwm) hwm = state.highWaterMark = computeNewHighWaterMark(n);
  if (n !== 0) state.emittedReadable = false;
  let length = state.length;
  const ended = state.ended;
  // read(0) with enough buffered only signals 'readable' (or the end).
  if (n === 0 && state.needReadable && ((hwm !== 0 ? length >= hwm : length > 0) || ended)) {
    if (length === 0 && ended) endReadable(this);
    else emitReadable(this);
    return null;
  }
  n = howMuchToRead(n, state);
  if (n === 0 && ended) {
    if (length === 0) endReadable(this);
    return null;
  }
  let doRead = state.needReadable;
  if (length === 0 || length - n < hwm) doRead = true;
  if (ended || state.reading || state.destroyed || state.errored || !state.constructed) {
    doRead = false;
  } else if (doRead) {
    state.reading = true;
    state.sync = true;
    if (length === 0) state.needReadable = true;
    try {
      this._read(hwm);
    } catch (err) {
      errorOrDestroy(this, err);
    }
    state.sync = false;
    // A synchronous push may have filled the buffer: recompute.
    if (!state.reading) n = howMuchToRead(nOrig, state);
  }
  const ret = n > 0 ? fromList(n, state) : null;
  length = state.length;
  if (ret === null) {
    state.needReadable = length <= state.highWaterMark;
    n = 0;
  } else {
    length -= n;
    state.length = length;
    if (state.multiAwaitDrain) state.awaitDrainWriters.clear();
    else state.awaitDrainWriters = null;
  }
  if (length === 0) {
    if (!state.ended) state.needReadable = true;
    if (nOrig !== n && state.ended) endReadable(this);
  }
  if (ret !== null && !state.errorEmitted && !state.closeEmitted) {
    state.dataEmitted = true;
    this.emit('data', ret);
  }
  return ret;
};

Readable.prototype._read = function _read() {
  throw codes.methodNotImplemented('_read()');
};

// node's emitReadable: 'readable' once, on the next tick.
function emitReadable(stream) {
  const state = stream._readableState;
  state.needReadable = false;
  if (!state.emittedReadable) {
    state.emittedReadable = true;
    nextTick(emitReadableNow, stream);
  }
}

function emitReadableNow(stream) {
  const state = stream._readableState;
  if (!state.destroyed && !state.errored && (state.length || state.ended)) {
    stream.emit('readable');
    state.emittedReadable = false;
  }
  state.needReadable = !state.flowing && !state.ended && state.length <= state.highWaterMark;
  flow(stream);
}

// node's maybeReadMore: read ahead up to highWaterMark on the next tick.
function maybeReadMore(stream, state) {
  if (!state.readingMore && state.constructed) {
    state.readingMore = true;
    nextTick(maybeReadMoreNow, stream, state);
  }
}

function maybeReadMoreNow(stream, state) {
  while (!state.reading && !state.ended &&
         (state.length < state.highWaterMark || (state.flowing && state.length === 0))) {
    const len = state.length;
    stream.read(0);
    if (len === state.length) break;
  }
  state.readingMore = false;
}

function endReadable(stream) {
  const state = stream._readableState;
  if (!state.endEmitted) {
    state.ended = true;
    nextTick(endReadableNT, state, stream);
  }
}

// 'end', then the half-open rule of a duplex or auto-destroy.
function endReadableNT(state, stream) {
  if (state.errored || state.closeEmitted || state.endEmitted || state.length !== 0) return;
  state.endEmitted = true;
  stream.emit('end');
  if (stream.writable && stream.allowHalfOpen === false) {
    nextTick(endWritableNT, stream);
  } else if (state.autoDestroy) {
    const w = stream._writableState;
    if (!w || (w.autoDestroy && (w.finished || w.writable === false))) stream.destroy();
  }
}

function endWritableNT(stream) {
  if (stream.writable && !stream.writableEnded && !stream.destroyed) stream.end();
}

function flow(stream) {
  const state = stream._readableState;
  while (state.flowing && stream.read() !== null);
}

Readable.prototype.resume = function resume() {
  const state = this._readableState;
  if (!state.flowing) {
    // Flowing only if no 'readable' listener holds the stream in paused mode.
    state.flowing = !state.readableListening;
    if (!state.resumeScheduled) {
      state.resumeScheduled = true;
      nextTick(resumeNT, this, state);
    }
  }
  state[kPaused] = false;
  return this;
};

function resumeNT(stream, state) {
  if (!state.reading) stream.read(0);
  state.resumeScheduled = false;
  stream.emit('resume');
  flow(stream);
  if (state.flowing && !state.reading) stream.read(0);
}

Readable.prototype.pause = function pause() {
  const state = this._readableState;
  if (state.flowing !== false) {
    state.flowing = false;
    this.emit('pause');
  }
  state[kPaused] = true;
  return this;
};

Readable.prototype.isPaused = function isPaused() {
  const state = this._readableState;
  return state[kPaused] === true || state.flowing === false;
};

Readable.prototype.setEncoding = function setEncoding(enc) {
  const state = this._readableState;
  const decoder = new StringDecoder(enc);
  state.decoder = decoder;
  state.encoding = decoder.encoding;
  // What is buffered is decoded now, so read() returns strings from here on.
  let content = '';
  for (const data of state.buffer) content += decoder.write(data);
  state.buffer = content === '' ? [] : [content];
  state.length = content.length;
  return this;
};

// Adding a 'data' listener starts the flow; a 'readable' listener switches to paused mode.
Readable.prototype.on = function on(ev, fn) {
  const res = Stream.prototype.on.call(this, ev, fn);
  const state = this._readableState;
  if (ev === 'data') {
    state.readableListening = this.listenerCount('readable') > 0;
    if (state.flowing !== false) this.resume();
  } else if (ev === 'readable') {
    if (!state.endEmitted && !state.readableListening) {
      state.readableListening = state.needReadable = true;
      state.flowing = false;
      state.emittedReadable = false;
      if (state.length) emitReadable(this);
      else if (!state.reading) nextTick((s) => s.read(0), this);
    }
  }
  return res;
};
Readable.prototype.addListener = Readable.prototype.on;

Readable.prototype.removeListener = function removeListener(ev, fn) {
  const res = Stream.prototype.removeListener.call(this, ev, fn);
  if (ev === 'readable') nextTick(updateReadableListening, this);
  return res;
};
Readable.prototype.off = Readable.prototype.removeListener;

Readable.prototype.removeAllListeners = function removeAllListeners(ev) {
  const res = Stream.prototype.removeAllListeners.apply(this, arguments);
  if (ev === 'readable' || ev === undefined) nextTick(updateReadableListening, this);
  return res;
};

function updateReadableListening(stream) {
  const state = stream._readableState;
  state.readableListening = stream.listenerCount('readable') > 0;
  if (state.resumeScheduled && state[kPaused] === false) {
    // A resume is on its way: it starts flowing.
    state.flowing = true;
  } else if (stream.listenerCount('data') > 0) {
    stream.resume();
  } else if (!state.readableListening) {
    state.flowing = null;
  }
}

// Wraps an old-style stream (only 'data'/'end' events) as this Readable.
Readable.prototype.wrap = function wrap(stream) {
  let paused = false;
  stream.on('data', (chunk) => {
    if (!this.push(chunk) && stream.pause) {
      paused = true;
      stream.pause();
    }
  });
  stream.on('end', () => this.push(null));
  stream.on('error', (err) => errorOrDestroy(this, err));
  stream.on('close', () => this.destroy());
  stream.on('destroy', () => this.destroy());
  this._read = () => {
    if (paused && stream.resume) {
      paused = false;
      stream.resume();
    }
  };
  for (const key of Object.keys(stream)) {
    if (this[key] === undefined && typeof stream[key] === 'function') this[key] = stream[key].bind(stream);
  }
  return this;
};

function getter(name, get, set) {
  const desc = { configurable: true, enumerable: false, get };
  if (set) desc.set = set;
  Object.defineProperty(Readable.prototype, name, desc);
}
getter('readable', function () {
  const r = this._readableState;
  return !!r && r.readable !== false && !r.destroyed && !r.errorEmitted && !r.endEmitted;
}, function (val) {
  if (this._readableState) this._readableState.readable = !!val;
});
getter('readableDidRead', function () { return this._readableState.dataEmitted; });
getter('readableAborted', function () {
  const r = this._readableState;
  return !!(r.readable !== false && (r.destroyed || r.errored) && !r.endEmitted);
});
getter('readableHighWaterMark', function () { return this._readableState.highWaterMark; });
getter('readableBuffer', function () { return this._readableState && this._readableState.buffer; });
getter('readableFlowing', function () { return this._readableState.flowing; }, function (v) {
  if (this._readableState) this._readableState.flowing = v;
});
getter('readableLength', function () { return this._readableState ? this._readableState.length : undefined; });
getter('readableObjectMode', function () { return this._readableState ? this._readableState.objectMode : false; });
getter('readableEncoding', function () { return this._readableState ? this._readableState.encoding : null; });
getter('errored', function () { return this._readableState ? this._readableState.errored : null; });
getter('closed', function () { return this._readableState ? this._readableState.closed : false; });
getter('destroyed', function () { return this._readableState ? this._readableState.destroyed : false; }, function (v) {
  if (this._readableState) this._readableState.destroyed = v;
});
getter('readableEnded', function () { return this._readableState ? this._readableState.endEmitted : false; });

module.exports = { Readable, ReadableState, initReadable, afterConstruct, clearAwaitDrain };
