// internal/streams/state: what every stream class shares — node's stream error codes, the
// highWaterMark defaults, destroy()/errorOrDestroy and `_construct`. The algorithm is the
// one of our Rust crate (crates/streams/src/destroy.rs, construct.rs, core.rs), which
// follows node's lib/internal/streams/destroy.js; here it runs on the JS objects users see,
// with node's `_readableState`/`_writableState` fields.
'use strict';

const { errors } = internal;
const nextTick = process.nextTick;

// ---- errors ------------------------------------------------------------------------
const make = (Base, code, message) => errors.make(Base, code, message);
const codes = {
  pushAfterEof: () => make(Error, 'ERR_STREAM_PUSH_AFTER_EOF', 'stream.push() after EOF'),
  unshiftAfterEnd: () => make(Error, 'ERR_STREAM_UNSHIFT_AFTER_END_EVENT', 'stream.unshift() after end event'),
  writeAfterEnd: () => make(Error, 'ERR_STREAM_WRITE_AFTER_END', 'write after end'),
  destroyed: (method) => make(Error, 'ERR_STREAM_DESTROYED', `Cannot call ${method} after a stream was destroyed`),
  alreadyFinished: (method) => make(Error, 'ERR_STREAM_ALREADY_FINISHED', `Cannot call ${method} after a stream was finished`),
  nullValues: () => make(TypeError, 'ERR_STREAM_NULL_VALUES', 'May not write null values to stream'),
  multipleCallback: () => make(Error, 'ERR_MULTIPLE_CALLBACK', 'Callback called multiple times'),
  prematureClose: () => make(Error, 'ERR_STREAM_PREMATURE_CLOSE', 'Premature close'),
  methodNotImplemented: (method) => make(Error, 'ERR_METHOD_NOT_IMPLEMENTED', `The ${method} method is not implemented`),
  cannotPipe: () => make(Error, 'ERR_STREAM_CANNOT_PIPE', 'Cannot pipe, not readable'),
  missingArgs: (name) => make(TypeError, 'ERR_MISSING_ARGS', `The "${name}" argument must be specified`),
  invalidReturnValue: (input, name, value) => make(TypeError, 'ERR_INVALID_RETURN_VALUE',
    `Expected ${input} to be returned from the "${name}" function but got ${specificType(value)}.`),
  unknownEncoding: (enc) => make(TypeError, 'ERR_UNKNOWN_ENCODING', `Unknown encoding: ${enc}`),
  invalidChunk: (chunk) => errors.invalidArgTypeText('chunk',
    'of type string or an instance of Buffer, TypedArray, or DataView', chunk),
  abort: (cause) => errors.abort(cause),
};

// How node's messages name a received value (its determineSpecificType).
function specificType(value) {
  if (value === null || value === undefined) return String(value);
  if (typeof value === 'function') return `function ${value.name}`;
  if (typeof value === 'object') {
    if (value.constructor && value.constructor.name) return `an instance of ${value.constructor.name}`;
    return internal.inspect(value, { depth: -1 });
  }
  let shown = internal.inspect(value, { colors: false });
  if (shown.length > 28) shown = `${shown.slice(0, 25)}...`;
  return `type ${typeof value} (${shown})`;
}

function validateFunction(value, name) {
  if (typeof value !== 'function') throw errors.invalidArgType(name, 'Function', value);
}
function validateObject(value, name) {
  if (value === null || typeof value !== 'object') throw errors.invalidArgType(name, 'Object', value);
}
function validateAbortSignal(signal, name) {
  if (signal !== undefined && (signal === null || typeof signal !== 'object' || !('aborted' in signal))) {
    throw errors.invalidArgType(name, 'AbortSignal', signal);
  }
}

// ---- Buffer ------------------------------------------------------------------------
// A Uint8Array that is not a Buffer, seen as one over the same memory (node's
// Stream._uint8ArrayToBuffer).
function toBuffer(chunk) {
  if (chunk instanceof Buffer) return chunk;
  return Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
}

// ---- highWaterMark -------------------------------------------------------------------
let defaultBytes = 16 * 1024;
let defaultObjects = 16;

function getDefaultHighWaterMark(objectMode) {
  return objectMode ? defaultObjects : defaultBytes;
}
function setDefaultHighWaterMark(objectMode, value) {
  if (typeof value !== 'number') throw errors.invalidArgType('value', 'number', value);
  if (!Number.isInteger(value)) throw errors.outOfRange('value', 'an integer', value);
  if (value < 0) throw errors.outOfRange('value', '>= 0', value);
  if (objectMode) defaultObjects = value;
  else defaultBytes = value;
}
// `options.highWaterMark`, or for one side of a duplex `options[sideKey]`.
function highWaterMarkOf(options, isDuplex, sideKey, objectMode) {
  let hwm = options.highWaterMark;
  if (hwm == null && isDuplex) hwm = options[sideKey];
  if (hwm == null) return getDefaultHighWaterMark(objectMode);
  if (!Number.isInteger(hwm) || hwm < 0) {
    const name = options.highWaterMark != null ? 'options.highWaterMark' : `options.${sideKey}`;
    throw make(TypeError, 'ERR_INVALID_ARG_VALUE',
      `The property '${name}' is invalid. Received ${internal.inspect(hwm)}`);
  }
  return Math.floor(hwm);
}

// ---- destroy -------------------------------------------------------------------------
const kPendingDestroy = Symbol('kPendingDestroy');

function sides(stream) {
  return [stream._readableState, stream._writableState];
}
function isDestroyed(stream) {
  const [r, w] = sides(stream);
  return (w !== undefined && w.destroyed) || (r !== undefined && r.destroyed);
}
// Records the first error on both sides.
function recordError(stream, err) {
  if (!err) return;
  const [r, w] = sides(stream);
  if (w !== undefined && !w.errored) w.errored = err;
  if (r !== undefined && !r.errored) r.errored = err;
}

// `stream.destroy(err, cb)`: marks both sides destroyed, then `_destroy` (once
// `_construct` has called back), then 'error' and 'close' on the next tick.
function destroy(err, cb) {
  const [r, w] = sides(this);
  if (isDestroyed(this)) {
    if (typeof cb === 'function') cb();
    return this;
  }
  recordError(this, err);
  if (w !== undefined) w.destroyed = true;
  if (r !== undefined) r.destroyed = true;
  if ((w || r).constructed === false) {
    this[kPendingDestroy] = [err, cb];
  } else {
    runDestroy(this, err, cb);
  }
  return this;
}

function runDestroy(stream, err, cb) {
  let called = false;
  const onDestroy = (e) => {
    if (called) return;
    called = true;
    recordError(stream, e);
    const [r, w] = sides(stream);
    if (w !== undefined) w.closed = true;
    if (r !== undefined) r.closed = true;
    if (typeof cb === 'function') cb(e);
    if (e) nextTick(emitErrorCloseNT, stream, e);
    else nextTick(emitCloseNT, stream);
  };
  try {
    stream._destroy(err || null, onDestroy);
  } catch (e) {
    onDestroy(e);
  }
}

function emitErrorCloseNT(stream, err) {
  emitErrorNT(stream, err);
  emitCloseNT(stream);
}

function emitCloseNT(stream) {
  const [r, w] = sides(stream);
  if (w !== undefined) w.closeEmitted = true;
  if (r !== undefined) r.closeEmitted = true;
  if ((w !== undefined && w.emitClose) || (r !== undefined && r.emitClose)) stream.emit('close');
}

function emitErrorNT(stream, err) {
  const [r, w] = sides(stream);
  if ((w !== undefined && w.errorEmitted) || (r !== undefined && r.errorEmitted)) return;
  if (w !== undefined) w.errorEmitted = true;
  if (r !== undefined) r.errorEmitted = true;
  stream.emit('error', err);
}

// node's errorOrDestroy: destroy with `err` under autoDestroy, otherwise record it and
// emit 'error' (on the next tick when `sync`).
function errorOrDestroy(stream, err, sync) {
  const [r, w] = sides(stream);
  if (isDestroyed(stream)) return;
  if ((r !== undefined && r.autoDestroy) || (w !== undefined && w.autoDestroy)) {
    stream.destroy(err);
  } else if (err) {
    recordError(stream, err);
    if (sync) nextTick(emitErrorNT, stream, err);
    else emitErrorNT(stream, err);
  }
}

// Resets the bookkeeping so a destroyed stream can be reused (node's undestroy, used by
// net.Socket before connect).
function undestroy() {
  const [r, w] = sides(this);
  if (r !== undefined) {
    r.constructed = true; r.closed = false; r.closeEmitted = false; r.destroyed = false;
    r.errored = null; r.errorEmitted = false; r.reading = false;
    r.ended = r.readable === false; r.endEmitted = r.readable === false;
  }
  if (w !== undefined) {
    w.constructed = true; w.destroyed = false; w.closed = false; w.closeEmitted = false;
    w.errored = null; w.errorEmitted = false; w.finalCalled = false; w.prefinished = false;
    w.ended = w.writable === false; w.ending = w.writable === false; w.finished = w.writable === false;
  }
}

// Destroys anything stream-like: node streams, requests (abort), or emitters with close().
function destroyer(stream, err) {
  if (!stream || isDestroyed(stream)) return;
  if (typeof stream.destroy === 'function') stream.destroy(err);
  else if (typeof stream.close === 'function') stream.close();
}

// ---- _construct ------------------------------------------------------------------------
// Called once by each constructor: a `_construct` runs on the next tick; reads, writes, end
// and destroy wait for its callback.
function maybeConstruct(stream, afterConstruct) {
  if (typeof stream._construct !== 'function') return;
  const [r, w] = sides(stream);
  if (r !== undefined) r.constructed = false;
  if (w !== undefined) w.constructed = false;
  nextTick(constructNT, stream, afterConstruct);
}

function constructNT(stream, afterConstruct) {
  let called = false;
  const onConstruct = (err) => {
    if (called) {
      errorOrDestroy(stream, err ?? codes.multipleCallback());
      return;
    }
    called = true;
    const [r, w] = sides(stream);
    if (r !== undefined) r.constructed = true;
    if (w !== undefined) w.constructed = true;
    if (isDestroyed(stream)) {
      const pending = stream[kPendingDestroy];
      stream[kPendingDestroy] = undefined;
      const [perr, pcb] = pending || [];
      runDestroy(stream, err || perr, pcb);
    } else if (err) {
      errorOrDestroy(stream, err, true);
    } else {
      afterConstruct(stream);
    }
  };
  try {
    stream._construct((err) => nextTick(onConstruct, err));
  } catch (err) {
    nextTick(onConstruct, err);
  }
}

// ---- stream kinds (node's lib/internal/streams/utils.js predicates) -------------------
function isReadableNodeStream(obj, strict = false) {
  return !!(obj && typeof obj.pipe === 'function' && typeof obj.on === 'function' &&
    (!strict || (typeof obj.pause === 'function' && typeof obj.resume === 'function')) &&
    (!obj._writableState || (obj._readableState && obj._readableState.readable !== false)) &&
    (!obj._writableState || obj._readableState));
}
function isWritableNodeStream(obj) {
  return !!(obj && typeof obj.write === 'function' && typeof obj.on === 'function' &&
    (!obj._readableState || (obj._writableState && obj._writableState.writable !== false)));
}
function isNodeStream(obj) {
  return !!(obj && (obj._readableState || obj._writableState ||
    (typeof obj.write === 'function' && typeof obj.on === 'function') ||
    (typeof obj.pipe === 'function' && typeof obj.on === 'function')));
}
function isIterable(obj, isAsync) {
  if (obj == null) return false;
  if (isAsync === true) return typeof obj[Symbol.asyncIterator] === 'function';
  if (isAsync === false) return typeof obj[Symbol.iterator] === 'function';
  return typeof obj[Symbol.asyncIterator] === 'function' || typeof obj[Symbol.iterator] === 'function';
}

module.exports = {
  codes,
  nextTick,
  validateFunction,
  validateObject,
  validateAbortSignal,
  toBuffer,
  getDefaultHighWaterMark,
  setDefaultHighWaterMark,
  highWaterMarkOf,
  destroy,
  undestroy,
  destroyer,
  errorOrDestroy,
  isDestroyed,
  recordError,
  maybeConstruct,
  isReadableNodeStream,
  isWritableNodeStream,
  isNodeStream,
  isIterable,
};
