// events: nrt's EventEmitter. Written in JS so that `class X extends EventEmitter`,
// `EventEmitter.call(this)` and `util.inherits` behave as in node. Behaviour was taken from
// node's documentation, node-core's Rust emitter (crates/core/src/emitter.rs, same ordering
// rules) and runs of node 20.
//
// Storage keeps node's public shape, which npm packages read and even patch: `_events` is a
// null-prototype object mapping each event to one function or to an array of two or more,
// `_eventsCount` counts the events, `_maxListeners` is undefined until set.
'use strict';

const captureSymbol = Symbol('kCapture');
const shapeSymbol = Symbol('shapeMode');
const errorMonitor = Symbol('events.errorMonitor');
const rejectionSymbol = Symbol.for('nodejs.rejection');
const targetMaxSymbol = Symbol('events.maxEventTargetListeners');
const targetWarnedSymbol = Symbol('events.maxEventTargetListenersWarned');
const watermarkSymbol = Symbol.for('nodejs.watermarkData');
const errors = internal.errors;
// Read once: emit and the constructor run often, and each global lookup costs in QuickJS.
const ReflectApply = Reflect.apply;
const ObjectHasOwn = Object.hasOwn;
let defaultMax = 10;

// Listener arrays that already produced a leak warning. A fresh array (made when a second
// listener joins) starts unwarned, so an event can warn again after shrinking to one.
const warnedLists = new WeakSet();

const inspectValue = (value, options) => require('util').inspect(value, options);

function requireFunction(listener) {
  if (typeof listener !== 'function') throw errors.invalidArgType('listener', 'Function', listener);
}

function requireCount(value, name) {
  if (typeof value !== 'number') throw errors.invalidArgType(name, 'number', value);
  if (!(value >= 0)) throw errors.outOfRange(name, '>= 0', value);
}

function freshStore() {
  return Object.create(null);
}

// The listener a registration stands for: once-wrappers carry the user's function.
function unwrapped(fn) {
  return typeof fn.listener === 'function' ? fn.listener : fn;
}

function matches(fn, listener) {
  return fn === listener || fn.listener === listener;
}

function snapshot(entry) {
  if (entry === undefined) return [];
  return typeof entry === 'function' ? [entry] : Array.from(entry);
}

function forgetEvent(emitter, events, type) {
  delete events[type];
  emitter._eventsCount -= 1;
}

function isEmitterLike(value) {
  return value !== null && typeof value === 'object' && typeof value.listeners === 'function' &&
    typeof value.on === 'function';
}

function isEventTarget(value) {
  return value !== null && typeof value === 'object' && typeof value.addEventListener === 'function' &&
    typeof value.removeEventListener === 'function';
}

function emitterOrTargetError(name, value) {
  // node names both accepted kinds; the shared helper words the "Received ..." part.
  const err = errors.invalidArgType(name, 'EventEmitter', value);
  const widen = (text) => text.replace('instance of EventEmitter.', 'instance of EventEmitter or EventTarget.');
  err.message = widen(err.message);
  if (typeof err.stack === 'string') err.stack = widen(err.stack);
  return err;
}

function requireSignal(signal, name = 'options.signal') {
  if (signal === undefined) return;
  if (signal === null || typeof signal !== 'object' || !('aborted' in signal)) {
    throw errors.invalidArgType(name, 'AbortSignal', signal);
  }
}

function watermark(options, key, fallback) {
  const value = options[key];
  if (value === undefined) return fallback;
  const name = `options.${key}`;
  if (typeof value !== 'number') throw errors.invalidArgType(name, 'number', value);
  if (!Number.isInteger(value)) throw errors.outOfRange(name, 'an integer', value);
  if (value < 1 || value > Number.MAX_SAFE_INTEGER) {
    throw errors.outOfRange(name, `>= 1 && <= ${Number.MAX_SAFE_INTEGER}`, value);
  }
  return value;
}

function warnLeak(emitter, type, count, max) {
  const warning = new Error(`Possible EventEmitter memory leak detected. ${count} ${String(type)} ` +
    `listeners added to ${inspectValue(emitter, { depth: -1 })}. MaxListeners is ${max}. ` +
    'Use emitter.setMaxListeners() to increase limit');
  warning.name = 'MaxListenersExceededWarning';
  warning.emitter = emitter;
  warning.type = type;
  warning.count = count;
  process.emitWarning(warning);
}

// Read from the field, not the method: the prototype methods also run on plain objects.
function limitOf(emitter) {
  return emitter._maxListeners === undefined ? defaultMax : emitter._maxListeners;
}

function register(emitter, type, listener, atFront) {
  if (typeof listener !== 'function') requireFunction(listener);
  let events = emitter._events;
  if (events === undefined) {
    events = emitter._events = freshStore();
    emitter._eventsCount = 0;
  } else if (events.newListener !== undefined) {
    // 'newListener' fires before the listener joins, with the user's function.
    emitter.emit('newListener', type, unwrapped(listener));
    events = emitter._events;
  }
  const current = events[type];
  if (current === undefined) {
    events[type] = listener;
    emitter._eventsCount += 1;
    return emitter;
  }
  let list;
  if (typeof current === 'function') {
    list = atFront ? [listener, current] : [current, listener];
    events[type] = list;
  } else {
    list = current;
    if (atFront) list.unshift(listener);
    else list.push(listener);
  }
  const max = limitOf(emitter);
  if (max > 0 && list.length > max && !warnedLists.has(list)) {
    warnedLists.add(list);
    warnLeak(emitter, type, list.length, max);
  }
  return emitter;
}

// A once-registration: removes itself, then calls the user's function, at most one time.
function onceRegistration(emitter, type, listener) {
  let done = false;
  // node's wrappers are bound functions named 'bound onceWrapper' (the name shows in
  // rawListeners()). An arrow defined under that literal key gets the name when compiled, so
  // no defineProperty per once() call; being an arrow it has no `prototype`, as a bound one.
  const wrapper = {
    'bound onceWrapper': (...args) => {
      if (done) return undefined;
      done = true;
      emitter.removeListener(type, wrapper);
      return ReflectApply(listener, emitter, args);
    },
  }['bound onceWrapper'];
  wrapper.listener = listener;
  return wrapper;
}

function unhandledError(value) {
  if (value instanceof Error) return value;
  let shown;
  try {
    shown = inspectValue(value);
  } catch {
    shown = String(value);
  }
  const err = errors.make(Error, 'ERR_UNHANDLED_ERROR', `Unhandled error. (${shown})`);
  err.context = value;
  return err;
}

// An Error emitted as an unheard 'error' is thrown as it is; node's fatal report then adds
// "Emitted 'error' event at:" and the emit call's frames. Recorded here (fatal.js prints it)
// without touching the error's own stack, which an 'uncaughtException' listener sees as is.
function noteEmitSite(emitter, err) {
  if (typeof internal.noteEmitSite !== 'function') return;
  const site = {};
  try {
    Error.captureStackTrace(site, proto.emit);
  } catch {
    return;
  }
  const ctor = emitter !== null && typeof emitter === 'object' ? emitter.constructor : undefined;
  const name = typeof ctor === 'function' && typeof ctor.name === 'string' ? ctor.name : '';
  internal.noteEmitSite(err, site.stack, name);
}

function EventEmitter(opts) {
  EventEmitter.init.call(this, opts);
}

const proto = EventEmitter.prototype;
proto._events = undefined;
proto._eventsCount = 0;
proto._maxListeners = undefined;

proto.setMaxListeners = function setMaxListeners(n) {
  requireCount(n, 'setMaxListeners');
  this._maxListeners = n;
  return this;
};

proto.getMaxListeners = function getMaxListeners() {
  return limitOf(this);
};

// The hot path: one rest array per call (the cheapest way QuickJS gives the argument count,
// which listeners can observe), `Reflect.apply` read once at load, the capture flag read
// only when a listener returned something (as node, which checks the result first).
proto.emit = function emit(type, ...args) {
  const events = this._events;
  if (type === 'error') {
    if (events !== undefined && events[errorMonitor] !== undefined) this.emit(errorMonitor, ...args);
    if (events === undefined || events.error === undefined) {
      const err = unhandledError(args[0]);
      if (err === args[0]) noteEmitSite(this, err);
      // node reports it from inside lib/events.js, so no user source line heads the report.
      if (typeof internal.markThrownInternally === 'function') internal.markThrownInternally(err);
      throw err;
    }
  }
  if (events === undefined) return false;
  const entry = events[type];
  if (entry === undefined) return false;
  if (typeof entry === 'function') {
    const result = ReflectApply(entry, this, args);
    if (result !== undefined && result !== null && this[captureSymbol] === true) watchRejection(this, result, type, args);
    return true;
  }
  // Listeners added or removed by a listener take effect from the next emit.
  const fns = copyList(entry);
  for (let i = 0; i < fns.length; i += 1) {
    const result = ReflectApply(fns[i], this, args);
    if (result !== undefined && result !== null && this[captureSymbol] === true) watchRejection(this, result, type, args);
  }
  return true;
};

// A listener array's copy. `slice` looks up the species constructor on every call, which
// in QuickJS costs more than copying two or three elements by hand.
function copyList(list) {
  switch (list.length) {
    case 2: return [list[0], list[1]];
    case 3: return [list[0], list[1], list[2]];
    default: {
      const copy = [];
      for (let i = 0; i < list.length; i += 1) copy[i] = list[i];
      return copy;
    }
  }
}

// captureRejections: a listener's returned promise that rejects is routed, on the next
// tick, to the emitter's Symbol.for('nodejs.rejection') method or else to 'error' (with
// capturing off while it is emitted, so an async 'error' listener cannot loop).
function watchRejection(emitter, result, type, args) {
  if (result === undefined || result === null || typeof result.then !== 'function') return;
  // `globalThis.process`: this module loads before the process object is complete.
  result.then(undefined, (err) => globalThis.process.nextTick(() => routeRejection(emitter, err, type, args)));
}

function routeRejection(emitter, err, type, args) {
  if (typeof emitter[rejectionSymbol] === 'function') {
    emitter[rejectionSymbol](err, type, ...args);
    return;
  }
  const before = emitter[captureSymbol];
  try {
    emitter[captureSymbol] = false;
    emitter.emit('error', err);
  } finally {
    emitter[captureSymbol] = before;
  }
}

proto.addListener = function addListener(type, listener) {
  return register(this, type, listener, false);
};
proto.on = proto.addListener;

proto.prependListener = function prependListener(type, listener) {
  return register(this, type, listener, true);
};

proto.once = function once(type, listener) {
  requireFunction(listener);
  // Through `this.on`, as node: a Readable's 'data' listener added by once() starts the flow.
  return this.on(type, onceRegistration(this, type, listener));
};

proto.prependOnceListener = function prependOnceListener(type, listener) {
  requireFunction(listener);
  return register(this, type, onceRegistration(this, type, listener), true);
};

proto.removeListener = function removeListener(type, listener) {
  if (typeof listener !== 'function') requireFunction(listener);
  const events = this._events;
  if (events === undefined) return this;
  const entry = events[type];
  if (entry === undefined) return this;
  if (typeof entry === 'function') {
    // The common case (streams and servers remove their helpers per request), without calls.
    if (entry !== listener && entry.listener !== listener) return this;
    delete events[type];
    this._eventsCount -= 1;
    if (events.removeListener !== undefined) this.emit('removeListener', type, unwrapped(entry));
    return this;
  }
  // The most recent matching registration goes first.
  let at = entry.length - 1;
  while (at >= 0 && !matches(entry[at], listener)) at -= 1;
  if (at < 0) return this;
  entry.splice(at, 1);
  if (entry.length === 1) events[type] = entry[0];
  else if (entry.length === 0) forgetEvent(this, events, type);
  if (events.removeListener !== undefined) this.emit('removeListener', type, listener);
  return this;
};
proto.off = proto.removeListener;

proto.removeAllListeners = function removeAllListeners(type) {
  const events = this._events;
  if (events === undefined) return this;
  const everything = arguments.length === 0;
  if (events.removeListener === undefined) {
    if (everything) {
      this._events = freshStore();
      this._eventsCount = 0;
    } else if (events[type] !== undefined) {
      forgetEvent(this, events, type);
    }
    return this;
  }
  if (everything) {
    // Every other event first, so 'removeListener' listeners hear about them.
    for (const key of Reflect.ownKeys(events)) {
      if (key !== 'removeListener') this.removeAllListeners(key);
    }
    this.removeAllListeners('removeListener');
    this._events = freshStore();
    this._eventsCount = 0;
    return this;
  }
  const registered = snapshot(events[type]);
  for (let i = registered.length - 1; i >= 0; i -= 1) this.removeListener(type, registered[i]);
  return this;
};

proto.listeners = function listeners(type) {
  const events = this._events;
  return events === undefined ? [] : snapshot(events[type]).map(unwrapped);
};

proto.rawListeners = function rawListeners(type) {
  const events = this._events;
  return events === undefined ? [] : snapshot(events[type]);
};

// Streams ask for the count of one event per chunk: answered without copying the list, and
// without an intermediate call.
proto.listenerCount = function listenerCount(type, listener) {
  const events = this._events;
  if (events === undefined) return 0;
  const entry = events[type];
  if (entry === undefined) return 0;
  if (listener === undefined || listener === null) return typeof entry === 'function' ? 1 : entry.length;
  if (typeof entry === 'function') return matches(entry, listener) ? 1 : 0;
  let count = 0;
  for (let i = 0; i < entry.length; i += 1) if (matches(entry[i], listener)) count += 1;
  return count;
};

proto.eventNames = function eventNames() {
  return this._eventsCount > 0 && this._events !== undefined ? Reflect.ownKeys(this._events) : [];
};

proto[captureSymbol] = false;

// ---- statics (defined in node's key order, which Object.keys(EventEmitter) shows) ----------

EventEmitter.addAbortListener = function addAbortListener(signal, listener) {
  if (signal === undefined) throw errors.invalidArgType('signal', 'AbortSignal', signal);
  requireSignal(signal, 'signal');
  requireFunction(listener);
  let stop;
  if (signal.aborted) {
    queueMicrotask(() => listener());
    stop = () => {};
  } else {
    signal.addEventListener('abort', listener, { once: true });
    stop = () => signal.removeEventListener('abort', listener);
  }
  const disposeKey = typeof Symbol.dispose === 'symbol' ? Symbol.dispose : Symbol.for('nodejs.dispose');
  return { __proto__: null, [disposeKey]: stop };
};

EventEmitter.once = async function once(emitter, name, options = {}) {
  const signal = options === null || options === undefined ? undefined : options.signal;
  requireSignal(signal);
  if (signal !== undefined && signal.aborted) throw errors.abort(signal.reason);
  return new Promise((resolve, reject) => {
    const cleanups = [];
    const settle = (fn, value) => {
      for (const cleanup of cleanups) cleanup();
      fn(value);
    };
    if (emitter !== null && typeof emitter === 'object' && typeof emitter.on === 'function') {
      const onEvent = (...args) => settle(resolve, args);
      emitter.once(name, onEvent);
      cleanups.push(() => emitter.removeListener(name, onEvent));
      if (name !== 'error') {
        const onError = (err) => settle(reject, err);
        emitter.once('error', onError);
        cleanups.push(() => emitter.removeListener('error', onError));
      }
    } else if (isEventTarget(emitter)) {
      const onEvent = (...args) => settle(resolve, args);
      emitter.addEventListener(name, onEvent, { once: true });
      cleanups.push(() => emitter.removeEventListener(name, onEvent));
    } else {
      throw errors.invalidArgType('emitter', 'EventEmitter', emitter);
    }
    if (signal !== undefined) {
      const onAbort = () => settle(reject, errors.abort(signal.reason));
      signal.addEventListener('abort', onAbort, { once: true });
      cleanups.push(() => signal.removeEventListener('abort', onAbort));
    }
  });
};

const asyncIteratorProto = Object.getPrototypeOf(Object.getPrototypeOf(async function* () {}).prototype);

EventEmitter.on = function on(emitter, event, options = {}) {
  const opts = options === null || options === undefined ? {} : options;
  const signal = opts.signal;
  requireSignal(signal);
  if (signal !== undefined && signal.aborted) throw errors.abort(signal.reason);
  const high = watermark(opts, 'highWaterMark', Number.MAX_SAFE_INTEGER);
  const low = watermark(opts, 'lowWaterMark', 1);
  const closeOn = opts.close === undefined ? [] : Array.from(opts.close);

  const ready = []; // argument arrays not yet read
  const waiting = []; // pending next() calls: { resolve, reject }
  const detach = [];
  let failure = null;
  let finished = false;
  let paused = false;

  const listen = (name, fn) => {
    if (typeof emitter.on === 'function') {
      emitter.on(name, fn);
      detach.push(() => emitter.removeListener(name, fn));
    } else {
      emitter.addEventListener(name, fn);
      detach.push(() => emitter.removeEventListener(name, fn));
    }
  };
  const finish = () => {
    if (finished) return;
    finished = true;
    for (const undo of detach.splice(0)) undo();
    for (const waiter of waiting.splice(0)) waiter.resolve({ value: undefined, done: true });
  };
  const fail = (err) => {
    const waiter = waiting.shift();
    if (waiter !== undefined) waiter.reject(err);
    else failure = { err };
    finish();
  };
  const deliver = (...args) => {
    const waiter = waiting.shift();
    if (waiter !== undefined) {
      waiter.resolve({ value: args, done: false });
      return;
    }
    ready.push(args);
    if (!paused && ready.length > high && typeof emitter.pause === 'function') {
      paused = true;
      emitter.pause();
    }
  };

  if (!isEmitterLike(emitter) && !isEventTarget(emitter)) throw errors.invalidArgType('emitter', 'EventEmitter', emitter);
  listen(event, deliver);
  if (event !== 'error' && typeof emitter.on === 'function') listen('error', fail);
  for (const name of closeOn) listen(name, finish);
  if (signal !== undefined) {
    const onAbort = () => fail(errors.abort(signal.reason));
    signal.addEventListener('abort', onAbort, { once: true });
    detach.push(() => signal.removeEventListener('abort', onAbort));
  }

  const iterator = Object.create(asyncIteratorProto);
  Object.assign(iterator, {
    next() {
      if (ready.length > 0) {
        const value = ready.shift();
        if (paused && ready.length < low && typeof emitter.resume === 'function') {
          paused = false;
          emitter.resume();
        }
        return Promise.resolve({ value, done: false });
      }
      if (failure !== null) {
        const { err } = failure;
        failure = null;
        return Promise.reject(err);
      }
      if (finished) return Promise.resolve({ value: undefined, done: true });
      return new Promise((resolve, reject) => waiting.push({ resolve, reject }));
    },
    return() {
      finish();
      return Promise.resolve({ value: undefined, done: true });
    },
    throw(err) {
      if (!(err instanceof Error)) throw errors.invalidArgType('EventEmitter.AsyncIterator', 'Error', err);
      fail(err);
    },
    [Symbol.asyncIterator]() {
      return this;
    },
    [watermarkSymbol]: {
      get size() { return ready.length; },
      get low() { return low; },
      get high() { return high; },
      get isPaused() { return paused; },
    },
  });
  return iterator;
};

EventEmitter.getEventListeners = function getEventListeners(target, type) {
  if (isEmitterLike(target)) return target.listeners(type);
  if (isEventTarget(target)) {
    // nrt's EventTarget (web.js) keeps its listener records in a Map under a private symbol.
    const key = Object.getOwnPropertySymbols(target).find((s) => s.description === 'kEvents');
    const table = key === undefined ? undefined : target[key];
    if (!(table instanceof Map)) throw errors.notImplemented('events.getEventListeners on this EventTarget');
    return (table.get(`${type}`) || []).map((record) => record.listener);
  }
  throw emitterOrTargetError('emitter', target);
};

EventEmitter.getMaxListeners = function getMaxListeners(target) {
  if (target !== null && typeof target === 'object' && typeof target.getMaxListeners === 'function') {
    return target.getMaxListeners();
  }
  if (isEventTarget(target)) {
    return target[targetMaxSymbol] === undefined ? defaultMax : target[targetMaxSymbol];
  }
  throw emitterOrTargetError('emitter', target);
};

EventEmitter.EventEmitter = EventEmitter;
EventEmitter.usingDomains = false;
EventEmitter.captureRejectionSymbol = rejectionSymbol;
let captureDefault = false;
Object.defineProperty(EventEmitter, 'captureRejections', {
  enumerable: true,
  get() { return captureDefault; },
  set(on) {
    if (typeof on !== 'boolean') throw errors.invalidArgType('EventEmitter.captureRejections', 'boolean', on);
    captureDefault = on;
  },
});
Object.defineProperty(EventEmitter, 'EventEmitterAsyncResource', {
  enumerable: true,
  get() { throw errors.notImplemented('events.EventEmitterAsyncResource'); },
});
EventEmitter.errorMonitor = errorMonitor;
Object.defineProperty(EventEmitter, 'defaultMaxListeners', {
  enumerable: true,
  get() { return defaultMax; },
  set(n) {
    requireCount(n, 'defaultMaxListeners');
    defaultMax = n;
  },
});
Object.defineProperty(EventEmitter, 'kMaxEventTargetListeners', { value: targetMaxSymbol });
Object.defineProperty(EventEmitter, 'kMaxEventTargetListenersWarned', { value: targetWarnedSymbol });

EventEmitter.setMaxListeners = function (n = defaultMax, ...targets) {
  requireCount(n, 'n');
  if (targets.length === 0) {
    defaultMax = n;
    return;
  }
  for (const target of targets) {
    if (isEventTarget(target)) {
      target[targetMaxSymbol] = n;
      target[targetWarnedSymbol] = false;
    } else if (target !== null && typeof target === 'object' && typeof target.setMaxListeners === 'function') {
      target.setMaxListeners(n);
    } else {
      throw emitterOrTargetError('eventTargets', target);
    }
  }
};

// Sets up an emitter's own state; constructors of ES5-style subclasses call it through
// `EventEmitter.call(this)`. A second call keeps the listeners already registered.
EventEmitter.init = function (opts) {
  if (this._events === undefined || !ObjectHasOwn(this, '_events')) {
    this._events = freshStore();
    this._eventsCount = 0;
  }
  if (!ObjectHasOwn(this, '_maxListeners')) this._maxListeners = undefined;
  let capture = captureDefault;
  if (opts !== undefined && opts !== null && opts.captureRejections !== undefined) {
    if (typeof opts.captureRejections !== 'boolean') {
      throw errors.invalidArgType('options.captureRejections', 'boolean', opts.captureRejections);
    }
    capture = opts.captureRejections;
  }
  this[shapeSymbol] = false;
  this[captureSymbol] = capture;
};

EventEmitter.listenerCount = function (emitter, type) {
  if (typeof emitter.listenerCount === 'function') return emitter.listenerCount(type);
  return proto.listenerCount.call(emitter, type);
};

module.exports = EventEmitter;
