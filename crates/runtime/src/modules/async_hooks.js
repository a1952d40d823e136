// Node's `async_hooks`. `AsyncResource` is real: with no hooks and no AsyncLocalStorage to
// switch, entering a resource's scope is calling the function, which is what node
// observably does then. What needs the engine to report every async hop —
// `AsyncLocalStorage`, `createHook`, the execution/trigger ids — cannot be built on stock
// QuickJS-NG (its promise hook has no before/after around promise reactions or `await`
// resumptions), so it throws ERR_NOT_IMPLEMENTED rather than lose a store silently
// (COMPAT.md).
'use strict';

const { errors } = internal;
const makeError = errors.make;
const { deprecate } = require('util');

const missing = (name) => errors.notImplementedFunction('async_hooks', name);

function typeError(name, expected, value) {
  return errors.invalidArgType(name, expected, value);
}

// node numbers async resources from one counter; 1 is the main script's execution id.
let lastAsyncId = 1;

const kAsyncId = Symbol('asyncId');
const kTriggerId = Symbol('triggerAsyncId');

const warnAsyncResource = deprecate(() => {},
  'The asyncResource property on bound functions is deprecated', 'DEP0172');

function defineAsyncResource(fn, resource) {
  Object.defineProperty(fn, 'asyncResource', {
    enumerable: true,
    configurable: true,
    get() { warnAsyncResource(); return resource; },
    set(v) { warnAsyncResource(); resource = v; },
  });
}

class AsyncResource {
  constructor(type, opts = {}) {
    if (typeof type !== 'string') throw typeError('type', 'string', type);
    let triggerAsyncId = opts;
    let requireManualDestroy = false;
    if (typeof opts !== 'number') {
      triggerAsyncId = opts.triggerAsyncId;
      requireManualDestroy = !!opts.requireManualDestroy;
    }
    if (triggerAsyncId !== undefined && (!Number.isSafeInteger(triggerAsyncId) || triggerAsyncId < -1)) {
      throw makeError(RangeError, 'ERR_INVALID_ASYNC_ID', `Invalid triggerAsyncId value: ${triggerAsyncId}`);
    }
    void requireManualDestroy;
    this[kAsyncId] = ++lastAsyncId;
    this[kTriggerId] = triggerAsyncId;
  }

  runInAsyncScope(fn, thisArg, ...args) {
    return Reflect.apply(fn, thisArg, args);
  }

  emitDestroy() {
    return this;
  }

  asyncId() {
    return this[kAsyncId];
  }

  // Without an explicit trigger id node answers the execution id current at construction,
  // which nrt does not track.
  triggerAsyncId() {
    if (this[kTriggerId] === undefined) throw errors.notImplemented('asyncResource.triggerAsyncId');
    return this[kTriggerId];
  }

  bind(fn, thisArg) {
    if (typeof fn !== 'function') throw typeError('fn', 'Function', fn);
    let bound;
    if (thisArg === undefined) {
      const resource = this;
      bound = function (...args) {
        return resource.runInAsyncScope(fn, this, ...args);
      };
      Object.defineProperty(bound, 'name', { value: 'bound', configurable: true });
    } else {
      bound = this.runInAsyncScope.bind(this, fn, thisArg);
    }
    Object.defineProperty(bound, 'length', { value: fn.length, configurable: true });
    defineAsyncResource(bound, this);
    return bound;
  }

  static bind(fn, type, thisArg) {
    return new AsyncResource(type || fn.name || 'bound-anonymous-fn').bind(fn, thisArg);
  }
}

class AsyncLocalStorage {
  constructor() {
    throw errors.notImplemented('async_hooks.AsyncLocalStorage');
  }

  static bind() {
    throw errors.notImplemented('AsyncLocalStorage.bind');
  }

  static snapshot() {
    throw errors.notImplemented('AsyncLocalStorage.snapshot');
  }
}

module.exports = internal.partialModule('async_hooks', {
  AsyncLocalStorage,
  createHook: missing('createHook'),
  executionAsyncId: missing('executionAsyncId'),
  triggerAsyncId: missing('triggerAsyncId'),
  executionAsyncResource: missing('executionAsyncResource'),
  AsyncResource,
}, ['asyncWrapProviders']);
