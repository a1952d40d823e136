// What crosses a worker_threads channel. QuickJS's object writer (worker_threads.rs) carries
// plain data, Date, RegExp, Map, Set, ArrayBuffers, typed arrays and cycles; node also clones
// Errors and transfers MessagePorts, which the writer refuses. When it refuses a value, this
// file builds a copy with marker objects in their place (or throws node's DataCloneError),
// and the receiving side puts Errors and ports back.
'use strict';

const { errors } = internal;
const MARK = '\u0000nrt';
const toString = Object.prototype.toString;
const errorClasses = { EvalError, RangeError, ReferenceError, SyntaxError, TypeError, URIError };
// Tags the writer carries as they are.
const native = new Set([
  '[object Date]', '[object RegExp]', '[object ArrayBuffer]', '[object Boolean]',
  '[object Number]', '[object String]', '[object BigInt]', '[object SharedArrayBuffer]',
]);

function dataCloneError(what) {
  return new globalThis.DOMException(`${what} could not be cloned.`, 'DataCloneError');
}

function unclonable(v) {
  const name = v.constructor && v.constructor.name;
  return dataCloneError(name ? `#<${name}>` : internal.inspect(v));
}

// Whether `value` holds something QuickJS's writer would refuse or get wrong (symbols it
// would carry): Errors, ports, DataViews. Throws node's errors for what cannot be cloned.
function needsEncoding(value, isPort) {
  // Most messages are primitives or small trees: the cycle set is made on the first object.
  let seen;
  const walk = (v) => {
    if (typeof v === 'symbol') throw dataCloneError(String(v));
    if (typeof v === 'function') throw dataCloneError(Function.prototype.toString.call(v));
    if (v === null || typeof v !== 'object') return false;
    if (seen === undefined) seen = new Set();
    else if (seen.has(v)) return false;
    seen.add(v);
    if (isPort(v)) return true;
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) if (walk(v[i])) return true;
      return false;
    }
    const tag = toString.call(v);
    switch (tag) {
      case '[object Object]':
      case '[object Arguments]':
        for (const k of Object.keys(v)) if (walk(v[k])) return true;
        return false;
      case '[object Map]':
        for (const [k, x] of v) if (walk(k) || walk(x)) return true;
        return false;
      case '[object Set]':
        for (const x of v) if (walk(x)) return true;
        return false;
      case '[object Error]':
      case '[object DataView]':
        return true;
      default:
        if (native.has(tag) || ArrayBuffer.isView(v)) return false;
        throw unclonable(v);
    }
  };
  return walk(value);
}

// `full`: an uncaught exception for the parent's 'error' event keeps the error's own
// enumerable properties too (node serializes those errors its own way).
function encode(value, isPort, ports, full) {
  const seen = new Map();
  const walk = (v) => {
    if (typeof v === 'symbol') throw dataCloneError(String(v));
    if (typeof v === 'function') throw dataCloneError(Function.prototype.toString.call(v));
    if (v === null || typeof v !== 'object') return v;
    if (seen.has(v)) return seen.get(v);
    let out;
    if (isPort(v)) {
      const i = ports.indexOf(v);
      if (i === -1) {
        throw errors.make(TypeError, 'ERR_MISSING_TRANSFERABLE_IN_TRANSFER_LIST',
          'Object that needs transfer was found in message but not listed in transferList');
      }
      out = { [MARK]: 'port', i };
      seen.set(v, out);
      return out;
    }
    const tag = toString.call(v);
    if (tag === '[object Error]') {
      out = { [MARK]: 'error', name: v.name, message: v.message, stack: v.stack };
      seen.set(v, out);
      if (Object.prototype.hasOwnProperty.call(v, 'cause')) out.cause = walk(v.cause);
      if (full) {
        const extra = {};
        for (const k of Object.keys(v)) {
          try { extra[k] = walk(v[k]); } catch { /* what cannot be cloned is left out */ }
        }
        out.extra = extra;
      }
      return out;
    }
    if (Array.isArray(v)) {
      out = new Array(v.length);
      seen.set(v, out);
      for (const k of Object.keys(v)) out[k] = walk(v[k]);
      return out;
    }
    if (tag === '[object Map]') {
      out = new Map();
      seen.set(v, out);
      for (const [k, x] of v) out.set(walk(k), walk(x));
      return out;
    }
    if (tag === '[object Set]') {
      out = new Set();
      seen.set(v, out);
      for (const x of v) out.add(walk(x));
      return out;
    }
    if (tag === '[object DataView]') {
      out = { [MARK]: 'view', buffer: v.buffer, byteOffset: v.byteOffset, byteLength: v.byteLength };
      seen.set(v, out);
      return out;
    }
    if (native.has(tag) || ArrayBuffer.isView(v)) return v;
    if (tag !== '[object Object]' && tag !== '[object Arguments]') throw unclonable(v);
    out = {};
    seen.set(v, out);
    for (const k of Object.keys(v)) out[k] = walk(v[k]);
    return out;
  };
  return walk(value);
}

function reviveError(m, revive) {
  const Ctor = errorClasses[m.name] || Error;
  const e = Object.create(Ctor.prototype);
  const hidden = (k, v) => Object.defineProperty(e, k, { value: v, writable: true, configurable: true });
  // node's own serialization of a worker's uncaught error keeps `name` as an own property.
  if (m.extra) hidden('name', m.name);
  hidden('message', String(m.message));
  if (m.stack !== undefined) hidden('stack', String(m.stack));
  if ('cause' in m) hidden('cause', revive(m.cause));
  if (m.extra) {
    for (const k of Object.keys(m.extra)) e[k] = revive(m.extra[k]);
  }
  return e;
}

// Puts back what `encode` replaced; `ports` are the received MessagePort objects.
function decode(value, ports) {
  const done = new Map();
  const revive = (v) => {
    if (v === null || typeof v !== 'object') return v;
    if (done.has(v)) return done.get(v);
    if (Object.prototype.hasOwnProperty.call(v, MARK)) {
      const kind = v[MARK];
      const out = kind === 'port' ? ports[v.i]
        : kind === 'view' ? new DataView(v.buffer, v.byteOffset, v.byteLength)
          : reviveError(v, revive);
      done.set(v, out);
      return out;
    }
    done.set(v, v);
    const tag = toString.call(v);
    if (tag === '[object Map]') {
      const entries = [...v];
      v.clear();
      for (const [k, x] of entries) v.set(revive(k), revive(x));
    } else if (tag === '[object Set]') {
      const items = [...v];
      v.clear();
      for (const x of items) v.add(revive(x));
    } else if (Array.isArray(v) || tag === '[object Object]') {
      for (const k of Object.keys(v)) v[k] = revive(v[k]);
    }
    return v;
  };
  return revive(value);
}

module.exports = { needsEncoding, encode, decode };
