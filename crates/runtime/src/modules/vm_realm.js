// Evaluated inside each new vm realm (realm.rs) by vm.js, before any user code: leaves the
// realm's global object with what a new V8 context has in node 20 — the ECMAScript
// built-ins and a `console` whose methods print nothing (V8's own console, with no
// inspector attached) — and applies `codeGeneration: { strings: false }`.
(function vmRealm(allowStrings) {
  'use strict';
  const g = globalThis;
  // Node 20's list, less `Intl` and `WebAssembly`, which QuickJS has not.
  const keep = new Set([
    'AggregateError', 'Array', 'ArrayBuffer', 'Atomics', 'BigInt', 'BigInt64Array',
    'BigUint64Array', 'Boolean', 'DataView', 'Date', 'Error', 'EvalError',
    'FinalizationRegistry', 'Float32Array', 'Float64Array', 'Function', 'Infinity',
    'Int16Array', 'Int32Array', 'Int8Array', 'JSON', 'Map', 'Math', 'NaN', 'Number', 'Object',
    'Promise', 'Proxy', 'RangeError', 'ReferenceError', 'Reflect', 'RegExp', 'Set',
    'SharedArrayBuffer', 'String', 'Symbol', 'SyntaxError', 'TypeError', 'URIError',
    'Uint16Array', 'Uint32Array', 'Uint8Array', 'Uint8ClampedArray', 'WeakMap', 'WeakRef',
    'WeakSet', 'decodeURI', 'decodeURIComponent', 'encodeURI', 'encodeURIComponent',
    'escape', 'eval', 'globalThis', 'isFinite', 'isNaN', 'parseFloat', 'parseInt',
    'undefined', 'unescape',
  ]);
  for (const key of Reflect.ownKeys(g)) {
    if (typeof key !== 'string' || !keep.has(key)) Reflect.deleteProperty(g, key);
  }

  const console = {};
  for (const name of [
    'log', 'warn', 'dir', 'time', 'timeEnd', 'timeLog', 'trace', 'assert', 'clear', 'count',
    'countReset', 'group', 'groupEnd', 'table', 'debug', 'info', 'dirxml', 'error',
    'groupCollapsed', 'profile', 'profileEnd', 'timeStamp', 'context', 'createTask',
  ]) {
    const method = { [name]() {} }[name];
    Object.defineProperty(console, name, { value: method, writable: true, enumerable: true, configurable: true });
  }
  Object.defineProperty(console, Symbol.toStringTag, { value: 'console', writable: false, enumerable: false, configurable: true });
  Object.defineProperty(g, 'console', { value: console, writable: true, enumerable: false, configurable: true });

  if (!allowStrings) {
    const deny = () => {
      throw new EvalError('Code generation from strings disallowed for this context');
    };
    const evalFn = { eval() { deny(); } }.eval;
    Object.defineProperty(g, 'eval', { value: evalFn, writable: true, enumerable: false, configurable: true });
    // Every constructor that compiles a string: Function and its generator/async kinds,
    // wherever code can reach them (the global, and each prototype's `constructor`).
    const kinds = [function () {}, function* () {}, async function () {}, async function* () {}];
    for (const sample of kinds) {
      const real = Object.getPrototypeOf(sample).constructor;
      const blocked = function () { deny(); };
      Object.defineProperty(blocked, 'name', { value: real.name });
      Object.defineProperty(blocked, 'prototype', { value: real.prototype, writable: false, enumerable: false, configurable: false });
      Object.setPrototypeOf(blocked, Object.getPrototypeOf(real));
      Object.defineProperty(real.prototype, 'constructor', { value: blocked, writable: false, enumerable: false, configurable: true });
      if (real === g.Function) {
        Object.defineProperty(g, 'Function', { value: blocked, writable: true, enumerable: false, configurable: true });
      }
    }
  }
})
