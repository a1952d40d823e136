// internal/streams/duplex: `stream.Duplex` (a Readable with Writable's methods and both
// states), `stream.Transform` (output computed from input; a write's callback is held
// while the readable side is full, as our Rust crate's transform.rs) and `PassThrough`.
'use strict';

const S = internal.requireBuiltin('internal/streams/state', true);
const R = internal.requireBuiltin('internal/streams/readable', true);
const W = internal.requireBuiltin('internal/streams/writable', true);
const Stream = internal.requireBuiltin('internal/streams/legacy', true);

const { Readable } = R;
const { Writable } = W;

function afterConstruct(stream) {
  R.afterConstruct(stream);
  W.afterConstruct(stream);
}

function Duplex(options) {
  if (!(this instanceof Duplex)) return new Duplex(options);
  R.initReadable(this, options, true);
  W.initWritable(this, options, true);
  if (options) {
    this.allowHalfOpen = options.allowHalfOpen !== false;
    if (options.readable === false) {
      const r = this._readableState;
      r.readable = false;
      r.ended = true;
      r.endEmitted = true;
    }
    if (options.writable === false) {
      const w = this._writableState;
      w.writable = false;
      w.ending = true;
      w.ended = true;
      w.finished = true;
    }
  } else {
    this.allowHalfOpen = true;
  }
  Stream.call(this, options);
  if (options && options.signal !== undefined) {
    internal.requireBuiltin('internal/streams/finished', true).addAbortSignal(options.signal, this);
  }
  S.maybeConstruct(this, afterConstruct);
}
Object.setPrototypeOf(Duplex.prototype, Readable.prototype);
Object.setPrototypeOf(Duplex, Readable);

// Writable's methods and getters, except those both sides define.
for (const key of Reflect.ownKeys(Writable.prototype)) {
  if (key === 'constructor' || key === 'destroy' || Object.prototype.hasOwnProperty.call(Duplex.prototype, key)) continue;
  // node 20's Duplex has no writableAborted.
  if (['closed', 'destroyed', 'errored', '_destroy', '_undestroy', 'pipe', 'writableAborted'].includes(key)) continue;
  if (key === Symbol.for('nodejs.rejection')) continue;
  Object.defineProperty(Duplex.prototype, key, Object.getOwnPropertyDescriptor(Writable.prototype, key));
}
Duplex.prototype.destroy = Writable.prototype.destroy;

function bothSides(name, pick, set) {
  Object.defineProperty(Duplex.prototype, name, {
    configurable: true,
    enumerable: false,
    get() {
      return pick(this._readableState, this._writableState);
    },
    set,
  });
}
bothSides('destroyed', (r, w) => (r !== undefined && w !== undefined ? r.destroyed && w.destroyed : false), function (v) {
  if (this._readableState && this._writableState) {
    this._readableState.destroyed = v;
    this._writableState.destroyed = v;
  }
});

// ---- Transform ---------------------------------------------------------------------
const kCallback = Symbol('kCallback');

function Transform(options) {
  if (!(this instanceof Transform)) return new Transform(options);
  Duplex.call(this, options);
  // Its _read is ready before the first read.
  this._readableState.sync = false;
  this[kCallback] = null;
  if (options) {
    if (typeof options.transform === 'function') this._transform = options.transform;
    if (typeof options.flush === 'function') this._flush = options.flush;
  }
  // With its own _final (a `final` option or a subclass method), the flush and the end of
  // the readable side come at 'prefinish', ahead of the user's listeners, as node.
  this.on('prefinish', prefinish);
}

function prefinish() {
  if (typeof this._final === 'function' && this._final !== transformFinal) transformFinal.call(this);
}
Object.setPrototypeOf(Transform.prototype, Duplex.prototype);
Object.setPrototypeOf(Transform, Duplex);

// The flush runs as the writable side's _final: push what _flush gives, then the end.
const kFlushed = Symbol('kFlushed');
function transformFinal(cb) {
  // Once only: a subclass's _final may already have called it before 'prefinish'.
  if (this[kFlushed]) {
    if (cb) cb();
    return;
  }
  this[kFlushed] = true;
  if (typeof this._flush === 'function' && !this.destroyed) {
    this._flush((er, data) => {
      if (er) {
        if (cb) cb(er);
        else this.destroy(er);
        return;
      }
      if (data != null) this.push(data);
      this.push(null);
      if (cb) cb();
    });
  } else {
    this.push(null);
    if (cb) cb();
  }
}
Transform.prototype._final = transformFinal;

Transform.prototype._transform = function _transform() {
  throw S.codes.methodNotImplemented('_transform()');
};

Transform.prototype._write = function _write(chunk, encoding, callback) {
  const r = this._readableState;
  const w = this._writableState;
  const before = r.length;
  this._transform(chunk, encoding, (err, val) => {
    if (err) {
      callback(err);
      return;
    }
    if (val != null) this.push(val);
    // Hold the write while the readable side is full; _read releases it.
    if (w.ended || before === r.length || r.length < r.highWaterMark) callback();
    else this[kCallback] = callback;
  });
};

Transform.prototype._read = function _read() {
  const cb = this[kCallback];
  if (cb) {
    this[kCallback] = null;
    cb();
  }
};

function PassThrough(options) {
  if (!(this instanceof PassThrough)) return new PassThrough(options);
  Transform.call(this, options);
}
Object.setPrototypeOf(PassThrough.prototype, Transform.prototype);
Object.setPrototypeOf(PassThrough, Transform);
PassThrough.prototype._transform = function _transform(chunk, encoding, cb) {
  cb(null, chunk);
};

module.exports = { Duplex, Transform, PassThrough };
