// Shared pieces of the WHATWG streams (stream/web): internal slots, node's error shapes,
// promise plumbing, the queue-with-sizes, strategy extraction and inspect output.
'use strict';

const { errors } = internal;

// Every stream object keeps its spec slots in one plain object under this key, so the
// algorithms in the other webstreams files can reach them (class-private fields cannot
// cross files). `kind` is the brand the `is*` checks test.
const kState = Symbol('kState');
// The controllers' internal methods (the spec's [[CancelSteps]], [[PullSteps]],
// [[ReleaseSteps]]), and the token internal code passes to otherwise illegal constructors.
const kCancel = Symbol('kCancel');
const kPull = Symbol('kPull');
const kRelease = Symbol('kRelease');
const kInternal = Symbol('kInternal');
const customInspect = Symbol.for('nodejs.util.inspect.custom');

const isKind = (value, kind) => value !== null && typeof value === 'object' &&
  value[kState] !== undefined && value[kState].kind === kind;

// ---- node's errors -------------------------------------------------------------------
const invalidState = (message) => errors.make(TypeError, 'ERR_INVALID_STATE', `Invalid state: ${message}`);
const invalidThis = (type) => errors.make(TypeError, 'ERR_INVALID_THIS', `Value of "this" must be of type ${type}`);
const illegalConstructor = () => errors.make(TypeError, 'ERR_ILLEGAL_CONSTRUCTOR', 'Illegal constructor');
// ERR_INVALID_ARG_VALUE with node's "property" wording for dotted names, in either class.
function invalidValue(name, value, Base = TypeError, reason = 'is invalid') {
  const what = name.includes('.') ? 'property' : 'argument';
  return errors.make(Base, 'ERR_INVALID_ARG_VALUE', `The ${what} '${name}' ${reason}. Received ${internal.inspect(value)}`);
}
const mustBeView = (name, value) => errors.invalidArgType(name, ['Buffer', 'TypedArray', 'DataView'], value);
// Options and strategies: undefined and (as node) null mean none.
function validateObject(value, name, nullable = true) {
  if (value === undefined) return {};
  if ((value === null && !nullable) || (value !== null && typeof value !== 'object' && typeof value !== 'function')) {
    throw errors.invalidArgType(name, 'object', value);
  }
  return value ?? {};
}
function validateFunction(value, name) {
  if (typeof value !== 'function') throw errors.invalidArgType(name, 'Function', value);
}

// ---- promises ------------------------------------------------------------------------
// The spec's reactions are "PerformPromiseThen": the intrinsic `then`, never a patched one.
const promiseThen = Promise.prototype.then;
const then = (promise, onFulfilled, onRejected) => Reflect.apply(promiseThen, promise, [onFulfilled, onRejected]);
const noop = () => {};
// Marks a promise handled, so rejecting it reports no unhandled rejection.
const setHandled = (promise) => { then(promise, undefined, noop); };
function deferred() {
  const d = { promise: undefined, resolve: undefined, reject: undefined, settled: false };
  d.promise = new Promise((resolve, reject) => {
    d.resolve = (v) => { d.settled = true; resolve(v); };
    d.reject = (e) => { d.settled = true; reject(e); };
  });
  return d;
}
const resolved = (value) => Promise.resolve(value);
// WebIDL's "a promise resolved with x": always a new promise, so a promise x is adopted
// (two ticks later), unlike Promise.resolve. The start algorithms' results go through it.
const promiseResolvedWith = (value) => new Promise((resolve) => resolve(value));
const rejected = (error) => Promise.reject(error);
// Calls a user algorithm: a throw becomes a rejected promise, a value a promise resolved
// with it (WebIDL's conversion: a returned promise is adopted, not passed through).
function promiseCall(fn, thisArg, ...args) {
  try {
    return promiseResolvedWith(Reflect.apply(fn, thisArg, args));
  } catch (err) {
    return Promise.reject(err);
  }
}
// A method of an underlying source/sink/transformer as an algorithm (or `fallback`).
function methodAlgorithm(object, name, owner, fallback) {
  const method = object[name];
  if (method === undefined) return fallback;
  validateFunction(method, `${owner}.${name}`);
  return (...args) => promiseCall(method, object, ...args);
}

// ---- queue with sizes ----------------------------------------------------------------
function resetQueue(state) {
  state.queue = [];
  state.queueTotalSize = 0;
}
function enqueueValueWithSize(state, value, size) {
  size = +size;
  if (typeof size !== 'number' || Number.isNaN(size) || size < 0 || size === Infinity) {
    throw invalidValue('size', size, RangeError);
  }
  state.queue.push({ value, size });
  state.queueTotalSize += size;
}
function dequeueValue(state) {
  const { value, size } = state.queue.shift();
  state.queueTotalSize = Math.max(0, state.queueTotalSize - size);
  return value;
}
const peekQueueValue = (state) => state.queue[0].value;

// ---- strategies ----------------------------------------------------------------------
function extractHighWaterMark(strategy, defaultHWM) {
  const { highWaterMark } = strategy;
  if (highWaterMark === undefined) return defaultHWM;
  const hwm = +highWaterMark;
  if (Number.isNaN(hwm) || hwm < 0) throw invalidValue('strategy.highWaterMark', highWaterMark, RangeError);
  return hwm;
}
function extractSizeAlgorithm(strategy) {
  const { size } = strategy;
  if (size === undefined) return () => 1;
  if (typeof size !== 'function') throw errors.invalidArgType('strategy.size', 'Function', size);
  return (chunk) => size(chunk);
}

// ---- array buffers -------------------------------------------------------------------
const abByteLength = Object.getOwnPropertyDescriptor(ArrayBuffer.prototype, 'byteLength').get;
const abDetached = Object.getOwnPropertyDescriptor(ArrayBuffer.prototype, 'detached')?.get;
const abTransfer = ArrayBuffer.prototype.transfer;
const isDetached = (buffer) => (abDetached !== undefined ? Reflect.apply(abDetached, buffer, []) : false);
// The spec's TransferArrayBuffer: the bytes move to a new buffer and the old one detaches.
function transferArrayBuffer(buffer) {
  if (abTransfer !== undefined) return Reflect.apply(abTransfer, buffer, []);
  return buffer.slice(0, Reflect.apply(abByteLength, buffer, []));
}
const typedArrayTag = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(Uint8Array.prototype), Symbol.toStringTag).get;

// ---- inspect -------------------------------------------------------------------------
// node prints these objects as `Name { field: value, … }`, one level shallower.
function inspectAs(self, depth, options, fields) {
  if (depth < 0) return self;
  const opts = { ...options, depth: options.depth == null ? null : options.depth - 1 };
  return `${self.constructor.name} ${internal.inspect(fields, opts)}`;
}
// Gives a class its toStringTag and makes its accessors and methods enumerable, as WebIDL does.
// The custom inspector checks its receiver first, as node's does.
function webidlClass(cls, name) {
  Object.defineProperty(cls.prototype, Symbol.toStringTag, { value: name, configurable: true });
  const inspect = cls.prototype[customInspect];
  if (typeof inspect === 'function') {
    Object.defineProperty(cls.prototype, customInspect, {
      value: { [customInspect](depth, options) {
        if (!isKind(this, name)) throw invalidThis(name);
        return Reflect.apply(inspect, this, [depth, options]);
      } }[customInspect],
      writable: true,
      configurable: true,
    });
  }
  for (const key of Object.getOwnPropertyNames(cls.prototype)) {
    if (key === 'constructor') continue;
    const desc = Object.getOwnPropertyDescriptor(cls.prototype, key);
    desc.enumerable = true;
    Object.defineProperty(cls.prototype, key, desc);
  }
}

module.exports = {
  kState, kCancel, kPull, kRelease, kInternal, customInspect, isKind,
  invalidState, invalidThis, illegalConstructor, invalidValue, mustBeView, validateObject, validateFunction,
  then, noop, setHandled, deferred, resolved, promiseResolvedWith, rejected, promiseCall, methodAlgorithm,
  resetQueue, enqueueValueWithSize, dequeueValue, peekQueueValue,
  extractHighWaterMark, extractSizeAlgorithm,
  isDetached, transferArrayBuffer, typedArrayTag,
  inspectAs, webidlClass,
};
