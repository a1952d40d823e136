// internal/streams/operators: the experimental Readable helpers (map, filter, forEach,
// toArray, some, find, every, flatMap, drop, take, reduce). Those that produce a stream
// return an object-mode Readable over an async generator; the others return promises.
// `concurrency` runs up to that many calls of `fn` at once, results kept in order.
'use strict';

const S = internal.requireBuiltin('internal/streams/state', true);
const { codes } = S;
const { errors } = internal;
const kSkip = Symbol('kSkip');

function validateFn(fn) {
  if (typeof fn !== 'function') {
    throw errors.invalidArgTypeText('fn', 'of type function or an instance of AsyncFunction', fn);
  }
}
function validateOptions(options) {
  if (options != null) S.validateObject(options, 'options');
  const signal = options && options.signal;
  S.validateAbortSignal(signal, 'options.signal');
  let concurrency = 1;
  if (options && options.concurrency != null) {
    concurrency = options.concurrency;
    if (typeof concurrency !== 'number') throw errors.invalidArgType('options.concurrency', 'number', concurrency);
    if (!(concurrency >= 1)) throw errors.outOfRange('options.concurrency', '>= 1', concurrency);
    concurrency = Math.floor(concurrency);
  }
  return { signal, concurrency };
}
function throwIfAborted(signal) {
  if (signal && signal.aborted) throw codes.abort(signal.reason);
}

// Calls fn on each value with up to `concurrency` calls pending; yields results in order.
async function* mapped(stream, fn, options) {
  const { signal, concurrency } = validateOptions(options);
  throwIfAborted(signal);
  const pending = [];
  const opts = { signal };
  for await (const value of stream) {
    throwIfAborted(signal);
    const p = Promise.resolve().then(() => fn(value, opts));
    // Awaited below in order; an early rejection must not be reported as unhandled.
    p.catch(() => {});
    pending.push(p);
    if (pending.length >= concurrency) yield await pending.shift();
  }
  while (pending.length) yield await pending.shift();
}

function map(fn, options) {
  validateFn(fn);
  validateOptions(options);
  return mapped(this, fn, options);
}

function filter(fn, options) {
  validateFn(fn);
  validateOptions(options);
  const stream = this;
  return (async function* filtered() {
    const pick = async (value, opts) => ((await fn(value, opts)) ? value : kSkip);
    for await (const v of mapped(stream, pick, options)) if (v !== kSkip) yield v;
  })();
}

function flatMap(fn, options) {
  validateFn(fn);
  validateOptions(options);
  const stream = this;
  return (async function* flat() {
    for await (const v of mapped(stream, fn, options)) yield* v;
  })();
}

async function forEach(fn, options) {
  validateFn(fn);
  const run = async (value, opts) => {
    await fn(value, opts);
    return kSkip;
  };
  for await (const v of mapped(this, run, options)) void v;
}

async function toArray(options) {
  const { signal } = validateOptions(options);
  const out = [];
  for await (const v of this) {
    throwIfAborted(signal);
    out.push(v);
  }
  return out;
}

async function some(fn, options) {
  validateFn(fn);
  for await (const hit of mapped(this, async (v, o) => !!(await fn(v, o)), options)) {
    if (hit) return true;
  }
  return false;
}

async function every(fn, options) {
  validateFn(fn);
  for await (const hit of mapped(this, async (v, o) => !!(await fn(v, o)), options)) {
    if (!hit) return false;
  }
  return true;
}

async function find(fn, options) {
  validateFn(fn);
  const test = async (v, o) => ((await fn(v, o)) ? [v] : kSkip);
  for await (const r of mapped(this, test, options)) if (r !== kSkip) return r[0];
  return undefined;
}

async function reduce(reducer, initial, options) {
  validateFn(reducer);
  const { signal } = validateOptions(options);
  let hasInitial = arguments.length > 1;
  let acc = initial;
  throwIfAborted(signal);
  for await (const v of this) {
    throwIfAborted(signal);
    if (!hasInitial) {
      acc = v;
      hasInitial = true;
    } else {
      acc = await reducer(acc, v, { signal });
    }
  }
  if (!hasInitial) {
    const e = errors.make(TypeError, 'ERR_MISSING_ARGS', 'Reduce of an empty stream requires an initial value');
    throw e;
  }
  return acc;
}

function toCount(n, name) {
  const v = Number(n);
  if (Number.isNaN(v)) return 0;
  if (v < 0) throw errors.outOfRange(name, '>= 0', n);
  return Math.floor(v);
}

function drop(count, options) {
  const n = toCount(count, 'number');
  const { signal } = validateOptions(options);
  const stream = this;
  return (async function* dropped() {
    let left = n;
    for await (const v of stream) {
      throwIfAborted(signal);
      if (left > 0) left--;
      else yield v;
    }
  })();
}

function take(count, options) {
  const n = toCount(count, 'number');
  const { signal } = validateOptions(options);
  const stream = this;
  return (async function* taken() {
    let left = n;
    if (left <= 0) return;
    for await (const v of stream) {
      throwIfAborted(signal);
      yield v;
      if (--left <= 0) return;
    }
  })();
}

// Those that give a stream, and those that give a promise.
module.exports = {
  streamReturning: { map, filter, flatMap, drop, take },
  promiseReturning: { forEach, toArray, some, every, find, reduce },
};
