// `stream`: the classes (internal/streams/*), pipeline, finished and the helpers, on the
// legacy `Stream` function as node exports them (`require('stream') === Stream`).
'use strict';

const Stream = internal.requireBuiltin('internal/streams/legacy', true);
const S = internal.requireBuiltin('internal/streams/state', true);
const { Readable } = internal.requireBuiltin('internal/streams/readable', true);
const { Writable } = internal.requireBuiltin('internal/streams/writable', true);
const { Duplex, Transform, PassThrough } = internal.requireBuiltin('internal/streams/duplex', true);
const P = internal.requireBuiltin('internal/streams/pipe', true);
const F = internal.requireBuiltin('internal/streams/finished', true);
const I = internal.requireBuiltin('internal/streams/iter', true);
const O = internal.requireBuiltin('internal/streams/operators', true);
const PL = internal.requireBuiltin('internal/streams/pipeline', true);
const { errors } = internal;

Readable.prototype.pipe = P.pipe;
Readable.prototype.unpipe = P.unpipe;
Readable.prototype[Symbol.asyncIterator] = function () {
  return I.readableIterator(this);
};
Readable.prototype.iterator = I.iterator;
Readable.from = function from(iterable, opts) {
  return I.from(Readable, iterable, opts);
};
// Web-stream bridges (internal/webstreams/adapters), loaded on first use.
const webAdapters = () => internal.requireBuiltin('internal/webstreams/adapters', true);
Readable.fromWeb = function fromWeb(readableStream, options) { return webAdapters().readableFromWeb(readableStream, options); };
Readable.toWeb = function toWeb(streamReadable, options) { return webAdapters().readableToWeb(streamReadable, options); };
Writable.fromWeb = function fromWeb(writableStream, options) { return webAdapters().writableFromWeb(writableStream, options); };
Writable.toWeb = function toWeb(streamWritable) { return webAdapters().writableToWeb(streamWritable); };
Duplex.fromWeb = function fromWeb(pair, options) { return webAdapters().duplexFromWeb(pair, options); };
Duplex.toWeb = function toWeb(duplex) { return webAdapters().duplexToWeb(duplex); };
// `await using` disposal: destroy (with an AbortError unless already done) and wait for
// the end of the stream.
if (typeof Symbol.asyncDispose === 'symbol') {
  Readable.prototype[Symbol.asyncDispose] = function () {
    let error;
    if (!this.destroyed) {
      error = this.readableEnded ? null : errors.abort();
      this.destroy(error);
    }
    return new Promise((resolve, reject) => F.eos(this, (err) => (err && err !== error ? reject(err) : resolve(null))));
  };
  Writable.prototype[Symbol.asyncDispose] = function () {
    let error;
    if (!this.destroyed) {
      error = this.writableFinished ? null : errors.abort();
      this.destroy(error);
    }
    return new Promise((resolve, reject) => F.eos(this, (err) => (err && err !== error ? reject(err) : resolve(null))));
  };
}

// Readable.wrap(oldStream, options): a new Readable over an old-style stream.
Readable.wrap = function wrap(src, options) {
  return new Readable({
    objectMode: src.readableObjectMode ?? src.objectMode ?? true,
    ...options,
    destroy(err, callback) {
      S.destroyer(src, err);
      callback(err);
    },
  }).wrap(src);
};

// Operators: those giving a stream wrap their async generator in Readable.from.
for (const [name, op] of Object.entries(O.streamReturning)) {
  Object.defineProperty(Readable.prototype, name, {
    configurable: true,
    writable: true,
    enumerable: false,
    value: { [name](...args) { return Readable.from(Reflect.apply(op, this, args)); } }[name],
  });
}
for (const [name, op] of Object.entries(O.promiseReturning)) {
  Object.defineProperty(Readable.prototype, name, {
    configurable: true,
    writable: true,
    enumerable: false,
    value: { [name](...args) { return Reflect.apply(op, this, args); } }[name],
  });
}
// Deprecated in node 20: warns once, then yields [index, value] pairs.
let warnedIndexedPairs = false;
Object.defineProperty(Readable.prototype, 'asIndexedPairs', {
  configurable: true,
  writable: true,
  enumerable: false,
  value: function asIndexedPairs(options) {
    if (!warnedIndexedPairs) {
      warnedIndexedPairs = true;
      process.emitWarning('readable.asIndexedPairs will be removed in a future version.', 'DeprecationWarning');
    }
    if (options != null) S.validateObject(options, 'options');
    const signal = options && options.signal;
    S.validateAbortSignal(signal, 'options.signal');
    const stream = this;
    return Readable.from((async function* indexed() {
      let index = 0;
      for await (const value of stream) {
        if (signal && signal.aborted) throw errors.abort(signal.reason);
        yield [index++, value];
      }
    })());
  },
});

Duplex.from = function from(body) {
  return internal.requireBuiltin('internal/streams/duplexify', true).duplexFrom(body, 'body');
};

function compose(...streams) {
  return internal.requireBuiltin('internal/streams/compose', true).compose(...streams);
}
// readable.compose(stream[, { signal }]): this stream composed with another.
Object.defineProperty(Readable.prototype, 'compose', {
  configurable: true,
  writable: true,
  enumerable: false,
  value: function compose(stream, options) {
    if (options != null) S.validateObject(options, 'options');
    const signal = options && options.signal;
    S.validateAbortSignal(signal, 'options.signal');
    const composed = internal.requireBuiltin('internal/streams/compose', true).compose(this, stream);
    if (signal) F.addAbortSignal(signal, composed);
    return composed;
  },
});
// Two connected Duplexes: what one side writes, the other reads. A write's callback waits
// until the other side's reader wants more; end() ends the other side's readable.
const kWaiting = Symbol('kWaiting');
const kOtherSide = Symbol('kOtherSide');
class DuplexSide extends Duplex {
  constructor(options) {
    super(options);
    this[kWaiting] = null;
    this[kOtherSide] = null;
  }

  _read() {
    const cb = this[kWaiting];
    if (cb) {
      this[kWaiting] = null;
      cb();
    }
  }

  _write(chunk, encoding, callback) {
    // An empty chunk (also '' in object mode, as node) is not passed on.
    if (chunk.length === 0) {
      process.nextTick(callback);
    } else {
      this[kOtherSide].push(chunk);
      this[kOtherSide][kWaiting] = callback;
    }
  }

  _final(callback) {
    this[kOtherSide].on('end', callback);
    this[kOtherSide].push(null);
  }
}
function duplexPair(options) {
  const a = new DuplexSide(options);
  const b = new DuplexSide(options);
  a[kOtherSide] = b;
  b[kOtherSide] = a;
  return [a, b];
}

function destroy(stream, err) {
  S.destroyer(stream, err);
}

const promises = {
  pipeline: PL.pipelinePromise,
  finished: F.finishedPromise,
};
Object.defineProperty(PL.pipeline, Symbol.for('nodejs.util.promisify.custom'), {
  enumerable: true,
  get() { return promises.pipeline; },
});
Object.defineProperty(F.eos, Symbol.for('nodejs.util.promisify.custom'), {
  enumerable: true,
  get() { return promises.finished; },
});

Stream.isDestroyed = F.isDestroyed;
Stream.isDisturbed = F.isDisturbed;
Stream.isErrored = F.isErrored;
Stream.isReadable = F.isReadable;
Stream.isWritable = F.isWritable;
Stream.Readable = Readable;
Stream.Writable = Writable;
Stream.Duplex = Duplex;
Stream.Transform = Transform;
Stream.PassThrough = PassThrough;
Stream.duplexPair = duplexPair;
Stream.pipeline = PL.pipeline;
Stream.addAbortSignal = F.addAbortSignal;
Stream.finished = F.eos;
Stream.destroy = destroy;
Stream.compose = compose;
Stream.setDefaultHighWaterMark = S.setDefaultHighWaterMark;
Stream.getDefaultHighWaterMark = S.getDefaultHighWaterMark;
Object.defineProperty(Stream, 'promises', {
  configurable: true,
  enumerable: true,
  get() { return promises; },
});
Stream.Stream = Stream;
Stream._isArrayBufferView = ArrayBuffer.isView;
Stream._isUint8Array = (v) => v instanceof Uint8Array;
Stream._uint8ArrayToBuffer = (chunk) => S.toBuffer(chunk);

module.exports = Stream;
