// internal/streams/writable: `stream.Writable`. A port of our Rust crate's writable
// algorithm (crates/streams/src/write.rs and finish.rs — node's writable.js semantics):
// write/buffering, cork/uncork batching through _writev, 'drain', end, _final,
// 'prefinish'/'finish' and auto-destroy.
'use strict';

const Stream = internal.requireBuiltin('internal/streams/legacy', true);
const S = internal.requireBuiltin('internal/streams/state', true);

const { codes, nextTick, errorOrDestroy } = S;
const kOnFinished = Symbol('kOnFinished');
const kAfterWritePending = Symbol('kAfterWritePending');
function nop() {}

function WritableState(options, stream, isDuplex) {
  if (typeof isDuplex !== 'boolean') isDuplex = !!(stream && stream._readableState);
  this.objectMode = !!(options && options.objectMode);
  if (isDuplex) this.objectMode = this.objectMode || !!(options && options.writableObjectMode);
  this.highWaterMark = options
    ? S.highWaterMarkOf(options, isDuplex, 'writableHighWaterMark', this.objectMode)
    : S.getDefaultHighWaterMark(false);
  this.finalCalled = false;
  this.needDrain = false;
  this.ending = false;
  this.ended = false;
  this.finished = false;
  this.destroyed = false;
  this.decodeStrings = !(options && options.decodeStrings === false);
  this.defaultEncoding = (options && options.defaultEncoding) || 'utf8';
  this.length = 0;
  this.writing = false;
  this.corked = 0;
  this.sync = true;
  this.bufferProcessing = false;
  this.onwrite = onwriteFor(stream);
  this.writecb = null;
  this.writelen = 0;
  this.buffered = [];
  this.bufferedIndex = 0;
  this.allBuffers = true;
  this.allNoop = true;
  this.pendingcb = 0;
  this.constructed = true;
  this.prefinished = false;
  this.errorEmitted = false;
  this.emitClose = !options || options.emitClose !== false;
  this.autoDestroy = !options || options.autoDestroy !== false;
  this.errored = null;
  this.closed = false;
  this.closeEmitted = false;
  this[kOnFinished] = [];
  this[kAfterWritePending] = false;
  // The pending tick that runs the callbacks of synchronous writes (see onwrite).
  this.afterWriteTickInfo = null;
}
WritableState.prototype.getBuffer = function getBuffer() {
  return this.buffered.slice(this.bufferedIndex);
};
Object.defineProperty(WritableState.prototype, 'bufferedRequestCount', {
  configurable: true,
  get() { return this.buffered.length - this.bufferedIndex; },
});

function initWritable(stream, options, isDuplex) {
  stream._writableState = new WritableState(options, stream, isDuplex);
  if (options) {
    if (typeof options.write === 'function') stream._write = options.write;
    if (typeof options.writev === 'function') stream._writev = options.writev;
    if (typeof options.destroy === 'function') stream._destroy = options.destroy;
    if (typeof options.final === 'function') stream._final = options.final;
    if (typeof options.construct === 'function') stream._construct = options.construct;
  }
}

function afterConstruct(stream) {
  const state = stream._writableState;
  if (!state.writing) clearBuffer(stream, state);
  finishMaybe(stream, state, false);
}

function Writable(options) {
  // A Duplex is a Writable too (see Symbol.hasInstance below), but not by its prototype.
  if (!Function.prototype[Symbol.hasInstance].call(Writable, this) && !(this && this._readableState)) {
    return new Writable(options);
  }
  initWritable(this, options, false);
  Stream.call(this, options);
  if (options && options.signal !== undefined) {
    internal.requireBuiltin('internal/streams/finished', true).addAbortSignal(options.signal, this);
  }
  S.maybeConstruct(this, afterConstruct);
}
Object.setPrototypeOf(Writable.prototype, Stream.prototype);
Object.setPrototypeOf(Writable, Stream);
Writable.WritableState = WritableState;

Object.defineProperty(Writable, Symbol.hasInstance, {
  configurable: true,
  value(obj) {
    if (Function.prototype[Symbol.hasInstance].call(this, obj)) return true;
    if (this !== Writable) return false;
    return !!(obj && obj._writableState instanceof WritableState);
  },
});

Writable.prototype.pipe = function pipe() {
  errorOrDestroy(this, S.codes.cannotPipe());
};

function isEncoding(enc) {
  return Buffer.isEncoding(enc);
}

// node's _write: validates the chunk, refuses writes after end or destroy (returning the
// error, which write() turns into false), then writes or buffers. This runs once per chunk:
// each property read costs in QuickJS, so the state is read once per question, Buffers are
// recognised first (as node, `instanceof Buffer` before the Uint8Array check), and the
// write-or-buffer step is inline.
function writeChunk(stream, chunk, encoding, cb) {
  const state = stream._writableState;
  if (typeof encoding === 'function') {
    cb = encoding;
    encoding = null;
  }
  const objectMode = state.objectMode;
  // Object mode passes the encoding through as given.
  if (!objectMode) {
    if (!encoding) encoding = state.defaultEncoding;
    else if (encoding !== 'buffer' && !isEncoding(encoding)) throw codes.unknownEncoding(encoding);
  }
  if (typeof cb !== 'function') cb = nop;
  if (chunk === null) throw codes.nullValues();
  if (!objectMode) {
    if (chunk instanceof Buffer) {
      encoding = 'buffer';
    } else if (typeof chunk === 'string') {
      if (state.decodeStrings !== false) {
        chunk = Buffer.from(chunk, encoding);
        encoding = 'buffer';
      }
    } else if (chunk instanceof Uint8Array) {
      chunk = S.toBuffer(chunk);
      encoding = 'buffer';
    } else {
      throw codes.invalidChunk(chunk);
    }
  }
  let err;
  if (state.ending) err = codes.writeAfterEnd();
  else if (state.destroyed) err = codes.destroyed('write');
  if (err) {
    nextTick(cb, err);
    errorOrDestroy(stream, err, true);
    return err;
  }
  state.pendingcb++;
  // As node 20, the result is computed after a synchronous _write: a sink that completes at
  // once never reports backpressure.
  const len = objectMode ? 1 : chunk.length;
  state.length += len;
  if (state.writing || state.corked || state.errored || !state.constructed) {
    state.buffered.push({ chunk, encoding, callback: cb });
    if (state.allBuffers && encoding !== 'buffer') state.allBuffers = false;
    if (state.allNoop && cb !== nop) state.allNoop = false;
  } else {
    state.writelen = len;
    state.writecb = cb;
    state.writing = true;
    state.sync = true;
    stream._write(chunk, encoding, state.onwrite);
    state.sync = false;
  }
  const ret = state.length < state.highWaterMark;
  if (!ret) state.needDrain = true;
  return ret && !state.errored && !state.destroyed;
}

Writable.prototype.write = function write(chunk, encoding, cb) {
  return writeChunk(this, chunk, encoding, cb) === true;
};

function doWritev(stream, state, len, chunks, callback) {
  state.writelen = len;
  state.writecb = callback;
  state.writing = true;
  state.sync = true;
  if (state.destroyed) state.onwrite(codes.destroyed('write'));
  else stream._writev(chunks, state.onwrite);
  state.sync = false;
}

function doWrite(stream, state, len, chunk, encoding, callback) {
  state.writelen = len;
  state.writecb = callback;
  state.writing = true;
  state.sync = true;
  if (state.destroyed) state.onwrite(codes.destroyed('write'));
  else stream._write(chunk, encoding, state.onwrite);
  state.sync = false;
}

// node's onwrite: the callback of _write/_writev, one closure per stream (called once per
// chunk, so without a second call inside).
function onwriteFor(stream) {
  return function onwrite(er) {
    const state = stream._writableState;
    const sync = state.sync;
    const cb = state.writecb;
    if (typeof cb !== 'function') {
      errorOrDestroy(stream, codes.multipleCallback());
      return;
    }
    state.writing = false;
    state.writecb = null;
    state.length -= state.writelen;
    state.writelen = 0;
    if (er) {
      S.recordError(stream, er);
      if (sync) nextTick(onwriteError, stream, state, er, cb);
      else onwriteError(stream, state, er, cb);
      return;
    }
    if (state.buffered.length > state.bufferedIndex) clearBuffer(stream, state);
    if (sync) {
      // No tick when nothing needs one (no 'drain' due, no callback), as node.
      if (cb === nop && (state[kAfterWritePending] || !((state.needDrain && state.length === 0) || state.destroyed))) {
        state.pendingcb--;
        if (state.ending) finishMaybe(stream, state, true);
      } else if (state.afterWriteTickInfo !== null && state.afterWriteTickInfo.cb === cb) {
        // Synchronous writes with the same callback share one tick, as in node: their
        // callbacks run back to back, before ticks queued between the writes.
        state.afterWriteTickInfo.count++;
      } else {
        state[kAfterWritePending] = true;
        const info = { count: 1, cb, stream, state };
        state.afterWriteTickInfo = info;
        nextTick(afterWriteTick, info);
      }
    } else {
      afterWrite(stream, state, 1, cb);
    }
  };
}

function onwriteError(stream, state, er, cb) {
  --state.pendingcb;
  cb(er);
  errorBuffer(state);
  errorOrDestroy(stream, er);
}

function afterWriteTick(info) {
  const state = info.state;
  if (state.afterWriteTickInfo === info) state.afterWriteTickInfo = null;
  afterWrite(info.stream, state, info.count, info.cb);
}

// 'drain', the write callbacks, then maybe 'finish'.
function afterWrite(stream, state, count, cb) {
  state[kAfterWritePending] = false;
  const needDrain = !state.ending && !stream.destroyed && state.length === 0 && state.needDrain;
  if (needDrain) {
    state.needDrain = false;
    stream.emit('drain');
  }
  while (count-- > 0) {
    state.pendingcb--;
    cb(null);
  }
  if (state.destroyed) errorBuffer(state);
  // 'finish' comes on a later tick even here (as our crate's write.rs, matching node 20).
  if (state.ending) finishMaybe(stream, state, true);
}

// Fails every buffered write and pending end() callback of a destroyed stream.
function errorBuffer(state) {
  if (state.writing) return;
  for (let n = state.bufferedIndex; n < state.buffered.length; ++n) {
    const { chunk, callback } = state.buffered[n];
    state.length -= state.objectMode ? 1 : chunk.length;
    callback(state.errored ?? codes.destroyed('write'));
  }
  for (const cb of state[kOnFinished].splice(0)) cb(state.errored ?? codes.destroyed('end'));
  resetBuffer(state);
}

function resetBuffer(state) {
  state.buffered = [];
  state.bufferedIndex = 0;
  state.allBuffers = true;
  state.allNoop = true;
}

// Writes what cork() or a slow write held back, in one _writev when there is one.
function clearBuffer(stream, state) {
  if (state.corked || state.bufferProcessing || state.destroyed || !state.constructed) return;
  const { buffered, bufferedIndex, objectMode } = state;
  const count = buffered.length - bufferedIndex;
  if (!count) return;
  let i = bufferedIndex;
  state.bufferProcessing = true;
  if (count > 1 && stream._writev) {
    state.pendingcb -= count - 1;
    const callback = state.allNoop ? nop : (err) => {
      for (let n = i; n < buffered.length; ++n) buffered[n].callback(err);
    };
    const chunks = i === 0 ? buffered : buffered.slice(i);
    chunks.allBuffers = state.allBuffers;
    doWritev(stream, state, state.length, chunks, callback);
    resetBuffer(state);
  } else {
    do {
      const { chunk, encoding, callback } = buffered[i];
      buffered[i++] = null;
      doWrite(stream, state, objectMode ? 1 : chunk.length, chunk, encoding, callback);
    } while (i < buffered.length && !state.writing);
    if (i === buffered.length) resetBuffer(state);
    else if (i > 256) {
      buffered.splice(0, i);
      state.bufferedIndex = 0;
    } else {
      state.bufferedIndex = i;
    }
  }
  state.bufferProcessing = false;
}

Writable.prototype._write = function _write(chunk, encoding, cb) {
  if (this._writev) this._writev([{ chunk, encoding }], cb);
  else throw codes.methodNotImplemented('_write()');
};
Writable.prototype._writev = null;

Writable.prototype.cork = function cork() {
  this._writableState.corked++;
};

Writable.prototype.uncork = function uncork() {
  const state = this._writableState;
  if (state.corked) {
    state.corked--;
    if (!state.writing) clearBuffer(this, state);
  }
};

Writable.prototype.setDefaultEncoding = function setDefaultEncoding(encoding) {
  if (typeof encoding === 'string') encoding = encoding.toLowerCase();
  if (!isEncoding(encoding)) throw codes.unknownEncoding(encoding);
  this._writableState.defaultEncoding = encoding;
  return this;
};

Writable.prototype.end = function end(chunk, encoding, cb) {
  const state = this._writableState;
  if (typeof chunk === 'function') {
    cb = chunk;
    chunk = null;
    encoding = null;
  } else if (typeof encoding === 'function') {
    cb = encoding;
    encoding = null;
  }
  let err;
  if (chunk !== null && chunk !== undefined) {
    const ret = writeChunk(this, chunk, encoding);
    if (ret instanceof Error) err = ret;
  }
  if (state.corked) {
    state.corked = 1;
    this.uncork();
  }
  if (err) {
    // The write's error is reported below.
  } else if (!state.errored && !state.ending) {
    state.ending = true;
    finishMaybe(this, state, true);
    state.ended = true;
  } else if (state.finished) {
    err = codes.alreadyFinished('end');
  } else if (state.destroyed) {
    err = codes.destroyed('end');
  }
  if (typeof cb === 'function') {
    if (!err && !state.finished && state.errored) {
      // node 20: end(cb) on an errored stream calls back with that error.
      nextTick(cb, state.errored);
    } else if (err || state.finished) {
      nextTick(cb, err);
    } else {
      state[kOnFinished].push(cb);
    }
  }
  return this;
};

function needFinish(state) {
  return state.ending && !state.destroyed && state.constructed && state.length === 0 &&
    !state.errored && state.buffered.length === 0 && !state.finished && !state.writing &&
    !state.errorEmitted && !state.closeEmitted;
}

function callFinal(stream, state) {
  let called = false;
  function onFinish(err) {
    if (called) {
      errorOrDestroy(stream, err ?? codes.multipleCallback());
      return;
    }
    called = true;
    state.pendingcb--;
    if (err) {
      for (const cb of state[kOnFinished].splice(0)) cb(err);
      errorOrDestroy(stream, err, state.sync);
    } else if (needFinish(state)) {
      state.prefinished = true;
      stream.emit('prefinish');
      state.pendingcb++;
      nextTick(finish, stream, state);
    }
  }
  state.sync = true;
  state.pendingcb++;
  try {
    stream._final(onFinish);
  } catch (err) {
    onFinish(err);
  }
  state.sync = false;
}

function prefinish(stream, state) {
  if (state.prefinished || state.finalCalled) return;
  if (typeof stream._final === 'function' && !state.destroyed) {
    state.finalCalled = true;
    callFinal(stream, state);
  } else {
    state.prefinished = true;
    stream.emit('prefinish');
  }
}

function finishMaybe(stream, state, sync) {
  if (!needFinish(state)) return;
  prefinish(stream, state);
  if (state.pendingcb !== 0) return;
  if (sync) {
    state.pendingcb++;
    nextTick((s, st) => {
      if (needFinish(st)) finish(s, st);
      else st.pendingcb--;
    }, stream, state);
  } else if (needFinish(state)) {
    state.pendingcb++;
    finish(stream, state);
  }
}

function finish(stream, state) {
  state.pendingcb--;
  state.finished = true;
  for (const cb of state[kOnFinished].splice(0)) cb(null);
  stream.emit('finish');
  if (state.autoDestroy) {
    const r = stream._readableState;
    if (!r || (r.autoDestroy && (r.endEmitted || r.readable === false))) stream.destroy();
  }
}

Writable.prototype.destroy = function destroy(err, cb) {
  const state = this._writableState;
  // Queued writes fail on the next tick (node's Writable.prototype.destroy).
  if (!state.destroyed && (state.bufferedIndex < state.buffered.length || state[kOnFinished].length)) {
    nextTick(errorBuffer, state);
  }
  S.destroy.call(this, err, cb);
  return this;
};
Writable.prototype._undestroy = S.undestroy;
Writable.prototype._destroy = function _destroy(err, cb) {
  cb(err);
};
Writable.prototype[Symbol.for('nodejs.rejection')] = function (err) {
  this.destroy(err);
};

const getters = {
  closed() { return this._writableState ? this._writableState.closed : false; },
  destroyed: [function () { return this._writableState ? this._writableState.destroyed : false; },
    function (v) { if (this._writableState) this._writableState.destroyed = v; }],
  writable: [function () {
    const w = this._writableState;
    return !!w && w.writable !== false && !w.destroyed && !w.errored && !w.ending && !w.ended;
  }, function (val) { if (this._writableState) this._writableState.writable = !!val; }],
  writableFinished() { return this._writableState ? this._writableState.finished : false; },
  writableObjectMode() { return this._writableState ? this._writableState.objectMode : false; },
  writableBuffer() { return this._writableState && this._writableState.getBuffer(); },
  writableEnded() { return this._writableState ? this._writableState.ending : false; },
  writableNeedDrain() {
    const w = this._writableState;
    return w ? !w.destroyed && !w.ending && w.needDrain : false;
  },
  writableHighWaterMark() { return this._writableState && this._writableState.highWaterMark; },
  writableCorked() { return this._writableState ? this._writableState.corked : 0; },
  writableLength() { return this._writableState && this._writableState.length; },
  errored() { return this._writableState ? this._writableState.errored : null; },
  writableAborted() {
    const w = this._writableState;
    return !!(w.writable !== false && (w.destroyed || w.errored) && !w.finished);
  },
};
for (const [name, g] of Object.entries(getters)) {
  const [get, set] = Array.isArray(g) ? g : [g];
  Object.defineProperty(Writable.prototype, name, { configurable: true, enumerable: false, get, set });
}

module.exports = { Writable, WritableState, initWritable, afterConstruct };
