// Web-platform globals node provides: TextEncoder/TextDecoder, atob/btoa, Event/EventTarget,
// AbortController/AbortSignal, DOMException, structuredClone; performance from performance.js.
'use strict';

const ub = internal.natives.util;
const { errors } = internal;

const typedArrayTag = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(Uint8Array.prototype), Symbol.toStringTag).get;

class DOMException extends Error {
  constructor(message = '', options = 'Error') {
    super(message);
    const name = typeof options === 'object' && options !== null ? (options.name ?? 'Error') : String(options);
    Object.defineProperty(this, 'name', { value: name, configurable: true, writable: true });
    if (typeof options === 'object' && options !== null && 'cause' in options) this.cause = options.cause;
    const codes = { IndexSizeError: 1, HierarchyRequestError: 3, WrongDocumentError: 4, InvalidCharacterError: 5, NoModificationAllowedError: 7, NotFoundError: 8, NotSupportedError: 9, InvalidStateError: 11, SyntaxError: 12, InvalidModificationError: 13, NamespaceError: 14, InvalidAccessError: 15, TypeMismatchError: 17, SecurityError: 18, NetworkError: 19, AbortError: 20, URLMismatchError: 21, QuotaExceededError: 22, TimeoutError: 23, InvalidNodeTypeError: 24, DataCloneError: 25 };
    Object.defineProperty(this, 'code', { value: codes[name] || 0, configurable: true });
  }
}

class TextEncoder {
  get encoding() { return 'utf-8'; }
  encode(input = '') { return ub.encodeUtf8(`${input}`); }
  encodeInto(src, dest) {
    const bytes = ub.encodeUtf8(`${src}`);
    let n = Math.min(bytes.length, dest.length);
    while (n > 0 && n < bytes.length && (bytes[n] & 0xc0) === 0x80) n--;
    dest.set(bytes.subarray(0, n));
    const read = ub.decodeUtf8(bytes.subarray(0, n)).length;
    return { read, written: n };
  }
}

class TextDecoder {
  #fatal; #ignoreBOM; #encoding; #pending = new Uint8Array(0); #bomSeen = false;
  constructor(encoding = 'utf-8', options = {}) {
    const enc = String(encoding).trim().toLowerCase();
    if (enc !== 'utf-8' && enc !== 'utf8' && enc !== 'unicode-1-1-utf-8') {
      throw errors.make(RangeError, 'ERR_ENCODING_NOT_SUPPORTED', `The "${encoding}" encoding is not supported`);
    }
    this.#encoding = 'utf-8';
    this.#fatal = !!(options && options.fatal);
    this.#ignoreBOM = !!(options && options.ignoreBOM);
  }
  get encoding() { return this.#encoding; }
  get fatal() { return this.#fatal; }
  get ignoreBOM() { return this.#ignoreBOM; }
  decode(input, options) {
    let view = input;
    if (input === undefined) view = new Uint8Array(0);
    else if (input instanceof ArrayBuffer) view = new Uint8Array(input);
    else if (ArrayBuffer.isView(input)) view = new Uint8Array(input.buffer, input.byteOffset, input.byteLength);
    else throw errors.invalidArgType('input', ['ArrayBuffer', 'ArrayBufferView'], input);
    const stream = !!(options && options.stream);
    if (this.#pending.length) {
      const all = new Uint8Array(this.#pending.length + view.length);
      all.set(this.#pending);
      all.set(view, this.#pending.length);
      view = all;
      this.#pending = new Uint8Array(0);
    }
    if (stream) {
      // Keep an incomplete UTF-8 sequence at the end for the next call.
      let cut = view.length;
      for (let i = view.length - 1, n = 0; i >= 0 && n < 4; i--, n++) {
        const b = view[i];
        if ((b & 0xc0) === 0x80) continue;
        const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
        if (view.length - i < need) cut = i;
        break;
      }
      this.#pending = view.slice(cut);
      view = view.subarray(0, cut);
    }
    let s = ub.decodeUtf8(view, this.#fatal);
    if (s === undefined || s === null) {
      throw errors.make(TypeError, 'ERR_ENCODING_INVALID_ENCODED_DATA', 'The encoded data was not valid for encoding utf-8');
    }
    if (!this.#ignoreBOM && !this.#bomSeen && s.length > 0) {
      if (s.charCodeAt(0) === 0xFEFF) s = s.slice(1);
      this.#bomSeen = true;
    }
    if (!stream) this.#bomSeen = false;
    return s;
  }
}

const b64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
function btoa(input) {
  if (arguments.length === 0) throw errors.make(TypeError, 'ERR_MISSING_ARGS', 'The "input" argument must be specified');
  input = `${input}`;
  let out = '';
  for (let i = 0; i < input.length; i++) {
    if (input.charCodeAt(i) > 255) throw new DOMException('Invalid character', 'InvalidCharacterError');
  }
  for (let i = 0; i < input.length; i += 3) {
    const a = input.charCodeAt(i), b = input.charCodeAt(i + 1), c = input.charCodeAt(i + 2);
    out += b64[a >> 2] + b64[((a & 3) << 4) | (b >> 4 || 0)] +
      (i + 1 < input.length ? b64[((b & 15) << 2) | (c >> 6 || 0)] : '=') +
      (i + 2 < input.length ? b64[c & 63] : '=');
  }
  return out;
}
function atob(input) {
  if (arguments.length === 0) throw errors.make(TypeError, 'ERR_MISSING_ARGS', 'The "input" argument must be specified');
  input = `${input}`.replace(/[\t\n\f\r ]/g, '');
  if (input.length % 4 === 0) input = input.replace(/==?$/, '');
  if (input.length % 4 === 1 || /[^A-Za-z0-9+/]/.test(input)) {
    throw new DOMException('The string to be decoded is not correctly encoded.', 'InvalidCharacterError');
  }
  let out = '';
  let buf = 0, bits = 0;
  for (const ch of input) {
    buf = (buf << 6) | b64.indexOf(ch);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out += String.fromCharCode((buf >> bits) & 255);
    }
  }
  return out;
}

const kStop = Symbol('kStop');
class Event {
  #type; #bubbles; #cancelable; #composed; #defaultPrevented = false; #timestamp;
  constructor(type, options = {}) {
    if (arguments.length === 0) throw errors.make(TypeError, 'ERR_MISSING_ARGS', 'The "type" argument must be specified');
    this.#type = `${type}`;
    this.#bubbles = !!(options && options.bubbles);
    this.#cancelable = !!(options && options.cancelable);
    this.#composed = !!(options && options.composed);
    this.#timestamp = performance.now();
    this[kStop] = false;
    this.target = null;
    Object.defineProperty(this, 'target', { value: null, writable: true, enumerable: false });
    Object.defineProperty(this, 'isTrusted', { get() { return false; }, enumerable: true });
  }
  get type() { return this.#type; }
  get bubbles() { return this.#bubbles; }
  get cancelable() { return this.#cancelable; }
  get composed() { return this.#composed; }
  get defaultPrevented() { return this.#cancelable && this.#defaultPrevented; }
  get timeStamp() { return this.#timestamp; }
  get currentTarget() { return this.target; }
  get srcElement() { return this.target; }
  get eventPhase() { return this.target ? 2 : 0; }
  get returnValue() { return !this.defaultPrevented; }
  get cancelBubble() { return this[kStop]; }
  composedPath() { return this.target ? [this.target] : []; }
  preventDefault() { this.#defaultPrevented = true; }
  stopPropagation() {}
  stopImmediatePropagation() { this[kStop] = true; }
}
Object.defineProperty(Event.prototype, Symbol.toStringTag, { value: 'Event', configurable: true });

class CustomEvent extends Event {
  #detail;
  constructor(type, options = {}) {
    super(type, options);
    this.#detail = options && options.detail !== undefined ? options.detail : null;
  }
  get detail() { return this.#detail; }
}
Object.defineProperty(CustomEvent.prototype, Symbol.toStringTag, { value: 'CustomEvent', configurable: true });

const kListeners = Symbol('kEvents');
class EventTarget {
  constructor() {
    Object.defineProperty(this, kListeners, { value: new Map() });
  }
  addEventListener(type, listener, options = {}) {
    if (listener == null) return;
    const once = typeof options === 'object' && options !== null && !!options.once;
    const capture = typeof options === 'boolean' ? options : !!(options && options.capture);
    const signal = options && options.signal;
    type = `${type}`;
    let list = this[kListeners].get(type);
    if (!list) this[kListeners].set(type, list = []);
    if (list.some((l) => l.listener === listener && l.capture === capture)) return;
    const rec = { listener, once, capture, removed: false };
    list.push(rec);
    if (signal) {
      if (signal.aborted) { this.removeEventListener(type, listener, options); return; }
      signal.addEventListener('abort', () => this.removeEventListener(type, listener, options), { once: true });
    }
  }
  removeEventListener(type, listener, options = {}) {
    const capture = typeof options === 'boolean' ? options : !!(options && options.capture);
    const list = this[kListeners].get(`${type}`);
    if (!list) return;
    const i = list.findIndex((l) => l.listener === listener && l.capture === capture);
    if (i !== -1) {
      list[i].removed = true;
      list.splice(i, 1);
    }
  }
  dispatchEvent(event) {
    if (!(event instanceof Event)) throw errors.invalidArgType('event', 'Event', event);
    event.target = this;
    const list = this[kListeners].get(event.type);
    if (list) {
      for (const rec of list.slice()) {
        if (rec.removed) continue;
        if (rec.once) this.removeEventListener(event.type, rec.listener, rec);
        try {
          if (typeof rec.listener === 'function') rec.listener.call(this, event);
          else if (rec.listener && typeof rec.listener.handleEvent === 'function') rec.listener.handleEvent(event);
        } catch (err) {
          process.nextTick(() => { throw err; });
        }
        if (event[kStop]) break;
      }
    }
    return !event.defaultPrevented;
  }
}
Object.defineProperty(EventTarget.prototype, Symbol.toStringTag, { value: 'EventTarget', configurable: true });

const kAborted = Symbol('kAborted');
const kOnAbort = Symbol('kOnAbort');
const kReason = Symbol('kReason');
let allowSignal = false;
class AbortSignal extends EventTarget {
  constructor() {
    if (!allowSignal) throw new TypeError('Illegal constructor');
    super();
    this[kAborted] = false;
    this[kReason] = undefined;
  }
  // An event handler attribute: registered as a listener when first set, as node does.
  get onabort() { return this[kOnAbort]?.handler ?? null; }
  set onabort(fn) {
    if (!this[kOnAbort]) {
      const rec = { handler: null };
      this[kOnAbort] = rec;
      this.addEventListener('abort', (ev) => { if (typeof rec.handler === 'function') rec.handler.call(this, ev); });
    }
    this[kOnAbort].handler = typeof fn === 'function' ? fn : null;
  }
  get aborted() { return this[kAborted]; }
  get reason() { return this[kReason]; }
  throwIfAborted() { if (this[kAborted]) throw this[kReason]; }
  static abort(reason = new DOMException('This operation was aborted', 'AbortError')) {
    const s = newSignal();
    s[kAborted] = true;
    s[kReason] = reason;
    return s;
  }
  static timeout(ms) {
    const s = newSignal();
    const t = setTimeout(() => abortSignal(s, new DOMException('The operation was aborted due to timeout', 'TimeoutError')), ms);
    t.unref();
    return s;
  }
  static any(signals) {
    const s = newSignal();
    for (const x of signals) {
      if (x.aborted) { abortSignal(s, x.reason); return s; }
    }
    for (const x of signals) x.addEventListener('abort', () => abortSignal(s, x.reason), { once: true });
    return s;
  }
}
Object.defineProperty(AbortSignal.prototype, Symbol.toStringTag, { value: 'AbortSignal', configurable: true });
AbortSignal.prototype[Symbol.for('nodejs.util.inspect.custom')] = function (depth, options, inspect) {
  return `AbortSignal { aborted: ${this.aborted} }`;
};
function newSignal() {
  allowSignal = true;
  try { return new AbortSignal(); } finally { allowSignal = false; }
}
function abortSignal(signal, reason) {
  if (signal[kAborted]) return;
  signal[kAborted] = true;
  signal[kReason] = reason;
  signal.dispatchEvent(new Event('abort'));
}
class AbortController {
  #signal = newSignal();
  get signal() { return this.#signal; }
  abort(reason = new DOMException('This operation was aborted', 'AbortError')) {
    abortSignal(this.#signal, reason);
  }
}
Object.defineProperty(AbortController.prototype, Symbol.toStringTag, { value: 'AbortController', configurable: true });
AbortController.prototype[Symbol.for('nodejs.util.inspect.custom')] = function () {
  return `AbortController { signal: AbortSignal { aborted: ${this.signal.aborted} } }`;
};

function structuredClone(value, options) {
  if (arguments.length === 0) throw errors.make(TypeError, 'ERR_MISSING_ARGS', 'The value argument must be specified');
  const transfer = transferListOf(options);
  const seen = new Map();
  const clone = (v) => {
    if (v === null || (typeof v !== 'object' && typeof v !== 'function')) {
      if (typeof v === 'symbol') throw new DOMException(`${String(v)} could not be cloned.`, 'DataCloneError');
      return v;
    }
    if (typeof v === 'function') throw new DOMException(`${Function.prototype.toString.call(v)} could not be cloned.`, 'DataCloneError');
    if (seen.has(v)) return seen.get(v);
    let out;
    const tag = Object.prototype.toString.call(v);
    if (Array.isArray(v)) {
      out = new Array(v.length);
      seen.set(v, out);
      for (const k of Object.keys(v)) out[k] = clone(v[k]);
      return out;
    }
    switch (tag) {
      case '[object Date]': out = new Date(v.getTime()); break;
      case '[object RegExp]': out = new RegExp(v.source, v.flags); break;
      case '[object Boolean]': out = Object(Boolean.prototype.valueOf.call(v)); break;
      case '[object Number]': out = Object(Number.prototype.valueOf.call(v)); break;
      case '[object String]': out = Object(String.prototype.valueOf.call(v)); break;
      case '[object BigInt]': out = Object(BigInt.prototype.valueOf.call(v)); break;
      case '[object Map]':
        out = new Map(); seen.set(v, out);
        for (const [k, x] of v) out.set(clone(k), clone(x));
        return out;
      case '[object Set]':
        out = new Set(); seen.set(v, out);
        for (const x of v) out.add(clone(x));
        return out;
      case '[object ArrayBuffer]':
        if (v.detached && !transfer.includes(v)) {
          throw new DOMException('An ArrayBuffer is detached and could not be cloned.', 'DataCloneError');
        }
        out = v.detached ? new ArrayBuffer(0) : v.slice(0);
        break;
      case '[object Error]': {
        const Ctor = { EvalError, RangeError, ReferenceError, SyntaxError, TypeError, URIError }[v.name] || Error;
        out = Object.create(Ctor.prototype);
        seen.set(v, out);
        Object.defineProperty(out, 'message', { value: String(v.message), writable: true, configurable: true });
        if (v.stack !== undefined) Object.defineProperty(out, 'stack', { value: String(v.stack), writable: true, configurable: true });
        if ('cause' in v) Object.defineProperty(out, 'cause', { value: clone(v.cause), writable: true, configurable: true });
        return out;
      }
      default:
        if (ArrayBuffer.isView(v)) {
          const buf = clone(v.buffer);
          // The intrinsic class, not `v.constructor`: a cloned Buffer is a Uint8Array.
          out = v instanceof DataView ? new DataView(buf, v.byteOffset, v.byteLength) :
            new globalThis[typedArrayTag.call(v)](buf, v.byteOffset, v.length);
          break;
        }
        if (tag !== '[object Object]' && tag !== '[object Arguments]') {
          throw new DOMException(`${internal.inspect(v)} could not be cloned.`, 'DataCloneError');
        }
        out = {};
        seen.set(v, out);
        for (const k of Object.keys(v)) out[k] = clone(v[k]);
        return out;
    }
    seen.set(v, out);
    return out;
  };
  const out = clone(value);
  // Transferred buffers leave the sender only once the whole value has been cloned.
  for (const ab of transfer) if (!ab.detached) ab.transfer();
  return out;
}

const abByteLength = Object.getOwnPropertyDescriptor(ArrayBuffer.prototype, 'byteLength').get;
function isArrayBuffer(v) {
  try {
    abByteLength.call(v);
    return true;
  } catch {
    return false;
  }
}

// structuredClone's `{ transfer }`: the ArrayBuffers to move (detached once cloned).
function transferListOf(options) {
  if (options === undefined || options === null) return [];
  if (typeof options !== 'object') {
    throw errors.make(TypeError, 'ERR_INVALID_ARG_TYPE', 'The options argument must be either an object or undefined');
  }
  const list = options.transfer;
  if (list === undefined) return [];
  if (list === null || typeof list !== 'object' || typeof list[Symbol.iterator] !== 'function') {
    throw errors.make(TypeError, 'ERR_INVALID_ARG_TYPE', 'Optional transferList argument must be an iterable');
  }
  const out = [];
  for (const item of list) {
    if (!isArrayBuffer(item)) {
      if (item !== null && typeof item === 'object' && typeof item.postMessage === 'function' &&
          typeof item.start === 'function') {
        throw errors.notImplemented('structuredClone with a MessagePort in the transfer list');
      }
      throw errors.make(TypeError, 'ERR_INVALID_TRANSFER_OBJECT', 'Found invalid object in transferList');
    }
    if (out.includes(item)) throw new DOMException('Transfer list contains duplicate ArrayBuffer', 'DataCloneError');
    out.push(item);
  }
  return out;
}

// The performance timeline (performance.js): the global `performance` is perf_hooks'.
const perf = internal.natives.loadBuiltin('internal/performance')(internal, EventTarget, DOMException, structuredClone);
const { performance, PerformanceEntry, PerformanceMark, PerformanceMeasure } = perf;
internal.perf = perf;

return {
  TextEncoder, TextDecoder, atob, btoa, Event, CustomEvent, EventTarget, AbortController, AbortSignal,
  DOMException, structuredClone, performance, PerformanceEntry, PerformanceMark, PerformanceMeasure,
};
